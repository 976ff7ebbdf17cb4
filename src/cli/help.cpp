#include "cli/help.hpp"

#include <map>

#include "cli/i18n.hpp"

namespace plan::cli {

HelpFormatter::HelpFormatter(std::string operands, std::vector<std::string> examples)
    : operands_(std::move(operands)), examples_(std::move(examples)) {
  label("Usage", tr("Usage"));
  label("OPTIONS", "OPTIONS");
  label("Positionals", tr("Arguments"));
  label("Options", tr("Options"));
  label("Subcommands", tr("Commands"));
  label("SUBCOMMAND", "COMMAND");
  column_width(26);
}

std::string value_name(const CLI::Option& opt) {
  // CLI11 calls every string TEXT and every number INT; say what the value is.
  static const std::map<std::string, std::string> words{
      {"--plan", "DIR"},      {"--as-of", "DATE"},    {"--color", "WHEN"}, {"--format", "FORMAT"},
      {"--template", "FILE"}, {"--output", "FILE"},   {"--lang", "LANG"},  {"--bidi", "MODE"},
      {"--from", "REV"},      {"--owner", "NAME"},    {"--section", "ID"}, {"--target", "ID"},
      {"--goal", "ID"},       {"--status", "STATUS"}, {"--sort", "KEY"},   {"--due-within", "DAYS"},
      {"--kind", "KIND"},
  };
  for (const std::string& n : opt.get_lnames())
    if (auto it = words.find("--" + n); it != words.end()) return it->second;
  std::string type = opt.get_type_name();
  if (type.rfind("TEXT", 0) == 0 || type.rfind("INT", 0) == 0 || type.rfind("UINT", 0) == 0 ||
      type.empty())
    return "VALUE";
  return type;
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
  std::string out = get_label("Usage") + ": " + name;
  if (app->get_parent() == nullptr) return out + " [OPTIONS] COMMAND [ARGS]\n";
  out += " [OPTIONS]";
  if (!operands_.empty()) out += " " + operands_;
  return out + "\n";
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name,
                                     CLI::AppFormatMode mode) const {
  if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
  return make_description(app) + make_usage(app, name) + make_positionals(app) +
         option_groups(app, mode) + make_subcommands(app, mode) + "\n" + make_footer(app);
}

std::string HelpFormatter::option_groups(const CLI::App* app, CLI::AppFormatMode mode) const {
  // As CLI11's make_groups, with one blank line between groups (not two).
  std::string out;
  for (const std::string& group : app->get_groups()) {
    std::vector<const CLI::Option*> opts = app->get_options([&](const CLI::Option* opt) {
      return opt->get_group() == group && opt->nonpositional() &&
             (mode != CLI::AppFormatMode::Sub || app->get_help_ptr() != opt);
    });
    if (!group.empty() && !opts.empty()) out += make_group(group, false, opts);
  }
  return out;
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  return app->get_description() + "\n\n";
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  // Positionals are named in the usage line already; options show what their value is.
  if (opt->get_positional() || opt->get_type_size() == 0 || opt->get_type_name().empty())
    return "";  // flags
  std::string out = " " + value_name(*opt);
  if (opt->get_expected_max() > 1) out += "...";
  return out;
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  std::string out;
  if (!examples_.empty()) {
    out += std::string(trn("Example:", "Examples:", examples_.size())) + "\n";
    for (const std::string& e : examples_) out += "  " + e + "\n";
    out += "\n";
  }
  const std::string footer = app->get_footer();
  if (!footer.empty()) out += footer + "\n";
  return out;
}

}  // namespace plan::cli
