#!/usr/bin/env bash
# The benchmark: generates synthetic plans of 1k, 10k and 100k activities, times `plan
# check`, `plan status --json` and `plan render --format html` on each (whole process,
# with peak memory), times each stage in process, and measures the floor: yaml-cpp's own
# parse of the same files. Writes bench/results.md.
#   bench/run.sh [SIZES...]        default: 1000 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
[ $# -eq 0 ] && sizes=(1000 10000 100000)

# What the benchmark needs beyond the build: hyperfine, GNU time, and yaml-cpp for the floor.
need=()
for pkg in hyperfine time libyaml-cpp-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
scripts/setup.sh >/dev/null
cmake -S . -B build >/dev/null   # picks up yaml-cpp for plan-bench-stages
cmake --build build -j"$(nproc)" --target plan plan-bench-generate plan-bench-stages >/dev/null

out=bench/results.md
work=build/bench
mkdir -p "$work"
plan=$PWD/build/plan
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(free -g | awk '/Mem:/ {print $2 " GiB"}')
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores of ${cpu:-an unknown CPU}, ${mem} of memory."
  echo "Whole-process wall time (hyperfine, mean) and peak resident memory (GNU time);"
  echo "the floor is yaml-cpp's own parse (YAML::Load) of the same files, in process."
  echo
  echo "| activities | YAML | floor | plan check | plan status --json | plan render --format html |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$out"
stages="| activities | read | parse | build model | load (parallel) | index | check | stats | report (--json) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"

ms() { awk '{printf "%.0f ms", $1 * 1000}'; }
for n in "${sizes[@]}"; do
  dir="$work/plan-$n"
  rm -rf "$dir"
  build/plan-bench-generate "$dir" "$n" 20 2009
  bytes=$(du -sb "$dir" | cut -f1)
  runs=10; [ "$n" -ge 100000 ] && runs=3
  declare -A wall=() peak=()
  for cmd in "check" "status --json --as-of 2009-06-01" "render --format html --as-of 2009-06-01"; do
    json=$(mktemp)
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" "$plan --plan $dir $cmd" >/dev/null 2>&1 || true
    wall[$cmd]=$(grep -m1 '"mean"' "$json" | sed 's/.*"mean": *//; s/,.*//' | ms)
    /usr/bin/time -o "$json" -f '%M' "$plan" --plan "$dir" $cmd >/dev/null 2>&1 || true
    peak[$cmd]=$(tail -1 "$json")
    rm -f "$json"
  done
  eval "$(build/plan-bench-stages "$dir" 3 | awk '{printf "s_%s=%s\n", $1, $2}')"
  mb() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }
  printf '| %s | %.1f MB | %s ms | %s, %s | %s, %s | %s, %s |\n' "$n" "$(awk -v b="$bytes" 'BEGIN {print b / 1048576}')" \
    "$s_floor" "${wall[check]}" "$(mb "${peak[check]}")" \
    "${wall[status --json --as-of 2009-06-01]}" "$(mb "${peak[status --json --as-of 2009-06-01]}")" \
    "${wall[render --format html --as-of 2009-06-01]}" "$(mb "${peak[render --format html --as-of 2009-06-01]}")" >> "$out"
  stages+=$'\n'"| $n | $s_read | $s_parse | $s_build | $s_load | $s_index | $s_check | $s_stats | $s_report |"
done
{
  echo
  echo "Stages, in process, best of 3, in milliseconds (parse and build are on one core; the"
  echo "load runs them for all files on every core):"
  echo
  echo "$stages"
} >> "$out"
cat "$out"
