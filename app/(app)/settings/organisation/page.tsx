import { notFound } from 'next/navigation';

import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { getOrganisationSettings } from '@/lib/methodology/organisation-settings';

import { OrganisationSettingsForm } from './settings-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Organisation settings' };

export default async function OrganisationSettingsPage() {
  const viewer = await requireViewer({
    roles: rolesThat('manageUsers'),
    returnTo: '/settings/organisation',
  });

  const settings = await getOrganisationSettings(viewer.organisationId);
  if (!settings) notFound();

  return (
    <main className="page">
      <h1>Organisation</h1>
      <p className="muted">
        {viewer.organisationName}: how new telemetry is priced and reported. Every change is
        recorded in the audit log.
      </p>
      <section className="panel">
        <OrganisationSettingsForm settings={settings} />
      </section>
    </main>
  );
}
