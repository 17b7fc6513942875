// buildReportModel: everything a quarterly ESG report says, for one
// organisation and quarter, as one plain object the renderers share.
// Every figure comes from a lib/kpi function the dashboard also uses.
import { getPool } from '@/lib/db/pool';
import { getBreakdown } from '@/lib/kpi/get-breakdown';
import { getChangeDrivers } from '@/lib/kpi/get-change-drivers';
import { getLineage } from '@/lib/kpi/get-lineage';
import { getOrganisationMarketBased } from '@/lib/kpi/get-market-based';
import { getModelEmissions } from '@/lib/kpi/get-model-emissions';
import { getSummary } from '@/lib/kpi/get-summary';
import { listTargetProgress } from '@/lib/kpi/get-target-progress';
import { getTimeSeries } from '@/lib/kpi/get-time-series';
import { getTotals } from '@/lib/kpi/get-totals';
import { methodologyOf } from '@/lib/reports/methodology';
import { quarterLabel, rangeOf, shiftQuarter, type Quarter } from '@/lib/reports/period';
import { getDataFingerprint } from '@/lib/reports/queries/data-fingerprint';
import {
  breakdownRows,
  byKindOf,
  energy,
  energySection,
  ghgSection,
  intensitySection,
  modelRows,
  trendOf,
} from '@/lib/reports/sections';
import { comparison, driverSentences, targetProgress } from '@/lib/reports/summary';
import { REPORT_SCHEMA_VERSION, type ReportModel } from '@/lib/reports/types';

export class UnknownOrganisationError extends Error {}

export interface BuildOptions {
  /** The instant the report is "as of": decides whether it is provisional. */
  now: Date;
  /** The organisation's time zone: quarters and months start at its midnight. */
  timeZone: string;
}

async function organisationOf(organisationId: string) {
  const { rows } = await getPool().query<{ id: string; slug: string; name: string }>(
    'SELECT id::text, slug, name FROM organisation WHERE id = $1',
    [organisationId],
  );
  if (!rows[0]) throw new UnknownOrganisationError(organisationId);

  return rows[0];
}

export async function buildReportModel(
  organisationId: string,
  year: number,
  quarter: number,
  options: BuildOptions,
): Promise<ReportModel> {
  const { timeZone } = options;
  const current: Quarter = { year, quarter };
  const previous = shiftQuarter(current, -1);
  const lastYear = shiftQuarter(current, -4);
  const range = rangeOf(current, timeZone);
  const previousRange = rangeOf(previous, timeZone);

  const organisation = await organisationOf(organisationId);
  // Before the figures: data arriving meanwhile makes the next download newer.
  const dataFingerprint = await getDataFingerprint(organisationId, range);
  // The quarter's totals are the overview's, from the same function.
  const [overview, previousTotals, lastYearTotals, kindRows, teamRows, pipelineRows] =
    await Promise.all([
      getSummary(organisationId, range),
      getTotals(organisationId, previousRange),
      getTotals(organisationId, rangeOf(lastYear, timeZone)),
      getBreakdown(organisationId, range, 'kind'),
      getBreakdown(organisationId, range, 'team'),
      getBreakdown(organisationId, range, 'pipeline'),
    ]);
  const [models, drivers, market, targets, lineage, series] = await Promise.all([
    getModelEmissions(organisationId, range),
    getChangeDrivers(organisationId, range, previousRange),
    getOrganisationMarketBased(organisationId, range),
    listTargetProgress(organisationId, range.to, timeZone),
    getLineage(organisationId, range),
    getTimeSeries(organisationId, range, { group: 'kind', timeZone, bucket: 'month' }),
  ]);

  // A quarter in progress is measured to now, a finished one to its end.
  const asOf = new Date(Math.min(options.now.getTime(), range.to.getTime()));
  const totals = overview.current.totals;
  const kinds = byKindOf(kindRows);
  const ghg = ghgSection(totals, kinds, market);
  const totalG = totals.emissionsG;
  const primary = lineage.factorSets[0] ?? null;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    period: {
      year,
      quarter,
      label: quarterLabel(current),
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      timeZone,
    },
    organisation,
    generatedAt: options.now.toISOString(),
    provisional: options.now.getTime() < range.to.getTime(),
    empty: totals.eventCount === 0,
    lineage: {
      primaryFactorSetId: primary?.id ?? null,
      primaryFactorSetVersion: primary?.version ?? null,
      eventCount: totals.eventCount,
      dataFingerprint,
    },
    summary: {
      locationBased: ghg.totalLocationBased,
      marketBased: ghg.totalMarketBased,
      energy: energy(totals.facilityEnergyKwh),
      eventCount: totals.eventCount,
      previousQuarter: comparison(quarterLabel(previous), totalG, previousTotals),
      sameQuarterLastYear: comparison(quarterLabel(lastYear), totalG, lastYearTotals),
      targets: targets.map((target) => targetProgress(target, asOf, timeZone)),
      drivers: driverSentences(drivers),
    },
    energy: energySection(totals.facilityEnergyKwh, market),
    ghg,
    tables: {
      byTeam: breakdownRows(teamRows, totalG),
      byModel: modelRows(models, totalG),
      byPipeline: breakdownRows(pipelineRows, totalG),
      byKind: breakdownRows(kindRows, totalG),
    },
    trend: trendOf(series),
    intensity: intensitySection(kinds, lineage.trainingRuns),
    methodology: methodologyOf(lineage),
  };
}
