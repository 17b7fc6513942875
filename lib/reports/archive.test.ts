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
import { ingestEvents, setUpReportFixture, type ReportFixture } from '@/lib/reports/test-fixture';

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

  it('finds nothing changed between identical models', async () => {
    const json = await getArchivedReport(fixture.organisationId, Q3, 'json');
    const model = JSON.parse(json?.content.toString('utf8') ?? '{}');

    expect(diffReportModels(model, model)).toEqual([]);
  });
});
