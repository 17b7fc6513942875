import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { buildDefaultFactorRows, buildDefaultFactorSet } from './default-factors';
import { FactorIndex } from './factors';

const referenceDir = path.resolve(__dirname, '../../prisma/reference');
const read = (file: string) => readFileSync(path.join(referenceDir, file), 'utf8');
const texts = {
  emberCsv: read('ember_country_avg_gco2_per_kwh.csv'),
  ccfCsv: read('ccf_grid_emission_factors.csv'),
  codecarbonImpactCsv: read('codecarbon_cloud_impact.csv'),
};
const rows = buildDefaultFactorRows(texts);
const byKey = new Map(rows.map((row) => [row.regionKey, row]));

describe('buildDefaultFactorRows', () => {
  it('keeps one row per region: 209 countries, world, 156 cloud regions', () => {
    const countByScope = new Map<string, number>();
    for (const row of rows) {
      const scope = row.regionKey.split(':')[0] as string;
      countByScope.set(scope, (countByScope.get(scope) ?? 0) + 1);
    }

    expect(Object.fromEntries(countByScope)).toEqual({
      country: 209,
      world: 1,
      aws: 27,
      gcp: 41,
      azure: 77,
      alibaba: 11,
    });
    expect(new Set(rows.map((row) => row.regionKey)).size).toBe(rows.length);
  });

  it.each([
    ['country:FRA', 44.18, 2024, 'CC-BY-4.0', 'Ember'],
    ['country:XKX', 958.72, 2024, 'CC-BY-4.0', 'Ember'],
    ['world', 472.94, 2024, 'CC-BY-4.0', 'Ember'],
    ['aws:us-east-1', 379.069, 2020, 'Apache-2.0', 'Cloud Carbon Footprint'],
    ['azure:eastus', 379.069, 2020, 'Apache-2.0', 'Cloud Carbon Footprint'],
    ['azure:centralus', 426.254, 2020, 'Apache-2.0', 'Cloud Carbon Footprint'],
    ['alibaba:cn-qingdao', 665, 2020, 'Apache-2.0', 'Cloud Carbon Footprint'],
    // CodeCarbon (Google 2023) wins over CCF's 110 for a region both list.
    ['gcp:europe-west1', 122, 2023, 'MIT', 'CodeCarbon'],
    // Only CCF lists us-central2.
    ['gcp:us-central2', 456, 2020, 'Apache-2.0', 'Cloud Carbon Footprint'],
    // CodeCarbon spells it me-cenrtal1.
    ['gcp:me-central1', 575, 2023, 'MIT', 'CodeCarbon'],
  ])('%s = %s g/kWh (%s, %s)', (key, intensity, year, licence, sourceStart) => {
    const row = byKey.get(key);

    expect(row?.intensityGPerKwh).toBe(intensity);
    expect(row?.year).toBe(year);
    expect(row?.licence).toBe(licence);
    expect(row?.source.startsWith(sourceStart)).toBe(true);
    expect(row?.kind).toBe('location');
  });

  it.each([
    ['country aggregates', 'country:EU'],
    ['Ember aggregates', 'G20'],
    ['CCF provider averages', 'aws:unknown'],
    ['GCP multi-region sums', 'gcp:us'],
    ['GCP multi-region sums', 'gcp:nam4'],
  ])('drops %s (%s)', (_what, key) => {
    expect(byKey.has(key)).toBe(false);
  });

  it('never keeps a GCP carbon-free-energy adjusted value', () => {
    // CCF's cfe_adjusted us-central1 is 215.237; the grid value is CodeCarbon's 430.
    expect(byKey.get('gcp:us-central1')?.intensityGPerKwh).toBe(430);
  });

  it('builds a set the index accepts', () => {
    const index = new FactorIndex(buildDefaultFactorSet(texts));

    expect(index.resolve({ countryIso: 'DE' }, new Date('2025-01-01')).regionKey).toBe(
      'country:DEU',
    );
  });
});
