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
// Thread safety: a stateless function.
#ifndef ATTACHE_EXTRACT_MERGE_H_
#define ATTACHE_EXTRACT_MERGE_H_

#include <vector>

#include "absl/time/civil_time.h"
#include "extract/contact.h"
#include "extract/contacts.h"

namespace attache::extract {

// Merges `candidates` (in reading order) into contacts in order of first
// evidence.
std::vector<Contact> MergeContacts(std::vector<ContactCandidate> candidates);

// Dates contacts that happened or were called off but carry no date of
// their own by the month of `published`: news reports recent events.
void DateByPublicationMonth(absl::CivilDay published,
                            std::vector<Contact>* contacts);

// "real", "future" or "canceled": the status classes of the guideline.
int StatusClass(ContactStatus status);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_MERGE_H_
