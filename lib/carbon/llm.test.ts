import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { kwhToWh } from '@/lib/units';

import {
  buildLlmCatalogue,
  estimateLlmCall,
  llmUsageEmissionsG,
  type LlmCall,
  type LlmEstimate,
} from './llm';

const modelsJson: unknown = JSON.parse(
  readFileSync(path.join(__dirname, '../../prisma/reference/ecologits_models.json'), 'utf8'),
);
const catalogue = buildLlmCatalogue(modelsJson);

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

function estimate(call: LlmCall): LlmEstimate {
  const result = estimateLlmCall(catalogue, call);
  if ('issue' in result) throw new Error(`${result.issue.path}: ${result.issue.reason}`);

  return result;
}

type MinMax = readonly [number, number];

interface Vector {
  name: string;
  call: LlmCall;
  pue: number;
  intensityGPerKwh: number;
  gpus: number;
  facilityWh: MinMax;
  usageG: MinMax;
  embodiedG: MinMax;
  totalG: MinMax;
}

const call = (provider: string, model: string, outputTokens = 1000, latencyS?: number) => ({
  provider,
  model,
  outputTokens,
  requests: 1,
  latencyS,
});

// /work/shared/data/reference/ecologits_test_vectors.csv, one request each. Its energy is
// facility energy (IT × PUE); intensities there are kg/kWh.
const vectors: Vector[] = [
  {
    name: 'gpt-4o-mini',
    call: call('openai', 'gpt-4o-mini'),
    pue: 1.2,
    intensityGPerKwh: 383.55,
    gpus: 1,
    facilityWh: [0.0892, 0.1134],
    usageG: [0.0342, 0.0435],
    embodiedG: [0.00649, 0.00846],
    totalG: [0.0407, 0.052],
  },
  {
    name: 'gpt-4o',
    call: call('openai', 'gpt-4o'),
    pue: 1.2,
    intensityGPerKwh: 383.55,
    gpus: 16,
    facilityWh: [2.1253, 3.8338],
    usageG: [0.8152, 1.4705],
    embodiedG: [0.16049, 0.29878],
    totalG: [0.9757, 1.7692],
  },
  {
    name: 'gpt-5',
    call: call('openai', 'gpt-5'),
    pue: 1.2,
    intensityGPerKwh: 383.55,
    gpus: 16,
    facilityWh: [1.8536, 3.0184],
    usageG: [0.7109, 1.1577],
    embodiedG: [0.13849, 0.23278],
    totalG: [0.8494, 1.3905],
  },
  {
    name: 'open-mistral-7b',
    call: call('mistralai', 'open-mistral-7b'),
    pue: 1.16,
    intensityGPerKwh: 35.82,
    gpus: 1,
    facilityWh: [0.0854, 0.0854],
    usageG: [0.0031, 0.0031],
    embodiedG: [0.00643, 0.00643],
    totalG: [0.0095, 0.0095],
  },
  {
    name: 'mistral-large-2411',
    call: call('mistralai', 'mistral-large-2411'),
    pue: 1.16,
    intensityGPerKwh: 35.82,
    gpus: 4,
    facilityWh: [0.8843, 0.8843],
    usageG: [0.0317, 0.0317],
    embodiedG: [0.07116, 0.07116],
    totalG: [0.1028, 0.1028],
  },
  {
    name: 'open-mixtral-8x7b',
    call: call('mistralai', 'open-mixtral-8x7b'),
    pue: 1.16,
    intensityGPerKwh: 35.82,
    gpus: 2,
    facilityWh: [0.1839, 0.1839],
    usageG: [0.0066, 0.0066],
    embodiedG: [0.01395, 0.01395],
    totalG: [0.0205, 0.0205],
  },
  {
    // EcoLogits' own unit test: world mix, PUE 1.26, request latency 5 s.
    name: 'test_llm_impacts#1',
    call: call('mistralai', 'open-mistral-7b', 200, 5),
    pue: 1.26,
    intensityGPerKwh: 590.478,
    gpus: 1,
    facilityWh: [0.0154, 0.0154],
    usageG: [0.0091, 0.0091],
    embodiedG: [0.00072, 0.00072],
    totalG: [0.0098, 0.0098],
  },
];

describe('EcoLogits test vectors', () => {
  it.each(vectors)('$name', (vector) => {
    const { pue } = vector;
    const result = { ...estimate(vector.call), pue, pueMin: pue, pueMax: pue };
    const usageG = llmUsageEmissionsG(result, vector.intensityGPerKwh);

    expect(result.gpuCount).toBe(vector.gpus);
    expect([
      round(kwhToWh(result.energyMinKwh * pue), 4),
      round(kwhToWh(result.energyMaxKwh * pue), 4),
    ]).toEqual(vector.facilityWh);
    expect([round(usageG.minG, 4), round(usageG.maxG, 4)]).toEqual(vector.usageG);
    expect([round(result.embodiedMinG, 5), round(result.embodiedMaxG, 5)]).toEqual(
      vector.embodiedG,
    );
    expect([
      round(usageG.minG + result.embodiedMinG, 4),
      round(usageG.maxG + result.embodiedMaxG, 4),
    ]).toEqual(vector.totalG);
  });

  it.each(vectors.filter((vector) => vector.pue !== 1.26))(
    "uses the provider's PUE: $name",
    (vector) => {
      expect(estimate(vector.call).pue).toBe(vector.pue);
    },
  );
});

describe('estimateLlmCall', () => {
  it('returns IT energy before PUE', () => {
    const result = estimate({
      provider: 'openai',
      model: 'gpt-4o-mini',
      outputTokens: 1000,
      requests: 1,
    });

    expect([
      round(kwhToWh(result.energyMinKwh), 4),
      round(kwhToWh(result.energyMaxKwh), 4),
    ]).toEqual([0.0743, 0.0945]);
    expect(result).toMatchObject({
      countryIso3: 'USA',
      activeParamsMinB: 8,
      activeParamsMaxB: 28,
      method: expect.stringContaining('EcoLogits'),
    });
  });

  it('uses both ends of a PUE range (Anthropic 1.09 to 1.14)', () => {
    const result = estimate({
      provider: 'anthropic',
      model: 'claude-3-5-sonnet-latest',
      outputTokens: 1000,
      requests: 1,
    });
    const usageG = llmUsageEmissionsG(result, 383.55);

    expect(result).toMatchObject({ pue: 1.14, pueMin: 1.09, pueMax: 1.14, countryIso3: 'USA' });
    expect([
      round(kwhToWh(result.energyMinKwh), 4),
      round(kwhToWh(result.energyMaxKwh), 4),
    ]).toEqual([1.7711, 3.1948]);
    expect([round(usageG.minG, 4), round(usageG.maxG, 4)]).toEqual([0.7405, 1.3969]);
  });

  it.each([
    ['mistralai', 'open-mistral-7b', 1, 1],
    ['openai', 'gpt-4.1-mini', 2, 4],
    ['anthropic', 'claude-3-opus-latest', 64, 64],
  ] as const)('counts GPUs at each end of the range: %s %s', (provider, model, low, high) => {
    const result = estimate({ provider, model, outputTokens: 10, requests: 1 });

    expect([result.gpuCountMin, result.gpuCount]).toEqual([low, high]);
  });

  it('costs N requests like one request with all their tokens', () => {
    const call = { provider: 'openai', model: 'gpt-4o', outputTokens: 5000 };
    const one = estimate({ ...call, requests: 1 });
    const ten = estimate({ ...call, requests: 10 });

    expect(ten).toEqual(one);
  });

  it('caps generation time at latency × requests', () => {
    const call = { provider: 'mistralai', model: 'open-mistral-7b', latencyS: 5 };
    const one = estimate({ ...call, outputTokens: 200, requests: 1 });
    const two = estimate({ ...call, outputTokens: 400, requests: 2 });

    expect([one.generationMaxS, two.generationMaxS]).toEqual([5, 10]);
    expect(two.energyMaxKwh).toBeCloseTo(2 * one.energyMaxKwh, 15);
    expect(two.embodiedMaxG).toBeCloseTo(2 * one.embodiedMaxG, 15);
  });

  it('costs nothing for zero output tokens', () => {
    const result = estimate({ provider: 'openai', model: 'gpt-4o', outputTokens: 0, requests: 1 });

    expect([result.energyMaxKwh, result.embodiedMaxG, result.generationMaxS]).toEqual([0, 0, 0]);
  });

  it.each([
    ['openai', 'gpt-4o-mini', 'gpt-4o-mini', 'name'],
    ['openai', 'GPT-4o', 'gpt-4o', 'name'],
    ['openai', 'gpt-4o-mini-2024-07-18', 'gpt-4o-mini-2024-07-18', 'name'],
    ['openai', 'gpt-4o-mini-2099-01-01', 'gpt-4o-mini', 'snapshot'],
    ['openai', 'gpt-3.5-turbo-0613', 'gpt-3.5-turbo', 'snapshot'],
    ['openai', 'gpt-35-turbo', 'gpt-3.5-turbo', 'alias'],
    ['azure', 'gpt-35-turbo-0125', 'gpt-3.5-turbo-0125', 'alias'],
    ['anthropic', 'claude-opus-4-1', 'claude-opus-4-1-20250805', 'alias'],
    ['anthropic', 'claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 'snapshot'],
    ['Mistral', 'mistral-large-2411', 'mistral-large-2411', 'name'],
    ['google', 'gemini-2.5-pro-preview', 'gemini-2.5-pro-preview-03-25', 'snapshot'],
  ] as const)('finds %s %s as %s (%s)', (provider, model, expectedModel, matchedBy) => {
    const result = estimate({ provider, model, outputTokens: 1, requests: 1 });

    expect({ model: result.model, matchedBy: result.matchedBy }).toEqual({
      model: expectedModel,
      matchedBy,
    });
  });

  it.each([
    [
      { model: 'gpt-9' },
      'model',
      'unknown model "gpt-9" for provider "openai": not in the EcoLogits model list',
    ],
    [{ provider: 'acme' }, 'provider', 'unknown provider "acme": not in the EcoLogits list'],
    [{ outputTokens: -1 }, 'outputTokens', 'output tokens must be a finite number, zero or more'],
    [
      { outputTokens: Number.NaN },
      'outputTokens',
      'output tokens must be a finite number, zero or more',
    ],
    [{ requests: 0 }, 'requests', 'requests must be a whole number, one or more'],
    [{ requests: 1.5 }, 'requests', 'requests must be a whole number, one or more'],
    [{ latencyS: 0 }, 'latencyS', 'latency must be a finite number of seconds above zero'],
  ] as const)('reports %o as an issue on %s', (change, issuePath, reason) => {
    const call = { provider: 'openai', model: 'gpt-4o', outputTokens: 10, requests: 1, ...change };

    expect(estimateLlmCall(catalogue, call)).toEqual({ issue: { path: issuePath, reason } });
  });
});

describe('buildLlmCatalogue', () => {
  it('indexes every shipped model and alias', () => {
    expect([catalogue.byName.size, catalogue.byAlias.size]).toEqual([361, 9]);
  });

  it.each([
    ['no aliases', { models: [] }],
    [
      'negative parameters',
      {
        aliases: [],
        models: [
          {
            type: 'model',
            provider: 'p',
            name: 'm',
            architecture: { type: 'dense', parameters: -1 },
          },
        ],
      },
    ],
    [
      'range min above max',
      {
        aliases: [],
        models: [
          {
            type: 'model',
            provider: 'p',
            name: 'm',
            architecture: { type: 'dense', parameters: { min: 9, max: 8 } },
          },
        ],
      },
    ],
  ])('rejects %s', (_name, json) => {
    expect(() => buildLlmCatalogue(json)).toThrow();
  });
});
