#include "extract/merge.h"

#include <algorithm>
#include <set>
#include <string>

namespace attache::extract {
namespace {

std::string KeyOf(const Actor& actor) {
  if (!actor.id.empty()) return actor.id;
  if (!actor.name.empty()) return "name:" + actor.name;
  return "group:" + actor.country_code;
}

std::set<std::string> KeysOf(const Contact& contact) {
  std::set<std::string> keys;
  for (const Participant& p : contact.participants) keys.insert(KeyOf(p.actor));
  return keys;
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
  if (a.granularity == TimeGranularity::kNone) return b;
  if (b.granularity == TimeGranularity::kNone) return a;
  return (a.end - a.start) <= (b.end - b.start) ? a : b;
}

void Absorb(Contact&& from, Contact* into) {
  into->time = Finer(into->time, from.time);
  if (into->location.country_code.empty() ||
      (into->location.city.empty() && !from.location.city.empty() &&
       from.location.country_code == into->location.country_code)) {
    if (!from.location.country_code.empty()) into->location = from.location;
  }
  if (into->status == ContactStatus::kOccurred &&
      from.status == ContactStatus::kOngoing) {
    into->status = ContactStatus::kOngoing;
  }
  for (Evidence& e : from.evidence) into->evidence.push_back(std::move(e));
  into->confidence =
      std::min(1.0, std::max(into->confidence, from.confidence) + 0.05);
  for (std::string& rule : from.debug_rules) {
    into->debug_rules.push_back(std::move(rule));
  }
}

}  // namespace

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

std::vector<Contact> MergeContacts(std::vector<ContactCandidate> candidates) {
  std::vector<Contact> merged;
  std::vector<std::set<std::string>> keys;
  std::vector<ContactCandidate> weak;
  for (ContactCandidate& candidate : candidates) {
    if (candidate.weak) {
      weak.push_back(std::move(candidate));
      continue;
    }
    std::set<std::string> candidate_keys = KeysOf(candidate.contact);
    bool absorbed = false;
    for (size_t i = 0; i < merged.size(); ++i) {
      if (merged[i].kind != candidate.contact.kind ||
          keys[i] != candidate_keys ||
          StatusClass(merged[i].status) !=
              StatusClass(candidate.contact.status) ||
          !TimesCompatible(merged[i].time, candidate.contact.time)) {
        continue;
      }
      Absorb(std::move(candidate.contact), &merged[i]);
      absorbed = true;
      break;
    }
    if (!absorbed) {
      merged.push_back(std::move(candidate.contact));
      keys.push_back(std::move(candidate_keys));
    }
  }
  for (ContactCandidate& candidate : weak) {
    const std::set<std::string> candidate_keys = KeysOf(candidate.contact);
    bool absorbed = false;
    for (size_t i = 0; i < merged.size(); ++i) {
      if (keys[i] == candidate_keys) {
        candidate.contact.time = {};
        candidate.contact.location = {};
        Absorb(std::move(candidate.contact), &merged[i]);
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
      keys.push_back(candidate_keys);
    }
  }
  // Talks with unnamed officials of a visited state fold into the visit.
  std::vector<bool> drop(merged.size(), false);
  for (size_t i = 0; i < merged.size(); ++i) {
    if (merged[i].kind != ContactKind::kMeeting) continue;
    for (const Participant& group : merged[i].participants) {
      if (group.actor.kind != ActorKind::kGroup) continue;
      for (const Contact& visit : merged) {
        if (visit.kind != ContactKind::kVisit) continue;
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
                     KeyOf(p.actor) == KeyOf(visitor->actor);
            });
        if (shares_visitor && merged[i].participants.size() == 2)
          drop[i] = true;
      }
    }
  }
  std::vector<Contact> out;
  for (size_t i = 0; i < merged.size(); ++i) {
    if (!drop[i]) out.push_back(std::move(merged[i]));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Contact& a, const Contact& b) {
                     return a.evidence.front().sentence_index <
                            b.evidence.front().sentence_index;
                   });
  return out;
}

}  // namespace attache::extract
