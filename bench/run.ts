// npm run bench: ingestion throughput against a fresh database on the local
// PostgreSQL, beside the speed of COPY for the same rows (the ceiling), and
// the latency of the overview's KPI queries over the result.
// BENCH_EVENTS sets how many events (default 200,000).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { from as copyFrom } from 'pg-copy-streams';

import { createOrganisation } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase } from '@/lib/db/test-database';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { getBreakdown } from '@/lib/kpi/get-breakdown';
import { quarterRange } from '@/lib/kpi/filters';
import { getTimeSeries } from '@/lib/kpi/get-time-series';
import { getTotals } from '@/lib/kpi/get-totals';

import { demoEvents } from '../prisma/seed/demo-events';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 200_000);
const BATCH = 5000;

function events(): Record<string, unknown>[] {
  const base = demoEvents();
  const out: Record<string, unknown>[] = [];
  for (let copy = 0; out.length < TOTAL; copy += 1) {
    for (const event of base) {
      if (out.length >= TOTAL) break;
      out.push({ ...event, id: `${String(event.id)}-${copy}` });
    }
  }

  return out;
}

async function timeIngest(organisationId: string, all: Record<string, unknown>[]) {
  const started = performance.now();
  let accepted = 0;
  for (let i = 0; i < all.length; i += BATCH) {
    const parsed = parseEventsBody({ events: all.slice(i, i + BATCH) }, { maxEvents: BATCH });
    const result = await ingestBatch({ organisationId, source: 'api', contentSha256: `bench-${i}` }, parsed);
    accepted += result.accepted;
  }

  return { seconds: (performance.now() - started) / 1000, accepted };
}

async function timeCopy(rows: number) {
  const client = await getPool().connect();
  try {
    await client.query(`CREATE TEMP TABLE copy_ceiling (LIKE emission_event INCLUDING DEFAULTS)`);
    const sample = await client.query(`SELECT * FROM emission_event LIMIT 1`);
    const columns = sample.fields.map((f) => f.name);
    const template = columns
      .map((c) => {
        const value = sample.rows[0][c];
        if (value === null) return '\\N';
        if (value instanceof Date) return value.toISOString();
        if (typeof value === 'object') return JSON.stringify(value);

        return String(value);
      })
      .join('\t');
    const idIndex = columns.indexOf('id');
    const keyIndex = columns.indexOf('idempotency_key');
    function* lines() {
      const parts = template.split('\t');
      for (let n = 0; n < rows; n += 1) {
        parts[idIndex] = crypto.randomUUID();
        parts[keyIndex] = `copy-${n}`;
        yield `${parts.join('\t')}\n`;
      }
    }
    const started = performance.now();
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY copy_ceiling (${columns.join(',')}) FROM STDIN`)));

    return (performance.now() - started) / 1000;
  } finally {
    client.release();
  }
}

async function timeQueries(organisationId: string) {
  const range = quarterRange(2026, 3);
  const runs: number[] = [];
  for (let n = 0; n < 5; n += 1) {
    const started = performance.now();
    await Promise.all([
      getTotals(organisationId, range),
      getBreakdown(organisationId, range, 'team'),
      getBreakdown(organisationId, range, 'model'),
      getTimeSeries(organisationId, range, { group: 'kind', timeZone: 'Europe/Paris' }),
    ]);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);

  return runs[Math.floor(runs.length / 2)] ?? 0;
}

async function main() {
  const database = await useTestDatabase();
  try {
    const organisation = await createOrganisation(getPool(), { slug: 'bench', name: 'Bench' });
    const all = events();
    const ingest = await timeIngest(organisation.id, all);
    const retry = await timeIngest(organisation.id, all.slice(0, 50_000));
    const copySeconds = await timeCopy(ingest.accepted);
    const overviewMs = await timeQueries(organisation.id);
    const rss = process.memoryUsage().rss / 1024 / 1024;
    const ingestRate = ingest.accepted / ingest.seconds;
    const copyRate = ingest.accepted / copySeconds;
    console.log(`events ingested:        ${ingest.accepted.toLocaleString('en')} in ${ingest.seconds.toFixed(1)} s`);
    console.log(`ingest rate:            ${Math.round(ingestRate).toLocaleString('en')} events/s (parse + price + write + rollups)`);
    console.log(`retry of 50,000 events: ${retry.accepted} stored, ${(50_000 / retry.seconds).toFixed(0)} events/s`);
    console.log(`COPY ceiling:           ${Math.round(copyRate).toLocaleString('en')} rows/s (same rows, no checks, no rollups)`);
    console.log(`ingest / COPY:          ${((ingestRate / copyRate) * 100).toFixed(1)}%`);
    console.log(`overview queries:       ${overviewMs.toFixed(0)} ms (median of 5; totals, 2 breakdowns, series)`);
    console.log(`peak RSS:               ${rss.toFixed(0)} MiB`);
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
