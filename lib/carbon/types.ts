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
