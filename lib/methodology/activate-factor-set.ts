// Choosing the set new events are priced with. Events already stored keep
// their figures until an officer re-prices their period (reprice.ts).
import { recordAudit } from '@/lib/auth/audit';
import { withTransaction } from '@/lib/db/pool';
import { findAvailableFactorSet } from '@/lib/methodology/factor-sets';

/** Makes a set the one new events are priced with; null when it is not available. */
export async function activateFactorSet(input: {
  organisationId: string;
  actorUserId?: string | null;
  factorSetId: string;
}) {
  return withTransaction(async (client) => {
    const set = await findAvailableFactorSet(client, input.organisationId, input.factorSetId);
    if (!set) return null;
    const { rows } = await client.query<{ previous: string | null }>(
      `UPDATE organisation o SET active_factor_set_id = $2
         FROM (SELECT active_factor_set_id AS previous FROM organisation WHERE id = $1) p
        WHERE o.id = $1 RETURNING p.previous`,
      [input.organisationId, set.id],
    );
    await recordAudit(client, {
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      action: 'factor_set.activated',
      targetType: 'emission_factor_set',
      targetId: set.id,
      details: { name: set.name, version: set.version, previousFactorSetId: rows[0]?.previous },
    });

    return set;
  });
}
