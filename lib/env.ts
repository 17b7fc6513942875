// Environment variables, parsed once. Everything else reads `env`, never
// process.env, so a bad value fails at start-up with the variable's name.
import { z } from 'zod';

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);
const oneOf = <T extends string>(values: [T, ...T[]]) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
const url = z.url({ error: 'must be a URL such as https://example.com' });

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  GREENOPS_DATA_DIR: z.string().default('.data'),
  GREENOPS_EMBEDDED_DB_PORT: whole(1, 65535).default(54329),
  GREENOPS_DB_POOL_MAX: whole(1, 100).default(10),
  GREENOPS_MAX_EVENTS_PER_BATCH: whole(1).default(5000),
  GREENOPS_MAX_BODY_BYTES: whole(1024).default(10 * 1024 * 1024),
  GREENOPS_INGEST_RATE_PER_MINUTE: whole(1).default(120),
  GREENOPS_DEMO: oneOf(['0', '1']).optional(),
  PORT: whole(1, 65535).default(3000),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error']).default('info'),
  NODE_ENV: oneOf(['development', 'production', 'test']).default('development'),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_URL: url.optional(),
  OIDC_ISSUER: url.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Single sign-on'),
  GREENOPS_TLS: oneOf(['0', '1']).optional(),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new EnvError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }

  return result.data;
}

/** A bad variable stops the process with its name and the rule, no stack. */
function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const env: Env = loadEnv();
