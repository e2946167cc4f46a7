#!/usr/bin/env bash
# Runs a benchmark program of the examples module: scripts/bench.sh NAME [ARGS...]
# runs nas.examples.bench.<NAME>Benchmark (e.g. AskTell, Samplers, Motpe, Nsga2, Cma, Tpe, Sim, Neat, NeatClassify, Pruner, Fanova, Workers, Dashboard, Ga, Reads, SamplerCurve, Frames).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
name="${1:?usage: scripts/bench.sh NAME [ARGS...] (NAME: AskTell, Samplers, Motpe, Nsga2, Cma, Tpe, Sim, Neat, NeatClassify, Pruner, Fanova, Workers, Dashboard, Ga, Reads, SamplerCurve, Frames)}"
shift
cd "$root"
# Compiled with javac against the jar ./nas builds, as scripts/example.sh does (seconds, not a Maven build of every
# module), and again only when nas.jar or an example's source changed (the jar's time and size, the sources' checksum).
./nas --version >/dev/null   # builds nas-cli/target/nas.jar on first use
jar="$root/nas-cli/target/nas.jar"
classes="$root/examples/target/bench-classes"
mapfile -t sources < <(find "$root/examples/src/main/java" -name '*.java' ! -name module-info.java | sort)
stamp="$classes/.compiled"
wanted="$(stat -c '%Y %s' "$jar") $(cat "${sources[@]}" | cksum)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  rm -rf "$classes" && mkdir -p "$classes"
  javac -nowarn -d "$classes" -cp "$jar" "${sources[@]}"
  echo "$wanted" >"$stamp"
fi
# Nsga2 --deap compares with DEAP's NSGA-II (scripts/deap_nsga2.py), from Debian's package.
if [ "$name" = Nsga2 ] && [[ " $* " == *" --deap "* ]] && ! /usr/bin/python3 -c 'import deap' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q python3-deap >&2; else sudo apt-get install -y -q python3-deap >&2; fi
fi
# Same collector choice as ./nas: serial on one or two cores.
if [ -z "${NAS_JAVA_OPTS+x}" ] && [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then
  NAS_JAVA_OPTS="-XX:+UseSerialGC"
fi
java ${NAS_JAVA_OPTS:-} -Djava.util.logging.config.file="$root/scripts/bench-logging.properties" \
    -cp "$jar:$classes" "nas.examples.bench.${name}Benchmark" "$@"
