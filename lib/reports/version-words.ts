// How the Reports page describes an archived version, in words.
import type { ArchivedReport } from '@/lib/reports/archive';

/** Whether the version was made while its quarter ran (and so will change). */
export const quarterStateWords = (r: Pick<ArchivedReport, 'provisional'>) =>
  r.provisional ? 'In progress: provisional' : 'Closed';
