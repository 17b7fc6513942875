// The report's chapters as typeset text and tables. Figures are formatted by
// lib/format only, so the PDF shows what the dashboard shows.
import {
  formatChange,
  formatCount,
  formatEmissions,
  formatEnergy,
  formatNumber,
  formatPercent,
} from '@/lib/format';
import { kindWords, targetStatus } from '@/lib/reports/summary';
import type { BreakdownRow, Comparison, ReportModel, SciRow } from '@/lib/reports/types';

import { drawTrendChart } from './chart';
import type { PdfWriter } from './writer';

const g = (value: number | null) => (value === null ? 'n/a' : formatEmissions(value));
const perUnit = (value: number | null, unit: string) =>
  value === null ? 'n/a' : `${formatNumber(value)} gCO2e ${unit}`;

const UNIT_WORDS: Record<string, [string, string]> = {
  inference: ['inference', 'inferences'],
  training_run: ['training run', 'training runs'],
  pipeline_run: ['pipeline run', 'pipeline runs'],
};

/** R of the SCI in words: "60 training runs", "15,000 tokens" (R = 15 thousand). */
function functionalUnitsWords(s: SciRow) {
  const words = UNIT_WORDS[s.functionalUnit];
  if (!words) return `${formatCount(s.functionalUnits * 1000)} tokens`;

  return `${formatCount(s.functionalUnits)} ${words[s.functionalUnits === 1 ? 0 : 1]}`;
}

function changeLine(label: string, c: Comparison) {
  if (c.emissionsG === null) return [label, `no data in ${c.period}`];

  return [label, `${formatChange(c.change)} (${g(c.changeG)}; ${c.period}: ${g(c.emissionsG)})`];
}

export function summarySection(w: PdfWriter, m: ReportModel) {
  const s = m.summary;
  w.heading('1. Executive summary');
  w.table(
    [
      { header: 'Figure', width: 0.45 },
      { header: 'Value', width: 0.55, align: 'right' },
    ],
    [
      ['Total emissions, location-based', formatEmissions(s.locationBased.g)],
      ['Total emissions, market-based', formatEmissions(s.marketBased.g)],
      ['Energy, facility incl. PUE (all kinds)', formatEnergy(s.energy.kwh)],
      ['Events behind these figures', formatCount(s.eventCount)],
      changeLine('Change vs previous quarter', s.previousQuarter),
      changeLine('Change vs same quarter last year', s.sameQuarterLastYear),
    ] as string[][],
    { size: 10 },
  );
  w.heading('Largest drivers of change', 2);
  if (s.drivers.length === 0) w.paragraph('No change against the previous quarter.');
  else w.bullets(s.drivers.map((d) => d.sentence));
  w.heading('Progress against targets', 2);
  if (s.targets.length === 0) {
    w.paragraph('The organisation has not set an emissions target.');
    return;
  }
  w.table(
    [
      { header: 'Target', width: 0.2 },
      { header: 'Baseline', width: 0.15, align: 'right' },
      { header: 'Target', width: 0.15, align: 'right' },
      { header: `Budget ${m.period.year}`, width: 0.12, align: 'right' },
      { header: 'Year to date', width: 0.12, align: 'right' },
      { header: 'Used / year passed', width: 0.13, align: 'right' },
      { header: 'Status', width: 0.13 },
    ],
    s.targets.map((t) => [
      `${t.name}${t.team ? ` (${t.team})` : ''}`,
      `${g(t.baselineEmissionsG)} (${t.baselineYear})`,
      `${g(t.targetEmissionsG)} (${t.targetYear})`,
      g(t.yearBudgetG),
      g(t.yearToDateG),
      `${formatPercent(t.budgetUsed)} / ${formatPercent(t.yearElapsed)}`,
      targetStatus(t.onTrack),
    ]),
  );
  w.bullets(s.targets.map((t) => t.sentence));
}

export function energyAndGhgSection(w: PdfWriter, m: ReportModel) {
  const e = m.energy;
  const x = m.ghg;
  w.heading('2. Energy and greenhouse gas emissions');
  w.heading('Energy consumption (ESRS E1-5)', 2);
  w.table(
    [
      { header: 'Line', width: 0.7 },
      { header: 'MWh', width: 0.3, align: 'right' },
    ],
    [
      ['Total energy consumption, facility incl. PUE (all kinds)', formatNumber(e.total.mwh)],
      ['from renewable sources (energy contracts)', formatNumber(e.renewable.mwh)],
      ['from other sources', formatNumber(e.nonRenewable.mwh)],
      ['Renewable share', formatPercent(e.renewableShare)],
      ['of the total: owned and rented compute (Scope 2)', formatNumber(e.ownCompute.mwh)],
      [
        'of the total: hosted LLM APIs, supplier energy, estimated (Scope 3)',
        formatNumber(e.hostedLlmEstimated.mwh),
      ],
    ],
  );
  w.paragraph(
    'The total is the energy shown on the cover and in the summary. Energy contracts cover ' +
      'owned and rented compute only; hosted LLM APIs count as energy from other sources.',
    { size: 9 },
  );
  if (e.contracts.length > 0) {
    w.table(
      [
        { header: 'Contract', width: 0.4 },
        { header: 'Kind', width: 0.15 },
        { header: 'Market', width: 0.25 },
        { header: 'Covered', width: 0.2, align: 'right' },
      ],
      e.contracts.map((c) => [c.name, c.kind, c.regionKey, formatEnergy(c.allocatedKwh)]),
    );
  }
  w.heading('Gross GHG emissions (ESRS E1-6)', 2);
  const c1 = x.scope3Category1;
  w.table(
    [
      { header: 'Line', width: 0.6 },
      { header: 'tCO2e', width: 0.2, align: 'right' },
      { header: 'As read', width: 0.2, align: 'right' },
    ],
    [
      [
        'Scope 2, location-based (owned and rented compute)',
        formatNumber(x.scope2LocationBased.t),
        g(x.scope2LocationBased.g),
      ],
      ['Scope 2, market-based', formatNumber(x.scope2MarketBased.t), g(x.scope2MarketBased.g)],
      [
        `Scope 3 category 1, hosted LLM APIs (range ${g(c1.minG)} to ${g(c1.maxG)})`,
        formatNumber(c1.t),
        g(c1.g),
      ],
      ['Total, location-based', formatNumber(x.totalLocationBased.t), g(x.totalLocationBased.g)],
      ['Total, market-based', formatNumber(x.totalMarketBased.t), g(x.totalMarketBased.g)],
    ],
    { boldLastRow: true },
  );
  w.paragraph(
    `Embodied emissions of the hardware behind hosted LLM APIs, estimated at ${g(c1.embodiedG)}, ` +
      'are shown here and not added to the totals.',
    { size: 9 },
  );
  if (x.marketFlags.length > 0) {
    w.paragraph('Market-based notes:', { size: 9 });
    w.bullets(x.marketFlags);
  }
}

export function trendSection(w: PdfWriter, m: ReportModel) {
  w.heading('3. Trend by month and kind');
  w.paragraph('Location-based emissions per month of the quarter, stacked by kind of work.');
  drawTrendChart(w, m.trend);
  const kinds = m.trend.kinds;
  w.table(
    [
      { header: 'Month', width: 0.16 },
      ...kinds.map((k) => ({
        header: kindWords(k),
        width: 0.68 / Math.max(kinds.length, 1),
        align: 'right' as const,
      })),
      { header: 'Total', width: 0.16, align: 'right' },
    ],
    m.trend.months.map((month) => [
      month.month,
      ...kinds.map((k) => g(month.emissionsG[k])),
      g(month.totalG),
    ]),
  );
}

function breakdownTable(w: PdfWriter, label: string, rows: BreakdownRow[]) {
  const sum = (pick: (r: BreakdownRow) => number) => rows.reduce((t, r) => t + pick(r), 0);
  w.table(
    [
      { header: label, width: 0.4 },
      { header: 'Emissions', width: 0.2, align: 'right' },
      { header: 'Energy incl. PUE', width: 0.16, align: 'right' },
      { header: 'Events', width: 0.12, align: 'right' },
      { header: 'Share', width: 0.12, align: 'right' },
    ],
    [
      ...rows.map((r) => [
        r.label,
        g(r.emissionsG),
        formatEnergy(r.energyKwh),
        formatCount(r.eventCount),
        formatPercent(r.share),
      ]),
      [
        'Total',
        g(sum((r) => r.emissionsG)),
        formatEnergy(sum((r) => r.energyKwh)),
        formatCount(sum((r) => r.eventCount)),
        formatPercent(sum((r) => r.share)),
      ],
    ],
    { boldLastRow: true },
  );
}

export function breakdownSection(w: PdfWriter, m: ReportModel) {
  w.heading('4. Breakdowns');
  w.heading('By team', 2);
  breakdownTable(w, 'Team', m.tables.byTeam);
  w.heading('By model', 2);
  const models = m.tables.byModel;
  w.table(
    [
      { header: 'Model', width: 0.3 },
      { header: 'Emissions', width: 0.17, align: 'right' },
      { header: 'Energy incl. PUE', width: 0.15, align: 'right' },
      { header: 'Inferences', width: 0.18, align: 'right' },
      { header: 'gCO2e per 1,000 inferences', width: 0.2, align: 'right' },
    ],
    [
      ...models.map((r) => [
        r.label,
        g(r.emissionsG),
        formatEnergy(r.energyKwh),
        formatCount(r.inferences),
        r.gPer1kInferences === null ? 'n/a' : formatNumber(r.gPer1kInferences),
      ]),
      [
        'Total',
        g(models.reduce((t, r) => t + r.emissionsG, 0)),
        formatEnergy(models.reduce((t, r) => t + r.energyKwh, 0)),
        formatCount(m.intensity.inferences),
        m.intensity.gPer1kInferences === null ? 'n/a' : formatNumber(m.intensity.gPer1kInferences),
      ],
    ],
    { boldLastRow: true },
  );
  w.heading('By pipeline', 2);
  breakdownTable(w, 'Pipeline', m.tables.byPipeline);
  w.heading('By kind of work', 2);
  breakdownTable(
    w,
    'Kind',
    m.tables.byKind.map((r) => ({ ...r, label: kindWords(r.label) })),
  );
}

export function intensitySection(w: PdfWriter, m: ReportModel) {
  const i = m.intensity;
  w.heading('5. Intensity');
  w.table(
    [
      { header: 'KPI', width: 0.4 },
      { header: 'Value', width: 0.35, align: 'right' },
      { header: 'Units of work', width: 0.25, align: 'right' },
    ],
    [
      [
        'Inference',
        perUnit(i.gPer1kInferences, 'per 1,000 inferences'),
        `${formatCount(i.inferences)} inferences`,
      ],
      [
        'Hosted LLM APIs',
        perUnit(i.gPer1kTokens, 'per 1,000 tokens'),
        `${formatCount(i.tokens)} tokens`,
      ],
      [
        'Training',
        i.gPerTrainingRun === null ? 'n/a' : `${formatEmissions(i.gPerTrainingRun)} per run`,
        `${formatCount(i.trainingRuns)} runs`,
      ],
    ],
  );
  w.heading('Software Carbon Intensity, SCI = (E x I + M) / R', 2);
  if (i.sci.length === 0) {
    w.paragraph('No functional units were recorded in this quarter.');
    return;
  }
  w.table(
    [
      { header: 'Functional unit', width: 0.17 },
      { header: 'E', width: 0.12, align: 'right' },
      { header: 'I (g/kWh)', width: 0.11, align: 'right' },
      { header: 'M', width: 0.11, align: 'right' },
      { header: 'R (units of work)', width: 0.22, align: 'right' },
      { header: 'SCI', width: 0.27, align: 'right' },
    ],
    i.sci.map((s) => [
      s.label,
      formatEnergy(s.energyKwh),
      formatNumber(s.intensityGPerKwh),
      g(s.embodiedG),
      functionalUnitsWords(s),
      `${formatEmissions(s.sciG)} ${s.label}`,
    ]),
  );
}
