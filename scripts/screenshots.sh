#!/usr/bin/env bash
# Makes the README's pictures from the real output of the built `plan` on the illustrative
# mid-year example (examples/mid-year, as of 2009-06-30), so they can be made again whenever
# the look changes:
#   docs/images/summary-desktop.png   the HTML summary at 1280 px (its first screens)
#   docs/images/summary-phone.png     the HTML summary at 390 px (its first screens)
#   docs/images/status-terminal.png   `plan status` in a 100-column terminal that never
#                                     reorders (tmux), in colour: visual order
#   docs/images/status-file.png       the same into a file (logical order), laid out line by
#                                     line by the bidirectional algorithm, as a viewer does
#   docs/images/nvim-lsp.png          `plan lsp` in Neovim: a diagnostic and a hover
#   docs/images/export-xlsx.png       `plan export --format xlsx` opened in LibreOffice: the
#                                     activities sheet's first printed page (LibreOffice
#                                     headless prints it to PDF, pdftoppm makes the picture)
#   examples/federation/summary.png   the roll-up summary of examples/federation at 1280 px,
#                                     from the repository its make-history.sh builds (so the
#                                     stale column and list come from git, as of 2009-06-30)
#
# Usage:  scripts/screenshots.sh [summary] [status] [nvim] [federation] [xlsx]   (all when none is named;
#                                  after scripts/setup.sh has built build/plan)
#         PLAN=/path/to/plan scripts/screenshots.sh
#
# Needs these Debian 12 packages (the script says which are missing and stops):
#   sudo apt-get install --no-install-recommends chromium python3 tmux aha fonts-dejavu-core
# and, optionally, optipng (smaller PNGs). fonts-dejavu-core gives the Hebrew glyphs
# (DejaVu Sans); fonts-noto-core works as well. Without a font that has Hebrew, chromium
# draws boxes: the script refuses to run then.
#
# How: the HTML summary is rendered by `plan render` and photographed by headless chromium
# (driven by a few lines of Python, see shoot() below).
# The terminal picture runs `plan status --color always` in a detached tmux pane of a fixed
# size (a real terminal: the width comes from the pane), captures the pane with its colours
# (`tmux capture-pane -e`), turns the ANSI colours into HTML with aha, and photographs that.
# Chromium draws that capture cell by cell, left to right, as tmux does; the picture of the
# same output in a file is laid out by Chromium's bidirectional algorithm, line by line.
# The Neovim picture is made the same way: Neovim (the `neovim` package) in a tmux pane,
# configured with the README's Neovim snippet (read from the README), types a broken link
# and asks for a hover; `plan lsp` answers from a copy of the example as of 2009-06-30.
set -euo pipefail
cd "$(dirname "$0")/.."

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR PLAN_DIR SOURCE_DATE_EPOCH

plan=${PLAN:-build/plan}
example=examples/mid-year
as_of=2009-06-30
out=docs/images
cols=100         # terminal width in columns
desktop_max=1900 # the longest pictures, in px: the first screens, not all 29 activities
phone_max=2000

pictures=("$@")
[ ${#pictures[@]} -gt 0 ] || pictures=(summary status nvim federation xlsx)
want() { [[ " ${pictures[*]} " == *" $1 "* ]]; }

missing=()
tools=(chromium python3 tmux aha fc-list)
want nvim && tools+=(nvim)
want xlsx && tools+=(soffice pdftoppm)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "screenshots.sh: missing ${missing[*]}." >&2
  echo "  sudo apt-get install --no-install-recommends chromium python3 tmux aha fontconfig fonts-dejavu-core optipng neovim" >&2
  echo "  (xlsx: sudo apt-get install --no-install-recommends libreoffice-calc-nogui poppler-utils)" >&2
  exit 2
fi
if [ -z "$(fc-list :lang=he family)" ]; then
  echo "screenshots.sh: no font with Hebrew letters; Hebrew would show as boxes." >&2
  echo "  sudo apt-get install --no-install-recommends fonts-dejavu-core" >&2
  exit 2
fi
if [ ! -x "$plan" ]; then
  echo "screenshots.sh: no $plan; build first (scripts/setup.sh) or set PLAN." >&2
  exit 2
fi
plan=$(realpath "$plan")

work=$(mktemp -d)
session="plan-screenshots-$$"
tmux() { command tmux -L "$session" -f /dev/null "$@"; } # a server of our own, whatever else runs
cleanup() {
  tmux kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"

# shoot FILE.html OUT.png WIDTH MAX: a picture of a page as headless chromium lays it out in
# a viewport WIDTH px wide (a phone's below 600 px), down to the page's end or, when the page
# is longer than MAX px, down to the lowest line above MAX that cuts through no card, heading,
# paragraph or table row. `chromium --screenshot --window-size` cannot do this: headless
# windows are at least 500 px wide, and it cannot measure the page. So a few lines of Python
# drive chromium over its DevTools pipe instead (Emulation.setDeviceMetricsOverride,
# Page.captureScreenshot).
cat >"$work/shoot.py" <<'PY'
import base64, fcntl, json, os, subprocess, sys

CUT = """(function (max) {
  var full = document.documentElement.scrollHeight, cut = 0, next = full;
  if (full <= max) return full;
  var atoms = Array.prototype.map.call(
    document.querySelectorAll(".cards > *, .overview, header, h1, h2, h3, p, li, tr, svg, pre"),
    function (e) { var r = e.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY]; });
  atoms.forEach(function (a) {
    var y = a[1];
    if (y > max || y <= cut) return;
    if (atoms.every(function (b) { return !(b[0] < y - 1 && b[1] > y + 1); })) cut = y;
  });
  if (cut <= 0) return max;
  atoms.forEach(function (a) { if (a[0] >= cut && a[0] < next) next = a[0]; });
  return Math.ceil(Math.min(cut + 24, next - 1));
})(%d)"""


def main(chromium, profile, url, out, width, limit):
    # Chromium reads commands on fd 3 and answers on fd 4, each message ending in a NUL.
    # The child's ends are moved above 4 first, so that placing them cannot clobber each other.
    cmd_r, cmd_w = os.pipe()
    ans_r, ans_w = os.pipe()
    child_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
    child_w = fcntl.fcntl(ans_w, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(cmd_r)
    os.close(ans_w)

    def wire():
        os.dup2(child_r, 3)
        os.dup2(child_w, 4)

    proc = subprocess.Popen(
        [chromium, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
         "--hide-scrollbars", "--mute-audio", "--no-first-run", "--user-data-dir=" + profile,
         "about:blank"],
        preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(child_r)
    os.close(child_w)
    send = os.fdopen(cmd_w, "wb")
    recv = os.fdopen(ans_r, "rb")
    state = {"buf": b"", "id": 0, "events": []}

    def read_message():
        while b"\0" not in state["buf"]:
            chunk = recv.read1(1 << 16)
            if not chunk:
                sys.exit("screenshots.sh: chromium stopped answering")
            state["buf"] += chunk
        msg, state["buf"] = state["buf"].split(b"\0", 1)
        return json.loads(msg)

    def call(method, session=None, **params):
        state["id"] += 1
        msg = {"id": state["id"], "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        send.write(json.dumps(msg).encode() + b"\0")
        send.flush()
        while True:
            m = read_message()
            if m.get("id") == state["id"]:
                if "error" in m:
                    sys.exit("screenshots.sh: chromium: %s: %s" % (method, m["error"]))
                return m["result"]
            state["events"].append(m)

    def wait_for(event):
        while True:
            for i, m in enumerate(state["events"]):
                if m.get("method") == event:
                    return state["events"].pop(i)
            state["events"].append(read_message())

    try:
        page = next(t for t in call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        s = call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        metrics = {"width": width, "deviceScaleFactor": 1, "mobile": width < 600}
        # A short viewport first, so that the page's height is its content's, not the viewport's.
        call("Emulation.setDeviceMetricsOverride", s, height=100, **metrics)
        call("Page.enable", s)
        call("Page.navigate", s, url=url)
        wait_for("Page.loadEventFired")
        height = call("Runtime.evaluate", s, expression=CUT % limit,
                      returnByValue=True)["result"]["value"]
        call("Emulation.setDeviceMetricsOverride", s, height=height, **metrics)
        png = call("Page.captureScreenshot", s, format="png")["data"]
        with open(out, "wb") as f:
            f.write(base64.b64decode(png))
        try:
            call("Browser.close")
        except SystemExit:
            pass  # it may close the pipe before it answers
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
PY
shoot() {
  python3 "$work/shoot.py" chromium "$work/profile" "file://$1" "$2" "$3" "$4"
  [ -s "$2" ] || { echo "screenshots.sh: chromium wrote no $2" >&2; exit 1; }
}

# A terminal capture (ANSI colours) as a page: light grey on a dark background. term_page
# FILE cells: each character in the cell it was written to, left to right, as a terminal
# that never reorders (xterm.js, tmux, Windows Terminal) draws it. term_page FILE lines: each
# line laid out by the Unicode bidirectional algorithm as a paragraph of its own, as a file
# viewer, a CI log or a terminal that reorders by itself shows logical text.
term_page() {
  printf '%s\n' '<!DOCTYPE html><html><head><meta charset="utf-8"><style>' \
    'html, body { margin: 0; background: #1e1e1e; }' \
    'pre { margin: 0; padding: 12px 16px; color: #d4d4d4; font: 14px/18px "DejaVu Sans Mono", monospace; }' \
    'pre.cells { unicode-bidi: bidi-override; direction: ltr; }' \
    'pre.cells .cell { display: inline-block; width: 1ch; text-align: center; }' \
    'pre.lines div { unicode-bidi: plaintext; min-height: 18px; }' \
    '</style></head><body>'
  if [ "${2:-cells}" = cells ]; then
    # DejaVu Sans Mono has no Hebrew: the letters would come from a proportional font and
    # shift the columns after them, so each letter (with its niqqud) gets one cell's width.
    printf '<pre class="cells">'
    aha --no-header <"$1" | python3 -c 'import re, sys
sys.stdout.write(re.sub("([\u05d0-\u05ea\u05f0-\u05f4][\u0591-\u05c7]*)",
                        r"<span class=cell>\1</span>", sys.stdin.read()))'
    printf '</pre>\n'
  else
    # aha closes its colour spans on the line that opened them, so each line is a paragraph.
    printf '<pre class="lines">'
    aha --no-header <"$1" | sed -e 's|^|<div>|' -e 's|$|</div>|'
    printf '</pre>\n'
  fi
  printf '%s\n' '</body></html>'
}
made=()

# 1. The HTML summary, desktop and phone.
if want summary; then
  summary="$work/summary.html"
  "$plan" --plan "$example" render --format html --as-of "$as_of" --output "$summary"
  shoot "$summary" "$out/summary-desktop.png" 1280 $desktop_max
  shoot "$summary" "$out/summary-phone.png" 390 $phone_max
  made+=("$out/summary-desktop.png" "$out/summary-phone.png")
fi

# 1b. The roll-up summary of the example workspace, from the history make-history.sh commits.
if want federation; then
  movement="$work/movement"
  abs_plan=$(realpath "$plan")
  PLAN="$abs_plan" examples/federation/make-history.sh "$movement" >/dev/null
  # The HQ plan records no progress, so the roll-up exits 0 with nothing broken; any exit
  # but 0 is a real failure.
  (cd "$movement" && "$abs_plan" render --format html --as-of "$as_of" --output "$work/movement.html")
  shoot "$work/movement.html" examples/federation/summary.png 1280 2400
  made+=(examples/federation/summary.png)
fi

# 2. `plan status` in a terminal. The pane is taller than the output, which ends with a
# marker line, so that waiting for the marker means the output is complete. The pane is a
# terminal, so `plan` writes visual order (tmux, like most terminals, never reorders); the
# same command into a file writes logical order, shown as a viewer of files lays it out.
if want status; then
  rows=60
  tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
    "env -u COLUMNS -u LINES -u PLAN_BIDI LANG=C.UTF-8 TERM=xterm-256color '$plan' --plan '$example' status --as-of $as_of --color always; echo '#done'; sleep 60"
  for _ in $(seq 1 100); do
    tmux capture-pane -p -t "$session" | grep -q '^#done' && break
    sleep 0.1
  done
  tmux capture-pane -e -p -t "$session" | sed -e '/^#done/,$d' >"$work/status.ansi"
  tmux kill-session -t "$session"
  term_page "$work/status.ansi" cells >"$work/status.html"
  # 8.43 px per column is DejaVu Sans Mono's advance at 14 px; the picture is as tall as the text.
  shoot "$work/status.html" "$out/status-terminal.png" $((cols * 843 / 100 + 40)) 4000
  env -u PLAN_BIDI COLUMNS="$cols" "$plan" --plan "$example" status --as-of $as_of --color always \
    >"$work/status-file.ansi"
  term_page "$work/status-file.ansi" lines >"$work/status-file.html"
  shoot "$work/status-file.html" "$out/status-file.png" $((cols * 843 / 100 + 40)) 4000
  made+=("$out/status-terminal.png" "$out/status-file.png")
fi

# 3. `plan lsp` in Neovim, 120 x 35: a link to a target that does not exist, typed in
# (the diagnostic's sign, underline and message), then a hover on a link to T1.
if want nvim; then
  nvim_cols=120 nvim_rows=35
  ws="$work/nvim"
  mkdir -p "$ws/home"
  cp -R "$example" "$ws/plan"
  # The README's Neovim 0.7 snippet as it is, and two things for the picture.
  python3 - README.md >"$ws/init.lua" <<'PY'
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
print(re.search(r"```lua\n(.*?)\n```", readme.split("\n### Neovim\n", 1)[1], re.S).group(1))
PY
  cat >>"$ws/init.lua" <<'LUA'
-- For the picture: the hover in a rounded border on dark grey (0.7's default is magenta); no
-- intro screen, no search highlight, no grey sign column.
vim.lsp.handlers['textDocument/hover'] = vim.lsp.with(vim.lsp.handlers.hover, { border = 'rounded' })
vim.opt.shortmess:append('I')
vim.o.hlsearch = false
vim.cmd('highlight SignColumn ctermbg=NONE')
vim.cmd('highlight NormalFloat ctermbg=237 ctermfg=253')
vim.cmd('highlight FloatBorder ctermbg=237 ctermfg=246')
LUA
  # The example's date (2009-06-30) is the server's as-of date, through SOURCE_DATE_EPOCH.
  epoch=$(date -u -d "$as_of" +%s)
  tmux new-session -d -s "$session" -x "$nvim_cols" -y "$nvim_rows" -c "$ws" \
    "env -u COLUMNS -u LINES HOME='$ws/home' XDG_CONFIG_HOME='$ws/home' XDG_DATA_HOME='$ws/home' XDG_STATE_HOME='$ws/home' XDG_CACHE_HOME='$ws/home' LANG=C.UTF-8 TERM=xterm-256color SOURCE_DATE_EPOCH=$epoch PATH='$(dirname "$plan")':\$PATH nvim -n -i NONE -u '$ws/init.lua' plan/activities/01-general.yaml"
  # wait_for TEXT: until the pane shows it (at most 10 s).
  wait_for() {
    for _ in $(seq 1 100); do
      tmux capture-pane -p -t "$session" | grep -qF -- "$1" && return 0
      sleep 0.1
    done
    echo "screenshots.sh: Neovim never showed '$1'" >&2
    tmux capture-pane -p -t "$session" >&2
    exit 1
  }
  wait_for 'general.1'
  tmux send-keys -t "$session" '/targets: \[T8\]' Enter ':s/T8/T88/' Enter
  wait_for "names target 'T88'"
  tmux send-keys -t "$session" '/\[T1,' Enter 'l' ':lua vim.lsp.buf.hover()' Enter
  wait_for '╭'
  sleep 0.5
  tmux capture-pane -e -p -t "$session" >"$work/nvim.ansi"
  tmux kill-session -t "$session"
  term_page "$work/nvim.ansi" >"$work/nvim.html"
  shoot "$work/nvim.html" "$out/nvim-lsp.png" $((nvim_cols * 843 / 100 + 40)) 4000
  made+=("$out/nvim-lsp.png")
fi

# 3b. The XLSX workbook as LibreOffice shows it: printed to PDF (its PNG export of a
# spreadsheet fails headless), the page that starts the activities sheet made a picture.
if want xlsx; then
  "$plan" --plan "$example" export --format xlsx --as-of "$as_of" -o "$work/plan.xlsx"
  (cd "$work" && HOME="$work" soffice --headless --convert-to pdf plan.xlsx >/dev/null 2>&1)
  pages=$(pdfinfo "$work/plan.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  page=""
  for p in $(seq 1 "${pages:-0}"); do
    # (read whole first: with pipefail, grep -q quitting early would fail the pipe)
    pdftotext -f "$p" -l "$p" "$work/plan.pdf" "$work/page.txt"
    grep -q 'general\.1' "$work/page.txt" && { page=$p; break; }
  done
  [ -n "$page" ] || { echo "screenshots.sh: no page of the workbook shows the activities" >&2; exit 1; }
  pdftoppm -r 110 -f "$page" -l "$page" -x 0 -y 70 -W 1286 -H 560 -png -singlefile \
    "$work/plan.pdf" "${out}/export-xlsx"
  made+=("$out/export-xlsx.png")
fi

# 4. Smaller files.
if command -v optipng >/dev/null; then
  optipng -quiet -o2 -strip all "${made[@]}"
fi
ls -l "${made[@]}"
