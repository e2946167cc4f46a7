#!/usr/bin/env bash
# The test command: builds every module and runs every test (mvn verify).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
mvn -B verify "$@"
