// The summary's words: drivers of change and progress against targets as
// sentences. Pure functions over figures lib/kpi has already computed.
import { formatEmissions, formatPercent } from '@/lib/format';
import type { ChangeDriver } from '@/lib/kpi/get-change-drivers';
import type { TargetProgress as KpiTargetProgress } from '@/lib/kpi/get-target-progress';
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

export function comparison(
  period: string,
  current: number,
  previous: { emissionsG: number; facilityEnergyKwh: number },
): Comparison {
  return {
    period,
    emissionsG: previous.emissionsG,
    energyKwh: previous.facilityEnergyKwh,
    changeG: current - previous.emissionsG,
    change: change(current, previous.emissionsG),
  };
}

/** The last day of a period whose end is exclusive, e.g. "30 September 2026". */
function lastDay(periodEnd: Date, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(periodEnd.getTime() - 1));
}

/**
 * A target's year-to-date progress in words that say exactly what is
 * compared: emissions since 1 January against the whole year's budget.
 */
export function targetProgress(
  target: KpiTargetProgress,
  periodEnd: Date,
  timeZone: string,
): TargetProgress {
  const whose = target.team ? `${target.team} team` : 'whole organisation';
  const share =
    target.budgetUsed === null ? 'against' : `is ${formatPercent(target.budgetUsed)} of`;
  const sentence =
    `${target.name} (${whose}): ${formatEmissions(target.yearToDateG)} emitted from ` +
    `1 January to ${lastDay(periodEnd, timeZone)} ${share} the ${target.year} budget of ` +
    `${formatEmissions(target.yearBudgetG)}, the ${target.year} point on a straight line from ` +
    `${formatEmissions(target.baselineEmissionsG)} in ${target.baselineYear} to ` +
    `${formatEmissions(target.targetEmissionsG)} in ${target.targetYear}.`;

  return { ...target, sentence };
}
