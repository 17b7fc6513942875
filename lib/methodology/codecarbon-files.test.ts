// The methodology's acceptance test on real CodeCarbon files: every file in
// ../shared/data/codecarbon is imported into its own organisation, and what
// is stored is checked against figures computed here from the raw CSV (with
// csv-parse, not our parser) and the raw Ember file.
//
// How a file's energy is computed here (the written rule):
// 1. A row belongs to the run named by run_id (files without a run_id
//    column: experiment_id). Rows without one belong to the run of the same
//    project (and experiment) that started at the same time, i.e. timestamp
//    − duration within 2 s, since timestamps are rounded to the second.
// 2. CodeCarbon's rows are cumulative, so a run's energy is that of its
//    longest row with a usable energy_consumed (a positive number), the later
//    one on a tie; never a sum of rows.
// 3. A blank, zero or negative energy_consumed is not usable: CodeCarbon
//    measured nothing (blank or zero, e.g. a crash before the last flush) or
//    its counter wrapped (negative). When a run's longest row is such a row,
//    that row is counted as rejected, and the run is still stored with its
//    longest usable row, the energy measured up to the last good flush. A run
//    with no usable row is not stored.
// Timestamps without an offset are UTC; energies already include CodeCarbon's
// PUE, so they are facility energy.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createOrganisation } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { importCodeCarbon } from '@/lib/ingest/imports';
import {
  listImportReconciliations,
  listRunReconciliations,
} from '@/lib/methodology/reconciliation';

const DATA_DIR = path.resolve(process.cwd(), '../shared/data/codecarbon');
const EMBER_CSV = path.resolve(
  process.cwd(),
  'prisma/reference/ember_country_avg_gco2_per_kwh.csv',
);
const SAME_START_MS = 2_000;
const FILES = readdirSync(DATA_DIR)
  .filter((name) => name.endsWith('.csv'))
  .sort();

type Row = Record<string, string>;

interface ExpectedRun {
  endIso: string;
  energyKwh: number;
  emissionsG: number;
  countryIso3: string;
}

function emberFactors(): Map<string, number> {
  const rows = parse(readFileSync(EMBER_CSV, 'utf8'), { columns: true }) as Row[];

  return new Map(
    rows
      .filter((row) => row.country_code)
      .map((row) => [row.country_code as string, Number(row.gco2e_per_kwh)]),
  );
}

function utcMs(timestamp: string): number {
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(timestamp) ? timestamp : `${timestamp}Z`;

  return new Date(withZone).getTime();
}

function expectedRuns(csvText: string): { runs: ExpectedRun[]; rejectedRows: number } {
  const rows = parse(csvText, {
    columns: (header: string[]) => header.map((name) => name.trim()),
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Row[];
  const hasRunId = rows.length > 0 && 'run_id' in (rows[0] as Row);
  const runs: Array<{ id: string | null; group: string; startMs: number; rows: Row[] }> = [];
  for (const row of rows) {
    const id = ((hasRunId ? row.run_id : row.experiment_id) ?? '').trim() || null;
    const endMs = utcMs((row.timestamp ?? '').trim());
    const startMs = endMs - Number(row.duration) * 1000;
    const group = `${row.project_name}|${row.experiment_id ?? ''}`;
    const run = runs.find((r) =>
      id !== null
        ? r.id === id
        : r.id === null && r.group === group && Math.abs(r.startMs - startMs) <= SAME_START_MS,
    );
    if (run) run.rows.push(row);
    else runs.push({ id, group, startMs, rows: [row] });
  }

  const longestOf = (candidates: Row[]) =>
    candidates.reduce((best, row) => (Number(row.duration) >= Number(best.duration) ? row : best));
  const energyOf = (row: Row) => {
    const text = (row.energy_consumed ?? '').trim();
    return text === '' ? NaN : Number(text);
  };
  const usable = (row: Row) => energyOf(row) > 0;

  const rejectedRows = runs.filter((run) => !usable(longestOf(run.rows))).length;
  const counted = runs.flatMap((run) => {
    const candidates = run.rows.filter(usable);
    if (candidates.length === 0) return [];
    const total = longestOf(candidates);

    return [
      {
        endIso: new Date(utcMs((total.timestamp ?? '').trim())).toISOString(),
        energyKwh: energyOf(total),
        emissionsG: Number(total.emissions) * 1000,
        countryIso3: (total.country_iso_code ?? '').trim().toUpperCase(),
      },
    ];
  });

  return { runs: counted, rejectedRows };
}

const sortRuns = <T extends { endIso: string; energyKwh: number }>(runs: T[]) =>
  [...runs].sort((a, b) => a.endIso.localeCompare(b.endIso) || a.energyKwh - b.energyKwh);

/** Equal to 12 significant digits: sums of many floats differ in the last bits. */
function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
}

let database: TestDatabase;
const factors = emberFactors();

beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe.each(FILES)('CodeCarbon file %s', (fileName) => {
  const csvText = readFileSync(path.join(DATA_DIR, fileName), 'utf8');
  const file = expectedRuns(csvText);
  const expected = sortRuns(file.runs);
  let organisationId: string;
  let firstImport: Awaited<ReturnType<typeof importCodeCarbon>>;

  beforeAll(async () => {
    const slug = fileName
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase()
      .slice(0, 60);
    organisationId = (await createOrganisation(getPool(), { slug, name: fileName })).id;
    firstImport = await importCodeCarbon({ organisationId }, csvText, { fileName });
  });

  it('stores each run with the file’s energy and energy × the default factor', async () => {
    const { rows } = await getPool().query<{
      window_end: Date;
      facility_energy_kwh: number;
      emissions_g: number;
      intensity_g_per_kwh: number;
      region_key: string;
      source_emissions_g: number;
    }>(
      `SELECT window_end, facility_energy_kwh, emissions_g, intensity_g_per_kwh, region_key,
              source_emissions_g
         FROM emission_event WHERE organisation_id = $1`,
      [organisationId],
    );
    const stored = sortRuns(
      rows.map((row) => ({
        ...row,
        endIso: row.window_end.toISOString(),
        energyKwh: row.facility_energy_kwh,
      })),
    );

    expect(expected.length).toBeGreaterThan(0);
    expect(firstImport).toMatchObject({ accepted: expected.length, rejected: file.rejectedRows });
    expect(stored).toHaveLength(expected.length);
    expected.forEach((run, i) => {
      const event = stored[i] as (typeof stored)[number];
      const factor = factors.get(run.countryIso3) as number;
      expect(factor).toBeGreaterThan(0);
      expect(event.endIso).toBe(run.endIso);
      expect(event.facility_energy_kwh).toBe(run.energyKwh);
      expect(event.region_key).toBe(`country:${run.countryIso3}`);
      expect(event.intensity_g_per_kwh).toBe(factor);
      expectClose(event.emissions_g, run.energyKwh * factor);
      expectClose(event.source_emissions_g, run.emissionsG);
    });
  });

  it('shows CodeCarbon’s implied intensity beside ours, per run and per import', async () => {
    const imports = await listImportReconciliations(getPool(), organisationId);
    const runs = await listRunReconciliations(getPool(), organisationId, firstImport.importId);

    expect(imports).toHaveLength(1);
    const totals = imports[0];
    const energy = expected.reduce((sum, run) => sum + run.energyKwh, 0);
    const theirs = expected.reduce((sum, run) => sum + run.emissionsG, 0);
    const ours = expected.reduce(
      (sum, run) => sum + run.energyKwh * (factors.get(run.countryIso3) as number),
      0,
    );
    expect(totals).toMatchObject({
      importId: firstImport.importId,
      fileName,
      runCount: expected.length,
    });
    expectClose(totals?.facilityEnergyKwh ?? NaN, energy);
    expectClose(totals?.sourceEmissionsG ?? NaN, theirs);
    expectClose(totals?.sourceIntensityGPerKwh ?? NaN, theirs / energy);
    expectClose(totals?.intensityGPerKwh ?? NaN, ours / energy);
    expectClose(totals?.differenceG ?? NaN, ours - theirs);

    const byRun = sortRuns(
      runs.map((run) => ({
        ...run,
        endIso: run.windowEnd.toISOString(),
        energyKwh: run.facilityEnergyKwh,
      })),
    );
    expect(byRun).toHaveLength(expected.length);
    expected.forEach((run, i) => {
      const row = byRun[i] as (typeof byRun)[number];
      expectClose(row.sourceIntensityGPerKwh ?? NaN, run.emissionsG / run.energyKwh);
      expectClose(row.intensityGPerKwh ?? NaN, factors.get(run.countryIso3) as number);
    });
  });

  it('stores nothing new when the same file is imported again', async () => {
    const again = await importCodeCarbon({ organisationId }, csvText, { fileName });
    const { rows } = await getPool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM emission_event WHERE organisation_id = $1',
      [organisationId],
    );

    expect(again).toMatchObject({
      accepted: 0,
      duplicates: expected.length,
      rejected: firstImport.rejected,
    });
    expect(rows[0]?.n).toBe(expected.length);
  });

  it('keeps rollup totals equal to event totals', async () => {
    const { rows } = await getPool().query<Record<string, number>>(
      `SELECT e.n, e.energy, e.ours, e.theirs, r.n AS rollup_n, r.energy AS rollup_energy,
              r.ours AS rollup_ours, r.theirs AS rollup_theirs
         FROM (SELECT count(*)::int AS n, sum(facility_energy_kwh) AS energy,
                      sum(emissions_g) AS ours, sum(source_emissions_g) AS theirs
                 FROM emission_event WHERE organisation_id = $1) e,
              (SELECT sum(event_count)::int AS n, sum(facility_energy_kwh) AS energy,
                      sum(emissions_g) AS ours, sum(source_emissions_g) AS theirs
                 FROM emission_rollup_hourly WHERE organisation_id = $1) r`,
      [organisationId],
    );
    const totals = rows[0] as Record<string, number>;

    expect(totals.rollup_n).toBe(totals.n);
    expectClose(totals.rollup_energy as number, totals.energy as number);
    expectClose(totals.rollup_ours as number, totals.ours as number);
    expectClose(totals.rollup_theirs as number, totals.theirs as number);
  });
});
