import { describe, expect, it } from 'vitest';

import type { MarketFlag } from '@/lib/carbon/market';
import type { BreakdownRow } from '@/lib/kpi/get-breakdown';
import { flagSentences, intensitySection, type KindTotals } from '@/lib/reports/sections';

const flag = (month: string, message: string): MarketFlag => ({
  code: 'contract_energy_unused',
  regionKey: 'country:FRA',
  month,
  message,
});

describe('flagSentences', () => {
  it.each([
    [
      '351.70303044350203 kWh of contracts exceed consumption and are not carried over',
      '352 kWh of contracts exceed consumption and are not carried over',
    ],
    ['1234.5 kWh of contracts exceed', '1.23 MWh of contracts exceed'],
    ['0.5 kWh of contracts exceed', '500 Wh of contracts exceed'],
    ['no residual mix for this market', 'no residual mix for this market'],
  ])('puts %j in words as %j', (message, words) => {
    expect(flagSentences([flag('2026-07', message)])).toEqual([`country:FRA (2026-07): ${words}`]);
  });

  it('names every month a message applies to once', () => {
    const same = 'no residual mix for this market';

    expect(flagSentences([flag('2026-07', same), flag('2026-08', same)])).toEqual([
      `country:FRA (2026-07, 2026-08): ${same}`,
    ]);
  });
});

describe('intensitySection', () => {
  // Hourly rollups spread an event's counts over the hours it ran.
  const row = (figures: Partial<BreakdownRow>) =>
    ({ facilityEnergyKwh: 1, embodiedG: 0, ...figures }) as BreakdownRow;
  const kinds: KindTotals = {
    llm_api_call: row({ tokensIn: 1992830640.0000105, tokensOut: 0.4, emissionsG: 100 }),
    inference: row({ inferences: 999.9999999, emissionsG: 50 }),
  };

  it('gives counts of work as whole numbers and ratios from the exact sums', () => {
    const i = intensitySection(kinds, 2);

    expect(i.tokens).toBe(1992830640);
    expect(i.inferences).toBe(1000);
    expect(i.gPer1kTokens).toBe((100 / (1992830640.0000105 + 0.4)) * 1000);
    expect(i.sci.find((s) => s.functionalUnit === 'thousand_tokens')?.functionalUnits).toBe(
      1992830.64,
    );
  });
});
