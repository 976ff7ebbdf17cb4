#!/usr/bin/env bash
# Rewrites the expected files of golden cases from the current binary. Updating goldens is a
# deliberate act: run it, then read `git diff tests/golden` before committing.
#   tests/golden/update.sh            every case
#   tests/golden/update.sh NAME...    only these
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plan=${PLAN:-$here/../../build/plan}
[ -x "$plan" ] || { echo "no binary at $plan; build first (or set PLAN)" >&2; exit 2; }
if [ $# -eq 0 ]; then
  set -- $(cd "$here" && for d in */; do [ -f "$d/args" ] && echo "${d%/}"; done)
fi
for name in "$@"; do
  cmake -DPLAN="$(realpath "$plan")" -DCASE="$here/$name" -DUPDATE=1 -P "$here/run_case.cmake"
  echo "updated $name"
done
