// Hand-written YAML quoting that scripts/check-yaml-writer.sh must find: every line that ends
// in the mark (the script fails when its patterns miss one). Never compiled.
std::string a = "'" + value + "'";                          // planted
std::string b = "\"" + escaped(value) + "\"";               // planted
std::string c = '"' + value + '"';                          // planted
std::string d = '\'' + c.field + '\'';                      // planted
std::string e = fmt::format("'{}'", value);                 // planted
std::string f = fmt::format("{}: \"{}\"", key, value);      // planted
std::string g = replace_all(value, "'", "''");              // planted
std::string h = replace_all(value, "\"", "\\\"");           // planted
std::string i = plain_safe(value) ? value : double_quoted(value);  // planted
