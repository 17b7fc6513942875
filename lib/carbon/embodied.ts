// Embodied (manufacturing) emissions attributed to a share of a device's life,
// as in the SCI specification: M = TE × (TiR / EL) × (RR / ToR).

import { kgToG } from '@/lib/units';

export interface EmbodiedInput {
  /** TE: the device's total embodied emissions. */
  totalEmbodiedKg: number;
  /** EL: the device's expected lifespan (CCF and SCI examples use 4 years, 35,040 h). */
  expectedLifespanH: number;
  /** TiR: how long the work held the device. */
  timeReservedH: number;
  /** RR: resources the work reserved (vCPUs, GPUs...). */
  resourcesReserved: number;
  /** ToR: the device's total resources in the same unit. */
  totalResources: number;
}

export const DEFAULT_EXPECTED_LIFESPAN_H = 35_040;

export function embodiedEmissionsG(input: EmbodiedInput): number {
  const { totalEmbodiedKg, expectedLifespanH, timeReservedH, resourcesReserved, totalResources } =
    input;
  if (!(totalEmbodiedKg >= 0 && timeReservedH >= 0 && resourcesReserved >= 0)) {
    throw new RangeError('embodied emissions, time and resources reserved must be zero or more');
  }
  if (!(expectedLifespanH > 0 && totalResources > 0)) {
    throw new RangeError('expected lifespan and total resources must be above zero');
  }
  if (resourcesReserved > totalResources) {
    throw new RangeError('a share of a device cannot reserve more resources than it has');
  }

  const timeShare = timeReservedH / expectedLifespanH;
  const resourceShare = resourcesReserved / totalResources;

  return kgToG(totalEmbodiedKg) * timeShare * resourceShare;
}
