// npm start: choose the database (DATABASE_URL, else the embedded one),
// migrate, seed the demo organisation on a first embedded run, build once if
// needed, then serve the production build on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chooseDatabase, connectClient } from '@/lib/db/connect';
import { applyMigrations } from '@/lib/db/migrate';
import { closePool } from '@/lib/db/pool';
import { env } from '@/lib/env';

import { seedDemoIfEmpty } from '../prisma/seed/demo';

const nextBin = require.resolve('next/dist/bin/next');
// Next's anonymous telemetry would try the network on every start.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

async function prepareDatabase() {
  const database = await chooseDatabase();
  console.log(`Database: ${database.description}`);
  if (!database.embedded && !env.NEXTAUTH_SECRET) {
    throw new Error(
      'NEXTAUTH_SECRET must be set when DATABASE_URL is (32+ random characters, ' +
        'for example the output of `openssl rand -base64 32`)',
    );
  }
  const client = await connectClient(database.url);
  try {
    const applied = await applyMigrations(client);
    if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  } finally {
    await client.end();
  }
  if (database.embedded || env.GREENOPS_DEMO === '1') await seedDemoIfEmpty();
  await closePool();

  return database;
}

function buildIfNeeded() {
  if (existsSync('.next/BUILD_ID')) return;
  console.log('No production build yet: running `next build` once (a few minutes)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('next build failed');
}

async function main() {
  const database = await prepareDatabase();
  buildIfNeeded();
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(env.PORT)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: database.url },
  });
  console.log(`GreenOps: http://localhost:${env.PORT}`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    void (database.embedded?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
  });
}

main().catch(async (error: unknown) => {
  console.error(`GreenOps could not start: ${(error as Error).message}`);
  process.exit(1);
});
