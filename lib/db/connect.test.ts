import { describe, expect, it } from 'vitest';

import { connectClient, describeUrl } from './connect';
import { TEST_SERVER_URL } from './test-database';

describe('connecting to the database', () => {
  it('names host, port and database but never the password', () => {
    expect(describeUrl('postgresql://app:s3cret@db.internal:6543/greenops')).toBe(
      'db.internal:6543/greenops',
    );
  });

  it.each([
    [
      'a closed port',
      'postgresql://postgres@127.0.0.1:1/test',
      'the connection was refused: is PostgreSQL running there?',
    ],
    [
      'a missing database',
      TEST_SERVER_URL.replace(/\/[^/]*$/, '/no_such_database'),
      'that database does not exist',
    ],
  ])('explains %s in one sentence', async (_, url, reason) => {
    const attempt = connectClient(url);

    await expect(attempt).rejects.toThrow(
      `Cannot reach the database at ${describeUrl(url)}: ${reason}`,
    );
  });
});
