// The embedded default database: PGlite (PostgreSQL compiled to WASM) with
// its files under the data directory, served over the wire protocol so pg
// and Prisma talk to it exactly as to a real server.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir, 'pglite');
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  // PGlite is one session; the server queues clients and keeps an open
  // transaction's statements together.
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port,
    maxConnections: 32,
  });
  await server.start();
  const stop = async () => {
    await server.stop();
    await db.close();
  };

  return { url: `postgresql://postgres@127.0.0.1:${options.port}/postgres`, dataDir, stop };
}
