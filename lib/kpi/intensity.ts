// Derived KPIs: pure arithmetic on totals, so every view computes them alike.
import type { Totals } from '@/lib/kpi/sql';

/** g per 1,000 units, or null when there were no units. */
export function perThousand(emissionsG: number, units: number): number | null {
  return units > 0 ? (emissionsG / units) * 1000 : null;
}

export interface Intensities {
  gPer1kInferences: number | null;
  gPer1kTokens: number | null;
  /** Share of events whose energy was measured (not estimated), 0..1. */
  measuredShare: number | null;
}

/** Intensities of inference and LLM work, each over its own kind's emissions. */
export function intensities(
  totals: Totals,
  byKind: { inferenceG: number; llmG: number },
): Intensities {
  return {
    gPer1kInferences: perThousand(byKind.inferenceG, totals.inferences),
    gPer1kTokens: perThousand(byKind.llmG, totals.tokensIn + totals.tokensOut),
    measuredShare: totals.eventCount > 0 ? totals.measuredCount / totals.eventCount : null,
  };
}

/** Relative change from `previous` to `current`, or null without a base. */
export function change(current: number, previous: number): number | null {
  return previous !== 0 ? (current - previous) / previous : null;
}
