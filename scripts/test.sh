#!/usr/bin/env bash
# The test command: starts a throwaway PostgreSQL server (installing it from Debian packages if
# missing) for the storage tests that need one, builds every module and runs every test.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if url="$(scripts/postgres.sh start)"; then
  export NAS_TEST_POSTGRES_URL="$url"
  trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
else
  echo "test.sh: no PostgreSQL server could be started; its tests will try to start their own, or be skipped" >&2
fi
mvn -B verify "$@"
