// Dates on the settings pages, in the viewer's time zone.
export function formatDateTime(value: Date | string | null, timeZone: string): string {
  if (!value) return '—';

  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(value));
}
