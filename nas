#!/usr/bin/env bash
# Runs the NAS command line from any directory; builds nas-cli/target/nas.jar on first use and
# whenever a source file or pom is newer than it.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$root/nas-cli/target/nas.jar"

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root" -path "$root/.git" -prune -o \( -name '*.java' -path '*/src/main/*' -o -name 'pom.xml' \
      -o -path '*/src/main/resources/*' -type f \) -newer "$jar" -print -quit)" ]
}

if stale; then
  command -v mvn >/dev/null || { echo "nas: Maven (mvn) is needed to build NAS; install it (e.g. apt-get install maven)" >&2; exit 1; }
  echo "nas: building (first use or sources changed)..." >&2
  if ! (cd "$root" && mvn -B -q -DskipTests -pl nas-cli -am package >"$root/.nas-build.log" 2>&1); then
    echo "nas: build failed; see $root/.nas-build.log" >&2
    exit 1
  fi
fi
# On one or two cores the serial collector leaves the cores to the work (G1's concurrent threads
# compete with H2's writer and the simulator); larger machines keep the JVM's default.
if [ -z "${NAS_JAVA_OPTS+x}" ] && [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then
  NAS_JAVA_OPTS="-XX:+UseSerialGC"
fi
exec java ${NAS_JAVA_OPTS:-} -jar "$jar" "$@"
