// Inputs lib/carbon prices: energy as reported, where it was used, work done.

/** Energy as the source reported it; lib/carbon turns it into kWh. */
export type EnergyInput =
  | {
      kind: 'kwh';
      totalKwh: number;
      cpuKwh?: number;
      gpuKwh?: number;
      ramKwh?: number;
      /** true when the source already multiplied by PUE (CodeCarbon). */
      includesPue: boolean;
    }
  | { kind: 'power'; durationS: number; cpuW?: number; gpuW?: number; ramW?: number }
  /** No measurement: estimated from tokens (LLM API calls). */
  | { kind: 'none' };

export interface EventLocation {
  cloudProvider?: string;
  cloudRegion?: string;
  /** ISO 3166 alpha-2 or alpha-3. */
  countryIso?: string;
}

export interface EventWork {
  inferences?: number;
  requests?: number;
  tokensIn?: number;
  tokensCachedIn?: number;
  tokensOut?: number;
  samples?: number;
  gpuHours?: number;
}

export type EventKind = 'training' | 'inference' | 'pipeline_step' | 'llm_api_call' | 'storage';

/** One telemetry event as lib/carbon prices it. */
export interface PricingInput {
  kind: EventKind;
  windowStart: Date;
  windowEnd: Date;
  energy: EnergyInput;
  /** Facility PUE the source knows; else a provider or organisation default is used. */
  pue?: number;
  location: EventLocation;
  work: EventWork;
  /** For llm_api_call: lets tokens be turned into energy when no energy is sent. */
  llm?: { provider: string; model: string };
}

/** A problem with one field of an event, in words the sender can act on. */
export interface PricingIssue {
  issue: { path: string; reason: string };
}
