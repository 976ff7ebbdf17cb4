#!/usr/bin/env bash
# The history benchmark: a repository of COMMITS commits (default 1000) of a plan of 300
# activities, each commit changing one activity's count in one file (as `plan set ID +1`
# would), built with `git fast-import`; then `plan history` timed with hyperfine.
#   bench/history.sh [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-1000}
cmake --build build -j"$(nproc)" --target plan plan-bench-generate >/dev/null
work=$PWD/build/bench/history-repo
rm -rf "$work" && mkdir -p "$work"
build/plan-bench-generate "$work/plan" 300 20 2009 >/dev/null
cd "$work"
git init -q -b main .
files=(plan/activities/*.yaml)
{
  # Commit 1: the whole plan. Each later commit rewrites one section file with one count
  # raised, so every commit changes one blob and shares the rest.
  t=1230768000
  echo "commit refs/heads/main"
  echo "committer Bench <bench@example.org> $t +0200"
  echo "data 10"; echo "Start plan"
  for f in plan/*.yaml plan/activities/*.yaml; do
    echo "M 100644 inline $f"; echo "data $(wc -c < "$f")"; cat "$f"
  done
  for ((i = 1; i < commits; i++)); do
    f=${files[$((i % ${#files[@]}))]}
    # Raise the first "actual: N" in the file by one, in place.
    awk 'BEGIN{done=0} { if (!done && match($0, /actual: [0-9]+/)) { n = substr($0, RSTART+8, RLENGTH-8) + 1; $0 = substr($0, 1, RSTART-1) "actual: " n substr($0, RSTART+RLENGTH); done=1 } print }' "$f" > "$f.new" && mv "$f.new" "$f"
    echo "commit refs/heads/main"
    echo "committer Bench <bench@example.org> $((t + i * 3600)) +0200"
    msg="One more in $f"; echo "data ${#msg}"; echo "$msg"
    echo "M 100644 inline $f"; echo "data $(wc -c < "$f")"; cat "$f"
  done
} | git fast-import --quiet
git reset -q --hard main
cd - >/dev/null
echo "$(git -C "$work" rev-list --count HEAD) commits of a plan of $(grep -c '^ *- id: a' "$work"/plan/activities/*.yaml | awk -F: '{s += $2} END {print s}') top-level activities"
hyperfine -N --warmup 1 --runs 5 "$PWD/build/plan --plan $work/plan history" 2>&1 | grep -E "Time|Range"
/usr/bin/time -f "peak memory: %M KB" "$PWD/build/plan" --plan "$work/plan" history > /dev/null
