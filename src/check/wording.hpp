// The pieces that check's messages share, as messages of their own so that a translation
// words them once: a list of choices, a bad date. The "did you mean" hint is util/text's
// (did_you_mean_message), an item's kind is kind_words'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kind_words.hpp"  // the kinds' words, shared with the writing commands
#include "message.hpp"
#include "model.hpp"
#include "plan_index.hpp"

namespace plan {

// "'a', 'b' or 'c'" (`and_list`: "… and 'c'"), the items quoted as plan text.
Message quoted_choices(const std::vector<std::string>& items, bool and_list = false);

}  // namespace plan
