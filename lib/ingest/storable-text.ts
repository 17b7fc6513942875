// PostgreSQL cannot store NUL in text or jsonb, and jsonb refuses an unpaired
// UTF-16 surrogate: one such string fails the statement of a whole batch. The
// writer rejects events carrying one and scrubs the text it echoes.
import type { NormalisedEvent } from '@/lib/ingest/types';

const NUL = '\u0000';
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
const REPLACEMENT = '\ufffd';

export const UNSTORABLE_REASON =
  'contains a character that cannot be stored (NUL or an unpaired surrogate)';

export const isStorable = (text: string) => !text.includes(NUL) && !LONE_SURROGATE.test(text);

/** The text with every NUL and unpaired surrogate replaced by U+FFFD. */
export function storable(text: string): string {
  return text.replaceAll(NUL, REPLACEMENT).replace(LONE_SURROGATES, REPLACEMENT);
}

export interface UnstorableText {
  /** The event's field (`step`, `attributes.note`); for a bad key, the object holding it. */
  field: string;
  reason: string;
}

function search(value: unknown, field: string): UnstorableText | null {
  if (typeof value === 'string') {
    return isStorable(value) ? null : { field, reason: `the text ${UNSTORABLE_REASON}` };
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;

  for (const [key, child] of Object.entries(value)) {
    if (!isStorable(key)) return { field, reason: `a field name ${UNSTORABLE_REASON}` };
    const found = search(child, field === '' ? key : `${field}.${key}`);
    if (found) return found;
  }

  return null;
}

/** The first string of the event (value or key) PostgreSQL would refuse, if any. */
export function findUnstorableText(event: NormalisedEvent): UnstorableText | null {
  // Keys are often built from other fields (OpenAI's from model and project):
  // those name the culprit better, so the key is searched last.
  const { idempotencyKey, ...fields } = event;

  return search(fields, '') ?? search({ idempotencyKey }, '');
}
