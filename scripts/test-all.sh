#!/usr/bin/env bash
# `npm test`: lint and format check, type check, unit + integration tests, production build, e2e in Chromium.
# With TEST_DATABASE_URL (a PostgreSQL server URL) integration tests and e2e run against that
# server, each in databases of their own that are dropped afterwards; without it, against PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each stage prints its duration; the summary at the end lists them all (the suite's budget is 15 minutes).
SUITE_STARTED=$SECONDS
STAGE_NAME=""
STAGE_STARTED=$SECONDS
TIMINGS=()
stage() {
  finish_stage
  STAGE_NAME="$1"
  STAGE_STARTED=$SECONDS
  echo "== $1"
}
finish_stage() {
  if [ -n "$STAGE_NAME" ]; then
    TIMINGS+=("$(printf '%5ds  %s' $((SECONDS - STAGE_STARTED)) "$STAGE_NAME")")
    echo "-- $STAGE_NAME: $((SECONDS - STAGE_STARTED)) s"
  fi
  STAGE_NAME=""
}
summary() {
  finish_stage
  echo "== durations"
  for line in "${TIMINGS[@]}"; do echo "$line"; done
  printf '%5ds  %s\n' $((SECONDS - SUITE_STARTED)) "whole suite"
}
CLEANUP=":"
trap 'eval "$CLEANUP" || true; summary' EXIT

stage "lint and format"
npm run --silent lint
npm run --silent format:check

stage "type check"
npx tsc --noEmit -p .

stage "unit and integration tests"
npx vitest run

if [ -n "${TEST_DATABASE_URL:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  stage "fault injection (restarts the local PostgreSQL server)"
  npx vitest run --config vitest.faults.config.ts
fi

# Set before the build too: the e2e bundle scan checks this secret never reaches client code.
export AUTH_SECRET="${AUTH_SECRET:-e2e-$(date +%s)-$RANDOM-secret-not-for-production}"

stage "production build"
npm run build

stage "server process (npm start, SIGTERM)"
npx vitest run --config vitest.process.config.ts

stage "several instances behind nginx (tests/cluster)"
# Skips itself, saying why, without a PostgreSQL server (TEST_DATABASE_URL) or nginx.
npx vitest run --config vitest.cluster.config.ts

stage "e2e"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  E2E_DB="portal_e2e_$(date +%s)_$RANDOM"
  psql "$TEST_DATABASE_URL" -qc "create database \"$E2E_DB\"" >/dev/null
  export DATABASE_URL="${TEST_DATABASE_URL%/*}/$E2E_DB"
  CLEANUP='psql "$TEST_DATABASE_URL" -qc "drop database if exists \"$E2E_DB\" with (force)" >/dev/null'
  npm run db:seed
else
  export PGLITE_DATA_DIR="$(mktemp -d)/pglite"
  CLEANUP='rm -rf "$(dirname "$PGLITE_DATA_DIR")"'
fi
npx playwright test
