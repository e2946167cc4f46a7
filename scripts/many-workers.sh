#!/usr/bin/env bash
# Exactness of many worker processes on one study: scripts/many-workers.sh WORKERS TRIALS [STORAGE]
# starts WORKERS 'nas search' processes at once on a new study (random sampler, sphere, TRIALS each)
# and checks that every worker exits 0 and the study holds exactly WORKERS*TRIALS COMPLETE trials
# numbered 0..N-1 and nothing else. STORAGE defaults to an H2 file in a new temporary directory
# (reached through its storage server); pass a jdbc:postgresql:// URL to check PostgreSQL.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
workers="${1:?usage: scripts/many-workers.sh WORKERS TRIALS [STORAGE]}"
trials="${2:?usage: scripts/many-workers.sh WORKERS TRIALS [STORAGE]}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/nas-many-workers.XXXXXX")"
storage="${3:-$tmp/studies}"
study="many-$$-$(date +%s)"
"$root/nas" --version >/dev/null # builds once, before the workers start
start=$(date +%s.%N)
pids=()
for ((w = 0; w < workers; w++)); do
  "$root/nas" search --study "$study" --storage "$storage" --objective sphere --dim 2 --sampler random \
      --seed 1 --n-trials "$trials" --quiet >"$tmp/worker-$w.out" 2>"$tmp/worker-$w.err" &
  pids+=($!)
done
failed=0
for ((w = 0; w < workers; w++)); do
  if ! wait "${pids[$w]}"; then
    failed=$((failed + 1))
    echo "worker $w failed: $(tail -1 "$tmp/worker-$w.err")" >&2
  fi
done
end=$(date +%s.%N)
"$root/nas" trials --study "$study" --storage "$storage" --format csv >"$tmp/trials.csv"
expected=$((workers * trials))
# columns: number,state,...: count COMPLETE rows, other rows, and whether the numbers are 0..N-1 in order
read -r complete other inorder < <(awk -F, 'NR > 1 { if ($2 == "COMPLETE") c++; else o++; if ($1 != NR - 2) bad = 1 }
    END { print c + 0, o + 0, (bad ? "no" : "yes") }' "$tmp/trials.csv")
seconds=$(echo "$end - $start" | bc)
echo "$workers workers x $trials trials on $storage: $complete COMPLETE (expected $expected), $other other rows," \
     "numbers 0..N-1 in order: $inorder, failed workers: $failed, $seconds s"
rm -rf "$tmp"
[ "$complete" -eq "$expected" ] && [ "$other" -eq 0 ] && [ "$inorder" = yes ] && [ "$failed" -eq 0 ]
