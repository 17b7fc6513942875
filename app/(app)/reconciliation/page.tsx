import Link from 'next/link';
import { z } from 'zod';

import { formatDateTime } from '@/lib/auth/display';
import { requireViewer } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import {
  formatChange,
  formatCount,
  formatEmissions,
  formatEnergy,
  formatNumber,
} from '@/lib/format';
import {
  listImportReconciliations,
  listRunReconciliations,
  type ReconciliationFigures,
} from '@/lib/methodology/reconciliation';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'CodeCarbon reconciliation' };

const RUN_LIMIT = 1_000;
const importParam = z.uuid().optional().catch(undefined);

const intensity = (value: number | null) => (value === null ? '—' : formatNumber(value));
function FigureCells({ row }: { row: ReconciliationFigures }) {
  return (
    <>
      <td className="num">{formatEnergy(row.facilityEnergyKwh)}</td>
      <td className="num">{formatEmissions(row.emissionsG)}</td>
      <td className="num">{formatEmissions(row.sourceEmissionsG)}</td>
      <td className="num">{intensity(row.intensityGPerKwh)}</td>
      <td className="num">{intensity(row.sourceIntensityGPerKwh)}</td>
      <td className="num">
        {formatEmissions(row.differenceG)}
        <div className="muted">{formatChange(row.relativeDifference)}</div>
      </td>
    </>
  );
}

const FIGURE_HEADERS = (
  <>
    <th className="num">Energy (facility)</th>
    <th className="num">Ours</th>
    <th className="num">CodeCarbon</th>
    <th className="num">Our intensity (g/kWh)</th>
    <th className="num">CodeCarbon intensity (g/kWh)</th>
    <th className="num">Difference (ours − theirs)</th>
  </>
);

export default async function ReconciliationPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer({ returnTo: '/reconciliation' });
  const importId = importParam.parse((await props.searchParams).import);

  const pool = getPool();
  const imports = await listImportReconciliations(pool, viewer.organisationId);
  const selected = imports.find((item) => item.importId === importId) ?? null;
  const runs = selected
    ? await listRunReconciliations(pool, viewer.organisationId, selected.importId, RUN_LIMIT)
    : [];

  return (
    <main className="page">
      <h1>CodeCarbon reconciliation</h1>
      <p className="muted">
        For runs imported from CodeCarbon&apos;s emissions.csv: the same facility energy, our
        location-based emissions (the active factor set when imported, or the set a period was
        re-priced with) beside CodeCarbon&apos;s own figure, and the grid intensity each implies
        (emissions ÷ energy). A difference in intensity is a difference in factors, not in energy.
      </p>

      <section className="panel" aria-labelledby="imports">
        <h2 id="imports">Imports</h2>
        {imports.length === 0 ? (
          <p className="muted">
            No CodeCarbon runs yet. <Link href="/imports">Import an emissions.csv</Link>.
          </p>
        ) : (
          <div className="table-scroll table-dense">
            <table>
              <thead>
                <tr>
                  <th>Imported</th>
                  <th>File</th>
                  <th className="num">Runs</th>
                  {FIGURE_HEADERS}
                </tr>
              </thead>
              <tbody>
                {imports.map((item) => (
                  <tr key={item.importId} aria-current={item === selected ? 'true' : undefined}>
                    <td>
                      <Link href={`/reconciliation?import=${item.importId}`}>
                        {formatDateTime(item.importedAt, viewer.timeZone)}
                      </Link>
                    </td>
                    <td className="cell-break">{item.fileName ?? '—'}</td>
                    <td className="num">{formatCount(item.runCount)}</td>
                    <FigureCells row={item} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {selected ? (
        <section className="panel" aria-labelledby="runs">
          <h2 id="runs">Runs of {selected.fileName ?? 'this import'}</h2>
          {selected.runCount > runs.length ? (
            <p className="muted">
              The first {formatCount(runs.length)} of {formatCount(selected.runCount)} runs; the
              totals above cover all of them.
            </p>
          ) : null}
          <div className="table-scroll table-dense">
            <table>
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Ended</th>
                  <th>Grid</th>
                  {FIGURE_HEADERS}
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.eventId}>
                    <td className="cell-break">
                      {run.pipelineName ?? '—'}
                      <div className="muted">
                        <code>{run.runExternalId?.replace(/^codecarbon:/, '') ?? 'no run id'}</code>
                      </div>
                    </td>
                    <td>{formatDateTime(run.windowEnd, viewer.timeZone)}</td>
                    <td>
                      <code>{run.regionKey}</code>
                      <div className="muted">set v{run.factorSetVersion}</div>
                    </td>
                    <FigureCells row={run} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </main>
  );
}
