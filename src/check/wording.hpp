// The pieces that check's messages share, as messages of their own so that a translation
// words them once: the "did you mean" hint, an item's kind, a list of choices, a bad date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kind_words.hpp"  // the kinds' words, shared with the writing commands
#include "message.hpp"
#include "model.hpp"
#include "plan_index.hpp"

namespace plan {

// "; did you mean 'X'?" for a candidate chosen by closest_match; empty for none.
Message did_you_mean_part(std::string_view best);
// "'a', 'b' or 'c'" (`and_list`: "… and 'c'"), the items quoted as plan text.
Message quoted_choices(const std::vector<std::string>& items, bool and_list = false);

}  // namespace plan
