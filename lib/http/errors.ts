// One error shape for every API answer: { error: { code, message, issues?,
// requestId } }. Unknown errors become a generic 500; details go to the log.
import { ZodError } from 'zod';

import { toItemIssues } from '@/lib/ingest/issues';

export interface ErrorIssue {
  path: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Sent with the error answer, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, issues?: ErrorIssue[]) =>
  new ApiError(400, 'bad_request', message, issues);
export const unauthorised = (message = 'Send a valid API key as "Authorization: Bearer <key>"') =>
  new ApiError(401, 'unauthorised', message);
export const notFound = (message = 'Not found') => new ApiError(404, 'not_found', message);
export const tooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);

export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    const issues = toItemIssues(error.issues, '');

    return new ApiError(400, 'invalid_request', 'The request is invalid', issues);
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'P2025') return notFound();
  // PostgreSQL refuses NUL and invalid UTF-8 in text (22021, 22P05).
  if (code === '22021' || code === '22P05') {
    return new ApiError(
      400,
      'invalid_text',
      'A value contains a character that cannot be stored (NUL or an unpaired surrogate)',
    );
  }
  if (code === 'P2002' || code === '23505') {
    return new ApiError(409, 'conflict', 'That already exists');
  }

  return null;
}

export function errorBody(error: ApiError, requestId: string) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      requestId,
    },
  };
}
