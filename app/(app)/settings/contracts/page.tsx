import { DeleteButton } from '@/components/ui/confirm-button';
import { ACTIONS, RecordTable } from '@/components/ui/record-table';
import { Section } from '@/components/ui/section';
import { can, requireViewer } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { formatNumber } from '@/lib/format';
import { listContracts } from '@/lib/methodology/contracts';

import { ContractForm } from './contract-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Energy contracts' };

const KIND_LABELS = { certificate: 'Certificate', ppa: 'PPA', green_tariff: 'Green tariff' };
const utcDate = (date: Date) => date.toISOString().slice(0, 10);

export default async function ContractsPage() {
  const viewer = await requireViewer({ returnTo: '/settings/contracts' });

  const contracts = await listContracts(getPool(), viewer.organisationId);
  const canEdit = can.manageFactors(viewer.role);

  return (
    <main className="page">
      <h1>Energy contracts</h1>
      <p className="muted">
        Certificates, power purchase agreements and green tariffs. Market-based emissions let each
        contract cover consumption in its market during its validity, spread evenly over time; what
        is not covered takes the residual mix (or, without one, the grid average).
      </p>

      {canEdit ? (
        <Section id="add-contract" title="Add a contract">
          <ContractForm />
        </Section>
      ) : null}

      <Section id="contract-list" title="Contracts">
        <RecordTable
          columns={[
            'Name',
            'Kind',
            'Market',
            { label: 'MWh', numeric: true },
            { label: 'gCO2e/kWh', numeric: true },
            'Valid (UTC, end exclusive)',
            canEdit && ACTIONS,
          ]}
          rows={contracts}
          empty="No contracts yet: market-based figures equal location-based ones."
        >
          {(contract) => (
            <tr key={contract.id}>
              <td>{contract.name}</td>
              <td>{KIND_LABELS[contract.kind]}</td>
              <td>
                <code>{contract.regionKey}</code>
              </td>
              <td className="num">{formatNumber(contract.energyMwh)}</td>
              <td className="num">{formatNumber(contract.intensityGPerKwh)}</td>
              <td>
                {utcDate(contract.validFrom)} – {utcDate(contract.validTo)}
              </td>
              {canEdit ? (
                <td>
                  <DeleteButton
                    url={`/api/v1/contracts/${contract.id}`}
                    name={contract.name}
                    confirm={`Delete the contract “${contract.name}”? Market-based figures change at once.`}
                  />
                </td>
              ) : null}
            </tr>
          )}
        </RecordTable>
      </Section>
    </main>
  );
}
