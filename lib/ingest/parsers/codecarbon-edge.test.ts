import { describe, expect, it } from 'vitest';

import { parseCodeCarbonCsv } from './codecarbon';
import { BodyError } from './errors';

const HEADER =
  'timestamp,project_name,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_iso_code,cloud_provider,cloud_region,pue';
const row = (fields: Partial<Record<string, string>>) => {
  const values: Record<string, string> = {
    timestamp: '2024-05-31T10:39:13',
    project_name: 'Fine Tune',
    run_id: 'run-a',
    duration: '60',
    emissions: '0.002',
    cpu_energy: '0.001',
    gpu_energy: '0.003',
    ram_energy: '0.001',
    energy_consumed: '0.005',
    country_iso_code: 'FRA',
    cloud_provider: '',
    cloud_region: '',
    pue: '1.2',
    ...fields,
  };
  return HEADER.split(',')
    .map((column) => values[column])
    .join(',');
};
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseCodeCarbonCsv: rows it rejects', () => {
  it.each([
    [
      'a partial line from concurrent writers',
      '0,,,,,',
      'line 2',
      "the row has 6 of the header's 13 columns (a partial line, e.g. from two trackers writing the file at once)",
    ],
    [
      'negative energy (counter wrap)',
      row({ gpu_energy: '-0.2' }),
      'line 2: gpu_energy',
      'gpu_energy is negative (-0.2 kWh), as when an energy counter wraps around; the row cannot be priced',
    ],
    [
      'zero energy (not measured)',
      row({ energy_consumed: '0' }),
      'line 2: energy_consumed',
      'energy_consumed is 0 kWh: CodeCarbon measured no energy for this run, so it cannot be priced',
    ],
    [
      'NaN energy',
      row({ energy_consumed: 'NaN' }),
      'line 2: energy_consumed',
      'energy_consumed "NaN" is not a number',
    ],
    ['blank emissions', row({ emissions: '' }), 'line 2: emissions', 'emissions is blank'],
    [
      'zero duration',
      row({ duration: '0' }),
      'line 2: duration',
      'duration must be more than 0 seconds',
    ],
    [
      'bad timestamp',
      row({ timestamp: '31/05/2024 10:39' }),
      'line 2: timestamp',
      'timestamp "31/05/2024 10:39" is not a date and time',
    ],
    ['pue below 1', row({ pue: '0.8' }), 'line 2: pue', 'pue must be at least 1'],
  ])('%s', (_name, line, path, reason) => {
    expect(parseCodeCarbonCsv(csv(line)).items).toEqual([
      { index: 0, ok: false, issues: [{ path, reason }], raw: line },
    ]);
  });

  it('keeps good runs beside bad rows, each at its own line', () => {
    const items = parseCodeCarbonCsv(
      csv(
        row({}),
        '0,,,,,',
        row({ run_id: 'run-b', energy_consumed: '-1' }),
        row({ run_id: 'run-c' }),
      ),
    ).items;

    expect(items.map((item) => [item.index, item.ok, item.ok ? '' : item.issues[0]?.path])).toEqual(
      [
        [0, true, ''],
        [1, false, 'line 3'],
        [2, false, 'line 4: energy_consumed'],
        [3, true, ''],
      ],
    );
  });
});

describe('parseCodeCarbonCsv: a run whose longest row cannot be priced', () => {
  const early = row({ timestamp: '2024-05-31T10:39:13', duration: '60', energy_consumed: '0.005' });
  const later = (energy: string) =>
    row({ timestamp: '2024-05-31T10:40:13', duration: '120', energy_consumed: energy });

  it.each([
    ['blank', '', 'energy_consumed is blank'],
    [
      'zero',
      '0',
      'energy_consumed is 0 kWh: CodeCarbon measured no energy for this run, so it cannot be priced',
    ],
    [
      'negative',
      '-3',
      'energy_consumed is negative (-3 kWh), as when an energy counter wraps around; the row cannot be priced',
    ],
  ])(
    '%s energy: the longest usable row is the total, the longer row is rejected',
    (_name, energy, reason) => {
      const items = parseCodeCarbonCsv(csv(early, later(energy))).items;

      expect(items.map((item) => [item.index, item.ok])).toEqual([
        [0, true],
        [1, false],
      ]);
      expect(items[0]).toMatchObject({ event: { energy: { totalKwh: 0.005 } } });
      expect(items[1]).toMatchObject({ issues: [{ path: 'line 3: energy_consumed', reason }] });
    },
  );

  it('a run without any usable row gives only its longest row, rejected', () => {
    const items = parseCodeCarbonCsv(csv(row({ energy_consumed: '' }), later(''))).items;

    expect(items.map((item) => [item.index, item.ok])).toEqual([[1, false]]);
  });
});

describe('parseCodeCarbonCsv: reading the file', () => {
  it('reads BOM, CRLF, reordered columns and cloud location by header name', () => {
    const columns = HEADER.split(',').reverse();
    const values = row({ cloud_provider: 'gcp', cloud_region: 'europe-west1' })
      .split(',')
      .reverse();
    const text = `\ufeff${columns.join(',')}\r\n${values.join(',')}\r\n`;
    const [item] = parseCodeCarbonCsv(text).items;

    expect(item?.ok && item.event).toMatchObject({
      windowStart: new Date('2024-05-31T10:38:13Z'),
      windowEnd: new Date('2024-05-31T10:39:13Z'),
      pipelineSlug: 'fine-tune',
      runExternalId: 'codecarbon:run-a',
      energy: {
        kind: 'kwh',
        totalKwh: 0.005,
        cpuKwh: 0.001,
        gpuKwh: 0.003,
        ramKwh: 0.001,
        includesPue: true,
      },
      pue: 1.2,
      location: { countryIso: 'FRA', cloudProvider: 'gcp', cloudRegion: 'europe-west1' },
      sourceEmissionsG: 2,
    });
  });

  it.each([
    ['Europe/Paris in summer', 'Europe/Paris', '2024-05-31T10:39:13', '2024-05-31T08:39:13Z'],
    ['Europe/Paris in winter', 'Europe/Paris', '2024-01-15T10:39:13', '2024-01-15T09:39:13Z'],
    [
      'America/New_York after DST',
      'America/New_York',
      '2024-03-10T04:00:00',
      '2024-03-10T08:00:00Z',
    ],
    ['UTC when no zone is given', undefined, '2024-05-31T10:39:13', '2024-05-31T10:39:13Z'],
    [
      'an explicit offset wins',
      'Europe/Paris',
      '2024-05-31T10:39:13+05:30',
      '2024-05-31T05:09:13Z',
    ],
  ])('reads naive timestamps: %s', (_name, timeZone, timestamp, utc) => {
    const [item] = parseCodeCarbonCsv(csv(row({ timestamp })), { timeZone }).items;

    expect(item?.ok && item.event.windowEnd).toEqual(new Date(utc));
    expect(item?.ok && item.event.attributes).toMatchObject({
      timestamp_time_zone: timeZone ?? 'UTC',
      timestamp_time_zone_assumed: timeZone === undefined,
    });
  });

  it.each([
    ['an unknown time zone', csv(row({})), { timeZone: 'Mars/Olympus' }, 'invalid_time_zone'],
    [
      'a file without energy',
      'timestamp,project_name,duration\n2024-01-01T00:00:00,x,1',
      {},
      'missing_columns',
    ],
    ['an empty file', '', {}, 'missing_columns'],
    ['broken quoting', `${HEADER}\n"2024-05-31T10:39:13,x`, {}, 'invalid_csv'],
  ])('throws BodyError for %s', (_name, text, options, code) => {
    expect(() => parseCodeCarbonCsv(text, options)).toThrow(BodyError);
    expect(() => parseCodeCarbonCsv(text, options)).toThrow(
      expect.objectContaining({ code }) as unknown as Error,
    );
  });
});

describe('parseCodeCarbonCsv: idempotency keys', () => {
  const flushes = [
    row({ duration: '30', energy_consumed: '0.002', timestamp: '2024-05-31T10:38:43' }),
    row({ duration: '60', energy_consumed: '0.005' }),
  ];

  it('a run keeps its key as it grows, so a later upload is a duplicate, not a second run', () => {
    const [early] = parseCodeCarbonCsv(csv(flushes[0]!)).items;
    const [later] = parseCodeCarbonCsv(csv(...flushes)).items;

    expect(early?.ok && early.event.idempotencyKey).toBe('codecarbon:run-a');
    expect(later?.ok && later.event.idempotencyKey).toBe('codecarbon:run-a');
    expect(later?.ok && later.event.energy).toMatchObject({ totalKwh: 0.005 });
  });

  it('rows without a run_id are keyed by their content, the same across line endings', () => {
    const noId = row({ run_id: '' });
    const [lf] = parseCodeCarbonCsv(csv(noId)).items;
    const [crlf] = parseCodeCarbonCsv(`${HEADER}\r\n${noId}\r\n`).items;
    const [other] = parseCodeCarbonCsv(csv(row({ run_id: '', emissions: '0.003' }))).items;
    const key = lf?.ok ? lf.event.idempotencyKey : '';

    expect(key).toMatch(/^codecarbon:[0-9a-f]{64}$/);
    expect(crlf?.ok && crlf.event.idempotencyKey).toBe(key);
    expect(other?.ok && other.event.idempotencyKey).not.toBe(key);
    expect(lf?.ok && lf.event.runExternalId).toBeUndefined();
  });

  it('rows without a run_id but different starts are different runs', () => {
    const items = parseCodeCarbonCsv(
      csv(
        row({ run_id: '', duration: '30', timestamp: '2024-05-31T10:38:43' }),
        row({ run_id: '', duration: '60', timestamp: '2024-05-31T10:39:13' }),
        row({ run_id: '', duration: '10', timestamp: '2024-05-31T10:39:13' }),
      ),
    ).items;

    expect(items.map((item) => item.index)).toEqual([1, 2]);
  });
});
