// ISO calendar dates (YYYY-MM-DD), the only date form the plan format accepts.
#pragma once

#include <string>

#include "message.hpp"
#include "model.hpp"

namespace plan {

// Parses strictly: four-digit year, two-digit month and day, a real calendar day.
Date parse_date(const std::string& text);

// Why a date that failed to parse is wrong, with how to write it: "'2009-02-30', but
// February 2009 has 28 days", as a message for a person; `explain_bad_date` is its English.
Message bad_date_reason(const Date& d);
std::string explain_bad_date(const Date& d);

// Days since 1970-01-01 (proleptic Gregorian), for comparing and measuring periods.
long days_from_civil(int year, int month, int day);
inline long day_number(const Date& d) {
  return days_from_civil(d.year, d.month, d.day);
}
Date date_from_days(long days);

inline bool operator<(const Date& a, const Date& b) {
  return day_number(a) < day_number(b);
}

}  // namespace plan
