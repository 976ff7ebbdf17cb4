#include "edit/yaml_block.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include <fmt/format.h>

#include "edit/yaml_scalar.hpp"

namespace plan {

namespace {

// The emitter lays out the structure around placeholders, which are then replaced by the
// values as yaml_scalar() writes them: one writer of values, whatever the layout. A
// placeholder is plain to the emitter and cannot occur in its output otherwise (keys are
// the format's field names).
std::string placeholder(std::size_t i) {
  return fmt::format("plan-value-{}-", i);
}

struct Emission {
  YAML::Emitter out;
  std::vector<std::string> values;  // yaml_scalar's text per placeholder
};

void emit_scalar(Emission& e, const BlockNode& n, bool flow) {
  e.values.push_back(yaml_scalar(n.value, {ScalarStyle::any, n.text, flow}));
  e.out << placeholder(e.values.size() - 1);
}

void emit_node(Emission& e, const BlockNode& n, bool flow, const BlockStyle& style) {
  switch (n.kind) {
    case BlockNode::Kind::scalar:
      emit_scalar(e, n, flow);
      break;
    case BlockNode::Kind::list: {
      const bool f = flow || (style.flow_lists && !n.block_list);
      if (f) e.out << YAML::Flow;
      e.out << YAML::BeginSeq;
      for (const BlockNode& c : n.children) emit_node(e, c, f, style);
      e.out << YAML::EndSeq;
      break;
    }
    case BlockNode::Kind::mapping:
      if (flow) e.out << YAML::Flow;
      e.out << YAML::BeginMap;
      for (const BlockNode& c : n.children) {
        e.out << YAML::Key << c.key << YAML::Value;
        emit_node(e, c, flow, style);
      }
      e.out << YAML::EndMap;
      break;
  }
}

}  // namespace

EmittedBlock emit_block(const BlockNode& item, const BlockStyle& style) {
  Emission e;
  e.out.SetIndent(static_cast<std::size_t>(std::max(2, style.indent)));
  if (style.sequence_entry) e.out << YAML::BeginSeq;
  emit_node(e, item, style.flow, style);
  if (style.sequence_entry) e.out << YAML::EndSeq;
  if (!e.out.good()) return {};
  const std::string laid_out = e.out.c_str();
  EmittedBlock block;
  std::size_t from = 0;
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    const std::string p = placeholder(i);
    const std::size_t at = laid_out.find(p, from);
    if (at == std::string::npos) return {};
    block.text += laid_out.substr(from, at - from) + e.values[i];
    block.written.push_back(e.values[i]);
    from = at + p.size();
  }
  block.text += laid_out.substr(from);
  return block;
}

}  // namespace plan
