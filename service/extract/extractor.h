// The extraction engine's public API.
//
// An Extractor reads one article (title, body, published date) and returns
// the diplomatic contacts it reports, merged, typed, dated and located, each
// with its supporting sentences. It is a plain library: no gRPC, no I/O.
//
// Thread safety: an Extractor is immutable after Create() and may be shared by
// any number of threads; Extract() is const and keeps no state between calls.
// It holds a shared_ptr to the knowledge base it was created with, so a KB
// reload never changes the results of an extraction already under way.
#ifndef ATTACHE_EXTRACT_EXTRACTOR_H_
#define ATTACHE_EXTRACT_EXTRACTOR_H_

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "extract/contact.h"
#include "kb/knowledge_base.h"

namespace attache::extract {

// An article as the engine sees it.
struct ArticleText {
  std::string id;
  absl::string_view title;
  absl::string_view body;
  std::optional<absl::CivilDay> published;  // anchors relative dates
};

struct ExtractOptions {
  bool debug = false;           // fill Contact::debug_rules
  double min_confidence = 0.0;  // drop contacts below this
  // Checked between sentences; when set, Extract() returns CANCELLED.
  const std::atomic<bool>* cancelled = nullptr;
  // When passed, Extract() returns DEADLINE_EXCEEDED.
  absl::Time deadline = absl::InfiniteFuture();
};

struct ExtractionResult {
  std::vector<Contact> contacts;  // in order of first evidence
  int sentence_count = 0;
  int mention_count = 0;
};

class Extractor {
 public:
  // Builds an extractor over `kb`, which must not be null.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      std::shared_ptr<const kb::KnowledgeBase> kb);

  // Extracts the contacts of `article`. Errors: INVALID_ARGUMENT for invalid
  // UTF-8 (the message gives the byte offset and field) or an empty body;
  // CANCELLED and DEADLINE_EXCEEDED as set in `options`.
  absl::StatusOr<ExtractionResult> Extract(const ArticleText& article,
                                           const ExtractOptions& options) const;

  const kb::KnowledgeBase& knowledge_base() const { return *kb_; }

  // Version of the engine's rules, reported with every result.
  static const char* EngineVersion();

 private:
  explicit Extractor(std::shared_ptr<const kb::KnowledgeBase> kb);
  std::shared_ptr<const kb::KnowledgeBase> kb_;
};

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_EXTRACTOR_H_
