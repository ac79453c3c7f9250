#include "extract/merge.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extract/time_expr.h"

namespace attache::extract {
namespace {

// True when each participant of `a` shares the key of one of `b`.
bool KeysIncluded(const Contact& a, const Contact& b) {
  return std::all_of(
      a.participants.begin(), a.participants.end(), [&b](const Participant& p) {
        return std::any_of(
            b.participants.begin(), b.participants.end(),
            [&p](const Participant& q) { return SameKey(p.actor, q.actor); });
      });
}

// True when both contacts have the same set of participant keys (KeyOf).
bool SameParticipants(const Contact& a, const Contact& b) {
  // Usually the same keys in the same order.
  if (std::equal(a.participants.begin(), a.participants.end(),
                 b.participants.begin(), b.participants.end(),
                 [](const Participant& p, const Participant& q) {
                   return SameKey(p.actor, q.actor);
                 })) {
    return true;
  }
  return KeysIncluded(a, b) && KeysIncluded(b, a);
}

// A dated mention in another named city is another occasion; undated
// mentions of nearby places ("in Lahore", "at Raiwind Palace") may tell of
// the same one.
bool PlacesCompatible(const Contact& a, const Contact& b) {
  const bool undated = a.time.granularity == TimeGranularity::kNone &&
                       b.time.granularity == TimeGranularity::kNone;
  return undated || a.location.city.empty() || b.location.city.empty() ||
         a.location.city == b.location.city;
}

bool TimesCompatible(const TimeSpec& a, const TimeSpec& b) {
  if (a.granularity == TimeGranularity::kNone ||
      b.granularity == TimeGranularity::kNone) {
    return true;
  }
  return a.start <= b.end && b.start <= a.end;
}

// The more specific of two times.
const TimeSpec& Finer(const TimeSpec& a, const TimeSpec& b) {
  if (a.granularity == TimeGranularity::kNone) {
    return b;
  }
  if (b.granularity == TimeGranularity::kNone) {
    return a;
  }
  return (a.end - a.start) <= (b.end - b.start) ? a : b;
}

void Absorb(Contact&& from, Contact* into) {
  if (&Finer(into->time, from.time) == &from.time) {
    into->time = std::move(from.time);
  }
  if (into->location.country_code.empty() ||
      (into->location.city.empty() && !from.location.city.empty() &&
       from.location.country_code == into->location.country_code)) {
    if (!from.location.country_code.empty()) {
      into->location = std::move(from.location);
    }
  }
  if (into->status == ContactStatus::kOccurred &&
      from.status == ContactStatus::kOngoing) {
    into->status = ContactStatus::kOngoing;
  }
  // Two triggers of one sentence ("arrived in X for a state visit") are one
  // piece of evidence and no corroboration; they come one after the other.
  // DropRepeatedEvidence() removes the repeats.
  const bool corroborated = from.evidence.empty() || into->evidence.empty() ||
                            from.evidence.front().sentence_index !=
                                into->evidence.back().sentence_index;
  for (Evidence& e : from.evidence) {
    into->evidence.push_back(std::move(e));
  }
  into->confidence = std::min(1.0, std::max(into->confidence, from.confidence) +
                                       (corroborated ? 0.05 : 0.0));
  for (std::string& rule : from.debug_rules) {
    into->debug_rules.push_back(std::move(rule));
  }
}

// Keeps the first evidence of each sentence.
void DropRepeatedEvidence(Contact* contact) {
  if (contact->evidence.size() < 2) {
    return;
  }
  absl::flat_hash_set<int> seen;
  std::erase_if(contact->evidence, [&seen](const Evidence& e) {
    return !seen.insert(e.sentence_index).second;
  });
}

const Participant* FindRole(const Contact& contact, ParticipantRole role) {
  for (const Participant& p : contact.participants) {
    if (p.role == role) {
      return &p;
    }
  }
  return nullptr;
}

bool IsFuture(ContactStatus status) {
  return status == ContactStatus::kPlanned ||
         status == ContactStatus::kSpeculated;
}

// A plan and its outcome are one contact: "will hop between A and B" and
// "landed in A on Monday" (a trip realised), "was scheduled to visit in
// April" and "canceled the visit" (a plan called off).
void FoldPlansIntoOutcomes(std::vector<Contact>* merged) {
  for (size_t i = 0; i < merged->size(); ++i) {
    Contact& plan = (*merged)[i];
    if (!IsFuture(plan.status)) {
      continue;
    }
    for (size_t j = 0; j < merged->size(); ++j) {
      Contact& outcome = (*merged)[j];
      const bool realised = outcome.kind == ContactKind::kVisit &&
                            StatusClass(outcome.status) == 0;
      const bool called_off = outcome.status == ContactStatus::kCanceled;
      if (i == j || outcome.kind != plan.kind || !(realised || called_off) ||
          !TimesCompatible(plan.time, outcome.time) ||
          !SameParticipants(plan, outcome)) {
        continue;
      }
      Absorb(std::move(plan), &outcome);
      merged->erase(merged->begin() + static_cast<std::ptrdiff_t>(i));
      --i;
      break;
    }
  }
}

// True when `meeting` includes the visitor of `visit` and someone of the
// host state.
bool MeetsDuring(const Contact& meeting, const Contact& visit) {
  const Participant* visitor = FindRole(visit, ParticipantRole::kVisitor);
  const Participant* host = FindRole(visit, ParticipantRole::kHost);
  if (visitor == nullptr || host == nullptr) {
    return false;
  }
  bool has_visitor = false;
  bool has_host = false;
  for (const Participant& p : meeting.participants) {
    has_visitor |= SameKey(p.actor, visitor->actor);
    has_host |= p.actor.country_code == host->actor.country_code;
  }
  // Meetings planned during a visit under way belong to it too.
  const bool same_class =
      StatusClass(meeting.status) == StatusClass(visit.status) ||
      (visit.status == ContactStatus::kOngoing && IsFuture(meeting.status));
  return has_visitor && has_host && same_class &&
         TimesCompatible(meeting.time, visit.time) &&
         (meeting.location.country_code.empty() ||
          meeting.location.country_code == host->actor.country_code);
}

// A visit and the meetings held during it share place and day: the visit
// is located in the city where the text places the visitor and dated by the
// earliest day; a meeting without its own takes the visit's.
void ShareVisitOccasion(std::vector<Contact>* contacts) {
  for (Contact& visit : *contacts) {
    if (visit.kind != ContactKind::kVisit) {
      continue;
    }
    for (Contact& meeting : *contacts) {
      if (meeting.kind != ContactKind::kMeeting ||
          !MeetsDuring(meeting, visit)) {
        continue;
      }
      if (visit.location.city.empty() && !meeting.location.city.empty()) {
        visit.location = meeting.location;
      } else if (meeting.location.country_code.empty()) {
        meeting.location = visit.location;
      }
      if (meeting.time.granularity == TimeGranularity::kDay &&
          (visit.time.granularity != TimeGranularity::kDay ||
           meeting.time.start < visit.time.start)) {
        visit.time = meeting.time;
      } else if (meeting.time.granularity == TimeGranularity::kNone) {
        meeting.time = visit.time;
      }
    }
  }
}

// A meeting planned inside a visit that is called off is called off too.
void CancelWithVisit(std::vector<Contact>* contacts) {
  for (const Contact& visit : *contacts) {
    if (visit.kind != ContactKind::kVisit ||
        visit.status != ContactStatus::kCanceled) {
      continue;
    }
    Contact plan_of_visit = visit;
    for (Contact& meeting : *contacts) {
      if (meeting.kind != ContactKind::kMeeting || !IsFuture(meeting.status)) {
        continue;
      }
      plan_of_visit.status = meeting.status;
      if (MeetsDuring(meeting, plan_of_visit)) {
        meeting.status = ContactStatus::kCanceled;
      }
    }
  }
}

}  // namespace

void DateByPublicationMonth(absl::CivilDay published,
                            std::vector<Contact>* contacts) {
  const absl::CivilMonth month(published);
  for (Contact& contact : *contacts) {
    if (contact.time.granularity != TimeGranularity::kNone ||
        StatusClass(contact.status) == 1) {
      continue;
    }
    CoverMonth(month, &contact.time);
  }
}

int StatusClass(ContactStatus status) {
  switch (status) {
    case ContactStatus::kOccurred:
    case ContactStatus::kOngoing:
      return 0;
    case ContactStatus::kPlanned:
    case ContactStatus::kSpeculated:
      return 1;
    case ContactStatus::kCanceled:
      return 2;
  }
  return 0;
}

void ContactMerger::Add(ContactCandidate&& candidate) {
  // Weak candidates only support the contacts of all strong ones.
  if (candidate.weak) {
    weak_.push_back(std::move(candidate));
    return;
  }
  for (Contact& contact : merged_) {
    if (contact.kind != candidate.contact.kind ||
        StatusClass(contact.status) != StatusClass(candidate.contact.status) ||
        !TimesCompatible(contact.time, candidate.contact.time) ||
        !PlacesCompatible(contact, candidate.contact) ||
        !SameParticipants(contact, candidate.contact)) {
      continue;
    }
    Absorb(std::move(candidate.contact), &contact);
    return;
  }
  merged_.push_back(std::move(candidate.contact));
}

std::vector<Contact> ContactMerger::Finish() && {
  std::vector<Contact> merged = std::move(merged_);
  for (ContactCandidate& candidate : weak_) {
    bool absorbed = false;
    for (Contact& contact : merged) {
      if (SameParticipants(contact, candidate.contact)) {
        candidate.contact.time = {};
        candidate.contact.location = {};
        Absorb(std::move(candidate.contact), &contact);
        absorbed = true;
        break;
      }
    }
    const bool all_named =
        std::all_of(candidate.contact.participants.begin(),
                    candidate.contact.participants.end(),
                    [](const Participant& p) { return !p.actor.name.empty(); });
    if (!absorbed && all_named) {
      merged.push_back(std::move(candidate.contact));
    }
  }
  FoldPlansIntoOutcomes(&merged);
  // Talks with unnamed officials of a visited state fold into the visit.
  std::vector<bool> drop(merged.size(), false);
  for (size_t i = 0; i < merged.size(); ++i) {
    if (merged[i].kind != ContactKind::kMeeting) {
      continue;
    }
    for (const Participant& group : merged[i].participants) {
      if (group.actor.kind != ActorKind::kGroup) {
        continue;
      }
      for (const Contact& visit : merged) {
        if (visit.kind != ContactKind::kVisit) {
          continue;
        }
        const auto host =
            std::find_if(visit.participants.begin(), visit.participants.end(),
                         [](const Participant& p) {
                           return p.role == ParticipantRole::kHost;
                         });
        if (host == visit.participants.end() ||
            host->actor.country_code != group.actor.country_code) {
          continue;
        }
        const auto visitor =
            std::find_if(visit.participants.begin(), visit.participants.end(),
                         [](const Participant& p) {
                           return p.role == ParticipantRole::kVisitor;
                         });
        const bool shares_visitor = std::any_of(
            merged[i].participants.begin(), merged[i].participants.end(),
            [&](const Participant& p) {
              return visitor != visit.participants.end() &&
                     SameKey(p.actor, visitor->actor);
            });
        if (shares_visitor && merged[i].participants.size() == 2) {
          drop[i] = true;
        }
      }
    }
  }
  std::vector<Contact> out;
  for (size_t i = 0; i < merged.size(); ++i) {
    if (!drop[i]) {
      out.push_back(std::move(merged[i]));
    }
  }
  CancelWithVisit(&out);
  ShareVisitOccasion(&out);
  for (Contact& contact : out) {
    DropRepeatedEvidence(&contact);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Contact& a, const Contact& b) {
                     return a.evidence.front().sentence_index <
                            b.evidence.front().sentence_index;
                   });
  return out;
}

std::vector<Contact> MergeContacts(std::vector<ContactCandidate> candidates) {
  ContactMerger merger;
  for (ContactCandidate& candidate : candidates) {
    merger.Add(std::move(candidate));
  }
  return std::move(merger).Finish();
}

}  // namespace attache::extract
