// Calendar dates written as text: JavaScript's Date quietly rolls 30 February
// over to 2 March, so a date is real only if it reads back the same.

/** True when `YYYY-MM-DD` names a day that exists. */
export function isRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);

  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The years GreenOps accepts in periods, contracts and factors. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

export function isYearInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));

  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}
