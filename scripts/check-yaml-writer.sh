#!/usr/bin/env bash
# One writer of YAML text: src/edit/yaml_scalar.* (yaml-cpp's YAML::Emitter). Fails (exit 1)
# naming each file:line under src/ that quotes or escapes YAML by hand instead: a value
# wrapped in quote characters (`"'" + v + "'"`, `'"' + v + '"'`, `fmt::format("'{}'", v)`,
# `"{}: \"{}\""`), a quote doubled or escaped (`"''"`, `"\\\""`), or a quoting helper of its
# own (`plain_safe(`, `double_quoted(`…). src/render/ is left out: it writes other formats
# (CSV, JSON, HTML, the terminal), whose quoting is theirs.
# A line that matches and is not YAML (a message quoting a name for a person) says so with
# `// not YAML` and why, on the same line.
# First the patterns must find every line of tests/check-yaml-writer/planted.cpp marked
# `// planted`: a check that has stopped finding anything fails too. Exit 2 when that fails.
#   scripts/check-yaml-writer.sh [ROOT]      (ROOT holds src/ and tests/; default: this repo)
# bash, grep -E and POSIX tools only: CI runs it before building anything.
set -euo pipefail
root="${1:-$(dirname "$0")/..}"
cd "$root"
patterns=$(mktemp)
trap 'rm -f "$patterns"' EXIT
# One extended regular expression a line; EXPR is a C++ operand (a name, a member, a call).
expr='[A-Za-z_][][A-Za-z0-9_.:>()-]*'
cat > "$patterns" <<PATTERNS
"'" *\+ *$expr *\+ *"'"
"\\\\"" *\+ *$expr *\+ *"\\\\""
'"' *\+ *$expr *\+ *'"'
'\\\\'' *\+ *$expr *\+ *'\\\\''
"(\{\}: *)?'\{\}'"
"(\{\}: *)?\\\\"\{\}\\\\""
"''"
"\\\\\\\\\\\\""
(^|[^A-Za-z_:])(plain_safe|double_quoted|single_quoted|quote_yaml|yaml_quote|yaml_escape|escape_yaml)\s*\(
PATTERNS

planted=tests/check-yaml-writer/planted.cpp
mark='// planted$'
want=$(grep -c "$mark" "$planted" || true)
found=$(grep -Ef "$patterns" "$planted" | grep -c "$mark" || true)
missed=$(grep "$mark" "$planted" | grep -vEf "$patterns" || true)
if [ "$want" -eq 0 ] || [ "$found" -ne "$want" ]; then
  echo "check-yaml-writer: the patterns find $found of the $want planted lines in $planted:" >&2
  printf '%s\n' "$missed" >&2
  exit 2
fi

hits=$(find src -path src/render -prune -o -type f \( -name '*.cpp' -o -name '*.hpp' \) -print |
  grep -v '^src/edit/yaml_scalar\.' | LC_ALL=C sort |
  xargs grep -HnEf "$patterns" /dev/null | grep -v '// not YAML' || true)
if [ -n "$hits" ]; then
  echo "check-yaml-writer: YAML quoted by hand outside src/edit/yaml_scalar.*; write the value" >&2
  echo "with yaml_scalar() (or mark a line that is not YAML with '// not YAML: why'):" >&2
  printf '%s\n' "$hits" >&2
  exit 1
fi
