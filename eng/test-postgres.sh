#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: `eng/test-postgres.sh start` prints the Npgsql connection string of a
# fresh server on 127.0.0.1 (a free port, a temporary folder, trust authentication on loopback only), and
# `eng/test-postgres.sh stop` stops it and removes its folder. The server runs as the `postgres` user, since
# PostgreSQL refuses to run as root. Used by .ci/run; handy by hand too:
#   export PARTNERIZE_TEST_POSTGRES="$(eng/test-postgres.sh start)"; dotnet test Partnerize.Client.sln; eng/test-postgres.sh stop
set -euo pipefail

state_file="${TMPDIR:-/tmp}/partnerize-test-postgres.dir"

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && echo "$found"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local initdb pg_ctl
  initdb=$(find_bin initdb || true)
  if [ -z "$initdb" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed; installing it from the machine's Debian packages." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
    initdb=$(find_bin initdb || true)
  fi
  [ -n "$initdb" ] || { echo "initdb was not found: install PostgreSQL (15 or later) to run the PostgreSQL tests." >&2; exit 1; }
  pg_ctl=$(dirname "$initdb")/pg_ctl

  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/partnerize-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_postgres "$initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }

  # A free port: the first in the range with nothing listening on it.
  for port in $(seq 55432 55632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  done
  as_postgres "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -h 127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "$dir" >"$state_file"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
}

stop() {
  [ -f "$state_file" ] || return 0
  local dir pg_ctl
  dir=$(cat "$state_file")
  pg_ctl=$(dirname "$(find_bin initdb)")/pg_ctl
  [ -d "$dir/data" ] && as_postgres "$pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state_file"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
