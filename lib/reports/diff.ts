// What changed between two versions of a quarter's report: the summary
// figures and the totals of each table, for the Reports page.
import type { BreakdownRow, ReportModel } from '@/lib/reports/types';

export interface ReportChange {
  figure: string;
  unit: 'gCO2e' | 'kWh' | 'events' | 'g per 1,000' | 'text';
  before: number | string | null;
  after: number | string | null;
}

type Pick = (m: ReportModel) => number | string | null;

const sum = (rows: BreakdownRow[]) => rows.reduce((total, row) => total + row.emissionsG, 0);

const FIGURES: [string, ReportChange['unit'], Pick][] = [
  ['Emissions, location-based', 'gCO2e', (m) => m.summary.locationBased.g],
  ['Emissions, market-based', 'gCO2e', (m) => m.summary.marketBased.g],
  ['Energy, facility incl. PUE (all kinds)', 'kWh', (m) => m.summary.energy.kwh],
  ['Events', 'events', (m) => m.summary.eventCount],
  ['Scope 2, location-based', 'gCO2e', (m) => m.ghg.scope2LocationBased.g],
  ['Scope 2, market-based', 'gCO2e', (m) => m.ghg.scope2MarketBased.g],
  ['Scope 3 category 1 (hosted LLM APIs)', 'gCO2e', (m) => m.ghg.scope3Category1.g],
  ['Renewable energy', 'kWh', (m) => m.energy.renewable.kwh],
  ['gCO2e per 1,000 inferences', 'g per 1,000', (m) => m.intensity.gPer1kInferences],
  ['gCO2e per 1,000 LLM tokens', 'g per 1,000', (m) => m.intensity.gPer1kTokens],
  ['Table by team, total', 'gCO2e', (m) => sum(m.tables.byTeam)],
  ['Table by model, total', 'gCO2e', (m) => sum(m.tables.byModel)],
  ['Table by pipeline, total', 'gCO2e', (m) => sum(m.tables.byPipeline)],
  ['Table by kind, total', 'gCO2e', (m) => sum(m.tables.byKind)],
  ['Provisional', 'text', (m) => (m.provisional ? 'yes' : 'no')],
  [
    'Factor sets',
    'text',
    (m) => m.methodology.factorSets.map((f) => `${f.name} v${f.version}`).join(', ') || 'none',
  ],
];

function differs(a: number | string | null, b: number | string | null) {
  if (typeof a === 'number' && typeof b === 'number') {
    // Sums in a different order differ in the last bits; that is no change.
    return Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
  }

  return a !== b;
}

/** Figures whose value differs from `before` to `after`, in a fixed order. */
export function diffReportModels(before: ReportModel, after: ReportModel): ReportChange[] {
  const changes: ReportChange[] = [];
  for (const [figure, unit, pick] of FIGURES) {
    const a = pick(before);
    const b = pick(after);
    if (differs(a, b)) changes.push({ figure, unit, before: a, after: b });
  }
  const teamsBefore = new Map(before.tables.byTeam.map((r) => [r.label, r.emissionsG]));
  for (const row of after.tables.byTeam) {
    const was = teamsBefore.get(row.label) ?? null;
    if (was === null || differs(was, row.emissionsG)) {
      changes.push({
        figure: `Team ${row.label}`,
        unit: 'gCO2e',
        before: was,
        after: row.emissionsG,
      });
    }
    teamsBefore.delete(row.label);
  }
  for (const [label, was] of teamsBefore) {
    changes.push({ figure: `Team ${label}`, unit: 'gCO2e', before: was, after: null });
  }

  return changes;
}
