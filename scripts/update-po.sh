#!/bin/bash
# Brings the catalogs up to date with the sources: lists the sources in po/POTFILES,
# extracts every marked message into po/plan.pot and merges it into each po/LL.po of
# po/LINGUAS (new messages come untranslated, changed ones fuzzy: translate them, then
# `msgfmt --check po/LL.po` and the tests in tests/po say what is missing).
#   scripts/update-po.sh              update po/POTFILES, po/plan.pot and po/*.po
#   scripts/update-po.sh --pot FILE   only write what plan.pot would be to FILE (the test
#                                     that plan.pot is current uses it)
#
# The marks: N_("…") for a text a lower layer keeps as data (message() and plural_message()
# take it), tr("…") and trn("one", "many", n) in the command layer. plural_message("one",
# "many", n) and trn take their two texts without N_: xgettext then keeps them together as
# one entry with its plural forms (N_ on each would make two unrelated entries).
set -euo pipefail
cd "$(dirname "$0")/.."

pot_only=""
if [[ "${1:-}" == "--pot" ]]; then
  pot_only="$2"
fi

files=$(mktemp)
trap 'rm -f "$files" "$files.pot"' EXIT
find src -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort > "$files"

# File names without line numbers: a line moving does not change the catalogs.
xgettext --language=C++ --from-code=UTF-8 --add-comments=TRANSLATORS: \
  --keyword=N_ --keyword=tr --keyword=trn:1,2 --keyword=message \
  --keyword=plural_message:1,2 --add-location=file --sort-by-file \
  --package-name=plan --copyright-holder="" --msgid-bugs-address="the issue tracker of plan" \
  --files-from="$files" -o "$files.pot"

# Every text with a `{name}` is a brace format: `msgfmt --check` then proves a translation
# keeps the placeholders (xgettext 0.21 adds this flag for C++ only through comments).
python3 - "$files.pot" <<'PY'
import re, sys
path = sys.argv[1]
entries = open(path, encoding="utf-8").read().split("\n\n")
out = []
for e in entries:
    lines = e.split("\n")
    text = "".join(re.findall(r'^(?:msgid|msgid_plural|)\s*"(.*)"$', "\n".join(
        l for l in lines if not l.startswith("msgstr") and not l.startswith("#")), re.M))
    if re.search(r"\{[A-Za-z_][A-Za-z0-9_]*\}", text) and 'msgid ""\nmsgstr ""' not in e[:40]:
        flags = [i for i, l in enumerate(lines) if l.startswith("#,")]
        if flags:
            i = flags[0]
            if "python-brace-format" not in lines[i]:
                lines[i] += ", python-brace-format"
        else:
            i = next(i for i, l in enumerate(lines) if l.startswith("msgid"))
            lines.insert(i, "#, python-brace-format")
    out.append("\n".join(lines))
open(path, "w", encoding="utf-8").write("\n\n".join(out))
PY
# A header fit to commit: UTF-8, no creation date (it would change on every run).
sed -i -e 's/charset=CHARSET/charset=UTF-8/' -e '/^"POT-Creation-Date:/d' "$files.pot"

if [[ -n "$pot_only" ]]; then
  cp "$files.pot" "$pot_only"
  exit 0
fi
cp "$files" po/POTFILES
cp "$files.pot" po/plan.pot
while read -r lang; do
  [[ -z "$lang" || "$lang" == \#* ]] && continue
  msgmerge --quiet --update --backup=none --add-location=file --sort-by-file \
    "po/$lang.po" po/plan.pot
  msgfmt --check --statistics -o /dev/null "po/$lang.po"
done < po/LINGUAS
