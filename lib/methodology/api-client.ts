// The browser side of the methodology endpoints: one call, our error shape
// turned into an Error whose message names every field or line at fault.
export interface ApiIssue {
  path: string;
  reason: string;
}

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly issues: ApiIssue[],
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

export async function callApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiCallError('The server could not be reached.', [], null);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { message?: string; issues?: ApiIssue[]; requestId?: string } }) | null;
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
