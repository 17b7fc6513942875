import Link from 'next/link';

import { RecordTable } from '@/components/ui/record-table';
import { listAudit } from '@/lib/auth/audit';
import { formatDateTime } from '@/lib/auth/display';
import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_in_throttled': 'Sign-in throttled',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'user.added': 'User added',
  'user.role_changed': 'Role changed',
  'import.completed': 'Data imported',
  'factor_set.uploaded': 'Factor set uploaded',
  'factor_set.activated': 'Factor set made active',
  'factor_set.repriced': 'Period re-priced',
  'energy_contract.created': 'Energy contract added',
  'energy_contract.deleted': 'Energy contract deleted',
  'target.created': 'Target added',
  'target.deleted': 'Target deleted',
  'report.generated': 'Report generated',
  'organisation.settings_changed': 'Organisation settings changed',
};

function pageNumber(value: string | string[] | undefined): number {
  const parsed = Number(Array.isArray(value) ? value[0] : value);

  return Number.isInteger(parsed) && parsed >= 1 ? parsed : 1;
}

function describe(details: Record<string, unknown> | null): string {
  if (!details) return '';

  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(' · ');
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer({
    roles: rolesThat('viewAudit'),
    returnTo: '/settings/audit',
  });
  const page = pageNumber((await searchParams).page);

  const audit = await listAudit(getPool(), viewer.organisationId, { page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(audit.total / PAGE_SIZE));

  return (
    <main className="page">
      <h1>Audit log</h1>
      <p className="muted">
        Who did what and when in {viewer.organisationName}, newest first. Times are in{' '}
        {viewer.timeZone}.
      </p>
      <section className="panel">
        <RecordTable
          columns={['When', 'Who', 'What', 'Details']}
          rows={audit.entries}
          empty={`Nothing recorded ${page > 1 ? 'on this page' : 'yet'}.`}
        >
          {(entry) => (
            <tr key={entry.id}>
              <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, viewer.timeZone)}</td>
              <td>
                {entry.actorName ??
                  (entry.actorApiKeyName ? `API key ${entry.actorApiKeyName}` : '—')}
                {entry.actorEmail ? <div className="muted">{entry.actorEmail}</div> : null}
              </td>
              <td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
              <td className="muted">{describe(entry.details)}</td>
            </tr>
          )}
        </RecordTable>
        <nav
          aria-label="Audit log pages"
          style={{ display: 'flex', gap: '1rem', marginTop: '1rem' }}
        >
          {page > 1 ? <Link href={`/settings/audit?page=${page - 1}`}>← Newer</Link> : null}
          <span className="muted">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/settings/audit?page=${page + 1}`}>Older →</Link> : null}
        </nav>
      </section>
    </main>
  );
}
