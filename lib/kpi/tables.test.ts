import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findEntity } from '@/lib/kpi/find-entity';
import { getChangeDrivers } from '@/lib/kpi/get-change-drivers';
import { getDimensionTable } from '@/lib/kpi/get-dimension-table';
import { getModelEmissions } from '@/lib/kpi/get-model-emissions';
import { getModelVersions } from '@/lib/kpi/get-model-versions';
import { getPipelineSteps } from '@/lib/kpi/get-pipeline-steps';
import { getRun } from '@/lib/kpi/get-run';
import { listRuns } from '@/lib/kpi/list-runs';
import { previousRange } from '@/lib/kpi/filters';
import { Q3, setUpKpiFixture, type KpiFixture } from '@/lib/kpi/test-fixture';

let fixture: KpiFixture;
let org: string;

beforeAll(async () => {
  fixture = await setUpKpiFixture();
  org = fixture.organisationId;
});
afterAll(async () => {
  await fixture?.database.drop();
});

const entityId = async (kind: 'model' | 'pipeline', slug: string) => {
  const entity = await findEntity(org, kind, slug);
  if (!entity) throw new Error(`${kind} ${slug} missing`);

  return entity.id;
};

describe('getDimensionTable', () => {
  it('gives teams with change, share and inference intensity', async () => {
    const rows = await getDimensionTable(org, Q3, 'team');

    expect(rows.map((r) => r.slug)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = rows;
    expect(alpha?.emissionsG).toBeCloseTo(4700, 6);
    expect(alpha?.facilityEnergyKwh).toBeCloseTo(24, 6);
    expect(alpha?.previousEmissionsG).toBeCloseTo(500, 6);
    expect(alpha?.change).toBeCloseTo(8.4, 9);
    expect(alpha?.share).toBeCloseTo(4700 / 5950, 9);
    expect(alpha?.gPer1kInferences).toBeCloseTo(350, 6);
    expect(beta?.emissionsG).toBeCloseTo(1250, 6);
    expect(beta?.change).toBeNull();
    expect(beta?.gPer1kInferences).toBeNull();
  });

  it('gives models with their training/inference split, team and versions', async () => {
    const rows = await getDimensionTable(org, Q3, 'model');

    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ slug: 'ranker', teamSlug: 'alpha', versionCount: 2 });
    expect(rows[0]?.trainingEmissionsG).toBeCloseTo(4000, 6);
    expect(rows[0]?.inferenceEmissionsG).toBeCloseTo(700, 6);
    expect(rows[1]).toMatchObject({ slug: 'gpt-4o', llmTokens: 15000, versionCount: 0 });
  });

  it('gives pipelines', async () => {
    const rows = await getDimensionTable(org, Q3, 'pipeline');

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ slug: 'etl', teamName: 'Beta', share: 1 });
    expect(rows[0]?.emissionsG).toBeCloseTo(850, 6);
  });
});

describe('getModelEmissions', () => {
  it('gives every model and work without one, inference counted apart', async () => {
    const rows = await getModelEmissions(org, Q3);

    expect(rows.map((r) => [r.label, r.emissionsG, r.facilityEnergyKwh, r.eventCount])).toEqual([
      ['Ranker', 4700, 24, 4],
      ['No model', 850, 17, 5],
      ['gpt-4o', 400, 1, 1],
    ]);
    // Ranker: 700 g of inference for 2,000 inferences; its 4,000 g of training is left out.
    expect(rows[0]).toMatchObject({ inferences: 2000, inferenceEmissionsG: 700 });
    expect(rows[0]?.gPer1kInferences).toBeCloseTo(350, 9);
    expect(rows[1]?.gPer1kInferences).toBeNull();
  });

  it('agrees with the dashboard’s model table', async () => {
    const models = await getModelEmissions(org, Q3);
    const table = await getDimensionTable(org, Q3, 'model');

    for (const row of table) {
      const same = models.find((m) => m.key === row.id);
      expect(same).toMatchObject({
        emissionsG: row.emissionsG,
        inferenceEmissionsG: row.inferenceEmissionsG,
        gPer1kInferences: row.gPer1kInferences,
      });
    }
  });
});

describe('getChangeDrivers', () => {
  it('ranks team, kind and region cells by their change', async () => {
    const drivers = await getChangeDrivers(org, Q3, previousRange(Q3));

    expect(drivers.map((d) => [d.team, d.kind, d.regionKey, d.previousG, d.changeG])).toEqual([
      ['Alpha', 'training', 'country:USA', 0, 4000],
      ['Beta', 'pipeline_step', 'country:FRA', 0, 850],
      ['Beta', 'llm_api_call', 'country:USA', 0, 400],
    ]);
  });
});

describe('getModelVersions', () => {
  it('compares per-inference intensity with the version before', async () => {
    const versions = await getModelVersions(org, await entityId('model', 'ranker'), Q3);

    expect(versions.map((v) => v.version)).toEqual(['v1', 'v2']);
    expect(versions[0]?.gPer1kInferences).toBeCloseTo(500, 6);
    expect(versions[0]?.changeFromPrevious).toBeNull();
    expect(versions[1]?.gPer1kInferences).toBeCloseTo(200, 6);
    expect(versions[1]?.trainingEmissionsG).toBeCloseTo(4000, 6);
    expect(versions[1]?.changeFromPrevious).toBeCloseTo(-0.6, 9);
  });
});

describe('listRuns', () => {
  it('flags a run that repeats an earlier run’s config as redundant', async () => {
    const runs = await listRuns(org, Q3, { pipelineId: await entityId('pipeline', 'etl') });

    expect(runs.map((r) => [r.externalId, r.repeatsExternalId])).toEqual([
      ['etl-1', null],
      ['etl-2', 'etl-1'],
      ['etl-3', null],
    ]);
    expect(runs.map((r) => r.emissionsG)).toEqual([400, 400, 50]);
    expect(runs.map((r) => r.facilityEnergyKwh)).toEqual([8, 8, 1]);
  });

  it('lists a model’s training runs', async () => {
    const runs = await listRuns(org, Q3, {
      modelId: await entityId('model', 'ranker'),
      kind: 'training',
    });

    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ externalId: 'train-1', modelVersion: 'v2', eventCount: 2 });
    expect(runs[0]?.emissionsG).toBeCloseTo(4000, 6);
  });
});

describe('getPipelineSteps', () => {
  it('ranks steps by emissions over the period’s runs', async () => {
    const steps = await getPipelineSteps(org, await entityId('pipeline', 'etl'), Q3);

    expect(steps.map((s) => [s.step, s.runCount, s.emissionsG])).toEqual([
      ['load', 2, 600],
      ['extract', 3, 250],
    ]);
    expect(steps[0]?.share).toBeCloseTo(600 / 850, 9);
  });
});

describe('getRun and findEntity', () => {
  it('gives a run’s owners and totals', async () => {
    const [first] = await listRuns(org, Q3, { pipelineId: await entityId('pipeline', 'etl') });
    const run = await getRun(org, first?.id ?? '');

    expect(run).toMatchObject({
      externalId: 'etl-1',
      kind: 'pipeline_run',
      configHash: 'c1',
      team: { slug: 'beta', name: 'Beta' },
      pipeline: { slug: 'etl', name: 'ETL' },
      eventCount: 2,
      facilityEnergyKwh: 8,
      emissionsG: 400,
    });
  });

  it('never finds another organisation’s run or entity', async () => {
    const [first] = await listRuns(org, Q3, { pipelineId: await entityId('pipeline', 'etl') });

    expect(await getRun(fixture.otherOrganisationId, first?.id ?? '')).toBeNull();
    expect(await findEntity(fixture.otherOrganisationId, 'pipeline', 'etl')).toBeNull();
    expect(await findEntity(org, 'model', 'ranker')).toMatchObject({
      name: 'Ranker',
      team: { slug: 'alpha' },
      modelKind: 'in_house',
    });
  });
});
