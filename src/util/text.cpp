#include "util/text.hpp"

#include <cstdint>

#include <algorithm>
#include <atomic>

namespace plan {

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

namespace {
std::atomic<std::size_t> lower_calls{0};
}

std::size_t ascii_lower_calls() {
  return lower_calls.load(std::memory_order_relaxed);
}

std::string ascii_lower(std::string_view s) {
  lower_calls.fetch_add(1, std::memory_order_relaxed);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
unsigned char lower_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u;
}
}  // namespace

std::size_t IdHash::operator()(std::string_view s) const {
  lower_calls.fetch_add(1, std::memory_order_relaxed);  // a lookup, as ascii_lower counts
  std::uint64_t h = 14695981039346656037ull;            // FNV-1a
  for (const char c : s) h = (h ^ lower_byte(c)) * 1099511628211ull;
  return static_cast<std::size_t>(h);
}

bool IdEqual::operator()(std::string_view a, std::string_view b) const noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_byte(a[i]) != lower_byte(b[i])) return false;
  return true;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and swaps of two
  // neighbours each cost 1, so "titel" is one edit from "title". Three rows of the matrix
  // are kept, not all of it: memory grows with one word's length, not with the product.
  const std::string x = ascii_lower(a), y = ascii_lower(b);
  const std::size_t w = y.size() + 1;
  std::vector<std::size_t> before(w), prev(w), cur(w);
  for (std::size_t j = 0; j < w; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j < w; ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        v = std::min(v, before[j - 2] + 1);
      cur[j] = v;
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Allow about one edit per three characters, at least one: "titel" → "title".
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  // Suggestions are for words a person typed: a longer word gets none, so that a hostile
  // file cannot make this cost more than kMaxSuggestedLength² per candidate.
  if (word.size() > kMaxSuggestedLength) return best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    // The distance is at least the difference in length.
    const std::size_t gap =
        c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_distance) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

Message did_you_mean_message(std::string_view best) {
  if (best.empty()) return {};
  return message(N_("; did you mean '{suggestion}'?"),
                 {plan_text("suggestion", std::string(best))});
}

Message did_you_mean_message(std::string_view word, const std::vector<std::string>& candidates) {
  return did_you_mean_message(closest_match(word, candidates));
}

std::string quoted_list(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? std::string(last_sep) : std::string(", ");
    out += "'" + items[i] + "'";  // not YAML: names quoted for a person
  }
  return out;
}

}  // namespace plan
