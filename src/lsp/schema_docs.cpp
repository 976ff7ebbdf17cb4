#include "lsp/schema_docs.hpp"

#include "lsp/json_rpc.hpp"
#include "render/embedded.hpp"

namespace plan::lsp {

namespace {

const json& schema() {
  static const json s = [] {
    for (const EmbeddedFile& f : embedded_schema_files())
      if (f.path == "plan.schema.json") return json::parse(f.content, nullptr, false);
    return json::object();
  }();
  return s;
}

// The schema a "$ref": "#/$defs/x" names, or the node itself.
const json* deref(const json* node) {
  for (int hops = 0; node && node->is_object() && hops < 8; ++hops) {
    const auto ref = node->find("$ref");
    if (ref == node->end() || !ref->is_string()) break;
    const std::string& r = ref->get_ref<const std::string&>();
    const std::string prefix = "#/$defs/";
    if (r.compare(0, prefix.size(), prefix) != 0) return nullptr;
    const auto defs = schema().find("$defs");
    if (defs == schema().end() || !defs->is_object()) return nullptr;
    const auto it = defs->find(r.substr(prefix.size()));
    node = it != defs->end() ? &*it : nullptr;
  }
  return node;
}

// The object schema a value of `node` is, through references, lists ("items") and the first
// alternative that is an object ("anyOf").
const json* object_of(const json* node) {
  for (int hops = 0; hops < 8; ++hops) {
    node = deref(node);
    if (!node || !node->is_object()) return nullptr;
    if (node->contains("properties") || node->contains("additionalProperties")) return node;
    if (const auto items = node->find("items"); items != node->end()) {
      node = &*items;
      continue;
    }
    const auto any = node->find("anyOf");
    if (any == node->end() || !any->is_array()) return nullptr;
    const json* next = nullptr;
    for (const json& alt : *any) {
      const json* o = deref(&alt);
      if (o && o->is_object() &&
          (o->contains("properties") || o->contains("additionalProperties") ||
           o->contains("items"))) {
        next = &alt;
        break;
      }
    }
    node = next;
  }
  return nullptr;
}

// The schema of one key of an object schema.
const json* property(const json* object, const std::string& key) {
  if (!object) return nullptr;
  if (const auto props = object->find("properties"); props != object->end() && props->is_object())
    if (const auto it = props->find(key); it != props->end()) return &*it;
  if (const auto extra = object->find("additionalProperties");
      extra != object->end() && extra->is_object())
    return &*extra;
  return nullptr;
}

}  // namespace

std::string description_part(const std::string& description, const std::string& language) {
  static const std::string kDash = " \u2014 ";
  const std::size_t at = description.rfind(kDash);
  if (at == std::string::npos) return description;
  const bool hebrew = language.compare(0, 2, "he") == 0 || language.compare(0, 2, "iw") == 0;
  return hebrew ? description.substr(at + kDash.size()) : description.substr(0, at);
}

std::string key_description(const std::vector<std::string>& path, const std::string& language) {
  const json* node = &schema();
  for (std::size_t i = 0; i < path.size() && node; ++i) {
    if (i > 0) node = object_of(node);
    node = property(node, path[i]);
  }
  if (!node || !node->is_object()) return {};
  const json* described = node;
  if (!described->contains("description")) described = deref(node);
  if (!described || !described->is_object()) return {};
  const auto d = described->find("description");
  if (d == described->end() || !d->is_string()) return {};
  return description_part(d->get<std::string>(), language);
}

}  // namespace plan::lsp
