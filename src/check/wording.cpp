#include "check/wording.hpp"

#include "util/date.hpp"

namespace plan {

Message did_you_mean_part(std::string_view best) {
  if (best.empty()) return {};
  return message(N_("; did you mean '{suggestion}'?"),
                 {plan_text("suggestion", std::string(best))});
}

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

static long days_in(int year, int month) {
  const bool december = month == 12;
  return days_from_civil(december ? year + 1 : year, december ? 1 : month + 1, 1) -
         days_from_civil(year, month, 1);
}

static Message month_name(int month) {
  static const char* const months[] = {N_("January"), N_("February"), N_("March"),
                                       N_("April"),   N_("May"),      N_("June"),
                                       N_("July"),    N_("August"),   N_("September"),
                                       N_("October"), N_("November"), N_("December")};
  return message(months[month - 1]);
}

// The same reasons as explain_bad_date (util/date.*), which the command line's own errors use.
Message bad_date_reason(const Date& d) {
  if (d.year == 0 && d.month == 0 && d.day == 0)
    return message(N_("'{date}', which is not a date; write dates as YYYY-MM-DD, e.g. 2009-03-15"),
                   {plan_text("date", d.text())});
  if (d.month < 1 || d.month > 12)
    return message(N_("'{date}', but there is no month {month}; write dates as YYYY-MM-DD"),
                   {plan_text("date", d.text()), arg("month", std::to_string(d.month))});
  return message(
      N_("'{date}', but {month} {year} has {days} days"),
      {plan_text("date", d.text()), nested("month", month_name(d.month)),
       arg("year", std::to_string(d.year)), arg("days", std::to_string(days_in(d.year, d.month)))});
}

}  // namespace plan
