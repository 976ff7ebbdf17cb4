#!/usr/bin/env bash
# The language server's benchmark (issue 14's speed targets): builds `plan` and the plan
# generator, generates 100,000 activities in 50 section files, and runs bench/lsp.mjs, which
# drives `plan lsp` through vscode-jsonrpc (the client library of tests/lsp/node) and prints
# a Markdown table: the shipped plan's didChange → publishDiagnostics, the large plan's
# keystroke → fresh diagnostics and completion latency, and the server's memory over many
# edits.
#   bench/lsp.sh [EDITS] [MEMORY_EDITS]        default: 200 10000
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/CMakeCache.txt ] || scripts/setup.sh >/dev/null
[ -d tests/lsp/node/node_modules ] || (cd tests/lsp/node && npm ci --no-audit --no-fund --loglevel=error)
cmake --build build -j"$(nproc)" --target plan plan-bench-generate >/dev/null
dir=build/bench/lsp-100000
[ -f "$dir/plan.yaml" ] || build/plan-bench-generate "$dir" 100000 50 2009 >/dev/null
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores of ${cpu:-an unknown CPU}, load average $(cut -d' ' -f1 /proc/loadavg) before the run."
echo
node bench/lsp.mjs build/plan "$dir" "${1:-200}" "${2:-10000}"
