import { describe, expect, it } from 'vitest';

import { formatChange, formatEmissions, formatEnergy, formatNumber, formatPercent } from './format';

describe('formatting for people', () => {
  it.each([
    [0.5, '0.500 gCO2e'],
    [12.345, '12.3 gCO2e'],
    [1234.5, '1.23 kgCO2e'],
    [25_054_844.3, '25.1 tCO2e'],
    [1_250_000_000, '1,250 tCO2e'],
  ])('emissions %f g → %s', (grams, text) => {
    expect(formatEmissions(grams)).toBe(text);
  });

  it.each([
    [0.0004, '0.400 Wh'],
    [3.5, '3.50 kWh'],
    [66_398.06, '66.4 MWh'],
  ])('energy %f kWh → %s', (kwh, text) => {
    expect(formatEnergy(kwh)).toBe(text);
  });

  it.each([
    [0.125, '+12.5%'],
    [-0.3, '−30.0%'],
    [0, '0.0%'],
    [null, 'n/a'],
  ])('change %s → %s', (change, text) => {
    expect(formatChange(change)).toBe(text);
  });

  it('keeps thousands separators and small values readable', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0.000123)).toBe('0.000123');
    expect(formatPercent(0.5)).toBe('50.0%');
  });
});
