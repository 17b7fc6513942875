// The ingestion endpoints called as a client would: real handlers, a real
// database, exact status codes and error bodies.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as postCodeCarbon } from '@/app/api/v1/import/codecarbon/route';
import { POST as postOpenAi } from '@/app/api/v1/import/openai-usage/route';
import { getPool } from '@/lib/db/pool';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

const DATA = '../shared/data';
const context = { params: Promise.resolve({}) };
let org: TestOrganisation;

beforeAll(async () => {
  org = await setUpOrganisation('routes');
});
afterAll(async () => {
  await org.database.drop();
});

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${org.apiKey}`, ...headers },
  });
}

const event = {
  id: 'r1',
  kind: 'training',
  start: '2026-08-01T00:00:00+02:00',
  end: '2026-08-01T01:00:00+02:00',
  team: 'vision',
  model: 'detector',
  run: 'run-1',
  power_w: { gpu: 1000, cpu: 100 },
  cloud_provider: 'aws',
  cloud_region: 'us-east-1',
};

describe('POST /api/v1/events', () => {
  it('refuses a request without a key', async () => {
    const request = new Request('http://localhost/api/v1/events', {
      method: 'POST',
      body: '{"events":[]}',
    });

    const response = await postEvents(request, context);

    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: 'unauthorised' });
  });

  it('accepts a gzip body and prices power × duration with the cloud PUE', async () => {
    const body = gzipSync(JSON.stringify({ events: [event] }));

    const response = await postEvents(
      post('/api/v1/events', body, { 'content-encoding': 'gzip' }),
      context,
    );
    const answer = await response.json();

    expect(response.status).toBe(200);
    expect(answer).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0 });
    const { rows } = await getPool().query(
      `SELECT energy_kwh, pue, facility_energy_kwh, emissions_g, region_key
         FROM emission_event WHERE id = $1`,
      [answer.items[0].id],
    );
    // 1.1 kW for 1 h, AWS PUE 1.135, us-east-1 379.069 g/kWh (Cloud Carbon Footprint).
    expect(rows[0].energy_kwh).toBeCloseTo(1.1, 12);
    expect(rows[0].pue).toBe(1.135);
    expect(rows[0].emissions_g).toBeCloseTo(1.1 * 1.135 * 379.069, 9);
    expect(rows[0].region_key).toBe('aws:us-east-1');
  });

  it('answers a retry as duplicate', async () => {
    const response = await postEvents(
      post('/api/v1/events', JSON.stringify({ events: [event] })),
      context,
    );

    expect(await response.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it.each([
    ['not JSON', '{"events": [', 400, 'bad_request'],
    ['no events array', '{"event": []}', 400, 'invalid_body'],
  ])('answers %s with %i', async (_, body, status, code) => {
    const response = await postEvents(post('/api/v1/events', body), context);

    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  });

  it('stores the good events of a batch in which one holds NUL, answering 200', async () => {
    const events = [
      { ...event, id: 'nul-good' },
      { ...event, id: 'nul-bad', attributes: { note: 'a\u0000b' } },
    ];

    const response = await postEvents(post('/api/v1/events', JSON.stringify({ events })), context);
    const answer = await response.json();

    expect(response.status).toBe(200);
    expect(answer).toMatchObject({ accepted: 1, rejected: 1 });
    expect(answer.items[1].issues[0].path).toBe('events[1].attributes.note');
  });

  it('answers a warning with an accepted event priced at the world average', async () => {
    const events = [{ ...event, id: 'mars', cloud_region: 'mars-1' }];

    const response = await postEvents(post('/api/v1/events', JSON.stringify({ events })), context);

    expect((await response.json()).items).toEqual([
      {
        index: 0,
        status: 'accepted',
        id: expect.any(String),
        warnings: [
          {
            path: 'events[0].cloud_region',
            reason: 'no grid factor for aws:mars-1; the world average (473 g/kWh) was used',
          },
        ],
      },
    ]);
  });

  it('answers a body over the byte limit with 413', async () => {
    const huge = JSON.stringify({ events: [], padding: 'x'.repeat(11 * 1024 * 1024) });

    const response = await postEvents(post('/api/v1/events', huge), context);

    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  it('answers a gzip bomb with 413, not a crash', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32));

    const response = await postEvents(
      post('/api/v1/events', bomb, { 'content-encoding': 'gzip' }),
      context,
    );

    expect(response.status).toBe(413);
  });

  it('answers too many events with 413', async () => {
    const events = Array.from({ length: 5001 }, (_, n) => ({ ...event, id: `many-${n}` }));

    const response = await postEvents(post('/api/v1/events', JSON.stringify({ events })), context);

    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('too_many_events');
  });
});

describe('bodies that are not telemetry at all', () => {
  it.each([
    ['events', postEvents, '/api/v1/events', ''],
    ['events', postEvents, '/api/v1/events', ' \n'],
    ['CodeCarbon', postCodeCarbon, '/api/v1/import/codecarbon', ''],
    ['OpenAI usage', postOpenAi, '/api/v1/import/openai-usage', '\ufeff'],
  ])('%s: an empty body answers 400 empty_body', async (_source, handler, path, body) => {
    const response = await handler(post(path, body), context);

    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 'empty_body',
      message: 'The body is empty',
    });
  });

  it('answers a binary file posted as CSV without echoing it', async () => {
    const binary = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(4096),
      Buffer.from('"x'),
      Buffer.alloc(4096),
    ]);

    const response = await postCodeCarbon(post('/api/v1/import/codecarbon', binary), context);
    const { error } = await response.json();

    expect(response.status).toBe(400);
    expect(error.code).toBe('invalid_csv');
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('POST /api/v1/import/codecarbon', () => {
  const csv = readFileSync(`${DATA}/codecarbon/v2.3-cumulative-flush-rows.csv`, 'utf8');

  it('imports a real file once, then answers every run as duplicate', async () => {
    const first = await postCodeCarbon(
      post('/api/v1/import/codecarbon?file_name=e.csv&team=ml', csv),
      context,
    );
    const second = await postCodeCarbon(post('/api/v1/import/codecarbon', csv), context);

    expect(await first.json()).toMatchObject({ accepted: 5, duplicates: 0, rejected: 0 });
    expect(await second.json()).toMatchObject({ accepted: 0, duplicates: 5, rejected: 0 });
    const { rows } = await getPool().query(
      `SELECT count(*)::int AS n, sum(facility_energy_kwh) AS kwh, count(DISTINCT team_id)::int AS teams
         FROM emission_event WHERE organisation_id = $1 AND source = 'codecarbon'`,
      [org.organisationId],
    );
    expect(rows[0]).toMatchObject({ n: 5, teams: 1 });
    expect(rows[0].kwh).toBeCloseTo(0.0009788297342591442, 15);
  });

  it('answers a file without the needed columns with 400', async () => {
    const response = await postCodeCarbon(post('/api/v1/import/codecarbon', 'a,b\n1,2\n'), context);

    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('missing_columns');
  });
});

describe('POST /api/v1/import/openai-usage', () => {
  const json = readFileSync(`${DATA}/openai/usage-api-completions-daily-buckets.json`, 'utf8');

  it('rejects results without a model unless one is assumed', async () => {
    const response = await postOpenAi(post('/api/v1/import/openai-usage', json), context);
    const answer = await response.json();

    expect(response.status).toBe(200);
    expect(answer).toMatchObject({ accepted: 0, rejected: 26 });
    expect(answer.items[0].issues[0].reason).toMatch(/model is missing/);
  });

  it.each(['gpt-99', 'claude-3-5-sonnet', '  '])(
    'answers an assume_model EcoLogits does not list for OpenAI (%j) once, with 400',
    async (model) => {
      const path = `/api/v1/import/openai-usage?assume_model=${encodeURIComponent(model)}`;

      const response = await postOpenAi(post(path, json), context);
      const { error } = await response.json();

      expect(response.status).toBe(400);
      expect(error.code).toBe('invalid_option');
      expect(error.message).toMatch(/^assume_model /);
      expect(error.message).toContain(model.trim() === '' ? 'must not be empty' : `"${model}"`);
    },
  );

  it('imports every result with an assumed model, once', async () => {
    const path = '/api/v1/import/openai-usage?assume_model=gpt-4o-mini';

    const first = await (await postOpenAi(post(path, json), context)).json();
    const again = await (await postOpenAi(post(path, json), context)).json();

    expect(first).toMatchObject({ accepted: 26, rejected: 0 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 26 });
    const { rows } = await getPool().query(
      `SELECT sum(tokens_out)::float8 AS out, bool_and(energy_source = 'estimated') AS estimated,
              min(region_key) AS region
         FROM emission_event WHERE organisation_id = $1 AND source = 'openai_usage'`,
      [org.organisationId],
    );
    const buckets = JSON.parse(json) as { results: { output_tokens: number }[] }[];
    const tokensOut = buckets
      .flatMap((b) => b.results)
      .reduce((sum, r) => sum + r.output_tokens, 0);
    expect(rows[0]).toEqual({ out: tokensOut, estimated: true, region: 'country:USA' });
  });
});
