import type { IngestResult } from '@/lib/ingest/ingest';

/** The per-item answer every ingestion endpoint returns. */
export function ingestAnswer(result: IngestResult) {
  return {
    importId: result.importId,
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: result.rejected,
    items: result.items,
  };
}
