// The browser side of our API: one call that turns the error body
// `{ error: { code, message, issues?, requestId } }` into an ApiCallError
// carrying the message, each field or line at fault, and the request id a
// user can quote.
export interface ApiIssue {
  path: string;
  reason: string;
}

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { message?: string; issues?: ApiIssue[]; requestId?: string };
}

export async function callApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiCallError('The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;

  const body = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
  if (!response.ok || body?.error) {
    const error = body?.error;
    throw new ApiCallError(
      error?.message ?? `The request failed (${response.status})`,
      error?.issues ?? [],
      error?.requestId ?? null,
    );
  }

  return body as T;
}

export const postJson = <T>(path: string, body: unknown, method = 'POST') =>
  callApi<T>(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
