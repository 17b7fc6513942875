import { describe, expect, it } from 'vitest';

import { baseEvent, parseOne } from './event-fixture';
import { BodyError, parseEventsBody } from './events';
import { canonicalJson, sha256Hex } from './hash';

const limits = { maxEvents: 10 };
const base = baseEvent;

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
      sourcePath: expect.any(Function),
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

describe('parseEventsBody: the same instant written differently', () => {
  const keyOf = (start: string, end: string) => {
    const item = parseOne({ ...base, start, end });
    return item.ok ? item.event.idempotencyKey : undefined;
  };
  // The key of the plain UTC form, unchanged from before timestamps were canonical.
  const plainKey = keyOf('2024-05-01T10:00:00Z', '2024-05-01T11:00:00Z');

  it.each([
    ['with milliseconds', '2024-05-01T10:00:00.000Z', '2024-05-01T11:00:00.000Z'],
    ['in +02:00', '2024-05-01T12:00:00+02:00', '2024-05-01T13:00:00+02:00'],
    [
      'in -05:30 with a lower-case z elsewhere',
      '2024-05-01T04:30:00-05:30',
      '2024-05-01T11:00:00z',
    ],
    ['without seconds', '2024-05-01T10:00Z', '2024-05-01T11:00+00:00'],
  ])('%s hashes like the plain UTC form', (_name, start, end) => {
    expect(keyOf(start, end)).toBe(plainKey);
  });

  it('keeps milliseconds that are there', () => {
    expect(keyOf('2024-05-01T10:00:00.001Z', '2024-05-01T11:00:00Z')).not.toBe(plainKey);
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
