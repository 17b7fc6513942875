import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiCallError, callApi, postJson } from '@/lib/client/api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callApi', () => {
  it('answers the body of a successful call, and nothing for 204', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(json(200, { id: 'a' })));
    await expect(callApi('/x')).resolves.toEqual({ id: 'a' });

    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(new Response(null, { status: 204 })));
    await expect(callApi('/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it.each([
    {
      name: 'our error shape',
      response: () =>
        json(422, {
          error: {
            code: 'invalid',
            message: 'Check the fields',
            issues: [{ path: 'name', reason: 'Required' }],
            requestId: 'req-1',
          },
        }),
      expected: {
        message: 'Check the fields',
        issues: [{ path: 'name', reason: 'Required' }],
        requestId: 'req-1',
      },
    },
    {
      name: 'an error without issues or id',
      response: () => json(404, { error: { code: 'not_found', message: 'Not found' } }),
      expected: { message: 'Not found', issues: [], requestId: null },
    },
    {
      name: 'a body that is not JSON',
      response: () => new Response('<html>', { status: 502 }),
      expected: { message: 'The request failed (502)', issues: [], requestId: null },
    },
  ])('turns $name into an ApiCallError', async ({ response, expected }) => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(response()));

    const failure = await callApi('/x').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiCallError);
    expect({ ...(failure as ApiCallError), message: (failure as Error).message }).toEqual(expected);
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')));

    await expect(callApi('/x')).rejects.toThrow('The server could not be reached.');
  });
});

describe('postJson', () => {
  it('sends the body as JSON', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(json(201, { ok: true }));
    vi.stubGlobal('fetch', fetch);

    await postJson('/api/v1/targets', { name: 'Halve' });

    expect(fetch).toHaveBeenCalledWith('/api/v1/targets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Halve"}',
    });
  });
});
