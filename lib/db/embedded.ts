// The embedded default database: PGlite (PostgreSQL compiled to WASM) with
// its files under the data directory, served over the wire protocol so pg
// and Prisma talk to it exactly as to a real server.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// PostgreSQL's extended query protocol sends Parse, Bind, Describe, Execute
// as separate messages and ends with Sync. PGlite is ONE session, so if the
// socket server runs another client's message between them, that client's
// Parse replaces the unnamed statement and the first client's Bind fails
// ("bind message supplies 3 parameters…"). The server already keeps an open
// transaction's statements together by asking db.isInTransaction(); we make
// it also keep a protocol sequence together, from its first message to Sync.
const SEQUENCE_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export function keepProtocolSequencesTogether(db: PGlite) {
  let midSequence = false;
  const isInTransaction = db.isInTransaction.bind(db);
  const execProtocolRawStream = db.execProtocolRawStream.bind(db);
  db.isInTransaction = () => midSequence || isInTransaction();
  db.execProtocolRawStream = (message, options) => {
    midSequence = SEQUENCE_MESSAGES.has(message[0] ?? 0);

    return execProtocolRawStream(message, options);
  };
}

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
  keepProtocolSequencesTogether(db);
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
