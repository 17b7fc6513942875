// Our figures beside CodeCarbon's own for CodeCarbon-imported runs: the same
// facility energy, two emission figures, and the grid intensity each implies
// (emissions ÷ energy), so a gap can be traced to the factor, not the energy.
import type { Queryable } from '@/lib/db/pool';

export interface ReconciliationFigures {
  facilityEnergyKwh: number;
  /** Ours, location-based. */
  emissionsG: number;
  /** CodeCarbon's `emissions` column, in g. */
  sourceEmissionsG: number;
  /** Ours ÷ energy; null without energy. */
  intensityGPerKwh: number | null;
  /** CodeCarbon's ÷ energy; null without energy. */
  sourceIntensityGPerKwh: number | null;
  /** Ours − CodeCarbon's. */
  differenceG: number;
  /** (ours − CodeCarbon's) ÷ CodeCarbon's; null when CodeCarbon's is 0. */
  relativeDifference: number | null;
}

export interface ImportReconciliation extends ReconciliationFigures {
  importId: string;
  fileName: string | null;
  importedAt: Date;
  runCount: number;
}

export interface RunReconciliation extends ReconciliationFigures {
  eventId: string;
  runExternalId: string | null;
  pipelineName: string | null;
  windowStart: Date;
  windowEnd: Date;
  countryIso3: string | null;
  regionKey: string;
  factorSetVersion: number;
}

interface FigureRow {
  facility_energy_kwh: number;
  emissions_g: number;
  source_emissions_g: number;
}

function figures(row: FigureRow): ReconciliationFigures {
  const energy = row.facility_energy_kwh;
  const differenceG = row.emissions_g - row.source_emissions_g;

  return {
    facilityEnergyKwh: energy,
    emissionsG: row.emissions_g,
    sourceEmissionsG: row.source_emissions_g,
    intensityGPerKwh: energy > 0 ? row.emissions_g / energy : null,
    sourceIntensityGPerKwh: energy > 0 ? row.source_emissions_g / energy : null,
    differenceG,
    relativeDifference: row.source_emissions_g > 0 ? differenceG / row.source_emissions_g : null,
  };
}

/** Totals per CodeCarbon import, newest first. */
export async function listImportReconciliations(
  client: Queryable,
  organisationId: string,
): Promise<ImportReconciliation[]> {
  const { rows } = await client.query<
    FigureRow & { import_id: string; file_name: string | null; created_at: Date; runs: number }
  >(
    `SELECT i.id AS import_id, i.file_name, i.created_at, count(*)::int AS runs,
            sum(e.facility_energy_kwh) AS facility_energy_kwh,
            sum(e.emissions_g) AS emissions_g,
            coalesce(sum(e.source_emissions_g), 0) AS source_emissions_g
       FROM emission_event e
       JOIN import_record i ON i.organisation_id = e.organisation_id AND i.id = e.import_id
      WHERE e.organisation_id = $1 AND e.source = 'codecarbon'
      GROUP BY i.id, i.file_name, i.created_at
      ORDER BY i.created_at DESC, i.id`,
    [organisationId],
  );

  return rows.map((row) => ({
    importId: row.import_id,
    fileName: row.file_name,
    importedAt: row.created_at,
    runCount: row.runs,
    ...figures(row),
  }));
}

/** The runs one import stored, earliest first; `limit` caps a very long file. */
export async function listRunReconciliations(
  client: Queryable,
  organisationId: string,
  importId: string,
  limit = 1_000,
): Promise<RunReconciliation[]> {
  const { rows } = await client.query<
    FigureRow & {
      id: string;
      external_id: string | null;
      pipeline_name: string | null;
      window_start: Date;
      window_end: Date;
      country_iso3: string | null;
      region_key: string;
      factor_set_version: number;
    }
  >(
    `SELECT e.id, r.external_id, p.name AS pipeline_name, e.window_start, e.window_end,
            e.country_iso3, e.region_key, e.factor_set_version, e.facility_energy_kwh,
            e.emissions_g, coalesce(e.source_emissions_g, 0) AS source_emissions_g
       FROM emission_event e
       LEFT JOIN run r ON r.organisation_id = e.organisation_id AND r.id = e.run_id
       LEFT JOIN pipeline p ON p.organisation_id = e.organisation_id AND p.id = e.pipeline_id
      WHERE e.organisation_id = $1 AND e.import_id = $2 AND e.source = 'codecarbon'
      ORDER BY e.window_start, e.id
      LIMIT $3`,
    [organisationId, importId, limit],
  );

  return rows.map((row) => ({
    eventId: row.id,
    runExternalId: row.external_id,
    pipelineName: row.pipeline_name,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    countryIso3: row.country_iso3,
    regionKey: row.region_key,
    factorSetVersion: row.factor_set_version,
    ...figures(row),
  }));
}
