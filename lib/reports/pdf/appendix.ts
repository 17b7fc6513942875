// Appendix: how every figure was made, from the same facts as
// docs/methodology.md, and the lineage of this quarter's events.
import { formatCount, formatEmissions, formatNumber, formatPercent } from '@/lib/format';
import type { ReportModel } from '@/lib/reports/types';

import { FONT, type PdfWriter } from './writer';

export function methodologyAppendix(w: PdfWriter, m: ReportModel) {
  const x = m.methodology;
  const c = x.coverage;
  w.heading('Appendix A. Methodology');
  w.heading('Formulas', 2);
  w.table(
    [
      { header: 'Figure', width: 0.3 },
      { header: 'Formula', width: 0.7 },
    ],
    x.formulas.map((f) => [f.name, f.formula]),
  );
  w.heading('Factor sets used', 2);
  w.table(
    [
      { header: 'Factor set', width: 0.42 },
      { header: 'Version', width: 0.1, align: 'right' },
      { header: 'Id', width: 0.24 },
      { header: 'Events', width: 0.1, align: 'right' },
      { header: 'Emissions', width: 0.14, align: 'right' },
    ],
    x.factorSets.map((f) => [
      f.name,
      String(f.version),
      f.id,
      formatCount(f.eventCount),
      formatEmissions(f.emissionsG),
    ]),
    { size: 7.5 },
  );
  for (const set of x.factorSets)
    if (set.description) w.paragraph(`${set.name}: ${set.description}`, { size: 9 });
  w.heading('Sources and licences', 2);
  w.table(
    [
      { header: 'Intensity source', width: 0.6 },
      { header: 'Licence', width: 0.2 },
      { header: 'Events', width: 0.2, align: 'right' },
    ],
    x.sources.map((s) => [s.source, s.licence, formatCount(s.eventCount)]),
  );
  w.paragraph('Attribution:', { size: 9 });
  w.bullets(x.attribution);
  w.heading('PUE values', 2);
  w.table(
    [
      { header: 'Where the PUE came from', width: 0.5 },
      { header: 'PUE', width: 0.25, align: 'right' },
      { header: 'Events', width: 0.25, align: 'right' },
    ],
    x.pue.map((p) => [
      p.pueSource.replace(/_/g, ' '),
      formatNumber(p.pue, 3),
      formatCount(p.eventCount),
    ]),
  );
  w.heading('Estimation methods', 2);
  w.bullets(x.estimationMethods);
  w.heading('Data coverage', 2);
  w.table(
    [
      { header: 'Figure', width: 0.7 },
      { header: 'Value', width: 0.3, align: 'right' },
    ],
    [
      ['Events in the quarter', formatCount(c.eventCount)],
      ['Energy measured (kWh sent by the source)', formatCount(c.measuredCount)],
      ['Energy from mean power and duration', formatCount(c.powerDurationCount)],
      ['Energy estimated (hosted LLM APIs)', formatCount(c.estimatedCount)],
      [
        'Share measured / estimated',
        `${formatPercent(c.measuredShare)} / ${formatPercent(c.estimatedShare)}`,
      ],
      ['Events priced with the world average (fallback)', formatCount(c.fallbackCount)],
      ['Imports that brought these events', formatCount(c.importsContributing)],
      ['Rows rejected in those imports', formatCount(c.rejectedRowsInContributingImports)],
      ['Imports received during the quarter', formatCount(c.importsReceived)],
      ['Rows rejected in imports received during the quarter', formatCount(c.rejectedRowsReceived)],
    ],
  );
  w.heading('Known limits', 2);
  w.bullets(x.limits);
  w.doc.font(FONT);
}
