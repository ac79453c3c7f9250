// Helpers shared by the knowledge-base tests: where the fixtures are, and
// scratch copies of them that a test may edit.
//
// Thread safety: call from the test's main thread.
#ifndef ATTACHE_KB_TEST_UTIL_H_
#define ATTACHE_KB_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace attache::kb::testing {

// service/kb of the source tree (set by CMakeLists.txt).
inline std::filesystem::path SourceDir() { return ATTACHE_KB_SOURCE_DIR; }

// The small, hand-written data set of service/kb/testdata.
inline std::filesystem::path FixtureDir() { return SourceDir() / "testdata"; }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void WriteFile(const std::filesystem::path& path,
                      absl::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  ASSERT_TRUE(out.good()) << path;
}

// A fresh copy of the fixture data set in a directory of its own, named
// after the running test plus `suffix`.
inline std::filesystem::path CopyOfFixture(absl::string_view suffix = "") {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name =
      absl::StrCat("kb_", test->test_suite_name(), "_", test->name(), suffix);
  for (char& c : name) {
    if (c == '/') {
      c = '_';
    }
  }
  std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(FixtureDir(), dir);
  return dir;
}

// Appends `line` to `path`; returns its line number.
inline int AppendLine(const std::filesystem::path& path,
                      absl::string_view line) {
  std::string content = ReadFile(path);
  int lines = 0;
  for (const char c : content) {
    lines += c == '\n' ? 1 : 0;
  }
  WriteFile(path, absl::StrCat(content, line, "\n"));
  return lines + 1;
}

}  // namespace attache::kb::testing

#endif  // ATTACHE_KB_TEST_UTIL_H_
