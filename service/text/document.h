// The text layer's entry point: from a raw title and body to validated,
// normalised, segmented and tokenised text with boilerplate marked.
//
//   absl::StatusOr<Document> doc = Analyze(title, body);
//   for (const Sentence& s : doc->sentences) {
//     if (s.is_boilerplate()) continue;
//     for (const Token& t : s.tokens) Use(s.TokenText(t));
//   }
//
// Offsets: Sentence::original and Token::original_begin/original_end are
// UTF-8 byte offsets into the ORIGINAL title or body (per `field`), so
// evidence quotes the text the user sent. Sentence::text and Token::begin/end
// are in the normalised sentence.
//
// Thread safety: Analyze() is stateless and safe to call from any thread; a
// Document is a plain value.
#ifndef ATTACHE_TEXT_DOCUMENT_H_
#define ATTACHE_TEXT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "text/boilerplate.h"
#include "text/normalize.h"
#include "text/offset_map.h"
#include "text/segment.h"
#include "text/tokenize.h"

namespace attache::text {

enum class Field : uint8_t { kTitle, kBody };

struct Paragraph {
  Field field = Field::kBody;
  ByteRange original;    // in the original field text
  ByteRange normalized;  // in Document::normalized(field).text
  BoilerplateKind boilerplate = BoilerplateKind::kNone;
  bool heading = false;    // a single line without final punctuation
  int first_sentence = 0;  // index into Document::sentences
  int sentence_count = 0;
};

struct Sentence {
  int index = 0;  // position in Document::sentences; the title comes first
  Field field = Field::kBody;
  int paragraph = 0;          // index into Document::paragraphs
  ByteRange original;         // in the original field text
  ByteRange normalized;       // in Document::normalized(field).text
  std::string text;           // normalised; line breaks inside it become spaces
  std::vector<Token> tokens;  // begin/end into `text`, original_* into field
  // Authoritative per sentence: an appeal glued to the lede marks only the
  // appeal sentence even though its paragraph is classified as an appeal.
  BoilerplateKind boilerplate = BoilerplateKind::kNone;
  bool heading = false;        // no final punctuation (headline, caption)
  bool repeats_title = false;  // a body line that repeats the title
  // Bytes of `text` taken by a leading dateline ("HARBOUR CITY - "); 0 if
  // none. Tokens that begin before it belong to the dateline.
  size_t dateline_end = 0;

  bool is_boilerplate() const { return boilerplate != BoilerplateKind::kNone; }
  absl::string_view TokenText(const Token& token) const {
    return attache::text::TokenText(text, token);
  }
};

struct Document {
  NormalizedText title;
  NormalizedText body;
  std::vector<Paragraph> paragraphs;  // the title's first, then the body's
  std::vector<Sentence> sentences;    // the title's first, then the body's

  const NormalizedText& normalized(Field field) const {
    return field == Field::kTitle ? title : body;
  }
};

struct AnalyzeOptions {
  SegmentOptions segment;
};

// Validates, normalises, segments, tokenises and marks boilerplate. A
// non-empty title becomes its own paragraph with (normally) one sentence,
// field kTitle. Errors: INVALID_ARGUMENT when `title` or `body` is not
// well-formed UTF-8 (the message names the field and the byte offset) or is
// 4 GiB or larger.
absl::StatusOr<Document> Analyze(absl::string_view title,
                                 absl::string_view body,
                                 const AnalyzeOptions& options = {});

}  // namespace attache::text

#endif  // ATTACHE_TEXT_DOCUMENT_H_
