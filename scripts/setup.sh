#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks, builds `plan` into build/, and runs
# `plan status` on the shipped plan. Safe to run again: it installs and rebuilds only
# what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/debian-packages.txt

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The protocol tests of `plan lsp` (tests/lsp/node) run on node with a client library from
# npm: Debian's nodejs and npm when the machine has no node of its own, then the package's
# locked dependencies, again only when the lock file is newer than what was installed.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing: nodejs npm"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm
fi
# The same for the code-scanning formats' validation (tests/sarif: ajv and the SARIF schema)
# and the terminal engine of VS Code (tests/terminal/node: @xterm/headless).
for dir in tests/lsp/node tests/sarif tests/terminal/node; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
    [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# CI builds with warnings as errors; a person's build only shows them.
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLAN_WERROR="$werror" >/dev/null
cmake --build build -j"$(nproc)"

./build/plan --plan plan status
