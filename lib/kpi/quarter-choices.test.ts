import { describe, expect, it } from 'vitest';

import { quarterChoices } from '@/lib/kpi/quarter-choices';

const values = (choices: { value: string }[]) => choices.map((c) => c.value);

describe('quarterChoices', () => {
  it('offers the quarter in progress first, then the six before it', () => {
    const choices = quarterChoices('2026-Q4');

    expect(choices[0]).toEqual({ value: '2026-Q4', label: '2026-Q4 (in progress)' });
    expect(choices[1]).toEqual({ value: '2026-Q3', label: '2026-Q3' });
    expect(values(choices)).toEqual([
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
    ]);
  });

  it('crosses into the year before from Q1', () => {
    expect(values(quarterChoices('2027-Q1', undefined, 2))).toEqual([
      '2027-Q1',
      '2026-Q4',
      '2026-Q3',
    ]);
  });

  it.each([
    ['2026-Q4', ['2026-Q4', '2026-Q3', '2026-Q2']],
    ['2024-Q1', ['2026-Q4', '2026-Q3', '2026-Q2', '2024-Q1']],
    ['2027-Q2', ['2027-Q2', '2026-Q4', '2026-Q3', '2026-Q2']],
  ])('lists a linked quarter %s so the picker can show it', (selected, expected) => {
    expect(values(quarterChoices('2026-Q4', selected, 2))).toEqual(expected);
  });
});
