#include "extract/test_util.h"

#include <memory>
#include <utility>

#include "gtest/gtest.h"

namespace attache::extract::testing {
namespace {

std::shared_ptr<const kb::KnowledgeBase> LoadKnowledgeBase() {
  absl::StatusOr<std::shared_ptr<const kb::KnowledgeBase>> kb =
      kb::KnowledgeBase::LoadFromDirectory(ATTACHE_EXTRACT_TESTDATA);
  if (!kb.ok()) {
    return nullptr;
  }
  return *std::move(kb);
}

const Extractor* SharedExtractor() {
  static const Extractor* const kExtractor = [] {
    absl::StatusOr<std::unique_ptr<Extractor>> extractor =
        Extractor::Create(LoadKnowledgeBase());
    return extractor.ok() ? extractor->release() : nullptr;
  }();
  return kExtractor;
}

}  // namespace

const kb::KnowledgeBase& TestKnowledgeBase() {
  return SharedExtractor()->knowledge_base();
}

absl::StatusOr<ExtractionResult> ExtractText(
    absl::string_view title, absl::string_view body,
    std::optional<absl::CivilDay> published) {
  const Extractor* extractor = SharedExtractor();
  if (extractor == nullptr) {
    return absl::InternalError("test knowledge base failed to load");
  }
  const ArticleText article{
      .id = "test", .title = title, .body = body, .published = published};
  ExtractOptions options;
  options.debug = true;
  return extractor->Extract(article, options);
}

std::vector<Contact> ContactsOf(absl::string_view body) {
  absl::StatusOr<ExtractionResult> result = ExtractText("", body);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? result->contacts : std::vector<Contact>{};
}

std::vector<std::string> Names(const Contact& contact) {
  std::vector<std::string> names;
  for (const Participant& p : contact.participants) {
    names.push_back(p.actor.kind == ActorKind::kPerson ? p.actor.name
                                                       : p.actor.country_code);
  }
  return names;
}

Sentence MakeSentence(absl::string_view text, int index) {
  Sentence sentence;
  sentence.index = index;
  sentence.text = std::string{text};
  Tokenize(&sentence);
  return sentence;
}

}  // namespace attache::extract::testing
