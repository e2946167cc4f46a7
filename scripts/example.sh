#!/usr/bin/env bash
# Runs one of the Java API examples: scripts/example.sh NAME [ARGS...] runs nas.examples.NAME
# (QuickStart, TwoPhaseScreening, EvolutionLabSearch, PilotFromJava, ConstraintsAndImportance, ResumeFromJava) from the repository root or any directory.
# It uses the jar ./nas builds (building it first if needed) and compiles the examples against it
# with javac, which takes seconds, when they or the jar changed; benchmarks have their own script, scripts/bench.sh.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
examples=(QuickStart TwoPhaseScreening EvolutionLabSearch PilotFromJava ConstraintsAndImportance ResumeFromJava)
name="${1:-}"
if [ -z "$name" ] || [ ! -f "$root/examples/src/main/java/nas/examples/$name.java" ]; then
  echo "usage: scripts/example.sh NAME [ARGS...]   (NAME: ${examples[*]})" >&2
  exit 2
fi
shift
"$root/nas" --version >/dev/null   # builds nas-cli/target/nas.jar on first use
jar="$root/nas-cli/target/nas.jar"
classes="$root/examples/target/example-classes"
mkdir -p "$classes"
# Compiled again only when nas.jar or an example's source changed (the jar's time and size, the sources' checksum).
sources=("$root"/examples/src/main/java/nas/examples/*.java)
stamp="$classes/.compiled"
wanted="$(stat -c '%Y %s' "$jar") $(cat "${sources[@]}" | cksum)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  javac -nowarn -d "$classes" -cp "$jar" "${sources[@]}"
  echo "$wanted" >"$stamp"
fi
# Same collector choice as ./nas: serial on one or two cores.
if [ -z "${NAS_JAVA_OPTS+x}" ] && [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then
  NAS_JAVA_OPTS="-XX:+UseSerialGC"
fi
exec java ${NAS_JAVA_OPTS:-} -cp "$jar:$classes" "nas.examples.$name" "$@"
