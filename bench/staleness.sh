#!/usr/bin/env bash
# The staleness benchmark (issue 15): UNITS plan folders of ACTIVITIES activities each
# (default 250 × 200, units/uNNN/plan, written by plan-bench-generate) in one repository
# with a history of COMMITS commits (default 2,000) built with `git fast-import` at fixed
# dates: commit 1 holds every unit, each later one changes one activity in one file of one
# unit (its count raised, or, every third commit, its status moved on), an hour apart from
# 2009-01-01. Then read_change_logs over all the units (plan-bench-staleness) and
# `plan status` of one unit with and without history (PLAN_HISTORY=0), timed.
#   bench/staleness.sh [UNITS] [ACTIVITIES] [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-250}
activities=${2:-200}
commits=${3:-2000}
cmake --build build -j2 --target plan plan-bench-generate plan-bench-staleness >/dev/null
root=$PWD
work=$PWD/build/bench/staleness
rm -rf "$work" && mkdir -p "$work"
for ((u = 0; u < units; u++)); do
  build/plan-bench-generate "$work/units/$(printf 'u%03d' "$u")/plan" "$activities" 4 $((2009 + u)) >/dev/null
done
cd "$work"
git init -q -b main .
files=()
while IFS= read -r f; do files+=("$f"); done < <(find units -path '*/activities/*.yaml' | sort)
{
  t=1230768000 # 2009-01-01 00:00 UTC
  echo "commit refs/heads/main"
  echo "committer Bench <bench@example.org> $t +0200"
  echo "data 13"; echo "Start of year"
  while IFS= read -r f; do
    echo "M 100644 inline $f"; echo "data $(wc -c < "$f")"; cat "$f"
  done < <(find units -type f | sort)
  for ((i = 1; i < commits; i++)); do
    f=${files[$(((i * 7919) % ${#files[@]}))]}
    if ((i % 3 == 0)); then # a status moves on: the first planned activity starts
      awk 'BEGIN{d=0} { if (!d && sub(/status: planned/, "status: in-progress")) d=1; print }' "$f" > "$f.new"
    else # one more: the first count raised by one
      awk 'BEGIN{d=0} { if (!d && match($0, /actual: [0-9]+/)) { n = substr($0, RSTART+8, RLENGTH-8) + 1; $0 = substr($0, 1, RSTART-1) "actual: " n substr($0, RSTART+RLENGTH); d=1 } print }' "$f" > "$f.new"
    fi
    mv "$f.new" "$f"
    echo "commit refs/heads/main"
    echo "committer Bench <bench@example.org> $((t + i * 3600)) +0200"
    msg="Progress in $f"; echo "data ${#msg}"; echo "$msg"
    echo "M 100644 inline $f"; echo "data $(wc -c < "$f")"; cat "$f"
  done
} | git fast-import --quiet
git reset -q --hard main
echo "$units units × $activities activities, $(git rev-list --count HEAD) commits, the last on $(git log -1 --format=%cs)"
as_of=2009-06-30
"$root/build/plan-bench-staleness" $as_of units/*/plan
"$root/build/plan-bench-staleness" $as_of units/*/plan
hyperfine -N --warmup 1 --runs 5 "$root/build/plan-bench-staleness $as_of $(echo units/*/plan)" 2>&1 | grep -E "Time|Range"
unit=units/u000/plan
echo "## plan status of one unit, history off"
hyperfine -N --warmup 1 --runs 5 "env PLAN_HISTORY=0 $root/build/plan --plan $unit status --as-of $as_of" 2>&1 | grep -E "Time|Range"
echo "## plan status of one unit, with staleness from the whole history"
hyperfine -N --warmup 1 --runs 5 "$root/build/plan --plan $unit status --as-of $as_of" 2>&1 | grep -E "Time|Range"
/usr/bin/time -f "peak memory of read_change_logs over all units: %M KB" "$root/build/plan-bench-staleness" $as_of units/*/plan >/dev/null
