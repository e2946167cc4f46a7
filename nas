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

# Builds nas.jar with Maven, showing which module it is on and the time so far: redrawn in place on a
# terminal, one line per module otherwise. The whole log goes to .nas-build.log.
build() {
  local log="$root/.nas-build.log" start now module shown="" pid
  echo "nas: building NAS (first use or sources changed); the first build usually takes 1-3 minutes on two" \
       "cores, more while Maven downloads its dependencies once" >&2
  start=$(date +%s)
  (cd "$root" && exec mvn -B -DskipTests -pl nas-cli -am package) >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    module="$(grep -o 'Building [A-Za-z0-9_-]* [^ ]* *\[[0-9]*/[0-9]*\]' "$log" 2>/dev/null | tail -n 1 \
      | sed 's/Building \([^ ]*\) [^ ]* *\[\(.*\)\]/\1 (\2)/')" || true
    now=$(( $(date +%s) - start ))
    if [ -t 2 ]; then
      printf '\rnas: building %s  %ds \033[K' "${module:-...}" "$now" >&2
    elif [ -n "$module" ] && [ "$module" != "$shown" ]; then
      echo "nas: building $module  ${now}s" >&2
      shown="$module"
    fi
    sleep 1
  done
  if ! wait "$pid"; then
    [ -t 2 ] && printf '\n' >&2
    echo "nas: build failed; see $log" >&2
    exit 1
  fi
  now=$(( $(date +%s) - start ))
  [ -t 2 ] && printf '\r\033[K' >&2
  echo "nas: built in ${now}s" >&2
}

if stale; then
  command -v mvn >/dev/null || { echo "nas: Maven (mvn) is needed to build NAS; install it (e.g. apt-get install maven)" >&2; exit 1; }
  # Several `nas` started at once on a stale jar (workers in parallel) build one at a time: the first builds,
  # the others wait for it and then find the jar fresh. Two Maven builds in one target directory fail.
  exec 9>"$root/.nas-build.lock"
  if command -v flock >/dev/null && ! flock -n 9; then
    echo "nas: another nas is building NAS; waiting for it" >&2
    flock 9
  fi
  if stale; then build; fi
  exec 9>&-
fi
# On one or two cores the serial collector leaves the cores to the work (G1's concurrent threads
# compete with H2's writer and the simulator); larger machines keep the JVM's default.
if [ -z "${NAS_JAVA_OPTS+x}" ] && [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then
  NAS_JAVA_OPTS="-XX:+UseSerialGC"
fi

# Class-data sharing: the classes a command loads, stored once per nas.jar in nas.jsa next to it and
# mapped at start instead of loaded; the classes a storage server loads likewise in nas-server.jsa,
# which the servers that commands start by themselves use (NAS_SERVER_ARCHIVE tells them). A short
# training run makes both (a throwaway study read through a throwaway server, then stopped).
# NAS_CDS=0 turns them off. They are used only while nas.jsa.stamp names this jar (its time and
# size); a JDK that no longer matches makes the JVM ignore them silently (-Xlog:cds=off). A partly
# written archive would crash the JVM, so each is written under another name in the same directory
# and renamed into place.
archive="${jar%.jar}.jsa"
server_archive="${jar%.jar}-server.jsa"
quiet_cds=(-Xlog:cds=off -Xlog:cds+dynamic=off)
jar_stamp() { stat -c '%Y %s' "$jar" 2>/dev/null || echo none; }
make_archive() {
  local tmp part="$archive.$$.part" server_part="$server_archive.$$.part" pid waited
  tmp="$(mktemp -d)" || return 0
  (
    flock -n 9 || exit 0
    unset NAS_SERVER_ARCHIVE
    rm -f "$server_archive"
    NAS_SERVER_JAVA_OPTS="${NAS_SERVER_JAVA_OPTS:-} ${quiet_cds[*]} -XX:ArchiveClassesAtExit=$server_part" \
      java ${NAS_JAVA_OPTS:-} -jar "$jar" create-study --study cds --storage "$tmp/db" &&
      java ${NAS_JAVA_OPTS:-} "${quiet_cds[@]}" -XX:ArchiveClassesAtExit="$part" -jar "$jar" best --study cds \
        --storage "$tmp/db" &&
      [ -s "$part" ] || exit 0
    # the training server, stopped, closes its file and writes its archive as it exits (a zombie has exited)
    pid="$(grep -o '"pid":[0-9]*' "$tmp/db.nas-server" | cut -d: -f2)" || true
    running() { kill -0 "$pid" 2>/dev/null && ! grep -qs ') Z ' "/proc/$pid/stat"; }
    if [ -n "$pid" ] && kill "$pid"; then
      for waited in $(seq 300); do running || break; sleep 0.1; done
      running || { [ -s "$server_part" ] && chmod a+r "$server_part" && mv -f "$server_part" "$server_archive"; } || true
    fi
    mv -f "$part" "$archive" && jar_stamp >"$archive.stamp"
  ) 9>"$archive.lock" >/dev/null 2>&1 || true
  rm -rf "$tmp" "$part" "$server_part"
}
cds=()
unset NAS_SERVER_ARCHIVE
if [ "${NAS_CDS:-1}" != 0 ] && command -v flock >/dev/null; then
  [ "$(cat "$archive.stamp" 2>/dev/null)" = "$(jar_stamp)" ] || make_archive
  if [ -f "$archive" ] && [ "$(cat "$archive.stamp" 2>/dev/null)" = "$(jar_stamp)" ]; then
    cds=(-XX:SharedArchiveFile="$archive" "${quiet_cds[@]}")
    [ -f "$server_archive" ] && export NAS_SERVER_ARCHIVE="$server_archive"
  fi
fi
# Commands that only ask the storage a question end before the JIT's optimizing compiler pays for
# itself: they run with the quick compiler alone (half the CPU of 'nas best'). Long commands keep both.
case "${1:-}" in
  best|studies|tell|create-study|delete-study|runs|--version|-V|--help|-h|help) cds+=(-XX:TieredStopAtLevel=1) ;;
esac
exec java ${NAS_JAVA_OPTS:-} "${cds[@]}" -jar "$jar" "$@"
