// Turns query results into the report's sections: pure, so the arithmetic
// that makes each figure can be read (and tested) apart from the SQL.
import type { MarketFlag } from '@/lib/carbon/market';
import { FUNCTIONAL_UNIT_LABELS, sciFromTotals } from '@/lib/carbon/sci';
import { formatEnergy } from '@/lib/format';
import type { BreakdownRow as KpiRow } from '@/lib/kpi/get-breakdown';
import type { MarketBasedFigures } from '@/lib/kpi/get-market-based';
import type { ModelEmissions } from '@/lib/kpi/get-model-emissions';
import { perThousand } from '@/lib/kpi/intensity';
import type { TimeSeries } from '@/lib/kpi/get-time-series';
import type { Totals } from '@/lib/kpi/sql';
import { EVENT_KINDS, type EventKind } from '@/lib/ingest/types';
import { gToKg, gToT, kwhToMwh } from '@/lib/units';
import type {
  BreakdownRow,
  Energy,
  Mass,
  ModelRow,
  ReportModel,
  SciRow,
  TrendMonth,
} from '@/lib/reports/types';

export const mass = (g: number): Mass => ({ g, kg: gToKg(g), t: gToT(g) });
export const energy = (kwh: number): Energy => ({ kwh, mwh: kwhToMwh(kwh) });

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Counts of work (inferences, tokens) are whole; the hourly rollups spread an
 * event's counts over the hours it ran, so their sums come back fractional.
 */
export const wholeCount = (count: number) => Math.round(count);

export function breakdownRows(rows: KpiRow[], totalG: number): BreakdownRow[] {
  return rows.map((row) => ({
    label: row.label,
    slug: row.slug,
    emissionsG: row.emissionsG,
    energyKwh: row.facilityEnergyKwh,
    eventCount: row.eventCount,
    share: share(row.emissionsG, totalG),
  }));
}

export function modelRows(rows: ModelEmissions[], totalG: number): ModelRow[] {
  return rows.map((row) => ({
    label: row.label,
    slug: row.slug,
    emissionsG: row.emissionsG,
    energyKwh: row.facilityEnergyKwh,
    eventCount: row.eventCount,
    share: share(row.emissionsG, totalG),
    inferences: wholeCount(row.inferences),
    inferenceEmissionsG: row.inferenceEmissionsG,
    gPer1kInferences: row.gPer1kInferences,
  }));
}

const zeroKinds = () =>
  Object.fromEntries(EVENT_KINDS.map((kind) => [kind, 0])) as Record<EventKind, number>;

export function trendOf(series: TimeSeries): ReportModel['trend'] {
  const present = new Set(series.groups.map((g) => g.key));
  const months: TrendMonth[] = series.points.map((point) => {
    const emissionsG = zeroKinds();
    for (const kind of EVENT_KINDS) emissionsG[kind] = point.emissionsG[kind] ?? 0;

    return {
      month: point.start.slice(0, 7),
      emissionsG,
      totalG: EVENT_KINDS.reduce((sum, kind) => sum + emissionsG[kind], 0),
    };
  });

  return { kinds: EVENT_KINDS.filter((kind) => present.has(kind)), months };
}

export type KindTotals = Partial<Record<EventKind, KpiRow>>;

export function byKindOf(rows: KpiRow[]): KindTotals {
  return Object.fromEntries(rows.map((row) => [row.key, row])) as KindTotals;
}

/**
 * ESRS E1-5. The total is the summary's facility energy (incl. PUE, all
 * kinds), so the report has one energy figure; its parts say how much is
 * owned and rented compute (Scope 2) and how much hosted LLM APIs.
 */
export function energySection(totalKwh: number, market: MarketBasedFigures): ReportModel['energy'] {
  const renewableKwh = market.coveredKwh;

  return {
    total: energy(totalKwh),
    renewable: energy(renewableKwh),
    nonRenewable: energy(Math.max(totalKwh - renewableKwh, 0)),
    renewableShare: totalKwh > 0 ? renewableKwh / totalKwh : null,
    ownCompute: energy(market.scope2EnergyKwh),
    hostedLlmEstimated: energy(market.scope3Category1EnergyKwh),
    contracts: market.contracts.map((c) => ({
      name: c.name,
      kind: c.kind,
      regionKey: c.regionKey,
      allocatedKwh: c.allocatedKwh,
      emissionsG: c.emissionsG,
    })),
  };
}

const KWH = /(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?) kWh/gi;

/**
 * A flag's message for people: lib/carbon writes its energy at full precision
 * ("351.70303044350203 kWh"), so it is formatted as the rest of the report.
 */
export function flagWords(message: string): string {
  return message.replace(KWH, (_, kwh: string) => formatEnergy(Number(kwh)));
}

/** One line per market and flag, naming the months it applies to. */
export function flagSentences(flags: MarketFlag[]): string[] {
  const months = new Map<string, string[]>();
  for (const flag of flags) {
    const key = `${flag.regionKey}\u0000${flagWords(flag.message)}`;
    months.set(key, [...(months.get(key) ?? []), flag.month]);
  }

  return [...months].map(([key, list]) => {
    const [regionKey, message] = key.split('\u0000');

    return `${regionKey} (${list.join(', ')}): ${message}`;
  });
}

/**
 * ESRS E1-6: the scopes as lib/kpi splits them. The location-based total is
 * the same sum the dashboard shows; the market-based one is lib/kpi's.
 */
export function ghgSection(
  totals: Totals,
  kinds: KindTotals,
  market: MarketBasedFigures,
): ReportModel['ghg'] {
  const llm = kinds.llm_api_call;

  return {
    scope2LocationBased: mass(market.scope2LocationEmissionsG),
    scope2MarketBased: mass(market.scope2MarketEmissionsG),
    scope3Category1: {
      ...mass(market.scope3Category1G),
      minG: llm?.emissionsMinG ?? 0,
      maxG: llm?.emissionsMaxG ?? 0,
      embodiedG: llm?.embodiedG ?? 0,
    },
    totalLocationBased: mass(totals.emissionsG),
    totalMarketBased: mass(market.marketEmissionsG),
    marketFlags: flagSentences(market.flags),
  };
}

function sciRow(
  row: KpiRow | undefined,
  functionalUnits: number,
  unit: keyof typeof FUNCTIONAL_UNIT_LABELS,
): SciRow | null {
  if (!row || !(functionalUnits > 0)) return null;
  const sci = sciFromTotals({
    facilityEnergyKwh: row.facilityEnergyKwh,
    emissionsG: row.emissionsG,
    embodiedG: row.embodiedG,
    functionalUnits,
    functionalUnit: unit,
  });

  return {
    functionalUnit: unit,
    label: FUNCTIONAL_UNIT_LABELS[unit],
    energyKwh: sci.energyKwh,
    intensityGPerKwh: sci.intensityGPerKwh,
    embodiedG: sci.embodiedG,
    functionalUnits: sci.functionalUnits,
    sciG: sci.sciG,
  };
}

export function intensitySection(
  kinds: KindTotals,
  trainingRuns: number,
): ReportModel['intensity'] {
  const inference = kinds.inference;
  const llm = kinds.llm_api_call;
  const training = kinds.training;
  // Ratios from the exact sums, as the dashboard's; the counts shown are whole.
  const inferences = inference?.inferences ?? 0;
  const tokens = (llm?.tokensIn ?? 0) + (llm?.tokensOut ?? 0);
  const sci = [
    sciRow(inference, wholeCount(inferences), 'inference'),
    sciRow(llm, wholeCount(tokens) / 1000, 'thousand_tokens'),
    sciRow(training, trainingRuns, 'training_run'),
  ].filter((row): row is SciRow => row !== null);

  return {
    gPer1kInferences: perThousand(inference?.emissionsG ?? 0, inferences),
    gPer1kTokens: perThousand(llm?.emissionsG ?? 0, tokens),
    gPerTrainingRun: trainingRuns > 0 ? (training?.emissionsG ?? 0) / trainingRuns : null,
    trainingRuns,
    inferences: wholeCount(inferences),
    tokens: wholeCount(tokens),
    sci,
  };
}
