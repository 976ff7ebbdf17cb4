#!/usr/bin/env python3
"""Reads `plan export --format csv` back with Python's csv module, the way a script would,
and checks every cell against the same plan's `plan status --json` report:
    export_read_csv.py EXPORT.csv REPORT.json goals|targets|activities
Prints "ok N rows" or fails with the first difference."""
import csv
import json
import sys

path, report_path, kind = sys.argv[1:4]
raw = open(path, "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"

# RFC 4180: outside quoted fields, every line ends with CRLF.
quoted = False
for i, b in enumerate(raw):
    if b == ord('"'):
        quoted = not quoted
    elif not quoted and b == ord("\n"):
        assert raw[i - 1] == ord("\r"), f"a bare LF at byte {i}"
    elif not quoted and b == ord("\r"):
        assert raw[i + 1] == ord("\n"), f"a bare CR at byte {i}"
assert not quoted, "an unclosed quote"
assert raw.endswith(b"\r\n")

with open(path, newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f, strict=True)
    header = next(reader)
    rows = list(reader)
items = json.load(open(report_path, encoding="utf-8"))[kind]
assert len(rows) == len(items), f"{len(rows)} rows for {len(items)} {kind}"

NUMERIC = {"completion", "depth", "line", "percent", "weight", "measure_planned_low",
           "measure_planned_high", "measure_actual"}


def value(item, key):
    """The report's value for a flattened column key."""
    if key in item:
        return item[key]
    if key.startswith("measure_"):
        m = item["measure"]
        if m is None:
            return None
        rest = key[len("measure_"):]
        return m["planned"][rest[len("planned_"):]] if rest.startswith("planned_") else m[rest]
    if key.startswith("counts_"):
        return item["counts"][key[len("counts_"):].replace("_", "-")]
    raise AssertionError(f"column {key} is not a field of the report")


def inert(text):
    """The text as the export must write it: controls replaced, formulas neutralised."""
    out = "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F
                  else c for c in text)
    if text[:1] in ("\t", "\r") or text.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@"):
        out = "'" + out
    return out


for row, item in zip(rows, items):
    assert len(row) == len(header), f"row {item['id']}: {len(row)} cells"
    for key, cell in zip(header, row):
        want = value(item, key)
        where = f"{item['id']}.{key}: {cell!r} for {want!r}"
        if want is None or want == [] or want == "":
            assert cell == "", where
        elif isinstance(want, bool):
            assert cell == ("true" if want else "false"), where
        elif isinstance(want, (int, float)):
            assert abs(float(cell) - want) < 1e-9, where
        elif isinstance(want, list):
            assert cell == inert(", ".join(want)), where
        else:
            assert cell == inert(want), where
        # Whatever the plan says, no text cell reads as a formula.
        if key not in NUMERIC and not key.startswith("counts_"):
            first = cell.lstrip(" \t\r\n")[:1]
            assert first not in ("=", "+", "-", "@") or cell.startswith("'"), where
print(f"ok {len(rows)} rows")
