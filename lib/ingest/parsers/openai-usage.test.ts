import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { NormalisedEvent } from '@/lib/ingest/types';

import { BodyError } from './errors';
import { parseOpenAiUsage } from './openai-usage';

const FILE = path.resolve(
  __dirname,
  '../../../../shared/data/openai/usage-api-completions-daily-buckets.json',
);
type RawBucket = { start_time: number; end_time: number; results: Array<Record<string, unknown>> };
const buckets = JSON.parse(readFileSync(FILE, 'utf8')) as RawBucket[];

const events = (body: unknown, assumeModel?: string): NormalisedEvent[] =>
  parseOpenAiUsage(body, { assumeModel }).items.flatMap((item) => (item.ok ? [item.event] : []));
const total = (
  list: NormalisedEvent[],
  field: 'tokensIn' | 'tokensOut' | 'tokensCachedIn' | 'requests',
) => list.reduce((sum, event) => sum + (event.work[field] ?? 0), 0);

// Read straight off the file, without the parser.
const results = buckets.flatMap((bucket) => bucket.results);
const fileTotal = (field: string) => results.reduce((sum, r) => sum + Number(r[field]), 0);

const page = (data: RawBucket[]) => ({ object: 'page', data, has_more: false, next_page: null });

describe('parseOpenAiUsage on the real export (31 daily buckets, model null)', () => {
  it.each([
    ['the list of buckets', buckets],
    ['the raw paged answer', page(buckets)],
    ['a list of two pages', [page(buckets.slice(0, 12)), page(buckets.slice(12))]],
  ])('%s: one event per result, token sums as in the file', (_name, body) => {
    const parsed = events(body, 'gpt-4o-mini');

    expect(parsed).toHaveLength(buckets.filter((bucket) => bucket.results.length > 0).length);
    expect(parsed).toHaveLength(26);
    expect(total(parsed, 'tokensIn')).toBe(fileTotal('input_tokens'));
    expect(total(parsed, 'tokensOut')).toBe(fileTotal('output_tokens'));
    expect(total(parsed, 'tokensCachedIn')).toBe(fileTotal('input_cached_tokens'));
    expect(total(parsed, 'requests')).toBe(fileTotal('num_model_requests'));
    // The file's known total, so a change in both parser and helper still fails.
    expect(total(parsed, 'requests')).toBe(19_347);
    expect(new Set(parsed.map((event) => event.idempotencyKey)).size).toBe(26);
  });

  it('maps the first, partial-day bucket exactly', () => {
    const [first] = events(buckets, 'gpt-4o-mini');

    expect(first).toEqual({
      idempotencyKey: 'openai:1736616660::::',
      kind: 'llm_api_call',
      windowStart: new Date('2025-01-11T17:31:00Z'),
      windowEnd: new Date('2025-01-12T00:00:00Z'),
      modelSlug: 'gpt-4o-mini',
      llm: { provider: 'openai', model: 'gpt-4o-mini' },
      energy: { kind: 'none' },
      location: {},
      work: { tokensIn: 141_201, tokensOut: 9_756, tokensCachedIn: 0, requests: 470 },
      attributes: { model_assumed: true },
    });
  });

  it('rejects every result when the model is null and none is assumed', () => {
    const items = parseOpenAiUsage(buckets).items;

    expect(items).toHaveLength(26);
    expect(items.every((item) => !item.ok)).toBe(true);
    expect(items[0]).toMatchObject({
      index: 0,
      ok: false,
      issues: [
        {
          path: '[0].results[0].model',
          reason:
            'model is missing (the export was not grouped by model); choose a model to assume at import',
        },
      ],
    });
    expect(items.map((item) => (item.ok ? '' : item.issues[0]?.path)).slice(8, 10)).toEqual([
      '[8].results[0].model',
      '[10].results[0].model',
    ]);
  });
});

describe('parseOpenAiUsage on exports grouped by model and project', () => {
  const grouped = page([
    {
      start_time: 1_736_640_000,
      end_time: 1_736_726_400,
      results: [
        {
          input_tokens: 1000,
          output_tokens: 200,
          input_cached_tokens: 100,
          num_model_requests: 4,
          model: 'gpt-4o-2024-08-06',
          project_id: 'proj_a',
          api_key_id: null,
          batch: false,
        },
        {
          input_tokens: 50,
          output_tokens: 5,
          input_cached_tokens: 0,
          input_audio_tokens: 7,
          num_model_requests: 1,
          model: 'gpt-4o-2024-08-06',
          project_id: 'proj_a',
          api_key_id: 'key_1',
          batch: true,
        },
        {
          input_tokens: 10,
          output_tokens: 1,
          input_cached_tokens: 20,
          num_model_requests: 1,
          model: 'o1-mini',
        },
        { input_tokens: -1, output_tokens: '5', num_model_requests: 1, model: 'o1-mini' },
      ],
    },
    { start_time: 1_736_726_400, end_time: 1_736_640_000, results: [] },
  ]);

  it('answers each result, keyed by bucket, model, project, key and batch', () => {
    const items = parseOpenAiUsage(grouped, { assumeModel: 'ignored-when-model-is-set' }).items;

    expect(items.map((item) => (item.ok ? item.event.idempotencyKey : item.issues))).toEqual([
      'openai:1736640000:gpt-4o-2024-08-06:proj_a::false',
      'openai:1736640000:gpt-4o-2024-08-06:proj_a:key_1:true',
      [
        {
          path: 'data[0].results[2].input_cached_tokens',
          reason:
            'input_cached_tokens must not exceed input_tokens (cached tokens are part of them)',
        },
      ],
      [
        { path: 'data[0].results[3].input_tokens', reason: 'input_tokens must not be negative' },
        {
          path: 'data[0].results[3].output_tokens',
          reason: 'output_tokens must be a number, not the string "5"',
        },
      ],
      [{ path: 'data[1].end_time', reason: 'end_time must be after start_time' }],
    ]);
    expect(items[1]).toMatchObject({
      ok: true,
      event: {
        llm: { provider: 'openai', model: 'gpt-4o-2024-08-06' },
        attributes: {
          project_id: 'proj_a',
          api_key_id: 'key_1',
          batch: true,
          input_audio_tokens: 7,
        },
      },
    });
  });

  it.each([
    ['an object that is not a page', { data: 'x' }],
    ['a string', 'usage'],
    ['null', null],
  ])('throws BodyError for %s', (_name, body) => {
    expect(() => parseOpenAiUsage(body)).toThrow(BodyError);
  });
});
