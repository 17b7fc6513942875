import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { estimateLlmCall, type LlmEstimate } from './llm';
import { priceEvent, type PricedEvent } from './price';
import { event, pricingContext } from './price-test-fixtures';
import type { PricingInput } from './types';

const modelsPath = path.resolve(__dirname, '../../prisma/reference/ecologits_models.json');
const ctx = pricingContext(JSON.parse(readFileSync(modelsPath, 'utf8')));

const priced = (input: PricingInput): PricedEvent => {
  const result = priceEvent(input, ctx);
  if ('issue' in result) throw new Error(`unexpected issue ${JSON.stringify(result.issue)}`);

  return result;
};

describe('priceEvent with measured energy', () => {
  it('prices kWh on AWS with the provider PUE', () => {
    const result = priced(
      event({
        energy: {
          kind: 'kwh',
          totalKwh: 2,
          cpuKwh: 0.5,
          gpuKwh: 1.25,
          ramKwh: 0.25,
          includesPue: false,
        },
        location: { cloudProvider: 'Amazon', cloudRegion: 'us-east-1' },
      }),
    );

    expect(result).toEqual({
      cpuEnergyKwh: 0.5,
      gpuEnergyKwh: 1.25,
      ramEnergyKwh: 0.25,
      energyKwh: 2,
      energyMinKwh: 2,
      energyMaxKwh: 2,
      energySource: 'measured',
      pue: 1.135,
      pueSource: 'provider_default',
      facilityEnergyKwh: 2.27,
      regionKey: 'aws:us-east-1',
      countryIso3: null,
      intensityGPerKwh: 379.069,
      intensitySource: 'src aws:us-east-1',
      intensityFallback: false,
      factorSetId: 'fs-1',
      factorSetVersion: 7,
      emissionsG: expect.closeTo(860.48663, 6),
      emissionsMinG: expect.closeTo(860.48663, 6),
      emissionsMaxG: expect.closeTo(860.48663, 6),
      embodiedG: 0,
      warnings: [],
    });
  });

  it.each([
    [
      'event PUE wins',
      { pue: 1.2, location: { cloudProvider: 'gcp', countryIso: 'FR' } },
      1.2,
      'event',
    ],
    [
      'provider default for gcp',
      { location: { cloudProvider: 'google', countryIso: 'FR' } },
      1.1,
      'provider_default',
    ],
    [
      'provider default for azure',
      { location: { cloudProvider: 'azure', countryIso: 'FR' } },
      1.185,
      'provider_default',
    ],
    [
      'provider default for alibaba',
      { location: { cloudProvider: 'alibaba', countryIso: 'FR' } },
      1.3,
      'provider_default',
    ],
    [
      'organisation default on premises',
      { location: { countryIso: 'FR' } },
      1.4,
      'organisation_default',
    ],
  ])('PUE: %s', (_name, overrides: Partial<PricingInput>, pue, pueSource) => {
    const result = priced(event(overrides));

    expect(result.pue).toBe(pue);
    expect(result.pueSource).toBe(pueSource);
    expect(result.facilityEnergyKwh).toBeCloseTo(2 * pue, 12);
    expect(result.emissionsG).toBeCloseTo(2 * pue * 44, 9);
  });

  it.each([
    // Real CodeCarbon v3 row: energy_consumed 0.00057442898176 kWh, pue 1.0, MAR.
    [0.00057442898176, undefined, 1, 0.00057442898176],
    [0.1, 1.58, 1.58, 0.1 / 1.58],
    [0.7, 1.3, 1.3, 0.7 / 1.3],
  ])(
    'CodeCarbon %s kWh with PUE %s already applied is not multiplied again',
    (total, pue, expectedPue, itKwh) => {
      const result = priced(
        event({ energy: { kind: 'kwh', totalKwh: total, cpuKwh: total, includesPue: true }, pue }),
      );

      expect(result.facilityEnergyKwh).toBe(total);
      expect(result.energyKwh).toBeCloseTo(itKwh, 15);
      expect(result.cpuEnergyKwh).toBeCloseTo(itKwh, 15);
      expect(result.pue).toBe(expectedPue);
      expect(result.pueSource).toBe('source_included');
      expect(result.emissionsG).toBeCloseTo(total * 44, 12);
    },
  );

  it('prices power × duration per component', () => {
    const result = priced(
      event({
        energy: { kind: 'power', durationS: 3_600, cpuW: 200, gpuW: 700, ramW: 50 },
        location: { countryIso: 'FRA' },
      }),
    );

    expect(result.cpuEnergyKwh).toBeCloseTo(0.2, 12);
    expect(result.gpuEnergyKwh).toBeCloseTo(0.7, 12);
    expect(result.ramEnergyKwh).toBeCloseTo(0.05, 12);
    expect(result.energyKwh).toBeCloseTo(0.95, 12);
    expect(result.energySource).toBe('power_duration');
    expect(result.facilityEnergyKwh).toBeCloseTo(1.33, 12);
    expect(result.emissionsG).toBeCloseTo(58.52, 9);
    expect(result.countryIso3).toBe('FRA');
  });

  it('keeps a missing component as null, not zero', () => {
    const result = priced(event({ energy: { kind: 'power', durationS: 1_800, gpuW: 400 } }));

    expect([result.cpuEnergyKwh, result.gpuEnergyKwh, result.ramEnergyKwh]).toEqual([
      null,
      0.2,
      null,
    ]);
  });

  it('falls back to the world average, flagged, when nothing locates the event', () => {
    const result = priced(event({ location: {} }));

    expect(result.regionKey).toBe('world');
    expect(result.intensityFallback).toBe(true);
    expect(result.emissionsG).toBeCloseTo(2 * 1.4 * 480, 9);
  });

  it('uses the hourly factor in force at the middle of the window', () => {
    const result = priced(
      event({
        windowStart: new Date('2024-06-01T12:30:00Z'),
        windowEnd: new Date('2024-06-01T13:30:00Z'),
        location: { countryIso: 'DE' },
      }),
    );

    expect(result.intensityGPerKwh).toBe(999);
    expect(result.countryIso3).toBe('DEU');
  });
});

describe('priceEvent for LLM calls without energy', () => {
  const llmEvent = (overrides: Partial<PricingInput>) =>
    event({
      kind: 'llm_api_call',
      energy: { kind: 'none' },
      location: {},
      llm: { provider: 'anthropic', model: 'claude-sonnet-4-0' },
      work: { tokensOut: 1_200, requests: 3 },
      ...overrides,
    });
  const estimate = estimateLlmCall(ctx.llm!, {
    provider: 'anthropic',
    model: 'claude-sonnet-4-0',
    outputTokens: 1_200,
    requests: 3,
  }) as LlmEstimate;

  it("uses the estimate's energy range, provider PUE and data-centre country", () => {
    const result = priced(llmEvent({}));
    const midKwh = (estimate.energyMinKwh + estimate.energyMaxKwh) / 2;

    expect(estimate.pueMin).toBe(1.09);
    expect(estimate.pueMax).toBe(1.14);
    expect(result).toEqual({
      cpuEnergyKwh: null,
      gpuEnergyKwh: null,
      ramEnergyKwh: null,
      energyKwh: midKwh,
      energyMinKwh: estimate.energyMinKwh,
      energyMaxKwh: estimate.energyMaxKwh,
      energySource: 'estimated',
      pue: 1.14,
      pueSource: 'llm_provider',
      facilityEnergyKwh: midKwh * 1.14,
      regionKey: 'country:USA',
      countryIso3: 'USA',
      intensityGPerKwh: 380,
      intensitySource: 'src country:USA',
      intensityFallback: false,
      factorSetId: 'fs-1',
      factorSetVersion: 7,
      emissionsG: midKwh * 1.14 * 380,
      emissionsMinG: estimate.energyMinKwh * 1.09 * 380,
      emissionsMaxG: estimate.energyMaxKwh * 1.14 * 380,
      embodiedG: (estimate.embodiedMinG + estimate.embodiedMaxG) / 2,
      warnings: [],
    });
    expect(result.emissionsMinG).toBeLessThan(result.emissionsG);
    expect(result.emissionsG).toBeLessThan(result.emissionsMaxG);
  });

  it("prefers the event's location and PUE when it gives them", () => {
    const result = priced(llmEvent({ pue: 1.5, location: { countryIso: 'FR' } }));
    const midKwh = (estimate.energyMinKwh + estimate.energyMaxKwh) / 2;

    expect(result.pue).toBe(1.5);
    expect(result.pueSource).toBe('event');
    expect(result.regionKey).toBe('country:FRA');
    expect(result.emissionsG).toBeCloseTo(midKwh * 1.5 * 44, 12);
    expect(result.emissionsMinG).toBeCloseTo(estimate.energyMinKwh * 1.5 * 44, 12);
  });

  it('counts an event without a request count as one request', () => {
    const one = estimateLlmCall(ctx.llm!, {
      provider: 'anthropic',
      model: 'claude-sonnet-4-0',
      outputTokens: 1_200,
      requests: 1,
    }) as LlmEstimate;

    expect(priced(llmEvent({ work: { tokensOut: 1_200 } })).energyMinKwh).toBe(one.energyMinKwh);
  });
});

describe('priceEvent warns when the factor is not the location named', () => {
  it.each([
    ['a known cloud region', { cloudProvider: 'aws', cloudRegion: 'us-east-1' }, []],
    ['a known country', { countryIso: 'FR' }, []],
    [
      'an unknown region of a known cloud',
      { cloudProvider: 'aws', cloudRegion: 'mars-1' },
      [
        {
          path: 'location.cloudRegion',
          reason: 'no grid factor for aws:mars-1; the world average (480 g/kWh) was used',
        },
      ],
    ],
    [
      'an unknown cloud region in a known country',
      { cloudProvider: 'Amazon', cloudRegion: 'MARS_1', countryIso: 'de' },
      [
        {
          path: 'location.cloudRegion',
          reason: 'no grid factor for aws:mars-1; the country:DEU factor (350 g/kWh) was used',
        },
      ],
    ],
    [
      'an unknown cloud',
      { cloudProvider: 'ovh', cloudRegion: 'gra' },
      [
        {
          path: 'location.cloudRegion',
          reason: 'no grid factor for ovh:gra; the world average (480 g/kWh) was used',
        },
      ],
    ],
    [
      'a country without a factor',
      { countryIso: 'JP' },
      [
        {
          path: 'location.countryIso',
          reason: 'no grid factor for country:JPN; the world average (480 g/kWh) was used',
        },
      ],
    ],
    [
      'no location',
      {},
      [
        {
          path: 'location',
          reason: 'no location was given; the world average (480 g/kWh) was used',
        },
      ],
    ],
  ] as [string, PricingInput['location'], unknown[]][])('%s', (_name, location, warnings) => {
    expect(priced(event({ location })).warnings).toEqual(warnings);
  });

  it.each(['XX', 'ZZZ', 'Atlantis'])(
    'rejects country %s, which is not an ISO 3166 code',
    (countryIso) => {
      expect(priceEvent(event({ location: { countryIso } }), ctx)).toEqual({
        issue: {
          path: 'location.countryIso',
          reason: `country "${countryIso}" is not an ISO 3166 code`,
        },
      });
    },
  );
});
