import { pendingMigrations } from '@/lib/db/migrate';
import { getPool } from '@/lib/db/pool';
import { log } from '@/lib/log';

export interface Health {
  database: 'reachable' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
}

/** Whether the database answers and every migration is applied. */
export async function checkHealth(): Promise<Health> {
  try {
    const client = await getPool().connect();
    try {
      const pending = await pendingMigrations(client);

      return { database: 'reachable', migrations: pending.length ? 'pending' : 'current' };
    } finally {
      client.release();
    }
  } catch (error) {
    log.warn('health.database_unreachable', { error: String(error) });

    return { database: 'unreachable', migrations: 'unknown' };
  }
}
