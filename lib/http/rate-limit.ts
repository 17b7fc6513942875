// Requests per API key are limited in memory, like failed sign-ins: a single
// GreenOps process serves the app, so no shared store is needed.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { env } from '@/lib/env';
import { ApiError } from '@/lib/http/errors';

const RATE_WINDOW_SECONDS = 60;

const globalForLimit = globalThis as unknown as { greenopsApiKeyLimiter?: RateLimiterMemory };

function limiter(): RateLimiterMemory {
  globalForLimit.greenopsApiKeyLimiter ??= new RateLimiterMemory({
    keyPrefix: 'api-key',
    points: env.GREENOPS_INGEST_RATE_PER_MINUTE,
    duration: RATE_WINDOW_SECONDS,
  });

  return globalForLimit.greenopsApiKeyLimiter;
}

/** Counts one request of this key; ApiError 429 with Retry-After once it is over its limit. */
export async function consumeApiKeyRequest(apiKeyId: string): Promise<void> {
  try {
    await limiter().consume(apiKeyId);
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw new ApiError(
      429,
      'rate_limited',
      `Too many requests for this API key; retry in ${seconds} seconds`,
      undefined,
      { 'retry-after': String(seconds) },
    );
  }
}
