// Failed sign-ins are limited per email and client address, in memory: a
// single GreenOps process serves the app, so no shared store is needed.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { TOO_MANY_ATTEMPTS } from '@/lib/auth/messages';

export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const globalForLimit = globalThis as unknown as { greenopsSignInLimiter?: RateLimiterMemory };

function limiter(): RateLimiterMemory {
  globalForLimit.greenopsSignInLimiter ??= new RateLimiterMemory({
    keyPrefix: 'sign-in',
    points: SIGN_IN_ATTEMPTS,
    duration: SIGN_IN_WINDOW_SECONDS,
  });

  return globalForLimit.greenopsSignInLimiter;
}

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`${TOO_MANY_ATTEMPTS}: try again in ${retryAfterSeconds} seconds`);
  }
}

const keyFor = (email: string, ip: string) => `${email}|${ip}`;

/** Throws SignInThrottledError when this email and address used up their attempts. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const state = await limiter().get(keyFor(email, ip));
  if (state && state.consumedPoints >= SIGN_IN_ATTEMPTS) {
    throw new SignInThrottledError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  }
}

export async function countFailedSignIn(email: string, ip: string): Promise<void> {
  await limiter()
    .consume(keyFor(email, ip))
    .catch((result: unknown) => {
      if (!(result instanceof RateLimiterRes)) throw result;
    });
}

export async function clearFailedSignIns(email: string, ip: string): Promise<void> {
  await limiter().delete(keyFor(email, ip));
}
