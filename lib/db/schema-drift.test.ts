import { readFile } from 'node:fs/promises';
import path from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { applyMigrations, MIGRATIONS_DIR, pendingMigrations, readMigrations } from './migrate';
import { findSchemaDrift } from './schema-drift';
import { createTestDatabase, type TestDatabase } from './test-database';

const databases: TestDatabase[] = [];
const clients: pg.Client[] = [];

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);

  return client;
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await Promise.all(databases.map((d) => d.drop()));
});

describe('migrations', () => {
  it('build, from an empty database, exactly what schema.prisma describes', async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    const client = await connect(database.url);

    const applied = await applyMigrations(client);
    const drift = await findSchemaDrift(client);

    expect(applied).toEqual((await readMigrations()).map((m) => m.name));
    expect(drift).toEqual([]);
  });

  it('do nothing the second time and report none pending', async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    const client = await connect(database.url);

    await applyMigrations(client);
    const second = await applyMigrations(client);
    const pending = await pendingMigrations(client);

    expect(second).toEqual([]);
    expect(pending).toEqual([]);
  });

  it('are caught drifting when a column is removed from the SQL', async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    const client = await connect(database.url);
    const [first] = await readMigrations();
    const sql = (first?.sql ?? '').replace(/^\s*tokens_cached_in bigint,\n/m, '');

    await client.query(sql);
    const drift = await findSchemaDrift(client);

    expect(sql).not.toEqual(first?.sql);
    expect(drift).toEqual([
      'column emission_event.tokens_cached_in (EmissionEvent.tokensCachedIn) is missing',
    ]);
  });

  it('roll back a failing file whole and record nothing of it', async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    const client = await connect(database.url);
    const dir = path.join(await import('node:os').then((os) => os.tmpdir()), database.name);
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(dir, '001_ok'), { recursive: true });
    await mkdir(path.join(dir, '002_bad'), { recursive: true });
    await writeFile(path.join(dir, '001_ok', 'migration.sql'), 'CREATE TABLE a (x int);');
    await writeFile(
      path.join(dir, '002_bad', 'migration.sql'),
      'CREATE TABLE b (x int); SELECT no_such_function();',
    );

    await expect(applyMigrations(client, dir)).rejects.toThrow(/002_bad failed/);
    const { rows } = await client.query(
      `SELECT to_regclass('a') IS NOT NULL AS a, to_regclass('b') IS NOT NULL AS b`,
    );
    const pending = await pendingMigrations(client, dir);

    expect(rows[0]).toEqual({ a: true, b: false });
    expect(pending).toEqual(['002_bad']);
    expect(await readFile(path.join(MIGRATIONS_DIR, '..', 'schema.prisma'), 'utf8')).toMatch(
      /model EmissionEvent/,
    );
  });
});
