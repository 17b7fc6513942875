// The one shape every source (JSON events, CodeCarbon CSV, OpenAI usage) is
// parsed into before lib/carbon prices it and the bulk writer stores it.

export const EVENT_KINDS = [
  'training',
  'inference',
  'pipeline_step',
  'llm_api_call',
  'storage',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const RUN_KINDS = ['training', 'pipeline_run', 'deployment'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export type EventSource = 'api' | 'codecarbon' | 'openai_usage' | 'demo';

import type { EnergyInput, EventLocation, EventWork } from '@/lib/carbon/types';

export type { EnergyInput, EventLocation, EventWork };

export interface NormalisedEvent {
  /** The client's id, or a content hash for file imports. */
  idempotencyKey: string;
  kind: EventKind;
  windowStart: Date;
  windowEnd: Date;
  teamSlug?: string;
  modelSlug?: string;
  modelVersion?: string;
  /** Hosted model: provider and model name used for LLM estimates. */
  llm?: { provider: string; model: string };
  pipelineSlug?: string;
  runExternalId?: string;
  runKind?: RunKind;
  runConfigHash?: string;
  step?: string;
  energy: EnergyInput;
  pue?: number;
  location: EventLocation;
  work: EventWork;
  /** The source's own emissions figure, kept for reconciliation. */
  sourceEmissionsG?: number;
  attributes?: Record<string, string | number | boolean | null>;
}

/** One problem with one input item, named by its field path. */
export interface ItemIssue {
  path: string;
  reason: string;
}

/**
 * Names a NormalisedEvent field (`energy.totalKwh`, `attributes.os`) the way its
 * source does (`events[3].energy_kwh`, `line 7: energy_consumed`), so problems
 * found after parsing point at what the sender wrote.
 */
export type SourcePath = (field: string) => string;

export type ParsedItem =
  | { index: number; ok: true; event: NormalisedEvent; sourcePath: SourcePath }
  | { index: number; ok: false; issues: ItemIssue[]; raw?: string };

/** What a parser returns: every item, good or bad, in input order. */
export interface ParseResult {
  items: ParsedItem[];
}
