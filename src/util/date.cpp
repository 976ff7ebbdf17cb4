#include "util/date.hpp"

#include <fmt/format.h>

namespace plan {

static bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

Date parse_date(const std::string& text) {
  Date d;
  d.raw = text;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return d;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return d;
  auto num = [&](std::size_t at, std::size_t len) { return std::stoi(text.substr(at, len)); };
  d.year = num(0, 4);
  d.month = num(5, 2);
  d.day = num(8, 2);
  d.valid = d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
  if (d.valid) d.raw.reset();
  return d;
}

static Message month_name(int month) {
  static const char* const months[] = {N_("January"), N_("February"), N_("March"),
                                       N_("April"),   N_("May"),      N_("June"),
                                       N_("July"),    N_("August"),   N_("September"),
                                       N_("October"), N_("November"), N_("December")};
  return message(months[month - 1]);
}

Message bad_date_reason(const Date& d) {
  if (d.year == 0 && d.month == 0 && d.day == 0)
    return message(N_("'{date}', which is not a date; write dates as YYYY-MM-DD, e.g. 2009-03-15"),
                   {plan_text("date", d.text())});
  if (d.month < 1 || d.month > 12)
    return message(N_("'{date}', but there is no month {month}; write dates as YYYY-MM-DD"),
                   {plan_text("date", d.text()), arg("month", std::to_string(d.month))});
  return message(N_("'{date}', but {month} {year} has {days} days"),
                 {plan_text("date", d.text()), nested("month", month_name(d.month)),
                  arg("year", std::to_string(d.year)),
                  arg("days", std::to_string(days_in_month(d.year, d.month)))});
}

std::string explain_bad_date(const Date& d) {
  return render_message(bad_date_reason(d));
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date, no time zones involved.
long days_from_civil(int year, int month, int day) {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  Date out;
  out.year = static_cast<int>(y + (m <= 2 ? 1 : 0));
  out.month = static_cast<int>(m);
  out.day = static_cast<int>(d);
  out.valid = true;
  return out;
}

}  // namespace plan
