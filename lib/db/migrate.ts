// Applies prisma/migrations/*/migration.sql in name order, one transaction
// per file, recording each so a second run does nothing. An advisory lock
// keeps two starting processes from migrating at once.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type pg from 'pg';

const LOCK_ID = 7_164_525_001;

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  return Promise.all(
    names.map(async (name) => {
      const file = path.join(/* turbopackIgnore: true */ dir, name, 'migration.sql');
      const sql = await readFile(/* turbopackIgnore: true */ file, 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');

      return { name, sql, checksum };
    }),
  );
}

async function ensureTable(client: pg.ClientBase) {
  await client.query(`
    CREATE TABLE IF NOT EXISTS greenops_migration (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
}

async function appliedChecksums(client: pg.ClientBase): Promise<Map<string, string>> {
  const exists = await client.query<{ found: boolean }>(
    `SELECT to_regclass('greenops_migration') IS NOT NULL AS found`,
  );
  if (!exists.rows[0]?.found) return new Map();
  const { rows } = await client.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM greenops_migration',
  );

  return new Map(rows.map((r) => [r.name, r.checksum]));
}

/** Applies pending migrations; returns the names it applied. */
export async function applyMigrations(client: pg.ClientBase, dir = MIGRATIONS_DIR) {
  const migrations = await readMigrations(dir);
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
  try {
    await ensureTable(client);
    const applied = await appliedChecksums(client);
    const done: string[] = [];
    for (const migration of migrations) {
      const known = applied.get(migration.name);
      if (known === migration.checksum) continue;
      if (known) {
        throw new Error(`migration ${migration.name} was changed after it was applied`);
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO greenops_migration (name, checksum) VALUES ($1, $2)', [
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }

    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
  }
}

/** Names of migrations on disk that the database has not applied. */
export async function pendingMigrations(client: pg.ClientBase, dir = MIGRATIONS_DIR) {
  const migrations = await readMigrations(dir);
  const applied = await appliedChecksums(client);

  return migrations.filter((m) => applied.get(m.name) !== m.checksum).map((m) => m.name);
}
