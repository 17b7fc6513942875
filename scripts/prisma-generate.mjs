// Runs `prisma generate` without letting the CLI fetch a schema engine:
// generation never uses that binary, so any path satisfies the check.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath };
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });

process.exit(result.status ?? 1);
