// Chooses the database (DATABASE_URL, else the embedded one), proves it can
// be reached and explains in one sentence when it cannot.
import pg from 'pg';

import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded';
import { env } from '@/lib/env';

export interface ChosenDatabase {
  url: string;
  description: string;
  embedded: EmbeddedDatabase | null;
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);

  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

export async function chooseDatabase(): Promise<ChosenDatabase> {
  const url = process.env.DATABASE_URL || env.DATABASE_URL;
  if (url) {
    return { url, description: `PostgreSQL at ${describeUrl(url)} (DATABASE_URL)`, embedded: null };
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: env.GREENOPS_DATA_DIR,
    port: env.GREENOPS_EMBEDDED_DB_PORT,
  });
  process.env.DATABASE_URL = embedded.url;

  return {
    url: embedded.url,
    description: `embedded PostgreSQL (PGlite), files in ${embedded.dataDir}`,
    embedded,
  };
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused: is PostgreSQL running there?',
  ENOTFOUND: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  '28P01': 'the password was rejected',
  '28000': 'the user is not allowed to connect',
  '3D000': 'that database does not exist',
};

/** A one-line explanation of why a connection failed, without internals. */
export function explainConnectionError(url: string, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const reason = reasons[code] ?? 'it did not answer as PostgreSQL';

  return `Cannot reach the database at ${describeUrl(url)}: ${reason}`;
}

export async function connectClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(explainConnectionError(url, error));
  }

  return client;
}
