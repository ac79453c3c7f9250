// Mentions: the actors and places of one sentence.
//
// Knowledge-base matches are combined with title patterns:
//   "China's Foreign Minister Wang Yi", "President of Turkey Recep Tayyip
//   Erdogan", "climate envoy John Kerry" (a person, with the title as role
//   and the qualifier's state as country; a person missing from the KB but
//   introduced with a title becomes an actor of that role and state);
//   "China's vice president", "the Kuwaiti ruler" (a title without a name:
//   the office holder on the article date, through KnowledgeBase::HolderOf);
//   "his Russian counterpart" (an office resolved later by coreference);
//   "senior Russian officials", "U.S. and Chinese negotiating teams" (group
//   actors); pronouns; states, organisations and their metonyms.
//
// Thread safety: FindSentenceMentions() and ApplyTenure() are stateless
// functions over an immutable knowledge base; a MentionFinder is used by one
// thread at a time.
#ifndef ATTACHE_EXTRACT_MENTIONS_H_
#define ATTACHE_EXTRACT_MENTIONS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "extract/contact.h"
#include "extract/sentence.h"
#include "kb/knowledge_base.h"

namespace attache::extract {

enum class MentionType {
  kPerson,         // a named person, or one identified by a title
  kSurname,        // a surname alone: resolved by coreference
  kCounterpart,    // "his Chinese counterpart": resolved by coreference
  kPronoun,        // "he", "his": resolved by coreference
  kPluralPronoun,  // "they", "the two": resolved by the contact stage
  kGroup,          // "senior Russian officials"
  kState,          // "China", "the Kremlin"
  kOrganization,   // "NATO", "Hamas"
};

struct ActorMention {
  size_t token_begin = 0;
  size_t token_end = 0;
  MentionType type = MentionType::kPerson;
  Actor actor;
  std::string office_id;  // the office that identified the person
  std::vector<std::string> surname_candidates;  // KB person ids (kSurname)
  bool possessive = false;                      // followed by "'s"
};

struct PlaceMention {
  size_t token_begin = 0;
  size_t token_end = 0;
  std::string name;       // as it should be reported: city or place
  std::string country;    // alpha-3
  bool is_state = false;  // a state named as a place: "in Malta", "to China"
  bool is_venue = false;
};

struct SentenceMentions {
  std::vector<ActorMention> actors;  // in text order
  std::vector<PlaceMention> places;  // in text order
};

// Finds the mentions of sentence after sentence of one article; `date` (the
// article's published date) selects office holders and tenures. Keeps its
// working memory across sentences; single-threaded.
class MentionFinder {
 public:
  MentionFinder(const kb::KnowledgeBase& kb,
                std::optional<absl::CivilDay> date);
  ~MentionFinder();

  // The mentions of `sentence`, replacing *mentions (whose capacity is
  // reused).
  void Find(const Sentence& sentence, SentenceMentions* mentions);

  struct Scratch;  // defined in mentions.cc

 private:
  const kb::KnowledgeBase& kb_;
  std::optional<absl::CivilDay> date_;
  std::unique_ptr<Scratch> scratch_;
};

// The mentions of `sentence`, as MentionFinder finds them.
SentenceMentions FindSentenceMentions(const kb::KnowledgeBase& kb,
                                      const Sentence& sentence,
                                      std::optional<absl::CivilDay> date);

// The role and country `person` held on `date` (or, without a date or a
// tenure on it, the most recent one), written into `actor`.
void ApplyTenure(const kb::KnowledgeBase& kb, const kb::Person& person,
                 std::optional<absl::CivilDay> date, Actor* actor);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_MENTIONS_H_
