// The report model: one plain, JSON-serialisable object per organisation and
// quarter. Every renderer (PDF, XLSX, CSV, JSON) reads only this.
import type { EventKind } from '@/lib/ingest/types';
import type { ChangeDriver } from '@/lib/kpi/get-change-drivers';
import type { Coverage, FactorSetUse, PueUse, SourceUse } from '@/lib/kpi/get-lineage';
import type { TargetProgress as KpiTargetProgress } from '@/lib/kpi/get-target-progress';
import type { DataFingerprint } from '@/lib/reports/queries/data-fingerprint';

export type { Coverage, FactorSetUse, PueUse, SourceUse };

// 2: targets are measured year to date (as the dashboard does), not annualised.
// 3: the E1-5 total is the summary's energy (facility, incl. PUE, all kinds).
// 4: targets say whether they are on track (budget used vs year passed).
// 5: a comparison quarter without data has null figures, not 0.
// 6: lineage names the data fingerprint a provisional version is checked against.
export const REPORT_SCHEMA_VERSION = 6;

/** A mass of CO2e in the units a reader may want; g is the record. */
export interface Mass {
  g: number;
  kg: number;
  t: number;
}

export interface Energy {
  kwh: number;
  mwh: number;
}

/** A quarter compared with; without events in it, every figure is null, never 0. */
export interface Comparison {
  /** e.g. "2026-Q2" */
  period: string;
  /** Events in that period; 0 means it has no data. */
  eventCount: number;
  /** Location-based emissions of that period. */
  emissionsG: number | null;
  energyKwh: number | null;
  changeG: number | null;
  /** (current − previous) / previous; null without a base. */
  change: number | null;
}

/** A target's progress year to date, as lib/kpi computes it, in words too. */
export interface TargetProgress extends KpiTargetProgress {
  /** Share of the year passed at the report's "as of" instant, 0..1. */
  yearElapsed: number;
  /** budgetUsed <= yearElapsed; null without a budget. */
  onTrack: boolean | null;
  /** Whether on track, and exactly what is compared, in full sentences. */
  sentence: string;
}

/** A change driver lib/kpi ranked, as a sentence. */
export interface Driver extends ChangeDriver {
  sentence: string;
}

export interface BreakdownRow {
  label: string;
  slug: string | null;
  emissionsG: number;
  energyKwh: number;
  eventCount: number;
  /** Share of the period's location-based emissions, 0..1. */
  share: number;
}

export interface ModelRow extends BreakdownRow {
  inferences: number;
  /** Emissions of the model's inference events only. */
  inferenceEmissionsG: number;
  gPer1kInferences: number | null;
}

export interface TrendMonth {
  /** Local month of the organisation, "YYYY-MM". */
  month: string;
  emissionsG: Record<EventKind, number>;
  totalG: number;
}

export interface SciRow {
  functionalUnit: string;
  label: string;
  energyKwh: number;
  intensityGPerKwh: number;
  embodiedG: number;
  functionalUnits: number;
  sciG: number;
}

export interface MarketContractUse {
  name: string;
  kind: string;
  regionKey: string;
  allocatedKwh: number;
  emissionsG: number;
}

export interface ReportModel {
  schemaVersion: number;
  period: {
    year: number;
    quarter: number;
    label: string;
    /** ISO instants; `to` is exclusive. */
    from: string;
    to: string;
    timeZone: string;
  };
  organisation: { id: string; slug: string; name: string };
  /** ISO instant the model was built at (the report's "as of"). */
  generatedAt: string;
  /** The quarter had not ended when the report was built. */
  provisional: boolean;
  /** No telemetry at all in the quarter. */
  empty: boolean;
  lineage: {
    /** The factor set most events were priced with (null when empty). */
    primaryFactorSetId: string | null;
    primaryFactorSetVersion: number | null;
    eventCount: number;
    /** Taken before the figures: a download compares it to tell new data arrived. */
    dataFingerprint: DataFingerprint;
  };
  summary: {
    locationBased: Mass;
    marketBased: Mass;
    /** Facility energy incl. PUE, all kinds (hosted LLM estimates included). */
    energy: Energy;
    eventCount: number;
    previousQuarter: Comparison;
    sameQuarterLastYear: Comparison;
    targets: TargetProgress[];
    drivers: Driver[];
  };
  /**
   * ESRS E1-5 shape. `total` is the one energy figure of the report, the same
   * as `summary.energy` and the dashboard's: facility energy incl. PUE, all kinds.
   */
  energy: {
    total: Energy;
    /** Part of `total` covered by renewable contracts. */
    renewable: Energy;
    /** The rest of `total`. */
    nonRenewable: Energy;
    /** renewable / total, 0..1; null without energy. */
    renewableShare: number | null;
    /** Part of `total` from owned and rented compute (Scope 2). */
    ownCompute: Energy;
    /** Part of `total` from hosted LLM APIs: the supplier's energy, estimated. */
    hostedLlmEstimated: Energy;
    contracts: MarketContractUse[];
  };
  /** ESRS E1-6 shape. */
  ghg: {
    scope2LocationBased: Mass;
    scope2MarketBased: Mass;
    scope3Category1: Mass & { minG: number; maxG: number; embodiedG: number };
    totalLocationBased: Mass;
    totalMarketBased: Mass;
    marketFlags: string[];
  };
  tables: {
    byTeam: BreakdownRow[];
    byModel: ModelRow[];
    byPipeline: BreakdownRow[];
    byKind: BreakdownRow[];
  };
  trend: { kinds: EventKind[]; months: TrendMonth[] };
  intensity: {
    gPer1kInferences: number | null;
    gPer1kTokens: number | null;
    gPerTrainingRun: number | null;
    trainingRuns: number;
    inferences: number;
    tokens: number;
    sci: SciRow[];
  };
  methodology: {
    formulas: { name: string; formula: string }[];
    factorSets: FactorSetUse[];
    sources: SourceUse[];
    attribution: string[];
    pue: PueUse[];
    estimationMethods: string[];
    coverage: Coverage;
    limits: string[];
  };
}
