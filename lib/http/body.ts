// Reads a request body with a byte limit, inflating gzip with the same limit
// on the inflated size, so a large or compressed-bomb body answers 413.
import { gunzipSync } from 'node:zlib';

import { badRequest, tooLarge } from '@/lib/http/errors';

async function readLimited(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(`The body is larger than ${maxBytes} bytes`);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`The body is larger than ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }

  return Buffer.concat(chunks);
}

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const raw = await readLimited(request, maxBytes);
  const encoding = (request.headers.get('content-encoding') ?? '').toLowerCase();
  if (encoding === '' || encoding === 'identity') return raw.toString('utf8');
  if (encoding !== 'gzip') throw badRequest(`Content-Encoding "${encoding}" is not supported; send gzip or none`);
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(`The body inflates to more than ${maxBytes} bytes`);
    }
    throw badRequest('The body is not valid gzip');
  }
}

export async function readBodyJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The body is not valid JSON');
  }
}
