import { describe, expect, it } from 'vitest';

import type { TargetProgress } from '@/lib/kpi/get-target-progress';
import { targetProgress, yearElapsed } from '@/lib/reports/summary';

const target = (yearToDateG: number, yearBudgetG: number): TargetProgress => ({
  name: 'Halve by 2030',
  team: null,
  baselineYear: 2025,
  baselineEmissionsG: 100e6,
  targetYear: 2030,
  targetEmissionsG: 50e6,
  year: 2026,
  yearBudgetG,
  yearToDateG,
  budgetUsed: yearBudgetG > 0 ? yearToDateG / yearBudgetG : null,
  requiredReduction: 0.5,
});

// The end of June: 181 of 365 days, 49.6% of 2026.
const endOfJune = new Date('2026-07-01T00:00:00Z');

describe('targetProgress', () => {
  it.each([
    [
      40e6,
      90e6,
      true,
      'On track. 40.0 tCO2e emitted in 2026 so far (1 January to 30 June) ' +
        "is 44.4% of this year's budget of 90.0 tCO2e, no more than the 49.6% of the year",
    ],
    [
      51.1e6,
      90e6,
      false,
      'Not on track. 51.1 tCO2e emitted in 2026 so far (1 January to ' +
        "30 June) is 56.8% of this year's budget of 90.0 tCO2e, more than the 49.6% of the year",
    ],
    [
      5e6,
      0,
      null,
      'No budget to measure against. 5.00 tCO2e emitted in 2026 so far ' +
        "(1 January to 30 June); this year's budget is 0 gCO2e.",
    ],
  ])('says %d g of a %d g budget is on track: %s', (ytd, budget, onTrack, words) => {
    const progress = targetProgress(target(ytd, budget), endOfJune, 'UTC');

    expect(progress.onTrack).toBe(onTrack);
    expect(progress.sentence.toLowerCase()).toContain(
      `halve by 2030 (whole organisation): ${words}`.toLowerCase(),
    );
  });

  it('measures the year passed in the organisation’s time zone', () => {
    expect(yearElapsed(2026, new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe(0);
    expect(yearElapsed(2026, new Date('2025-12-31T23:00:00Z'), 'Europe/Paris')).toBe(0);
    expect(yearElapsed(2026, new Date('2027-01-01T00:00:00Z'), 'UTC')).toBe(1);
  });
});
