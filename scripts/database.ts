// Shared by the command-line scripts: open the chosen database, run, close.
import type pg from 'pg';

import { chooseDatabase, connectClient } from '@/lib/db/connect';
import { closePool } from '@/lib/db/pool';

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const database = await chooseDatabase();
  console.log(`Database: ${database.description}`);
  try {
    const client = await connectClient(database.url);
    try {
      return await work(client);
    } finally {
      await client.end();
      await closePool();
    }
  } finally {
    await database.embedded?.stop();
  }
}
