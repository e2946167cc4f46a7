#!/usr/bin/env bash
# Size of an H2 study file over a long heavy run: scripts/file-growth.sh SECONDS [INTERVAL=30] [WORKERS=2] [DIR]
# starts WORKERS 'nas search' processes (sphere, dim 2, random sampler, default heartbeats) on one new
# study in a new H2 file under DIR (default: a new temporary directory), reached through the storage
# server the first of them starts, and stops them after SECONDS (--timeout). Every INTERVAL seconds it
# prints one line: seconds since start, COMPLETE trials stored ('nas studies'), the file's size in MB,
# MB per 1,000 trials, the server's CPU seconds so far and the 1-minute load. Every tenth line it also
# copies the file and prints H2's summary of the copy (org.h2.mvstore.MVStoreTool -info): the chunks' length
# and fill rate, whose product is the live pages (SHUTDOWN COMPACT packs them tighter still). After the workers end it waits for the server to stop (a
# minute after the last command), prints the file's size then, and the size of a copy that H2 rewrote with
# the live data only (SHUTDOWN COMPACT).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
nas="${NAS:-$root/nas}"
jar="$(dirname "$(readlink -f "$nas")")/nas-cli/target/nas.jar"
seconds="${1:?usage: scripts/file-growth.sh SECONDS [INTERVAL=30] [WORKERS=2] [DIR]}"
interval="${2:-30}"
workers="${3:-2}"
dir="${4:-$(mktemp -d "${TMPDIR:-/tmp}/nas-file-growth.XXXXXX")}"
mkdir -p "$dir"
storage="$dir/studies"
file="$storage.mv.db"
study="growth"
"$nas" --version >/dev/null # builds once, before the workers start
"$nas" create-study --study "$study" --storage "$storage" >/dev/null
start=$(date +%s)
pids=()
for ((w = 0; w < workers; w++)); do
  "$nas" search --study "$study" --storage "$storage" --objective sphere --dim 2 --sampler random \
      --seed 1 --timeout "$seconds" --quiet >"$dir/worker-$w.out" 2>"$dir/worker-$w.err" &
  pids+=($!)
done
server_pid() { # the storage server's java process: its command line names the file, and it is no 'search'
  ps -eo pid=,args= | awk -v s="$storage" 'index($0, s) && /java/ && !/ search / && !/ studies / { print $1; exit }'
}
cpu_seconds() { # utime + stime of a process, in seconds
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo "?"; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat"
}
size_mb() { [ -f "$file" ] && awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }' || echo 0; }
complete() { # the study's COMPLETE trials ('nas studies': study directions trials complete ...)
  "$nas" studies --storage "$storage" 2>/dev/null | awk -v s="$study" '$1 == s { print $4 }' || true
}
live() { # H2's chunk summary of a copy of the file: chunks' length (MB), their live share, live pages (MB), file/live
  cp "$file" "$dir/copy.mv.db"
  local copied
  copied="$(stat -c %s "$dir/copy.mv.db")"
  java -XX:+UseSerialGC -cp "$jar" org.h2.mvstore.MVStoreTool -info "$dir/copy.mv.db" 2>&1 | awk -v f="$copied" '
      /^Chunk length:/ { len = $3 / 1e6 } /^Chunk fill rate:/ { rate = $4 + 0 }
      END { l = len * rate / 100; printf "# H2 chunks %.1f MB, %d%% live: %.1f MB of live pages, file/live %.2f\n", len, rate, l,
          (l > 0 ? f / 1e6 / l : 0) }'
  rm -f "$dir/copy.mv.db"
}
running() { for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
echo "# $workers workers, $seconds s, file $file; columns: s trials MB MB/1000trials serverCPUs load1"
spid=""
samples=0
while running; do
  sleep "$interval" &
  wait $! || true
  [ -n "$spid" ] && [ -d "/proc/$spid" ] || spid="$(server_pid)"
  t=$(($(date +%s) - start))
  trials="$(complete)"
  mb="$(size_mb)"
  per="$(awk -v m="$mb" -v n="${trials:-0}" 'BEGIN { if (n > 0) printf "%.2f", m / n * 1000; else print "?" }')"
  echo "$t ${trials:-?} $mb $per $(cpu_seconds "$spid") $(cut -d' ' -f1 /proc/loadavg)"
  samples=$((samples + 1))
  if [ $((samples % 10)) -eq 0 ] && running; then live; fi
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
trials="$(complete)"
last_cpu="$(cpu_seconds "$spid")"
while [ -n "$spid" ] && kill -0 "$spid" 2>/dev/null; do
  last_cpu="$(cpu_seconds "$spid")"
  sleep 2
done
echo "# workers done ($failed failed): $trials COMPLETE trials in $(($(date +%s) - start)) s;" \
     "server CPU $last_cpu s; file after the server stopped: $(size_mb) MB"
cp "$file" "$dir/compact.mv.db"
# H2's Shell reports the closed database after SHUTDOWN COMPACT has rewritten the file: that error is expected
java -XX:+UseSerialGC -cp "$jar" org.h2.tools.Shell -url "jdbc:h2:$dir/compact" -sql "SHUTDOWN COMPACT" \
    >/dev/null 2>&1 || true
echo "# a copy rewritten by SHUTDOWN COMPACT: $(awk -v b="$(stat -c %s "$dir/compact.mv.db")" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
rm -f "$dir/compact.mv.db" "$dir/compact.trace.db"
