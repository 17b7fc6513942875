// Software Carbon Intensity: SCI = (E × I + M) / R, the carbon of one
// functional unit. Results keep every input so a page can show the sum.

import type { EventWork } from './types';

export type FunctionalUnit = 'inference' | 'thousand_tokens' | 'training_run' | 'pipeline_run';

export const FUNCTIONAL_UNIT_LABELS: Readonly<Record<FunctionalUnit, string>> = {
  inference: 'per inference',
  thousand_tokens: 'per 1,000 tokens',
  training_run: 'per training run',
  pipeline_run: 'per pipeline run',
};

export interface SciInputs {
  /** E: energy, facility side (after PUE). */
  energyKwh: number;
  /** I: grid intensity; for many events, their emissions over their energy. */
  intensityGPerKwh: number;
  /** M: embodied emissions of the hardware share used. */
  embodiedG: number;
  /** R: how many functional units the energy produced. */
  functionalUnits: number;
  functionalUnit: FunctionalUnit | string;
}

export interface SciResult extends SciInputs {
  /** E × I */
  operationalG: number;
  /** E × I + M */
  totalG: number;
  /** (E × I + M) / R */
  sciG: number;
}

export function computeSci(inputs: SciInputs): SciResult {
  const { energyKwh, intensityGPerKwh, embodiedG, functionalUnits } = inputs;
  if (!(energyKwh >= 0 && intensityGPerKwh >= 0 && embodiedG >= 0)) {
    throw new RangeError('energy, intensity and embodied emissions must be zero or more');
  }
  if (!(functionalUnits > 0 && Number.isFinite(functionalUnits))) {
    throw new RangeError('SCI needs at least some functional units (R above zero)');
  }

  const operationalG = energyKwh * intensityGPerKwh;
  const totalG = operationalG + embodiedG;

  return { ...inputs, operationalG, totalG, sciG: totalG / functionalUnits };
}

/**
 * SCI from already-priced totals (a period's rollup): I is then the energy-
 * weighted mean intensity, emissions over energy, so E × I gives them back.
 */
export function sciFromTotals(totals: {
  facilityEnergyKwh: number;
  emissionsG: number;
  embodiedG: number;
  functionalUnits: number;
  functionalUnit: FunctionalUnit | string;
}): SciResult {
  const { facilityEnergyKwh, emissionsG, embodiedG, functionalUnits, functionalUnit } = totals;
  const intensityGPerKwh = facilityEnergyKwh > 0 ? emissionsG / facilityEnergyKwh : 0;
  const checked = computeSci({
    energyKwh: facilityEnergyKwh,
    intensityGPerKwh,
    embodiedG,
    functionalUnits,
    functionalUnit,
  });
  // E × I may differ from the priced sum by float rounding; the sum is the record.
  const totalG = emissionsG + embodiedG;

  return { ...checked, operationalG: emissionsG, totalG, sciG: totalG / functionalUnits };
}

/**
 * R for one unit from an event's work; null when the event does not count it.
 * Tokens are input plus output: cached input tokens are part of tokensIn.
 */
export function countFunctionalUnits(unit: FunctionalUnit, work: EventWork): number | null {
  switch (unit) {
    case 'inference':
      return work.inferences ?? work.requests ?? null;
    case 'thousand_tokens':
      if (work.tokensIn === undefined && work.tokensOut === undefined) return null;
      return ((work.tokensIn ?? 0) + (work.tokensOut ?? 0)) / 1_000;
    case 'training_run':
    case 'pipeline_run':
      return 1;
  }
}
