#include "render/template_data.hpp"

#include <fmt/format.h>

namespace plan {

namespace km = kainjow::mustache;

TemplateData template_text(std::string_view s) {
  return s.empty() ? TemplateData{false} : TemplateData{std::string(s)};
}

TemplateData template_number(double v) {
  return TemplateData{fmt::format("{}", v)};
}

TemplateData template_integer(long long v) {
  return TemplateData{std::to_string(v)};
}

TemplateData to_template_data(const nlohmann::ordered_json& j) {
  using V = nlohmann::ordered_json::value_t;
  switch (j.type()) {
    case V::object: {
      TemplateData d{TemplateData::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d[it.key()] = to_template_data(it.value());
      return d;
    }
    case V::array: {
      km::list items;
      items.reserve(j.size());
      for (const auto& e : j) items.push_back(to_template_data(e));
      return TemplateData{items};
    }
    case V::string:
      return template_text(j.get_ref<const std::string&>());
    case V::boolean:
      return TemplateData{j.get<bool>()};
    case V::number_float:
      return template_number(j.get<double>());
    case V::null:
      return TemplateData{false};
    default:
      return TemplateData{j.dump()};  // integers
  }
}

void TemplateDataSink::begin_object() {
  open_.push_back({key_, TemplateData{TemplateData::type::object}, {}, false});
}

void TemplateDataSink::begin_array() {
  open_.push_back({key_, TemplateData{false}, {}, true});
}

void TemplateDataSink::end_object() {
  Open o = std::move(open_.back());
  open_.pop_back();
  key_ = std::move(o.key);
  put(std::move(o.object));
}

void TemplateDataSink::end_array() {
  Open o = std::move(open_.back());
  open_.pop_back();
  key_ = std::move(o.key);
  put(TemplateData{o.items});
}

void TemplateDataSink::put(TemplateData v) {
  if (open_.empty()) {
    result = std::move(v);
  } else if (open_.back().is_list) {
    open_.back().items.push_back(std::move(v));
  } else {
    open_.back().object[key_] = std::move(v);
  }
}

TemplateData LazyLists::make(std::size_t size, Builder build) {
  if (size == 0) return TemplateData{TemplateData::type::list};
  TemplateData list{km::list(size, TemplateData{false})};
  const TemplateData* first = list.list_value().data();
  lists_[first] = List{size, std::move(build)};
  made_.push_back(first);
  return list;
}

bool LazyLists::build(const TemplateData* d, TemplateData& item) {
  auto it = lists_.upper_bound(d);  // ordered by std::less: defined for any two pointers
  if (it == lists_.begin()) return false;
  --it;
  if (!std::less<const TemplateData*>()(d, it->first + it->second.size)) return false;
  // Building may make lists (the item's own): map nodes stay where they are.
  item = it->second.build(static_cast<std::size_t>(d - it->first));
  return true;
}

void LazyLists::release(std::size_t mark) {
  while (made_.size() > mark) {
    lists_.erase(made_.back());
    made_.pop_back();
  }
}

std::size_t LazyLists::items() const {
  std::size_t n = 0;
  for (const auto& [first, list] : lists_) n += list.size;
  return n;
}

}  // namespace plan
