import { describe, expect, it } from 'vitest';

import { codeCarbonSourcePath, eventSourcePath, openAiSourcePath } from './source-paths';

const event = eventSourcePath(3, { energyField: 'energy_wh', hasId: true });
const eventWithoutId = eventSourcePath(3, { energyField: 'power_w', hasId: false });
const codeCarbon = codeCarbonSourcePath(7, 'run_id');
const openAi = openAiSourcePath('data[1]', 'data[1].results[2]');

describe('source paths name every field pricing and storage checks report', () => {
  it.each([
    // field, JSON event (energy_wh sent), CodeCarbon line 7, OpenAI result
    ['energy', 'events[3].energy_wh', 'line 7: energy_consumed', 'data[1].results[2]'],
    ['energy.totalKwh', 'events[3].energy_wh', 'line 7: energy_consumed', 'data[1].results[2]'],
    ['energy.gpuKwh', 'events[3].energy_wh.gpu', 'line 7: gpu_energy', 'data[1].results[2]'],
    ['energy.gpuW', 'events[3].power_w.gpu', 'line 7', 'data[1].results[2]'],
    ['energy.durationS', 'events[3].end', 'line 7', 'data[1].results[2]'],
    ['windowStart', 'events[3].start', 'line 7: timestamp', 'data[1].start_time'],
    ['windowEnd', 'events[3].end', 'line 7: timestamp', 'data[1].end_time'],
    ['pue', 'events[3].pue', 'line 7: pue', 'data[1].results[2]'],
    ['llm.model', 'events[3].model', 'line 7', 'data[1].results[2].model'],
    ['llm.provider', 'events[3].provider', 'line 7', 'data[1].results[2].model'],
    ['work.tokensOut', 'events[3].tokens_out', 'line 7', 'data[1].results[2].output_tokens'],
    ['work.requests', 'events[3].requests', 'line 7', 'data[1].results[2].num_model_requests'],
    ['idempotencyKey', 'events[3].id', 'line 7: run_id', 'data[1].results[2]'],
    ['location.countryIso', 'events[3].country', 'line 7: country_iso_code', 'data[1].results[2]'],
    [
      'location.cloudRegion',
      'events[3].cloud_region',
      'line 7: cloud_region',
      'data[1].results[2]',
    ],
    ['attributes.os', 'events[3].attributes.os', 'line 7: os', 'data[1].results[2].os'],
    ['organisationDefaultPue', 'events[3]', 'line 7', 'data[1].results[2]'],
  ])('%s', (field, eventPath, codeCarbonPath, openAiPath) => {
    expect([event(field), codeCarbon(field), openAi(field)]).toEqual([
      eventPath,
      codeCarbonPath,
      openAiPath,
    ]);
  });

  it('names the item when the key is a content hash, and kWh as energy_kwh by default', () => {
    expect(eventWithoutId('idempotencyKey')).toBe('events[3]');
    expect(eventWithoutId('energy.totalKwh')).toBe('events[3].energy_kwh');
    expect(codeCarbonSourcePath(2, undefined)('idempotencyKey')).toBe('line 2');
    expect(codeCarbonSourcePath(2, 'experiment_id')('runExternalId')).toBe('line 2: experiment_id');
  });
});
