#include "extract/contacts.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"

namespace attache::extract {
namespace {

bool IsOneOf(absl::string_view word,
             std::initializer_list<absl::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Prepositions after which an actor is an object, not an agent.
bool Governs(absl::string_view lower) {
  return IsOneOf(lower, {"with", "by", "to", "between", "among", "of", "for",
                         "from", "on", "against", "about", "invited"});
}

// Tokens that may separate an argument from its trigger.
bool IsArgumentGap(absl::string_view lower) {
  return IsOneOf(lower,
                 {"with",  "between", "among", "by",      "and",        ",",
                  "the",   "a",       "an",    "his",     "her",        "their",
                  "its",   "also",    "on",    "in",      "at",         "has",
                  "have",  "had",     "held",  "hold",    "separately", "later",
                  "again", "both",    "two",   "leaders", "of"});
}

std::string KeyOf(const Actor& actor) {
  if (!actor.id.empty()) return actor.id;
  if (!actor.name.empty()) return "name:" + actor.name;
  return "group:" + actor.country_code;
}

struct TriggerMatch {
  size_t begin;
  size_t end;
  const TriggerEntry* entry;
};

ContactStatus Stronger(ContactStatus a, ContactStatus b) {
  auto rank = [](ContactStatus s) {
    switch (s) {
      case ContactStatus::kCanceled:
        return 4;
      case ContactStatus::kSpeculated:
        return 3;
      case ContactStatus::kPlanned:
        return 2;
      case ContactStatus::kOngoing:
        return 1;
      case ContactStatus::kOccurred:
        return 0;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

class SentenceContacts {
 public:
  SentenceContacts(const Sentence& sentence, const SentenceMentions& mentions,
                   std::optional<absl::CivilDay> published, bool debug,
                   const std::vector<Participant>& previous,
                   std::string* last_destination,
                   std::string* last_destination_city)
      : sentence_(sentence),
        tokens_(sentence.tokens),
        actors_(mentions.actors),
        places_(mentions.places),
        published_(published),
        debug_(debug),
        previous_(previous),
        last_destination_(last_destination),
        last_destination_city_(last_destination_city) {}

  void Run(std::vector<ContactCandidate>* out);

 private:
  void FindTriggers();
  void MarkGoverned();
  bool Coordinated(size_t a, size_t b) const;
  // Indices of the coordinated run containing actor k.
  std::vector<size_t> GroupOf(size_t k) const;
  // `noun`: a nominal trigger, whose agent may stand further away.
  std::optional<size_t> AgentBefore(size_t token, bool noun) const;
  std::optional<size_t> ObjectAfter(size_t token, size_t max_gap) const;
  std::vector<Participant> ToParticipants(const std::vector<size_t>& group,
                                          ParticipantRole role) const;
  void AddParticipants(const std::vector<Participant>& add,
                       std::vector<Participant>* to) const;
  bool InTime(size_t token) const;
  bool InActor(size_t token) const;
  TimeSpec TimeFor(const TriggerMatch& t, ContactStatus* status,
                   std::vector<std::string>* rules) const;
  std::optional<PlaceMention> PlaceNear(const TriggerMatch& t) const;
  void Emit(const TriggerMatch& t, ContactKind kind,
            std::vector<Participant> participants, ContactStatus status,
            const std::optional<PlaceMention>& place, std::string destination,
            std::vector<std::string> rules, std::vector<ContactCandidate>* out);
  void Visit(const TriggerMatch& t, ContactStatus status,
             std::vector<std::string> rules,
             std::vector<ContactCandidate>* out);

  const Sentence& sentence_;
  absl::Span<const Token> tokens_;
  const std::vector<ActorMention>& actors_;
  const std::vector<PlaceMention>& places_;
  std::optional<absl::CivilDay> published_;
  bool debug_;
  const std::vector<Participant>& previous_;
  std::string* last_destination_;
  std::string* last_destination_city_;
  std::vector<TimeExpression> times_;
  std::vector<TriggerMatch> triggers_;
  std::vector<bool> governed_;
};

bool SentenceContacts::InTime(size_t token) const {
  return std::any_of(times_.begin(), times_.end(), [&](const auto& e) {
    return e.token_begin <= token && token < e.token_end;
  });
}

bool SentenceContacts::InActor(size_t token) const {
  return std::any_of(actors_.begin(), actors_.end(), [&](const auto& a) {
    return a.token_begin <= token && token < a.token_end;
  });
}

void SentenceContacts::FindTriggers() {
  for (size_t i = 0; i < tokens_.size();) {
    if (InActor(i) && !IsOneOf(tokens_[i].lower, {"visit", "visits"})) {
      ++i;
      continue;
    }
    const TriggerEntry* found = nullptr;
    size_t length = 0;
    for (const TriggerEntry& entry : Triggers()) {
      if (MatchesPhrase(tokens_, i, entry.phrase, &length)) {
        found = &entry;
        break;
      }
    }
    if (found == nullptr) {
      ++i;
      continue;
    }
    triggers_.push_back({i, i + length, found});
    i += length;
  }
}

void SentenceContacts::MarkGoverned() {
  governed_.assign(actors_.size(), false);
  for (size_t k = 0; k < actors_.size(); ++k) {
    const size_t begin = actors_[k].token_begin;
    size_t prev = begin;
    // Skip determiners between the preposition and the actor.
    while (prev > 0 && IsOneOf(tokens_[prev - 1].lower, {"the", "a", "an"})) {
      --prev;
    }
    if (prev > 0 && Governs(tokens_[prev - 1].lower)) governed_[k] = true;
    for (const TriggerMatch& t : triggers_) {
      if (t.end == prev) {
        governed_[k] = true;
      }
    }
    if (k > 0 && governed_[k - 1] && Coordinated(k - 1, k)) {
      governed_[k] = true;
    }
  }
}

bool SentenceContacts::Coordinated(size_t a, size_t b) const {
  const size_t end = actors_[a].token_end;
  const size_t begin = actors_[b].token_begin;
  if (begin < end || begin - end > 2) return false;
  if (begin == end) return false;
  const bool person_a = actors_[a].type == MentionType::kPerson;
  const bool person_b = actors_[b].type == MentionType::kPerson;
  if (person_a != person_b) return false;
  for (size_t i = end; i < begin; ++i) {
    if (!IsOneOf(tokens_[i].lower, {",", "and", "-", "&"})) return false;
  }
  return true;
}

std::vector<size_t> SentenceContacts::GroupOf(size_t k) const {
  size_t first = k;
  while (first > 0 && Coordinated(first - 1, first)) --first;
  size_t last = k;
  while (last + 1 < actors_.size() && Coordinated(last, last + 1)) ++last;
  std::vector<size_t> group;
  for (size_t i = first; i <= last; ++i) group.push_back(i);
  return group;
}

std::optional<size_t> SentenceContacts::AgentBefore(size_t token,
                                                    bool noun) const {
  // A possessor right before the trigger: "Sullivan's meeting".
  for (size_t k = actors_.size(); k-- > 0;) {
    const ActorMention& a = actors_[k];
    if (a.token_end > token) continue;
    if (a.possessive && (a.token_end + 1 == token || a.token_end == token)) {
      return k;
    }
    if (a.possessive && a.token_end + 1 < token &&
        IsOneOf(tokens_[a.token_end + 1].lower,
                {"recent", "first", "two", "official", "state", "planned",
                 "upcoming", "previous", "latest", "brief", "surprise"}) &&
        a.token_end + 2 == token) {
      return k;
    }
    break;
  }
  std::optional<size_t> other;
  std::optional<size_t> governed_person;
  for (size_t k = actors_.size(); k-- > 0;) {
    const ActorMention& a = actors_[k];
    if (a.token_end > token) continue;
    if (token - a.token_end > (noun ? 24 : 14)) break;
    const bool person =
        a.type == MentionType::kPerson || a.type == MentionType::kPluralPronoun;
    if (!governed_[k] && person) return k;
    if (!governed_[k] && !other.has_value()) other = k;
    if (governed_[k] && person && !governed_person.has_value()) {
      governed_person = k;
    }
  }
  return other.has_value() ? other : governed_person;
}

std::optional<size_t> SentenceContacts::ObjectAfter(size_t token,
                                                    size_t max_gap) const {
  size_t gap = 0;
  for (size_t i = token; i < tokens_.size(); ++i) {
    for (size_t k = 0; k < actors_.size(); ++k) {
      if (actors_[k].token_begin != i) continue;
      // "talks on Syria": a state after "on" is a topic, not a party.
      const bool topic =
          actors_[k].type == MentionType::kState && i > 0 &&
          IsOneOf(tokens_[i - 1].lower, {"on", "about", "over", "regarding"});
      if (topic) return std::nullopt;
      return k;
    }
    if (InTime(i)) continue;
    const bool place =
        std::any_of(places_.begin(), places_.end(), [i](const PlaceMention& p) {
          return p.token_begin <= i && i < p.token_end;
        });
    if (place) continue;
    const bool qualifier_word =
        tokens_[i].capitalized ||
        IsOneOf(tokens_[i].lower, {"counterpart", "counterparts", "peer"});
    if (!IsArgumentGap(tokens_[i].lower) && !qualifier_word) {
      return std::nullopt;
    }
    if (++gap > max_gap) return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Participant> SentenceContacts::ToParticipants(
    const std::vector<size_t>& group, ParticipantRole role) const {
  std::vector<Participant> out;
  for (size_t k : group) {
    if (actors_[k].type == MentionType::kPluralPronoun) {
      for (const Participant& p : previous_) out.push_back(p);
      continue;
    }
    out.push_back({actors_[k].actor, role});
  }
  return out;
}

void SentenceContacts::AddParticipants(const std::vector<Participant>& add,
                                       std::vector<Participant>* to) const {
  for (const Participant& p : add) {
    const std::string key = KeyOf(p.actor);
    const bool seen = std::any_of(to->begin(), to->end(), [&](const auto& q) {
      return KeyOf(q.actor) == key;
    });
    if (!seen) to->push_back(p);
  }
}

TimeSpec SentenceContacts::TimeFor(const TriggerMatch& t, ContactStatus* status,
                                   std::vector<std::string>* rules) const {
  const TimeExpression* best = nullptr;
  size_t best_distance = 0;
  for (const TimeExpression& e : times_) {
    size_t distance = 0;
    if (e.token_begin >= t.end) {
      distance = e.token_begin - t.end;
      if (distance > 10) continue;
    } else if (e.token_end <= t.begin) {
      distance = t.begin - e.token_end + 2;  // prefer expressions after
      if (distance > 16) continue;
    } else {
      continue;
    }
    if (best == nullptr || distance < best_distance) {
      best = &e;
      best_distance = distance;
    }
  }
  const bool future = *status == ContactStatus::kPlanned ||
                      *status == ContactStatus::kSpeculated;
  TimeSpec spec;
  if (best != nullptr) {
    spec = ResolveTime(*best, published_, future);
    if (debug_) rules->push_back(absl::StrCat("time:", best->text));
    if (!future && *status != ContactStatus::kCanceled &&
        published_.has_value() && IsAfter(spec, *published_) &&
        spec.granularity == TimeGranularity::kDay) {
      *status = ContactStatus::kPlanned;
      spec = ResolveTime(*best, published_, true);
      if (debug_) rules->push_back("status:future-date");
    }
  }
  if (spec.granularity == TimeGranularity::kNone && published_.has_value()) {
    if (*status == ContactStatus::kOngoing) {
      spec.granularity = TimeGranularity::kDay;
      spec.start = spec.end = *published_;
    } else if (*status == ContactStatus::kPlanned) {
      const absl::CivilMonth month(*published_);
      spec.granularity = TimeGranularity::kMonth;
      spec.start = absl::CivilDay(month);
      spec.end = absl::CivilDay(month + 1) - 1;
    }
  }
  return spec;
}

std::optional<PlaceMention> SentenceContacts::PlaceNear(
    const TriggerMatch& t) const {
  const PlaceMention* best = nullptr;
  size_t best_distance = 0;
  for (const PlaceMention& p : places_) {
    size_t distance = 0;
    if (p.token_begin >= t.end) {
      distance = p.token_begin - t.end;
      if (distance > 14) continue;
    } else if (p.token_end <= t.begin) {
      distance = t.begin - p.token_end + 3;
      if (distance > 12) continue;
    } else {
      continue;
    }
    const size_t before = p.token_begin;
    const bool located = before > 0 && IsOneOf(tokens_[before - 1].lower,
                                               {"in", "at", "the", "of", ","});
    if (!located && !p.is_venue) continue;
    if (best == nullptr || distance < best_distance) {
      best = &p;
      best_distance = distance;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

void SentenceContacts::Emit(const TriggerMatch& t, ContactKind kind,
                            std::vector<Participant> participants,
                            ContactStatus status,
                            const std::optional<PlaceMention>& place,
                            std::string destination,
                            std::vector<std::string> rules,
                            std::vector<ContactCandidate>* out) {
  // At least two sides: participants of different states, or of unknown
  // state.
  bool two_sides = false;
  for (size_t a = 0; a < participants.size() && !two_sides; ++a) {
    for (size_t b = a + 1; b < participants.size(); ++b) {
      const std::string& ca = participants[a].actor.country_code;
      const std::string& cb = participants[b].actor.country_code;
      if (ca != cb || (ca.empty() && KeyOf(participants[a].actor) !=
                                         KeyOf(participants[b].actor))) {
        two_sides = true;
        break;
      }
    }
  }
  const bool only_states = std::all_of(
      participants.begin(), participants.end(),
      [](const Participant& p) { return p.actor.kind == ActorKind::kState; });
  if (!two_sides || (only_states && kind != ContactKind::kVisit)) return;
  ContactCandidate candidate;
  candidate.weak = t.entry->weak;
  candidate.destination = std::move(destination);
  candidate.sentence_index = sentence_.index;
  Contact& c = candidate.contact;
  c.kind = kind;
  c.status = status;
  c.time = TimeFor(t, &c.status, &rules);
  if (place.has_value() && kind != ContactKind::kCall &&
      kind != ContactKind::kCorrespondence) {
    if (place->token_end > place->token_begin) {
      c.location.text =
          sentence_.text.substr(tokens_[place->token_begin].begin,
                                tokens_[place->token_end - 1].end -
                                    tokens_[place->token_begin].begin);
    }
    if (!place->is_state) c.location.city = place->name;
    c.location.country_code = place->country;
  }
  c.participants = std::move(participants);
  c.evidence.push_back({.field = sentence_.field,
                        .sentence_index = sentence_.index,
                        .begin = sentence_.begin,
                        .end = sentence_.end});
  double confidence = t.entry->weak ? 0.5 : 0.8;
  int named = 0;
  for (const Participant& p : c.participants) {
    if (!p.actor.name.empty()) ++named;
  }
  if (named >= 2) confidence += 0.1;
  if (t.entry->form == TriggerForm::kVerb) confidence += 0.05;
  c.confidence = confidence;
  if (debug_) {
    rules.insert(rules.begin(), absl::StrCat("trigger:", t.entry->phrase));
    c.debug_rules = std::move(rules);
  }
  out->push_back(std::move(candidate));
}

void SentenceContacts::Visit(const TriggerMatch& t, ContactStatus status,
                             std::vector<std::string> rules,
                             std::vector<ContactCandidate>* out) {
  // Visitors.
  std::vector<Participant> visitors;
  size_t search_from = t.end;
  const bool by_form =
      IsOneOf(tokens_.size() > t.end ? tokens_[t.end].lower : "", {"by"});
  if (t.entry->form == TriggerForm::kFollowed || by_form) {
    // "followed to Beijing by A, B and C", "the visit by X to Kenya".
    for (size_t i = t.end; i < tokens_.size() && i < t.end + 12; ++i) {
      if (tokens_[i].lower != "by") continue;
      if (auto k = ObjectAfter(i + 1, 2)) {
        AddParticipants(ToParticipants(GroupOf(*k), ParticipantRole::kVisitor),
                        &visitors);
        if (t.entry->form != TriggerForm::kFollowed) {
          search_from = actors_[GroupOf(*k).back()].token_end;
        }
      }
      break;
    }
  }
  if (visitors.empty() || t.entry->form == TriggerForm::kFollowed) {
    if (auto k = AgentBefore(t.begin, t.entry->form == TriggerForm::kNoun)) {
      AddParticipants(ToParticipants(GroupOf(*k), ParticipantRole::kVisitor),
                      &visitors);
    }
  }
  // Only people and groups travel.
  std::erase_if(visitors, [](const Participant& p) {
    return p.actor.kind == ActorKind::kState;
  });
  if (visitors.empty()) return;
  // A person met on the visit: "visited President Z in Kyiv".
  std::vector<Participant> met;
  if (t.entry->form == TriggerForm::kVerb) {
    if (auto k = ObjectAfter(t.end, 1);
        k.has_value() && actors_[*k].type == MentionType::kPerson) {
      met = ToParticipants(GroupOf(*k), ParticipantRole::kHost);
      search_from = actors_[GroupOf(*k).back()].token_end;
    }
  }
  // Destinations: places or states after the trigger, coordinated.
  struct Destination {
    std::string country;
    std::optional<PlaceMention> place;
  };
  std::vector<Destination> destinations;
  size_t next_expected = 0;
  for (const PlaceMention& p : places_) {
    if (p.token_begin < search_from) continue;
    if (destinations.empty()) {
      if (p.token_begin - search_from > 8) break;
    } else if (p.token_begin > next_expected + 2) {
      break;
    }
    if (!destinations.empty()) {
      bool coordinated = true;
      for (size_t i = next_expected; i < p.token_begin; ++i) {
        if (!IsOneOf(tokens_[i].lower, {",", "and"})) coordinated = false;
      }
      if (!coordinated) break;
    }
    destinations.push_back({p.country, p});
    next_expected = p.token_end;
  }
  if (destinations.empty()) {
    for (size_t k = 0; k < actors_.size(); ++k) {
      const ActorMention& a = actors_[k];
      if (a.token_begin < search_from || a.token_begin > search_from + 6) {
        continue;
      }
      if (a.type == MentionType::kState) {
        destinations.push_back({a.actor.country_code, std::nullopt});
      }
      break;
    }
  }
  if (destinations.empty() && t.end < tokens_.size() &&
      tokens_[t.end].lower == "there" && !last_destination_->empty()) {
    PlaceMention there;
    there.country = *last_destination_;
    there.name = *last_destination_city_;
    there.is_state = last_destination_city_->empty();
    destinations.push_back({*last_destination_, there});
  }
  if (destinations.empty()) {
    // "left Russia following a six-day visit": a place before the trigger.
    for (size_t p = places_.size(); p-- > 0;) {
      if (places_[p].token_end <= t.begin &&
          t.begin - places_[p].token_end <= 8) {
        destinations.push_back({places_[p].country, places_[p]});
        break;
      }
    }
    for (size_t k = actors_.size(); destinations.empty() && k-- > 0;) {
      const ActorMention& a = actors_[k];
      if (a.token_end <= t.begin && t.begin - a.token_end <= 8 &&
          a.type == MentionType::kState) {
        destinations.push_back({a.actor.country_code, std::nullopt});
      }
    }
  }
  if (destinations.empty() && !met.empty()) {
    destinations.push_back({met.front().actor.country_code, std::nullopt});
  }
  for (const Destination& d : destinations) {
    if (d.country.empty()) continue;
    *last_destination_ = d.country;
    *last_destination_city_ =
        d.place.has_value() && !d.place->is_state ? d.place->name : "";
    for (const Participant& visitor : visitors) {
      if (visitor.actor.country_code == d.country) continue;
      Participant host{.actor = {.name = "",
                                 .kind = ActorKind::kGroup,
                                 .country_code = d.country},
                       .role = ParticipantRole::kHost};
      Emit(t, ContactKind::kVisit, {visitor, host}, status, d.place, d.country,
           rules, out);
    }
  }
  if (!met.empty()) {
    std::vector<Participant> meeting = visitors;
    AddParticipants(met, &meeting);
    std::optional<PlaceMention> place;
    if (!destinations.empty()) place = destinations.front().place;
    Emit(t, ContactKind::kMeeting, std::move(meeting), status, place, "",
         std::move(rules), out);
  }
}

void SentenceContacts::Run(std::vector<ContactCandidate>* out) {
  times_ = FindTimeExpressions(sentence_);
  FindTriggers();
  MarkGoverned();
  for (const TriggerMatch& t : triggers_) {
    std::vector<std::string> rules;
    const std::optional<ContactStatus> status = StatusOf(
        sentence_, t.begin, t.end, t.entry->tense, debug_ ? &rules : nullptr);
    if (!status.has_value()) continue;  // negated
    if (t.entry->kind == ContactKind::kVisit) {
      Visit(t, *status, std::move(rules), out);
      continue;
    }
    std::vector<Participant> participants;
    std::vector<Participant> objects;
    const bool between = t.end < tokens_.size() &&
                         IsOneOf(tokens_[t.end].lower, {"between", "among"});
    if (!between) {
      if (auto k = AgentBefore(t.begin, t.entry->form == TriggerForm::kNoun)) {
        AddParticipants(
            ToParticipants(GroupOf(*k), ParticipantRole::kCounterpart),
            &participants);
      }
    }
    if (auto k = ObjectAfter(t.end, 4)) {
      objects = ToParticipants(GroupOf(*k), ParticipantRole::kCounterpart);
    }
    // "X spoke to A and B": one call each.
    if (t.entry->kind == ContactKind::kCall && participants.size() == 1 &&
        objects.size() > 1) {
      for (const Participant& object : objects) {
        std::vector<Participant> pair = participants;
        AddParticipants({object}, &pair);
        Emit(t, t.entry->kind, std::move(pair), *status, std::nullopt, "",
             rules, out);
      }
      continue;
    }
    AddParticipants(objects, &participants);
    if (t.entry->form == TriggerForm::kHostVerb && !participants.empty()) {
      participants.front().role = ParticipantRole::kHost;
    }
    Emit(t, t.entry->kind, std::move(participants), *status, PlaceNear(t), "",
         std::move(rules), out);
  }
}

}  // namespace

std::optional<ContactStatus> StatusOf(const Sentence& sentence,
                                      size_t trigger_begin, size_t trigger_end,
                                      TriggerTense tense,
                                      std::vector<std::string>* rules) {
  const auto& tokens = sentence.tokens;
  std::optional<ContactStatus> status;
  auto note = [&](absl::string_view phrase) {
    if (rules != nullptr) rules->push_back(absl::StrCat("status:", phrase));
  };
  // Before the trigger, back to the start of its clause.
  const size_t window_begin = trigger_begin > 9 ? trigger_begin - 9 : 0;
  size_t start = trigger_begin;
  while (start > window_begin) {
    const absl::string_view w = tokens[start - 1].lower;
    if (w == ";" || w == "." ||
        IsOneOf(w, {"as", "while", "after", "because", "although", "since",
                    "when", "which", "who", "but", "amid", "following",
                    "following", "before"})) {
      break;
    }
    --start;
  }
  for (size_t i = start; i < trigger_begin; ++i) {
    for (const StatusCueEntry& cue : PreTriggerCues()) {
      size_t length = 0;
      if (!MatchesPhrase(tokens, i, cue.phrase, &length)) continue;
      switch (cue.cue) {
        case StatusCue::kNegation:
          if (trigger_begin - (i + length) <= 3) {
            note(cue.phrase);
            return std::nullopt;
          }
          break;
        case StatusCue::kCanceled:
          status = Stronger(status.value_or(ContactStatus::kOccurred),
                            ContactStatus::kCanceled);
          break;
        case StatusCue::kPlanned:
          status = Stronger(status.value_or(ContactStatus::kOccurred),
                            ContactStatus::kPlanned);
          break;
        case StatusCue::kSpeculated:
          status = Stronger(status.value_or(ContactStatus::kOccurred),
                            ContactStatus::kSpeculated);
          break;
        case StatusCue::kOngoing:
          status = Stronger(status.value_or(ContactStatus::kOccurred),
                            ContactStatus::kOngoing);
          break;
      }
      note(cue.phrase);
      break;
    }
  }
  // After the trigger, a few tokens: "the visit ... has been postponed".
  const size_t window_end = std::min(tokens.size(), trigger_end + 12);
  for (size_t i = trigger_end; i < window_end; ++i) {
    const absl::string_view w = tokens[i].lower;
    if (w == ";" || w == "." || IsOneOf(w, {"after", "while", "as", "but"})) {
      break;
    }
    for (const StatusCueEntry& cue : PostTriggerCues()) {
      size_t length = 0;
      if (!MatchesPhrase(tokens, i, cue.phrase, &length)) continue;
      status = Stronger(
          status.value_or(ContactStatus::kOccurred),
          cue.cue == StatusCue::kCanceled     ? ContactStatus::kCanceled
          : cue.cue == StatusCue::kSpeculated ? ContactStatus::kSpeculated
          : cue.cue == StatusCue::kPlanned    ? ContactStatus::kPlanned
                                              : ContactStatus::kOngoing);
      note(cue.phrase);
      break;
    }
  }
  if (status.has_value()) return status;
  // No cue: the trigger's own tense.
  if (trigger_begin > 0 && tokens[trigger_begin - 1].lower == "to" &&
      tense == TriggerTense::kNone) {
    note("to-infinitive");
    return ContactStatus::kPlanned;
  }
  if (tense == TriggerTense::kProgressive && trigger_begin > 0 &&
      IsOneOf(tokens[trigger_begin - 1].lower, {"is", "are"})) {
    return ContactStatus::kOngoing;
  }
  return ContactStatus::kOccurred;
}

void ContactFinder::AddSentence(const Sentence& sentence,
                                const SentenceMentions& mentions,
                                std::vector<ContactCandidate>* out) {
  const size_t before = out->size();
  SentenceContacts(sentence, mentions, published_, debug_,
                   previous_participants_, &last_destination_,
                   &last_destination_city_)
      .Run(out);
  for (size_t i = out->size(); i-- > before;) {
    if (!(*out)[i].weak) {
      previous_participants_ = (*out)[i].contact.participants;
      break;
    }
  }
}

}  // namespace attache::extract
