import Link from 'next/link';

import { ACTIONS, RecordTable } from '@/components/ui/record-table';
import { Section } from '@/components/ui/section';
import { formatDateTime } from '@/lib/auth/display';
import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { formatCount } from '@/lib/format';
import { listFactorSets } from '@/lib/methodology/factor-sets';

import { ActivateButton } from './activate-button';
import { RepriceForm } from './reprice-form';
import { UploadForm } from './upload-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Emission factors' };

export default async function FactorsPage() {
  const viewer = await requireViewer({
    roles: rolesThat('manageFactors'),
    returnTo: '/settings/factors',
  });

  const factorSets = await listFactorSets(getPool(), viewer.organisationId);
  const options = factorSets.map((set) => ({
    id: set.id,
    label: `${set.name} v${set.version}${set.active ? ' (active)' : ''}`,
    active: set.active,
  }));
  const ownNames = [...new Set(factorSets.filter((s) => !s.builtIn).map((s) => s.name))];

  return (
    <main className="page">
      <h1>Emission factors</h1>
      <p className="muted">
        The grid intensities (gCO2e per kWh) events are priced with. New events use the active set;
        stored events keep their figures until you re-price their period. See also{' '}
        <Link href="/settings/contracts">energy contracts</Link>,{' '}
        <Link href="/settings/targets">targets</Link> and{' '}
        <Link href="/reconciliation">CodeCarbon reconciliation</Link>.
      </p>
      <p>
        Country and world intensities: <strong>Ember</strong>, yearly electricity data (via the
        Green Web Foundation&apos;s co2.js), licensed{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/">CC-BY-4.0</a>. Cloud regions: Cloud
        Carbon Footprint (Apache-2.0); Google Cloud regions: CodeCarbon (MIT).
      </p>

      <Section id="sets" title="Factor sets">
        <RecordTable
          columns={[
            'Set',
            { label: 'Rows', numeric: true },
            { label: 'Regions', numeric: true },
            'Sources and licences',
            'Created',
            ACTIONS,
          ]}
          rows={factorSets}
        >
          {(set) => (
            <tr key={set.id}>
              <td className="cell-prose">
                <strong>{set.name}</strong> v{set.version}{' '}
                {set.active ? <span className="badge">active</span> : null}
                <div className="muted">
                  {set.builtIn ? 'Built in. ' : ''}
                  {set.description}
                </div>
              </td>
              <td className="num">
                {formatCount(set.rowCount)}
                {set.hourlyRowCount > 0 ? (
                  <div className="muted">{formatCount(set.hourlyRowCount)} hourly</div>
                ) : null}
                {set.residualMixRowCount > 0 ? (
                  <div className="muted">{formatCount(set.residualMixRowCount)} residual mix</div>
                ) : null}
              </td>
              <td className="num">{formatCount(set.regionCount)}</td>
              <td className="cell-prose">
                <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                  {set.sources.map((source) => (
                    <li key={`${source.source}|${source.licence}`}>
                      {source.source} <span className="muted">({source.licence})</span>{' '}
                      <span className="muted">· {formatCount(source.rowCount)} rows</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {formatDateTime(set.createdAt, viewer.timeZone)}
                {set.createdByName ? <div className="muted">{set.createdByName}</div> : null}
              </td>
              <td>
                {set.active ? null : (
                  <ActivateButton id={set.id} label={`${set.name} v${set.version}`} />
                )}
              </td>
            </tr>
          )}
        </RecordTable>
      </Section>

      <Section id="upload" title="Upload factors">
        <p className="muted">
          A CSV with the columns{' '}
          <code>region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence</code>, e.g.{' '}
          <code>country:FRA,location,2024,,44.5,RTE eco2mix,Etalab-2.0</code>. The upload becomes
          the next version of its name. It may be partial: its rows replace the base set&apos;s rows
          for the same region, kind and year (or hour), and the base set&apos;s other rows are kept.
          If any line is wrong, nothing is stored.
        </p>
        <UploadForm sets={options} ownNames={ownNames} />
      </Section>

      <Section id="reprice" title="Re-price a period">
        <p className="muted">
          Prices the events of a period again with a factor set: only the grid intensity and the
          emissions change; energy and PUE stay as measured. Dashboards follow at once. Archived
          reports keep the figures they were generated with.
        </p>
        <RepriceForm sets={options} />
      </Section>
    </main>
  );
}
