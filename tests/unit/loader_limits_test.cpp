// The loader's cost on hostile input, measured in bytes allocated rather than in seconds:
// building the YAML tree is linear in the file's size, anchors or not, and "did you mean"
// needs memory linear in one word, however long the words are.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "load/yaml_tree.hpp"
#include "util/text.hpp"

namespace {
std::atomic<std::size_t> allocated{0};  // bytes asked of operator new, ever
}  // namespace

// Counting replacements of the global allocation functions (for the whole unit-test binary;
// they only count, then do what the default ones do).
void* operator new(std::size_t n) {
  allocated.fetch_add(n, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  return operator new(n);
}
// The nothrow forms too, so that every block freed below was allocated here (the
// standard library's stable_sort uses them; a sanitizer reports a mix).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  allocated.fetch_add(n, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept {
  return operator new(n, t);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

namespace {
template <class Fn>
std::size_t bytes_allocated_by(Fn fn) {
  const std::size_t before = allocated.load();
  fn();
  return allocated.load() - before;
}

// `levels` anchored mappings, one inside the other, around one list of `items` words.
std::string nested_anchors(int levels, int items) {
  std::string s = "[";
  for (int i = 0; i < items; ++i) s += i ? ", aaaaaaaaaa" : "aaaaaaaaaa";
  s += "]";
  for (int i = 0; i < levels; ++i) s = "&a" + std::to_string(i) + " {k: " + s + "}";
  return "x: " + s + "\n";
}
}  // namespace

using namespace plan;

TEST_CASE("nested anchors cost no more to read than the same file without them") {
  const std::string flat = nested_anchors(1, 30000), deep = nested_anchors(95, 30000);
  CAPTURE(deep.size());
  std::size_t nodes = 0;
  const std::size_t one = bytes_allocated_by([&] {
    Diagnostics d;
    auto root = parse_yaml(flat, 1, d);
    REQUIRE(root);
  });
  const std::size_t many = bytes_allocated_by([&] {
    Diagnostics d;
    auto root = parse_yaml(deep, 1, d);
    REQUIRE(root);
    CHECK(d.empty());
    const YamlNode* n = &root->value_at(0);
    while (n->is_mapping()) n = &n->value_at(0);
    nodes = n->children.size();
  });
  CAPTURE(one);
  CAPTURE(many);
  CHECK(nodes == 30000);
  // Copying every anchored subtree cost 95 times the list; the tree now costs one list.
  CHECK(many < one * 2);
  CHECK(many < 40 * deep.size());
}

TEST_CASE("did you mean: long words get no suggestion and little memory") {
  const std::string id(20000, 'a');
  std::string best;
  const std::size_t bytes = bytes_allocated_by([&] { best = closest_match(id, {id + "b", "T1"}); });
  CAPTURE(bytes);
  CHECK(best.empty());
  CHECK(bytes < 1000000);  // the full matrix was 20,001² words: 3.2 GB

  std::size_t distance = 0;
  const std::size_t matrix = bytes_allocated_by(
      [&] { distance = edit_distance(std::string(3000, 'a'), std::string(3000, 'b')); });
  CHECK(distance == 3000);
  CHECK(matrix < 200000);  // three rows of 3,001, not 3,001² (72 MB)

  CHECK(closest_match("titel", {"title", "goals"}) == "title");  // short words still get one
}
