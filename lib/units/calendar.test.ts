import { describe, expect, it } from 'vitest';

import { isRealCalendarDate, isYearInRange } from './calendar';

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-06-31T10:00+02:00', false],
    ['2026-13-01', false],
    ['2026-12-31T23:00:00Z', true],
    ['0001-01-01', true],
    ['not a date', false],
  ])('%s exists: %s', (text, real) => {
    expect(isRealCalendarDate(text)).toBe(real);
  });

  it.each([
    ['0001-01-01', false],
    ['1999-12-31', false],
    ['2000-01-01', true],
    ['2100-12-31', true],
    ['9999-12-31', false],
  ])('%s in range: %s', (text, inRange) => {
    expect(isYearInRange(text)).toBe(inRange);
  });
});
