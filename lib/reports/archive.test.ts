import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  generateReport,
  getArchivedReport,
  getLatestChanges,
  getOrGenerateReport,
  listArchivedReports,
} from '@/lib/reports/archive';
import { diffReportModels } from '@/lib/reports/diff';
import { getDataFingerprint } from '@/lib/reports/queries/data-fingerprint';
import {
  ingestEvents,
  REPORT_EVENTS,
  setUpReportFixture,
  type ReportFixture,
} from '@/lib/reports/test-fixture';
import type { ReportModel } from '@/lib/reports/types';

let fixture: ReportFixture;
const Q3 = { year: 2026, quarter: 3 };
const options = () => ({ now: new Date('2026-10-15T00:00:00Z'), timeZone: 'UTC' });

beforeAll(async () => {
  fixture = await setUpReportFixture();
});
afterAll(async () => {
  await fixture.database.drop();
});

describe('the report archive', () => {
  it('stores every format of a version and returns the same bytes on each download', async () => {
    const { version } = await generateReport(fixture.organisationId, Q3, {
      ...options(),
      userId: fixture.userId,
    });
    const first = await getArchivedReport(fixture.organisationId, Q3, 'pdf');
    const second = await getArchivedReport(fixture.organisationId, Q3, 'pdf');

    expect(version).toBe(1);
    expect(first?.content.equals(second?.content ?? Buffer.alloc(0))).toBe(true);
    expect(first?.info).toMatchObject({
      version: 1,
      format: 'pdf',
      provisional: false,
      factorSetVersion: 1,
      generatedBy: 'Olive Officer',
      trigger: 'requested',
      sha256: createHash('sha256')
        .update(first?.content ?? '')
        .digest('hex'),
    });
    const listed = await listArchivedReports(fixture.organisationId, Q3);
    expect(listed.map((r) => r.format).sort()).toEqual(['json', 'pdf', 'xlsx', 'zip']);
  });

  it('makes a new version after new data and says what changed', async () => {
    await ingestEvents(fixture.organisationId, [
      {
        id: 'late',
        kind: 'inference',
        team: 'alpha',
        model: 'ranker',
        country: 'FR',
        pue: 1,
        start: '2026-09-30T10:00:00Z',
        end: '2026-09-30T11:00:00Z',
        energy_kwh: 2,
        inferences: 100,
      },
    ]);
    const { version } = await generateReport(fixture.organisationId, Q3, options());
    const changes = await getLatestChanges(fixture.organisationId, Q3);
    const v1 = await getArchivedReport(fixture.organisationId, Q3, 'pdf', 1);
    const v2 = await getArchivedReport(fixture.organisationId, Q3, 'pdf');

    expect(version).toBe(2);
    expect(v2?.info.version).toBe(2);
    expect(v1?.content.equals(v2?.content ?? Buffer.alloc(0))).toBe(false);
    expect(changes).toMatchObject({ from: 1, to: 2 });
    expect(changes?.changes).toContainEqual({
      figure: 'Emissions, location-based',
      unit: 'gCO2e',
      before: 7400,
      after: 7500,
    });
    expect(changes?.changes).toContainEqual({
      figure: 'Team Alpha',
      unit: 'gCO2e',
      before: 4700,
      after: 4800,
    });
  });

  it('generates the first version on a first download, once', async () => {
    const Q2 = { year: 2026, quarter: 2 };
    const [a, b] = await Promise.all([
      getOrGenerateReport(fixture.organisationId, Q2, 'json', options()),
      getOrGenerateReport(fixture.organisationId, Q2, 'json', options()),
    ]);
    const again = await getOrGenerateReport(fixture.organisationId, Q2, 'json', options());

    expect(a.info.version).toBe(1);
    expect(b.info.version).toBe(1);
    expect(again.content.equals(a.content)).toBe(true);
    expect(await listArchivedReports(fixture.organisationId, Q2)).toHaveLength(4);
  });

  it('regenerates a provisional quarter on download once its data changed', async () => {
    const Q4 = { year: 2026, quarter: 4 };
    const during = { now: new Date('2026-11-15T00:00:00Z'), timeZone: 'UTC' };
    const first = await getOrGenerateReport(fixture.organisationId, Q4, 'json', during);
    const unchanged = await getOrGenerateReport(fixture.organisationId, Q4, 'json', during);
    await ingestEvents(fixture.organisationId, [
      {
        ...REPORT_EVENTS[1],
        id: 'november',
        start: '2026-11-02T00:00:00Z',
        end: '2026-11-02T01:00:00Z',
      },
    ]);
    const afterData = await getOrGenerateReport(fixture.organisationId, Q4, 'json', during);
    const again = await getOrGenerateReport(fixture.organisationId, Q4, 'json', during);
    const model = JSON.parse(afterData.content.toString('utf8')) as ReportModel;

    expect(first.info).toMatchObject({ version: 1, provisional: true, trigger: 'first_download' });
    expect(unchanged.info.version).toBe(1);
    expect(afterData.info).toMatchObject({
      version: 2,
      provisional: true,
      trigger: 'data_changed',
    });
    expect(model.summary.eventCount).toBe(1);
    expect(again.info.version).toBe(2);

    // The first download after the quarter ends makes the final version.
    const after = { now: new Date('2027-01-15T00:00:00Z'), timeZone: 'UTC' };
    const final = await getOrGenerateReport(fixture.organisationId, Q4, 'json', after);
    expect(final.info).toMatchObject({ version: 3, provisional: false, trigger: 'quarter_ended' });
  });

  it('keeps serving a closed quarter as archived after new data, until regenerated', async () => {
    const Q1 = { year: 2026, quarter: 1 };
    const first = await getOrGenerateReport(fixture.organisationId, Q1, 'pdf', options());
    await ingestEvents(fixture.organisationId, [
      {
        ...REPORT_EVENTS[1],
        id: 'march',
        start: '2026-03-02T00:00:00Z',
        end: '2026-03-02T01:00:00Z',
      },
    ]);
    const later = await getOrGenerateReport(fixture.organisationId, Q1, 'pdf', options());

    const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    expect((await getDataFingerprint(fixture.organisationId, range)).eventCount).toBe(1);
    expect(first.info).toMatchObject({ version: 1, provisional: false });
    expect(later.info.version).toBe(1);
    expect(later.content.equals(first.content)).toBe(true);
  });

  it('finds nothing changed between identical models', async () => {
    const json = await getArchivedReport(fixture.organisationId, Q3, 'json');
    const model = JSON.parse(json?.content.toString('utf8') ?? '{}');

    expect(diffReportModels(model, model)).toEqual([]);
  });
});
