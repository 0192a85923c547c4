#!/usr/bin/env bash
# Every check, in the order that fails fastest: lint, types, then the test suite.
# Starts a throwaway PostgreSQL for the relay's tests when it can (see .ci/postgres.sh);
# extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

uv run ruff check .
uv run ruff format --check --quiet . || { echo "run: uv run ruff format ." >&2; exit 1; }
uv run mypy

PG_DIR=""
if [ -z "${SELLER_RELAY_PG_URL:-}" ] && [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  # initdb and pg_ctl talk a lot: their output goes to a log, shown only if the start fails.
  pg_log=$(mktemp /tmp/seller-inbox-pg.XXXXXX.log)
  if out=$(bash .ci/postgres.sh 2>"$pg_log"); then
    export SELLER_RELAY_PG_URL="${out##*$'\n'}"
    PG_DIR=$(sed -n 's/^PostgreSQL data dir: \([^ ]*\).*/\1/p' "$pg_log")
    echo "run-tests: PostgreSQL for the relay tests at ${SELLER_RELAY_PG_URL#*@} (log: $pg_log)"
  else
    cat "$pg_log" >&2
    echo "run-tests: could not start PostgreSQL (above); its tests will skip or fail" >&2
  fi
fi
stop_pg() {
  if [ -n "$PG_DIR" ]; then
    runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" \
      -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap stop_pg EXIT

set +e
uv run pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "run-tests: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
