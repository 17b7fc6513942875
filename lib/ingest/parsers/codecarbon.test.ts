import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import type { NormalisedEvent } from '@/lib/ingest/types';

import { parseCodeCarbonCsv } from './codecarbon';

const DATA_DIR = path.resolve(__dirname, '../../../../shared/data/codecarbon');
const read = (file: string) => readFileSync(path.join(DATA_DIR, file), 'utf8');

function eventsOf(text: string, timeZone?: string): NormalisedEvent[] {
  return parseCodeCarbonCsv(text, { timeZone }).items.flatMap((item) =>
    item.ok ? [item.event] : [],
  );
}

const totalKwh = (event: NormalisedEvent) =>
  event.energy.kind === 'kwh' ? event.energy.totalKwh : NaN;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// A second, deliberately plain reading of the same rule: group rows by run; a
// run's total is its longest row with a positive energy; when its longest row
// has none, that row is an item too (rejected), and a run with none at all
// gives only that rejected item.
function reference(text: string) {
  const rows = parse(text, { bom: true, columns: true, relax_column_count: true }) as Array<
    Record<string, string>
  >;
  const groups: Array<{ key: string; start: number; rows: Array<Record<string, string>> }> = [];
  for (const row of rows) {
    const id = 'run_id' in row ? row.run_id : row.experiment_id;
    const start = Date.parse(`${row.timestamp}Z`) / 1000 - Number(row.duration);
    const group = groups.find((g) =>
      id ? g.key === id : g.key === `:${row.project_name}` && Math.abs(g.start - start) <= 2,
    );
    if (group) group.rows.push(row);
    else groups.push({ key: id || `:${row.project_name}`, start, rows: [row] });
  }
  const longest = (rows: Array<Record<string, string>>) =>
    rows.reduce((a, b) => (Number(b.duration) >= Number(a.duration) ? b : a));
  const hasEnergy = (row: Record<string, string>) =>
    row.energy_consumed !== '' && Number(row.energy_consumed) > 0;
  const runs = groups.map((g) => {
    const usable = g.rows.filter(hasEnergy);
    return { longest: longest(g.rows), total: usable.length > 0 ? longest(usable) : undefined };
  });
  const good = runs.flatMap((run) => (run.total ? [run.total] : []));
  const fallbacks = runs.filter((run) => run.total && run.total !== run.longest).length;

  return {
    items: runs.length + fallbacks,
    events: good.length,
    kwh: sum(good.map((row) => Number(row.energy_consumed))),
    grams: sum(good.map((row) => Number(row.emissions) * 1000)),
  };
}

const expectClose = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);

describe('parseCodeCarbonCsv on real files', () => {
  it.each(readdirSync(DATA_DIR).filter((file) => file.endsWith('.csv')))(
    '%s matches the reference reading',
    (file) => {
      const text = read(file);
      const items = parseCodeCarbonCsv(text).items;
      const events = eventsOf(text);
      const expected = reference(text);

      expect(items).toHaveLength(expected.items);
      expect(events).toHaveLength(expected.events);
      expectClose(sum(events.map(totalKwh)), expected.kwh);
      expectClose(sum(events.map((event) => event.sourceEmissionsG ?? NaN)), expected.grams);
      expect(items.map((item) => item.index)).toEqual(
        [...items.map((i) => i.index)].sort((a, b) => a - b),
      );
    },
  );

  it.each([
    // file, items, events, kWh, g: each run total read off the file by hand
    ['v2.3-cumulative-flush-rows.csv', 5, 5, 0.0009788297342591442, 0.06596333579172625],
    ['v3-fixture-38-columns.csv', 1, 1, 0.00057442898176, 0.4490989249167],
    ['v2.5-single-row-blank-location.csv', 1, 1, 2.7617639148173922e-8, 7.21248455174136e-6],
    ['v1-legacy-12-columns-crlf.csv', 13, 13, 5.605741280277627e-6, 0.0023801076589357825],
  ])('%s: %i items, %i events, hand-checked sums', (file, items, events, kwh, grams) => {
    const text = read(file);
    const parsed = eventsOf(text);

    expect(parseCodeCarbonCsv(text).items).toHaveLength(items);
    expect(parsed).toHaveLength(events);
    expectClose(sum(parsed.map(totalKwh)), kwh);
    expectClose(sum(parsed.map((event) => event.sourceEmissionsG ?? NaN)), grams);
  });

  it('v2.3: a run written as 6 cumulative rows counts once, with its whole window', () => {
    const run = eventsOf(read('v2.3-cumulative-flush-rows.csv')).find(
      (event) => event.runExternalId === 'codecarbon:5d6c08a2-d292-42d0-a66a-20282765b56f',
    );

    expect(run).toMatchObject({
      idempotencyKey: 'codecarbon:5d6c08a2-d292-42d0-a66a-20282765b56f',
      windowEnd: new Date('2023-11-09T12:39:31Z'),
      windowStart: new Date(Date.parse('2023-11-09T12:39:31Z') - 44090.16823768616),
      energy: {
        kind: 'kwh',
        totalKwh: 0.0005939216277665562,
        cpuKwh: 0.0005204515001840062,
        gpuKwh: 0,
        ramKwh: 7.347012758255005e-5,
        includesPue: true,
      },
      pue: 1,
      sourceEmissionsG: 0.04002437849518822,
      pipelineSlug: 'codecarbon',
    });
  });

  it('v2.4: rows without a run_id that share a start are one run; its blank longest row is rejected', () => {
    const items = parseCodeCarbonCsv(read('v2.4-example-flush-rows.csv')).items;
    const rejected = items.filter((item) => !item.ok);

    expect(items).toHaveLength(19);
    expect(rejected).toEqual([
      {
        index: 5,
        ok: false,
        issues: [
          { path: 'line 7: emissions', reason: 'emissions is blank' },
          { path: 'line 7: energy_consumed', reason: 'energy_consumed is blank' },
        ],
        raw: expect.stringMatching(/^2024-05-31T10:46:01,codecarbon,,75\.8280918598175,,,/),
      },
    ]);
    // Line 3 (its own start) stands alone; lines 4 to 7 are one run whose
    // longest row (7) and line 6 have no energy, so line 5 is its total.
    expect(items.slice(0, 4).map((item) => [item.index, item.ok])).toEqual([
      [0, true],
      [1, true],
      [3, true],
      [5, false],
    ]);
    expect(items[2]).toMatchObject({
      event: {
        windowEnd: new Date('2024-05-31T10:45:39Z'),
        energy: { totalKwh: 7.662417213125141e-5 },
        sourceEmissionsG: 6.503783106328489e-3,
      },
    });
  });

  it('v1 legacy (CRLF, 12 columns): experiment_id is the run, UTF-8 region kept', () => {
    const [first] = eventsOf(read('v1-legacy-12-columns-crlf.csv'));

    expect(first).toEqual({
      idempotencyKey: 'codecarbon:40367a98-d690-492c-89c0-05c066153ef3',
      kind: 'training',
      windowStart: new Date(Date.parse('2021-03-25T17:15:42Z') - 4515.016794204712),
      windowEnd: new Date('2021-03-25T17:15:42Z'),
      pipelineSlug: 'lgbmclassifier_tdf',
      runExternalId: 'codecarbon:40367a98-d690-492c-89c0-05c066153ef3',
      runKind: 'training',
      energy: { kind: 'kwh', totalKwh: 2.326146035127443e-8, includesPue: true },
      pue: 1,
      location: { countryIso: 'FRA' },
      work: {},
      sourceEmissionsG: 9.876442235193083e-6,
      attributes: {
        region: 'île-de-france',
        timestamp_time_zone: 'UTC',
        timestamp_time_zone_assumed: true,
        pue_note: 'no pue column: CodeCarbon applied no PUE, 1 assumed',
      },
    });
  });

  it('v3.2 with cloud columns last: attributes and water by header name', () => {
    const [first] = eventsOf(read('v3.2-water-columns-cloud-at-end.csv'));

    expect(first?.attributes).toEqual({
      codecarbon_version: '3.2.2',
      cpu_model: 'Apple M1 Pro',
      gpu_model: 'Apple M1 Pro',
      os: 'macOS-26.3-arm64-arm-64bit',
      tracking_mode: 'machine',
      water_consumed: 0,
      region: 'capital region',
      timestamp_time_zone: 'UTC',
      timestamp_time_zone_assumed: true,
    });
    expect(first?.location).toEqual({ countryIso: 'DNK' });
    expect(first?.pipelineSlug).toBe('prompting_phase');
  });
});
