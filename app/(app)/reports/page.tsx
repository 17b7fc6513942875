import { can, requireViewer, rolesThat } from '@/lib/auth/viewer';
import { formatCount, formatEmissions, formatEnergy, formatNumber } from '@/lib/format';
import { lastFullQuarter, quarterOf } from '@/lib/kpi/filters';
import { getLatestChanges, listArchivedReports } from '@/lib/reports/archive';
import type { ReportChange } from '@/lib/reports/diff';
import { reportPath } from '@/lib/reports/file-name';
import { FORMAT_INFO, REPORT_FORMATS } from '@/lib/reports/formats';
import { quarterLabel, shiftQuarter, type Quarter } from '@/lib/reports/period';
import { authorWords, quarterStateWords } from '@/lib/reports/version-words';

import { generateReportAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Reports' };

function parseQuarter(value: string | undefined, fallback: Quarter): Quarter {
  const match = /^(\d{4})-Q([1-4])$/.exec(value ?? '');

  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : fallback;
}

function changeValue(change: ReportChange, value: number | string | null) {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (change.unit === 'gCO2e') return formatEmissions(value);
  if (change.unit === 'kWh') return formatEnergy(value);
  if (change.unit === 'events') return formatCount(value);

  return formatNumber(value);
}

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ quarter?: string }>;
}) {
  const viewer = await requireViewer({ roles: rolesThat('viewReports'), returnTo: '/reports' });
  const now = new Date();
  const current = quarterOf(now, viewer.timeZone);
  const selected = parseQuarter(
    (await searchParams).quarter,
    lastFullQuarter(now, viewer.timeZone),
  );
  const label = quarterLabel(selected);
  const options = Array.from({ length: 9 }, (_, i) => quarterLabel(shiftQuarter(current, -i)));

  const [reports, changes] = await Promise.all([
    listArchivedReports(viewer.organisationId, selected),
    getLatestChanges(viewer.organisationId, selected),
  ]);
  const mayGenerate = can.generateReports(viewer.role);

  return (
    <main className="page">
      <h1>Reports</h1>
      <p className="muted">
        Quarterly emissions reports: a PDF to read and sign, and the same figures as XLSX, CSV and
        JSON. Each version is archived and downloads byte for byte as it was generated.
      </p>
      <section className="panel">
        <h2>Quarter</h2>
        <form method="get" className="filter-bar">
          <label>
            Quarter{' '}
            <select name="quarter" defaultValue={label}>
              {(options.includes(label) ? options : [label, ...options]).map((q) => (
                <option key={q}>{q}</option>
              ))}
            </select>
          </label>
          <button type="submit">Show</button>
        </form>
        <p>
          Download the latest {label} report:{' '}
          {REPORT_FORMATS.map((format, i) => (
            <span key={format}>
              {i > 0 && ' · '}
              <a href={reportPath(selected, format)} download>
                {FORMAT_INFO[format].label}
              </a>
            </span>
          ))}
        </p>
        <p className="panel-note muted">
          {reports.length === 0
            ? 'No version is archived yet: the first download generates and archives version 1.'
            : 'Downloads serve the latest archived version.'}{' '}
          While a quarter is in progress its versions are provisional: a download after new data
          arrived archives a new version first. A closed quarter is served as archived until it is
          regenerated.
          {!mayGenerate && ' Sustainability officers and admins can generate new versions.'}
        </p>
        <p className="panel-note muted">
          Anyone who may read reports, executives and API keys included, can cause a version to be
          generated: a quarter must have an archived report to be downloaded, so the first download
          generates and archives version 1, marked as generated automatically below.
        </p>
        {mayGenerate && (
          <form action={generateReportAction}>
            <input type="hidden" name="quarter" value={label} />
            <button type="submit">
              {reports.length === 0 ? `Generate ${label}` : `Regenerate ${label} as a new version`}
            </button>
          </form>
        )}
      </section>
      <section className="panel">
        <h2>Archived versions of {label}</h2>
        {reports.length === 0 ? (
          <p className="muted">Nothing archived for this quarter yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Quarter when generated</th>
                  <th>Format</th>
                  <th>Generated (UTC)</th>
                  <th>By</th>
                  <th>Factor set version</th>
                  <th>SHA-256</th>
                  <th className="num">Size</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <td>v{r.version}</td>
                    <td>{quarterStateWords(r)}</td>
                    <td>
                      <a href={`${reportPath(r, r.format)}?version=${r.version}`} download>
                        {r.format.toUpperCase()}
                      </a>
                    </td>
                    <td>{r.createdAt.replace('T', ' ').slice(0, 19)}</td>
                    <td>{authorWords(r)}</td>
                    <td>{r.factorSetVersion ?? '—'}</td>
                    <td>
                      <code title={r.sha256}>{r.sha256.slice(0, 16)}…</code>
                    </td>
                    <td className="num">{formatCount(r.sizeBytes / 1024)} KB</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {changes && (
        <section className="panel">
          <h2>
            What changed from v{changes.from} to v{changes.to}
          </h2>
          {changes.changes.length === 0 ? (
            <p className="muted">No figure changed.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Figure</th>
                  <th className="num">v{changes.from}</th>
                  <th className="num">v{changes.to}</th>
                </tr>
              </thead>
              <tbody>
                {changes.changes.map((c) => (
                  <tr key={c.figure}>
                    <td>{c.figure}</td>
                    <td className="num">{changeValue(c, c.before)}</td>
                    <td className="num">{changeValue(c, c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </main>
  );
}
