// The attache-extract tool end to end: output formats and exit codes. It
// runs the built binary over the invented knowledge base of testdata/.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;

struct RunResult {
  int exit_code = -1;
  std::string out;
};

// Runs attache-extract with `args` (a shell fragment); stderr is dropped.
RunResult RunTool(const std::string& args) {
  const std::string command =
      absl::StrCat(ATTACHE_EXTRACT_TOOL, " --kb_dir=", ATTACHE_EXTRACT_TESTDATA,
                   " --threads=1 ", args, " 2>/dev/null");
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.out.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string WriteArticle(absl::string_view name, absl::string_view json) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / std::string{name};
  std::ofstream(path) << json;
  return path.string();
}

constexpr absl::string_view kArticle =
    R"({"id": "art-1", "published": "2024-05-15", "title": "",)"
    R"( "body": "Alder Quint met Lu Feng in Geneva on Monday."})";

TEST(AttacheExtractTool, EvalFormatWritesOneLinePerArticle) {
  const std::string path = WriteArticle("attache_tool_eval.json", kArticle);
  const RunResult r = RunTool("--format=eval " + path);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr(R"("id":"art-1")"));
  EXPECT_THAT(r.out, HasSubstr(R"("kind":"MEETING")"));
  EXPECT_THAT(r.out, HasSubstr(R"("date":"2024-05-13")"));
}

TEST(AttacheExtractTool, JsonlFormatWritesProtoJsonContacts) {
  const std::string path = WriteArticle("attache_tool_jsonl.json", kArticle);
  const RunResult r = RunTool("--format=jsonl " + path);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("CONTACT_KIND_MEETING"));
}

TEST(AttacheExtractTool, ReadsJsonLinesFromStdin) {
  const std::string path =
      WriteArticle("attache_tool_stdin.jsonl", absl::StrCat(kArticle, "\n"));
  const RunResult r = RunTool("--format=eval - < " + path);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("art-1"));
}

TEST(AttacheExtractTool, ErrorsExitNonZero) {
  EXPECT_EQ(RunTool("--format=xml /dev/null").exit_code, 2);
  EXPECT_EQ(RunTool("/nonexistent/article.json").exit_code, 1);
  const std::string broken =
      WriteArticle("attache_tool_broken.json", "{not json");
  EXPECT_EQ(RunTool(broken).exit_code, 1);
  const std::string invalid =
      WriteArticle("attache_tool_invalid.json",
                   "{\"id\": \"bad\", \"body\": \"Quint met \xC3\x28 Lu.\"}");
  EXPECT_EQ(RunTool(invalid).exit_code, 1);
}

}  // namespace
