// Grid intensity factor sets and the index that prices millions of events:
// every lookup is a Map hit plus, for hourly data, one binary search.

import type { EventLocation } from './types';
import {
  WORLD_REGION_KEY,
  cloudRegionKey,
  countryRegionKey,
  countryToAlpha3,
  normaliseCloudProvider,
  normaliseCloudRegion,
} from './region-keys';

export type IntensityKind = 'location' | 'residual_mix';

export interface IntensityRow {
  regionKey: string;
  kind: IntensityKind;
  year: number;
  /** Start of the hour this row covers; null for an annual value. */
  hourStart: Date | null;
  intensityGPerKwh: number;
  source: string;
  licence: string;
}

export interface FactorSet {
  id: string;
  name: string;
  version: number;
  rows: IntensityRow[];
}

export interface ResolvedIntensity {
  regionKey: string;
  intensityGPerKwh: number;
  source: string;
  licence: string;
  /** Year of the row used (for an hourly row, the year it was filed under). */
  year: number;
  /** True only when nothing matched the event and the world average was used. */
  fallback: boolean;
  hourly: boolean;
  factorSetId: string;
  factorSetVersion: number;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_LOCATIONS = 10_000;

interface RegionSeries {
  annualByYearAsc: IntensityRow[];
  hourlyByStartAsc: IntensityRow[];
  hourlyStartsMs: number[];
  annualByEventYear: Map<number, IntensityRow | null>;
}

export class FactorSetError extends Error {}

export class FactorIndex {
  readonly factorSetId: string;
  readonly factorSetVersion: number;
  private readonly location = new Map<string, RegionSeries>();
  private readonly residualMix = new Map<string, RegionSeries>();
  private readonly candidateKeysByLocation = new Map<string, string[]>();

  constructor(factorSet: FactorSet) {
    this.factorSetId = factorSet.id;
    this.factorSetVersion = factorSet.version;
    const grouped: Record<IntensityKind, Map<string, IntensityRow[]>> = {
      location: new Map(),
      residual_mix: new Map(),
    };
    for (const row of factorSet.rows) {
      const byKey = grouped[row.kind];
      const rows = byKey.get(row.regionKey) ?? [];
      rows.push(row);
      byKey.set(row.regionKey, rows);
    }
    for (const [key, rows] of grouped.location) this.location.set(key, buildSeries(rows));
    for (const [key, rows] of grouped.residual_mix) this.residualMix.set(key, buildSeries(rows));

    // Every event must get a number; a set without a world row cannot promise that.
    if (!this.location.get(WORLD_REGION_KEY)?.annualByYearAsc.length) {
      throw new FactorSetError(
        `factor set ${factorSet.id} v${factorSet.version} has no annual "world" location row`,
      );
    }
  }

  /** Location-based intensity for an event: cloud region, else country, else world. */
  resolve(location: EventLocation, at: Date): ResolvedIntensity {
    const atMs = at.getTime();
    for (const key of this.candidateKeys(location)) {
      const row = pick(this.location.get(key), atMs);
      if (row) return this.toResolved(row, false);
    }
    const world = pick(this.location.get(WORLD_REGION_KEY), atMs) as IntensityRow;

    return this.toResolved(world, true);
  }

  /** Residual-mix intensity of a market (for market-based totals); null if none. */
  residual(regionKey: string, at: Date): ResolvedIntensity | null {
    const row = pick(this.residualMix.get(regionKey), at.getTime());

    return row ? this.toResolved(row, false) : null;
  }

  hasLocationFactor(regionKey: string): boolean {
    return this.location.has(regionKey);
  }

  private candidateKeys(location: EventLocation): string[] {
    const cacheKey = `${location.cloudProvider}|${location.cloudRegion}|${location.countryIso}`;
    const cached = this.candidateKeysByLocation.get(cacheKey);
    if (cached) return cached;

    const keys: string[] = [];
    const provider = normaliseCloudProvider(location.cloudProvider);
    const regionId = provider ? normaliseCloudRegion(provider, location.cloudRegion) : null;
    if (provider && regionId) keys.push(cloudRegionKey(provider, regionId));
    const alpha3 = countryToAlpha3(location.countryIso);
    if (alpha3) keys.push(countryRegionKey(alpha3));

    // Location strings repeat endlessly across events; the bound only guards
    // against a caller feeding random strings.
    if (this.candidateKeysByLocation.size >= MAX_CACHED_LOCATIONS) {
      this.candidateKeysByLocation.clear();
    }
    this.candidateKeysByLocation.set(cacheKey, keys);

    return keys;
  }

  private toResolved(row: IntensityRow, fallback: boolean): ResolvedIntensity {
    return {
      regionKey: row.regionKey,
      intensityGPerKwh: row.intensityGPerKwh,
      source: row.source,
      licence: row.licence,
      year: row.year,
      fallback,
      hourly: row.hourStart !== null,
      factorSetId: this.factorSetId,
      factorSetVersion: this.factorSetVersion,
    };
  }
}

function buildSeries(rows: IntensityRow[]): RegionSeries {
  // Later rows replace earlier ones for the same year or hour, so an upload
  // appended to a base set overrides it.
  const annual = new Map<number, IntensityRow>();
  const hourly = new Map<number, IntensityRow>();
  for (const row of rows) {
    if (row.hourStart) hourly.set(row.hourStart.getTime(), row);
    else annual.set(row.year, row);
  }
  const hourlyByStartAsc = [...hourly.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);

  return {
    annualByYearAsc: [...annual.values()].sort((a, b) => a.year - b.year),
    hourlyByStartAsc,
    hourlyStartsMs: hourlyByStartAsc.map((row) => (row.hourStart as Date).getTime()),
    annualByEventYear: new Map(),
  };
}

/** The hourly row whose hour contains `atMs`, else the annual row for its year. */
function pick(series: RegionSeries | undefined, atMs: number): IntensityRow | null {
  if (!series) return null;

  const hourly = hourlyAt(series, atMs);
  if (hourly) return hourly;

  const eventYear = new Date(atMs).getUTCFullYear();
  let annual = series.annualByEventYear.get(eventYear);
  if (annual === undefined) {
    annual = annualFor(series.annualByYearAsc, eventYear);
    series.annualByEventYear.set(eventYear, annual);
  }

  return annual;
}

function hourlyAt(series: RegionSeries, atMs: number): IntensityRow | null {
  const starts = series.hourlyStartsMs;
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) <= atMs) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0 || atMs >= (starts[found] as number) + HOUR_MS) return null;

  return series.hourlyByStartAsc[found] ?? null;
}

/**
 * Latest year not after the event's year; an event older than every row takes
 * the earliest year, which is the closest data we have.
 */
function annualFor(rowsByYearAsc: IntensityRow[], eventYear: number): IntensityRow | null {
  let chosen: IntensityRow | null = null;
  for (const row of rowsByYearAsc) {
    if (row.year > eventYear) break;
    chosen = row;
  }

  return chosen ?? rowsByYearAsc[0] ?? null;
}
