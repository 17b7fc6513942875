// Numbers for people: the only place that rounds or picks a unit for display.
// Stored and exported values keep full precision in their base unit.

const grouped = (value: number, digits: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Sensible significant figures: 3 for small values, whole numbers when large. */
function digitsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  if (magnitude >= 1) return 2;

  return Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(magnitude))));
}

export function formatNumber(value: number, digits = digitsFor(value)): string {
  return grouped(value, digits);
}

/** gCO2e as g, kg or t, whichever reads best. */
export function formatEmissions(emissionsG: number): string {
  const magnitude = Math.abs(emissionsG);
  if (magnitude >= 1e6) return `${formatNumber(emissionsG / 1e6)} tCO2e`;
  if (magnitude >= 1e3) return `${formatNumber(emissionsG / 1e3)} kgCO2e`;

  return `${formatNumber(emissionsG)} gCO2e`;
}

/** kWh as Wh, kWh or MWh, whichever reads best. */
export function formatEnergy(energyKwh: number): string {
  const magnitude = Math.abs(energyKwh);
  if (magnitude >= 1e3) return `${formatNumber(energyKwh / 1e3)} MWh`;
  if (magnitude < 1 && magnitude > 0) return `${formatNumber(energyKwh * 1e3)} Wh`;

  return `${formatNumber(energyKwh)} kWh`;
}

export function formatCount(value: number): string {
  return grouped(Math.round(value), 0);
}

/** A relative change as a signed percentage, e.g. "+12.5%", or "n/a". */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return 'n/a';
  const percent = change * 100;
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '';

  return `${sign}${grouped(Math.abs(percent), 1)}%`;
}

export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return 'n/a';

  return `${grouped(share * 100, 1)}%`;
}

/** A day for people in the given time zone, e.g. "30 September 2026". */
export function formatDate(at: Date, timeZone = 'UTC'): string {
  return at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
}

/**
 * A period whose end is exclusive, by its first and last days: "1 July 2026
 * to 30 September 2026". Reads after "from", never after "between".
 */
export function formatPeriod(from: Date, toExclusive: Date, timeZone = 'UTC'): string {
  const lastDay = new Date(toExclusive.getTime() - 1);

  return `${formatDate(from, timeZone)} to ${formatDate(lastDay, timeZone)}`;
}
