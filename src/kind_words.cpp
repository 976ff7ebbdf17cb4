#include "kind_words.hpp"

namespace plan {

Message kind_word(ItemKind k) {
  switch (k) {
    case ItemKind::goal:
      return message(N_("goal"));
    case ItemKind::target:
      return message(N_("target"));
    case ItemKind::section:
      return message(N_("section"));
    case ItemKind::activity:
      return message(N_("activity"));
  }
  return {};
}

Message kind_with_article(ItemKind k) {
  switch (k) {
    case ItemKind::goal:
      return message(N_("a goal"));
    case ItemKind::target:
      return message(N_("a target"));
    case ItemKind::section:
      return message(N_("a section"));
    case ItemKind::activity:
      return message(N_("an activity"));
  }
  return {};
}

}  // namespace plan
