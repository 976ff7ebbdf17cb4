// The plan's data model: plain structs, no behaviour beyond small lookups.
// Every item and every field keeps where it came from, so any stage can point at it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace plan {

// A place in a source file. `file` indexes Plan::files; file 0 is the plan folder itself,
// for problems that belong to no file. line/col are 1-based; line 0 means "the whole file".
struct Loc {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t col = 0;
};

// A value with the place it was written. A field that was not written has no location.
template <class T>
struct Located {
  T value{};
  Loc loc{};
  // Written, but not as the right type: the loader reported it, so rules that would only
  // repeat that (a target "with no goals") stay quiet.
  bool malformed = false;
  bool given() const { return loc.line != 0; }
};

// An optional value kept on the heap: one pointer while absent, for what most items leave
// out (a plan has many activities, few of them with a measure). Used like std::optional;
// a copy copies the value.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::optional<std::remove_const_t<T>> v) {
    p_ = v ? std::make_unique<T>(std::move(*v)) : nullptr;
    return *this;
  }
  Boxed& operator=(std::remove_const_t<T> v) {
    p_ = std::make_unique<T>(std::move(v));
    return *this;
  }
  ~Boxed() = default;

  explicit operator bool() const { return p_ != nullptr; }
  bool has_value() const { return p_ != nullptr; }
  void reset() { p_.reset(); }
  const T& operator*() const { return *p_; }
  T& operator*() { return *p_; }
  const T* operator->() const { return p_.get(); }
  T* operator->() { return p_.get(); }

 private:
  std::unique_ptr<T> p_;
};

// A reference to another item by id, e.g. one entry of a target's `goals` list.
struct Ref {
  std::string id;
  Loc loc;
};

enum class Status { planned, in_progress, done, blocked, dropped, unknown };

// A calendar date; `valid` is false for text that is not a real YYYY-MM-DD date, and only
// then is the text kept as written (a plan has a date or two on each of many activities).
struct Date {
  int year = 0, month = 0, day = 0;
  bool valid = false;
  Boxed<const std::string> raw;  // as written, when not valid
  std::string text() const;      // YYYY-MM-DD, or the text as written
};

// `planned: 5-6` or `[5, 6]` or `5` (low == high).
struct Range {
  double low = 0, high = 0;
};

struct Measure {
  Loc loc;
  Located<std::string> unit;
  Located<Range> planned;
  Located<double> actual;  // default 0
};

struct Activity {
  Loc loc;                                  // the item's mapping
  Located<Status> status{Status::planned};  // beside loc: together they fill 32 bytes
  Located<std::string> id, title;
  Located<std::vector<Ref>> targets;  // not given: inherited from the parent
  std::string status_text;            // as written, for messages about an unknown status
  Located<std::string> owner, notes;
  Located<std::vector<std::string>> partners;
  Located<Date> due, start;
  Boxed<Measure> measure;  // most activities have none
  Located<double> percent;
  Located<double> weight{1.0};
  std::vector<Activity> activities;
};

struct Section {
  Loc loc;
  Located<std::string> id, title;
  std::vector<Activity> activities;
};

struct Goal {
  Loc loc;
  Located<std::string> id, title, description;
};

struct Target {
  Loc loc;
  Located<std::string> id, title, description, owner;
  Located<std::vector<Ref>> goals;
  Located<std::vector<std::string>> partners;
};

struct Meta {
  Loc loc;  // the `plan:` key
  Located<std::string> id, title, organization, language, status;
  Located<Date> start, end, published;
  // Days without a change after which a started activity is stale (`plan status`); not
  // given: the workspace's, else kDefaultStaleAfterDays (workspace.hpp).
  Located<int> stale_after;
  std::vector<std::pair<std::string, std::string>> contacts;  // nested keys joined with '.'
};

struct Plan {
  // files[0] is the plan folder; the rest are the files read, in sorted path order,
  // as they are shown to the user (relative to the current directory).
  std::vector<std::string> files;
  std::vector<Meta> metas;  // every `plan:` block found; a valid plan has exactly one
  std::vector<Goal> goals;
  std::vector<Target> targets;
  std::vector<Section> sections;
  // Files that had errors keeping them from being read at all (syntax, encoding, I/O).
  // While any exist, rules about the whole plan (links, coverage) would only echo them.
  std::vector<std::uint32_t> unread_files;

  const Meta* meta() const { return metas.empty() ? nullptr : &metas.front(); }
};

const char* status_name(Status s);  // "in-progress"; "" for unknown
std::optional<Status> parse_status(const std::string& text);
inline constexpr Status kStatuses[] = {Status::planned, Status::in_progress, Status::done,
                                       Status::blocked, Status::dropped};

}  // namespace plan
