import { verifyApiKey, type ApiKeyPrincipal } from '@/lib/auth/api-keys';
import { getPool } from '@/lib/db/pool';
import { unauthorised } from '@/lib/http/errors';
import { consumeApiKeyRequest } from '@/lib/http/rate-limit';

/**
 * The API key's principal from `Authorization: Bearer <key>`, or 401; 429
 * once the key has sent more than GREENOPS_INGEST_RATE_PER_MINUTE requests.
 */
export async function requireApiKey(request: Request): Promise<ApiKeyPrincipal> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorised();
  const principal = await verifyApiKey(getPool(), match[1]);
  if (!principal) throw unauthorised('The API key is unknown, revoked or expired');
  await consumeApiKeyRequest(principal.apiKeyId);

  return principal;
}
