// Sanity checks run before an event is priced. Each returns the first problem
// as a path and a sentence the sender can act on; nothing is silently clamped.

import { kwhOverSecondsToWatts, millisecondsToSeconds } from '@/lib/units';

import type { EnergyInput, PricingInput, PricingIssue } from './types';

export const MAX_WINDOW_S = 31 * 24 * 3_600;

// Mean power one event may report per component. Bounds are per event, not
// per device: an event may cover a whole multi-GPU node or a small cluster.
// 100 kW is about 100 of today's largest accelerators (H100 SXM: 700 W, B200:
// 1,000 W); 20 kW is about 40 server CPUs; 10 kW of RAM is tens of TB of DIMMs.
export const MAX_POWER_W = { cpu: 20_000, gpu: 100_000, ram: 10_000 } as const;
export const MAX_TOTAL_POWER_W = MAX_POWER_W.cpu + MAX_POWER_W.gpu + MAX_POWER_W.ram;

// Tolerance when comparing components to the total: CodeCarbon rounds each.
const SUM_TOLERANCE = 1e-6;
// A power event's measured duration may exceed its window by clock rounding.
const DURATION_TOLERANCE_S = 1;

type Component = keyof typeof MAX_POWER_W;
const COMPONENTS: readonly Component[] = ['cpu', 'gpu', 'ram'];
const LABEL: Readonly<Record<Component, string>> = { cpu: 'CPU', gpu: 'GPU', ram: 'RAM' };

export const issue = (path: string, reason: string): PricingIssue => ({ issue: { path, reason } });

const LARGEST = '1.8e308';

/**
 * A number in a sentence sent back to a person: whole from 100 up, else three
 * significant figures, exponent form when tiny or huge; never "Infinity" or
 * 0.30000000000000004. (lib/format is for the UI and has no exponent form.)
 */
export function formatAmount(value: number): string {
  if (Number.isNaN(value)) return 'not a number';
  if (!Number.isFinite(value)) return value > 0 ? `more than ${LARGEST}` : `less than -${LARGEST}`;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e9 || magnitude < 1e-3)) {
    const [mantissa, exponent] = value.toExponential(2).split('e');

    return `${Number(mantissa)}e${Number(exponent)}`;
  }

  const rounded = magnitude >= 100 ? Math.round(value) : Number(value.toPrecision(3));

  return rounded.toLocaleString('en-GB', { maximumFractionDigits: 20 });
}

export function windowSeconds(input: PricingInput): number {
  return millisecondsToSeconds(input.windowEnd.getTime() - input.windowStart.getTime());
}

export function checkWindow(input: PricingInput): PricingIssue | null {
  if (Number.isNaN(input.windowStart.getTime()))
    return issue('windowStart', 'windowStart is not a valid date');
  if (Number.isNaN(input.windowEnd.getTime()))
    return issue('windowEnd', 'windowEnd is not a valid date');
  const seconds = windowSeconds(input);
  if (seconds < 0) return issue('windowEnd', 'the window ends before it starts');
  if (seconds > MAX_WINDOW_S) {
    return issue(
      'windowEnd',
      'the window is longer than 31 days; send one event per day or per run',
    );
  }

  return null;
}

const badNumber = (value: number | undefined) =>
  value !== undefined && (!Number.isFinite(value) || value < 0);

/** Checks kWh or power figures; `pue` turns PUE-inclusive kWh back into IT energy. */
export function checkMeasuredEnergy(
  energy: Exclude<EnergyInput, { kind: 'none' }>,
  windowS: number,
  pue: number,
): PricingIssue | null {
  return energy.kind === 'kwh' ? checkKwh(energy, windowS, pue) : checkPower(energy, windowS);
}

function checkKwh(
  energy: Extract<EnergyInput, { kind: 'kwh' }>,
  windowS: number,
  pue: number,
): PricingIssue | null {
  if (badNumber(energy.totalKwh)) {
    return issue('energy.totalKwh', 'energy must be a finite number of kWh, zero or more');
  }
  for (const component of COMPONENTS) {
    if (badNumber(energy[`${component}Kwh`])) {
      return issue(
        `energy.${component}Kwh`,
        `${LABEL[component]} energy must be a finite number of kWh, zero or more`,
      );
    }
  }
  const componentsKwh = COMPONENTS.reduce((sum, c) => sum + (energy[`${c}Kwh`] ?? 0), 0);
  if (componentsKwh > energy.totalKwh * (1 + SUM_TOLERANCE) + Number.EPSILON) {
    return issue(
      'energy.totalKwh',
      `CPU, GPU and RAM energy add up to ${formatAmount(componentsKwh)} kWh, ` +
        `more than the total ${formatAmount(energy.totalKwh)} kWh`,
    );
  }
  // A zero-length window says nothing about power, so only the sums are checked.
  if (windowS === 0) return null;

  const itShare = energy.includesPue ? 1 / pue : 1;
  for (const component of COMPONENTS) {
    const kwh = energy[`${component}Kwh`];
    if (kwh === undefined) continue;
    const meanW = kwhOverSecondsToWatts(kwh * itShare, windowS);
    if (meanW > MAX_POWER_W[component]) {
      return issue(`energy.${component}Kwh`, tooMuchPower(component, meanW, 'mean '));
    }
  }
  const totalW = kwhOverSecondsToWatts(energy.totalKwh * itShare, windowS);
  if (totalW > MAX_TOTAL_POWER_W) {
    return issue(
      'energy.totalKwh',
      `${formatAmount(energy.totalKwh)} kWh in ${formatAmount(windowS)} s is a mean power of ` +
        `${formatAmount(totalW)} W, above the ${formatAmount(MAX_TOTAL_POWER_W)} W one event ` +
        'may report; split the event or check the unit',
    );
  }

  return null;
}

function checkPower(
  energy: Extract<EnergyInput, { kind: 'power' }>,
  windowS: number,
): PricingIssue | null {
  if (badNumber(energy.durationS)) {
    return issue('energy.durationS', 'duration must be a finite number of seconds, zero or more');
  }
  if (energy.durationS > windowS + DURATION_TOLERANCE_S) {
    return issue(
      'energy.durationS',
      `duration ${formatAmount(energy.durationS)} s is longer than the event's window ` +
        `(${formatAmount(windowS)} s)`,
    );
  }
  if (COMPONENTS.every((component) => energy[`${component}W`] === undefined)) {
    return issue('energy', 'power needs at least one of cpuW, gpuW or ramW');
  }
  for (const component of COMPONENTS) {
    const watts = energy[`${component}W`];
    if (badNumber(watts)) {
      return issue(
        `energy.${component}W`,
        `${LABEL[component]} power must be a finite number of W, zero or more`,
      );
    }
    if (watts !== undefined && watts > MAX_POWER_W[component]) {
      return issue(`energy.${component}W`, tooMuchPower(component, watts, ''));
    }
  }

  return null;
}

function tooMuchPower(component: Component, watts: number, qualifier: string): string {
  return (
    `${LABEL[component]} ${qualifier}power of ${formatAmount(watts)} W is above the ` +
    `${formatAmount(MAX_POWER_W[component])} W one event may report; split the event or check the unit`
  );
}
