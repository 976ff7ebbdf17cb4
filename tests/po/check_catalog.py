#!/usr/bin/env python3
"""The catalogs' tests (CTest po.*).

  check_catalog.py complete SOURCE LL   every message of po/plan.pot has a Hebrew (LL)
                                        translation, not fuzzy, that keeps its placeholders
  check_catalog.py current SOURCE TMP   po/plan.pot has the messages the sources mark now
"""
import re
import subprocess
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}")


ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(s):
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(1)), s)


def parse(path):
    """The entries of a PO file: dicts with msgid, plural, msgstr (list), flags, obsolete."""
    entries, cur, key = [], None, None

    def finish():
        if cur is not None and cur.get("msgid") is not None:
            entries.append(cur)

    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            finish()
            cur, key = None, None
            continue
        if cur is None:
            cur = {"msgid": None, "plural": None, "msgstr": {}, "flags": set(),
                   "obsolete": False}
        if line.startswith("#~"):
            cur["obsolete"] = True
            continue
        if line.startswith("#,"):
            cur["flags"] |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[(\d+)\])?|msgctxt)\s+"(.*)"$', line)
        if m:
            kind, index, text = m.group(1), m.group(2), unquote(m.group(3))
            if kind == "msgid":
                key = ("msgid",)
                cur["msgid"] = text
            elif kind == "msgid_plural":
                key = ("plural",)
                cur["plural"] = text
            elif kind.startswith("msgstr"):
                key = ("msgstr", int(index or 0))
                cur["msgstr"][key[1]] = text
            else:
                key = ("ctxt",)
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and key:
            text = unquote(m.group(1))
            if key[0] == "msgid":
                cur["msgid"] += text
            elif key[0] == "plural":
                cur["plural"] += text
            elif key[0] == "msgstr":
                cur["msgstr"][key[1]] += text
    return [e for e in entries if not e["obsolete"] and e["msgid"] != ""]


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def complete(source, lang):
    pot = parse(Path(source) / "po" / "plan.pot")
    po = {}
    for f in [Path(source) / "po" / f"{lang}.po"]:
        for e in parse(f):
            po.setdefault((e["msgid"], e["plural"]), e)
    problems = []
    for e in pot:
        key = (e["msgid"], e["plural"])
        t = po.get(key)
        name = e["msgid"] if not e["plural"] else f'{e["msgid"]} / {e["plural"]}'
        if t is None or not any(t["msgstr"].values()):
            problems.append(f"no translation: {name!r}")
            continue
        if "fuzzy" in t["flags"]:
            problems.append(f"fuzzy (check the translation, then drop the flag): {name!r}")
            continue
        if e["plural"] is None:
            if placeholders(t["msgstr"].get(0, "")) != placeholders(e["msgid"]):
                problems.append(f"placeholders differ: {name!r} -> {t['msgstr'].get(0)!r}")
            continue
        wanted = placeholders(e["plural"])
        for i, s in sorted(t["msgstr"].items()):
            if not s:
                problems.append(f"plural form {i} empty: {name!r}")
                continue
            got = placeholders(s)
            # The form for one may say "one" in words: it may drop {n}, nothing else.
            if i == 0 and "n" in wanted and "n" not in got:
                got = sorted(got + ["n"])
            if got != wanted:
                problems.append(f"placeholders differ in form {i}: {name!r} -> {s!r}")
    for p in problems:
        print(f"po/{lang}.po: {p}")
    print(f"po/{lang}.po: {len(pot) - len(problems)} of {len(pot)} messages translated")
    return 1 if problems else 0


def current(source, tmp):
    subprocess.run([str(Path(source) / "scripts" / "update-po.sh"), "--pot", tmp], check=True)
    fresh = {(e["msgid"], e["plural"]) for e in parse(tmp)}
    committed = {(e["msgid"], e["plural"]) for e in parse(Path(source) / "po" / "plan.pot")}
    for k in sorted(fresh - committed, key=str):
        print(f"po/plan.pot lacks {k[0]!r}")
    for k in sorted(committed - fresh, key=str):
        print(f"po/plan.pot has {k[0]!r}, which no source marks any more")
    if fresh != committed:
        print("run scripts/update-po.sh, then translate what is new")
        return 1
    return 0


if __name__ == "__main__":
    what, source, extra = sys.argv[1:4]
    sys.exit(complete(source, extra) if what == "complete" else current(source, extra))
