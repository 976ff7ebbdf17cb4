// One file's YAML tree → items of the plan model. This is where the shape of the format
// is enforced: known keys, the type of every value, required fields. Values that have the
// right type but a wrong content (an unknown status, 2009-02-30) are left to the checks.
#pragma once

#include <cstdint>

#include "diagnostic.hpp"
#include "load/yaml_tree.hpp"
#include "model.hpp"

namespace plan {

void build_from_tree(const YamlNode& root, std::uint32_t file, Plan& plan, Diagnostics& diags);

// A BCP 47 language tag in the shapes that matter here ("he", "en-GB"): the plan's and the
// workspace's `language`.
bool language_tag(const std::string& s);

// The keys each kind of mapping takes, in the order docs/format.md documents them.
const std::vector<std::string>& top_level_keys();
const std::vector<std::string>& meta_keys();
const std::vector<std::string>& goal_keys();
const std::vector<std::string>& target_keys();
const std::vector<std::string>& section_keys();
const std::vector<std::string>& activity_keys();
const std::vector<std::string>& measure_keys();

}  // namespace plan
