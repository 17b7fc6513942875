// Builds the shipped default factor set from the three reference files under
// prisma/reference. Callers read the files; this module only interprets them.

import { readCsv } from './csv';
import type { FactorSet, IntensityRow } from './factors';
import {
  WORLD_REGION_KEY,
  cloudRegionKey,
  countryRegionKey,
  countryToAlpha3,
  normaliseCloudProvider,
  normaliseCloudRegion,
} from './region-keys';

export interface DefaultFactorTexts {
  emberCsv: string;
  ccfCsv: string;
  codecarbonImpactCsv: string;
}

export const DEFAULT_FACTOR_SET_ID = 'greenops-default';
export const DEFAULT_FACTOR_SET_NAME =
  'GreenOps default (Ember, Cloud Carbon Footprint, CodeCarbon)';
/** Bump whenever a reference file or a rule below changes, so reports stay traceable. */
export const DEFAULT_FACTOR_SET_VERSION = 1;

const EMBER_SOURCE = 'Ember yearly electricity data (via Green Web Foundation co2.js)';
const EMBER_LICENCE = 'CC-BY-4.0';
const CCF_LICENCE = 'Apache-2.0';
const CODECARBON_LICENCE = 'MIT';
// CCF gives no year per factor; its US factors cite eGRID2020, so 2020 is
// recorded. CodeCarbon's GCP values are Google's 2023 figures (CodeCarbon PR #610).
const CCF_DATA_YEAR = 2020;
const CODECARBON_GCP_DATA_YEAR = 2023;
// The grid (location-based) variants. GCP's "cfe_adjusted" variant subtracts
// Google's carbon-free-energy purchases: that is a market-based figure and
// would double count with the contracts an organisation records.
const CCF_LOCATION_VARIANTS = new Set(['grid', 'grid(default)']);
// Typos in CodeCarbon's region ids, mapped to the ids the GCP API uses.
const CODECARBON_REGION_FIXES: Readonly<Record<string, string>> = { 'me-cenrtal1': 'me-central1' };

export function buildDefaultFactorSet(texts: DefaultFactorTexts): FactorSet {
  return {
    id: DEFAULT_FACTOR_SET_ID,
    name: DEFAULT_FACTOR_SET_NAME,
    version: DEFAULT_FACTOR_SET_VERSION,
    rows: buildDefaultFactorRows(texts),
  };
}

/**
 * Countries and the world from Ember; cloud regions from CCF, except GCP
 * regions that CodeCarbon lists: those take CodeCarbon's newer Google values.
 */
export function buildDefaultFactorRows(texts: DefaultFactorTexts): IntensityRow[] {
  const codecarbonRows = codecarbonGcpRows(texts.codecarbonImpactCsv);
  const codecarbonKeys = new Set(codecarbonRows.map((row) => row.regionKey));
  const ccfRows = ccfRowsFrom(texts.ccfCsv).filter((row) => !codecarbonKeys.has(row.regionKey));

  return [...emberRows(texts.emberCsv), ...ccfRows, ...codecarbonRows];
}

function emberRows(text: string): IntensityRow[] {
  const rows: IntensityRow[] = [];
  for (const { line, values } of records(text, 'Ember')) {
    const code = values.country_code ?? '';
    // Rows without a country code are aggregates (EU, G20, Asia...). Only the
    // world average is kept: it is the last resort for unlocated events.
    const isWorld = !code && values.country_or_region === 'World';
    const alpha3 = code ? countryToAlpha3(code) : null;
    if (!isWorld && !alpha3) {
      if (code) throw new Error(`Ember line ${line}: unknown country code "${code}"`);
      continue;
    }
    rows.push({
      regionKey: isWorld ? WORLD_REGION_KEY : countryRegionKey(alpha3 as string),
      kind: 'location',
      year: integer(values.year, `Ember line ${line} year`),
      hourStart: null,
      intensityGPerKwh: number(values.gco2e_per_kwh, `Ember line ${line} gco2e_per_kwh`),
      source: EMBER_SOURCE,
      licence: EMBER_LICENCE,
    });
  }

  return rows;
}

function ccfRowsFrom(text: string): IntensityRow[] {
  const rows: IntensityRow[] = [];
  for (const { line, values } of records(text, 'CCF')) {
    const provider = normaliseCloudProvider(values.provider);
    const note = values.nerc_or_note ?? '';
    if (!provider || !CCF_LOCATION_VARIANTS.has(values.variant ?? '')) continue;
    // "Unknown" is CCF's average over a provider's regions: an event in an
    // unlisted region is better priced by its country, else the world.
    // GCP multi-regions ("Sum of ...") add intensities up, so they are not one.
    if (values.region === 'Unknown' || note.startsWith('Sum of')) continue;
    const regionId = normaliseCloudRegion(provider, values.region);
    if (!regionId) throw new Error(`CCF line ${line}: bad region "${values.region}"`);
    rows.push({
      regionKey: cloudRegionKey(provider, regionId),
      kind: 'location',
      year: CCF_DATA_YEAR,
      hourStart: null,
      intensityGPerKwh: number(values.g_co2e_per_kwh, `CCF line ${line} g_co2e_per_kwh`),
      source: note ? `Cloud Carbon Footprint (${note})` : 'Cloud Carbon Footprint',
      licence: CCF_LICENCE,
    });
  }

  return rows;
}

function codecarbonGcpRows(text: string): IntensityRow[] {
  const rows: IntensityRow[] = [];
  for (const { line, values } of records(text, 'CodeCarbon')) {
    if (normaliseCloudProvider(values.provider) !== 'gcp') continue;
    const raw = values.region ?? '';
    const regionId = normaliseCloudRegion('gcp', CODECARBON_REGION_FIXES[raw] ?? raw);
    if (!regionId) throw new Error(`CodeCarbon line ${line}: bad region "${raw}"`);
    rows.push({
      regionKey: cloudRegionKey('gcp', regionId),
      kind: 'location',
      year: CODECARBON_GCP_DATA_YEAR,
      hourStart: null,
      intensityGPerKwh: number(values.impact, `CodeCarbon line ${line} impact`),
      source: 'CodeCarbon cloud impact data (Google Cloud region carbon data)',
      licence: CODECARBON_LICENCE,
    });
  }

  return rows;
}

// The shipped files are ours: a malformed one is a build error, not user input.
function records(text: string, name: string) {
  const read = readCsv(text);
  if ('error' in read) throw new Error(`${name} reference file line ${read.line}: ${read.error}`);

  return read.records;
}

function number(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!text || !Number.isFinite(value) || value < 0)
    throw new Error(`${what}: "${text}" is not a valid number`);

  return value;
}

function integer(text: string | undefined, what: string): number {
  const value = number(text, what);
  if (!Number.isInteger(value)) throw new Error(`${what}: "${text}" is not a whole year`);

  return value;
}
