#!/usr/bin/env bash
# Runs one Neovim check of `plan lsp` (tests/lsp/nvim/CHECK.lua) in headless Neovim, with
# Neovim's built-in LSP client, on a copy of the shipped plan (the repository's plan/ is
# never edited).
#
# Usage: tests/lsp/nvim/run.sh PLAN_BINARY SOURCE_DIR CHECK
# Exit: 0 passed; 1 failed; 77 skipped (CTest's SKIP_RETURN_CODE): Neovim is not installed
# (outside CI only: with CI=true its absence is a failure), or PLAN_PENDING names the
# feature the failing check waits for.
#
# Works with Neovim 0.7 (Debian 12), which has no `-l`: the script runs through
# `-c luafile` and ends Neovim itself (`qall!`, `cquit N`).
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 PLAN_BINARY SOURCE_DIR CHECK" >&2
  exit 2
fi
plan=$1 source=$2 check=$3
here="$source/tests/lsp/nvim"

if ! command -v nvim >/dev/null; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: nvim is not installed (scripts/setup.sh installs Debian's neovim package)" >&2
    exit 1
  fi
  echo "SKIPPED: nvim is not installed (sudo apt-get install neovim, or scripts/setup.sh)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/workspace" "$work/home"
cp -R "$source/plan" "$work/workspace/plan"
cp -R "$source/schema" "$work/workspace/schema" # the files' modelines point at it

# Neovim and `plan` get a fixed, self-contained environment: UTF-8 whatever LANG was, no
# terminal, no user configuration, its state (the LSP log) inside the temporary folder.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export XDG_STATE_HOME="$work/home/state" XDG_CACHE_HOME="$work/home/cache"
unset PLAN_DIR NO_COLOR VIMINIT MYVIMRC
export PLAN_BINARY="$plan" PLAN_TEST_WORKSPACE="$work/workspace"
# The README's snippets start `plan` from PATH: the one just built comes first.
export PATH="$(cd "$(dirname "$plan")" && pwd):$PATH"


cd "$work/workspace"
# `timeout`: a server that hangs fails the check here rather than at CTest's TIMEOUT.
timeout -k 5 120 nvim --headless --clean -n -i NONE \
  -c "luafile $here/$check.lua" </dev/null
status=$?
if [ $status -eq 124 ]; then
  echo "FAIL $check: Neovim did not finish within 120 s"
fi
if [ $status -ne 0 ] && [ $status -ne 77 ]; then
  log=$(find "$work/home" -name 'lsp.log' 2>/dev/null | head -1)
  if [ -n "$log" ] && [ -s "$log" ]; then
    echo "--- Neovim's LSP log (last lines) ---"
    tail -n 40 "$log"
  fi
fi
exit $status
