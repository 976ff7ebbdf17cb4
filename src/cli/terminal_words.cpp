#include "cli/terminal_words.hpp"

#include <cstdio>

#include "cli/command.hpp"
#include "cli/terminal.hpp"

namespace plan::cli {

bool use_plan_words(const std::string& plan_dir, const std::string& lang, const Plan& plan,
                    TextLayout& layout, TerminalLabels& labels) {
  Message why;
  labels = terminal_labels_for(plan_dir, lang, plan, layout.rtl, why);
  if (!why.empty()) {
    write_text(stderr, plan_says(why));
    return false;
  }
  layout.labels = &labels;
  return true;
}

}  // namespace plan::cli
