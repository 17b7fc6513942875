// The summary's words: drivers of change and progress against targets as
// sentences. Pure functions over figures lib/kpi has already computed.
import { formatEmissions, formatPercent } from '@/lib/format';
import type { ChangeDriver } from '@/lib/kpi/get-change-drivers';
import type { TargetProgress as KpiTargetProgress } from '@/lib/kpi/get-target-progress';
import { quarterRange } from '@/lib/kpi/filters';
import { change } from '@/lib/kpi/intensity';
import type { Comparison, Driver, TargetProgress } from '@/lib/reports/types';

const KIND_WORDS: Record<string, string> = {
  training: 'training',
  inference: 'inference',
  pipeline_step: 'pipeline steps',
  llm_api_call: 'hosted LLM API calls',
  storage: 'storage',
};

export const kindWords = (kind: string) => KIND_WORDS[kind] ?? kind;

function signed(emissionsG: number): string {
  // ASCII signs: the sentence is also set in a PDF's standard fonts.
  return `${emissionsG < 0 ? '-' : '+'}${formatEmissions(Math.abs(emissionsG))}`;
}

function teamWords(team: string) {
  return team === 'No team' ? 'Work without a team' : `${team} team`;
}

/** The drivers lib/kpi ranked, each as a plain sentence. */
export function driverSentences(drivers: ChangeDriver[]): Driver[] {
  return drivers.map((cell) => {
    const isNew = cell.previousG === 0 ? ', new this quarter' : '';
    const stopped = cell.currentG === 0 ? ', none this quarter' : '';

    return {
      ...cell,
      sentence:
        `${teamWords(cell.team)} ${signed(cell.changeG)} ` +
        `(${kindWords(cell.kind)} in ${cell.regionKey}${isNew}${stopped})`,
    };
  });
}

/** The current quarter against another; a quarter without events has no figures. */
export function comparison(
  period: string,
  current: number,
  other: { eventCount: number; emissionsG: number; facilityEnergyKwh: number },
): Comparison {
  if (other.eventCount === 0) {
    return {
      period,
      eventCount: 0,
      emissionsG: null,
      energyKwh: null,
      changeG: null,
      change: null,
    };
  }

  return {
    period,
    eventCount: other.eventCount,
    emissionsG: other.emissionsG,
    energyKwh: other.facilityEnergyKwh,
    changeG: current - other.emissionsG,
    change: change(current, other.emissionsG),
  };
}

/** Why a comparison has no figures, for the annex's note column. */
export const noDataNote = (c: Comparison) => (c.eventCount === 0 ? `no data in ${c.period}` : null);

/** The last day before an exclusive end, e.g. "30 September 2026". */
function lastDay(end: Date, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(new Date(end.getTime() - 1));
}

/** The share of `year` that has passed at `asOf`, in the organisation's zone. */
export function yearElapsed(year: number, asOf: Date, timeZone: string): number {
  const from = quarterRange(year, 1, timeZone).from.getTime();
  const to = quarterRange(year + 1, 1, timeZone).from.getTime();

  return Math.min(1, Math.max(0, (asOf.getTime() - from) / (to - from)));
}

/** "On track", "Not on track", or why neither can be said. */
export function targetStatus(onTrack: boolean | null): string {
  if (onTrack === null) return 'No budget to measure against';

  return onTrack ? 'On track' : 'Not on track';
}

/**
 * A target's year-to-date progress as full sentences: whether it is on track
 * (the share of the year's budget used is no more than the share of the year
 * passed), then exactly what is compared, in the dashboard's words.
 */
export function targetProgress(
  target: KpiTargetProgress,
  asOf: Date,
  timeZone: string,
): TargetProgress {
  const whose = target.team ? `${target.team} team` : 'whole organisation';
  const elapsed = yearElapsed(target.year, asOf, timeZone);
  const onTrack = target.budgetUsed === null ? null : target.budgetUsed <= elapsed;
  const soFar =
    `${formatEmissions(target.yearToDateG)} emitted in ${target.year} so far ` +
    `(1 January to ${lastDay(asOf, timeZone)})`;
  const compared =
    target.budgetUsed === null
      ? `${soFar}; this year's budget is ${formatEmissions(target.yearBudgetG)}.`
      : `${soFar} is ${formatPercent(target.budgetUsed)} of this year's budget of ` +
        `${formatEmissions(target.yearBudgetG)}, ${onTrack ? 'no more' : 'more'} than the ` +
        `${formatPercent(elapsed)} of the year that has passed.`;
  const sentence =
    `${target.name} (${whose}): ${targetStatus(onTrack).toLowerCase()}. ${compared} ` +
    `The budget is the ${target.year} point on a straight line from ` +
    `${formatEmissions(target.baselineEmissionsG)} in ${target.baselineYear} to ` +
    `${formatEmissions(target.targetEmissionsG)} in ${target.targetYear}.`;

  return { ...target, yearElapsed: elapsed, onTrack, sentence };
}
