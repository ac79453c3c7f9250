// Test helpers for the extraction engine: the invented knowledge base of
// testdata/ and an extractor over it.
//
// Thread safety: the shared objects are created once and immutable.
#ifndef ATTACHE_EXTRACT_TEST_UTIL_H_
#define ATTACHE_EXTRACT_TEST_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "extract/extractor.h"
#include "extract/sentence.h"
#include "kb/knowledge_base.h"

namespace attache::extract::testing {

// The knowledge base of testdata/ (invented people, real states).
const kb::KnowledgeBase& TestKnowledgeBase();

// Extracts `body` (and `title`) published on `published` with the test KB.
absl::StatusOr<ExtractionResult> ExtractText(
    absl::string_view title, absl::string_view body,
    std::optional<absl::CivilDay> published = absl::CivilDay(2024, 5, 15));

// The contacts of `body` (no title, the default published date); an
// extraction error fails the calling test and yields none.
std::vector<Contact> ContactsOf(absl::string_view body);

// Participant names of persons, the country or organisation code of others.
std::vector<std::string> Names(const Contact& contact);

// A tokenized sentence of `text`.
Sentence MakeSentence(absl::string_view text, int index = 1);

}  // namespace attache::extract::testing

#endif  // ATTACHE_EXTRACT_TEST_UTIL_H_
