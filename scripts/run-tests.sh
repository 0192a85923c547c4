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
  out=$(bash .ci/postgres.sh 2> >(tee /tmp/seller-inbox-pg.log >&2)) && {
    export SELLER_RELAY_PG_URL="${out##*$'\n'}"
    PG_DIR=$(sed -n 's/^PostgreSQL data dir: \([^ ]*\).*/\1/p' /tmp/seller-inbox-pg.log)
  }
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
