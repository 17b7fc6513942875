// PostgreSQL refuses NUL in text and jsonb, and an unpaired surrogate in
// jsonb: one such string must cost only its own item, never the batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '@/lib/db/pool';
import { ingestBatch } from '@/lib/ingest/ingest';
import { importCodeCarbon, importOpenAiUsage } from '@/lib/ingest/imports';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

const NUL = '\u0000';
const LONE = '\ud800';
const REASON = 'the text contains a character that cannot be stored (NUL or an unpaired surrogate)';

let org: TestOrganisation;

beforeAll(async () => {
  org = await setUpOrganisation('storable-text');
});
afterAll(async () => {
  await org.database.drop();
});

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'inference',
  start: '2026-07-01T10:00:00Z',
  end: '2026-07-01T11:00:00Z',
  energy_kwh: 1,
  country: 'FR',
  ...extra,
});

function ingestEvents(events: unknown[]) {
  return ingestBatch(
    { organisationId: org.organisationId, source: 'api', contentSha256: 'test' },
    parseEventsBody({ events }, { maxEvents: events.length }),
  );
}

const CSV_HEADER =
  'timestamp,project_name,run_id,duration,emissions,energy_consumed,country_iso_code,cpu_model';
const csvRow = (runId: string, cpuModel = 'Xeon') =>
  `2026-07-01T10:00:00,proj,${runId},60,0.001,0.01,FRA,${cpuModel}`;

const usage = (startTime: number, bad: Record<string, unknown>) =>
  JSON.stringify([
    {
      start_time: startTime,
      end_time: startTime + 86_400,
      results: [
        { input_tokens: 1, output_tokens: 1, num_model_requests: 1, model: 'gpt-4o-mini' },
        { input_tokens: 1, output_tokens: 1, num_model_requests: 1, model: 'gpt-4o', ...bad },
      ],
    },
  ]);

async function rejectionsOf(importId: string) {
  const { rows } = await getPool().query(
    `SELECT item_index, path, reason, raw FROM import_rejection WHERE import_id = $1`,
    [importId],
  );

  return rows;
}

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['NUL in the id', event(`b${NUL}`), 'events[1].id'],
    ['a lone surrogate in the id', event(`b${LONE}`), 'events[1].id'],
    ['NUL in step', event('c', { step: `fit${NUL}` }), 'events[1].step'],
    [
      'NUL in cloud_region',
      event('d', { cloud_provider: 'aws', cloud_region: `us${NUL}` }),
      'events[1].cloud_region',
    ],
    [
      'NUL in an attribute value',
      event('e', { attributes: { note: `a${NUL}b` } }),
      'events[1].attributes.note',
    ],
    [
      'a lone surrogate in an attribute value',
      event('f', { attributes: { note: LONE } }),
      'events[1].attributes.note',
    ],
    [
      'NUL in an attribute name',
      event('g', { attributes: { [`n${NUL}`]: 1 } }),
      'events[1].attributes',
    ],
  ])('JSON events: %s rejects that item only', async (name, bad, path) => {
    const result = await ingestEvents([event(`good: ${name}`), bad]);

    expect(result.items.map((item) => item.status)).toEqual(['accepted', 'rejected']);
    expect(result.items[1]?.issues).toEqual([
      { path, reason: expect.stringMatching(/cannot be stored/) },
    ]);
  });

  it.each([
    ['NUL in run_id', csvRow(`r${NUL}`), 'line 3: run_id'],
    // A CSV is read as UTF-8, which holds no lone surrogate, but may hold NUL.
    ['NUL in cpu_model', csvRow('r-cpu', `Xeon${NUL}`), 'line 3: cpu_model'],
  ])('CodeCarbon: %s rejects that run only', async (name, row, path) => {
    const csv = `${CSV_HEADER}\n${csvRow(`good: ${name}`)}\n${row}\n`;

    const result = await importCodeCarbon({ organisationId: org.organisationId }, csv, {});

    expect(result.items.map((item) => item.status)).toEqual(['accepted', 'rejected']);
    expect(result.items[1]?.issues).toEqual([{ path, reason: REASON }]);
  });

  it.each([
    ['NUL in project_id', 1_782_864_000, { project_id: `p${NUL}` }, '[0].results[1].project_id'],
    ['NUL in model', 1_782_950_400, { model: `gpt-4o${NUL}` }, '[0].results[1].model'],
  ])('OpenAI usage: %s rejects that result only', async (_name, startTime, bad, path) => {
    const json = usage(startTime, bad);

    const result = await importOpenAiUsage({ organisationId: org.organisationId }, json, {});

    expect(result.items.map((item) => item.status)).toEqual(['accepted', 'rejected']);
    expect(result.items[1]?.issues).toEqual([{ path, reason: REASON }]);
  });

  it('stores a rejection whose raw line, reason and file name hold such text', async () => {
    const badLine = `${NUL}${LONE}bad,proj,echo,60,0.001,0.01,FRA,x`;
    const csv = `${CSV_HEADER}\n${csvRow('echo-ok')}\n${badLine}\n`;

    const result = await importCodeCarbon({ organisationId: org.organisationId }, csv, {
      fileName: `emissions${NUL}.csv`,
    });

    expect(result).toMatchObject({ accepted: 1, rejected: 1 });
    const [rejection] = await rejectionsOf(result.importId);
    expect(rejection.path).toBe('line 3: timestamp');
    expect(rejection.reason).toContain('"\ufffd\ufffdbad"');
    expect(rejection.raw).toBe('\ufffd\ufffdbad,proj,echo,60,0.001,0.01,FRA,x');
    const { rows } = await getPool().query(`SELECT file_name FROM import_record WHERE id = $1`, [
      result.importId,
    ]);
    expect(rows[0].file_name).toBe('emissions\ufffd.csv');
  });

  it('stores a rejection whose path names an attribute with such text', async () => {
    const result = await ingestEvents([event('key-echo', { attributes: { [`k${NUL}`]: {} } })]);

    expect(result.rejected).toBe(1);
    expect(await rejectionsOf(result.importId)).toMatchObject([
      { item_index: 0, path: 'events[0].attributes.k\ufffd' },
    ]);
  });
});
