// Energy, power and time conversions. Every unit change in GreenOps happens here,
// so a factor can be checked in one place.

const JOULES_PER_KWH = 3_600_000;
const WH_PER_KWH = 1_000;
const KWH_PER_MWH = 1_000;
const SECONDS_PER_HOUR = 3_600;
const W_PER_KW = 1_000;

export const joulesToKwh = (joules: number): number => joules / JOULES_PER_KWH;
export const kwhToJoules = (energyKwh: number): number => energyKwh * JOULES_PER_KWH;

export const whToKwh = (energyWh: number): number => energyWh / WH_PER_KWH;
export const kwhToWh = (energyKwh: number): number => energyKwh * WH_PER_KWH;

export const kwhToMwh = (energyKwh: number): number => energyKwh / KWH_PER_MWH;
export const mwhToKwh = (energyMwh: number): number => energyMwh * KWH_PER_MWH;

export const wattsToKilowatts = (powerW: number): number => powerW / W_PER_KW;
export const kilowattsToWatts = (powerKw: number): number => powerKw * W_PER_KW;

export const secondsToHours = (durationS: number): number => durationS / SECONDS_PER_HOUR;
export const hoursToSeconds = (durationH: number): number => durationH * SECONDS_PER_HOUR;
export const millisecondsToSeconds = (durationMs: number): number => durationMs / 1_000;

/** Energy used by a constant mean power over a duration (W × s = J). */
export const wattsForSecondsToKwh = (powerW: number, durationS: number): number =>
  joulesToKwh(powerW * durationS);

/** Mean power that spends this energy over this duration. */
export const kwhOverSecondsToWatts = (energyKwh: number, durationS: number): number =>
  kwhToJoules(energyKwh) / durationS;
