// Reading the articles the `attache` CLI sends: one article from a file or
// stdin (plain text, or a JSON object with the fields of attache.v1.Article),
// and many articles from a directory of such files or from JSON lines.
//
// Errors are INVALID_ARGUMENT (bad JSON, bad date) or NOT_FOUND (unreadable
// path), with the path (and line) in the message; the CLI maps both to its
// "input" exit code.
//
// Thread safety: ArticleReader is not thread-safe; the free functions are.
#ifndef ATTACHE_CLI_ARTICLE_INPUT_H_
#define ATTACHE_CLI_ARTICLE_INPUT_H_

#include <cstddef>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "attache/v1/article.pb.h"

namespace attache::cli {

// Parses "YYYY-MM-DD" (midnight UTC) or an RFC 3339 time.
absl::StatusOr<google::protobuf::Timestamp> ParsePublishedTime(
    absl::string_view text);

// An article from `contents`: a JSON Article when it starts with '{' (after
// white space), plain body text otherwise. `origin` names the input in
// error messages.
absl::StatusOr<v1::Article> ParseArticle(absl::string_view contents,
                                         absl::string_view origin);

// Reads all of `path`, or of stdin when `path` is "-".
absl::StatusOr<std::string> ReadInput(const std::string& path);

// The articles of a directory (its regular files in name order; each file's
// name becomes the id of an article without one), of a JSON-lines file, or
// of JSON lines on stdin ("-"). Each non-blank line of JSON lines is one
// Article; one without an id gets "<file name>:<line number>".
class ArticleReader {
 public:
  static absl::StatusOr<std::unique_ptr<ArticleReader>> Open(
      const std::string& path);

  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  // The next article, or std::nullopt after the last one.
  absl::StatusOr<std::optional<v1::Article>> Next();

  // How many articles there are, when known without reading them all (not
  // for stdin).
  std::optional<size_t> total() const { return total_; }

 private:
  ArticleReader() = default;

  absl::StatusOr<std::optional<v1::Article>> NextFile();
  absl::StatusOr<std::optional<v1::Article>> NextLine();

  // Directory mode: the files still to read.
  std::vector<std::string> files_;
  size_t next_file_ = 0;
  // JSON-lines mode: the stream (a file, or std::cin), its name for ids and
  // messages, and the number of lines read.
  std::unique_ptr<std::ifstream> file_;
  std::istream* lines_ = nullptr;
  std::string lines_name_;
  int line_number_ = 0;
  std::optional<size_t> total_;
};

}  // namespace attache::cli

#endif  // ATTACHE_CLI_ARTICLE_INPUT_H_
