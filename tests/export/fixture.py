"""The plan the read-back tests export: Hebrew (a right-to-left sheet), every status, nested
activities, a measure, a range, inherited targets, and hostile text in every kind of field."""

import os
import subprocess
import sys

# Text a spreadsheet or a calendar could act on: formula prefixes, control characters,
# line breaks, iCalendar's own syntax, a bidi override, Excel's _xHHHH_ escape.
HOSTILE = "=HYPERLINK(\"http://x\"),@SUM(1);-2+3\u0001\u0007\u001b[31m\r\nEND:VTODO\nBEGIN:VEVENT \\ _x0041_ \u202eשלום"
# Longer than a spreadsheet cell holds (32,767 characters).
LONG = "א" * 40000
HOSTILE_YAML = HOSTILE.encode("unicode_escape").decode("ascii").replace('"', '\\"')

PLAN = """\
plan:
  id: hq-2009
  title: תוכנית עבודה 2009
  organization: המטה השיתופי
  language: he
  period: {start: 2009-01-01, end: 2009-12-31}
goals:
  - {id: G1, title: טיפוח הרעיון השיתופי}
  - {id: G2, title: "HOSTILE"}
targets:
  - {id: T1, title: חיזוק הקשר, goals: [G1, G2]}
  - {id: T2, title: הסברה, goals: [G2]}
sections:
  - id: general
    title: כללי
    activities:
      - id: A1
        title: כנס שנתי
        targets: [T1]
        status: in-progress
        owner: רכז
        partners: [אגף חברה, "HOSTILE"]
        start: 2009-02-01
        due: 2009-05-31
        measure: {unit: מפגשים, planned: 5-6, actual: 2}
        activities:
          - {id: A1.1, title: הזמנות, status: done, due: 2009-03-01}
          - {id: A1.2, title: "HOSTILE", status: blocked, due: 2009-04-01, notes: "HOSTILE"}
      - {id: A2, title: סדנה, targets: [T2], status: planned, due: 2009-03-15, percent: 30}
      - {id: A3, title: ביטול, targets: [T2], status: dropped, due: 2009-06-01}
      - {id: A4, title: בלי מועד, targets: [T1], status: done, weight: 2}
      - {id: A5, title: LONG, targets: [T1], status: dropped}
""".replace("HOSTILE", HOSTILE_YAML).replace("LONG", LONG)


def make_plan(folder):
    os.makedirs(os.path.join(folder, "plan"), exist_ok=True)
    with open(os.path.join(folder, "plan", "plan.yaml"), "w", encoding="utf-8") as f:
        f.write(PLAN)
    return os.path.join(folder, "plan")


def export(plan_binary, plan_dir, fmt, out, as_of="2009-07-02"):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    run = subprocess.run(
        [plan_binary, "--plan", plan_dir, "export", "--format", fmt, "--as-of", as_of, "-o", out],
        env=env, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"plan export --format {fmt} exited {run.returncode}: {run.stderr.decode()}")
    with open(out, "rb") as f:
        return f.read()


class Checks:
    def __init__(self):
        self.failed = 0

    def eq(self, what, got, want):
        if got != want:
            self.failed += 1
            print(f"FAIL {what}: got {got!r}, want {want!r}")

    def true(self, what, cond):
        if not cond:
            self.failed += 1
            print(f"FAIL {what}")

    def done(self):
        if self.failed:
            sys.exit(f"{self.failed} check(s) failed")
        print("all checks passed")


def inert(text, keep_lines):
    """What src/render/export_text.cpp's inert_text makes of `text`."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
            continue
        cp = ord(ch)
        if ch in "\n\r\u0085\u2028\u2029":
            out.append("\n" if keep_lines else " ")
        elif (cp < 0x20 and ch != "\t") or 0x7F <= cp < 0xA0 or cp in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
        i += 1
    return "".join(out)
