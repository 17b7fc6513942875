import { verifyApiKey, type ApiKeyPrincipal } from '@/lib/auth/api-keys';
import { getPool } from '@/lib/db/pool';
import { unauthorised } from '@/lib/http/errors';

/** The API key's principal from `Authorization: Bearer <key>`, or 401. */
export async function requireApiKey(request: Request): Promise<ApiKeyPrincipal> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorised();
  const principal = await verifyApiKey(getPool(), match[1]);
  if (!principal) throw unauthorised('The API key is unknown, revoked or expired');

  return principal;
}
