import { describe, expect, it } from 'vitest';

import { BodyError, parseEventsBody } from './events';
import { canonicalJson, sha256Hex } from './hash';

const limits = { maxEvents: 10 };
const base = {
  start: '2024-05-01T10:00:00Z',
  end: '2024-05-01T11:00:00Z',
  kind: 'training',
  country: 'FR',
  energy_kwh: 1.5,
};

function parseOne(event: unknown) {
  const [item] = parseEventsBody({ events: [event] }, limits).items;
  if (!item) throw new Error('no item');

  return item;
}

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

describe('parseEventsBody: accepted events', () => {
  it('normalises a training event sent in Wh components', () => {
    const item = parseOne({
      ...base,
      id: 'job-42',
      start: '2024-05-01T12:00:00+02:00',
      energy_kwh: undefined,
      energy_wh: { cpu: 250, gpu: 1000 },
      team: 'vision',
      model: 'resnet-50',
      model_version: 'v3',
      pipeline: 'nightly',
      run: 'run-7',
      run_kind: 'training',
      step: 'fit',
      config_hash: 'abc',
      country: 'fra',
      pue: 1.2,
      samples: 50_000,
      gpu_hours: 1,
      attributes: { framework: 'pytorch', epochs: 3, spot: true },
    });

    expect(item).toEqual({
      index: 0,
      ok: true,
      event: {
        idempotencyKey: 'api:job-42',
        kind: 'training',
        windowStart: new Date('2024-05-01T10:00:00Z'),
        windowEnd: new Date('2024-05-01T11:00:00Z'),
        teamSlug: 'vision',
        modelSlug: 'resnet-50',
        modelVersion: 'v3',
        pipelineSlug: 'nightly',
        runExternalId: 'run-7',
        runKind: 'training',
        runConfigHash: 'abc',
        step: 'fit',
        energy: { kind: 'kwh', totalKwh: 1.25, cpuKwh: 0.25, gpuKwh: 1, includesPue: false },
        pue: 1.2,
        location: { countryIso: 'FRA' },
        work: { samples: 50_000, gpuHours: 1 },
        attributes: { framework: 'pytorch', epochs: 3, spot: true },
      },
    });
  });

  it('turns mean power into a power reading over the window', () => {
    const item = parseOne({
      ...base,
      energy_kwh: undefined,
      power_w: { gpu: 300, cpu: 65 },
      end: '2024-05-01T10:30:00Z',
      country: undefined,
      cloud_provider: 'aws',
      cloud_region: 'eu-west-1',
      kind: 'inference',
      inferences: 1200,
    });

    expect(item.ok && item.event.energy).toEqual({
      kind: 'power',
      durationS: 1800,
      cpuW: 65,
      gpuW: 300,
    });
    expect(item.ok && item.event.location).toEqual({
      cloudProvider: 'aws',
      cloudRegion: 'eu-west-1',
    });
    expect(item.ok && item.event.work).toEqual({ inferences: 1200 });
  });

  it('names the hosted model of an llm call without energy', () => {
    const item = parseOne({
      start: '2024-05-01T10:00:00.250Z',
      end: '2024-05-01T10:00:02.750Z',
      kind: 'llm_api_call',
      provider: 'anthropic',
      model: 'claude-3-5-sonnet-20241022',
      tokens_in: 1200,
      tokens_cached_in: 200,
      tokens_out: 350,
      requests: 1,
    });

    expect(item.ok && item.event).toMatchObject({
      kind: 'llm_api_call',
      modelSlug: 'claude-3-5-sonnet-20241022',
      llm: { provider: 'anthropic', model: 'claude-3-5-sonnet-20241022' },
      energy: { kind: 'none' },
      location: {},
      work: { tokensIn: 1200, tokensCachedIn: 200, tokensOut: 350, requests: 1 },
    });
  });

  it('keys events without an id by a hash of their canonical JSON', () => {
    const reordered = {
      energy_kwh: 1.5,
      country: 'FR',
      kind: 'training',
      end: base.end,
      start: base.start,
    };
    const [a, b, c] = parseEventsBody(
      { events: [base, reordered, { ...base, energy_kwh: 2 }] },
      limits,
    ).items;
    const expectedKey = `api-hash:${sha256Hex(
      '{"country":"FR","end":"2024-05-01T11:00:00Z","energy_kwh":1.5,"kind":"training","start":"2024-05-01T10:00:00Z"}',
    )}`;

    expect(a?.ok && a.event.idempotencyKey).toBe(expectedKey);
    expect(b?.ok && b.event.idempotencyKey).toBe(expectedKey);
    expect(c?.ok && c.event.idempotencyKey).not.toBe(expectedKey);
    expect(canonicalJson({ b: [1, { d: 1, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[1,{"c":null,"d":1}]}',
    );
  });
});

describe('parseEventsBody: the batch', () => {
  it('answers every item in order, good ones passing beside bad ones', () => {
    const items = parseEventsBody(
      { events: [base, { ...base, energy_kwh: -1 }, { ...base, id: 'x' }] },
      limits,
    ).items;

    expect(items.map((item) => [item.index, item.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(items[1]).toMatchObject({ raw: JSON.stringify({ ...base, energy_kwh: -1 }) });
  });

  it.each([
    ['a list', [base], 'invalid_body'],
    ['null', null, 'invalid_body'],
    ['no events', { event: [] }, 'invalid_body'],
    ['events not a list', { events: base }, 'invalid_body'],
    ['too many events', { events: Array.from({ length: 11 }, () => base) }, 'too_many_events'],
  ])('throws BodyError for %s', (_name, body, code) => {
    expect(() => parseEventsBody(body, limits)).toThrow(BodyError);
    try {
      parseEventsBody(body, limits);
    } catch (error) {
      expect((error as BodyError).code).toBe(code);
    }
  });

  it('says how many events were sent and allowed', () => {
    expect(() =>
      parseEventsBody({ events: Array.from({ length: 11 }, () => base) }, limits),
    ).toThrow('the body has 11 events; send at most 10 per request');
  });
});
