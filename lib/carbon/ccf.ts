// Cloud Carbon Footprint's usage-based estimates, for sources that report
// vCPU-hours, storage or memory instead of measured energy.
// Energy results are IT energy; ccfEmissionsG applies PUE and grid intensity.

import { whToKwh } from '@/lib/units';

/** CCF's averages over AWS processors (min at idle, max at 100% load), W per vCPU. */
export const CCF_AWS_AVERAGE_MIN_W_PER_VCPU = 0.74;
export const CCF_AWS_AVERAGE_MAX_W_PER_VCPU = 3.5;
/** CCF's default utilisation when none is known (its 2020 cloud average). */
export const CCF_DEFAULT_CPU_UTILISATION = 0.5;
export const CCF_SSD_WH_PER_TB_HOUR = 1.2;
export const CCF_HDD_WH_PER_TB_HOUR = 0.65;
export const CCF_MEMORY_KWH_PER_GB_HOUR = 0.000392;

/** Wh = (Wmin + u × (Wmax − Wmin)) × vCPU-hours */
export function ccfComputeEnergyKwh(input: {
  vcpuHours: number;
  /** Average CPU utilisation, 0 to 1. */
  cpuUtilisation: number;
  minWattsPerVcpu: number;
  maxWattsPerVcpu: number;
}): number {
  const { vcpuHours, cpuUtilisation, minWattsPerVcpu, maxWattsPerVcpu } = input;
  if (!(cpuUtilisation >= 0 && cpuUtilisation <= 1)) {
    throw new RangeError('CPU utilisation must be a fraction between 0 and 1');
  }
  assertNonNegative({ vcpuHours, minWattsPerVcpu, maxWattsPerVcpu });

  const averageW = minWattsPerVcpu + cpuUtilisation * (maxWattsPerVcpu - minWattsPerVcpu);

  return whToKwh(averageW * vcpuHours);
}

/** Wh = TB-hours × Wh per TB-hour × replication (CCF: S3 6, EBS 2, ...). */
export function ccfStorageEnergyKwh(input: {
  terabyteHours: number;
  whPerTerabyteHour: number;
  replicationFactor?: number;
}): number {
  const { terabyteHours, whPerTerabyteHour, replicationFactor = 1 } = input;
  assertNonNegative({ terabyteHours, whPerTerabyteHour, replicationFactor });

  return whToKwh(terabyteHours * whPerTerabyteHour * replicationFactor);
}

/** kWh = GB-hours (beyond what the compute estimate covers) × 0.000392 kWh per GB-hour. */
export function ccfMemoryEnergyKwh(input: {
  gigabyteHours: number;
  kwhPerGigabyteHour?: number;
}): number {
  const { gigabyteHours, kwhPerGigabyteHour = CCF_MEMORY_KWH_PER_GB_HOUR } = input;
  assertNonNegative({ gigabyteHours, kwhPerGigabyteHour });

  return gigabyteHours * kwhPerGigabyteHour;
}

/** CO2e = kWh × PUE × grid emission factor */
export function ccfEmissionsG(input: {
  energyKwh: number;
  pue: number;
  intensityGPerKwh: number;
}): number {
  assertNonNegative(input);

  return input.energyKwh * input.pue * input.intensityGPerKwh;
}

function assertNonNegative(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${name} must be a finite number, zero or more`);
    }
  }
}
