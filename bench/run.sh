#!/usr/bin/env bash
# The benchmark: generates synthetic plans of 1k, 10k and 100k activities; times `plan
# check`, `plan status --json` and `plan render --format html` on each (whole process, with
# peak memory) beside the floor, libyaml's bare event loop over the same files on the same
# cores (plan-bench-floor), and yaml-cpp's YAML::Load as a reference; reports the ratios
# issue 13 sets as targets, the shipped plan's whole-process times, the model's type sizes,
# each stage in process, and the exports beside `plan status --json` (bench/exports.sh).
# Writes bench/results.md and copies it into the README (between the `bench:begin` and
# `bench:end` markers).
#   bench/run.sh [SIZES...]        default: 1000 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(1000 10000 100000)
[ $# -gt 0 ] && sizes=("$@")

# What the benchmark needs beyond the build: hyperfine, GNU time, libyaml and yaml-cpp.
need=()
for pkg in hyperfine time libyaml-dev libyaml-cpp-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
[ -f build/CMakeCache.txt ] || scripts/setup.sh >/dev/null
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc)" --target plan plan-bench-generate plan-bench-stages \
  plan-bench-floor plan-bench-sizes >/dev/null

out=bench/results.md
work=build/bench
mkdir -p "$work"
plan=$PWD/build/plan
floor=$PWD/build/plan-bench-floor
cores=$(nproc)
load_before=$(cut -d' ' -f1 /proc/loadavg)

# mean wall seconds of a whole process (hyperfine), or "" when it failed.
# usage: seconds RUNS WARMUP COMMAND...
seconds() {
  local runs=$1 warm=$2 json
  shift 2
  json=$(mktemp)
  if hyperfine -N -i --warmup "$warm" --runs "$runs" --export-json "$json" "$*" >/dev/null 2>&1; then
    grep -m1 '"mean"' "$json" | sed 's/.*"mean": *//; s/,.*//'
  fi
  rm -f "$json"
}
# "PEAK_KIB EXIT_CODE" of one run (GNU time)
peak() {
  local f
  f=$(mktemp)
  /usr/bin/time -o "$f" -f '%M %x' "$@" >/dev/null 2>&1 || true
  tail -1 "$f"
  rm -f "$f"
}
ms() { [ -n "$1" ] && awk -v s="$1" 'BEGIN {printf (s < 0.1 ? "%.1f ms" : "%.0f ms"), s * 1000}' || echo "–"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }
# a ratio against its target: "2.1× ✓" or "3.4× ✗"
ratio() {
  [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" -v t="$3" \
    'BEGIN {r = a / b; printf "%.1f× %s", r, (r <= t ? "✓" : "✗")}' || echo "–"
}

floor_rows="| activities | YAML | floor, $cores threads | floor, 1 thread | yaml-cpp \`YAML::Load\`, $cores threads | plan check | plan status --json | plan render --format html |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
ratio_rows="| activities | check / floor (≤ 2.5×) | status --json / floor (≤ 3×) | render / status --json (≤ 2×) | check memory / YAML (≤ 3×) | status --json memory / YAML (≤ 3×) | render memory / YAML (≤ 5×) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
stages="| activities | read | parse | build model | load (parallel) | index | check | stats | report (--json) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A t_check t_status t_render
prev=""
scale_rows=""

for n in "${sizes[@]}"; do
  dir="$work/plan-$n"
  rm -rf "$dir"
  build/plan-bench-generate "$dir" "$n" 20 2009 >/dev/null
  bytes=$(du -sb "$dir" | cut -f1)
  runs=10 warm=1 heavy_runs=5
  [ "$n" -ge 100000 ] && runs=3 heavy_runs=2
  as_of=(--as-of 2009-06-01)
  f_par=$(seconds "$runs" "$warm" "$floor" "$dir")
  f_one=$(seconds "$runs" "$warm" "$floor" --threads 1 "$dir")
  f_cpp=$(seconds "$heavy_runs" 0 "$floor" --yaml-cpp "$dir")
  t_check[$n]=$(seconds "$runs" "$warm" "$plan" --plan "$dir" check)
  read -r m_check _ < <(peak "$plan" --plan "$dir" check)
  t_status[$n]=$(seconds "$runs" "$warm" "$plan" --plan "$dir" status --json "${as_of[@]}")
  read -r m_status _ < <(peak "$plan" --plan "$dir" status --json "${as_of[@]}")
  read -r m_render render_exit < <(peak "$plan" --plan "$dir" render --format html "${as_of[@]}")
  if [ "$render_exit" = 2 ]; then
    t_render[$n]=""  # refused (too large to render): shown as –
  else
    t_render[$n]=$(seconds "$heavy_runs" 0 "$plan" --plan "$dir" render --format html "${as_of[@]}")
  fi
  yaml_mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b / 1048576}')
  floor_rows+=$'\n'"| $n | $yaml_mb | $(ms "$f_par") | $(ms "$f_one") | $(ms "$f_cpp") | $(ms "${t_check[$n]}"), $(mib "$m_check") | $(ms "${t_status[$n]}"), $(mib "$m_status") | $(ms "${t_render[$n]}"), $(mib "$m_render") |"
  kb=$(awk -v b="$bytes" 'BEGIN {print b / 1024}')
  ratio_rows+=$'\n'"| $n | $(ratio "${t_check[$n]}" "$f_par" 2.5) | $(ratio "${t_status[$n]}" "$f_par" 3) | $(ratio "${t_render[$n]}" "${t_status[$n]}" 2) | $(ratio "$m_check" "$kb" 3) | $(ratio "$m_status" "$kb" 3) | $(ratio "$m_render" "$kb" 5) |"
  if [ -n "$prev" ] && [ "$n" -eq $((prev * 10)) ]; then
    scale_rows+=$'\n'"| $prev → $n | $(ratio "${t_check[$n]}" "${t_check[$prev]}" 10.5) | $(ratio "${t_status[$n]}" "${t_status[$prev]}" 10.5) | $(ratio "${t_render[$n]}" "${t_render[$prev]}" 10.5) |"
  fi
  prev=$n
  unset s_read s_parse s_build s_load s_index s_check s_stats s_report
  eval "$(build/plan-bench-stages "$dir" "$([ "$n" -ge 100000 ] && echo 2 || echo 3)" |
    awk '$1 ~ /^[a-z_]+$/ && $2 ~ /^[0-9.]+$/ {printf "s_%s=%s\n", $1, $2}')"
  stages+=$'\n'"| $n | ${s_read:-–} | ${s_parse:-–} | ${s_build:-–} | ${s_load:-–} | ${s_index:-–} | ${s_check:-–} | ${s_stats:-–} | ${s_report:-–} |"
done

shipped_status=$(seconds 30 3 "$plan" --plan plan status)
shipped_render=$(seconds 30 3 "$plan" --plan plan render --format html)
sizes_line=$(build/plan-bench-sizes | awk '$1 !~ /</ {printf "%s`%s` %s B", sep, $1, $2; sep = ", "}')

# The exports (bench/exports.sh) on the largest plan, which the loop above generated.
exports=$(bench/exports.sh "${sizes[-1]}")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(free -g | awk '/Mem:/ {print $2 " GiB"}')
busy=" No other work was running (load average $load_before before the run, on $cores cores)."
# Only the load before the run says whether other work was running: the load after it is
# mostly the benchmark's own (it runs on every core).
awk -v a="$load_before" -v c="$cores" 'BEGIN {exit !(a > c / 2)}' &&
  busy=" The machine was busy with other work (load average $load_before before the run, on $cores cores): the figures are slower than on an idle machine."
{
  echo "Measured $(date -u +%Y-%m-%d) on $cores cores of ${cpu:-an unknown CPU}, ${mem} of memory.$busy"
  echo "Whole-process wall time (hyperfine, mean) and peak resident memory (GNU time). The floor"
  echo "is what \`plan\` cannot go under: libyaml's bare event loop (\`plan-bench-floor\`: read each"
  echo "file, \`yaml_parser_parse\` until STREAM_END, no tree) over the same files on the same"
  echo "$cores threads \`plan\` loads files with, and on one; yaml-cpp's \`YAML::Load\` of the same files"
  echo "is there only as the reference a user of yaml-cpp would otherwise have."
  echo
  echo "$floor_rows"
  echo
  echo "The ratios issue 13 sets as targets (✓ met, ✗ not):"
  echo
  echo "$ratio_rows"
  echo
  echo "10× the activities, at most 10.5× the time:"
  echo
  echo "| activities | plan check | plan status --json | plan render --format html |"
  echo "| --- | ---: | ---: | ---: |"
  echo "${scale_rows#$'\n'}"
  echo
  echo "The shipped plan (\`plan/\`), whole process, target under 5 ms: \`plan status\`"
  echo "$(ms "$shipped_status"), \`plan render --format html\` $(ms "$shipped_render")."
  echo
  echo "The model's types (\`src/model.hpp\`, \`plan-bench-sizes\`), before the text they hold on the"
  echo "heap: $sizes_line."
  echo
  echo "Stages, in process, best of 3 (2 at 100,000), in milliseconds (parse and build are on one"
  echo "core; the load runs them for all files on every core):"
  echo
  echo "$stages"
  echo
  echo "<!-- exports:begin -->"
  echo
  echo "$exports"
  echo
  echo "<!-- exports:end -->"
} >"$out"

# The README shows the same figures: replace what is between its markers.
if grep -q '<!-- bench:begin -->' README.md; then
  awk -v f="$out" '
    /<!-- bench:begin -->/ { print; print ""; while ((getline l < f) > 0) print l; print ""; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }' README.md >README.md.tmp && mv README.md.tmp README.md
fi
cat "$out"
