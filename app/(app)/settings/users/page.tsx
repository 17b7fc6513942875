import { RecordTable } from '@/components/ui/record-table';
import { Section } from '@/components/ui/section';
import { formatDateTime } from '@/lib/auth/display';
import { ROLES, ROLE_LABELS } from '@/lib/auth/roles';
import { listTeamOptions } from '@/lib/auth/teams';
import { listMembers } from '@/lib/auth/users';
import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';

import { AddUserForm } from './add-user-form';
import { RoleSelect } from './role-select';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const viewer = await requireViewer({
    roles: rolesThat('manageUsers'),
    returnTo: '/settings/users',
  });

  const [members, teams] = await Promise.all([
    listMembers(getPool(), viewer.organisationId),
    listTeamOptions(getPool(), viewer.organisationId),
  ]);
  const roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  return (
    <main className="page">
      <h1>Users</h1>
      <p className="muted">
        Members of {viewer.organisationName} and what their role lets them do: admins manage users
        and keys; sustainability officers manage factors, contracts, targets and reports; engineers
        send data and manage their team&apos;s keys; executives read dashboards and reports.
      </p>

      <Section id="members" title="Members">
        <RecordTable columns={['Name', 'Email', 'Team', 'Role', 'Last sign-in']} rows={members}>
          {(member) => (
            <tr key={member.userId}>
              <td>
                {member.name}
                {member.userId === viewer.userId ? <span className="muted"> (you)</span> : null}
              </td>
              <td>{member.email}</td>
              <td>{member.teamName ?? '—'}</td>
              <td>
                <RoleSelect
                  userId={member.userId}
                  name={member.name}
                  role={member.role}
                  roles={roles}
                />
              </td>
              <td>{formatDateTime(member.lastSignInAt, viewer.timeZone)}</td>
            </tr>
          )}
        </RecordTable>
      </Section>

      <Section id="add-user" title="Add a user">
        <AddUserForm roles={roles} teams={teams} />
      </Section>
    </main>
  );
}
