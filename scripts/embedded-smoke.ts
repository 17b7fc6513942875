// Proves the first-run path on the embedded database: `npm start` with no
// DATABASE_URL creates PGlite files, migrates, seeds the demo organisation
// and serves the app; the stored data then answers a query.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';

const PORT = 3200;
const checks: [string, boolean][] = [];

async function waitForHealth(deadline: number): Promise<unknown> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the app did not answer /api/health in time');
}

/** Many clients at once, as the embedded database must serve them. */
async function sendConcurrently(apiKey: string): Promise<number[]> {
  const requests = Array.from({ length: 40 }, (_, n) =>
    fetch(`http://127.0.0.1:${PORT}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: `smoke-${n}`,
            kind: 'inference',
            start: '2026-09-01T10:00:00Z',
            end: '2026-09-01T11:00:00Z',
            model: `smoke-model-${n % 5}`,
            energy_kwh: 0.5,
            country: 'FR',
            inferences: 100,
          },
        ],
      }),
    }).then((response) => response.status),
  );

  return Promise.all(requests);
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'greenops-embedded-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GREENOPS_DATA_DIR: dataDir,
    PORT: String(PORT),
    GREENOPS_EMBEDDED_DB_PORT: '54391',
  };
  delete env.DATABASE_URL;
  // Its own process group, so stopping it stops the Next server it starts.
  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => app.once('exit', resolve));
  let output = '';
  app.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    const health = await waitForHealth(Date.now() + 180_000);
    checks.push([
      'health says database reachable, migrations current',
      JSON.stringify(health) ===
        JSON.stringify({ status: 'ok', database: 'reachable', migrations: 'current' }),
    ]);
    checks.push([
      'start-up names the embedded database',
      output.includes('Database: embedded PostgreSQL (PGlite)'),
    ]);
    checks.push(['start-up prints the demo logins', output.includes('admin@helio.example')]);
    const page = await fetch(`http://127.0.0.1:${PORT}/sign-in`);
    checks.push(['the sign-in page is served', page.status === 200]);
    const statuses = await sendConcurrently(/gok_[A-Za-z0-9_-]+/.exec(output)?.[0] ?? '');
    checks.push([
      `40 concurrent batches are all accepted (${statuses.join(' ')})`,
      statuses.every((status) => status === 200),
    ]);
  } finally {
    if (app.pid) process.kill(-app.pid, 'SIGTERM');
    await exited;
  }
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
  const { rows } = await db.query<{ name: string; events: number; rollup_events: number }>(
    `SELECT o.name,
            (SELECT count(*)::int FROM emission_event) AS events,
            (SELECT sum(event_count)::int FROM emission_rollup_hourly) AS rollup_events
       FROM organisation o`,
  );
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
  const row = rows[0];
  checks.push(['the demo organisation is stored', row?.name === 'Helio Labs']);
  checks.push([
    'its telemetry is stored and rolled up',
    (row?.events ?? 0) > 30_000 && row?.events === row?.rollup_events,
  ]);

  for (const [name, ok] of checks) console.log(`${ok ? '✓' : '✗'} ${name}`);
  const failed = checks.filter(([, ok]) => !ok).length;
  console.log(`embedded: ${checks.length - failed} passed, ${failed} failed`);
  if (failed > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`embedded smoke test failed: ${(error as Error).message}`);
  process.exit(1);
});
