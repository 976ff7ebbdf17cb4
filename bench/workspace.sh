#!/usr/bin/env bash
# The workspace benchmark (issue 15): a workspace of UNITS unit plans of ACTIVITIES activities
# each (default 250 × 200) plus an HQ plan whose goals their targets serve, written by
# plan-bench-generate --units; `plan check` and `plan status` over it timed with hyperfine
# (whole process, with peak memory), first without history (PLAN_HISTORY=0), then with
# staleness read from a git history of COMMITS commits (default 2,000): commit 1 holds the whole workspace, each
# later one raises one activity's count in one file of one unit (as `plan set ID +1` would),
# an hour apart, built with `git fast-import`.
#   bench/workspace.sh [UNITS] [ACTIVITIES] [COMMITS]      (COMMITS 0: no history run)
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-250}
activities=${2:-200}
commits=${3:-2000}
cmake --build build -j"$(nproc)" --target plan plan-bench-generate >/dev/null
plan=$PWD/build/plan
work=$PWD/build/bench/workspace
rm -rf "$work"
build/plan-bench-generate --units "$units" "$work" "$activities" >/dev/null
total=$(grep -rhc '^ *- id: a' "$work/units" | awk '{s += $1} END {print s}')
echo "$units units, $total activities in the units ($(du -sh "$work" | cut -f1) of YAML), plus hq/plan"
as_of=2009-06-30

# Whole-process time of `plan COMMAND` in the workspace's folder (found there as plans.yaml),
# with the environment given: hyperfine's mean and range (CPU time beside it), GNU time's
# peak memory.
# usage: time_plan LABEL "COMMAND ARGS" VAR=VALUE...
time_plan() {
  local label=$1 args=$2
  shift 2
  echo "## plan $args ($label)"
  (cd "$work" && hyperfine -N --warmup 1 --runs 5 "env $* $plan $args" 2>&1 | grep -E "Time|Range") ||
    echo "  failed (not exit 0)"
  (cd "$work" && env "$@" /usr/bin/time -f "peak memory: %M KB, exit %x" $plan $args 2>&1 >/dev/null | tail -1) || true
}
time_status() {
  local label=$1
  shift
  time_plan "$label" "check" "$@"
  time_plan "$label" "status --as-of $as_of" "$@"
}

# Without history: no repository yet, and history turned off besides.
time_status nohistory PLAN_HISTORY=0
[ "$commits" -gt 0 ] || exit 0

# The history.
cd "$work"
git init -q -b main .
files=()
while IFS= read -r f; do files+=("$f"); done < <(find units -path '*/activities/*.yaml' | sort)
{
  t=1230768000 # 2009-01-01
  echo "commit refs/heads/main"
  echo "committer Bench <bench@example.org> $t +0200"
  msg="Start of year"; echo "data ${#msg}"; echo "$msg"
  while IFS= read -r f; do
    echo "M 100644 inline $f"; echo "data $(wc -c < "$f")"; cat "$f"
  done < <(find plans.yaml hq units -type f | sort)
  for ((i = 1; i < commits; i++)); do
    # Spread the commits over the units: unit (i mod units), one of its files in turn.
    f=${files[$(((i * 7919) % ${#files[@]}))]}
    awk 'BEGIN{done=0} { if (!done && match($0, /actual: [0-9]+/)) { n = substr($0, RSTART+8, RLENGTH-8) + 1; $0 = substr($0, 1, RSTART-1) "actual: " n substr($0, RSTART+RLENGTH); done=1 } print }' "$f" > "$f.new" && mv "$f.new" "$f"
    echo "commit refs/heads/main"
    echo "committer Bench <bench@example.org> $((t + i * 3600)) +0200"
    msg="One more in $f"; echo "data ${#msg}"; echo "$msg"
    echo "M 100644 inline $f"; echo "data $(wc -c < "$f")"; cat "$f"
  done
} | git fast-import --quiet
git reset -q --hard main
cd - >/dev/null
echo "$(git -C "$work" rev-list --count HEAD) commits, the last on $(git -C "$work" log -1 --format=%cs)"
time_status history PLAN_HISTORY=1
