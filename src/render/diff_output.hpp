// `plan diff` as text for a terminal, Markdown (a pull-request comment) and JSON.
#pragma once

#include <string>

#include "render/report.hpp"
#include "render/status_text.hpp"
#include "stats/plan_diff.hpp"

namespace plan {

struct DiffLabels {
  std::string from, to;  // "HEAD (1a2b3c4)", "working tree" (for text, in the layout's words)
  // For Markdown: the labels of the plan's language (templates/labels; English when
  // empty) and whether the plan's text runs right to left.
  Json words;
  bool rtl = false;
  bool to_working_tree = false;  // `to` names the working tree, not a revision
  // The errors' messages in the user's language (the command layer's translator; null:
  // English), and whether that language runs right to left. JSON keeps the English.
  Translator translate = nullptr;
  bool messages_rtl = false;
};

// An error that appeared or was fixed as a line: "path: message [code]", the message in
// the labels' translator's language.
std::string error_line(const DiffError& e, const DiffLabels& l);

// In the layout's words and direction (see TextLayout), fitted to its width.
std::string diff_text(const PlanDiff& d, const DiffLabels& l, const TextLayout& layout);
std::string diff_markdown(const PlanDiff& d, const DiffLabels& l);
Json diff_json(const PlanDiff& d, const DiffLabels& l);

}  // namespace plan
