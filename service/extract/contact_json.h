// JSON conversion for the attache-extract tool: reading articles in the
// annotation guideline's format and writing contacts either in the
// guideline's gold format (--format=eval) or as proto-JSON Contact objects
// with protobuf's JSON field names (--format=jsonl), without Protobuf.
//
// Thread safety: stateless functions.
#ifndef ATTACHE_EXTRACT_CONTACT_JSON_H_
#define ATTACHE_EXTRACT_CONTACT_JSON_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "extract/extractor.h"

namespace attache::extract {

// An article read from JSON, owning its text.
struct ArticleRecord {
  std::string id;
  std::string title;
  std::string body;
  std::optional<absl::CivilDay> published;

  ArticleText View() const {
    return {.id = id, .title = title, .body = body, .published = published};
  }
};

// Parses one guideline-format article object (fields id, title, body,
// published "YYYY-MM-DD" or null; others ignored). `fallback_id` is used
// when the object has no id.
absl::StatusOr<ArticleRecord> ParseArticleJson(absl::string_view text,
                                               absl::string_view fallback_id);

// The guideline's date string for `time`: "YYYY-MM-DD", "YYYY-MM", "YYYY",
// or empty when unresolved.
std::string EvalDate(const TimeSpec& time);

// One line {"id": ..., "contacts": [...]} in the guideline's format.
std::string EvalLine(absl::string_view article_id,
                     const ExtractionResult& result);

// One contact as a proto-JSON Contact object, without a line break.
std::string ProtoJson(absl::string_view article_id, const Contact& contact);

// One proto-JSON Contact object per contact, each on its own line.
std::string ProtoJsonLines(absl::string_view article_id,
                           const ExtractionResult& result);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_CONTACT_JSON_H_
