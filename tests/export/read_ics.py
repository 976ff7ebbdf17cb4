"""Reads `plan export --format ics` back with python3-icalendar and checks the values a
calendar would show. Usage: read_ics.py PLAN_BINARY WORK_DIR"""

import datetime
import os
import sys

import icalendar

from fixture import HOSTILE, Checks, export, inert, make_plan


def categories(component):
    got = component.get("categories")
    if got is None:
        return []
    items = got if isinstance(got, list) else [got]
    out = []
    for item in items:
        cats = getattr(item, "cats", None)
        out.extend(str(c) for c in cats) if cats is not None else out.extend(
            str(item.to_ical().decode()).split(","))
    return out


def main():
    plan_binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    plan_dir = make_plan(work)
    out = os.path.join(work, "plan.ics")
    data = export(plan_binary, plan_dir, "ics", out)
    c = Checks()

    cal = icalendar.Calendar.from_ical(data.decode("utf-8"))
    c.eq("VERSION", str(cal.get("version")), "2.0")
    c.true("PRODID", "plan" in str(cal.get("prodid")))
    c.eq("X-WR-CALNAME", str(cal.get("x-wr-calname")), "תוכנית עבודה 2009")

    todos = {str(t.get("uid")): t for t in cal.walk("VTODO")}
    want_uids = {f"hq-2009/{a}@plan.invalid" for a in ("A1", "A1.1", "A1.2", "A2", "A3")}
    c.eq("one VTODO per activity with a due date", set(todos), want_uids)

    def todo(activity):
        return todos.get(f"hq-2009/{activity}@plan.invalid", icalendar.Todo())

    for activity, status in (("A1", "IN-PROCESS"), ("A1.1", "COMPLETED"), ("A1.2", "NEEDS-ACTION"),
                             ("A2", "NEEDS-ACTION"), ("A3", "CANCELLED")):
        c.eq(f"{activity} STATUS", str(todo(activity).get("status")), status)
    c.eq("blocked kept as the plan's word", str(todo("A1.2").get("x-plan-status")), "blocked")

    # A1 takes its completion from its children: (1 + 0) / 2.
    for activity, percent in (("A1", 50), ("A1.1", 100), ("A1.2", 0), ("A2", 30)):
        c.eq(f"{activity} PERCENT-COMPLETE", todo(activity).get("percent-complete"), percent)
    c.eq("dropped has no percent", todo("A3").get("percent-complete"), None)

    due = todo("A1").get("due")
    c.eq("DUE is a date", due.dt if due else None, datetime.date(2009, 5, 31))
    c.true("DUE is a DATE, not a DATE-TIME", due is not None and type(due.dt) is datetime.date)
    c.eq("DTSTART", todo("A1").get("dtstart").dt, datetime.date(2009, 2, 1))
    c.eq("DTSTAMP from the as-of date", todo("A1").get("dtstamp").dt,
         datetime.datetime(2009, 7, 2, tzinfo=datetime.timezone.utc))

    c.eq("categories: the goals A1 serves", categories(todo("A1")), ["G1", "G2"])
    c.eq("categories: inherited targets", categories(todo("A1.2")), ["G1", "G2"])
    c.eq("categories: A2", categories(todo("A2")), ["G2"])

    c.eq("SUMMARY", str(todo("A1").get("summary")), "כנס שנתי")
    c.eq("hostile SUMMARY stays one inert line", str(todo("A1.2").get("summary")),
         inert(HOSTILE, False))
    description = str(todo("A1.2").get("description"))
    c.true("hostile notes keep their lines, inert",
           description.endswith("\n\n" + inert(HOSTILE, True)))
    c.true("the description says the status in Hebrew", "מצב: חסום" in description)
    c.true("the description names the section and the parent", "כללי › A1 כנס שנתי" in description)

    events = list(cal.walk("VEVENT"))
    c.eq("one event: the period", len(events), 1)
    if events:
        e = events[0]
        c.eq("period UID", str(e.get("uid")), "hq-2009@plan.invalid")
        c.eq("period start", e.get("dtstart").dt, datetime.date(2009, 1, 1))
        c.eq("period end (exclusive)", e.get("dtend").dt, datetime.date(2010, 1, 1))
        c.eq("period summary", str(e.get("summary")), "תוכנית עבודה 2009")
        c.eq("the period leaves the calendar free", str(e.get("transp")), "TRANSPARENT")

    # Stable: a later export has the same UIDs (a subscribed calendar updates, no duplicates),
    # and the same date gives the same bytes.
    again = export(plan_binary, plan_dir, "ics", out)
    c.true("same input, same bytes", again == data)
    later = icalendar.Calendar.from_ical(
        export(plan_binary, plan_dir, "ics", out, as_of="2009-09-01").decode("utf-8"))
    c.eq("UIDs survive a new as-of", {str(t.get("uid")) for t in later.walk("VTODO")}, want_uids)
    c.done()


if __name__ == "__main__":
    main()
