// The JSON event an SDK or script sends to POST /api/v1/events, one item of
// `{ "events": [...] }`. Shared by the API route, the parser and the SDK docs.
import { z } from 'zod';

import { FIELD, describe } from '@/lib/ingest/issues';
import { EVENT_KINDS, RUN_KINDS } from '@/lib/ingest/types';

import { SLUG_PATTERN, SLUG_RULE } from './slug';
import { parseOffsetTimestamp } from './timestamps';

export const MAX_WINDOW_DAYS = 31;
export const MAX_ATTRIBUTES = 50;
const DAY_MS = 86_400_000;

const slug = z.string().regex(SLUG_PATTERN, { error: `${FIELD} must be a slug: ${SLUG_RULE}` });
const text = (max: number) => z.string().min(1).max(max);
const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();

const timestamp = z.string().superRefine((value, ctx) => {
  const result = parseOffsetTimestamp(value, FIELD);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason, input: value });
});

const components = (unit: string) =>
  z
    .strictObject({ cpu: amount.optional(), gpu: amount.optional(), ram: amount.optional() })
    .refine((c) => c.cpu !== undefined || c.gpu !== undefined || c.ram !== undefined, {
      error: `${FIELD} must give at least one of cpu, gpu, ram in ${unit}`,
    });

const energyAmount = (unit: string) =>
  z.union([amount, components(unit)], {
    error: (issue) =>
      `${FIELD} must be a number of ${unit} or an object { cpu, gpu, ram } of ${unit}, ` +
      `not ${describe(issue.input)}`,
  });

const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean()], {
  error: (issue) => `${FIELD} must be a string, number or boolean, not ${describe(issue.input)}`,
});

const baseEventSchema = z.strictObject({
  id: text(200).optional(),
  start: timestamp,
  end: timestamp,
  kind: z.enum(EVENT_KINDS),

  team: slug.optional(),
  model: slug.optional(),
  model_version: slug.optional(),
  pipeline: slug.optional(),
  run: slug.optional(),
  run_kind: z.enum(RUN_KINDS).optional(),
  step: text(200).optional(),
  config_hash: text(200).optional(),

  energy_kwh: energyAmount('kWh').optional(),
  energy_wh: energyAmount('Wh').optional(),
  power_w: components('W').optional(),

  cloud_provider: slug.optional(),
  cloud_region: text(100).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2,3}$/, {
      error: `${FIELD} must be an ISO 3166 alpha-2 or alpha-3 code such as FR or FRA`,
    })
    .optional(),
  pue: z.number().min(1).max(3).optional(),

  inferences: count.optional(),
  requests: count.optional(),
  tokens_in: count.optional(),
  tokens_cached_in: count.optional(),
  tokens_out: count.optional(),
  samples: count.optional(),
  gpu_hours: amount.optional(),
  provider: slug.optional(),
  attributes: z
    .record(text(100), attributeValue)
    .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, {
      error: `${FIELD} must have at most ${MAX_ATTRIBUTES} keys`,
    })
    .optional(),
});

// The cross-field checks also run when a field is already wrong, so one answer
// lists every problem; they must therefore not trust any field's type.
type LooseEvent = { [K in keyof z.output<typeof baseEventSchema>]?: unknown };
type Report = (path: string, message: string) => void;

const ENERGY_FIELDS = ['energy_kwh', 'energy_wh', 'power_w'] as const;

function checkWindow(event: LooseEvent, report: Report): void {
  if (typeof event.start !== 'string' || typeof event.end !== 'string') return;
  const start = parseOffsetTimestamp(event.start, 'start');
  const end = parseOffsetTimestamp(event.end, 'end');
  if (!start.ok || !end.ok) return;

  const lengthMs = end.date.getTime() - start.date.getTime();
  if (lengthMs <= 0) report('end', 'end must be after start');
  else if (lengthMs > MAX_WINDOW_DAYS * DAY_MS) {
    report('end', `end must be within ${MAX_WINDOW_DAYS} days of start; split longer windows`);
  }
}

function checkEnergy(event: LooseEvent, report: Report): void {
  const sent = ENERGY_FIELDS.filter((field) => event[field] !== undefined);
  if (sent.length > 1) {
    report(
      sent[1]!,
      `send exactly one of energy_kwh, energy_wh, power_w; got ${sent.join(' and ')}`,
    );
  }
  const kinds: readonly unknown[] = EVENT_KINDS;
  // An unknown kind is reported by the schema; it is not echoed here again.
  if (sent.length > 0 || !kinds.includes(event.kind)) return;

  if (event.kind !== 'llm_api_call') {
    report(
      'energy_kwh',
      `energy is missing: a ${event.kind} event needs one of energy_kwh, energy_wh or power_w`,
    );
    return;
  }
  const needs = 'for an llm_api_call without energy, so its energy can be estimated from tokens';
  if (event.provider === undefined)
    report('provider', `provider is required ${needs} (e.g. openai)`);
  if (event.model === undefined) report('model', `model is required ${needs} (e.g. gpt-4o-mini)`);
}

function checkLocation(event: LooseEvent, report: Report): void {
  if (event.cloud_provider !== undefined && event.cloud_region === undefined) {
    report('cloud_region', 'cloud_region is required with cloud_provider');
  }
  if (event.cloud_region !== undefined && event.cloud_provider === undefined) {
    report('cloud_provider', 'cloud_provider is required with cloud_region');
  }
  const measured = ENERGY_FIELDS.some((field) => event[field] !== undefined);
  const located = [event.country, event.cloud_provider, event.cloud_region].some(
    (field) => field !== undefined,
  );
  if (measured && !located) {
    report(
      'country',
      'location is missing: send country (ISO alpha-2 or alpha-3) and/or cloud_provider with cloud_region',
    );
  }
}

const isPlainObject = (value: unknown): value is LooseEvent =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One event as sent; `start` and `end` stay strings here (see parseEventsBody). */
export const eventSchema = baseEventSchema.superRefine(
  (event, ctx) => {
    const report: Report = (path, message) =>
      ctx.addIssue({ code: 'custom', path: [path], message, input: event });
    checkWindow(event, report);
    checkEnergy(event, report);
    checkLocation(event, report);
  },
  { when: (payload) => isPlainObject(payload.value) },
);

export type EventInput = z.input<typeof eventSchema>;
export type ValidEvent = z.output<typeof eventSchema>;

/** The whole request body, for docs and clients; the server checks events one by one. */
export const eventsBodySchema = z.object({ events: z.array(eventSchema) });
