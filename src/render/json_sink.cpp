#include "render/json_sink.hpp"

#include <cmath>

#include <fmt/format.h>

namespace plan {

nlohmann::ordered_json& JsonTreeSink::put(nlohmann::ordered_json v) {
  if (stack_.empty()) {
    result = std::move(v);
    return result;
  }
  nlohmann::ordered_json& top = *stack_.back();
  if (top.is_array()) {
    top.push_back(std::move(v));
    return top.back();
  }
  // Keys are unique in the report, so append without the lookup operator[] would do.
  top.get_ref<nlohmann::ordered_json::object_t&>().emplace_back(key_, std::move(v));
  return top.get_ref<nlohmann::ordered_json::object_t&>().back().second;
}

void JsonStreamSink::flush() {
  if (!buf_.empty()) std::fwrite(buf_.data(), 1, buf_.size(), out_);
  buf_.clear();
}

void JsonStreamSink::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  buf_ += has_items_.back() ? ",\n" : "\n";
  has_items_.back() = true;
  buf_.append(2 * has_items_.size(), ' ');
}

void JsonStreamSink::after_value() {
  if (has_items_.empty()) buf_ += '\n';  // the document is complete
  if (buf_.size() > (1u << 16)) flush();
}

void JsonStreamSink::open(char c) {
  before_value();
  buf_ += c;
  has_items_.push_back(false);
}

void JsonStreamSink::close(char c) {
  const bool items = has_items_.back();
  has_items_.pop_back();
  if (items) {
    buf_ += '\n';
    buf_.append(2 * has_items_.size(), ' ');
  }
  buf_ += c;
  after_value();
}

void JsonStreamSink::key(std::string_view k) {
  before_value();
  quoted(k);
  buf_ += ": ";
  after_key_ = true;
}

void JsonStreamSink::string(std::string_view s) {
  before_value();
  quoted(s);
  after_value();
}

// As nlohmann escapes: the two that must be, the short forms, and \\u00XX for the other
// control characters; UTF-8 text passes through unchanged, in runs.
void JsonStreamSink::quoted(std::string_view s) {
  buf_ += '"';
  std::size_t plain = 0;  // start of the run of characters that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    buf_.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        buf_ += "\\\"";
        break;
      case '\\':
        buf_ += "\\\\";
        break;
      case '\b':
        buf_ += "\\b";
        break;
      case '\f':
        buf_ += "\\f";
        break;
      case '\n':
        buf_ += "\\n";
        break;
      case '\r':
        buf_ += "\\r";
        break;
      case '\t':
        buf_ += "\\t";
        break;
      default:
        buf_ += fmt::format("\\u{:04x}", c);
    }
  }
  buf_.append(s, plain, s.size() - plain);
  buf_ += '"';
}

void JsonStreamSink::number(double v) {
  // JSON has no NaN or infinity: nlohmann's dump writes null for them, and so does this.
  if (!std::isfinite(v)) {
    scalar("null");
    return;
  }
  // nlohmann prints the shortest form that reads back exactly, and "1.0" for whole numbers.
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  scalar(s);
}

void JsonStreamSink::integer(long long v) {
  scalar(fmt::format("{}", v));
}

}  // namespace plan
