#!/usr/bin/env bash
# A throwaway PostgreSQL server for NAS tests and multi-worker runs.
#
#   scripts/postgres.sh start   install PostgreSQL from Debian packages if missing, initdb a fresh data
#                               directory, start the server on a loopback port, create the database,
#                               print its JDBC URL (the only line on stdout)
#   scripts/postgres.sh url     print the JDBC URL of the running server
#   scripts/postgres.sh stop    stop the server and delete its data directory
#
# Settings (environment): NAS_PG_DIR (default ${TMPDIR:-/tmp}/nas-postgres), NAS_PG_PORT (default: 54329
# for the default directory, else a free loopback port, remembered in NAS_PG_DIR/port), NAS_PG_DB (default nas). The server trusts loopback connections: it is for tests, not for data you keep.
set -euo pipefail

PG_DIR="${NAS_PG_DIR:-${TMPDIR:-/tmp}/nas-postgres}"
PG_PORT="${NAS_PG_PORT:-}"
PG_DB="${NAS_PG_DB:-nas}"
PG_USER=nas
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"

log() { echo "postgres.sh: $*" >&2; }

# A loopback TCP port nobody listens on (the server start retries on the rare race).
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"; return
    fi
  done
  log "no free port found"; exit 1
}

# The port: given, remembered for this directory, 54329 for the shared default directory, or free.
if [ -z "$PG_PORT" ]; then
  if [ -f "$PG_DIR/port" ]; then
    PG_PORT="$(cat "$PG_DIR/port")"
  elif [ -z "${NAS_PG_DIR:-}" ]; then
    PG_PORT=54329
  else
    PG_PORT="$(free_port)"
  fi
fi

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then
      echo "$d"
    fi
  done | sort -V | tail -n 1
}

install_if_missing() {
  if [ -n "$(find_bin)" ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
    exit 1
  fi
  log "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
  if [ -z "$(find_bin)" ]; then
    log "apt-get installed no PostgreSQL server binaries"
    exit 1
  fi
}

# postgres refuses to run as root: when root, run the server as the 'postgres' system user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB?user=$PG_USER"
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  install_if_missing
  BIN="$(find_bin)"
  if running; then
    log "already running on port $PG_PORT"
    url
    return
  fi
  rm -rf "$DATA"
  mkdir -p "$PG_DIR"
  echo "$PG_PORT" >"$PG_DIR/port"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    chmod 755 "$PG_DIR"
  fi
  as_owner "$BIN/initdb" -D "$DATA" -U "$PG_USER" --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 || {
    log "initdb failed:"; cat "$PG_DIR/initdb.log" >&2; exit 1; }
  # loopback only, socket in the data directory; small and fast (a throwaway server: no fsync)
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB" \
    start >&2 || { log "the server did not start:"; tail -n 20 "$LOG" >&2; exit 1; }
  as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$PG_DB" >&2
  log "running on 127.0.0.1:$PG_PORT, data in $DATA"
  url
}

stop() {
  BIN="$(find_bin)"
  if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf "$DATA" "$PG_DIR/port"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) BIN="$(find_bin)"; if [ -n "$BIN" ] && running; then url; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
