// One pg pool per process, shared by Prisma (through its driver adapter) and
// by the raw SQL of hot paths such as the bulk writer.
import pg from 'pg';

import { env } from '@/lib/env';
import { log } from '@/lib/log';

// bigint columns come back as strings by default; counts here fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const globalForPool = globalThis as unknown as { greenopsPool?: pg.Pool };

export function databaseUrl(): string {
  if (!env.DATABASE_URL && !process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start GreenOps with `npm start`');
  }

  return process.env.DATABASE_URL ?? env.DATABASE_URL ?? '';
}

export function getPool(): pg.Pool {
  if (!globalForPool.greenopsPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: env.GREENOPS_DB_POOL_MAX });
    // An idle connection that the server closes (a restart, a failover) must
    // not crash the process: the pool replaces it on the next checkout.
    pool.on('error', (error) => {
      log.warn('database.idle_connection_lost', { code: (error as { code?: string }).code });
    });
    globalForPool.greenopsPool = pool;
  }

  return globalForPool.greenopsPool;
}

/** Runs `work` in one transaction on one connection. */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');

    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.greenopsPool;
  globalForPool.greenopsPool = undefined;
  await pool?.end();
}

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient | pg.Client;
