#include "extract/extractor.h"

#include <cstdint>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "extract/contacts.h"
#include "extract/coref.h"
#include "extract/mentions.h"
#include "extract/merge.h"
#include "extract/sentence.h"
#include "text/document.h"

namespace attache::extract {
namespace {

uint64_t Fnv1a(absl::string_view data, uint64_t hash) {
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string ContactId(const std::string& article_id, const Contact& contact) {
  uint64_t hash = Fnv1a(article_id, 14695981039346656037ULL);
  hash = Fnv1a(ContactKindName(contact.kind), hash);
  for (const Participant& p : contact.participants) {
    hash = Fnv1a(
        p.actor.id.empty() ? p.actor.name + p.actor.country_code : p.actor.id,
        hash);
  }
  hash = Fnv1a(absl::StrCat(contact.evidence.front().sentence_index), hash);
  return absl::StrFormat("%016x", hash);
}

// States, organisations and groups take their side's short name from the
// knowledge base ("India"), so that clients can display them.
void NameCollectiveActors(const kb::KnowledgeBase& kb, Contact* contact) {
  for (Participant& p : contact->participants) {
    Actor& actor = p.actor;
    if (actor.kind == ActorKind::kPerson || !actor.name.empty()) {
      continue;
    }
    if (const kb::State* state = kb.FindState(actor.country_code)) {
      actor.name = state->name;
    } else if (const kb::Organization* organization =
                   kb.FindOrganization(actor.country_code)) {
      actor.name = organization->name;
    }
  }
}

absl::Status CheckStop(const ExtractOptions& options) {
  if (options.cancelled != nullptr &&
      options.cancelled->load(std::memory_order_relaxed)) {
    return absl::CancelledError("extraction cancelled");
  }
  if (options.deadline != absl::InfiniteFuture() &&
      absl::Now() > options.deadline) {
    return absl::DeadlineExceededError("extraction deadline exceeded");
  }
  return absl::OkStatus();
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const kb::KnowledgeBase> kb)
    : kb_(std::move(kb)) {}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const kb::KnowledgeBase> kb) {
  if (kb == nullptr) {
    return absl::InvalidArgumentError("Extractor needs a knowledge base");
  }
  return std::unique_ptr<Extractor>(new Extractor(std::move(kb)));
}

const char* Extractor::EngineVersion() { return "attache-extract/0.1"; }

absl::StatusOr<ExtractionResult> Extractor::Extract(
    const ArticleText& article, const ExtractOptions& options) const {
  // text::Analyze validates UTF-8 (naming the field and byte offset).
  if (article.body.find_first_not_of(" \t\r\n") == absl::string_view::npos) {
    return absl::InvalidArgumentError("body: empty");
  }
  if (absl::Status stop = CheckStop(options); !stop.ok()) {
    return stop;
  }

  absl::StatusOr<text::Document> document =
      text::Analyze(article.title, article.body);
  if (!document.ok()) {
    return document.status();
  }
  ExtractionResult result;
  result.sentence_count = static_cast<int>(document->sentences.size());
  CorefResolver coref(*kb_, article.published);
  ContactFinder finder(article.published, options.debug);
  MentionFinder mention_finder(*kb_, article.published);
  SentenceMentions mentions;
  ContactMerger merger;
  // The candidates of one sentence, kept to reuse their allocation.
  std::vector<ContactCandidate> candidates;
  // One sentence at a time: memory stays bounded by the document, not by
  // every sentence's tokens and mentions.
  Sentence sentence;
  for (const text::Sentence& analyzed : document->sentences) {
    if (analyzed.is_boilerplate()) {
      continue;
    }
    if (absl::Status stop = CheckStop(options); !stop.ok()) {
      return stop;
    }
    sentence.index = analyzed.index;
    sentence.field = analyzed.field == text::Field::kTitle ? TextField::kTitle
                                                           : TextField::kBody;
    sentence.begin = analyzed.original.begin;
    sentence.end = analyzed.original.end;
    sentence.text = analyzed.text;
    Tokenize(&sentence);
    mention_finder.Find(sentence, &mentions);
    coref.Resolve(sentence, &mentions);
    result.mention_count += static_cast<int>(mentions.actors.size());
    candidates.clear();
    finder.AddSentence(sentence, mentions, &candidates);
    for (ContactCandidate& candidate : candidates) {
      merger.Add(std::move(candidate));
    }
  }
  std::vector<Contact> contacts = std::move(merger).Finish();
  if (article.published.has_value()) {
    DateByPublicationMonth(*article.published, &contacts);
  }
  for (Contact& contact : contacts) {
    if (contact.confidence < options.min_confidence) {
      continue;
    }
    for (Evidence& e : contact.evidence) {
      const absl::string_view field =
          e.field == TextField::kTitle ? article.title : article.body;
      e.sentence = std::string{field.substr(e.begin, e.end - e.begin)};
    }
    contact.id = ContactId(article.id, contact);
    NameCollectiveActors(*kb_, &contact);
    result.contacts.push_back(std::move(contact));
  }
  return result;
}

}  // namespace attache::extract
