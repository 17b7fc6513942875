import { describe, expect, it } from 'vitest';

import { FactorIndex, FactorSetError, type FactorSet, type IntensityRow } from './factors';

const row = (
  regionKey: string,
  year: number,
  intensityGPerKwh: number,
  extra: Partial<IntensityRow> = {},
): IntensityRow => ({
  regionKey,
  kind: 'location',
  year,
  hourStart: null,
  intensityGPerKwh,
  source: `test ${regionKey} ${year}`,
  licence: 'CC0',
  ...extra,
});

const factorSet: FactorSet = {
  id: 'fs-test',
  name: 'test',
  version: 3,
  rows: [
    row('world', 2024, 480),
    row('country:FRA', 2021, 60),
    row('country:FRA', 2023, 50),
    row('country:FRA', 2024, 44),
    row('country:USA', 2024, 380),
    row('aws:us-east-1', 2020, 379.069),
    row('gcp:europe-west1', 2023, 122),
    row('azure:eastus', 2020, 379.069),
    row('country:DEU', 2024, 350),
    row('country:DEU', 2024, 999, { hourStart: new Date('2024-06-01T12:00:00Z') }),
    // A half-hour offset zone: the hour runs 04:30Z to 05:30Z.
    row('country:IND', 2024, 700),
    row('country:IND', 2024, 650, { hourStart: new Date('2024-06-01T10:00:00+05:30') }),
    row('country:FRA', 2024, 90, { kind: 'residual_mix' }),
  ],
};
const index = new FactorIndex(factorSet);

describe('FactorIndex.resolve', () => {
  it.each([
    [
      'aws region',
      { cloudProvider: 'aws', cloudRegion: 'us-east-1' },
      '2024-05-01',
      'aws:us-east-1',
      379.069,
      false,
    ],
    [
      'provider alias and case',
      { cloudProvider: 'Google Cloud Platform', cloudRegion: 'EUROPE-WEST1' },
      '2024-05-01',
      'gcp:europe-west1',
      122,
      false,
    ],
    [
      'azure display name',
      { cloudProvider: 'Microsoft Azure', cloudRegion: 'East US' },
      '2024-05-01',
      'azure:eastus',
      379.069,
      false,
    ],
    [
      'unknown cloud region, country given',
      { cloudProvider: 'aws', cloudRegion: 'eu-west-9', countryIso: 'FR' },
      '2024-05-01',
      'country:FRA',
      44,
      false,
    ],
    [
      'unknown provider, country given',
      { cloudProvider: 'ovh', cloudRegion: 'gra', countryIso: 'USA' },
      '2024-05-01',
      'country:USA',
      380,
      false,
    ],
    ['alpha-2 country', { countryIso: 'fr' }, '2024-05-01', 'country:FRA', 44, false],
    [
      'latest year not after the event',
      { countryIso: 'FRA' },
      '2023-12-31T23:00:00Z',
      'country:FRA',
      50,
      false,
    ],
    [
      'a year between rows takes the earlier',
      { countryIso: 'FRA' },
      '2022-07-01',
      'country:FRA',
      60,
      false,
    ],
    [
      'event older than every row takes the earliest',
      { countryIso: 'FRA' },
      '2019-01-01',
      'country:FRA',
      60,
      false,
    ],
    [
      'event after every row takes the latest',
      { countryIso: 'FRA' },
      '2030-01-01',
      'country:FRA',
      44,
      false,
    ],
    [
      'country without a row falls back to world',
      { countryIso: 'BEL' },
      '2024-05-01',
      'world',
      480,
      true,
    ],
    ['no location at all', {}, '2024-05-01', 'world', 480, true],
    [
      'unknown cloud region without country',
      { cloudProvider: 'aws', cloudRegion: 'xx-1' },
      '2024-05-01',
      'world',
      480,
      true,
    ],
    ['invalid country code', { countryIso: 'XX' }, '2024-05-01', 'world', 480, true],
  ])('%s', (_name, location, at, regionKey, intensity, fallback) => {
    const resolved = index.resolve(location, new Date(at));

    expect(resolved.regionKey).toBe(regionKey);
    expect(resolved.intensityGPerKwh).toBe(intensity);
    expect(resolved.fallback).toBe(fallback);
    expect(resolved.factorSetId).toBe('fs-test');
    expect(resolved.factorSetVersion).toBe(3);
  });

  it.each([
    ['start of the hour', 'DEU', '2024-06-01T12:00:00Z', 999, true],
    ['last millisecond of the hour', 'DEU', '2024-06-01T12:59:59.999Z', 999, true],
    ['next hour uses the annual value', 'DEU', '2024-06-01T13:00:00Z', 350, false],
    ['hour before uses the annual value', 'DEU', '2024-06-01T11:59:59Z', 350, false],
    ['half-hour offset zone, inside', 'IND', '2024-06-01T05:29:00Z', 650, true],
    ['half-hour offset zone, before', 'IND', '2024-06-01T04:29:00Z', 700, false],
  ])('hourly rows win for their hour: %s', (_name, country, at, intensity, hourly) => {
    const resolved = index.resolve({ countryIso: country }, new Date(at));

    expect(resolved.intensityGPerKwh).toBe(intensity);
    expect(resolved.hourly).toBe(hourly);
  });

  it('carries the source and licence of the row used', () => {
    const resolved = index.resolve({ countryIso: 'FR' }, new Date('2023-03-01'));

    expect(resolved).toEqual({
      regionKey: 'country:FRA',
      intensityGPerKwh: 50,
      source: 'test country:FRA 2023',
      licence: 'CC0',
      year: 2023,
      fallback: false,
      hourly: false,
      factorSetId: 'fs-test',
      factorSetVersion: 3,
    });
  });

  it('never uses a residual-mix row for location-based pricing', () => {
    expect(index.resolve({ countryIso: 'FR' }, new Date('2024-01-01')).intensityGPerKwh).toBe(44);
  });
});

describe('FactorIndex.residual', () => {
  it.each([
    ['country:FRA', 90],
    ['country:USA', null],
  ])('%s → %s', (key, expected) => {
    expect(index.residual(key, new Date('2024-02-01'))?.intensityGPerKwh ?? null).toBe(expected);
  });
});

describe('FactorIndex construction', () => {
  it('refuses a set without an annual world row', () => {
    const set = { ...factorSet, rows: factorSet.rows.filter((r) => r.regionKey !== 'world') };

    expect(() => new FactorIndex(set)).toThrow(FactorSetError);
  });

  it('lets a later row replace an earlier one for the same year', () => {
    const set = { ...factorSet, rows: [...factorSet.rows, row('country:FRA', 2024, 41)] };

    expect(
      new FactorIndex(set).resolve({ countryIso: 'FR' }, new Date('2024-01-01')).intensityGPerKwh,
    ).toBe(41);
  });
});
