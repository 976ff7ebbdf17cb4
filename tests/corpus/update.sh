#!/usr/bin/env bash
# Rewrites the `expected` files of corpus cases from the current binary: line 1 the exit
# code of `plan check`, line 2 the first line it prints on stderr. Updating them is a
# deliberate act: run it, then read `git diff tests/corpus` before committing.
#   tests/corpus/update.sh            every case
#   tests/corpus/update.sh NAME...    only these
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plan=${PLAN:-$here/../../build/plan}
[ -x "$plan" ] || { echo "no binary at $plan; build first (or set PLAN)" >&2; exit 2; }
if [ $# -eq 0 ]; then
  set -- $(cd "$here" && for d in */; do [ -d "$d/plan" ] && echo "${d%/}"; done)
fi
for name in "$@"; do
  cmake -DPLAN="$(realpath "$plan")" -DCASE="$here/$name" -DUPDATE=1 -P "$here/run_corpus.cmake"
  echo "updated $name"
done
