#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 and print its URL on the last line.
# Run as root on Debian: installs postgresql if missing, initdb as `postgres` in a temp dir.
# Stop it with: runuser -u postgres -- pg_ctl -D "$PGDATA_DIR" stop (path printed on stderr).
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DIR=$(mktemp -d /tmp/seller-relay-pg.XXXXXX)
chown postgres:postgres "$DIR"
PGDATA_DIR="$DIR/data"

runuser -u postgres -- "$BIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres -E UTF8 >&2
runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA_DIR" -l "$DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2
runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres seller_relay >&2
echo "PostgreSQL data dir: $PGDATA_DIR (log: $DIR/log)" >&2
echo "postgresql://postgres@127.0.0.1:$PORT/seller_relay"
