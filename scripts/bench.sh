#!/usr/bin/env bash
# Runs a benchmark program of the examples module: scripts/bench.sh NAME [ARGS...]
# runs nas.examples.bench.<NAME>Benchmark (e.g. AskTell, Samplers, Motpe, Nsga2, Cma, Tpe, Sim, Neat, NeatClassify, Pruner, Fanova, Workers, Dashboard, Ga, Reads, SamplerCurve, Frames).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
name="${1:?usage: scripts/bench.sh NAME [ARGS...] (NAME: AskTell, Samplers, Motpe, Nsga2, Cma, Tpe, Sim, Neat, NeatClassify, Pruner, Fanova, Workers, Dashboard, Ga, Reads, SamplerCurve, Frames)}"
shift
cd "$root"
# Built and resolved inside the reactor (no install): several checkouts on one machine never
# overwrite each other's NAS artifacts in the local Maven repository.
mvn -B -q -DskipTests -pl examples -am package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >"$root/.nas-build.log" 2>&1 || {
  echo "build failed; see $root/.nas-build.log" >&2; exit 1; }
cp="$(cat examples/target/classpath.txt)"
# Nsga2 --deap compares with DEAP's NSGA-II (scripts/deap_nsga2.py), from Debian's package.
if [ "$name" = Nsga2 ] && [[ " $* " == *" --deap "* ]] && ! /usr/bin/python3 -c 'import deap' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q python3-deap >&2; else sudo apt-get install -y -q python3-deap >&2; fi
fi
# Same collector choice as ./nas: serial on one or two cores.
if [ -z "${NAS_JAVA_OPTS+x}" ] && [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then
  NAS_JAVA_OPTS="-XX:+UseSerialGC"
fi
java ${NAS_JAVA_OPTS:-} -Djava.util.logging.config.file="$root/scripts/bench-logging.properties" \
    -cp "examples/target/classes:$cp" "nas.examples.bench.${name}Benchmark" "$@"
