// The summary's words and judgements: drivers of change as sentences,
// progress against targets. Pure functions over figures already summed.
import { change } from '@/lib/kpi/intensity';
import { formatEmissions } from '@/lib/format';
import type { DriverCell } from '@/lib/reports/queries/drivers';
import type { TargetRow } from '@/lib/reports/queries/targets';
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

/** The cells with the largest absolute change, as plain sentences. */
export function topDrivers(cells: DriverCell[], count = 3): Driver[] {
  return cells
    .map((cell) => ({ ...cell, changeG: cell.currentG - cell.previousG }))
    .filter((cell) => cell.changeG !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.changeG) - Math.abs(a.changeG) ||
        a.team.localeCompare(b.team) ||
        a.kind.localeCompare(b.kind) ||
        a.regionKey.localeCompare(b.regionKey),
    )
    .slice(0, count)
    .map((cell) => {
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

/**
 * Progress at this quarter's rate: the quarter × 4 against where a straight
 * line from the baseline to the target stands in the report's year.
 */
export function targetProgress(target: TargetRow, year: number): TargetProgress {
  const years = target.targetYear - target.baselineYear;
  const elapsed = Math.min(Math.max(year - target.baselineYear, 0), Math.max(years, 0));
  const plannedCut = target.baselineEmissionsG - target.targetEmissionsG;
  const pathEmissionsG =
    years > 0
      ? target.baselineEmissionsG - (plannedCut * elapsed) / years
      : target.targetEmissionsG;
  const annualisedEmissionsG = target.emissionsG * 4;

  return {
    name: target.name,
    team: target.team,
    baselineYear: target.baselineYear,
    baselineEmissionsG: target.baselineEmissionsG,
    targetYear: target.targetYear,
    targetEmissionsG: target.targetEmissionsG,
    pathEmissionsG,
    annualisedEmissionsG,
    reductionAchieved:
      plannedCut !== 0 ? (target.baselineEmissionsG - annualisedEmissionsG) / plannedCut : null,
    onTrack: annualisedEmissionsG <= pathEmissionsG,
  };
}
