#!/usr/bin/env bash
# The exports' benchmark (issue 17): on the synthetic plans of bench/run.sh, times `plan
# export --format csv|xlsx|ics` (whole process, written to a file, with peak memory) beside
# `plan status --json`; the target is at most 2× its time. Prints a Markdown block;
# bench/run.sh puts it in bench/results.md and the README. Run alone, with --write, it
# replaces the block between the `exports:begin` and `exports:end` markers in both files
# (so the exports can be measured without the full benchmark).
#   bench/exports.sh [--write] [SIZES...]        default: 100000
set -euo pipefail
cd "$(dirname "$0")/.."
write=""
[ "${1:-}" = "--write" ] && write=1 && shift
sizes=(100000)
[ $# -gt 0 ] && sizes=("$@")

cmake --build build -j"$(nproc)" --target plan plan-bench-generate >/dev/null
plan=$PWD/build/plan
work=build/bench
mkdir -p "$work"

# "WALL CPU": mean wall seconds and mean CPU seconds (user + system) of a whole process
# (hyperfine), or "" when it failed. CPU time says more than wall time on a busy machine.
seconds() {
  local runs=$1 json
  shift
  json=$(mktemp)
  if hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" "$*" >/dev/null 2>&1; then
    awk -F': *' '/"mean"/ && !w {gsub(/,/, "", $2); w = $2}
      /"user"/ && !u {gsub(/,/, "", $2); u = $2}
      /"system"/ && !s {gsub(/,/, "", $2); s = $2}
      END {print w, u + s}' "$json"
  fi
  rm -f "$json"
}
peak() {  # peak resident KiB of one run (GNU time)
  local f
  f=$(mktemp)
  /usr/bin/time -o "$f" -f '%M' "$@" >/dev/null 2>&1 || true
  tail -1 "$f"
  rm -f "$f"
}
ms() { [ -n "$1" ] && awk -v s="$1" 'BEGIN {printf (s < 0.1 ? "%.1f ms" : "%.0f ms"), s * 1000}' || echo "–"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }
ratio() {
  [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" -v t="$3" \
    'BEGIN {r = a / b; printf "%.1f× %s", r, (r <= t ? "✓" : "✗")}' || echo "–"
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
rows="| activities | plan status --json | export csv | export xlsx | export ics | csv / status (≤ 2×) | xlsx / status (≤ 2×) | ics / status (≤ 2×) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  dir="$work/plan-$n"
  [ -d "$dir" ] || build/plan-bench-generate "$dir" "$n" 20 2009 >/dev/null
  runs=5
  [ "$n" -ge 100000 ] && runs=3
  as_of=(--as-of 2009-06-01)
  read -r status status_cpu < <(seconds "$runs" "$plan" --plan "$dir" status --json "${as_of[@]}")
  m_status=$(peak "$plan" --plan "$dir" status --json "${as_of[@]}")
  cells=()
  ratios=()
  for format in csv xlsx ics; do
    out="$work/export-$n.$format"
    read -r t t_cpu < <(seconds "$runs" "$plan" --plan "$dir" export --format "$format" "${as_of[@]}" -o "$out")
    m=$(peak "$plan" --plan "$dir" export --format "$format" "${as_of[@]}" -o "$out")
    cells+=("$(ms "$t") (CPU $(ms "$t_cpu")), $(mib "$m"), $(du -k "$out" | awk '{printf "%.1f MB", $1 / 1024}')")
    ratios+=("$(ratio "$t" "$status" 2) (CPU $(ratio "$t_cpu" "$status_cpu" 2))")
  done
  rows+=$'\n'"| $n | $(ms "$status") (CPU $(ms "$status_cpu")), $(mib "$m_status") | ${cells[0]} | ${cells[1]} | ${cells[2]} | ${ratios[0]} | ${ratios[1]} | ${ratios[2]} |"
done

block="Exports (\`plan export\`, issue 17): whole process writing to a file with \`-o\`, mean wall
time and CPU time (user + system; hyperfine), peak resident memory (GNU time) and the file's
size, beside \`plan status --json\` of the same plan; the target is at most 2× its time.
Load average $load_before before the run, on $(nproc) cores$(awk -v a="$load_before" -v c="$(nproc)" 'BEGIN {if (a > c / 2) printf ": the machine was busy, the CPU times are the figures to trust"}').

$rows"

if [ -n "$write" ]; then
  for f in bench/results.md README.md; do
    grep -q '<!-- exports:begin -->' "$f" || continue
    awk -v b="$block" '
      /<!-- exports:begin -->/ { print; print ""; print b; print ""; skip = 1; next }
      /<!-- exports:end -->/ { skip = 0 }
      !skip { print }' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
  done
fi
echo "$block"
