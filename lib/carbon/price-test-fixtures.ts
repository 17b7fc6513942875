// Shared inputs for the priceEvent tests: a small factor set and an event
// builder. The test files load the EcoLogits model list themselves.
import { FactorIndex, type IntensityRow } from './factors';
import { buildLlmCatalogue, type LlmCatalogue } from './llm';
import type { PricingContext } from './price';
import type { PricingInput } from './types';

const annual = (regionKey: string, intensityGPerKwh: number): IntensityRow => ({
  regionKey,
  kind: 'location',
  year: 2024,
  hourStart: null,
  intensityGPerKwh,
  source: `src ${regionKey}`,
  licence: 'CC0',
});
export const factors = new FactorIndex({
  id: 'fs-1',
  name: 'test',
  version: 7,
  rows: [
    annual('world', 480),
    annual('country:FRA', 44),
    annual('country:USA', 380),
    annual('country:DEU', 350),
    annual('aws:us-east-1', 379.069),
    { ...annual('country:DEU', 999), hourStart: new Date('2024-06-01T13:00:00Z') },
  ],
});
export const event = (overrides: Partial<PricingInput>): PricingInput => ({
  kind: 'training',
  windowStart: new Date('2024-06-01T12:00:00Z'),
  windowEnd: new Date('2024-06-01T13:00:00Z'),
  energy: { kind: 'kwh', totalKwh: 2, includesPue: false },
  location: { countryIso: 'FR' },
  work: {},
  ...overrides,
});

export const pricingContext = (modelsJson: unknown): PricingContext => {
  const llm: LlmCatalogue = buildLlmCatalogue(modelsJson);

  return { factors, organisationDefaultPue: 1.4, llm };
};
