// Contact candidates of one sentence: triggers from the lexicon with their
// arguments, status, time and location.
//
// Arguments: the agent is the nearest actor to the left of the trigger that
// is not itself the object of a preposition or of another trigger, with
// everything coordinated with it ("Blinken and Han held talks"); the other
// side is the first actor group to the right ("met with X", "talks between
// X and Y", "was received by X"), or a possessor ("Sullivan's meeting with
// Wang"). Plural pronouns ("the pair", "they") stand for the participants
// of the previous contact. Visits take a destination (a place or state) and
// the destination's state as host; "visited <person> in <place>" yields a
// visit and a meeting; "X was followed to P by A, B and C" yields a visit for
// each of A, B and C.
//
// Thread safety: a ContactFinder is per article and single-threaded.
#ifndef ATTACHE_EXTRACT_CONTACTS_H_
#define ATTACHE_EXTRACT_CONTACTS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "extract/contact.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/sentence.h"
#include "extract/time_expr.h"

namespace attache::extract {

// A trigger found at tokens [begin, end) of a sentence.
struct TriggerMatch {
  size_t begin;
  size_t end;
  const TriggerEntry* entry;
  bool venue = false;  // names the venue of other contacts: no contact
};

struct ContactCandidate {
  Contact contact;
  bool weak = false;        // supports an existing contact only
  std::string destination;  // VISIT: host state code
  int sentence_index = 0;
};

// The status a trigger's context gives; nullopt when the contact is negated.
std::optional<ContactStatus> StatusOf(const Sentence& sentence,
                                      size_t trigger_begin, size_t trigger_end,
                                      TriggerTense tense,
                                      std::vector<std::string>* rules);

class ContactFinder {
 public:
  ContactFinder(std::optional<absl::CivilDay> published, bool debug)
      : published_(published), debug_(debug) {}

  // Appends the candidates of `sentence` to `out`.
  void AddSentence(const Sentence& sentence, const SentenceMentions& mentions,
                   std::vector<ContactCandidate>* out);

 private:
  std::optional<absl::CivilDay> published_;
  bool debug_;
  std::vector<Participant> previous_participants_;
  // Time of the latest contact when it is one day: the day of contacts told
  // as "later in the day" or "afterwards".
  std::optional<TimeSpec> previous_day_;
  std::string last_destination_;       // state of the latest visit
  std::string last_destination_city_;  // its city, when named
  // Per-sentence working memory, kept to reuse its allocation.
  std::vector<TriggerMatch> triggers_;
  std::vector<TimeExpression> times_;
  std::vector<bool> governed_;
};

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_CONTACTS_H_
