#include "check/wording.hpp"

#include "util/date.hpp"

namespace plan {

Message quoted_choices(const std::vector<std::string>& items, bool and_list) {
  auto quoted = [](const std::string& s) {
    return "'" + s + "'";  // not YAML: a choice quoted for a person
  };
  if (items.size() < 2) {
    // One item (or none) has no "or" to translate: a message with no words of its own.
    return message("{items}", {plan_text("items", items.empty() ? "" : quoted(items[0]))});
  }
  std::string head;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) head += (i ? ", " : "") + quoted(items[i]);
  std::vector<MessageArg> args{plan_text("items", head), plan_text("last", quoted(items.back()))};
  return and_list ? message(N_("{items} and {last}"), std::move(args))
                  : message(N_("{items} or {last}"), std::move(args));
}

}  // namespace plan
