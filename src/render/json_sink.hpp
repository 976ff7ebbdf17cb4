// Writing JSON either as a nlohmann tree (for templates and lookups) or straight to a
// stream (for `plan status --json` on large plans, where a tree would cost hundreds of
// megabytes). The report is written once, against this interface, and both come out the
// same: the stream writer prints exactly what nlohmann's dump(2) would.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace plan {

class JsonSink {
 public:
  virtual ~JsonSink() = default;
  virtual void begin_object() = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  virtual void key(std::string_view k) = 0;
  virtual void string(std::string_view s) = 0;
  virtual void number(double v) = 0;
  virtual void integer(long long v) = 0;
  virtual void boolean(bool b) = 0;
  virtual void null() = 0;
};

// Builds a nlohmann::ordered_json.
class JsonTreeSink : public JsonSink {
 public:
  nlohmann::ordered_json result;
  void begin_object() override { open(nlohmann::ordered_json::object()); }
  void end_object() override { stack_.pop_back(); }
  void begin_array() override { open(nlohmann::ordered_json::array()); }
  void end_array() override { stack_.pop_back(); }
  void key(std::string_view k) override { key_ = std::string(k); }
  void string(std::string_view s) override { put(std::string(s)); }
  void number(double v) override { put(v); }
  void integer(long long v) override { put(v); }
  void boolean(bool b) override { put(b); }
  void null() override { put(nullptr); }

 private:
  nlohmann::ordered_json& put(nlohmann::ordered_json v);
  void open(nlohmann::ordered_json v) { stack_.push_back(&put(std::move(v))); }
  std::vector<nlohmann::ordered_json*> stack_;
  std::string key_;
};

// Writes indented JSON to a FILE, as nlohmann's dump(2) formats it, with a final newline.
class JsonStreamSink : public JsonSink {
 public:
  explicit JsonStreamSink(std::FILE* out) : out_(out) {}
  ~JsonStreamSink() override { flush(); }
  void begin_object() override { open('{'); }
  void end_object() override { close('}'); }
  void begin_array() override { open('['); }
  void end_array() override { close(']'); }
  void key(std::string_view k) override;
  void string(std::string_view s) override;
  void number(double v) override;
  void integer(long long v) override;
  void boolean(bool b) override { scalar(b ? "true" : "false"); }
  void null() override { scalar("null"); }
  void flush();

 private:
  void open(char c);
  void close(char c);
  void before_value();
  void scalar(std::string_view text) {
    before_value();
    buf_ += text;
    after_value();
  }
  void after_value();
  void quoted(std::string_view s);
  std::FILE* out_;
  std::string buf_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

}  // namespace plan
