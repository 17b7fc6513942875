// The columns several dashboard tables share, with one key, label and CSV
// header each, so that exports from different views line up.
import type { ReactNode } from 'react';

import type { Column } from '@/components/ui/data-table';
import { formatEmissions, formatEnergy, formatNumber, formatPercent } from '@/lib/format';

export function emissionsColumn<Row extends { emissionsG: number }>(
  label = 'Emissions',
): Column<Row> {
  return {
    key: 'emissionsG',
    label,
    csvLabel: 'emissions_g',
    numeric: true,
    value: (r) => r.emissionsG,
    render: (r) => formatEmissions(r.emissionsG),
  };
}

export function energyColumn<Row extends { facilityEnergyKwh: number }>(): Column<Row> {
  return {
    key: 'energy',
    label: 'Energy',
    csvLabel: 'facility_energy_kwh',
    numeric: true,
    value: (r) => r.facilityEnergyKwh,
    render: (r) => formatEnergy(r.facilityEnergyKwh),
  };
}

export function shareColumn<Row extends { share: number }>(): Column<Row> {
  return {
    key: 'share',
    label: 'Share',
    numeric: true,
    value: (r) => r.share,
    render: (r) => formatPercent(r.share),
  };
}

export function gPer1kInferencesColumn<
  Row extends { gPer1kInferences: number | null },
>(): Column<Row> {
  return {
    key: 'gPer1k',
    label: 'gCO2e / 1k inferences',
    csvLabel: 'g_per_1k_inferences',
    numeric: true,
    value: (r) => r.gPer1kInferences,
    render: (r) => (r.gPer1kInferences === null ? '—' : formatNumber(r.gPer1kInferences)),
  };
}

export function trainingColumn<Row extends { trainingEmissionsG: number }>(): Column<Row> {
  return {
    key: 'training',
    label: 'Training',
    csvLabel: 'training_g',
    numeric: true,
    value: (r) => r.trainingEmissionsG,
    render: (r) => formatEmissions(r.trainingEmissionsG),
  };
}

/** A low – high range under a figure; it breaks after the dash, not inside a value. */
export function RangeNote({ low, high }: { low: ReactNode; high: ReactNode }) {
  return (
    <div className="muted cell-wrap">
      <span className="nowrap">{low}</span> – <span className="nowrap">{high}</span>
    </div>
  );
}
