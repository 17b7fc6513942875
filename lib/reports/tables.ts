// The report as tables with units in their headers: the data annex that the
// XLSX (one sheet each) and the CSV zip (one file each) are made of.
import type { BreakdownRow, Comparison, ReportModel } from '@/lib/reports/types';
import { kindWords, noDataNote, targetStatus } from '@/lib/reports/summary';

export type Cell = string | number | null;

export interface Table {
  /** File and sheet name: lower case, at most 31 characters. */
  name: string;
  title: string;
  headers: string[];
  rows: Cell[][];
}

const BREAKDOWN_HEADERS = [
  'Emissions, location-based (gCO2e)',
  'Energy, facility incl. PUE (kWh)',
  'Events',
  'Share of emissions (0-1)',
];

function breakdown(name: string, title: string, label: string, rows: BreakdownRow[]): Table {
  const sum = (pick: (r: BreakdownRow) => number) => rows.reduce((t, r) => t + pick(r), 0);

  return {
    name,
    title,
    headers: [label, ...BREAKDOWN_HEADERS],
    rows: [
      ...rows.map((r) => [r.label, r.emissionsG, r.energyKwh, r.eventCount, r.share]),
      [
        'Total',
        sum((r) => r.emissionsG),
        sum((r) => r.energyKwh),
        sum((r) => r.eventCount),
        sum((r) => r.share),
      ],
    ],
  };
}

/** A comparison's rows: empty cells and a note when that quarter has no data. */
function comparisonRows(c: Comparison): Cell[][] {
  const note = noDataNote(c);

  return [
    [`Emissions ${c.period}`, c.emissionsG, 'gCO2e', note],
    [`Change vs ${c.period}`, c.changeG, 'gCO2e', note],
    [`Change vs ${c.period}`, c.change, 'ratio', note],
  ];
}

function summaryTable(m: ReportModel): Table {
  const s = m.summary;
  const figures: Cell[][] = [
    ['Organisation', m.organisation.name, null],
    ['Period', m.period.label, null],
    ['Provisional (quarter not over)', m.provisional ? 'yes' : 'no', null],
    ['Emissions, location-based', s.locationBased.g, 'gCO2e'],
    ['Emissions, location-based', s.locationBased.t, 'tCO2e'],
    ['Emissions, market-based', s.marketBased.g, 'gCO2e'],
    ['Emissions, market-based', s.marketBased.t, 'tCO2e'],
    ['Energy, facility incl. PUE (all kinds)', s.energy.kwh, 'kWh'],
    ['Energy, facility incl. PUE (all kinds)', s.energy.mwh, 'MWh'],
    ['Events', s.eventCount, 'events'],
  ];

  return {
    name: 'summary',
    title: 'Summary',
    headers: ['Figure', 'Value', 'Unit', 'Note'],
    rows: [
      ...figures.map((row) => [...row, null]),
      ...comparisonRows(s.previousQuarter),
      ...comparisonRows(s.sameQuarterLastYear),
      ...s.drivers.map((d, i): Cell[] => [
        `Driver ${i + 1}: ${d.sentence}`,
        d.changeG,
        'gCO2e',
        null,
      ]),
    ],
  };
}

function esrsTables(m: ReportModel): Table[] {
  const e = m.energy;
  const g = m.ghg;

  return [
    {
      name: 'energy_e1_5',
      title: 'Energy consumption (ESRS E1-5 shape)',
      headers: ['Line', 'Energy (MWh)', 'Energy (kWh)'],
      rows: [
        ['Total energy consumption, facility incl. PUE (all kinds)', e.total.mwh, e.total.kwh],
        ['From renewable sources (contracts)', e.renewable.mwh, e.renewable.kwh],
        ['From other sources', e.nonRenewable.mwh, e.nonRenewable.kwh],
        ['Renewable share (0-1)', e.renewableShare, null],
        ['Of the total: owned and rented compute (Scope 2)', e.ownCompute.mwh, e.ownCompute.kwh],
        [
          'Of the total: hosted LLM APIs, supplier energy, estimated (Scope 3)',
          e.hostedLlmEstimated.mwh,
          e.hostedLlmEstimated.kwh,
        ],
        ...e.contracts.map((c): Cell[] => [
          `Contract: ${c.name} (${c.kind}, ${c.regionKey})`,
          c.allocatedKwh / 1000,
          c.allocatedKwh,
        ]),
      ],
    },
    {
      name: 'ghg_e1_6',
      title: 'GHG emissions (ESRS E1-6 shape)',
      headers: [
        'Line',
        'Emissions (tCO2e)',
        'Emissions (gCO2e)',
        'Minimum (gCO2e)',
        'Maximum (gCO2e)',
      ],
      rows: [
        ['Scope 2, location-based', g.scope2LocationBased.t, g.scope2LocationBased.g, null, null],
        ['Scope 2, market-based', g.scope2MarketBased.t, g.scope2MarketBased.g, null, null],
        [
          'Scope 3 category 1, hosted LLM APIs',
          g.scope3Category1.t,
          g.scope3Category1.g,
          g.scope3Category1.minG,
          g.scope3Category1.maxG,
        ],
        [
          'Embodied, hosted LLM hardware (not in totals)',
          g.scope3Category1.embodiedG / 1e6,
          g.scope3Category1.embodiedG,
          null,
          null,
        ],
        ['Total, location-based', g.totalLocationBased.t, g.totalLocationBased.g, null, null],
        ['Total, market-based', g.totalMarketBased.t, g.totalMarketBased.g, null, null],
      ],
    },
  ];
}

function modelTable(m: ReportModel): Table {
  const rows = m.tables.byModel;
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + pick(r), 0);

  return {
    name: 'by_model',
    title: 'Emissions by model',
    headers: [
      'Model',
      ...BREAKDOWN_HEADERS,
      'Inferences',
      'Inference emissions (gCO2e)',
      'gCO2e per 1,000 inferences',
    ],
    rows: [
      ...rows.map((r) => [
        r.label,
        r.emissionsG,
        r.energyKwh,
        r.eventCount,
        r.share,
        r.inferences,
        r.inferenceEmissionsG,
        r.gPer1kInferences,
      ]),
      [
        'Total',
        sum((r) => r.emissionsG),
        sum((r) => r.energyKwh),
        sum((r) => r.eventCount),
        sum((r) => r.share),
        sum((r) => r.inferences),
        sum((r) => r.inferenceEmissionsG),
        m.intensity.gPer1kInferences,
      ],
    ],
  };
}

function trendTable(m: ReportModel): Table {
  const kinds = m.trend.kinds;

  return {
    name: 'monthly_trend',
    title: 'Monthly emissions by kind',
    headers: ['Month', ...kinds.map((k) => `${kindWords(k)} (gCO2e)`), 'Total (gCO2e)'],
    rows: m.trend.months.map((month) => [
      month.month,
      ...kinds.map((k) => month.emissionsG[k]),
      month.totalG,
    ]),
  };
}

function intensityTables(m: ReportModel): Table[] {
  const i = m.intensity;

  return [
    {
      name: 'intensity',
      title: 'Intensity KPIs',
      headers: ['KPI', 'Value', 'Unit', 'Units of work'],
      rows: [
        ['Inference', i.gPer1kInferences, 'gCO2e per 1,000 inferences', i.inferences],
        ['Hosted LLM tokens', i.gPer1kTokens, 'gCO2e per 1,000 tokens', i.tokens],
        ['Training', i.gPerTrainingRun, 'gCO2e per training run', i.trainingRuns],
      ],
    },
    {
      name: 'sci',
      title: 'Software Carbon Intensity',
      headers: [
        'Functional unit',
        'E (kWh)',
        'I (gCO2e/kWh)',
        'M (gCO2e)',
        'R (units)',
        'SCI (gCO2e per unit)',
      ],
      rows: i.sci.map((s) => [
        s.label,
        s.energyKwh,
        s.intensityGPerKwh,
        s.embodiedG,
        s.functionalUnits,
        s.sciG,
      ]),
    },
  ];
}

function targetTable(m: ReportModel): Table {
  return {
    name: 'targets',
    title: 'Progress against targets',
    headers: [
      'Target',
      'Team',
      'Baseline year',
      'Baseline (gCO2e)',
      'Target year',
      'Target (gCO2e)',
      'Year',
      'Budget for the year (gCO2e)',
      'Emitted from 1 January to the end of the quarter (gCO2e)',
      'Budget used (0-1)',
      'Share of the year passed (0-1)',
      'Status',
      'What is compared',
    ],
    rows: m.summary.targets.map((t) => [
      t.name,
      t.team ?? 'Organisation',
      t.baselineYear,
      t.baselineEmissionsG,
      t.targetYear,
      t.targetEmissionsG,
      t.year,
      t.yearBudgetG,
      t.yearToDateG,
      t.budgetUsed,
      t.yearElapsed,
      targetStatus(t.onTrack),
      t.sentence,
    ]),
  };
}

function methodologyTables(m: ReportModel): Table[] {
  const x = m.methodology;
  const c = x.coverage;

  return [
    {
      name: 'factor_sets',
      title: 'Factor sets used',
      headers: ['Factor set id', 'Name', 'Version', 'Built in', 'Events', 'Emissions (gCO2e)'],
      rows: x.factorSets.map((f) => [
        f.id,
        f.name,
        f.version,
        f.builtIn ? 'yes' : 'no',
        f.eventCount,
        f.emissionsG,
      ]),
    },
    {
      name: 'sources',
      title: 'Intensity sources and licences',
      headers: ['Source', 'Licence', 'Events'],
      rows: x.sources.map((s) => [s.source, s.licence, s.eventCount]),
    },
    {
      name: 'pue',
      title: 'PUE values used',
      headers: ['PUE source', 'PUE', 'Events'],
      rows: x.pue.map((p) => [p.pueSource, p.pue, p.eventCount]),
    },
    {
      name: 'coverage',
      title: 'Data coverage',
      headers: ['Figure', 'Value'],
      rows: [
        ['Events', c.eventCount],
        ['Energy measured (kWh sent)', c.measuredCount],
        ['Energy from power and duration', c.powerDurationCount],
        ['Energy estimated', c.estimatedCount],
        ['Share measured (0-1)', c.measuredShare],
        ['Share estimated (0-1)', c.estimatedShare],
        ['Events priced with the world fallback', c.fallbackCount],
        ['Imports contributing events', c.importsContributing],
        ['Rejected rows in those imports', c.rejectedRowsInContributingImports],
        ['Imports received in the period', c.importsReceived],
        ['Rejected rows in imports received', c.rejectedRowsReceived],
      ],
    },
  ];
}

export function reportTables(m: ReportModel): Table[] {
  return [
    summaryTable(m),
    ...esrsTables(m),
    breakdown('by_team', 'Emissions by team', 'Team', m.tables.byTeam),
    modelTable(m),
    breakdown('by_pipeline', 'Emissions by pipeline', 'Pipeline', m.tables.byPipeline),
    breakdown('by_kind', 'Emissions by kind of work', 'Kind', m.tables.byKind),
    trendTable(m),
    ...intensityTables(m),
    targetTable(m),
    ...methodologyTables(m),
  ];
}
