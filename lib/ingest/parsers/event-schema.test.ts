// Every way an event is refused, with the exact sentence a client sees.
import { describe, expect, it } from 'vitest';

import { baseEvent, parseOne } from './event-fixture';

const base = baseEvent;

function issuesOf(event: unknown) {
  const item = parseOne(event);
  if (item.ok) throw new Error('expected a rejection');

  return item.issues;
}

describe('parseEventsBody: rejected events', () => {
  it.each([
    [
      'naive start',
      { ...base, start: '2024-05-01T10:00:00' },
      [
        {
          path: 'events[0].start',
          reason:
            'timestamp "2024-05-01T10:00:00" has no UTC offset; send e.g. 2024-05-01T10:00:00Z',
        },
      ],
    ],
    [
      'end before start',
      { ...base, end: '2024-05-01T09:00:00Z' },
      [{ path: 'events[0].end', reason: 'end must be after start' }],
    ],
    [
      'end equal to start',
      { ...base, end: '2024-05-01T12:00:00+02:00' },
      [{ path: 'events[0].end', reason: 'end must be after start' }],
    ],
    [
      'window over 31 days',
      { ...base, end: '2024-06-01T10:00:01Z' },
      [
        {
          path: 'events[0].end',
          reason: 'end must be within 31 days of start; split longer windows',
        },
      ],
    ],
    [
      'impossible date',
      { ...base, start: '2024-02-30T00:00:00Z' },
      [
        {
          path: 'events[0].start',
          reason: 'start "2024-02-30T00:00:00Z" is not a real date and time',
        },
      ],
    ],
    [
      'not a timestamp',
      { ...base, end: 'yesterday' },
      [
        {
          path: 'events[0].end',
          reason: 'end "yesterday" is not an ISO 8601 timestamp; send e.g. 2024-05-01T10:00:00Z',
        },
      ],
    ],
    [
      'the string NaN as energy',
      { ...base, energy_kwh: 'NaN' },
      [
        {
          path: 'events[0].energy_kwh',
          reason:
            'energy_kwh must be a number of kWh or an object { cpu, gpu, ram } of kWh, not the string "NaN"',
        },
      ],
    ],
    [
      'negative energy',
      { ...base, energy_kwh: -0.1 },
      [{ path: 'events[0].energy_kwh', reason: 'energy_kwh must not be negative' }],
    ],
    [
      'negative component, bad component',
      { ...base, energy_kwh: undefined, energy_wh: { gpu: -5, ram: '1' } },
      [
        { path: 'events[0].energy_wh.gpu', reason: 'energy_wh.gpu must not be negative' },
        {
          path: 'events[0].energy_wh.ram',
          reason: 'energy_wh.ram must be a number, not the string "1"',
        },
      ],
    ],
    [
      'empty power object',
      { ...base, energy_kwh: undefined, power_w: {} },
      [
        {
          path: 'events[0].power_w',
          reason: 'power_w must give at least one of cpu, gpu, ram in W',
        },
      ],
    ],
    [
      'two energies',
      { ...base, power_w: { gpu: 300 } },
      [
        {
          path: 'events[0].power_w',
          reason: 'send exactly one of energy_kwh, energy_wh, power_w; got energy_kwh and power_w',
        },
      ],
    ],
    [
      'no energy on a training event',
      { ...base, energy_kwh: undefined },
      [
        {
          path: 'events[0].energy_kwh',
          reason:
            'energy is missing: a training event needs one of energy_kwh, energy_wh or power_w',
        },
      ],
    ],
    [
      'llm call without energy or model',
      {
        ...base,
        kind: 'llm_api_call',
        energy_kwh: undefined,
        country: undefined,
        provider: 'openai',
      },
      [
        {
          path: 'events[0].model',
          reason:
            'model is required for an llm_api_call without energy, so its energy can be estimated from tokens (e.g. gpt-4o-mini)',
        },
      ],
    ],
    [
      'no location for measured energy',
      { ...base, country: undefined },
      [
        {
          path: 'events[0].country',
          reason:
            'location is missing: send country (ISO alpha-2 or alpha-3) and/or cloud_provider with cloud_region',
        },
      ],
    ],
    [
      'cloud provider without region, bad country',
      { ...base, cloud_provider: 'aws', country: 'France' },
      [
        {
          path: 'events[0].country',
          reason: 'country must be an ISO 3166 alpha-2 or alpha-3 code such as FR or FRA',
        },
        { path: 'events[0].cloud_region', reason: 'cloud_region is required with cloud_provider' },
      ],
    ],
    [
      'bad slugs, pue, counts and kind',
      { ...base, team: 'ML Team', run: '', pue: 0.9, tokens_out: -1, kind: 'batch' },
      [
        {
          path: 'events[0].kind',
          reason: 'kind must be one of training, inference, pipeline_step, llm_api_call, storage',
        },
        {
          path: 'events[0].team',
          reason: 'team must be a slug: 1 to 100 lowercase letters, digits, "-", "_" or "."',
        },
        {
          path: 'events[0].run',
          reason: 'run must be a slug: 1 to 100 lowercase letters, digits, "-", "_" or "."',
        },
        { path: 'events[0].pue', reason: 'pue must be at least 1' },
        { path: 'events[0].tokens_out', reason: 'tokens_out must not be negative' },
      ],
    ],
    [
      'fractional count',
      { ...base, samples: 2.5 },
      [{ path: 'events[0].samples', reason: 'samples must be a whole number, not 2.5' }],
    ],
    [
      'nested attribute, unknown field',
      { ...base, attributes: { gpu: { count: 2 } }, energy: 1 },
      [
        { path: 'events[0]', reason: 'unknown field "energy"' },
        {
          path: 'events[0].attributes.gpu',
          reason: 'attributes.gpu must be a string, number or boolean, not an object',
        },
      ],
    ],
    [
      'too many attributes',
      {
        ...base,
        attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])),
      },
      [{ path: 'events[0].attributes', reason: 'attributes must have at most 50 keys' }],
    ],
    [
      'missing start',
      { ...base, start: undefined },
      [{ path: 'events[0].start', reason: 'start is required' }],
    ],
    [
      'not an object',
      'event',
      [{ path: 'events[0]', reason: 'event must be an object, not the string "event"' }],
    ],
  ])('%s', (_name, event, expected) => {
    expect(new Set(issuesOf(event))).toEqual(new Set(expected));
  });
});
