// Integration tests run against a real PostgreSQL: each test file gets a
// fresh database, migrated, and drops it afterwards.
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { applyMigrations } from '@/lib/db/migrate';
import { closePool } from '@/lib/db/pool';

export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

function urlFor(name: string) {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;

  return url.toString();
}

/** Creates an empty database; `migrate: true` also applies our migrations. */
export async function createTestDatabase(options: { migrate?: boolean } = {}) {
  const name = `greenops_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = urlFor(name);
  if (options.migrate !== false) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await applyMigrations(client);
    await client.end();
  }
  const drop = async () => {
    await closePool();
    const server = new pg.Client({ connectionString: TEST_SERVER_URL });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  };

  return { url, name, drop } satisfies TestDatabase;
}

/** Points this process's pool (and so Prisma) at a fresh test database. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await closePool();
  process.env.DATABASE_URL = database.url;

  return database;
}
