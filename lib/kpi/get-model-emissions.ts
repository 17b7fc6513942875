// Emissions per model, work without a model included, with the inference
// share apart: gCO2e per 1,000 inferences counts only serving, never the
// model's training. Built on the breakdown by model, so the totals match it.
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { getBreakdown } from '@/lib/kpi/get-breakdown';
import { perThousand } from '@/lib/kpi/intensity';

export interface ModelEmissions {
  /** The model's id, or null for work without a model. */
  key: string | null;
  slug: string | null;
  label: string;
  emissionsG: number;
  facilityEnergyKwh: number;
  eventCount: number;
  /** Inferences served, and the emissions of the inference events only. */
  inferences: number;
  inferenceEmissionsG: number;
  gPer1kInferences: number | null;
}

/** One row per model (and one for no model), largest emissions first. */
export async function getModelEmissions(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
): Promise<ModelEmissions[]> {
  const servingOnly = filters.kind === undefined || filters.kind === 'inference';
  const [all, inference] = await Promise.all([
    getBreakdown(organisationId, range, 'model', filters),
    servingOnly
      ? getBreakdown(organisationId, range, 'model', { ...filters, kind: 'inference' })
      : [],
  ]);
  const serving = new Map(inference.map((row) => [row.key, row]));

  return all.map((row) => {
    const inferences = serving.get(row.key)?.inferences ?? 0;
    const inferenceEmissionsG = serving.get(row.key)?.emissionsG ?? 0;

    return {
      key: row.key,
      slug: row.slug,
      label: row.label,
      emissionsG: row.emissionsG,
      facilityEnergyKwh: row.facilityEnergyKwh,
      eventCount: row.eventCount,
      inferences,
      inferenceEmissionsG,
      gPer1kInferences: perThousand(inferenceEmissionsG, inferences),
    };
  });
}
