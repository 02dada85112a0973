#!/usr/bin/env bash
# `npm test`: type check, unit + integration tests, production build, e2e in Chromium.
# With TEST_DATABASE_URL (a PostgreSQL server URL) integration tests and e2e run against that
# server, each in databases of their own that are dropped afterwards; without it, against PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== type check"
npx tsc --noEmit -p .

echo "== unit and integration tests"
npx vitest run

if [ -n "${TEST_DATABASE_URL:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  echo "== fault injection (restarts the local PostgreSQL server)"
  npx vitest run --config vitest.faults.config.ts
fi

# Set before the build too: the e2e bundle scan checks this secret never reaches client code.
export AUTH_SECRET="${AUTH_SECRET:-e2e-$(date +%s)-$RANDOM-secret-not-for-production}"

echo "== production build"
npx next build

echo "== e2e"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  E2E_DB="portal_e2e_$(date +%s)_$RANDOM"
  psql "$TEST_DATABASE_URL" -qc "create database \"$E2E_DB\"" >/dev/null
  export DATABASE_URL="${TEST_DATABASE_URL%/*}/$E2E_DB"
  trap 'psql "$TEST_DATABASE_URL" -qc "drop database if exists \"$E2E_DB\" with (force)" >/dev/null' EXIT
  npx tsx scripts/db-seed.ts
else
  export PGLITE_DATA_DIR="$(mktemp -d)/pglite"
  trap 'rm -rf "$(dirname "$PGLITE_DATA_DIR")"' EXIT
fi
npx playwright test
