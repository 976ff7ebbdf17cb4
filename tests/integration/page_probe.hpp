// A page measured in headless Chromium at an exact width: what the summaries' tests share.
#pragma once

#include <fstream>
#include <string>

#include "run.hpp"

namespace plan::test {

inline std::string chromium_command() {
  return "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync "
         "--disable-extensions --hide-scrollbars --user-data-dir=" +
         artifact("chromium-profile") + " ";
}

// Chromium's headless window is at least 500 px wide, so the page is measured in an
// iframe of exactly the width under test (srcdoc keeps it same-origin, so the parent can
// look inside). The verdict is written into the DOM, which --dump-dom prints. The summary
// itself carries no script.
inline std::string probe_page(const std::string& html, int width, int height) {
  std::string escaped;
  for (char c : html) {
    if (c == '&')
      escaped += "&amp;";
    else if (c == '"')
      escaped += "&quot;";
    else
      escaped += c;
  }
  return R"JS(<!DOCTYPE html><html><head><meta charset="utf-8"><script>
function measure(f) {
  const d = f.contentDocument, w = d.documentElement.clientWidth, bad = [];
  for (const el of d.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 1 || r.left < -1) && !el.closest('.table-wrap'))
      bad.push(el.tagName + (el.id ? '#' + el.id : '') + ':' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  const wraps = [...d.querySelectorAll('.table-wrap')].filter(t => t.scrollWidth > t.clientWidth + 1).length;
  document.body.setAttribute('data-layout', JSON.stringify(
      {width: w, scroll: d.documentElement.scrollWidth, bad: bad.slice(0, 5), wraps: wraps}));
}
</script></head><body style="margin:0"><iframe onload="measure(this)" style="border:0;display:block;width:)JS" +
         std::to_string(width) + "px;height:" + std::to_string(height) + R"(px" srcdoc=")" +
         escaped + R"("></iframe></body></html>)";
}

// The page at `width` px: Chromium's verdict (see probe_page), "" when the page did not
// finish loading. The probe pages and a screenshot (NAME-WIDTH.png, 3000 px tall) go to
// the artifacts for a person to look at.
inline std::string page_verdict(const std::string& html, const std::string& name, int width) {
  const std::string w = std::to_string(width);
  const std::string page = artifact(name + "-" + w + "-probe.html");
  { std::ofstream(page, std::ios::binary) << probe_page(html, width, 900); }
  Run dom =
      run(chromium_command() + "--window-size=1400,900 --dump-dom file://" + page + " 2>/dev/null");
  const std::string key = "data-layout=\"";
  const std::size_t at = dom.out.find(key);
  if (dom.status != 0 || at == std::string::npos) return "";
  std::string verdict = dom.out.substr(at + key.size());
  verdict = verdict.substr(0, verdict.find('"'));
  for (std::size_t q; (q = verdict.find("&quot;")) != std::string::npos;)
    verdict.replace(q, 6, "\"");
  const std::string shot_page = artifact(name + "-" + w + "-shot.html");
  { std::ofstream(shot_page, std::ios::binary) << probe_page(html, width, 3000); }
  run(chromium_command() + "--window-size=" + std::to_string(width < 500 ? 500 : width) +
      ",3000 --screenshot=" + artifact(name + "-" + w + ".png") + " file://" + shot_page +
      " 2>/dev/null");
  return verdict;
}

}  // namespace plan::test
