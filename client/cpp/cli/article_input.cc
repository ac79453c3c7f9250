#include "cli/article_input.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"

namespace attache::cli {
namespace {

namespace fs = std::filesystem;

size_t CountNonBlankLines(const std::string& path) {
  std::ifstream in(path);
  size_t count = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!absl::StripAsciiWhitespace(line).empty()) ++count;
  }
  return count;
}

// Fills `article` from its proto JSON; the error says what is wrong.
absl::Status ParseJsonArticle(absl::string_view json, v1::Article* article) {
  const auto status =
      google::protobuf::util::JsonStringToMessage(std::string(json), article);
  if (status.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "is not a JSON attache.v1.Article: ", status.message().ToString()));
}

}  // namespace

absl::StatusOr<google::protobuf::Timestamp> ParsePublishedTime(
    absl::string_view text) {
  absl::Time time;
  std::string error;
  if (!absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &time, &error) &&
      !absl::ParseTime(absl::RFC3339_full, text, &time, &error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("published time \"", text,
                     "\" is neither YYYY-MM-DD nor RFC 3339 (", error, ")"));
  }
  return google::protobuf::util::TimeUtil::SecondsToTimestamp(
      absl::ToUnixSeconds(time));
}

absl::StatusOr<v1::Article> ParseArticle(absl::string_view contents,
                                         absl::string_view origin) {
  v1::Article article;
  if (!absl::StartsWith(absl::StripLeadingAsciiWhitespace(contents), "{")) {
    article.set_body(std::string(contents));
    return article;
  }
  if (absl::Status status = ParseJsonArticle(contents, &article);
      !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(origin, " ", status.message()));
  }
  return article;
}

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::error_code error;
  if (fs::is_directory(path, error)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " is a directory; give a file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

absl::StatusOr<std::unique_ptr<ArticleReader>> ArticleReader::Open(
    const std::string& path) {
  std::unique_ptr<ArticleReader> reader(new ArticleReader());
  if (path == "-") {
    reader->lines_ = &std::cin;
    reader->lines_name_ = "stdin";
    return reader;
  }
  std::error_code error;
  if (fs::is_directory(path, error)) {
    for (const fs::directory_entry& entry :
         fs::directory_iterator(path, error)) {
      if (entry.is_regular_file()) reader->files_.push_back(entry.path());
    }
    if (error) {
      return absl::NotFoundError(
          absl::StrCat("cannot list ", path, ": ", error.message()));
    }
    std::sort(reader->files_.begin(), reader->files_.end());
    reader->total_ = reader->files_.size();
    return reader;
  }
  reader->file_ = std::make_unique<std::ifstream>(path);
  if (!*reader->file_) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path));
  }
  reader->lines_ = reader->file_.get();
  reader->lines_name_ = fs::path(path).filename();
  reader->total_ = CountNonBlankLines(path);
  return reader;
}

absl::StatusOr<std::optional<v1::Article>> ArticleReader::Next() {
  return lines_ != nullptr ? NextLine() : NextFile();
}

absl::StatusOr<std::optional<v1::Article>> ArticleReader::NextFile() {
  if (next_file_ == files_.size()) return std::nullopt;
  const std::string& path = files_[next_file_++];
  absl::StatusOr<std::string> contents = ReadInput(path);
  if (!contents.ok()) return contents.status();
  absl::StatusOr<v1::Article> article = ParseArticle(*contents, path);
  if (!article.ok()) return article.status();
  if (article->id().empty()) article->set_id(fs::path(path).filename());
  return *std::move(article);
}

absl::StatusOr<std::optional<v1::Article>> ArticleReader::NextLine() {
  std::string line;
  while (std::getline(*lines_, line)) {
    ++line_number_;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string origin = absl::StrCat(lines_name_, ":", line_number_);
    v1::Article article;
    if (absl::Status status = ParseJsonArticle(line, &article); !status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, " ", status.message()));
    }
    if (article.id().empty()) article.set_id(origin);
    return article;
  }
  if (lines_->bad()) {
    return absl::NotFoundError(absl::StrCat("cannot read ", lines_name_));
  }
  return std::nullopt;
}

}  // namespace attache::cli
