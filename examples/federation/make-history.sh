#!/usr/bin/env bash
# Builds a git repository in OUT holding this example workspace, with the units' progress
# committed over fixed dates in 2009 through `plan set`, as the units' coordinators would
# have committed it. The last commit's unit plans are exactly the files beside this script
# (checked at the end), so `status`, staleness and the roll-up summary can be tried at once:
#   examples/federation/make-history.sh /tmp/movement
#   cd /tmp/movement && plan status --as-of 2009-06-30
# The same `plan` binary always builds the same commits (same ids): dates, authors and the
# git configuration are fixed here. `plan` is $PLAN, else build/plan of this repository.
# The progress is invented (see README.md); the HQ plan (hq/plan) is the shipped plan/,
# unchanged, as the shipped plan records no progress.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUT" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
plan=${PLAN:-$root/build/plan}
out=$1
if [ ! -x "$plan" ]; then
  echo "$0: no plan binary at $plan (build it, or set PLAN)" >&2
  exit 2
fi
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "$0: $out exists and is not empty" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Nothing of the user's git configuration (signing, hooks, templates, default branch) and
# no locale or time zone may change the commits.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null TZ=UTC LC_ALL=C
unset PLAN_DIR PLAN_WORKSPACE SOURCE_DATE_EPOCH GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
git() { command git -C "$out" -c init.defaultBranch=main -c commit.gpgsign=false \
  -c core.hooksPath=/dev/null -c core.autocrlf=false "$@"; }

# The workspace: the shipped HQ plan copied in as hq/plan, the units as they are here.
mkdir -p "$out/hq"
cp -R "$root/plan" "$out/hq/plan"
cp -R "$here/units" "$out/units"
sed 's#^\(    path: \)\.\./\.\./plan$#\1hq/plan#' "$here/plans.yaml" > "$out/plans.yaml"
grep -q '^    path: hq/plan$' "$out/plans.yaml"
git init -q

# set UNIT ID FIELD=VALUE...: one `plan set` on a unit's plan.
set_() {
  local unit=$1
  shift
  (cd "$out" && "$plan" --plan "units/$unit/plan" set "$@" > /dev/null)
}
# commit DATE "AUTHOR" "MESSAGE": everything changed, committed on DATE at 10:00 Israel time.
commit() {
  local when="$1T10:00:00+02:00"
  git add -A
  GIT_AUTHOR_NAME="$2" GIT_AUTHOR_EMAIL="coordinator@example.org" GIT_AUTHOR_DATE="$when" \
    GIT_COMMITTER_NAME="$2" GIT_COMMITTER_EMAIL="coordinator@example.org" \
    GIT_COMMITTER_DATE="$when" git commit -q -m "$3"
}

# The start of the year: every activity that later moves is set back to planned, its count
# or percent to 0 (each field is in the files, so `set` edits it in place and the later
# steps write it back as it is written here).
set_ ein-mashal em.1 status=planned actual=0
set_ ein-mashal em.2 status=planned
set_ ein-mashal em.3 status=planned
set_ ein-mashal em.4 status=planned percent=0
set_ kfar-agada ka.1 status=planned percent=0
set_ kfar-agada ka.2 status=planned
set_ kfar-agada ka.3 status=planned actual=0
set_ neve-dimyon nd.1 status=planned percent=0
set_ neve-dimyon nd.2 status=planned
set_ neve-dimyon nd.3 status=planned actual=0
set_ neve-dimyon nd.5 status=planned
set_ north no.1 status=planned actual=0
set_ north no.2 status=planned actual=0
set_ north no.3 status=planned
set_ north no.5 status=planned percent=0
set_ training tr.1 status=planned
set_ training tr.1.1 status=planned
set_ training tr.2 status=planned percent=0
set_ training tr.3 status=planned
set_ training tr.4 status=planned actual=0
set_ youth yo.1 status=planned
set_ youth yo.2 status=planned actual=0
set_ youth yo.3 status=planned percent=0
commit 2009-01-05 "מזכירות התנועה" "תוכניות העבודה של 2009: המטה ושש היחידות"

# The year so far, one commit per unit and date. neve-dimyon's last update is in March.
set_ ein-mashal em.1 status=in-progress actual=1
set_ ein-mashal em.4 status=in-progress percent=10
commit 2009-02-10 "מזכירות עין משל" "עין משל: מפגש ראשון, העלון יצא לדרך"
set_ north no.1 status=in-progress actual=2
commit 2009-02-10 "רכזת הצפון" "הצפון: שני ביקורי ליווי"
set_ neve-dimyon nd.1 status=in-progress percent=10
commit 2009-02-12 "מזכירות נווה דמיון" "נווה דמיון: הצוות לבחינת הקופה המשותפת התחיל"
set_ training tr.1 status=in-progress
set_ training tr.1.1 status=in-progress
commit 2009-02-15 "צוות ההדרכה" "הדרכה: מחזור האביב של הקורס נפתח"
set_ kfar-agada ka.1 status=in-progress percent=30
commit 2009-02-20 "ועדת בנים, כפר אגדה" "כפר אגדה: השיפוץ התחיל"
set_ neve-dimyon nd.1 percent=20
set_ neve-dimyon nd.2 status=blocked
set_ neve-dimyon nd.3 status=in-progress actual=1
set_ neve-dimyon nd.5 status=dropped
commit 2009-03-20 "מזכירות נווה דמיון" "נווה דמיון: ההצבעה נדחתה, הסיור בוטל"
set_ ein-mashal em.3 status=done
set_ ein-mashal em.1 actual=3
commit 2009-03-25 "מזכירות עין משל" "עין משל: ערב העיון התקיים"
set_ kfar-agada ka.2 status=done
set_ kfar-agada ka.3 status=in-progress actual=2
commit 2009-04-12 "ועדת בנים, כפר אגדה" "כפר אגדה: חג הפסח המשותף"
set_ ein-mashal em.2 status=done
set_ ein-mashal em.4 percent=40
commit 2009-04-25 "מזכירות עין משל" "עין משל: סדנת התקציב התקיימה"
set_ youth yo.1 status=done
set_ youth yo.2 status=in-progress actual=4
commit 2009-04-28 "צוות הדור הצעיר" "צעירים: הסמינר התקיים, הגרעין מתגבש"
set_ north no.1 actual=6
set_ north no.2 status=in-progress actual=3
set_ north no.3 status=done
commit 2009-05-10 "רכזת הצפון" "הצפון: כנס ההיכרות התקיים"
set_ training tr.2 status=in-progress percent=30
set_ training tr.3 status=done
set_ training tr.4 status=in-progress actual=8
commit 2009-05-20 "צוות ההדרכה" "הדרכה: מאגר המקרים הושלם"
set_ youth yo.3 status=in-progress percent=30
commit 2009-06-01 "צוות הדור הצעיר" "צעירים: מיזם ההתנדבות התחיל"
set_ training tr.1.1 status=done
set_ training tr.2 percent=60
set_ training tr.4 actual=16
commit 2009-06-05 "צוות ההדרכה" "הדרכה: מחזור האביב הסתיים"
set_ kfar-agada ka.1 percent=70
set_ kfar-agada ka.3 actual=4
commit 2009-06-15 "ועדת בנים, כפר אגדה" "כפר אגדה: השיפוץ מתקדם"
set_ ein-mashal em.1 actual=6
commit 2009-06-20 "מזכירות עין משל" "עין משל: שישה מפגשים"
set_ north no.1 actual=9
set_ north no.5 status=in-progress percent=25
commit 2009-06-25 "רכזת הצפון" "הצפון: הפרויקט העירוני יצא לדרך"
set_ youth yo.2 actual=10
commit 2009-06-25 "צוות הדור הצעיר" "צעירים: עשרה בגרעין"

# The history ends at the example's files, byte for byte.
if ! diff -r "$here/units" "$out/units" >&2; then
  echo "$0: the last commit differs from $here/units" >&2
  exit 1
fi
echo "$out: $(git rev-list --count HEAD) commits, the last on $(git log -1 --format=%cs)"
