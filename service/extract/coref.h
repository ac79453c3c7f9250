// Coreference within one article: surnames ("Blinken"), people missing from
// the knowledge base named again by their last name ("Ruto"), singular
// pronouns ("he", "him"), and counterparts ("his Chinese counterpart": the
// holder, on the article date, of the possessor's office in that state).
//
// Sentences are fed in reading order; each call resolves one sentence's
// mentions in place using everything seen before. Unresolvable singular
// mentions are dropped; plural pronouns ("they", "the two") are left for the
// contact stage, which knows the previous contact.
//
// Thread safety: a CorefResolver is per article and single-threaded.
#ifndef ATTACHE_EXTRACT_COREF_H_
#define ATTACHE_EXTRACT_COREF_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "extract/mentions.h"
#include "extract/sentence.h"
#include "kb/knowledge_base.h"

namespace attache::extract {

class CorefResolver {
 public:
  CorefResolver(const kb::KnowledgeBase& kb, std::optional<absl::CivilDay> date)
      : kb_(kb), date_(date) {}

  void Resolve(const Sentence& sentence, SentenceMentions* mentions);

 private:
  struct Known {
    Actor actor;
    std::string office_id;
    std::string last_name;  // lower-case last word of the name
  };

  const Known* FindKnown(const ActorMention& mention) const;
  void Remember(const ActorMention& mention);
  bool ResolveSurname(ActorMention* mention) const;
  bool ResolveCounterpart(const ActorMention* possessor,
                          ActorMention* mention) const;
  void AddLastNameMentions(const Sentence& sentence,
                           SentenceMentions* mentions) const;
  std::string OfficeOf(const Actor& actor) const;

  const kb::KnowledgeBase& kb_;
  std::optional<absl::CivilDay> date_;
  std::vector<Known> people_;          // in order of introduction
  bool knows_unlisted_person_ = false;  // someone in people_ has no KB id
  std::optional<Actor> last_subject_;  // first person of the latest sentence
};

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_COREF_H_
