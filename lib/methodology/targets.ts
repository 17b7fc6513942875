// Emission reduction targets: a baseline year's emissions and the emissions
// aimed for in a target year, for the organisation or one team.
import { recordAudit } from '@/lib/auth/audit';
import type { Queryable } from '@/lib/db/pool';
import { withTransaction } from '@/lib/db/pool';
import type { TargetInput } from '@/lib/methodology/schemas';

export interface Target {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  baselineYear: number;
  baselineEmissionsG: number;
  targetYear: number;
  targetEmissionsG: number;
  createdAt: Date;
}

interface TargetRow {
  id: string;
  name: string;
  team_id: string | null;
  team_name: string | null;
  baseline_year: number;
  baseline_emissions_g: number;
  target_year: number;
  target_emissions_g: number;
  created_at: Date;
}

const toTarget = (row: TargetRow): Target => ({
  id: row.id,
  name: row.name,
  teamId: row.team_id,
  teamName: row.team_name,
  baselineYear: row.baseline_year,
  baselineEmissionsG: row.baseline_emissions_g,
  targetYear: row.target_year,
  targetEmissionsG: row.target_emissions_g,
  createdAt: row.created_at,
});

export async function listTargets(client: Queryable, organisationId: string) {
  const { rows } = await client.query<TargetRow>(
    `SELECT t.id, t.name, t.team_id, tm.name AS team_name, t.baseline_year,
            t.baseline_emissions_g, t.target_year, t.target_emissions_g, t.created_at
       FROM target t
       LEFT JOIN team tm ON tm.organisation_id = t.organisation_id AND tm.id = t.team_id
      WHERE t.organisation_id = $1
      ORDER BY t.target_year DESC, t.created_at DESC`,
    [organisationId],
  );

  return rows.map(toTarget);
}

export type CreateTargetResult =
  { ok: true; target: Target } | { ok: false; reason: 'unknown_team' };

export async function createTarget(
  organisationId: string,
  actorUserId: string | null,
  input: TargetInput,
): Promise<CreateTargetResult> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<TargetRow>(
      `INSERT INTO target (organisation_id, name, team_id, baseline_year, baseline_emissions_g,
         target_year, target_emissions_g)
       SELECT $1, $2, $3, $4, $5, $6, $7
        WHERE $3::uuid IS NULL
           OR EXISTS (SELECT 1 FROM team WHERE organisation_id = $1 AND id = $3)
       RETURNING id, name, team_id, NULL::text AS team_name, baseline_year,
                 baseline_emissions_g, target_year, target_emissions_g, created_at`,
      [
        organisationId,
        input.name,
        input.team_id,
        input.baseline_year,
        input.baseline_emissions_g,
        input.target_year,
        input.target_emissions_g,
      ],
    );
    const row = rows[0];
    if (!row) return { ok: false, reason: 'unknown_team' } as const;
    const target = toTarget(row);
    await recordAudit(client, {
      organisationId,
      actorUserId,
      action: 'target.created',
      targetType: 'target',
      targetId: target.id,
      details: { ...input },
    });

    return { ok: true, target } as const;
  });
}

/** Deletes one target; false when the organisation has no such target. */
export async function deleteTarget(
  organisationId: string,
  actorUserId: string | null,
  targetId: string,
): Promise<boolean> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; name: string; target_year: number }>(
      `DELETE FROM target WHERE organisation_id = $1 AND id = $2
       RETURNING id, name, target_year`,
      [organisationId, targetId],
    );
    const deleted = rows[0];
    if (!deleted) return false;
    await recordAudit(client, {
      organisationId,
      actorUserId,
      action: 'target.deleted',
      targetType: 'target',
      targetId: deleted.id,
      details: { name: deleted.name, targetYear: deleted.target_year },
    });

    return true;
  });
}
