#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UndefinedBehaviorSanitizer
# on) into build-fuzz/, seeds each corpus from the test plans, and runs each target for
# SECONDS (default 600). Findings land in fuzz/findings/; each one becomes a regression
# input under tests/fuzz-regressions/ once understood and fixed.
#   fuzz/run.sh [SECONDS] [TARGET...]      targets: fuzz_load_check fuzz_pipeline fuzz_set fuzz_edit fuzz_template fuzz_lsp fuzz_workspace
# fuzz_lsp reads its input as a program of protocol messages (fuzz/fuzz_lsp.cpp); the plan files
# seed it too, as programs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ $# -eq 0 ] && targets=(fuzz_load_check fuzz_pipeline fuzz_set fuzz_edit fuzz_template fuzz_lsp fuzz_workspace)
need=()
for pkg in clang libclang-rt-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DPLAN_FUZZ=ON -DPLAN_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}" >/dev/null
mkdir -p fuzz/findings
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus-$t
  mkdir -p "$corpus"
  # Seeds: every plan file of the tests, and the fuzz regressions; templates for the
  # template target.
  if [ "$t" = fuzz_template ]; then
    seeds="templates tests/golden"; pattern='*.mustache'
  elif [ "$t" = fuzz_workspace ]; then
    seeds="tests/golden examples"; pattern='plans.yaml'
  else
    seeds="tests/golden tests/corpus tests/fuzz-regressions plan"; pattern='*.yaml'
  fi
  { find $seeds -name "$pattern" -type f 2>/dev/null || true; } |
    while read -r f; do cp "$f" "$corpus/$(echo "$f" | tr '/' '_')"; done
  if [ "$t" = fuzz_edit ]; then
    # Plans of several files (fuzz/fuzz_edit.cpp reads up to three, split at \x01), each
    # with a NUL and a first choice byte for set, add and rename: renames across files.
    { find tests/golden tests/corpus plan -name '*.yaml' -type f -printf '%h\n' 2>/dev/null ||
      true; } | sort | uniq -d | while read -r d; do
      files=$(find "$d" -maxdepth 1 -name '*.yaml' -type f | sort | head -3)
      for op in 0 1 2; do
        { first=1; for f in $files; do
            [ $first = 1 ] || printf '\001'; first=0; cat "$f"; done
          printf "\\000\\00${op}\\007\\003\\041\\101"; } > "$corpus/multi_$(echo "$d" | tr '/' '_')_$op"
      done
    done
  fi
  ( build-fuzz/$t "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix=fuzz/findings/$t- -print_final_stats=1 \
      > "build-fuzz/$t.log" 2>&1; echo "$t exit $?" >> build-fuzz/$t.log ) &
done
wait
for t in "${targets[@]}"; do
  echo "== $t"
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|exit [0-9]+|ERROR|SUMMARY" "build-fuzz/$t.log" || true
done
ls fuzz/findings 2>/dev/null | head
