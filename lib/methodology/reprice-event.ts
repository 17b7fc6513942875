// Re-prices one stored event with another factor set. Only the grid
// intensity changes: the energy, the PUE and their sources stay as stored,
// so a re-priced figure differs from the old one by the factor alone.
import { priceEvent, type PricingContext } from '@/lib/carbon/price';
import type { EventKind, PricingInput, PricingIssue } from '@/lib/carbon/types';

/** The columns of emission_event that re-pricing reads. */
export interface StoredEvent {
  id: string;
  kind: EventKind;
  window_start: Date;
  window_end: Date;
  energy_kwh: number;
  energy_min_kwh: number;
  energy_max_kwh: number;
  energy_source: 'measured' | 'power_duration' | 'estimated';
  pue: number;
  pue_source: string;
  facility_energy_kwh: number;
  cloud_provider: string | null;
  cloud_region: string | null;
  country_iso3: string | null;
  intensity_g_per_kwh: number;
  emissions_g: number;
  emissions_min_g: number;
}

/** The columns re-pricing writes back, named as in emission_event. */
export interface RepricedColumns {
  id: string;
  region_key: string;
  country_iso3: string | null;
  intensity_g_per_kwh: number;
  intensity_source: string;
  intensity_fallback: boolean;
  factor_set_id: string;
  factor_set_version: number;
  emissions_g: number;
  emissions_min_g: number;
  emissions_max_g: number;
}

/**
 * The stored event as priceEvent's input. Energy is passed as kWh with the
 * stored PUE, so priceEvent recomputes facility energy exactly as at ingest:
 * IT kWh × PUE, or for PUE-inclusive sources (CodeCarbon) the facility kWh
 * as sent. Components are left out: they do not change the emissions, and
 * their sum was checked when the event was stored.
 */
export function storedPricingInput(event: StoredEvent): PricingInput {
  const sourceIncluded = event.pue_source === 'source_included';

  return {
    kind: event.kind,
    windowStart: event.window_start,
    windowEnd: event.window_end,
    energy: {
      kind: 'kwh',
      totalKwh: sourceIncluded ? event.facility_energy_kwh : event.energy_kwh,
      includesPue: sourceIncluded,
    },
    pue: event.pue,
    location: {
      cloudProvider: event.cloud_provider ?? undefined,
      cloudRegion: event.cloud_region ?? undefined,
      countryIso: event.country_iso3 ?? undefined,
    },
    work: {},
  };
}

export function repriceStoredEvent(
  event: StoredEvent,
  context: PricingContext,
): RepricedColumns | PricingIssue {
  const priced = priceEvent(storedPricingInput(event), context);
  if ('issue' in priced) return priced;

  const intensity = priced.intensityGPerKwh;
  let emissionsMinG = priced.emissionsG;
  let emissionsMaxG = priced.emissionsG;
  if (event.energy_source === 'estimated') {
    // LLM estimates keep their energy range. The high end used the stored
    // (high) PUE; the low end's facility kWh is recovered from its old
    // emissions, since the low PUE is not stored. With an old factor of 0
    // nothing can be recovered and the high PUE is used (at most 5% high).
    emissionsMaxG = event.energy_max_kwh * event.pue * intensity;
    const lowFacilityKwh =
      event.intensity_g_per_kwh > 0
        ? event.emissions_min_g / event.intensity_g_per_kwh
        : event.energy_min_kwh * event.pue;
    emissionsMinG = lowFacilityKwh * intensity;
  }

  return {
    id: event.id,
    region_key: priced.regionKey,
    country_iso3: priced.countryIso3,
    intensity_g_per_kwh: intensity,
    intensity_source: priced.intensitySource,
    intensity_fallback: priced.intensityFallback,
    factor_set_id: priced.factorSetId,
    factor_set_version: priced.factorSetVersion,
    emissions_g: priced.emissionsG,
    emissions_min_g: emissionsMinG,
    emissions_max_g: emissionsMaxG,
  };
}
