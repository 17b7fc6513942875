import { describe, expect, it } from 'vitest';

import { tToG } from '@/lib/units';

import {
  CCF_AWS_AVERAGE_MAX_W_PER_VCPU,
  CCF_AWS_AVERAGE_MIN_W_PER_VCPU,
  CCF_SSD_WH_PER_TB_HOUR,
  ccfComputeEnergyKwh,
  ccfEmissionsG,
  ccfMemoryEnergyKwh,
  ccfStorageEnergyKwh,
} from './ccf';
import { PROVIDER_DEFAULT_PUE } from './pue';

// Vectors from ../shared/data/reference/sci_ccf_test_vectors.csv (CCF Methodology.md).
const usEast1GPerKwh = tToG(0.000379069);
const europeWest1GPerKwh = tToG(0.00011);

describe('Cloud Carbon Footprint estimates', () => {
  it('compute: 1 vCPU-hour at 50% on an unknown AWS processor in us-east-1 → 0.9121 g', () => {
    const energyKwh = ccfComputeEnergyKwh({
      vcpuHours: 1,
      cpuUtilisation: 0.5,
      minWattsPerVcpu: CCF_AWS_AVERAGE_MIN_W_PER_VCPU,
      maxWattsPerVcpu: CCF_AWS_AVERAGE_MAX_W_PER_VCPU,
    });
    const pue = PROVIDER_DEFAULT_PUE.aws;

    expect(energyKwh).toBeCloseTo(0.00212, 10);
    expect(energyKwh * pue).toBeCloseTo(0.002406, 6);
    expect(ccfEmissionsG({ energyKwh, pue, intensityGPerKwh: usEast1GPerKwh })).toBeCloseTo(
      0.9121,
      4,
    );
  });

  it('storage: 1 TB-month of SSD in us-east-1 → 0.99426 kWh with PUE, 376.89 g', () => {
    const energyKwh = ccfStorageEnergyKwh({
      terabyteHours: 730,
      whPerTerabyteHour: CCF_SSD_WH_PER_TB_HOUR,
    });

    expect(energyKwh * PROVIDER_DEFAULT_PUE.aws).toBeCloseTo(0.99426, 5);
    expect(
      ccfEmissionsG({ energyKwh, pue: PROVIDER_DEFAULT_PUE.aws, intensityGPerKwh: usEast1GPerKwh }),
    ).toBeCloseTo(376.89, 2);
  });

  it('storage replication multiplies the energy', () => {
    expect(
      ccfStorageEnergyKwh({ terabyteHours: 730, whPerTerabyteHour: 1.2, replicationFactor: 6 }),
    ).toBeCloseTo(5.256, 10);
  });

  it('memory: 100 GB-hours in europe-west1 at GCP PUE → 0.04312 kWh, 4.743 g', () => {
    const energyKwh = ccfMemoryEnergyKwh({ gigabyteHours: 100 });
    const pue = PROVIDER_DEFAULT_PUE.gcp;

    expect(energyKwh * pue).toBeCloseTo(0.04312, 8);
    expect(ccfEmissionsG({ energyKwh, pue, intensityGPerKwh: europeWest1GPerKwh })).toBeCloseTo(
      4.7432,
      4,
    );
  });

  it.each([
    [
      'utilisation as a percentage',
      () =>
        ccfComputeEnergyKwh({
          vcpuHours: 1,
          cpuUtilisation: 50,
          minWattsPerVcpu: 1,
          maxWattsPerVcpu: 2,
        }),
    ],
    ['negative TB-hours', () => ccfStorageEnergyKwh({ terabyteHours: -1, whPerTerabyteHour: 1.2 })],
    ['NaN PUE', () => ccfEmissionsG({ energyKwh: 1, pue: Number.NaN, intensityGPerKwh: 1 })],
  ])('rejects %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});
