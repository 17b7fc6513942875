import { describe, expect, it } from 'vitest';

import * as units from './index';

describe('unit conversions', () => {
  it.each([
    ['joulesToKwh', units.joulesToKwh(3_600_000), 1],
    ['kwhToJoules', units.kwhToJoules(2), 7_200_000],
    ['whToKwh', units.whToKwh(2_500), 2.5],
    ['kwhToWh', units.kwhToWh(0.75), 750],
    ['kwhToMwh', units.kwhToMwh(1_500), 1.5],
    ['mwhToKwh', units.mwhToKwh(0.6), 600],
    ['wattsToKilowatts', units.wattsToKilowatts(350), 0.35],
    ['kilowattsToWatts', units.kilowattsToWatts(1.2), 1_200],
    ['secondsToHours', units.secondsToHours(5_400), 1.5],
    ['hoursToSeconds', units.hoursToSeconds(2), 7_200],
    ['millisecondsToSeconds', units.millisecondsToSeconds(1_500), 1.5],
    ['wattsForSecondsToKwh 300 W for 1 h', units.wattsForSecondsToKwh(300, 3_600), 0.3],
    ['wattsForSecondsToKwh 2.12 W for 1 h', units.wattsForSecondsToKwh(2.12, 3_600), 0.00212],
    ['kwhOverSecondsToWatts', units.kwhOverSecondsToWatts(0.3, 3_600), 300],
    ['gToKg', units.gToKg(28_538.8), 28.5388],
    ['kgToG', units.kgToG(1.4242), 1_424.2],
    ['kgToT', units.kgToT(1_610.3792), 1.6103792],
    ['tToKg', units.tToKg(1.6103792), 1_610.3792],
    ['gToT', units.gToT(2_500_000), 2.5],
    ['tToG', units.tToG(0.000379069), 379.069],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 10);
  });
});
