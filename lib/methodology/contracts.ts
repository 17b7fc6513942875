// Energy contracts (certificates, PPAs, green tariffs) that market-based
// figures allocate consumption to. Officers and admins add and remove them;
// every change is audited.
import { recordAudit } from '@/lib/auth/audit';
import type { Queryable } from '@/lib/db/pool';
import { withTransaction } from '@/lib/db/pool';
import type { ContractInput } from '@/lib/methodology/schemas';

export interface EnergyContract {
  id: string;
  kind: ContractInput['kind'];
  name: string;
  regionKey: string;
  energyMwh: number;
  intensityGPerKwh: number;
  validFrom: Date;
  validTo: Date;
  createdAt: Date;
}

interface ContractRow {
  id: string;
  kind: ContractInput['kind'];
  name: string;
  region_key: string;
  energy_mwh: number;
  intensity_g_per_kwh: number;
  valid_from: Date;
  valid_to: Date;
  created_at: Date;
}

const COLUMNS = `id, kind, name, region_key, energy_mwh, intensity_g_per_kwh, valid_from,
  valid_to, created_at`;

const toContract = (row: ContractRow): EnergyContract => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  regionKey: row.region_key,
  energyMwh: row.energy_mwh,
  intensityGPerKwh: row.intensity_g_per_kwh,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  createdAt: row.created_at,
});

export async function listContracts(client: Queryable, organisationId: string) {
  const { rows } = await client.query<ContractRow>(
    `SELECT ${COLUMNS} FROM energy_contract WHERE organisation_id = $1
      ORDER BY valid_from DESC, name, id`,
    [organisationId],
  );

  return rows.map(toContract);
}

export async function createContract(
  organisationId: string,
  actorUserId: string | null,
  input: ContractInput,
): Promise<EnergyContract> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<ContractRow>(
      `INSERT INTO energy_contract (organisation_id, kind, name, region_key, energy_mwh,
         intensity_g_per_kwh, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        organisationId,
        input.kind,
        input.name,
        input.region_key,
        input.energy_mwh,
        input.intensity_g_per_kwh,
        input.valid_from,
        input.valid_to,
      ],
    );
    const contract = toContract(rows[0] as ContractRow);
    await recordAudit(client, {
      organisationId,
      actorUserId,
      action: 'energy_contract.created',
      targetType: 'energy_contract',
      targetId: contract.id,
      details: { ...input },
    });

    return contract;
  });
}

/** Deletes one contract; false when the organisation has no such contract. */
export async function deleteContract(
  organisationId: string,
  actorUserId: string | null,
  contractId: string,
): Promise<boolean> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<ContractRow>(
      `DELETE FROM energy_contract WHERE organisation_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [organisationId, contractId],
    );
    const deleted = rows[0];
    if (!deleted) return false;
    const { id, ...details } = toContract(deleted);
    await recordAudit(client, {
      organisationId,
      actorUserId,
      action: 'energy_contract.deleted',
      targetType: 'energy_contract',
      targetId: id,
      details,
    });

    return true;
  });
}
