"""Reads `plan export --format xlsx` back with python3-openpyxl and checks what a manager
would see: the sheets, their direction, headings, typed values, frozen header, filter, data
bar. Usage: read_xlsx.py PLAN_BINARY WORK_DIR"""

import datetime
import os
import re
import sys

import openpyxl

from fixture import HOSTILE, LONG, Checks, export, inert, make_plan


def unescape(value):
    """OOXML's ST_Xstring: _xHHHH_ is a character (Excel and LibreOffice decode it; openpyxl
    leaves it to its user)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def main():
    plan_binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    plan_dir = make_plan(work)
    out = os.path.join(work, "plan.xlsx")
    data = export(plan_binary, plan_dir, "xlsx", out)
    c = Checks()

    wb = openpyxl.load_workbook(out)
    c.eq("sheets, overview first", wb.sheetnames, ["סקירה", "מטרות", "יעדים", "פעילויות"])
    for ws in wb.worksheets:
        c.true(f"{ws.title} reads right to left", ws.sheet_view.rightToLeft)

    # The overview: label in A, value in B.
    ov = wb["סקירה"]
    rows = {r[0].value: r[1] for r in ov.iter_rows(min_row=2, max_col=2) if r[0].value}
    c.eq("plan", rows["תוכנית"].value, "תוכנית עבודה 2009")
    c.eq("organization", rows["ארגון"].value, "המטה השיתופי")
    c.eq("period start is a date", rows["תחילת התקופה"].value, datetime.datetime(2009, 1, 1))
    c.eq("as-of is a date", rows["נכון לתאריך"].value, datetime.datetime(2009, 7, 2))
    # (0.5 + 0.3 + 2 × 1) / 4: A1, A2 and A4 (weight 2); dropped ones left out.
    c.true("completion is a number", abs(rows["ביצוע"].value - 0.7) < 1e-9)
    c.eq("completion shows as a percentage", rows["ביצוע"].number_format, "0%")
    c.eq("activities counted at every depth", rows["פעילויות"].value, 7)
    c.eq("done", rows["בוצע"].value, 2)
    c.eq("overdue", rows["באיחור"].value, 3)  # A1, A1.2, A2
    c.eq("goals", rows["מטרות"].value, 2)

    acts = wb["פעילויות"]
    header = [cell.value for cell in acts[1]]
    col = {name: i for i, name in enumerate(header)}
    for name in ("מזהה", "כותרת", "פרק", "מצב", "ביצוע", "באיחור", "מועד", "התחלה", "אחראי"):
        c.true(f"heading {name}", name in col)
    # Where an item is written is for scripts (the CSV), not for the workbook's readers.
    for name in ("קובץ", "שורה", "עומק"):
        c.true(f"no heading {name}", name not in col)
    c.eq("the header stays in view", acts.freeze_panes, "A2")
    last = openpyxl.utils.get_column_letter(len(header))
    c.eq("a filter on every column", acts.auto_filter.ref, f"A1:{last}8")
    bars = [r for cf in acts.conditional_formatting for r in cf.rules if r.type == "dataBar"]
    completion_col = openpyxl.utils.get_column_letter(col.get("ביצוע", 0) + 1)
    c.true("a data bar on the completion",
           any(str(cf.sqref) == f"{completion_col}2:{completion_col}8"
               for cf in acts.conditional_formatting for r in cf.rules if r.type == "dataBar"))
    c.true("the bar runs from 0% to 100%",
           bars and [(v.type, float(v.val)) for v in bars[0].dataBar.cfvo] == [("num", 0), ("num", 1)])

    by_id = {row[col["מזהה"]].value: row for row in acts.iter_rows(min_row=2)}
    c.eq("one row per activity, every depth", sorted(by_id),
         ["A1", "A1.1", "A1.2", "A2", "A3", "A4", "A5"])
    a1 = by_id["A1"]
    c.eq("A1 completion", a1[col["ביצוע"]].value, 0.5)
    c.eq("A1 completion format", a1[col["ביצוע"]].number_format, "0%")
    c.eq("A3 dropped: no completion", by_id["A3"][col["ביצוע"]].value, None)
    c.eq("status in the plan's language", a1[col["מצב"]].value, "בביצוע")
    c.eq("due is a date", a1[col["מועד"]].value, datetime.datetime(2009, 5, 31))
    c.eq("due's format", a1[col["מועד"]].number_format, "yyyy-mm-dd")
    c.eq("overdue is 1", a1[col["באיחור"]].value, 1)
    c.eq("overdue shows as yes or no", a1[col["באיחור"]].number_format, '"כן";"כן";"לא"')
    c.eq("done is not overdue", by_id["A1.1"][col["באיחור"]].value, 0)
    c.eq("no due date, no cell", by_id["A4"][col["מועד"]].value, None)

    # Hostile text is a string, never a formula, kept whole but for the control characters.
    title = by_id["A1.2"][col["כותרת"]]
    c.eq("hostile title is a string", title.data_type, "s")
    c.eq("hostile title read back", unescape(title.value), inert(HOSTILE, True))
    goals = wb["מטרות"]
    gh = [cell.value for cell in goals[1]]
    g2 = [r for r in goals.iter_rows(min_row=2) if r[gh.index("מזהה")].value == "G2"][0]
    c.eq("hostile goal title", g2[gh.index("כותרת")].data_type, "s")
    c.eq("hostile goal title read back", unescape(g2[gh.index("כותרת")].value), inert(HOSTILE, True))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                c.true(f"{ws.title}!{cell.coordinate} is no formula", cell.data_type != "f")

    long_title = by_id["A5"][col["כותרת"]].value
    c.eq("a title longer than a cell holds is cut, and says so", long_title, LONG[:32766] + "…")

    c.true("same input, same bytes", export(plan_binary, plan_dir, "xlsx", out) == data)
    c.done()


if __name__ == "__main__":
    main()
