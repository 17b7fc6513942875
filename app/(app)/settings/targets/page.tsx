import { DeleteButton } from '@/components/ui/confirm-button';
import { ACTIONS, RecordTable } from '@/components/ui/record-table';
import { Section } from '@/components/ui/section';
import { listTeamOptions } from '@/lib/auth/teams';
import { can, requireViewer } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { formatEmissions, formatPercent } from '@/lib/format';
import { listTargets } from '@/lib/methodology/targets';

import { TargetForm } from './target-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Targets' };

export default async function TargetsPage() {
  const viewer = await requireViewer({ returnTo: '/settings/targets' });

  const [targets, teams] = await Promise.all([
    listTargets(getPool(), viewer.organisationId),
    listTeamOptions(getPool(), viewer.organisationId),
  ]);
  const canEdit = can.manageFactors(viewer.role);

  return (
    <main className="page">
      <h1>Targets</h1>
      <p className="muted">
        Reduction targets: a baseline year&apos;s emissions and the emissions aimed for in a target
        year. The overview tracks the organisation-wide target with the latest target year against a
        straight line from baseline to target.
      </p>

      {canEdit ? (
        <Section id="add-target" title="Add a target">
          <TargetForm teams={teams} />
        </Section>
      ) : null}

      <Section id="target-list" title="Targets">
        <RecordTable
          columns={[
            'Name',
            'Scope',
            { label: 'Baseline', numeric: true },
            { label: 'Target', numeric: true },
            { label: 'Reduction', numeric: true },
            canEdit && ACTIONS,
          ]}
          rows={targets}
          empty="No targets yet."
        >
          {(target) => (
            <tr key={target.id}>
              <td>{target.name}</td>
              <td>{target.teamName ?? 'Whole organisation'}</td>
              <td className="num">
                {formatEmissions(target.baselineEmissionsG)}
                <div className="muted">{target.baselineYear}</div>
              </td>
              <td className="num">
                {formatEmissions(target.targetEmissionsG)}
                <div className="muted">{target.targetYear}</div>
              </td>
              <td className="num">
                {formatPercent(
                  target.baselineEmissionsG > 0
                    ? 1 - target.targetEmissionsG / target.baselineEmissionsG
                    : null,
                )}
              </td>
              {canEdit ? (
                <td>
                  <DeleteButton
                    url={`/api/v1/targets/${target.id}`}
                    name={target.name}
                    confirm={`Delete the target “${target.name}”?`}
                  />
                </td>
              ) : null}
            </tr>
          )}
        </RecordTable>
      </Section>
    </main>
  );
}
