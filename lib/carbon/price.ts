// Prices one event in carbon: IT energy, PUE, grid intensity at the event's
// place and time, and the provenance of each so a report can re-derive it.

import { wattsForSecondsToKwh } from '@/lib/units';

import type { FactorIndex, ResolvedIntensity } from './factors';
import { estimateLlmCall, type LlmCatalogue } from './llm';
import {
  checkMeasuredEnergy,
  checkWindow,
  formatAmount,
  issue,
  windowSeconds,
} from './price-checks';
import { PROVIDER_DEFAULT_PUE, SOURCE_INCLUDED_DEFAULT_PUE, isPlausiblePue } from './pue';
import {
  cloudRegionKey,
  countryToAlpha3,
  normaliseCloudProvider,
  normaliseCloudRegion,
} from './region-keys';
import type { EnergyInput, EventLocation, PricingInput, PricingIssue } from './types';

export type { PricingInput, PricingIssue } from './types';

export interface PricingContext {
  factors: FactorIndex;
  organisationDefaultPue: number;
  llm?: LlmCatalogue;
}

export type EnergySource = 'measured' | 'power_duration' | 'estimated';
export type PueSource =
  'event' | 'source_included' | 'provider_default' | 'organisation_default' | 'llm_provider';

export interface PricedEvent {
  cpuEnergyKwh: number | null;
  gpuEnergyKwh: number | null;
  ramEnergyKwh: number | null;
  /** IT energy, before PUE. */
  energyKwh: number;
  energyMinKwh: number;
  energyMaxKwh: number;
  energySource: EnergySource;
  pue: number;
  pueSource: PueSource;
  /** energyKwh × pue (for PUE-inclusive sources, exactly the energy they sent). */
  facilityEnergyKwh: number;
  regionKey: string;
  /** Country of the grid used, when known (the region key's or the event's). */
  countryIso3: string | null;
  intensityGPerKwh: number;
  intensitySource: string;
  intensityFallback: boolean;
  factorSetId: string;
  factorSetVersion: number;
  /** Location-based: facility kWh × grid intensity. */
  emissionsG: number;
  emissionsMinG: number;
  emissionsMaxG: number;
  /** Hardware manufacturing share; only the LLM estimate supplies one here. */
  embodiedG: number;
  /** Priced, but not as the sender may expect (e.g. no factor for the region named). */
  warnings: PricingWarning[];
}

/** Same shape as an issue, but the event is priced. */
export interface PricingWarning {
  path: string;
  reason: string;
}

type Measured = Exclude<EnergyInput, { kind: 'none' }>;

export function priceEvent(input: PricingInput, ctx: PricingContext): PricedEvent | PricingIssue {
  const windowIssue = checkWindow(input);
  if (windowIssue) return windowIssue;
  if (input.pue !== undefined && !isPlausiblePue(input.pue)) {
    return issue('pue', `PUE ${formatAmount(input.pue)} is outside 1 to 3`);
  }
  const country = input.location.countryIso;
  if (country !== undefined && countryToAlpha3(country) === null) {
    return issue('location.countryIso', `country "${country}" is not an ISO 3166 code`);
  }
  if (!isPlausiblePue(ctx.organisationDefaultPue)) {
    return issue(
      'organisationDefaultPue',
      `the organisation's default PUE ${ctx.organisationDefaultPue} is outside 1 to 3`,
    );
  }

  if (input.energy.kind === 'none') return priceEstimated(input, ctx);

  return priceMeasured(input, input.energy, ctx);
}

function priceMeasured(
  input: PricingInput,
  energy: Measured,
  ctx: PricingContext,
): PricedEvent | PricingIssue {
  const { pue, pueSource } = choosePue(input, energy, ctx);
  const energyIssue = checkMeasuredEnergy(energy, windowSeconds(input), pue);
  if (energyIssue) return energyIssue;

  const components = componentEnergyKwh(energy, pue);
  const intensity = ctx.factors.resolve(input.location, midpoint(input));
  // PUE-inclusive sources keep their total as the facility energy, untouched,
  // so PUE is never applied twice and the figure matches the source file.
  const facilityEnergyKwh =
    energy.kind === 'kwh' && energy.includesPue ? energy.totalKwh : components.energyKwh * pue;
  const emissionsG = facilityEnergyKwh * intensity.intensityGPerKwh;

  return {
    ...components,
    energyMinKwh: components.energyKwh,
    energyMaxKwh: components.energyKwh,
    energySource: energy.kind === 'kwh' ? 'measured' : 'power_duration',
    pue,
    pueSource,
    facilityEnergyKwh,
    ...provenance(intensity, input.location),
    emissionsG,
    emissionsMinG: emissionsG,
    emissionsMaxG: emissionsG,
    embodiedG: 0,
    warnings: intensityWarnings(input.location, intensity),
  };
}

function choosePue(
  input: PricingInput,
  energy: Measured,
  ctx: PricingContext,
): { pue: number; pueSource: PueSource } {
  if (energy.kind === 'kwh' && energy.includesPue) {
    return { pue: input.pue ?? SOURCE_INCLUDED_DEFAULT_PUE, pueSource: 'source_included' };
  }
  if (input.pue !== undefined) return { pue: input.pue, pueSource: 'event' };
  const provider = normaliseCloudProvider(input.location.cloudProvider);
  if (provider) return { pue: PROVIDER_DEFAULT_PUE[provider], pueSource: 'provider_default' };

  return { pue: ctx.organisationDefaultPue, pueSource: 'organisation_default' };
}

function componentEnergyKwh(energy: Measured, pue: number) {
  if (energy.kind === 'power') {
    const kwh = (watts: number | undefined) =>
      watts === undefined ? null : wattsForSecondsToKwh(watts, energy.durationS);
    const cpuEnergyKwh = kwh(energy.cpuW);
    const gpuEnergyKwh = kwh(energy.gpuW);
    const ramEnergyKwh = kwh(energy.ramW);
    const energyKwh = (cpuEnergyKwh ?? 0) + (gpuEnergyKwh ?? 0) + (ramEnergyKwh ?? 0);

    return { cpuEnergyKwh, gpuEnergyKwh, ramEnergyKwh, energyKwh };
  }
  const itShare = energy.includesPue ? 1 / pue : 1;
  const it = (kwh: number | undefined) => (kwh === undefined ? null : kwh * itShare);

  return {
    cpuEnergyKwh: it(energy.cpuKwh),
    gpuEnergyKwh: it(energy.gpuKwh),
    ramEnergyKwh: it(energy.ramKwh),
    energyKwh: energy.totalKwh * itShare,
  };
}

function priceEstimated(input: PricingInput, ctx: PricingContext): PricedEvent | PricingIssue {
  if (input.kind !== 'llm_api_call') {
    return issue('energy', 'energy is required: send kWh, or power and duration');
  }
  if (!input.llm) {
    return issue(
      'llm',
      'an LLM API call without energy needs llm.provider and llm.model to be estimated',
    );
  }
  if (!ctx.llm)
    return issue('energy', 'energy is required: no LLM model list is loaded to estimate it');
  if (input.work.tokensOut === undefined) {
    return issue('work.tokensOut', 'output tokens are required to estimate an LLM call');
  }

  const estimate = estimateLlmCall(ctx.llm, {
    provider: input.llm.provider,
    model: input.llm.model,
    outputTokens: input.work.tokensOut,
    // One event is one call unless it says how many requests it sums.
    requests: input.work.requests ?? 1,
  });
  if ('issue' in estimate)
    return issue(LLM_ISSUE_PATHS[estimate.issue.path] ?? 'llm', estimate.issue.reason);

  const pue = input.pue ?? estimate.pue;
  const pueLow = input.pue ?? estimate.pueMin;
  const pueHigh = input.pue ?? estimate.pueMax;
  const hasLocation = Object.values(input.location).some((value) => value !== undefined);
  const location = hasLocation ? input.location : { countryIso: estimate.countryIso3 };
  const intensity = ctx.factors.resolve(location, midpoint(input));
  const energyKwh = (estimate.energyMinKwh + estimate.energyMaxKwh) / 2;
  const facilityEnergyKwh = energyKwh * pue;
  const gPerKwh = intensity.intensityGPerKwh;

  return {
    cpuEnergyKwh: null,
    gpuEnergyKwh: null,
    ramEnergyKwh: null,
    energyKwh,
    energyMinKwh: estimate.energyMinKwh,
    energyMaxKwh: estimate.energyMaxKwh,
    energySource: 'estimated',
    pue,
    pueSource: input.pue === undefined ? 'llm_provider' : 'event',
    facilityEnergyKwh,
    ...provenance(intensity, location),
    emissionsG: facilityEnergyKwh * gPerKwh,
    emissionsMinG: estimate.energyMinKwh * pueLow * gPerKwh,
    emissionsMaxG: estimate.energyMaxKwh * pueHigh * gPerKwh,
    embodiedG: (estimate.embodiedMinG + estimate.embodiedMaxG) / 2,
    warnings: intensityWarnings(location, intensity),
  };
}

// The estimator names its own fields; the sender knows the event's.
const LLM_ISSUE_PATHS: Readonly<Record<string, string>> = {
  provider: 'llm.provider',
  model: 'llm.model',
  outputTokens: 'work.tokensOut',
  requests: 'work.requests',
};

/** The intensity in force mid-window stands for the whole window. */
function midpoint(input: PricingInput): Date {
  return new Date((input.windowStart.getTime() + input.windowEnd.getTime()) / 2);
}

function provenance(intensity: ResolvedIntensity, location: EventLocation) {
  const countryIso3 = intensity.regionKey.startsWith('country:')
    ? intensity.regionKey.slice('country:'.length)
    : countryToAlpha3(location.countryIso);

  return {
    regionKey: intensity.regionKey,
    countryIso3,
    intensityGPerKwh: intensity.intensityGPerKwh,
    intensitySource: intensity.source,
    intensityFallback: intensity.fallback,
    factorSetId: intensity.factorSetId,
    factorSetVersion: intensity.factorSetVersion,
  };
}

// A region named in a warning is the sender's text: long ones are cut.
const MAX_NAME_SHOWN = 100;

/**
 * Says when the grid factor is not the one the event's location names: a
 * cloud region without a factor (new regions appear all the time) or the
 * world average used because nothing matched.
 */
function intensityWarnings(
  location: EventLocation,
  intensity: ResolvedIntensity,
): PricingWarning[] {
  const factor = `${formatAmount(intensity.intensityGPerKwh)} g/kWh`;
  const used = intensity.fallback
    ? `the world average (${factor}) was used`
    : `the ${intensity.regionKey} factor (${factor}) was used`;
  const warnings: PricingWarning[] = [];

  const { cloudProvider, cloudRegion, countryIso } = location;
  if (cloudRegion !== undefined) {
    const provider = normaliseCloudProvider(cloudProvider);
    const regionId = provider ? normaliseCloudRegion(provider, cloudRegion) : null;
    const named =
      provider && regionId ? cloudRegionKey(provider, regionId) : `${cloudProvider}:${cloudRegion}`;
    if (named !== intensity.regionKey) {
      const shown = named.length > MAX_NAME_SHOWN ? `${named.slice(0, MAX_NAME_SHOWN)}…` : named;
      warnings.push({
        path: 'location.cloudRegion',
        reason: `no grid factor for ${shown}; ${used}`,
      });
    }
  }
  if (!intensity.fallback) return warnings;

  if (countryIso !== undefined) {
    const named = `country:${countryToAlpha3(countryIso) ?? countryIso}`;
    warnings.push({ path: 'location.countryIso', reason: `no grid factor for ${named}; ${used}` });
  } else if (warnings.length === 0) {
    warnings.push({ path: 'location', reason: `no location was given; ${used}` });
  }

  return warnings;
}
