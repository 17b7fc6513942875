import Link from 'next/link';

import { UploadForm } from '@/components/imports/upload-form';
import { can, requireViewer } from '@/lib/auth/viewer';
import { formatCount } from '@/lib/format';
import { listImports } from '@/lib/ingest/list-imports';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Imports' };

export default async function ImportsPage() {
  const viewer = await requireViewer({ returnTo: '/imports' });

  const { imports, total } = await listImports(viewer.organisationId);

  return (
    <main className="page">
      <h1>Imports</h1>
      <p className="muted">
        Every batch and file received, who sent it and what became of each item. Re-importing a file
        stores nothing twice.
      </p>
      {can.importData(viewer.role) && (
        <section className="panel">
          <h2>Import a file</h2>
          <UploadForm />
        </section>
      )}
      <section className="panel">
        <h2>
          History <span className="muted">({formatCount(total)})</span>
        </h2>
        {imports.length === 0 ? (
          <p className="muted">Nothing has been imported yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>When (UTC)</th>
                  <th>Source</th>
                  <th>File</th>
                  <th>By</th>
                  <th className="num">Accepted</th>
                  <th className="num">Duplicates</th>
                  <th className="num">Rejected</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link href={`/imports/${item.id}`}>
                        {item.createdAt.toISOString().slice(0, 19).replace('T', ' ')}
                      </Link>
                    </td>
                    <td>{item.source}</td>
                    <td>{item.fileName ?? '—'}</td>
                    <td>{item.actor}</td>
                    <td className="num">{formatCount(item.acceptedCount)}</td>
                    <td className="num">{formatCount(item.duplicateCount)}</td>
                    <td className="num">{formatCount(item.rejectedCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
