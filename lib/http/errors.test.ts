import { describe, expect, it } from 'vitest';

import { toApiError } from './errors';

describe('mapping errors to answers', () => {
  it.each([
    ['22021', 400, 'invalid_text'],
    ['22P05', 400, 'invalid_text'],
    ['23505', 409, 'conflict'],
    ['P2025', 404, 'not_found'],
  ])('a database error %s answers %i %s', (code, status, name) => {
    const error = toApiError(Object.assign(new Error('from the driver'), { code }));

    expect([error?.status, error?.code]).toEqual([status, name]);
    expect(error?.message).not.toContain('from the driver');
  });

  it('leaves unknown errors to the generic 500', () => {
    expect(toApiError(new Error('boom'))).toBeNull();
  });
});
