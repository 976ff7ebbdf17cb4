#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/help.hpp"
#include "cli/i18n.hpp"
#include "cli/terminal.hpp"
#include "util/text.hpp"

#ifndef PLAN_VERSION
#error "PLAN_VERSION comes from the CMake project's version (CMakeLists.txt)"
#endif

namespace plan::cli {

std::string plan_says(const Message& m) {
  // "plan:" stays first, at the right edge of a right-to-left line.
  return (messages_rtl() ? "\u200Fplan: " : "plan: ") + text_of(m) + "\n";
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"check",
       N_("Check the plan and report every problem with its file and line."),
       "",
       {"plan check", "plan check --strict --format github", "plan check --json"},
       setup_check},
      {"status",
       N_("Show how far each goal has come, what is late, and what is broken."),
       "",
       {"plan status", "plan status --as-of 2009-06-30", "plan status --json > status.json"},
       setup_status},
      {"trace",
       N_("Show the chain of links through one goal, target, section or activity."),
       "ID",
       {"plan trace G1", "plan trace general.3 --as-of 2009-06-30"},
       setup_trace},
      {"show",
       N_("Show one item with every field, its completion and its links."),
       "ID",
       {"plan show T2", "plan show general.3 --json"},
       setup_show},
      {"list",
       N_("List activities, filtered by status, owner, section, target, goal or due date."),
       "",
       {"plan list --status planned,in-progress --owner dana",
        "plan list --due-within 14 --sort due", "plan list --overdue --json"},
       setup_list},
      {"render",
       N_("Render a Markdown or HTML summary from a Mustache template."),
       "",
       {"plan render --format html --output site/index.html",
        "plan render --format md > SUMMARY.md", "plan render --list-templates"},
       setup_render},
      {"export",
       N_("Export the plan for spreadsheets and calendars: CSV, an XLSX workbook or iCalendar."),
       "",
       {"plan export > activities.csv", "plan export --kind goals -o goals.csv",
        "plan export --format xlsx -o plan.xlsx", "plan export --format ics -o plan.ics"},
       setup_export},
      {"set",
       N_("Change fields of an item (or of the plan: ID 'plan') in place, keeping every comment."),
       "ID CHANGES... [--unset FIELD]",
       {"plan set general.3 status=done", "plan set general.3 +1 +1",
        "plan set general.3 actual=4 owner=Dana --dry-run", "plan set T4 partners+=אגף חברה",
        "plan set general.3 --unset owner", "plan set plan title='תוכנית עבודה 2010'"},
       setup_set},
      {"add",
       N_("Add a goal, target, activity or section after the last of its kind, in its style."),
       "KIND [TITLE]",
       {"plan add activity --section general --title 'כנס אזורי' --targets T1,T4 --measure '5-6 "
        "מפגשים'",
        "plan add target --title 'חיזוק הקשר' --goals G2 --dry-run", "plan add goal"},
       setup_add},
      {"rename",
       N_("Rename an id, and every link to it in every file, keeping quotes and comments."),
       "OLD NEW",
       {"plan rename general.3 general.12", "plan rename T4 T4a --dry-run"},
       setup_rename},
      {"import",
       N_("Apply rows of id, field and value from a spreadsheet (CSV), all or none."),
       "FILE.csv|-",
       {"plan import updates.csv --dry-run", "plan import updates.csv", "plan import - < rows.tsv"},
       setup_import},
      {"schema",
       N_("Print the JSON Schema of the plan format, for editors."),
       "",
       {"plan schema --output schema/plan.schema.json", "plan schema --plan > plan.schema.json"},
       setup_schema},
      {"diff",
       N_("Show what moved between two revisions of the plan."),
       "[REV1 [REV2]]",
       {"plan diff", "plan diff main", "plan diff v1 v2 --format md"},
       setup_diff},
      {"history",
       N_("Show the plan's completion at every commit that changed it."),
       "",
       {"plan history", "plan history --format csv > history.csv"},
       setup_history},
      {"init",
       N_("Create a new plan repository: a starter plan, its schema and a CI workflow."),
       "[DIR]",
       {"plan init", "plan init my-plan --lang he"},
       setup_init},
      {"lsp",
       N_("Run the language server an editor starts, speaking LSP on stdin and stdout."),
       "",
       {"plan lsp", "plan --plan ~/work/plan lsp"},
       setup_lsp},
  };
  return table;
}

namespace {

constexpr const char* kDescription =
    N_("plan keeps an organisation's work plan as YAML files under version control: it checks\n"
       "the plan like a compiler, measures how far it has come, and renders summaries.");

constexpr const char* kSharedGroup = N_("Options of every command (before or after its name)");

// Options that several commands take, accepted before the command's name too: `plan --as-of
// 2009-06-01 status` is `plan status --as-of 2009-06-01`. The root parses them and hands what
// it got to the command's own option of the same name, which validates it as usual.
struct SharedOption {
  const char* name;
  const char* description;
  bool flag;
};
constexpr SharedOption kShared[] = {
    {"--as-of",
     N_("The date to measure against, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)"),
     false},
    {"--color", N_("Colour: auto (a terminal without NO_COLOR), always or never"), false},
    {"--json", N_("Print JSON instead of text"), true},
    {"--bidi",
     N_("Right-to-left text on a terminal: visual or logical (default: $PLAN_BIDI, else visual on "
        "a "
        "terminal)"),
     false},
    {"--lang", N_("The language of labels and messages: en or he"), false},
};

CLI::App* find_command(CLI::App& app, const std::string& name) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

Message did_you_mean_message(const std::string& best) {
  return message(N_("did you mean '{name}'?"), {plan_text("name", best)});
}

// "'a', 'b' and 'c'" in the user's language.
std::string quoted_list_of(const std::vector<std::string>& items, const char* last_sep) {
  return quoted_list(items, tr(last_sep));
}

Message not_a_command_message(const std::string& word, const std::string& best) {
  return message(N_("'{word}' is not a command; {hint}"),
                 {plan_text("word", word),
                  nested("hint", best.empty() ? message(N_("'plan help' lists the commands"))
                                              : did_you_mean_message(best))});
}

std::string not_a_command(CLI::App& app, const std::string& word) {
  return plan_says(not_a_command_message(word, closest_match(word, command_names(app))));
}

std::string usage_line(const CLI::App& sub) {
  for (const Command& c : commands())
    if (sub.get_name() == c.name)
      return fmt::format("plan {} [OPTIONS]{}{}", c.name, *c.operands ? " " : "", c.operands);
  return fmt::format("plan {} [OPTIONS]", sub.get_name());
}

bool looks_like_option(const std::string& a) {
  // "-3" is a value (plan set ID actual=-3 is not, but keep numbers out of option lookups).
  return a.size() > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9');
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

// "did you mean": the one name the word begins (--over → --overdue), else the closest name
// by edit distance (at most one edit per three letters: --asof → --as-of).
std::string suggest_option(const std::string& word, const std::vector<std::string>& names) {
  if (word.size() < 3) return "";  // "-x": any one-letter option is one edit away
  std::vector<std::string> prefixed;
  if (word.size() >= 4)  // "--" and two letters
    for (const std::string& n : names)
      if (n.rfind(word, 0) == 0 && std::find(prefixed.begin(), prefixed.end(), n) == prefixed.end())
        prefixed.push_back(n);
  if (prefixed.size() == 1) return prefixed.front();
  return closest_match(word, names);
}

// The message for an option nobody knows, or "".
std::string unknown_option(CLI::App& app, CLI::App* command, const std::string& name) {
  std::vector<std::string> names = option_names(app);
  if (command) {
    std::vector<std::string> own = option_names(*command);
    names.insert(names.end(), own.begin(), own.end());
  }
  const std::string best = suggest_option(name, names);
  if (!command)
    return plan_says(
        message(N_("there is no option '{option}'; {hint}"),
                {plan_text("option", name),
                 nested("hint", best.empty() ? message(N_("'plan help' lists the options"))
                                             : did_you_mean_message(best))}));
  const auto has_no = [&](Message hint) {
    return plan_says(message(N_("{command} has no option '{option}'; {hint}"),
                             {plan_text("command", command->get_name()), plan_text("option", name),
                              nested("hint", std::move(hint))}));
  };
  if (!best.empty()) return has_no(did_you_mean_message(best));
  // Perhaps another command has it.
  std::vector<std::string> others;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub != command && sub->get_option_no_throw(name)) others.push_back(sub->get_name());
  if (!others.empty())
    return has_no(plural_message("{commands} takes it", "{commands} take it", others.size(),
                                 {arg("commands", quoted_list_of(others, N_(" and ")))}));
  return has_no(message(N_("'plan help {command}' lists its options"),
                        {plan_text("command", command->get_name())}));
}

std::string lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// What follows "prefix" in `text` up to `stop`, or "".
std::string between(const std::string& text, const std::string& prefix, const std::string& stop) {
  const std::size_t at = text.find(prefix);
  if (at == std::string::npos) return "";
  const std::size_t from = at + prefix.size();
  const std::size_t to = stop.empty() ? std::string::npos : text.find(stop, from);
  return text.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

// CLI11's errors ("REVISIONS: At Most 2 required but received 3") said as sentences, with
// "did you mean" for commands and options.
std::string explain_parse_error(CLI::App& app, const CLI::ParseError& e,
                                const std::vector<std::string>& args) {
  // Walk the words as the parser did: the command, and any option that nobody knows.
  CLI::App* command = nullptr;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (looks_like_option(a)) {
      const std::string name = a.substr(0, a.find('='));
      const CLI::Option* o = command ? command->get_option_no_throw(name) : nullptr;
      if (!o) o = app.get_option_no_throw(name);
      if (!o) return unknown_option(app, command, name);
      // A flag expects nothing (expected 0); any other option takes the next word as its value.
      if (o->get_expected_max() > 0 && a.find('=') == std::string::npos) ++i;
      continue;
    }
    if (!command) {
      command = find_command(app, a);
      if (!command) return not_a_command(app, a);
    }
  }

  const std::string what = e.what();
  // By exit code: ExtrasError names itself after the app that threw it, not its class.
  const auto is = [&e](CLI::ExitCodes code) { return e.get_exit_code() == static_cast<int>(code); };
  // What the command's usage is, after a message about it.
  const auto with_usage = [command](const Message& m) {
    std::string out = (messages_rtl() ? "\u200Fplan: " : "plan: ") + text_of(m);
    if (command)
      out +=
          " " + text_of(message(N_("Usage: {usage}"), {plan_text("usage", usage_line(*command))}));
    return out + "\n";
  };
  const auto command_name = [command] { return command ? command->get_name() : "plan"; };
  if (is(CLI::ExitCodes::RequiredError) && command) {
    const std::string missing = between(what, "", " is required");
    return with_usage(message(N_("{command} needs {what}."),
                              {plan_text("command", command_name()), plan_text("what", missing)}));
  }
  if (is(CLI::ExitCodes::ArgumentMismatch)) {
    const std::string name = what.substr(0, what.find(':'));
    if (const std::string n = between(what, "At Most ", " required"); !n.empty())
      return with_usage(
          message(N_("{command} takes at most {n} {what}, but was given {given}."),
                  {plan_text("command", command_name()), arg("n", n),
                   plan_text("what", lower(name)), arg("given", between(what, "received ", ""))}));
    if (what.find(" missing") != std::string::npos) {
      const CLI::Option* o = command ? command->get_option_no_throw(name) : nullptr;
      if (!o) o = app.get_option_no_throw(name);
      return plan_says(message(N_("{option} needs a value: {usage}."),
                               {plan_text("option", name),
                                plan_text("usage", name + " " + (o ? value_name(*o) : "VALUE"))}));
    }
  }
  if (is(CLI::ExitCodes::ExtrasError)) {
    std::string extras = between(what, "expected: ", "");
    if (!extras.empty() && extras.front() == '[' && extras.back() == ']')
      extras = extras.substr(1, extras.size() - 2);
    if (!command) return plan_says(not_a_command_message(extras, ""));
    return with_usage(message(N_("{command} does not take '{what}'."),
                              {plan_text("command", command_name()), plan_text("what", extras)}));
  }
  if (is(CLI::ExitCodes::ValidationError)) {
    const std::string name = what.substr(0, what.find(':'));
    if (const std::string choices = between(what, " not in {", "}"); !choices.empty()) {
      std::vector<std::string> items;
      for (std::size_t from = 0;;) {
        const std::size_t comma = choices.find(',', from);
        items.push_back(
            choices.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
      const std::string given = between(what, ": ", " not in {");
      return plan_says(
          message(N_("{option} must be {choices}, not '{given}'."),
                  {plan_text("option", name), arg("choices", quoted_list_of(items, N_(" or "))),
                   plan_text("given", given)}));
    }
    // CLI11 says "Value 99999 not in range 0 to 3660": the bounds go into our own sentence.
    if (const std::string range = between(what, " not in range ", ""); !range.empty()) {
      const std::size_t to = range.find(" to ");
      return plan_says(
          message(N_("{option} must be a whole number from {min} to {max}, not '{given}'."),
                  {plan_text("option", name), plan_text("min", range.substr(0, to)),
                   plan_text("max", to == std::string::npos ? "" : range.substr(to + 4)),
                   plan_text("given", between(what, "Value ", " not in range"))}));
    }
    // CLI11's own words for the reason: English.
    return plan_says(
        message(N_("{option}: {reason}."),
                {plan_text("option", name), plan_text("reason", between(what, ": ", ""))}));
  }
  if (is(CLI::ExitCodes::ConversionError)) {
    std::string name = between(what, "Could not convert: ", " = ");
    std::string given = between(what, " = ", "");
    if (name.empty()) {
      name = between(what, " allowed value for ", "");
      given = between(what, "The value ", " is not");
    }
    // A flag given a value (--json=maybe) takes only true or false, not a number.
    const CLI::Option* o = command ? command->get_option_no_throw(name) : nullptr;
    if (!o) o = app.get_option_no_throw(name);
    if (!name.empty() && o && o->get_expected_max() == 0)
      return plan_says(message(
          N_("{option} is a switch: give it alone, or with =true or =false, not '{given}'."),
          {plan_text("option", name), plan_text("given", given)}));
    if (!name.empty())
      return plan_says(message(N_("{option} must be a whole number, not '{given}'."),
                               {plan_text("option", name), plan_text("given", given)}));
  }
  if (is(CLI::ExitCodes::ExcludesError)) {
    return plan_says(message(N_("{option} and {other} cannot be given together."),
                             {plan_text("option", what.substr(0, what.find(' '))),
                              plan_text("other", between(what, " excludes ", ""))}));
  }
  return "plan: " + what + ".\n";  // CLI11's own words: English
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{tr(kDescription), "plan"};
  app.formatter(std::make_shared<HelpFormatter>("", std::vector<std::string>{}));
  // Before any subcommand exists: subcommands copy the help flag from their parent.
  app.set_help_flag("-h,--help", tr("Show this help"));
  app.set_version_flag("-v,--version", "plan " PLAN_VERSION, tr("Show the version"));
  app.require_subcommand(0, 1);
  app.fallthrough();  // `plan check --plan DIR` works as well as `plan --plan DIR check`
  GlobalOptions global;
  app.add_option(
         "--plan", global.plan_dir,
         tr("The plan folder (default: $PLAN_DIR, else the nearest plan/ folder here or in a "
            "parent)"))
      ->group(tr(kSharedGroup));
  app.add_option("--workspace", global.workspace,
                 tr("The workspace file (plans.yaml) or its folder, for many plans at once "
                    "(default: $PLAN_WORKSPACE, else the nearest plans.yaml here or in a parent "
                    "when no plan folder is named; see 'Workspaces' in docs/format.md)"))
      ->type_name("FILE|DIR")
      ->group(tr(kSharedGroup));
  std::vector<std::pair<const SharedOption*, CLI::Option*>> shared;
  for (const SharedOption& s : kShared)
    shared.emplace_back(&s,
                        (s.flag ? app.add_flag(s.name) : app.add_option(s.name)->type_name("TEXT"))
                            ->group(tr(kSharedGroup)));

  // Every command's messages follow --lang (cli/i18n reads it before parsing); the commands
  // with labels of their own declared it already, for both. CLI11 files a command's own
  // options under its default group, "Options", in English.
  const auto own_options = [](CLI::App* sub) {
    if (!sub->get_option_no_throw("--lang"))
      sub->add_option("--lang")
          ->description(tr("The language of the messages: en or he (default: the environment's)"))
          ->type_name("LANG");
    for (CLI::Option* o : sub->get_options())
      if (o->get_group() == "Options") o->group(tr("Options"));
  };
  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(c.name, tr(c.summary))->group(tr("Commands"));
    sub->formatter(std::make_shared<HelpFormatter>(c.operands, c.examples));
    sub->footer(
        tr("--plan DIR and the other options of every command may also come before its name "
           "(see 'plan help')."));
    runners.emplace_back(sub, c.setup(*sub));
    own_options(sub);
  }
  // The root's own help and version flags are in that default group too.
  for (CLI::Option* o : app.get_options())
    if (o->get_group() == "Options") o->group(tr("Options"));
  std::string topic;
  CLI::App* help = app.add_subcommand("help", tr("Show the help of plan, or of one command."))
                       ->group(tr("Commands"));
  help->formatter(std::make_shared<HelpFormatter>(
      "[COMMAND]", std::vector<std::string>{"plan help", "plan help list"}));
  help->footer("");
  help->add_option("COMMAND", topic, tr("The command to explain"));
  own_options(help);

  // Each shared option says which commands take it.
  for (auto& [s, root] : shared) {
    std::vector<std::string> takers;
    for (auto& [sub, runner] : runners)
      if (sub->get_option_no_throw(s->name)) takers.push_back(sub->get_name());
    std::string list;
    for (const std::string& t : takers) list += (list.empty() ? "" : ", ") + t;
    root->description(
        text_of(message(N_("{description}. For {commands}"),
                        {arg("description", tr(s->description)), plan_text("commands", list)})));
  }
  app.footer(
      tr("Exit codes: 0 fine, 1 the plan has errors, 2 usage or I/O error.\n"
         "Run 'plan help COMMAND' for a command's options and examples."));

  const std::vector<std::string> args(argv + 1, argv + argc);
  CLI::App* chosen = nullptr;
  try {
    app.parse(argc, argv);
    for (auto& [sub, runner] : runners)
      if (sub->parsed()) chosen = sub;
    if (help->parsed()) chosen = help;
    // Hand the shared options given before the command's name to the command.
    for (auto& [s, root] : shared) {
      if (root->count() == 0 || !chosen) continue;
      CLI::Option* own = chosen->get_option_no_throw(s->name);
      if (!own) {
        write_text(stderr, plan_says(message(N_("{command} does not take {option}."),
                                             {plan_text("command", chosen->get_name()),
                                              plan_text("option", s->name)})));
        return kUsage;
      }
      if (own->count() > 0) continue;  // given after the name as well: that one counts
      for (const std::string& r : root->results()) own->add_result(r);
      own->run_callback();
    }
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    write_text(stderr, explain_parse_error(app, e, args));
    return kUsage;
  }

  const auto root_help = [&app] {
    return app.get_formatter()->make_help(&app, "plan", CLI::AppFormatMode::Normal);
  };
  if (!chosen) {
    // `plan` alone, or only options: what there is to run.
    write_text(stderr, root_help());
    return kUsage;
  }
  if (chosen == help) {
    if (topic.empty()) {
      write_text(stdout, root_help());
      return kOk;
    }
    CLI::App* sub = find_command(app, topic);
    if (!sub) {
      write_text(stderr, not_a_command(app, topic));
      return kUsage;
    }
    write_text(stdout, sub->help("plan"));
    return kOk;
  }
  global.command = chosen->get_name();
  for (auto& [sub, runner] : runners)
    if (sub == chosen) return runner(global);
  return kUsage;
}

}  // namespace plan::cli
