// Serves the production build for Playwright on a fresh local database,
// migrated and seeded with the demo organisation. Refuses non-local hosts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { TEST_SERVER_URL } from '@/lib/db/test-database';

const port = process.env.E2E_PORT ?? '3100';
const name = 'greenops_e2e';

async function main() {
  const server = new URL(TEST_SERVER_URL);
  if (!['127.0.0.1', 'localhost', '::1'].includes(server.hostname)) {
    throw new Error(`e2e runs only against a local database, not ${server.hostname}`);
  }
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  const child = spawn('npx', ['tsx', 'scripts/start.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: server.toString(),
      GREENOPS_DEMO: '1',
      PORT: port,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
    },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
