// Parses the JSON events API body into normalised events, one answer per item.
import { checkWith } from '@/lib/ingest/issues';
import type { EnergyInput, NormalisedEvent, ParsedItem, ParseResult } from '@/lib/ingest/types';
import { millisecondsToSeconds, whToKwh } from '@/lib/units';

import { BodyError } from './errors';
import { eventSchema, type ValidEvent } from './event-schema';
import { canonicalJson, sha256Hex } from './hash';
import { eventSourcePath, type EventEnergyField } from './source-paths';
import { parseOffsetTimestamp } from './timestamps';

export { BodyError } from './errors';
export { eventSchema, eventsBodySchema, type EventInput } from './event-schema';

export interface EventsLimits {
  maxEvents: number;
}

const MAX_RAW_CHARS = 2_000;
const ENERGY_FIELDS: readonly EventEnergyField[] = ['energy_kwh', 'energy_wh', 'power_w'];

type Components = { cpu?: number; gpu?: number; ram?: number };

function kwhEnergy(value: number | Components, toKwh: (n: number) => number): EnergyInput {
  if (typeof value === 'number') {
    return { kind: 'kwh', totalKwh: toKwh(value), includesPue: false };
  }
  const cpuKwh = value.cpu === undefined ? undefined : toKwh(value.cpu);
  const gpuKwh = value.gpu === undefined ? undefined : toKwh(value.gpu);
  const ramKwh = value.ram === undefined ? undefined : toKwh(value.ram);
  const totalKwh = (cpuKwh ?? 0) + (gpuKwh ?? 0) + (ramKwh ?? 0);

  return { kind: 'kwh', totalKwh, cpuKwh, gpuKwh, ramKwh, includesPue: false };
}

function energyOf(event: ValidEvent, durationS: number): EnergyInput {
  if (event.energy_kwh !== undefined) return kwhEnergy(event.energy_kwh, (n) => n);
  if (event.energy_wh !== undefined) return kwhEnergy(event.energy_wh, whToKwh);
  if (event.power_w !== undefined) {
    const { cpu, gpu, ram } = event.power_w;
    return { kind: 'power', durationS, cpuW: cpu, gpuW: gpu, ramW: ram };
  }

  return { kind: 'none' };
}

function dateOf(timestamp: string): Date {
  const result = parseOffsetTimestamp(timestamp, 'timestamp');
  // The schema has already accepted it; this only narrows the type.
  if (!result.ok) throw new Error(result.reason);

  return result.date;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * An instant as one text whatever offset or precision it was sent with. Whole
 * seconds drop ".000", so plain UTC timestamps hash as they always have.
 */
function canonicalTimestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** The event as sent, with its window in canonical UTC: what a key without an id hashes. */
function withCanonicalWindow(rawEvent: unknown, start: Date, end: Date): unknown {
  return {
    ...(rawEvent as Record<string, unknown>),
    start: canonicalTimestamp(start),
    end: canonicalTimestamp(end),
  };
}

/** A validated event in the shape lib/carbon prices and the writer stores. */
export function normaliseEvent(event: ValidEvent, rawEvent: unknown): NormalisedEvent {
  const windowStart = dateOf(event.start);
  const windowEnd = dateOf(event.end);
  const durationS = millisecondsToSeconds(windowEnd.getTime() - windowStart.getTime());
  const idempotencyKey =
    event.id !== undefined
      ? `api:${event.id}`
      : `api-hash:${sha256Hex(canonicalJson(withCanonicalWindow(rawEvent, windowStart, windowEnd)))}`;
  const llm =
    event.kind === 'llm_api_call' && event.provider && event.model
      ? { provider: event.provider, model: event.model }
      : undefined;

  return withoutUndefined<NormalisedEvent>({
    idempotencyKey,
    kind: event.kind,
    windowStart,
    windowEnd,
    teamSlug: event.team,
    modelSlug: event.model,
    modelVersion: event.model_version,
    llm,
    pipelineSlug: event.pipeline,
    runExternalId: event.run,
    runKind: event.run_kind,
    runConfigHash: event.config_hash,
    step: event.step,
    energy: withoutUndefined(energyOf(event, durationS)),
    pue: event.pue,
    location: withoutUndefined({
      cloudProvider: event.cloud_provider,
      cloudRegion: event.cloud_region,
      countryIso: event.country?.toUpperCase(),
    }),
    work: withoutUndefined({
      inferences: event.inferences,
      requests: event.requests,
      tokensIn: event.tokens_in,
      tokensCachedIn: event.tokens_cached_in,
      tokensOut: event.tokens_out,
      samples: event.samples,
      gpuHours: event.gpu_hours,
    }),
    attributes: event.attributes,
  });
}

function rawText(event: unknown): string | undefined {
  const text = JSON.stringify(event);
  if (text === undefined) return undefined;

  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
}

function parseEvent(rawEvent: unknown, index: number): ParsedItem {
  const checked = checkWith(eventSchema, rawEvent, `events[${index}]`, 'event');
  if (!checked.ok) return { index, ok: false, issues: checked.issues, raw: rawText(rawEvent) };

  const sent = {
    energyField: ENERGY_FIELDS.find((field) => checked.data[field] !== undefined),
    hasId: checked.data.id !== undefined,
  };

  return {
    index,
    ok: true,
    event: normaliseEvent(checked.data, rawEvent),
    sourcePath: eventSourcePath(index, sent),
  };
}

/**
 * Validates `{ "events": [...] }`. Each event is checked on its own, so good ones
 * pass when others fail. Throws BodyError when the body itself is unusable.
 */
export function parseEventsBody(body: unknown, limits: EventsLimits): ParseResult {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const events = isObject ? (body as { events?: unknown }).events : undefined;
  if (!Array.isArray(events)) {
    throw new BodyError('invalid_body', 'the body must be a JSON object with an "events" list');
  }
  if (events.length > limits.maxEvents) {
    throw new BodyError(
      'too_many_events',
      `the body has ${events.length} events; send at most ${limits.maxEvents} per request`,
    );
  }

  return { items: events.map(parseEvent) };
}
