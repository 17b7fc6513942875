// rebuildRollups must give exactly what the ingest writer gave: both use the
// one hour-spreading rule in rollups.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool, withTransaction } from '@/lib/db/pool';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { hourAligned, lockOrganisationWrites, rebuildRollups } from '@/lib/ingest/rollups';
import {
  addOrganisation,
  setUpOrganisation,
  type TestOrganisation,
} from '@/lib/ingest/test-fixtures';

let org: TestOrganisation;

const events = [
  // Three partial hours: 15, 60 and 20 minutes.
  {
    id: 'long',
    kind: 'training',
    start: '2026-03-01T09:45:00Z',
    end: '2026-03-01T11:20:00Z',
    energy_kwh: 1.9,
    country: 'FR',
    samples: 950,
  },
  {
    id: 'instant',
    kind: 'inference',
    start: '2026-03-01T11:00:00Z',
    end: '2026-03-01T11:01:00Z',
    energy_kwh: 0.5,
    country: 'DE',
    inferences: 7,
  },
  {
    id: 'cloud',
    kind: 'inference',
    start: '2026-03-01T10:10:00Z',
    end: '2026-03-01T10:50:00Z',
    power_w: { gpu: 300 },
    cloud_provider: 'aws',
    cloud_region: 'eu-west-3',
  },
  {
    id: 'nowhere',
    kind: 'training',
    start: '2026-03-01T12:00:00Z',
    end: '2026-03-01T13:00:00Z',
    energy_kwh: 3,
    country: 'AQ',
  },
];

async function rollups() {
  const { rows } = await getPool().query(
    `SELECT bucket_start, kind, source, region_key, event_count, measured_count, fallback_count,
            energy_kwh, facility_energy_kwh, emissions_g, emissions_min_g, emissions_max_g,
            embodied_g, inferences, samples
       FROM emission_rollup_hourly WHERE organisation_id = $1
      ORDER BY bucket_start, kind, region_key`,
    [org.organisationId],
  );

  return rows;
}

function expectSameRollups(actual: Record<string, unknown>[], expected: Record<string, unknown>[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, i) => {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'number') expect(actual[i]?.[column]).toBeCloseTo(value, 12);
      else expect(actual[i]?.[column]).toEqual(value);
    }
  });
}

beforeAll(async () => {
  org = await setUpOrganisation('rollups');
  const parsed = parseEventsBody({ events }, { maxEvents: 10 });
  const result = await ingestBatch(
    { organisationId: org.organisationId, source: 'api', contentSha256: 'rollups' },
    parsed,
  );
  expect(result.items.filter((i) => i.issues)).toEqual([]);
  expect(result.accepted).toBe(events.length);
});
afterAll(async () => {
  await org.database.drop();
});

describe('rebuildRollups', () => {
  it('rebuilds from the events exactly what ingest wrote', async () => {
    const written = await rollups();
    await getPool().query('DELETE FROM emission_rollup_hourly WHERE organisation_id = $1', [
      org.organisationId,
    ]);

    const result = await withTransaction((client) =>
      rebuildRollups(client, org.organisationId, {
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-03-02T00:00:00Z'),
      }),
    );

    expect(result).toMatchObject({ deleted: 0, written: written.length });
    expectSameRollups(await rollups(), written);
  });

  it('rebuilds only the hours asked for, rounded out to whole hours', async () => {
    const written = await rollups();
    await getPool().query(
      `UPDATE emission_rollup_hourly SET emissions_g = -1 WHERE organisation_id = $1`,
      [org.organisationId],
    );

    const result = await withTransaction((client) =>
      rebuildRollups(client, org.organisationId, {
        from: new Date('2026-03-01T10:30:00Z'),
        to: new Date('2026-03-01T11:10:00Z'),
      }),
    );

    expect(result.from.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(result.to.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    const after = await rollups();
    const inRange = (row: Record<string, unknown>) => {
      const hour = (row.bucket_start as Date).toISOString();
      return hour === '2026-03-01T10:00:00.000Z' || hour === '2026-03-01T11:00:00.000Z';
    };
    expectSameRollups(after.filter(inRange), written.filter(inRange));
    for (const row of after.filter((r) => !inRange(r))) expect(row.emissions_g).toBe(-1);
  });

  it('gives a zero-length range the hour it falls in', () => {
    const range = hourAligned({
      from: new Date('2026-03-01T11:00:00Z'),
      to: new Date('2026-03-01T11:00:00Z'),
    });

    expect(range.to.toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it("holds off the organisation's writes while rebuilding, and only its own", async () => {
    const other = await addOrganisation('rollups-other');
    const insertTeam = async (organisationId: string, slug: string) => {
      const client = await getPool().connect();
      try {
        await client.query("SET lock_timeout = '300ms'");
        await client.query('INSERT INTO team (organisation_id, slug, name) VALUES ($1, $2, $2)', [
          organisationId,
          slug,
        ]);
        return 'written';
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        client.release();
      }
    };

    const outcomes = await withTransaction(async (client) => {
      await lockOrganisationWrites(client, org.organisationId);
      return [
        await insertTeam(org.organisationId, 'held'),
        await insertTeam(other.organisationId, 'free'),
      ];
    });

    // 55P03: lock_not_available, the foreign-key check waited for the lock.
    expect(outcomes).toEqual(['55P03', 'written']);
  });
});
