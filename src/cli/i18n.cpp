#include "cli/i18n.hpp"

namespace plan::cli {

// Stubs until the catalogs land: English.
void init_messages(int, char**) {}
const char* tr(const char* id) {
  return id;
}
const char* trn(const char* one, const char* many, unsigned long n) {
  return n == 1 ? one : many;
}
const char* translate(const char* id, const char* plural, unsigned long n) {
  return plural ? trn(id, plural, n) : tr(id);
}
bool messages_rtl() {
  return false;
}
std::string text_of(const Message& m) {
  return render_message(m, translate, messages_rtl());
}

}  // namespace plan::cli
