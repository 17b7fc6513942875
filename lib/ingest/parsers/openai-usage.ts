// OpenAI organisation Usage API (completions) → one llm_api_call event per
// result per bucket. Accepts a page, a list of buckets, or a list of pages.
import { z } from 'zod';

import { checkWith } from '@/lib/ingest/issues';
import type { ItemIssue, NormalisedEvent, ParsedItem, ParseResult } from '@/lib/ingest/types';

import { BodyError } from './errors';
import { echoInput, MAX_ECHO_CHARS } from './echo';
import { slugify } from './slug';
import { openAiSourcePath } from './source-paths';

export interface OpenAiUsageOptions {
  /** Model to record for results with `model: null` (exports not grouped by model). */
  assumeModel?: string;
}

const count = z.number().int().nonnegative();
const optionalText = z.string().nullish();

const bucketSchema = z
  .object({
    start_time: count,
    end_time: count,
    results: z.array(z.unknown()),
  })
  .refine((bucket) => bucket.end_time > bucket.start_time, {
    path: ['end_time'],
    error: 'end_time must be after start_time',
  });

const resultSchema = z
  .object({
    input_tokens: count,
    output_tokens: count,
    input_cached_tokens: count.nullish(),
    input_audio_tokens: count.nullish(),
    output_audio_tokens: count.nullish(),
    num_model_requests: count,
    model: z.string().min(1).max(MAX_ECHO_CHARS).nullish(),
    project_id: optionalText,
    api_key_id: optionalText,
    user_id: optionalText,
    service_tier: optionalText,
    batch: z.boolean().nullish(),
  })
  .refine((r) => (r.input_cached_tokens ?? 0) <= r.input_tokens, {
    path: ['input_cached_tokens'],
    error: 'input_cached_tokens must not exceed input_tokens (cached tokens are part of them)',
  });

type Bucket = z.output<typeof bucketSchema>;
type UsageResult = z.output<typeof resultSchema>;

const MODEL_MISSING =
  'model is missing (the export was not grouped by model); choose a model to assume at import';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPage = (value: unknown): value is { data: unknown[] } =>
  isRecord(value) && Array.isArray(value.data);

/** Every bucket with the path prefix that names it in the input. */
function bucketsOf(body: unknown): Array<{ bucket: unknown; prefix: string }> {
  if (isPage(body)) return body.data.map((bucket, b) => ({ bucket, prefix: `data[${b}]` }));
  if (Array.isArray(body) && body.length > 0 && body.every(isPage)) {
    return body.flatMap((page, p) =>
      page.data.map((bucket, b) => ({ bucket, prefix: `[${p}].data[${b}]` })),
    );
  }
  if (Array.isArray(body)) return body.map((bucket, b) => ({ bucket, prefix: `[${b}]` }));

  throw new BodyError(
    'invalid_body',
    'expected an OpenAI usage page { "object": "page", "data": [...] }, a list of buckets, or a list of pages',
  );
}

function attributesOf(result: UsageResult, assumed: boolean) {
  const attributes: Record<string, string | number | boolean> = {};
  if (result.project_id) attributes.project_id = result.project_id;
  if (result.api_key_id) attributes.api_key_id = result.api_key_id;
  if (result.user_id) attributes.user_id = result.user_id;
  if (result.service_tier) attributes.service_tier = result.service_tier;
  if (result.batch !== null && result.batch !== undefined) attributes.batch = result.batch;
  if (result.input_audio_tokens) attributes.input_audio_tokens = result.input_audio_tokens;
  if (result.output_audio_tokens) attributes.output_audio_tokens = result.output_audio_tokens;
  if (assumed) attributes.model_assumed = true;

  return attributes;
}

/**
 * One key per bucket and grouping, from the export's own values (a null model
 * stays empty even when a model is assumed), so re-importing is a no-op.
 */
function keyOf(bucket: Bucket, result: UsageResult): string {
  const parts = [
    bucket.start_time,
    result.model ?? '',
    result.project_id ?? '',
    result.api_key_id ?? '',
    result.batch ?? '',
  ];
  // Groupings beyond the documented key, so results split by them stay distinct.
  if (result.user_id) parts.push(`user=${result.user_id}`);
  if (result.service_tier) parts.push(`tier=${result.service_tier}`);

  return `openai:${parts.join(':')}`;
}

function toEvent(bucket: Bucket, result: UsageResult, model: string): NormalisedEvent {
  const work = {
    tokensIn: result.input_tokens,
    tokensOut: result.output_tokens,
    requests: result.num_model_requests,
    ...(result.input_cached_tokens != null && { tokensCachedIn: result.input_cached_tokens }),
  };
  const attributes = attributesOf(result, !result.model);

  return {
    idempotencyKey: keyOf(bucket, result),
    kind: 'llm_api_call',
    windowStart: new Date(bucket.start_time * 1000),
    windowEnd: new Date(bucket.end_time * 1000),
    modelSlug: slugify(model),
    llm: { provider: 'openai', model },
    energy: { kind: 'none' },
    location: {},
    work,
    ...(Object.keys(attributes).length > 0 && { attributes }),
  };
}

function parseResult(
  bucket: { data: Bucket; prefix: string },
  raw: unknown,
  prefix: string,
  index: number,
  assumeModel?: string,
): ParsedItem {
  const checked = checkWith(resultSchema, raw, prefix, 'result');
  const issues: ItemIssue[] = checked.ok ? [] : [...checked.issues];
  const model = checked.ok ? (checked.data.model ?? assumeModel) : undefined;
  if (checked.ok && model === undefined)
    issues.push({ path: `${prefix}.model`, reason: MODEL_MISSING });
  if (model !== undefined && slugify(model) === undefined) {
    const reason = `model "${echoInput(model)}" has no letters or digits`;
    issues.push({ path: `${prefix}.model`, reason });
  }
  if (!checked.ok || model === undefined || issues.length > 0) {
    return { index, ok: false, issues, raw: JSON.stringify(raw) };
  }

  return {
    index,
    ok: true,
    event: toEvent(bucket.data, checked.data, model),
    sourcePath: openAiSourcePath(bucket.prefix, prefix),
  };
}

/** Parses OpenAI completions usage; buckets with no results give no items. */
export function parseOpenAiUsage(body: unknown, options: OpenAiUsageOptions = {}): ParseResult {
  const { assumeModel } = options;
  if (assumeModel !== undefined && assumeModel.trim() === '') {
    throw new BodyError('invalid_option', 'the model to assume must not be empty');
  }

  const items: ParsedItem[] = [];
  for (const { bucket: rawBucket, prefix } of bucketsOf(body)) {
    const bucket = checkWith(bucketSchema, rawBucket, prefix, 'bucket');
    if (!bucket.ok) {
      items.push({
        index: items.length,
        ok: false,
        issues: bucket.issues,
        raw: JSON.stringify(rawBucket),
      });
      continue;
    }
    bucket.data.results.forEach((result, r) => {
      items.push(
        parseResult(
          { data: bucket.data, prefix },
          result,
          `${prefix}.results[${r}]`,
          items.length,
          assumeModel?.trim(),
        ),
      );
    });
  }

  return { items };
}
