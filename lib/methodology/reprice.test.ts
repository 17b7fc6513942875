// Re-pricing against a real database: a small priced fixture, a new set with
// another value for France, and every figure checked by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '@/lib/db/pool';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import {
  addOrganisation,
  setUpOrganisation,
  type TestOrganisation,
} from '@/lib/ingest/test-fixtures';
import { repricePeriod } from '@/lib/methodology/reprice';
import { uploadFactorSet } from '@/lib/methodology/upload-factor-set';
import { activeFactorSetId } from '@/lib/methodology/factor-sets';

// Ember's values in the default set, and the uploaded value for France.
const FRA_DEFAULT = 44.18;
const DEU_DEFAULT = 342.06;
const FRA_NEW = 100;

let org: TestOrganisation;
let otherOrganisationId: string;
let newSetId: string;

const day = '2026-07-01';
const events = [
  // 2 kWh over two hours in France, organisation PUE 1.
  {
    id: 'fr',
    kind: 'training',
    start: `${day}T10:00:00Z`,
    end: `${day}T12:00:00Z`,
    energy_kwh: 2,
    country: 'FR',
  },
  // 1 kWh in Germany, half an hour: its factor does not change.
  {
    id: 'de',
    kind: 'training',
    start: `${day}T10:30:00Z`,
    end: `${day}T11:00:00Z`,
    energy_kwh: 1,
    country: 'DE',
  },
  // PUE 1.5 stated by the event: facility 1.5 kWh.
  {
    id: 'fr-pue',
    kind: 'inference',
    start: `${day}T11:15:00Z`,
    end: `${day}T11:45:00Z`,
    energy_kwh: 1,
    pue: 1.5,
    country: 'FRA',
  },
  // An LLM estimate priced in France.
  {
    id: 'llm',
    kind: 'llm_api_call',
    start: `${day}T10:00:00Z`,
    end: `${day}T10:01:00Z`,
    provider: 'openai',
    model: 'gpt-4o-mini',
    tokens_out: 100_000,
    country: 'FR',
  },
  // Outside the period: keeps the default set's figures.
  {
    id: 'later',
    kind: 'training',
    start: '2026-08-01T10:00:00Z',
    end: '2026-08-01T11:00:00Z',
    energy_kwh: 1,
    country: 'FR',
  },
];

async function ingest(organisationId: string, items: unknown[]) {
  const result = await ingestBatch(
    { organisationId, source: 'api', contentSha256: 'reprice-test' },
    parseEventsBody({ events: items }, { maxEvents: 100 }),
  );
  expect(result.rejected).toBe(0);
}

async function eventsOf(organisationId: string) {
  const { rows } = await getPool().query(
    `SELECT idempotency_key, intensity_g_per_kwh, emissions_g, emissions_min_g, emissions_max_g,
            factor_set_id, factor_set_version, facility_energy_kwh, energy_kwh, pue, pue_source
       FROM emission_event WHERE organisation_id = $1 ORDER BY idempotency_key`,
    [organisationId],
  );

  return new Map(rows.map((row) => [String(row.idempotency_key).replace(/^api:/, ''), row]));
}

async function rollupsOf(organisationId: string) {
  const { rows } = await getPool().query(
    `SELECT bucket_start, region_key, kind, event_count, energy_kwh, facility_energy_kwh,
            emissions_g, emissions_min_g, emissions_max_g
       FROM emission_rollup_hourly WHERE organisation_id = $1
      ORDER BY bucket_start, region_key, kind`,
    [organisationId],
  );

  return rows;
}

async function emissionsByHour(organisationId: string) {
  const { rows } = await getPool().query<{ hour: Date; emissions_g: number }>(
    `SELECT bucket_start AS hour, sum(emissions_g) AS emissions_g FROM emission_rollup_hourly
      WHERE organisation_id = $1 GROUP BY 1 ORDER BY 1`,
    [organisationId],
  );

  return new Map(rows.map((row) => [row.hour.toISOString(), row.emissions_g]));
}

beforeAll(async () => {
  org = await setUpOrganisation('reprice');
  otherOrganisationId = (await addOrganisation('reprice-other')).organisationId;
  await ingest(org.organisationId, events);
  await ingest(otherOrganisationId, events.slice(0, 1));
  const upload = await uploadFactorSet({
    organisationId: org.organisationId,
    name: 'France from RTE',
    csvText:
      'region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence\n' +
      `country:FRA,location,2024,,${FRA_NEW},RTE eco2mix,Etalab-2.0\n`,
    baseFactorSetId: await activeFactorSetId(getPool(), org.organisationId),
  });
  if (!upload.ok) throw new Error(JSON.stringify(upload.issues));
  newSetId = upload.factorSet.id;
});
afterAll(async () => {
  await org.database.drop();
});

describe('repricePeriod', () => {
  it('re-prices the period, rebuilds its rollups and leaves the rest alone', async () => {
    const before = await eventsOf(org.organisationId);
    const otherEventsBefore = await eventsOf(otherOrganisationId);
    const otherRollupsBefore = await rollupsOf(otherOrganisationId);
    const llmBefore = before.get('llm');
    expect(llmBefore.emissions_g).toBeCloseTo(llmBefore.facility_energy_kwh * FRA_DEFAULT, 9);

    const result = await repricePeriod(
      org.organisationId,
      { from: new Date(`${day}T00:00:00Z`), to: new Date('2026-07-02T00:00:00Z') },
      newSetId,
    );

    expect(result).toMatchObject({ eventCount: 4, repricedCount: 4, skippedCount: 0, skipped: [] });
    const after = await eventsOf(org.organisationId);
    const scale = FRA_NEW / FRA_DEFAULT;
    // Energy and PUE stay; only the factor and the emissions move.
    expect(after.get('fr')).toMatchObject({ intensity_g_per_kwh: FRA_NEW, pue: 1 });
    expect(after.get('fr').emissions_g).toBeCloseTo(2 * FRA_NEW, 9);
    expect(after.get('fr').factor_set_id).toBe(newSetId);
    expect(after.get('de').emissions_g).toBeCloseTo(DEU_DEFAULT, 9);
    expect(after.get('de').factor_set_id).toBe(newSetId);
    expect(after.get('fr-pue')).toMatchObject({
      pue: 1.5,
      pue_source: 'event',
      facility_energy_kwh: 1.5,
    });
    expect(after.get('fr-pue').emissions_g).toBeCloseTo(1.5 * FRA_NEW, 9);
    const llmAfter = after.get('llm');
    expect(llmAfter.energy_kwh).toBe(llmBefore.energy_kwh);
    expect(llmAfter.emissions_g).toBeCloseTo(llmBefore.emissions_g * scale, 9);
    expect(llmAfter.emissions_min_g).toBeCloseTo(llmBefore.emissions_min_g * scale, 9);
    expect(llmAfter.emissions_max_g).toBeCloseTo(llmBefore.emissions_max_g * scale, 9);
    expect(after.get('later')).toEqual(before.get('later'));

    const llmChange = llmAfter.emissions_g - llmBefore.emissions_g;
    const expectedChange = (2 + 1.5) * (FRA_NEW - FRA_DEFAULT) + llmChange;
    expect(result?.emissionsAfterG ?? 0).toBeCloseTo(
      (result?.emissionsBeforeG ?? 0) + expectedChange,
      9,
    );

    // Hour 10: half of "fr", all of "de" and "llm"; hour 11: the other half
    // of "fr" and all of "fr-pue".
    const hours = await emissionsByHour(org.organisationId);
    expect(hours.get(`${day}T10:00:00.000Z`)).toBeCloseTo(
      FRA_NEW + DEU_DEFAULT + llmAfter.emissions_g,
      9,
    );
    expect(hours.get(`${day}T11:00:00.000Z`)).toBeCloseTo(FRA_NEW + 1.5 * FRA_NEW, 9);
    expect(hours.get('2026-08-01T10:00:00.000Z')).toBeCloseTo(FRA_DEFAULT, 9);
    const totals = await getPool().query(
      `SELECT (SELECT sum(emissions_g) FROM emission_event WHERE organisation_id = $1) AS events,
              (SELECT sum(emissions_g) FROM emission_rollup_hourly WHERE organisation_id = $1)
                AS rollups,
              (SELECT sum(event_count)::int FROM emission_rollup_hourly WHERE organisation_id = $1)
                AS count`,
      [org.organisationId],
    );
    expect(totals.rows[0].rollups).toBeCloseTo(totals.rows[0].events, 9);
    expect(totals.rows[0].count).toBe(5);

    expect(await eventsOf(otherOrganisationId)).toEqual(otherEventsBefore);
    expect(await rollupsOf(otherOrganisationId)).toEqual(otherRollupsBefore);
  });

  it('records the action in the audit log with its counts', async () => {
    const { rows } = await getPool().query(
      `SELECT target_id, details FROM audit_log_entry
        WHERE organisation_id = $1 AND action = 'factor_set.repriced'`,
      [org.organisationId],
    );

    expect(rows).toHaveLength(1);
    expect(rows[0].target_id).toBe(newSetId);
    expect(rows[0].details).toMatchObject({ eventCount: 4, repricedCount: 4, skippedCount: 0 });
  });

  it('is a no-op on figures when run again with the same set', async () => {
    const range = { from: new Date(`${day}T00:00:00Z`), to: new Date('2026-07-02T00:00:00Z') };
    const before = await eventsOf(org.organisationId);
    const hoursBefore = await emissionsByHour(org.organisationId);

    await repricePeriod(org.organisationId, range, newSetId);

    const after = await eventsOf(org.organisationId);
    for (const [key, row] of before) {
      expect(after.get(key).emissions_g).toBeCloseTo(row.emissions_g, 9);
    }
    const hoursAfter = await emissionsByHour(org.organisationId);
    for (const [hour, emissions] of hoursBefore) {
      expect(hoursAfter.get(hour)).toBeCloseTo(emissions, 9);
    }
  });

  it("refuses another organisation's set", async () => {
    const range = { from: new Date(`${day}T00:00:00Z`), to: new Date('2026-07-02T00:00:00Z') };

    expect(await repricePeriod(otherOrganisationId, range, newSetId)).toBeNull();
  });
});
