// The report model: one plain, JSON-serialisable object per organisation and
// quarter. Every renderer (PDF, XLSX, CSV, JSON) reads only this.
import type { EventKind } from '@/lib/ingest/types';

export const REPORT_SCHEMA_VERSION = 1;

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

export interface Comparison {
  /** e.g. "2026-Q2" */
  period: string;
  /** Location-based emissions of that period. */
  emissionsG: number;
  energyKwh: number;
  changeG: number;
  /** (current − previous) / previous; null without a base. */
  change: number | null;
}

export interface TargetProgress {
  name: string;
  team: string | null;
  baselineYear: number;
  baselineEmissionsG: number;
  targetYear: number;
  targetEmissionsG: number;
  /** Where a straight line from baseline to target stands in the report's year. */
  pathEmissionsG: number;
  /** This quarter's location-based emissions × 4. */
  annualisedEmissionsG: number;
  /** Share of the planned reduction achieved at the annualised rate; null if none planned. */
  reductionAchieved: number | null;
  onTrack: boolean;
}

export interface Driver {
  team: string;
  kind: EventKind;
  regionKey: string;
  currentG: number;
  previousG: number;
  changeG: number;
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

export interface FactorSetUse {
  id: string;
  name: string;
  version: number;
  description: string;
  builtIn: boolean;
  eventCount: number;
  emissionsG: number;
}

export interface SourceUse {
  source: string;
  licence: string;
  eventCount: number;
}

export interface PueUse {
  pueSource: string;
  pue: number;
  eventCount: number;
}

export interface Coverage {
  eventCount: number;
  measuredCount: number;
  powerDurationCount: number;
  estimatedCount: number;
  /** Energy measured or from power × time, 0..1; null without events. */
  measuredShare: number | null;
  estimatedShare: number | null;
  fallbackCount: number;
  /** Imports whose events fall in the period, and their rejected rows. */
  importsContributing: number;
  rejectedRowsInContributingImports: number;
  /** Imports received during the period, and their rejected rows. */
  importsReceived: number;
  rejectedRowsReceived: number;
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
  };
  summary: {
    locationBased: Mass;
    marketBased: Mass;
    /** Facility energy of all kinds (hosted LLM estimates included). */
    energy: Energy;
    eventCount: number;
    previousQuarter: Comparison;
    sameQuarterLastYear: Comparison;
    targets: TargetProgress[];
    drivers: Driver[];
  };
  /** ESRS E1-5 shape: energy of owned/rented compute. */
  energy: {
    total: Energy;
    renewable: Energy;
    nonRenewable: Energy;
    /** Share covered by renewable contracts, 0..1; null without energy. */
    renewableShare: number | null;
    contracts: MarketContractUse[];
    /** Hosted LLM API energy (the supplier's), estimated, not in `total`. */
    hostedLlmEstimated: Energy;
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
