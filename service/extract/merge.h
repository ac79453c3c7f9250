// Merging contact candidates into one contact per real interaction.
//
// Candidates of the same kind with the same participants (compared by KB id,
// name or group state) and compatible status class and date are one contact:
// its evidence lists every supporting sentence, its date and location are the
// most specific ones found. Weak candidates ("the two discussed") only add
// evidence to a contact with the same participants; with none, a weak
// candidate between named people stands as a MEETING. Meetings with unnamed
// officials of the state a participant is visiting fold into the VISIT.
//
// Thread safety: MergeContacts() is a stateless function; a ContactMerger
// is used by one thread at a time.
#ifndef ATTACHE_EXTRACT_MERGE_H_
#define ATTACHE_EXTRACT_MERGE_H_

#include <vector>

#include "absl/time/civil_time.h"
#include "extract/contact.h"
#include "extract/contacts.h"

namespace attache::extract {

// Merges candidates, added in reading order, into contacts in order of first
// evidence, without keeping the candidates of the whole article.
class ContactMerger {
 public:
  void Add(ContactCandidate&& candidate);
  // The merged contacts.
  std::vector<Contact> Finish() &&;

 private:
  std::vector<Contact> merged_;  // of the strong candidates so far
  std::vector<ContactCandidate> weak_;
};

// Merges `candidates` (in reading order) as ContactMerger does.
std::vector<Contact> MergeContacts(std::vector<ContactCandidate> candidates);

// Dates contacts that happened or were called off but carry no date of
// their own by the month of `published`: news reports recent events.
void DateByPublicationMonth(absl::CivilDay published,
                            std::vector<Contact>* contacts);

// "real", "future" or "canceled": the status classes of the guideline.
int StatusClass(ContactStatus status);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_MERGE_H_
