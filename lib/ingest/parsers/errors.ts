// A whole request or file that cannot be read at all, as opposed to one bad item.
// Routes map `code` to a status: too_many_events → 413, everything else → 400.

export type BodyErrorCode =
  | 'invalid_body'
  | 'empty_body'
  | 'too_many_events'
  | 'invalid_csv'
  | 'missing_columns'
  | 'invalid_time_zone'
  | 'invalid_option';

export class BodyError extends Error {
  readonly code: BodyErrorCode;

  constructor(code: BodyErrorCode, message: string) {
    super(message);
    this.name = 'BodyError';
    this.code = code;
  }
}

/** An empty (or blank) body is said to be one, not reported as bad JSON or CSV. */
export function assertBodyNotEmpty(text: string): void {
  if (text.trim() === '') throw new BodyError('empty_body', 'The body is empty');
}
