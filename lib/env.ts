// Environment variables, parsed once. Everything else reads `env`, never
// process.env, so a bad value fails at start-up with the variable's name.
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  GREENOPS_DATA_DIR: z.string().default('.data'),
  GREENOPS_EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  GREENOPS_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  GREENOPS_MAX_EVENTS_PER_BATCH: z.coerce.number().int().min(1).default(5000),
  GREENOPS_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  GREENOPS_INGEST_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  GREENOPS_DEMO: z.enum(['0', '1']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Single sign-on'),
  GREENOPS_TLS: z.enum(['0', '1']).optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }

  return result.data;
}

export const env: Env = parseEnv(process.env);
