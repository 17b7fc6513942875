// LLM API usage by provider and model, with the estimate's range and a
// what-if: the same requests and output tokens on a smaller sibling model,
// priced at the intensity the real calls got.
import { estimateLlmCall, llmUsageEmissionsG } from '@/lib/carbon/llm';
import { getPool } from '@/lib/db/pool';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { perThousand } from '@/lib/kpi/intensity';
import { llmCatalogue, smallerSibling } from '@/lib/kpi/llm-catalogue';
import { Params, rollupWhere } from '@/lib/kpi/sql';

export interface LlmWhatIf {
  model: string;
  emissionsG: number;
  emissionsMinG: number;
  emissionsMaxG: number;
  /** What-if minus actual (negative: a saving). */
  differenceG: number;
}

export interface LlmUsageRow {
  modelId: string;
  slug: string;
  provider: string;
  model: string;
  requests: number;
  tokensIn: number;
  tokensCachedIn: number;
  tokensOut: number;
  facilityEnergyKwh: number;
  emissionsG: number;
  emissionsMinG: number;
  emissionsMaxG: number;
  embodiedG: number;
  gPer1kTokens: number | null;
  /** tokensCachedIn / tokensIn (0..1), null without input tokens. */
  cachedInputShare: number | null;
  whatIf: LlmWhatIf | null;
}

function whatIfFor(row: Omit<LlmUsageRow, 'whatIf' | 'gPer1kTokens' | 'cachedInputShare'>) {
  const models = llmCatalogue();
  const sibling = smallerSibling(models, row.provider, row.model);
  if (!sibling || row.facilityEnergyKwh <= 0) return null;
  const estimate = estimateLlmCall(models, {
    provider: row.provider,
    model: sibling.name,
    outputTokens: Math.round(row.tokensOut),
    requests: Math.max(1, Math.round(row.requests)),
  });
  if ('issue' in estimate) return null;
  const intensityGPerKwh = row.emissionsG / row.facilityEnergyKwh;
  const range = llmUsageEmissionsG(estimate, intensityGPerKwh);
  const emissionsG =
    ((estimate.energyMinKwh + estimate.energyMaxKwh) / 2) * estimate.pue * intensityGPerKwh;

  return {
    model: sibling.name,
    emissionsG,
    emissionsMinG: range.minG,
    emissionsMaxG: range.maxG,
    differenceG: emissionsG - row.emissionsG,
  } satisfies LlmWhatIf;
}

export async function getLlmUsage(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
): Promise<LlmUsageRow[]> {
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, { ...filters, kind: 'llm_api_call' });
  const { rows } = await getPool().query<
    Omit<LlmUsageRow, 'whatIf' | 'gPer1kTokens' | 'cachedInputShare'>
  >(
    `SELECT m.id::text AS "modelId", m.slug, coalesce(m.provider, 'unknown') AS provider,
            m.name AS model, sum(r.requests) AS requests, sum(r.tokens_in) AS "tokensIn",
            sum(r.tokens_cached_in) AS "tokensCachedIn", sum(r.tokens_out) AS "tokensOut",
            sum(r.facility_energy_kwh) AS "facilityEnergyKwh", sum(r.emissions_g) AS "emissionsG",
            sum(r.emissions_min_g) AS "emissionsMinG", sum(r.emissions_max_g) AS "emissionsMaxG",
            sum(r.embodied_g) AS "embodiedG"
       FROM emission_rollup_hourly r
       JOIN model m ON m.organisation_id = r.organisation_id AND m.id = r.model_id
      WHERE ${where}
      GROUP BY m.id, m.slug, m.provider, m.name
      ORDER BY "emissionsG" DESC, m.name`,
    params.values,
  );

  return rows.map((row) => ({
    ...row,
    gPer1kTokens: perThousand(row.emissionsG, row.tokensIn + row.tokensOut),
    cachedInputShare: row.tokensIn > 0 ? row.tokensCachedIn / row.tokensIn : null,
    whatIf: whatIfFor(row),
  }));
}
