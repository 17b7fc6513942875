import { ACTIONS, RecordTable } from '@/components/ui/record-table';
import { Section } from '@/components/ui/section';
import { listApiKeysFor } from '@/lib/auth/api-key-admin';
import { formatDateTime } from '@/lib/auth/display';
import { listTeamOptions } from '@/lib/auth/teams';
import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';

import { CreateApiKeyForm } from './create-api-key-form';
import { RevokeButton } from './revoke-button';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'API keys' };

function status(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) {
  if (key.revokedAt) return 'Revoked';
  if (key.expiresAt && key.expiresAt <= now) return 'Expired';

  return 'Active';
}

export default async function ApiKeysPage() {
  const viewer = await requireViewer({
    roles: rolesThat('manageKeys'),
    returnTo: '/settings/api-keys',
  });

  const [apiKeys, allTeams] = await Promise.all([
    listApiKeysFor(viewer),
    listTeamOptions(getPool(), viewer.organisationId),
  ]);
  const teams =
    viewer.role === 'admin' ? allTeams : allTeams.filter((team) => team.id === viewer.teamId);
  const now = new Date();
  const at = (value: Date | null) => formatDateTime(value, viewer.timeZone);

  return (
    <main className="page">
      <h1>API keys</h1>
      <p className="muted">
        Keys send telemetry to <code>POST /api/v1/events</code>. A key is shown once when it is
        created; GreenOps keeps only a hash of it.
        {viewer.role === 'admin' ? '' : ' You see the keys of your own team.'}
      </p>

      <Section id="create-key" title="Create a key">
        <CreateApiKeyForm teams={teams} teamRequired={viewer.role !== 'admin' && !!viewer.teamId} />
      </Section>

      <Section id="key-list" title="Keys">
        <RecordTable
          columns={['Name', 'Prefix', 'Team', 'Created', 'Expires', 'Last used', 'Status', ACTIONS]}
          rows={apiKeys}
          empty="No keys yet."
        >
          {(key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>gok_{key.prefix}_…</code>
              </td>
              <td>{key.teamName ?? 'All teams'}</td>
              <td>
                {at(key.createdAt)}
                {key.createdByName ? <div className="muted">{key.createdByName}</div> : null}
              </td>
              <td>{key.expiresAt ? at(key.expiresAt) : 'Never'}</td>
              <td>{key.lastUsedAt ? at(key.lastUsedAt) : 'Never'}</td>
              <td>{status(key, now)}</td>
              <td>{key.revokedAt ? null : <RevokeButton id={key.id} name={key.name} />}</td>
            </tr>
          )}
        </RecordTable>
      </Section>
    </main>
  );
}
