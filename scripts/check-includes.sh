#!/usr/bin/env bash
# Checks every `#include "..."` under src/ against the folder table in ARCHITECTURE.md, the
# one place that says which part of the code may include which. Fails (exit 1) naming each
# offending file:line and the rule it breaks; exit 2 when the table itself cannot be read.
#   scripts/check-includes.sh [ROOT]     (ROOT holds ARCHITECTURE.md and src/; default: this repo)
#
# The table: the first column names the paths a row covers in backticks (`src/load/` a
# folder, `src/model.*` or `src/main.cpp` files); the "may include" column names, in
# backticks, the parts that row may include: a part is named by its path below src/ without
# the extension (`load`, `model`), or one file of a part (`load/yaml_tree`); the word
# "everything" allows all. The files of one row always include each other. The "may not include"
# column is for people, but may not contradict the other. A second table, with an "only in"
# column, keeps a library's headers (`yaml.h`, or a folder `yaml-cpp/`) to the files or
# folders it names.
# bash and POSIX awk only (mawk is enough): CI runs it before building anything.
set -euo pipefail
root="${1:-$(dirname "$0")/..}"
table="$root/ARCHITECTURE.md"
if [ ! -f "$table" ] || [ ! -d "$root/src" ]; then
  echo "check-includes: no ARCHITECTURE.md and src/ in '$root'" >&2
  exit 2
fi
cd "$root"

# Four inputs, told apart by a leading tag: the table's lines, every source file, every
# quoted include and every <library> include as grep -n prints them (path:line:text).
{
  sed 's/^/T /' ARCHITECTURE.md
  find src -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | LC_ALL=C sort | sed 's/^/F /'
  find src -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | LC_ALL=C sort |
    xargs grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' /dev/null | sed 's/^/I /' || true
  find src -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | LC_ALL=C sort |
    xargs grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' /dev/null | sed 's/^/S /' || true
} | awk '
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
# The words in backticks of a cell, into arr[1..n]; returns n.
function ticked(cell, arr,    n, rest, a, b) {
  n = 0; rest = cell
  while ((a = index(rest, "`")) > 0) {
    rest = substr(rest, a + 1); b = index(rest, "`")
    if (b == 0) break
    arr[++n] = substr(rest, 1, b - 1); rest = substr(rest, b + 1)
  }
  return n
}
function fail_table(msg) { print "ARCHITECTURE.md: " msg > "/dev/stderr"; table_bad = 1 }
# The part a path below src/ belongs to, or "" when no row covers it.
function part_of(p,    i, best, bl) {
  best = ""; bl = -1
  for (i = 1; i <= npat; i++) {
    if (pat_dir[i]) { if (index(p, pat[i]) == 1 && length(pat[i]) > bl) { best = pat_part[i]; bl = length(pat[i]) } }
    else if (p == pat[i] || (pat_glob[i] && index(p, pat[i]) == 1 && index(substr(p, length(pat[i]) + 1), "/") == 0)) {
      if (length(pat[i]) > bl) { best = pat_part[i]; bl = length(pat[i]) }
    }
  }
  return best
}
function stem(p) { sub(/\.[^.\/]*$/, "", p); return p }

$1 == "T" && in_libs {
  line = substr($0, 3)
  if (line !~ /^\|/) { in_libs = 0; next }
  if (line ~ /^\|[ \t:-]*\|/) next
  n = split(line, cells, "|"); nlib++
  lib_name[nlib] = trim(cells[2])
  nh = ticked(cells[lib_col_h], hs); lib_heads[nlib] = nh
  for (i = 1; i <= nh; i++) lib_head[nlib, i] = hs[i]
  np = ticked(cells[lib_col_only], ps); lib_places[nlib] = np
  lib_where[nlib] = ""
  for (i = 1; i <= np; i++) {
    if (index(ps[i], "src/") != 1) fail_table("library " lib_name[nlib] ": \"" ps[i] "\" is not a path under src/")
    lib_place[nlib, i] = ps[i]
    lib_where[nlib] = lib_where[nlib] (i > 1 ? ", " : "") ps[i]
  }
  if (nh == 0 || np == 0) fail_table("library " lib_name[nlib] ": no header or no place in backticks")
  next
}
$1 == "T" && !in_table && substr($0, 3) ~ /^\|/ && substr($0, 3) ~ /only in/ {
  in_libs = 1; n = split(substr($0, 3), h, "|")
  for (i = 1; i <= n; i++) {
    c = trim(h[i])
    if (c == "header") lib_col_h = i
    if (c == "only in") lib_col_only = i
  }
  if (!lib_col_h) fail_table("the library table has no \"header\" column")
  next
}
$1 == "T" {
  line = substr($0, 3)
  if (!in_table) {
    if (line ~ /^\|/ && line ~ /may include/) {
      in_table = 1; n = split(line, h, "|")
      for (i = 1; i <= n; i++) {
        c = trim(h[i])
        if (c == "may include") col_may = i
        if (c == "may not include") col_not = i
      }
      if (!col_may) fail_table("the folder table has no \"may include\" column")
      found = 1
    }
    next
  }
  if (line !~ /^\|/) { in_table = 0; next }
  if (line ~ /^\|[ \t:-]*\|/) next  # the separator under the header
  nrow++; n = split(line, cells, "|")
  np = ticked(cells[2], paths)
  if (np == 0) fail_table("a row names no path in backticks: " line)
  row_parts[nrow] = ""
  for (i = 1; i <= np; i++) {
    p = paths[i]
    if (index(p, "src/") != 1) { fail_table("\"" p "\" is not a path under src/"); continue }
    p = substr(p, 5); npat++
    if (p ~ /\/$/) { pat_dir[npat] = 1; pat[npat] = p; part = substr(p, 1, length(p) - 1) }
    else if (p ~ /\.\*$/) { pat_glob[npat] = 1; pat[npat] = substr(p, 1, length(p) - 1); part = substr(p, 1, length(p) - 2) }
    else { pat[npat] = p; part = stem(p) }
    pat_part[npat] = part; part_row[part] = nrow; known[part] = 1
    row_parts[nrow] = row_parts[nrow] (row_parts[nrow] == "" ? "" : ", ") part
  }
  row_may[nrow] = cells[col_may]; row_not[nrow] = col_not ? cells[col_not] : ""
  next
}
$1 == "F" { nfile++; file[nfile] = $2; next }
$1 == "I" {
  rest = substr($0, 3); a = index(rest, ":"); path = substr(rest, 1, a - 1)
  rest = substr(rest, a + 1); b = index(rest, ":"); ln = substr(rest, 1, b - 1)
  text = substr(rest, b + 1); q = index(text, "\""); text = substr(text, q + 1)
  ninc++; inc_file[ninc] = path; inc_line[ninc] = ln; inc_target[ninc] = substr(text, 1, index(text, "\"") - 1)
  next
}
$1 == "S" {
  rest = substr($0, 3); a = index(rest, ":"); path = substr(rest, 1, a - 1)
  rest = substr(rest, a + 1); b = index(rest, ":"); ln = substr(rest, 1, b - 1)
  text = substr(rest, b + 1); q = index(text, "<"); text = substr(text, q + 1)
  nsys++; sys_file[nsys] = path; sys_line[nsys] = ln; sys_target[nsys] = substr(text, 1, index(text, ">") - 1)
  next
}
END {
  if (!found) { print "ARCHITECTURE.md: no folder table with a \"may include\" column" > "/dev/stderr"; exit 2 }
  for (i = 1; i <= nfile; i++) stems[stem(substr(file[i], 5))] = 1
  # What each row may include, checked against the parts the table knows.
  for (r = 1; r <= nrow; r++) {
    all[r] = row_may[r] ~ /everything/
    n = ticked(row_may[r], m); allowed[r] = ""
    for (i = 1; i <= n; i++) {
      if (index(m[i], "/") ? !(m[i] in stems) : !(m[i] in known))
        fail_table("row " row_parts[r] ": may include `" m[i] "`, which is neither a part nor a file of one")
      may[r, m[i]] = 1; allowed[r] = allowed[r] (allowed[r] == "" ? "" : ", ") m[i]
    }
    n = ticked(row_not[r], m)
    for (i = 1; i <= n; i++) {
      if (!(m[i] in known)) fail_table("row " row_parts[r] ": may not include unknown part `" m[i] "`")
      if ((r, m[i]) in may || all[r]) fail_table("row " row_parts[r] ": `" m[i] "` is both allowed and not")
    }
  }
  if (table_bad) exit 2
  bad = 0
  for (i = 1; i <= nfile; i++) {
    p = substr(file[i], 5)
    if (part_of(p) == "") { print file[i] ": no row of the table in ARCHITECTURE.md covers this file"; bad = 1 }
  }
  for (i = 1; i <= ninc; i++) {
    from = part_of(substr(inc_file[i], 5)); if (from == "") continue  # reported above
    t = inc_target[i]; to = part_of(t); r = part_row[from]
    if (to == "") {
      print inc_file[i] ":" inc_line[i] ": includes \"" t "\", which is no file of a part in the table"
      bad = 1; continue
    }
    if (part_row[to] == r || all[r] || (r, to) in may || (r, stem(t)) in may) continue
    print inc_file[i] ":" inc_line[i] ": includes \"" t "\" (" to "), but ARCHITECTURE.md lets " \
          from " include only " (allowed[r] == "" ? "nothing of ours" : allowed[r])
    bad = 1
  }
  # The headers of a library only where its row in the library table says.
  for (i = 1; i <= nsys; i++) {
    t = sys_target[i]
    for (l = 1; l <= nlib; l++) {
      hit = 0
      for (j = 1; j <= lib_heads[l]; j++) {
        hd = lib_head[l, j]
        if (t == hd || (hd ~ /\/$/ && index(t, hd) == 1)) hit = 1
      }
      if (!hit) continue
      ok = 0
      for (j = 1; j <= lib_places[l]; j++) {
        pl = lib_place[l, j]
        if (sys_file[i] == pl || (pl ~ /\/$/ && index(sys_file[i], pl) == 1)) ok = 1
      }
      if (!ok) {
        print sys_file[i] ":" sys_line[i] ": includes <" t "> (" lib_name[l] "), which ARCHITECTURE.md keeps to " lib_where[l]
        bad = 1
      }
    }
  }
  if (bad) exit 1
  printf "check-includes: %d includes of ours and %d of libraries in %d files follow ARCHITECTURE.md\n", ninc, nsys, nfile
}'
