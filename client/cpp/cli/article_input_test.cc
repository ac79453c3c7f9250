#include "cli/article_input.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fresh directory for one test.
fs::path TestDir() {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path dir = fs::path(::testing::TempDir()) /
                       absl::StrCat("article_input_", test->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void WriteFile(const fs::path& path, const std::string& contents) {
  std::ofstream(path) << contents;
}

std::vector<std::string> ReadAllIds(ArticleReader& reader) {
  std::vector<std::string> ids;
  while (true) {
    absl::StatusOr<std::optional<v1::Article>> article = reader.Next();
    EXPECT_TRUE(article.ok()) << article.status();
    if (!article.ok() || !article->has_value()) return ids;
    ids.push_back((*article)->id());
  }
}

TEST(ParseArticleTest, PlainTextIsTheBody) {
  absl::StatusOr<v1::Article> article =
      ParseArticle("The ministers spoke by phone.\n", "note.txt");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->body(), "The ministers spoke by phone.\n");
  EXPECT_EQ(article->title(), "");
}

TEST(ParseArticleTest, JsonGivesEveryField) {
  absl::StatusOr<v1::Article> article = ParseArticle(
      R"(  {"id": "x1", "title": "Envoys meet", "body": "They met.",
           "publishedTime": "2030-05-06T08:00:00Z"})",
      "a.json");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id(), "x1");
  EXPECT_EQ(article->title(), "Envoys meet");
  EXPECT_EQ(article->body(), "They met.");
  EXPECT_EQ(article->published_time().seconds(), 1904284800);
}

TEST(ParseArticleTest, BadJsonNamesTheInput) {
  absl::StatusOr<v1::Article> article =
      ParseArticle(R"({"headline": "no such field"})", "bad.json");
  EXPECT_TRUE(absl::IsInvalidArgument(article.status()));
  EXPECT_THAT(article.status().message(), HasSubstr("bad.json"));
}

TEST(ParsePublishedTimeTest, AcceptsDatesAndRfc3339) {
  EXPECT_EQ(ParsePublishedTime("2030-05-06")->seconds(), 1904256000);
  EXPECT_EQ(ParsePublishedTime("2030-05-06T10:00:00+02:00")->seconds(),
            1904284800);
  EXPECT_TRUE(
      absl::IsInvalidArgument(ParsePublishedTime("06/05/2030").status()));
}

TEST(ReadInputTest, MissingFileAndDirectoryAreErrors) {
  const fs::path dir = TestDir();
  EXPECT_TRUE(absl::IsNotFound(ReadInput(dir / "absent.txt").status()));
  EXPECT_TRUE(absl::IsInvalidArgument(ReadInput(dir).status()));
}

TEST(ArticleReaderTest, DirectoryFilesInNameOrderWithFileNameIds) {
  const fs::path dir = TestDir();
  WriteFile(dir / "b.txt", "Second article.");
  WriteFile(dir / "a.json", R"({"body": "First article."})");
  WriteFile(dir / "c.json", R"({"id": "own-id", "body": "Third."})");

  absl::StatusOr<std::unique_ptr<ArticleReader>> reader =
      ArticleReader::Open(dir);

  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->total(), 3);
  EXPECT_THAT(ReadAllIds(**reader),
              ::testing::ElementsAre("a.json", "b.txt", "own-id"));
}

TEST(ArticleReaderTest, JsonLinesSkipBlankLinesAndNumberIds) {
  const fs::path path = TestDir() / "batch.jsonl";
  WriteFile(path,
            "{\"body\": \"one\"}\n\n{\"id\": \"k\", \"body\": \"two\"}\n"
            "{\"body\": \"three\"}\n");

  absl::StatusOr<std::unique_ptr<ArticleReader>> reader =
      ArticleReader::Open(path);

  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->total(), 3);
  EXPECT_THAT(ReadAllIds(**reader),
              ::testing::ElementsAre("batch.jsonl:1", "k", "batch.jsonl:4"));
}

TEST(ArticleReaderTest, BadLineNamesFileAndLine) {
  const fs::path path = TestDir() / "broken.jsonl";
  WriteFile(path, "{\"body\": \"fine\"}\nnot json\n");
  absl::StatusOr<std::unique_ptr<ArticleReader>> reader =
      ArticleReader::Open(path);
  ASSERT_TRUE(reader.ok());

  ASSERT_TRUE((*reader)->Next().ok());
  absl::StatusOr<std::optional<v1::Article>> bad = (*reader)->Next();

  EXPECT_TRUE(absl::IsInvalidArgument(bad.status()));
  EXPECT_THAT(bad.status().message(), HasSubstr("broken.jsonl:2"));
}

TEST(ArticleReaderTest, MissingPathIsNotFound) {
  EXPECT_TRUE(absl::IsNotFound(
      ArticleReader::Open(TestDir() / "nowhere.jsonl").status()));
}

}  // namespace
}  // namespace attache::cli
