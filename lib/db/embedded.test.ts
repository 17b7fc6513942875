// The embedded database must answer many clients at once correctly: the app
// server's pool sends concurrent extended-protocol queries over several
// connections to one PGlite session.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PGlite } from '@electric-sql/pglite';

import {
  keepProtocolSequencesTogether,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from './embedded';

/** One protocol message: type byte, int32 length, body. */
function message(type: string, body: Buffer = Buffer.alloc(0)): Uint8Array {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);

  return new Uint8Array(Buffer.concat([head, body]));
}

let dataDir: string;
let db: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'greenops-embedded-test-'));
  db = await startEmbeddedDatabase({ dataDir, port: 54461 });
  pool = new pg.Pool({ connectionString: db.url, max: 10 });
}, 60_000);

afterAll(async () => {
  await pool.end();
  await db.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('keeping a protocol sequence together', () => {
  it('holds the session for one client from Parse until Sync', async () => {
    const pglite = await PGlite.create();
    keepProtocolSequencesTogether(pglite);
    const parse = message('P', Buffer.from('\0SELECT 1\0\0\0', 'latin1'));

    await pglite.execProtocolRawStream(parse, { onRawData: () => undefined });
    const during = pglite.isInTransaction();
    await pglite.execProtocolRawStream(message('S'), { onRawData: () => undefined });
    const after = pglite.isInTransaction();
    await pglite.close();

    expect([during, after]).toEqual([true, false]);
  });
});

describe('the embedded database under concurrent clients', () => {
  it('answers every parameterised query with its own parameters', async () => {
    // Large parameters arrive in several TCP chunks, which is when another
    // client's messages could slip between Parse and Bind.
    const payload = 'x'.repeat(300_000);
    const jobs = Array.from({ length: 300 }, async (_, n) => {
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 23));
      const params: (number | string)[] = Array.from({ length: (n % 4) + 1 }, (_, i) => n * 10 + i);
      params.push(payload);
      const sum = params
        .slice(0, -1)
        .map((_, i) => `$${i + 1}::int`)
        .join(' + ');
      const { rows } = await pool.query<{ v: number; len: number }>(
        `SELECT ${sum} AS v, length($${params.length}::text) AS len`,
        params,
      );

      return rows[0];
    });

    const answers = await Promise.all(jobs);

    answers.forEach((answer, n) => {
      const expected = Array.from({ length: (n % 4) + 1 }, (_, i) => n * 10 + i).reduce(
        (a, b) => a + b,
        0,
      );
      expect(answer).toEqual({ v: expected, len: 300_000 });
    });
  });

  it('keeps a transaction on one client while others query', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS t (x int)');
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO t VALUES ($1)', [1]);
    const outside = pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE x = $1', [1]);
    await client.query('ROLLBACK');
    client.release();

    expect((await outside).rows[0]?.n).toBe(0);
  });
});
