#!/usr/bin/env bash
# The test command: starts a throwaway PostgreSQL server (installing it from Debian packages if
# missing) for the storage tests that need one, installs Debian's Chromium and ChromeDriver for the
# dashboard's browser tests when missing (scripts/browser.sh), builds every module and runs every test.
# The server is private to this run (its own temporary directory and a free loopback port), so two
# test runs on one machine never share or stop each other's server.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

NAS_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/nas-test-pg.XXXXXX")"
export NAS_PG_DIR
cleanup() {
  scripts/postgres.sh stop >/dev/null 2>&1 || true
  rm -rf "$NAS_PG_DIR"
}
trap cleanup EXIT
if url="$(scripts/postgres.sh start)"; then
  export NAS_TEST_POSTGRES_URL="$url"
else
  echo "test.sh: no PostgreSQL server could be started; its tests will try to start their own, or be skipped" >&2
fi
# the dashboard's tests drive Debian's headless Chromium (they are skipped without it, unless CI=true)
# The README's external-program example (run by ReadmeDocTest) is a Python script.
if ! command -v python3 >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq python3-minimal >/dev/null
  else
    echo "test.sh: python3 is missing (apt-get install python3-minimal); the README test will fail" >&2
  fi
fi
if ! scripts/browser.sh; then
  echo "test.sh: Chromium could not be installed; the browser tests will be skipped (or fail under CI=true)" >&2
fi
# -Prelease also builds each module's sources and javadoc jars, so broken Javadoc fails the run.
mvn -B verify -Prelease "$@"
