// The browser side of /api/v1/api-keys: one function per call, the error
// message of our error shape when the call fails.
export interface CreatedKey {
  token: string;
  apiKey: { id: string; name: string; prefix: string };
}

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string; issues?: { path: string; reason: string }[] };
  } | null;
  const issues = body?.error?.issues?.map((i) => `${i.path}: ${i.reason}`).join('; ');
  const message = body?.error?.message ?? `The request failed (${response.status})`;

  return new Error(issues ? `${message}: ${issues}` : message);
}

export async function postApiKey(input: {
  name: string;
  teamId: string | null;
  expiresAt: string | null;
}): Promise<CreatedKey> {
  const response = await fetch('/api/v1/api-keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw await failure(response);

  return (await response.json()) as CreatedKey;
}

export async function deleteApiKey(id: string): Promise<void> {
  const response = await fetch(`/api/v1/api-keys/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
  if (!response.ok) throw await failure(response);
}
