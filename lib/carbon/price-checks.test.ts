import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { priceEvent } from './price';
import { formatAmount } from './price-checks';
import { event, pricingContext } from './price-test-fixtures';
import type { PricingInput } from './types';

const modelsPath = path.resolve(__dirname, '../../prisma/reference/ecologits_models.json');
const ctx = pricingContext(JSON.parse(readFileSync(modelsPath, 'utf8')));

describe('priceEvent rejects implausible input', () => {
  const start = new Date('2024-06-01T12:00:00Z');
  it.each([
    [
      'end before start',
      { windowEnd: new Date('2024-06-01T11:59:59Z') },
      'windowEnd',
      'the window ends before it starts',
    ],
    [
      'window over 31 days',
      { windowStart: new Date('2024-05-01T11:59:59Z') },
      'windowEnd',
      'the window is longer than 31 days; send one event per day or per run',
    ],
    [
      'invalid date',
      { windowStart: new Date('nope') },
      'windowStart',
      'windowStart is not a valid date',
    ],
    ['PUE below 1', { pue: 0.9 }, 'pue', 'PUE 0.9 is outside 1 to 3'],
    ['PUE above 3', { pue: 3.5 }, 'pue', 'PUE 3.5 is outside 1 to 3'],
    [
      'negative energy',
      { energy: { kind: 'kwh', totalKwh: -0.1, includesPue: true } },
      'energy.totalKwh',
      'energy must be a finite number of kWh, zero or more',
    ],
    [
      'infinite GPU energy',
      { energy: { kind: 'kwh', totalKwh: 1, gpuKwh: Infinity, includesPue: false } },
      'energy.gpuKwh',
      'GPU energy must be a finite number of kWh, zero or more',
    ],
    [
      'components above total',
      { energy: { kind: 'kwh', totalKwh: 1, cpuKwh: 0.6, gpuKwh: 0.6, includesPue: false } },
      'energy.totalKwh',
      'CPU, GPU and RAM energy add up to 1.2 kWh, more than the total 1 kWh',
    ],
    [
      'GPU kWh implying 150 kW',
      { energy: { kind: 'kwh', totalKwh: 150, gpuKwh: 150, includesPue: false } },
      'energy.gpuKwh',
      'GPU mean power of 150,000 W is above the 100,000 W one event may report; split the event or check the unit',
    ],
    [
      'total kWh implying 200 kW',
      { energy: { kind: 'kwh', totalKwh: 200, includesPue: false } },
      'energy.totalKwh',
      '200 kWh in 3,600 s is a mean power of 200,000 W, above the 130,000 W one event may report; split the event or check the unit',
    ],
    [
      'total kWh whose power overflows',
      { energy: { kind: 'kwh', totalKwh: 1e308, includesPue: false } },
      'energy.totalKwh',
      '1e308 kWh in 3,600 s is a mean power of more than 1.8e308 W, above the 130,000 W one event may report; split the event or check the unit',
    ],
    [
      'components whose float sum is unrounded',
      { energy: { kind: 'kwh', totalKwh: 0.25, cpuKwh: 0.1, gpuKwh: 0.2, includesPue: false } },
      'energy.totalKwh',
      'CPU, GPU and RAM energy add up to 0.3 kWh, more than the total 0.25 kWh',
    ],
    [
      'NaN power',
      { energy: { kind: 'power', durationS: 60, cpuW: Number.NaN } },
      'energy.cpuW',
      'CPU power must be a finite number of W, zero or more',
    ],
    [
      'negative power',
      { energy: { kind: 'power', durationS: 60, ramW: -5 } },
      'energy.ramW',
      'RAM power must be a finite number of W, zero or more',
    ],
    [
      'GPU power over 100 kW',
      { energy: { kind: 'power', durationS: 60, gpuW: 150_000 } },
      'energy.gpuW',
      'GPU power of 150,000 W is above the 100,000 W one event may report; split the event or check the unit',
    ],
    [
      'CPU power over 20 kW',
      { energy: { kind: 'power', durationS: 60, cpuW: 20_001 } },
      'energy.cpuW',
      'CPU power of 20,001 W is above the 20,000 W one event may report; split the event or check the unit',
    ],
    [
      'no power component',
      { energy: { kind: 'power', durationS: 60 } },
      'energy',
      'power needs at least one of cpuW, gpuW or ramW',
    ],
    [
      'duration longer than window',
      { energy: { kind: 'power', durationS: 7_200, cpuW: 10 } },
      'energy.durationS',
      "duration 7,200 s is longer than the event's window (3,600 s)",
    ],
    [
      'no energy for training',
      { energy: { kind: 'none' } },
      'energy',
      'energy is required: send kWh, or power and duration',
    ],
    [
      'LLM call without model',
      { kind: 'llm_api_call', energy: { kind: 'none' } },
      'llm',
      'an LLM API call without energy needs llm.provider and llm.model to be estimated',
    ],
    [
      'LLM call without output tokens',
      {
        kind: 'llm_api_call',
        energy: { kind: 'none' },
        llm: { provider: 'openai', model: 'gpt-4o' },
      },
      'work.tokensOut',
      'output tokens are required to estimate an LLM call',
    ],
    [
      'LLM call to an unknown model',
      {
        kind: 'llm_api_call',
        energy: { kind: 'none' },
        llm: { provider: 'openai', model: 'gpt-99' },
        work: { tokensOut: 10 },
      },
      'llm.model',
      'unknown model "gpt-99" for provider "openai": not in the EcoLogits model list',
    ],
  ] as [string, Partial<PricingInput>, string, string][])(
    '%s',
    (_name, overrides, path, reason) => {
      expect(priceEvent(event({ windowStart: start, ...overrides }), ctx)).toEqual({
        issue: { path, reason },
      });
    },
  );

  it('rejects an implausible organisation default PUE', () => {
    expect(priceEvent(event({}), { ...ctx, organisationDefaultPue: 0 })).toEqual({
      issue: {
        path: 'organisationDefaultPue',
        reason: "the organisation's default PUE 0 is outside 1 to 3",
      },
    });
  });

  it('cannot estimate an LLM call without the model list', () => {
    const input = event({
      kind: 'llm_api_call',
      energy: { kind: 'none' },
      llm: { provider: 'openai', model: 'gpt-4o' },
      work: { tokensOut: 10 },
    });

    expect(priceEvent(input, { ...ctx, llm: undefined })).toEqual({
      issue: {
        path: 'energy',
        reason: 'energy is required: no LLM model list is loaded to estimate it',
      },
    });
  });
});

describe('formatAmount', () => {
  it.each([
    [0, '0'],
    [0.30000000000000004, '0.3'],
    [1.2345, '1.23'],
    [99.95, '100'],
    [20_001, '20,001'],
    [149_999.99999997, '150,000'],
    [7.662417213125141e-5, '7.66e-5'],
    [1.005e12, '1.01e12'],
    [-5, '-5'],
    [Infinity, 'more than 1.8e308'],
    [-Infinity, 'less than -1.8e308'],
  ])('%s reads as %s', (value, text) => {
    expect(formatAmount(value)).toBe(text);
  });
});
