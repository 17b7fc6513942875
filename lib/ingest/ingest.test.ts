import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '@/lib/db/pool';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseCodeCarbonCsv } from '@/lib/ingest/parsers/codecarbon';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { parseOpenAiUsage } from '@/lib/ingest/parsers/openai-usage';
import type { ParseResult } from '@/lib/ingest/types';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

let org: TestOrganisation;

beforeAll(async () => {
  org = await setUpOrganisation();
});
afterAll(async () => {
  await org.database.drop();
});

// France's Ember factor in the shipped default set.
const FRA_G_PER_KWH = 44.18;

const good = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'inference',
  start: '2026-07-01T10:00:00Z',
  end: '2026-07-01T11:00:00Z',
  team: 'search',
  model: 'ranker',
  energy_kwh: 2,
  country: 'FR',
  inferences: 1000,
  ...extra,
});

function ingestParsed(parsed: ParseResult) {
  return ingestBatch(
    { organisationId: org.organisationId, source: 'api', contentSha256: 'test' },
    parsed,
  );
}

async function ingest(events: unknown[]) {
  return ingestParsed(parseEventsBody({ events }, { maxEvents: 100 }));
}

const CODECARBON_HEADER =
  'timestamp,project_name,run_id,duration,emissions,energy_consumed,country_iso_code';
const codeCarbon = (row: string) => parseCodeCarbonCsv(`${CODECARBON_HEADER}\n${row}\n`);
const openAiResult = (result: Record<string, unknown>) =>
  parseOpenAiUsage([
    {
      start_time: 1_782_864_000,
      end_time: 1_782_950_400,
      results: [{ input_tokens: 10, output_tokens: 5, num_model_requests: 1, ...result }],
    },
  ]);
const llmCall = (extra: Record<string, unknown>) =>
  good('llm', {
    kind: 'llm_api_call',
    energy_kwh: undefined,
    country: undefined,
    provider: 'openai',
    model: 'gpt-4o-mini',
    tokens_out: 10,
    ...extra,
  });

async function storedEvents() {
  const { rows } = await getPool().query(
    `SELECT idempotency_key, energy_kwh, facility_energy_kwh, pue, emissions_g,
            intensity_g_per_kwh, region_key, inferences
       FROM emission_event WHERE organisation_id = $1 ORDER BY idempotency_key`,
    [org.organisationId],
  );

  return rows;
}

describe('ingestBatch', () => {
  it('stores the good items of a mixed batch and answers for each item', async () => {
    await ingest([good('before')]);

    const result = await ingest([
      good('a'),
      good('before'),
      good('bad-window', { end: '2026-07-01T09:00:00Z' }),
      good('a'),
      good('b', { energy_kwh: -1 }),
      good('c', { energy_kwh: 0.5, pue: 1.2 }),
    ]);

    expect(result).toMatchObject({ accepted: 2, duplicates: 2, rejected: 2 });
    expect(result.items.map((i) => [i.index, i.status])).toEqual([
      [0, 'accepted'],
      [1, 'duplicate'],
      [2, 'rejected'],
      [3, 'duplicate'],
      [4, 'rejected'],
      [5, 'accepted'],
    ]);
    expect(result.items[2]?.issues).toEqual([
      { path: 'events[2].end', reason: 'end must be after start' },
    ]);
    expect(result.items[4]?.issues?.[0]?.path).toBe('events[4].energy_kwh');
    const rows = await storedEvents();
    expect(rows.map((r) => r.idempotency_key)).toEqual(['api:a', 'api:before', 'api:c']);
    const c = rows[2];
    expect(c.pue).toBe(1.2);
    expect(c.facility_energy_kwh).toBeCloseTo(0.6, 12);
    expect(c.emissions_g).toBeCloseTo(0.6 * FRA_G_PER_KWH, 9);
    expect(c.region_key).toBe('country:FRA');
  });

  it('records the import with its counts and rejected items', async () => {
    const result = await ingest([good('d'), good('e', { country: 'Atlantis' })]);

    const { rows: imports } = await getPool().query(
      `SELECT accepted_count, duplicate_count, rejected_count FROM import_record WHERE id = $1`,
      [result.importId],
    );
    const { rows: rejections } = await getPool().query(
      `SELECT item_index, path FROM import_rejection WHERE import_id = $1`,
      [result.importId],
    );
    expect(imports).toEqual([{ accepted_count: 1, duplicate_count: 0, rejected_count: 1 }]);
    expect(rejections).toEqual([{ item_index: 1, path: 'events[1].country' }]);
  });

  it('keeps rollups equal to the events they summarise, hour by hour', async () => {
    // 90 minutes from 10:30: a third in the 10:00 hour, two thirds in 11:00.
    await ingest([
      good('spread', { start: '2026-07-02T10:30:00Z', end: '2026-07-02T12:00:00Z', energy_kwh: 3 }),
    ]);

    const { rows } = await getPool().query(
      `SELECT to_char(bucket_start AT TIME ZONE 'UTC', 'HH24:MI') AS hour, event_count,
              energy_kwh, inferences
         FROM emission_rollup_hourly
        WHERE organisation_id = $1 AND bucket_start >= '2026-07-02' ORDER BY bucket_start`,
      [org.organisationId],
    );
    const totals = await getPool().query(
      `SELECT (SELECT sum(facility_energy_kwh) FROM emission_event WHERE organisation_id = $1) AS events,
              (SELECT sum(facility_energy_kwh) FROM emission_rollup_hourly WHERE organisation_id = $1) AS rollups`,
      [org.organisationId],
    );
    expect(rows.map((r) => r.hour)).toEqual(['10:00', '11:00']);
    expect(rows.map((r) => r.event_count)).toEqual([1, 0]);
    expect(rows[0].energy_kwh).toBeCloseTo(1, 12);
    expect(rows[1].energy_kwh).toBeCloseTo(2, 12);
    expect(rows[0].inferences + rows[1].inferences).toBeCloseTo(1000, 9);
    expect(totals.rows[0].rollups).toBeCloseTo(totals.rows[0].events, 9);
  });

  it('stores each event once when the same batch arrives twice at the same time', async () => {
    const batch = Array.from({ length: 50 }, (_, n) => good(`concurrent-${n}`));

    const [first, second] = await Promise.all([ingest(batch), ingest(batch)]);

    expect(first.accepted + second.accepted).toBe(50);
    expect(first.duplicates + second.duplicates).toBe(50);
    const { rows } = await getPool().query(
      `SELECT count(*)::int AS n FROM emission_event
        WHERE organisation_id = $1 AND idempotency_key LIKE 'api:concurrent-%'`,
      [org.organisationId],
    );
    expect(rows[0].n).toBe(50);
  });

  it.each([
    [
      'events: energy_kwh',
      () => parseEventsBody({ events: [good('p1', { energy_kwh: 1e308 })] }, { maxEvents: 1 }),
      'events[0].energy_kwh',
      '1e308 kWh in 3,600 s is a mean power of more than 1.8e308 W, above the 130,000 W one event may report; split the event or check the unit',
    ],
    [
      'events: energy_wh component',
      () =>
        parseEventsBody(
          { events: [good('p2', { energy_kwh: undefined, energy_wh: { gpu: 150_000 } })] },
          { maxEvents: 1 },
        ),
      'events[0].energy_wh.gpu',
      'GPU mean power of 150,000 W is above the 100,000 W one event may report; split the event or check the unit',
    ],
    [
      'events: power_w.gpu',
      () =>
        parseEventsBody(
          { events: [good('p3', { energy_kwh: undefined, power_w: { gpu: 123_456.7 } })] },
          { maxEvents: 1 },
        ),
      'events[0].power_w.gpu',
      'GPU power of 123,457 W is above the 100,000 W one event may report; split the event or check the unit',
    ],
    [
      'events: model',
      () => parseEventsBody({ events: [llmCall({ model: 'gpt-99' })] }, { maxEvents: 1 }),
      'events[0].model',
      'unknown model "gpt-99" for provider "openai": not in the EcoLogits model list',
    ],
    [
      'events: tokens_out',
      () => parseEventsBody({ events: [llmCall({ tokens_out: undefined })] }, { maxEvents: 1 }),
      'events[0].tokens_out',
      'output tokens are required to estimate an LLM call',
    ],
    [
      'CodeCarbon: energy_consumed',
      () => codeCarbon('2026-07-01T10:00:00,p,run-p,60,1,1000,FRA'),
      'line 2: energy_consumed',
      '1,000 kWh in 60 s is a mean power of 60,000,000 W, above the 130,000 W one event may report; split the event or check the unit',
    ],
    [
      'OpenAI usage: model',
      () => openAiResult({ model: 'gpt-99' }),
      '[0].results[0].model',
      'unknown model "gpt-99" for provider "openai": not in the EcoLogits model list',
    ],
  ])('names a pricing problem by the source field (%s)', async (_source, parse, path, reason) => {
    const result = await ingestParsed(parse());

    expect(result.items[0]?.issues).toEqual([{ path, reason }]);
  });

  it.each([
    [
      'an unknown region of a known cloud',
      () =>
        parseEventsBody(
          {
            events: [
              good('w1', { country: undefined, cloud_provider: 'aws', cloud_region: 'mars-1' }),
            ],
          },
          { maxEvents: 1 },
        ),
      [
        {
          path: 'events[0].cloud_region',
          reason: 'no grid factor for aws:mars-1; the world average (473 g/kWh) was used',
        },
      ],
    ],
    [
      'an unknown cloud region in a known country',
      () =>
        parseEventsBody(
          { events: [good('w2', { cloud_provider: 'aws', cloud_region: 'mars-1' })] },
          { maxEvents: 1 },
        ),
      [
        {
          path: 'events[0].cloud_region',
          reason: 'no grid factor for aws:mars-1; the country:FRA factor (44.2 g/kWh) was used',
        },
      ],
    ],
    [
      'a CodeCarbon row without a location',
      () => codeCarbon('2026-07-01T10:00:00,p,run-w3,60,0.001,0.01,'),
      [
        {
          path: 'line 2: country_iso_code',
          reason: 'no location was given; the world average (473 g/kWh) was used',
        },
      ],
    ],
    [
      'a known location',
      () => parseEventsBody({ events: [good('w4')] }, { maxEvents: 1 }),
      undefined,
    ],
  ])('accepts %s and says which factor was used', async (_case, parse, warnings) => {
    const result = await ingestParsed(parse());

    expect(result.items[0]).toMatchObject({ status: 'accepted' });
    expect(result.items[0]?.warnings).toEqual(warnings);
  });

  it.each([
    [
      'JSON events',
      () => parseEventsBody({ events: [good('xx', { country: 'XX' })] }, { maxEvents: 1 }),
      'events[0].country',
    ],
    [
      'CodeCarbon',
      () => codeCarbon('2026-07-01T10:00:00,p,run-xx,60,0.001,0.01,XX'),
      'line 2: country_iso_code',
    ],
  ])('%s: rejects a country that is not an ISO 3166 code', async (_source, parse, path) => {
    const result = await ingestParsed(parse());

    expect(result.items[0]).toMatchObject({
      status: 'rejected',
      issues: [{ path, reason: 'country "XX" is not an ISO 3166 code' }],
    });
  });

  it('stores an event without an id once, however its timestamps are written', async () => {
    const withoutId = (start: string, end: string) => ({
      ...good('x', { start, end }),
      id: undefined,
    });

    const first = await ingest([withoutId('2026-07-03T10:00:00Z', '2026-07-03T11:00:00Z')]);
    const again = await ingest([
      withoutId('2026-07-03T10:00:00.000Z', '2026-07-03T11:00:00.000Z'),
      withoutId('2026-07-03T12:00:00+02:00', '2026-07-03T13:00:00+02:00'),
    ]);

    expect(first).toMatchObject({ accepted: 1 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  describe('dates outside 2000 to tomorrow', () => {
    const now = new Date('2026-07-10T12:00:00Z');
    const at = (id: string, start: string, end: string) =>
      parseEventsBody({ events: [good(id, { start, end })] }, { maxEvents: 1 });
    const bucket = (startTime: number) =>
      parseOpenAiUsage([
        {
          start_time: startTime,
          end_time: startTime + 86_400,
          results: [{ input_tokens: 1, output_tokens: 1, num_model_requests: 1, model: 'gpt-4o' }],
        },
      ]);

    it.each([
      [
        'events: 1900',
        () => at('r1', '1900-01-01T00:00:00Z', '1900-01-01T01:00:00Z'),
        'events[0].start',
        'the window starts at 1900-01-01T00:00:00Z, before 2000-01-01; check the date and, for an epoch, its unit',
      ],
      [
        'events: 2099',
        () => at('r2', '2099-01-01T00:00:00Z', '2099-01-01T01:00:00Z'),
        'events[0].end',
        "the window ends at 2099-01-01T01:00:00Z, more than 1 day after now (2026-07-10T12:00:00Z); check the sender's clock and time zone",
      ],
      [
        'events: 25 hours ahead',
        () => at('r3', '2026-07-11T12:00:00Z', '2026-07-11T13:00:00+00:00'),
        'events[0].end',
        "the window ends at 2026-07-11T13:00:00Z, more than 1 day after now (2026-07-10T12:00:00Z); check the sender's clock and time zone",
      ],
      [
        'CodeCarbon: 1999',
        () => codeCarbon('1999-12-31T23:59:00,p,run-r4,60,0.001,0.01,FRA'),
        'line 2: timestamp',
        'the window starts at 1999-12-31T23:58:00Z, before 2000-01-01; check the date and, for an epoch, its unit',
      ],
      [
        'OpenAI usage: epoch 0',
        () => bucket(0),
        '[0].start_time',
        'the window starts at 1970-01-01T00:00:00Z, before 2000-01-01; check the date and, for an epoch, its unit',
      ],
      [
        'OpenAI usage: milliseconds for seconds',
        () => bucket(1_782_864_000_000),
        '[0].end_time',
        "the window ends at +058466-09-18T00:00:00Z, more than 1 day after now (2026-07-10T12:00:00Z); check the sender's clock and time zone",
      ],
    ])('rejects %s', async (_case, parse, path, reason) => {
      const result = await ingestBatch(
        { organisationId: org.organisationId, source: 'api', contentSha256: 'test' },
        parse(),
        { now },
      );

      expect(result.items).toEqual([{ index: 0, status: 'rejected', issues: [{ path, reason }] }]);
    });

    it.each([
      ['from 2000-01-01', '2000-01-01T00:00:00Z', '2000-01-01T01:00:00Z'],
      ['up to a day ahead', '2026-07-11T11:00:00Z', '2026-07-11T12:00:00Z'],
    ])('accepts a window %s', async (name, start, end) => {
      const result = await ingestBatch(
        { organisationId: org.organisationId, source: 'api', contentSha256: 'test' },
        at(`in range ${name}`, start, end),
        { now },
      );

      expect(result.accepted).toBe(1);
    });
  });

  it('rejects an unknown team when the organisation does not create entities', async () => {
    await getPool().query('UPDATE organisation SET auto_create_entities = false WHERE id = $1', [
      org.organisationId,
    ]);

    const result = await ingest([good('known'), good('unknown-team', { team: 'nobody' })]);

    await getPool().query('UPDATE organisation SET auto_create_entities = true WHERE id = $1', [
      org.organisationId,
    ]);
    expect(result.items.map((i) => i.status)).toEqual(['accepted', 'rejected']);
    expect(result.items[1]?.issues).toEqual([
      {
        path: 'team',
        reason: 'team "nobody" does not exist and this organisation does not create unknown ones',
      },
    ]);
  });
});
