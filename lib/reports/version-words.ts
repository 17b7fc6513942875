// How the Reports page describes an archived version, in words.
import type { ArchivedReport } from '@/lib/reports/archive';

/** Whether the version was made while its quarter ran (and so will change). */
export const quarterStateWords = (r: Pick<ArchivedReport, 'provisional'>) =>
  r.provisional ? 'In progress: provisional' : 'Closed';

const AUTOMATIC: Record<Exclude<ArchivedReport['trigger'], 'requested' | null>, string> = {
  first_download: 'generated automatically on first download',
  data_changed: 'generated automatically on download: new data since the previous version',
  quarter_ended: 'generated automatically on download: the quarter had ended',
};

/**
 * Who made the version: a person or API key when asked for, or how it was
 * made automatically, naming whose download did it.
 */
export function authorWords(r: Pick<ArchivedReport, 'generatedBy' | 'trigger'>): string {
  if (r.trigger === null || r.trigger === 'requested') return r.generatedBy ?? 'unknown';
  const words = AUTOMATIC[r.trigger];

  return r.generatedBy ? `${words} (download by ${r.generatedBy})` : words;
}
