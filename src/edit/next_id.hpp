// The id a new item gets when none is given: the pattern of its neighbours continued
// (general.7 → general.8, T17 → T18, a09 → a10), unique across the plan.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace plan {

// The next id after `siblings` (the ids of the list the item joins, in order): the last
// one that ends in a number gives the stem, and the number goes one past the highest of
// the siblings with that stem, keeping leading zeros' width. With no sibling that ends in
// a number: `parent` + ".1" when a parent is named (an activity's section or activity),
// else `first` + "1" (G1, T1). `taken` says whether an id is in use anywhere in the plan
// (ignoring case); taken numbers are skipped. "" when there is no pattern to follow (a
// section among sections named by words, and no `first`), or the id would not be valid.
std::string next_id(const std::vector<std::string>& siblings, const std::string& parent,
                    const std::string& first, const std::function<bool(const std::string&)>& taken);

}  // namespace plan
