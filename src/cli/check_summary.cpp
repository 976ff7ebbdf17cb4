#include "cli/check_summary.hpp"

namespace plan::cli {

namespace {

Message errors_of(std::size_t n) {
  return plural_message("{n} error", "{n} errors", n, {arg("n", n)});
}

Message warnings_of(std::size_t n) {
  return plural_message("{n} warning", "{n} warnings", n, {arg("n", n)});
}

// `{ids}`: "a, b, c and 4 more" (ids are plan text).
MessageArg some_ids(const std::vector<std::string>& ids) {
  constexpr std::size_t kShown = 8;
  std::string shown;
  for (std::size_t i = 0; i < ids.size() && i < kShown; ++i) shown += (i ? ", " : "") + ids[i];
  if (ids.size() <= kShown) return plan_text("ids", shown);
  return nested("ids", message(N_("{ids} and {n} more"),
                               {plan_text("ids", shown), arg("n", ids.size() - kShown)}));
}

// `head` followed by each present part, joined as the English joins them ("; ").
Message joined(Message head, std::vector<Message> parts) {
  // Each part a message of its own, so a language may order and punctuate them its way.
  Message out = std::move(head);
  for (Message& p : parts)
    out = message(N_("{head}; {more}"),
                  {nested("head", std::move(out)), nested("more", std::move(p))});
  return out;
}

}  // namespace

Message check_summary(std::size_t errors, std::size_t warnings, std::size_t promoted,
                      std::size_t unread) {
  Message head = message(N_("{errors}, {warnings}"), {nested("errors", errors_of(errors)),
                                                      nested("warnings", warnings_of(warnings))});
  if (promoted > 0)
    head = message(N_("{counts} ({n} made errors by --strict)"),
                   {nested("counts", std::move(head)), arg("n", promoted)});
  std::vector<Message> parts;
  if (unread > 0)
    parts.push_back(
        plural_message("links and coverage were not checked, since {n} file could not be read",
                       "links and coverage were not checked, since {n} files could not be read",
                       unread, {arg("n", unread)}));
  return joined(std::move(head), std::move(parts));
}

Message workspace_check_summary(const WorkspaceCounts& c) {
  Message head = message(
      N_("{errors}, {warnings} in {units}"),
      {nested("errors", errors_of(c.errors)), nested("warnings", warnings_of(c.warnings)),
       nested("units", plural_message("{n} unit", "{n} units", c.units, {arg("n", c.units)}))});
  if (c.promoted > 0)
    head = message(N_("{counts} ({n} made errors by --strict)"),
                   {nested("counts", std::move(head)), arg("n", c.promoted)});
  std::vector<Message> parts;
  if (c.own_errors > 0)
    parts.push_back(message(N_("the workspace itself has {errors}"),
                            {nested("errors", errors_of(c.own_errors))}));
  if (!c.broken.empty())
    parts.push_back(message(N_("units with errors: {ids}"), {some_ids(c.broken)}));
  if (!c.not_read.empty())
    parts.push_back(message(N_("not read, so not counted: {ids}"), {some_ids(c.not_read)}));
  if (!c.not_counted.empty())
    parts.push_back(message(N_("not counted, since a file of theirs could not be read: {ids}"),
                            {some_ids(c.not_counted)}));
  return joined(std::move(head), std::move(parts));
}

Message made_error_by_strict(Message m) {
  return message(N_("{message} (a warning, made an error by --strict)"),
                 {nested("message", std::move(m))});
}

}  // namespace plan::cli
