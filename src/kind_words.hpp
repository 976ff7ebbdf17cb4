// An item's kind as a word of a message ("goal", "a goal"): one catalog entry per word, so
// that check's and the writing commands' messages word the kinds alike in every language.
#pragma once

#include "message.hpp"
#include "plan_index.hpp"

namespace plan {

// "goal", "target", "section", "activity" (the start of "goal id 'G1' …").
Message kind_word(ItemKind k);
// "a goal", "a target", "a section", "an activity".
Message kind_with_article(ItemKind k);

}  // namespace plan
