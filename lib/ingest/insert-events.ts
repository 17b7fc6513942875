// The hot path: one INSERT for all events of a batch, and in the same
// statement the hourly rollups they add to (spread over hours by the rule in
// rollups.ts). Duplicates (same idempotency key) insert nothing and add nothing.
import type pg from 'pg';

import { spreadOverHoursSql } from '@/lib/ingest/rollups';

export interface EventRow {
  idempotency_key: string;
  kind: string;
  window_start: string;
  window_end: string;
  team_id: string | null;
  model_id: string | null;
  model_version_id: string | null;
  pipeline_id: string | null;
  run_id: string | null;
  step: string | null;
  cpu_energy_kwh: number | null;
  gpu_energy_kwh: number | null;
  ram_energy_kwh: number | null;
  energy_kwh: number;
  energy_min_kwh: number;
  energy_max_kwh: number;
  energy_source: string;
  pue: number;
  pue_source: string;
  facility_energy_kwh: number;
  cloud_provider: string | null;
  cloud_region: string | null;
  country_iso3: string | null;
  region_key: string;
  inferences: number | null;
  requests: number | null;
  tokens_in: number | null;
  tokens_cached_in: number | null;
  tokens_out: number | null;
  samples: number | null;
  gpu_hours: number | null;
  intensity_g_per_kwh: number;
  intensity_source: string;
  intensity_fallback: boolean;
  factor_set_id: string;
  factor_set_version: number;
  emissions_g: number;
  emissions_min_g: number;
  emissions_max_g: number;
  embodied_g: number;
  source_emissions_g: number | null;
  attributes: Record<string, unknown> | null;
}

const INSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(
    idempotency_key text, kind event_kind, window_start timestamptz, window_end timestamptz,
    team_id uuid, model_id uuid, model_version_id uuid, pipeline_id uuid, run_id uuid,
    step text, cpu_energy_kwh float8, gpu_energy_kwh float8, ram_energy_kwh float8,
    energy_kwh float8, energy_min_kwh float8, energy_max_kwh float8,
    energy_source energy_source, pue float8, pue_source text, facility_energy_kwh float8,
    cloud_provider text, cloud_region text, country_iso3 text, region_key text,
    inferences bigint, requests bigint, tokens_in bigint, tokens_cached_in bigint,
    tokens_out bigint, samples bigint, gpu_hours float8, intensity_g_per_kwh float8,
    intensity_source text, intensity_fallback boolean, factor_set_id uuid,
    factor_set_version int, emissions_g float8, emissions_min_g float8,
    emissions_max_g float8, embodied_g float8, source_emissions_g float8, attributes jsonb)
),
ins AS (
  INSERT INTO emission_event (
    organisation_id, source, import_id, idempotency_key, kind, window_start, window_end,
    team_id, model_id, model_version_id, pipeline_id, run_id, step, cpu_energy_kwh,
    gpu_energy_kwh, ram_energy_kwh, energy_kwh, energy_min_kwh, energy_max_kwh,
    energy_source, pue, pue_source, facility_energy_kwh, cloud_provider, cloud_region,
    country_iso3, region_key, inferences, requests, tokens_in, tokens_cached_in, tokens_out,
    samples, gpu_hours, intensity_g_per_kwh, intensity_source, intensity_fallback,
    factor_set_id, factor_set_version, emissions_g, emissions_min_g, emissions_max_g,
    embodied_g, source_emissions_g, attributes)
  SELECT $1::uuid, $2::event_source, $3::uuid, idempotency_key, kind, window_start, window_end,
    team_id, model_id, model_version_id, pipeline_id, run_id, step, cpu_energy_kwh,
    gpu_energy_kwh, ram_energy_kwh, energy_kwh, energy_min_kwh, energy_max_kwh,
    energy_source, pue, pue_source, facility_energy_kwh, cloud_provider, cloud_region,
    country_iso3, region_key, inferences, requests, tokens_in, tokens_cached_in, tokens_out,
    samples, gpu_hours, intensity_g_per_kwh, intensity_source, intensity_fallback,
    factor_set_id, factor_set_version, emissions_g, emissions_min_g, emissions_max_g,
    embodied_g, source_emissions_g, attributes
  FROM input
  ON CONFLICT (organisation_id, idempotency_key) DO NOTHING
  RETURNING *
),
${spreadOverHoursSql('ins')}
SELECT idempotency_key, id FROM ins`;

/** Inserts the rows; returns the ids of those that were new, by key. */
export async function insertEvents(
  client: pg.ClientBase,
  target: { organisationId: string; source: string; importId: string | null },
  rows: EventRow[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const { rows: inserted } = await client.query<{ idempotency_key: string; id: string }>(
    INSERT_SQL,
    [target.organisationId, target.source, target.importId, JSON.stringify(rows)],
  );

  return new Map(inserted.map((r) => [r.idempotency_key, r.id]));
}
