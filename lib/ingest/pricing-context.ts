// What pricing an organisation's events needs: its settings, its active
// factor set (indexed once per process and version) and the LLM catalogue.
import { FactorIndex } from '@/lib/carbon/factors';
import { buildLlmCatalogue, type LlmCatalogue } from '@/lib/carbon/llm';
import type { PricingContext } from '@/lib/carbon/price';
import { ensureDefaultFactorSet, loadFactorSet } from '@/lib/db/factor-sets';
import { getPool } from '@/lib/db/pool';
import { readLlmModelsJson } from '@/lib/db/reference-data';

const indexes = new Map<string, Promise<FactorIndex>>();
let catalogue: LlmCatalogue | undefined;

export function llmCatalogue(): LlmCatalogue {
  catalogue ??= buildLlmCatalogue(readLlmModelsJson());

  return catalogue;
}

/** Factor sets never change once stored (a change is a new version). */
export function factorIndex(factorSetId: string): Promise<FactorIndex> {
  let index = indexes.get(factorSetId);
  if (!index) {
    index = loadFactorSet(getPool(), factorSetId).then((set) => new FactorIndex(set));
    index.catch(() => indexes.delete(factorSetId));
    indexes.set(factorSetId, index);
  }

  return index;
}

export class UnknownOrganisationError extends Error {}

export async function loadPricingContext(organisationId: string) {
  const pool = getPool();
  const { rows } = await pool.query<{
    default_pue: number;
    auto_create_entities: boolean;
    active_factor_set_id: string | null;
  }>(
    `SELECT default_pue, auto_create_entities, active_factor_set_id
       FROM organisation WHERE id = $1`,
    [organisationId],
  );
  const organisation = rows[0];
  if (!organisation) throw new UnknownOrganisationError(organisationId);
  const factorSetId = organisation.active_factor_set_id ?? (await ensureDefaultFactorSet(pool));
  const context: PricingContext = {
    factors: await factorIndex(factorSetId),
    organisationDefaultPue: organisation.default_pue,
    llm: llmCatalogue(),
  };

  return { context, autoCreateEntities: organisation.auto_create_entities };
}
