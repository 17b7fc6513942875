import Link from 'next/link';
import { notFound } from 'next/navigation';

import { requireViewer } from '@/lib/auth/viewer';
import { formatCount, formatEmissions, formatEnergy } from '@/lib/format';
import { getImport, listImportEvents, listRejections } from '@/lib/ingest/list-imports';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Import' };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer({ returnTo: `/imports/${id}` });

  const found = await getImport(viewer.organisationId, id);
  if (!found) notFound();
  const [rejections, events] = await Promise.all([
    listRejections(viewer.organisationId, id),
    listImportEvents(viewer.organisationId, id),
  ]);

  return (
    <main className="page">
      <p>
        <Link href="/imports">← Imports</Link>
      </p>
      <h1>{found.fileName ?? `${found.source} import`}</h1>
      <p className="muted">
        {found.source} · {found.createdAt.toISOString().slice(0, 19).replace('T', ' ')} UTC · by{' '}
        {found.actor}
      </p>
      <p>
        <strong>{formatCount(found.acceptedCount)}</strong> accepted ·{' '}
        <strong>{formatCount(found.duplicateCount)}</strong> already stored ·{' '}
        <strong>{formatCount(found.rejectedCount)}</strong> rejected ·{' '}
        <Link href={`/events?import=${found.id}`}>events of this import</Link>
      </p>
      <section className="panel">
        <h2>Runs and events stored</h2>
        {events.length === 0 ? (
          <p className="muted">This import stored no new event.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Window (UTC)</th>
                  <th>Run</th>
                  <th>Pipeline / model</th>
                  <th>Region</th>
                  <th className="num">Energy</th>
                  <th className="num">Emissions (ours)</th>
                  <th className="num">Source&apos;s own figure</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>
                      {e.windowStart.toISOString().slice(0, 16).replace('T', ' ')} –{' '}
                      {e.windowEnd.toISOString().slice(11, 16)}
                    </td>
                    <td>{e.runId ? <Link href={`/runs/${e.runId}`}>{e.run}</Link> : '—'}</td>
                    <td>{e.pipeline ?? e.model ?? '—'}</td>
                    <td>{e.regionKey}</td>
                    <td className="num">{formatEnergy(e.facilityEnergyKwh)}</td>
                    <td className="num">{formatEmissions(e.emissionsG)}</td>
                    <td className="num">
                      {e.sourceEmissionsG === null ? '—' : formatEmissions(e.sourceEmissionsG)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel">
        <h2>Rejected items</h2>
        {rejections.length === 0 ? (
          <p className="muted">No item was rejected.</p>
        ) : (
          <>
            <p>
              <a
                className="button secondary"
                href={`/api/v1/imports/${found.id}/rejections`}
                download
              >
                Download as CSV
              </a>
            </p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th className="num">Item</th>
                    <th>Field</th>
                    <th>Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {rejections.map((r) => (
                    <tr key={`${r.itemIndex}-${r.path}`}>
                      <td className="num">{r.itemIndex}</td>
                      <td>
                        <code>{r.path}</code>
                      </td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </main>
  );
}
