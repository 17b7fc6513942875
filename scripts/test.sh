#!/usr/bin/env bash
# npm test: every check a change must pass, in the order that fails fastest.
# Needs a PostgreSQL at TEST_DATABASE_URL (default: the local server, whose
# `test` database is used only to create and drop throwaway databases).
set -euo pipefail
cd "$(dirname "$0")/.."
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
unset DATABASE_URL
export NEXT_TELEMETRY_DISABLED=1

echo "== types and lint"
npx tsc --noEmit
npx eslint .

echo "== unit and integration tests (PostgreSQL: ${TEST_DATABASE_URL})"
npx vitest run

echo "== production build"
npx next build

echo "== embedded database: start-up, migrate, seed, query"
npx tsx scripts/embedded-smoke.ts

echo "== end-to-end tests (Playwright, Chromium)"
npx playwright test
