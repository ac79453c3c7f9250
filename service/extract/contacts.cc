#include "extract/contacts.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"

namespace attache::extract {
namespace {

// Actors first..last (inclusive) of a sentence.
struct ActorRun {
  size_t first;
  size_t last;
};

// The status a (non-negating) cue signals.
ContactStatus StatusOfCue(StatusCue cue) {
  switch (cue) {
    case StatusCue::kCanceled:
      return ContactStatus::kCanceled;
    case StatusCue::kPlanned:
      return ContactStatus::kPlanned;
    case StatusCue::kSpeculated:
      return ContactStatus::kSpeculated;
    case StatusCue::kOngoing:
      return ContactStatus::kOngoing;
    case StatusCue::kNegation:
      break;
  }
  return ContactStatus::kOccurred;
}

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

// StatusOf() of the trigger at [trigger_begin, trigger_end) of `tokens`.
std::optional<ContactStatus> StatusAt(absl::Span<const Token> tokens,
                                      size_t trigger_begin, size_t trigger_end,
                                      TriggerTense tense,
                                      std::vector<std::string>* rules) {
  std::optional<ContactStatus> status;
  auto note = [&](absl::string_view phrase) {
    if (rules != nullptr) {
      rules->push_back(absl::StrCat("status:", phrase));
    }
  };
  // Before the trigger, back to the start of its clause.
  const size_t window_begin = trigger_begin > 9 ? trigger_begin - 9 : 0;
  size_t start = trigger_begin;
  while (start > window_begin) {
    if ((tokens[start - 1].lists & kClauseStart) != 0) {
      break;
    }
    // "even if they held talks": a condition, not an assertion.
    if ((tokens[start - 1].lists & kCondition) != 0) {
      status = ContactStatus::kSpeculated;
      note(tokens[start - 1].lower);
      break;
    }
    --start;
  }
  for (size_t i = start; i < trigger_begin; ++i) {
    if (!HasClass(tokens[i], WordClass::kPreCueStart)) {
      continue;
    }
    size_t length = 0;
    const StatusCueEntry* cue = MatchPreTriggerCue(tokens, i, &length);
    if (cue == nullptr) {
      continue;
    }
    note(cue->phrase);
    if (cue->cue == StatusCue::kNegation) {
      if (trigger_begin - (i + length) <= 3) {
        return std::nullopt;
      }
      continue;
    }
    status = Stronger(status.value_or(ContactStatus::kOccurred),
                      StatusOfCue(cue->cue));
  }
  const bool pre_trigger_cue = status.has_value();
  // After the trigger, a few tokens: "the visit ... has been postponed".
  // Participants may stand in between: "the meeting between A and B kicked
  // off".
  const size_t window_end = std::min(tokens.size(), trigger_end + 18);
  for (size_t i = trigger_end; i < window_end; ++i) {
    if ((tokens[i].lists & kPostStop) != 0) {
      break;
    }
    if (!HasClass(tokens[i], WordClass::kPostCueStart)) {
      continue;
    }
    size_t length = 0;
    const StatusCueEntry* cue = MatchPostTriggerCue(tokens, i, &length);
    if (cue == nullptr || cue->cue == StatusCue::kNegation) {
      continue;
    }
    // "is scheduled to visit Oslo and is expected to sign ...": a verb whose
    // own cue schedules it keeps that status; the later expectation is
    // another predicate's.
    if (pre_trigger_cue && cue->cue == StatusCue::kSpeculated) {
      continue;
    }
    status = Stronger(status.value_or(ContactStatus::kOccurred),
                      StatusOfCue(cue->cue));
    note(cue->phrase);
  }
  if (status.has_value()) {
    return status;
  }
  // No cue: the trigger's own tense.
  if (trigger_begin > 0 && tokens[trigger_begin - 1].lower == "to" &&
      tense == TriggerTense::kNone) {
    note("to-infinitive");
    return ContactStatus::kPlanned;
  }
  if (tense == TriggerTense::kProgressive && trigger_begin > 0 &&
      (tokens[trigger_begin - 1].lists & kCopula) != 0) {
    return ContactStatus::kOngoing;
  }
  return ContactStatus::kOccurred;
}

class SentenceContacts {
 public:
  SentenceContacts(const Sentence& sentence, const SentenceMentions& mentions,
                   std::optional<absl::CivilDay> published, bool debug,
                   const std::vector<Participant>& previous,
                   std::string* last_destination,
                   std::string* last_destination_city,
                   std::vector<TriggerMatch>* triggers,
                   std::vector<TimeExpression>* times,
                   std::vector<bool>* governed)
      : sentence_(sentence),
        tokens_(sentence.tokens),
        actors_(mentions.actors),
        places_(mentions.places),
        published_(published),
        debug_(debug),
        previous_(previous),
        last_destination_(last_destination),
        last_destination_city_(last_destination_city),
        triggers_(*triggers),
        times_(*times),
        governed_(*governed) {}

  void Run(std::vector<ContactCandidate>* out);

 private:
  void FindTriggers();
  void MarkGoverned();
  bool Coordinated(size_t a, size_t b) const;
  // The coordinated run of actors containing actor k.
  ActorRun GroupOf(size_t k) const;
  // The person named as leader of group actor k, else k.
  size_t LeaderOf(size_t k) const;
  // A nominal trigger that names the venue of other contacts ("at the
  // summit", "on the sidelines of the climate talks"), no contact itself.
  bool IsVenueEvent(const TriggerMatch& t) const;
  // `noun`: a nominal trigger, whose agent may stand further away.
  std::optional<size_t> AgentBefore(size_t token, bool noun) const;
  std::optional<size_t> ObjectAfter(size_t token, size_t max_gap) const;
  std::vector<Participant> ToParticipants(ActorRun group,
                                          ParticipantRole role) const;
  // Appends the participants of `group` not yet in *to.
  void AddGroup(ActorRun group, ParticipantRole role,
                std::vector<Participant>* to) const;
  bool InTime(size_t token) const;
  bool InActor(size_t token) const;
  // True when the place at token `begin` is one left behind ("outside of
  // the Gaza Strip", "from Kabul").
  bool IsDeparturePlace(size_t begin) const;
  // Tokens of [begin, end) inside actor mentions.
  size_t ActorTokens(size_t begin, size_t end) const;
  // True when a relative clause or ";" opens inside [begin, end).
  bool CrossesClause(size_t begin, size_t end) const;
  // True when `e` dates a report ("said on Monday", "on Monday said").
  bool DatesReport(const TimeExpression& e) const;
  // The time expression dating trigger t, or nullptr.
  const TimeExpression* BestTime(const TriggerMatch& t) const;
  // How many expressions from `best` on date one contact each: `best` and
  // those coordinated with it when t is a plural noun ("his two visits, in
  // June 2022 and December 2024"); 1 when `best` is nullptr.
  size_t DateCount(const TriggerMatch& t, const TimeExpression* best) const;
  TimeSpec TimeFor(const TimeExpression* best, ContactStatus* status,
                   std::vector<std::string>* rules) const;
  // Dates candidate *dated of trigger t by `time`.
  void Date(const TriggerMatch& t, const TimeExpression* time,
            const std::vector<std::string>& rules,
            ContactCandidate* dated) const;
  // The place of trigger t's contact, or nullptr.
  const PlaceMention* PlaceNear(const TriggerMatch& t) const;
  // What a meeting or call was about: "talks on the U.S. proposal", "met X
  // to discuss peace in Ukraine"; empty when the clause names nothing.
  std::string TopicOf(const TriggerMatch& t) const;
  // `place` may be nullptr.
  void Emit(const TriggerMatch& t, ContactKind kind,
            std::vector<Participant> participants, ContactStatus status,
            const PlaceMention* place, std::string destination,
            const std::vector<std::string>& rules,
            std::vector<ContactCandidate>* out);
  void Visit(const TriggerMatch& t, ContactStatus status,
             const std::vector<std::string>& rules,
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
  // True when token `i` is in one of `lists` (WordList flags).
  bool In(size_t i, uint32_t lists) const {
    return (tokens_[i].lists & lists) != 0;
  }

  std::vector<TriggerMatch>& triggers_;
  std::vector<TimeExpression>& times_;
  std::vector<bool>& governed_;  // of each actor: object of a preposition
};

bool SentenceContacts::InTime(size_t token) const {
  return std::any_of(times_.begin(), times_.end(), [&](const auto& e) {
    return e.token_begin <= token && token < e.token_end;
  });
}

bool SentenceContacts::IsDeparturePlace(size_t begin) const {
  for (size_t i = begin, steps = 0; i > 0 && steps < 4; --i, ++steps) {
    if (In(i - 1, kDeparture)) {
      return true;
    }
    if (!In(i - 1, kTheOf) && !tokens_[i - 1].word) {
      return false;
    }
    if (In(i - 1, kToIn)) {
      return false;
    }
  }
  return false;
}

size_t SentenceContacts::ActorTokens(size_t begin, size_t end) const {
  size_t count = 0;
  for (const ActorMention& a : actors_) {
    const size_t from = std::max(begin, a.token_begin);
    const size_t to = std::min(end, a.token_end);
    if (from < to) {
      count += to - from;
    }
  }
  return count;
}

bool SentenceContacts::CrossesClause(size_t begin, size_t end) const {
  for (size_t i = begin; i < end; ++i) {
    if (In(i, kClauseOpener)) {
      return true;
    }
  }
  return false;
}

bool SentenceContacts::InActor(size_t token) const {
  return std::any_of(actors_.begin(), actors_.end(), [&](const auto& a) {
    return a.token_begin <= token && token < a.token_end;
  });
}

void SentenceContacts::FindTriggers() {
  triggers_.clear();
  for (size_t i = 0; i < tokens_.size();) {
    if (!HasClass(tokens_[i], WordClass::kTriggerStart) ||
        (InActor(i) && !In(i, kVisitNoun))) {
      ++i;
      continue;
    }
    size_t length = 0;
    const TriggerEntry* found = MatchTrigger(tokens_, i, &length);
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
    while (prev > 0 && In(prev - 1, kArticle)) {
      --prev;
    }
    if (prev > 0 && In(prev - 1, kGoverning)) {
      governed_[k] = true;
    }
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
  // Mentions expanded from one phrase ("the presidents of A and B", "U.S. and
  // Chinese negotiators") end together.
  if (actors_[a].token_end == actors_[b].token_end) {
    return true;
  }
  const size_t end = actors_[a].token_end;
  const size_t begin = actors_[b].token_begin;
  if (begin < end || begin - end > 2) {
    return false;
  }
  if (begin == end) {
    return false;
  }
  const bool person_a = actors_[a].type == MentionType::kPerson;
  const bool person_b = actors_[b].type == MentionType::kPerson;
  if (person_a != person_b) {
    return false;
  }
  for (size_t i = end; i < begin; ++i) {
    if (!In(i, kCoordinator)) {
      return false;
    }
  }
  return true;
}

size_t SentenceContacts::LeaderOf(size_t k) const {
  // "a BNP delegation, led by X": the named leader stands for the group.
  if (actors_[k].type != MentionType::kGroup &&
      actors_[k].type != MentionType::kOrganization) {
    return k;
  }
  size_t i = actors_[k].token_end;
  if (i < tokens_.size() && tokens_[i].lower == ",") {
    ++i;
  }
  if (i + 2 >= tokens_.size() || !In(i, kLedBy) ||
      tokens_[i + 1].lower != "by") {
    return k;
  }
  for (size_t leader = k + 1; leader < actors_.size(); ++leader) {
    if (actors_[leader].token_begin < i + 2) {
      continue;
    }
    if (actors_[leader].token_begin <= i + 6 &&
        actors_[leader].type == MentionType::kPerson) {
      return leader;
    }
    break;
  }
  return k;
}

ActorRun SentenceContacts::GroupOf(size_t k) const {
  ActorRun group{k, k};
  while (group.first > 0 && Coordinated(group.first - 1, group.first)) {
    --group.first;
  }
  while (group.last + 1 < actors_.size() &&
         Coordinated(group.last, group.last + 1)) {
    ++group.last;
  }
  return group;
}

std::optional<size_t> SentenceContacts::AgentBefore(size_t token,
                                                    bool noun) const {
  // The subject of an infinitive: "invited him to visit", "for Xi to meet".
  if (token >= 2 && tokens_[token - 1].lower == "to") {
    for (size_t k = actors_.size(); k-- > 0;) {
      if (actors_[k].token_end > token - 1) {
        continue;
      }
      if (actors_[k].token_end == token - 1 &&
          actors_[k].type != MentionType::kState &&
          actors_[k].type != MentionType::kOrganization) {
        return LeaderOf(k);
      }
      break;
    }
  }
  // A possessor right before the trigger: "Sullivan's meeting".
  for (size_t k = actors_.size(); k-- > 0;) {
    const ActorMention& a = actors_[k];
    if (a.token_end > token) {
      continue;
    }
    if (a.possessive && (a.token_end + 1 == token || a.token_end == token)) {
      return k;
    }
    if (a.possessive && a.token_end + 1 < token &&
        In(a.token_end + 1, kTripModifier) && a.token_end + 2 == token) {
      return k;
    }
    break;
  }
  // "He said that U.S. and Chinese teams will be meeting": an agent in the
  // trigger's own clause wins over a person before it.
  size_t clause_start = 0;
  for (size_t i = token; i-- > 0;) {
    if (tokens_[i].lower != "to" &&
        HasClass(tokens_[i], WordClass::kClauseBreak)) {
      clause_start = i + 1;
      break;
    }
  }
  std::optional<size_t> other;
  std::optional<size_t> governed_person;
  for (size_t k = actors_.size(); k-- > 0;) {
    const ActorMention& a = actors_[k];
    if (a.token_end > token) {
      continue;
    }
    if (a.token_end <= clause_start && other.has_value() &&
        actors_[*other].type == MentionType::kGroup) {
      break;
    }
    if (token - a.token_end > (noun ? 24 : 14)) {
      break;
    }
    const bool person =
        a.type == MentionType::kPerson || a.type == MentionType::kPluralPronoun;
    if (!governed_[k] && person) {
      return LeaderOf(k);
    }
    if (!governed_[k] && !other.has_value()) {
      other = LeaderOf(k);
    }
    // "talks between A and B ... the meeting with C" has no agent; a verb's
    // agent may still be an object of an earlier clause.
    if (!noun && governed_[k] && person && !governed_person.has_value()) {
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
      if (actors_[k].token_begin != i) {
        continue;
      }
      // "talks on Syria", "talks on the U.S. proposal": a state after "on"
      // is a topic, not a party.
      size_t before = i;
      while (before > 0 && In(before - 1, kTheA)) {
        --before;
      }
      const bool topic = actors_[k].type == MentionType::kState && before > 0 &&
                         In(before - 1, kAbout);
      if (topic) {
        return std::nullopt;
      }
      return LeaderOf(k);
    }
    if (InTime(i)) {
      continue;
    }
    const bool place =
        std::any_of(places_.begin(), places_.end(), [i](const PlaceMention& p) {
          return p.token_begin <= i && i < p.token_end;
        });
    if (place) {
      continue;
    }
    const bool qualifier_word =
        tokens_[i].capitalized || In(i, kCounterpartNoun);
    if (!In(i, kArgumentGap) && !qualifier_word) {
      return std::nullopt;
    }
    if (++gap > max_gap) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::vector<Participant> SentenceContacts::ToParticipants(
    ActorRun group, ParticipantRole role) const {
  std::vector<Participant> out;
  out.reserve(group.last - group.first + 1);
  for (size_t k = group.first; k <= group.last; ++k) {
    if (actors_[k].type == MentionType::kPluralPronoun) {
      out.insert(out.end(), previous_.begin(), previous_.end());
      continue;
    }
    out.emplace_back(actors_[k].actor, role);
  }
  return out;
}

// Appends a participant for `actor` unless *to has one of its key.
void AddParticipant(const Actor& actor, ParticipantRole role,
                    std::vector<Participant>* to) {
  if (std::none_of(to->begin(), to->end(), [&actor](const Participant& q) {
        return SameKey(q.actor, actor);
      })) {
    to->emplace_back(actor, role);  // no temporary to move from
  }
}

// Appends the participants of `add` whose key *to lacks, in order.
void AddParticipants(absl::Span<const Participant> add,
                     std::vector<Participant>* to) {
  for (const Participant& p : add) {
    AddParticipant(p.actor, p.role, to);
  }
}

void SentenceContacts::AddGroup(ActorRun group, ParticipantRole role,
                                std::vector<Participant>* to) const {
  to->reserve(to->size() + group.last - group.first + 1);
  for (size_t k = group.first; k <= group.last; ++k) {
    if (actors_[k].type == MentionType::kPluralPronoun) {
      AddParticipants(previous_, to);
      continue;
    }
    AddParticipant(actors_[k].actor, role, to);
  }
}

bool SentenceContacts::DatesReport(const TimeExpression& e) const {
  const auto reporting = [&](size_t i) {
    return i < tokens_.size() &&
           HasClass(tokens_[i], WordClass::kReportingVerb);
  };
  size_t before = e.token_begin;
  if (before > 0 && In(before - 1, kOnIn)) {
    --before;
  }
  return (before > 0 && reporting(before - 1)) || reporting(e.token_end);
}

const TimeExpression* SentenceContacts::BestTime(const TriggerMatch& t) const {
  const TimeExpression* best = nullptr;
  size_t best_distance = 0;
  for (const TimeExpression& e : times_) {
    // "announced last week that he would visit": the report's date.
    if (DatesReport(e)) {
      continue;
    }
    size_t distance = 0;
    if (e.token_begin >= t.end) {
      // Participants' names do not count as distance.
      distance = e.token_begin - t.end - ActorTokens(t.end, e.token_begin);
      if (distance > 20) {
        continue;
      }
      // Further than a few words only within the trigger's clause.
      if (distance > 10) {
        bool same_clause = true;
        for (size_t i = t.end; i < e.token_begin && same_clause; ++i) {
          same_clause = !HasClass(tokens_[i], WordClass::kClauseBreak) &&
                        tokens_[i].lower != ";" &&
                        std::none_of(triggers_.begin(), triggers_.end(),
                                     [i](const TriggerMatch& other) {
                                       return other.begin == i && !other.venue;
                                     });
        }
        if (!same_clause) {
          continue;
        }
      }
    } else if (e.token_end <= t.begin) {
      distance = t.begin - e.token_end + 2;  // prefer expressions after
      // A sentence-initial adverbial ("On 22 June, ...") dates the whole
      // sentence, with the lowest priority.
      if (distance > 16) {
        if (e.token_begin > 1) {
          continue;
        }
        distance = 100;
      }
    } else {
      continue;
    }
    if (best == nullptr || distance < best_distance) {
      best = &e;
      best_distance = distance;
    }
  }
  // "Tuesday (October 18, 2016)": a full date right after a weekday wins.
  if (best != nullptr && best->kind == TimeExprKind::kWeekday) {
    const auto* const next = best + 1;
    if (next != times_.data() + times_.size() &&
        next->kind == TimeExprKind::kDate &&
        next->token_begin <= best->token_end + 2) {
      best = next;
    }
  }
  return best;
}

size_t SentenceContacts::DateCount(const TriggerMatch& t,
                                   const TimeExpression* best) const {
  const absl::string_view last = tokens_[t.end - 1].lower;
  const bool plural_noun = t.entry->form != TriggerForm::kHostVerb &&
                           t.begin > 0 && last.size() > 1 &&
                           last.back() == 's' && last != "talks" &&
                           In(t.begin - 1, kPluralDeterminer);
  size_t count = 1;
  if (best == nullptr || !plural_noun) {
    return count;
  }
  for (const TimeExpression* e = best + 1;
       e != times_.data() + times_.size() && e->kind == best->kind; ++e) {
    const TimeExpression& previous = *(e - 1);
    for (size_t i = previous.token_end; i < e->token_begin; ++i) {
      if (!In(i, kDateJoiner)) {
        return count;
      }
    }
    ++count;
  }
  return count;
}

TimeSpec SentenceContacts::TimeFor(const TimeExpression* best,
                                   ContactStatus* status,
                                   std::vector<std::string>* rules) const {
  const bool future = *status == ContactStatus::kPlanned ||
                      *status == ContactStatus::kSpeculated;
  TimeSpec spec;
  if (best != nullptr) {
    spec = ResolveTime(*best, published_, future);
    if (debug_) {
      rules->push_back(absl::StrCat("time:", best->text));
    }
    if (!future && *status != ContactStatus::kCanceled &&
        published_.has_value() && IsAfter(spec, *published_) &&
        spec.granularity == TimeGranularity::kDay) {
      *status = ContactStatus::kPlanned;
      spec = ResolveTime(*best, published_, true);
      if (debug_) {
        rules->push_back("status:future-date");
      }
    }
  }
  if (spec.granularity == TimeGranularity::kNone && published_.has_value()) {
    if (*status == ContactStatus::kOngoing) {
      spec.granularity = TimeGranularity::kDay;
      spec.start = spec.end = *published_;
    } else if (*status == ContactStatus::kPlanned) {
      CoverMonth(absl::CivilMonth(*published_), &spec);
    }
  }
  return spec;
}

std::string SentenceContacts::TopicOf(const TriggerMatch& t) const {
  constexpr size_t kReach = 12;    // tokens searched after the trigger
  constexpr size_t kMaxWords = 6;  // longest topic kept
  size_t i = t.end;
  const size_t reach = std::min(tokens_.size(), t.end + kReach);
  for (; i < reach; ++i) {
    const absl::string_view w = tokens_[i].lower;
    if (w == "," || w == ";" || HasClass(tokens_[i], WordClass::kClauseBreak)) {
      // "to discuss" is the one infinitive that opens a topic.
      if (w == "to" && i + 1 < tokens_.size() &&
          tokens_[i + 1].lower == "discuss") {
        i += 2;
        break;
      }
      return "";
    }
    if (In(i, kAbout) && !InTime(i + 1) &&
        !(i + 2 < tokens_.size() && tokens_[i + 2].lower == "sidelines")) {
      ++i;
      break;
    }
  }
  if (i >= reach) {
    return "";
  }
  const size_t begin = i;
  size_t end = begin;
  while (end < tokens_.size() && end - begin < kMaxWords) {
    const absl::string_view w = tokens_[end].lower;
    if (w == "," || w == "." || w == ";" || InTime(end) ||
        HasClass(tokens_[end], WordClass::kClauseBreak) || In(end, kTopicEnd)) {
      break;
    }
    // "on the phone", "on the sidelines of": the medium or the venue.
    if (In(end, kMediumOrVenue)) {
      return "";
    }
    ++end;
  }
  while (end > begin && !tokens_[end - 1].word) {
    --end;
  }
  if (end == begin) {
    return "";
  }
  return sentence_.text.substr(tokens_[begin].begin,
                               tokens_[end - 1].end - tokens_[begin].begin);
}

const PlaceMention* SentenceContacts::PlaceNear(const TriggerMatch& t) const {
  const PlaceMention* best = nullptr;
  size_t best_distance = 0;
  for (const PlaceMention& p : places_) {
    size_t distance = 0;
    if (p.token_begin >= t.end) {
      // Participants' names do not count ("met President of Iran Hassan
      // Rouhani in Tehran"); another clause ("during which ...") ends the
      // search.
      if (CrossesClause(t.end, p.token_begin)) {
        continue;
      }
      distance = p.token_begin - t.end - ActorTokens(t.end, p.token_begin);
      if (distance > 14) {
        continue;
      }
    } else if (p.token_end <= t.begin) {
      if (CrossesClause(p.token_end, t.begin)) {
        continue;
      }
      distance = t.begin - p.token_end + 3 - ActorTokens(p.token_end, t.begin);
      if (distance > 12) {
        continue;
      }
    } else {
      continue;
    }
    const size_t before = p.token_begin;
    // "in Iran's Tehran" is located too.
    const bool located = before > 0 && In(before - 1, kLocating);
    if (!located && !p.is_venue) {
      continue;
    }
    if (best == nullptr || distance < best_distance) {
      best = &p;
      best_distance = distance;
    }
  }
  if (best == nullptr) {
    return nullptr;
  }
  // "in Iran's Tehran": the city the state's possessive introduces.
  const PlaceMention* const last = places_.data() + places_.size();
  if (best->is_state && best + 1 != last && best->token_end < tokens_.size() &&
      tokens_[best->token_end].lower == "'s" &&
      (best + 1)->token_begin == best->token_end + 1) {
    return best + 1;
  }
  return best;
}

void SentenceContacts::Emit(const TriggerMatch& t, ContactKind kind,
                            std::vector<Participant> participants,
                            ContactStatus status, const PlaceMention* place,
                            std::string destination,
                            const std::vector<std::string>& rules,
                            std::vector<ContactCandidate>* out) {
  // At least two sides: participants of different states, or of unknown
  // state.
  bool two_sides = false;
  for (size_t a = 0; a < participants.size() && !two_sides; ++a) {
    for (size_t b = a + 1; b < participants.size(); ++b) {
      const std::string& ca = participants[a].actor.country_code;
      const std::string& cb = participants[b].actor.country_code;
      if (ca != cb || (ca.empty() && !SameKey(participants[a].actor,
                                              participants[b].actor))) {
        two_sides = true;
        break;
      }
    }
  }
  const bool only_states = std::all_of(
      participants.begin(), participants.end(),
      [](const Participant& p) { return p.actor.kind == ActorKind::kState; });
  if (!two_sides || (only_states && kind != ContactKind::kVisit)) {
    return;
  }
  // Built in place: candidates are large to move.
  const size_t first = out->size();
  ContactCandidate& candidate = out->emplace_back();
  candidate.weak = t.entry->weak;
  candidate.destination = std::move(destination);
  candidate.sentence_index = sentence_.index;
  Contact& c = candidate.contact;
  c.kind = kind;
  c.status = status;
  if (place != nullptr && kind != ContactKind::kCall &&
      kind != ContactKind::kCorrespondence) {
    if (place->token_end > place->token_begin) {
      c.location.text =
          sentence_.text.substr(tokens_[place->token_begin].begin,
                                tokens_[place->token_end - 1].end -
                                    tokens_[place->token_begin].begin);
    }
    if (!place->is_state) {
      c.location.city = place->name;
    }
    // A named venue ("the U.N. General Assembly") keeps its name; `name`
    // is already its city.
    if (place->is_venue) {
      c.location.venue = c.location.text;
    }
    c.location.country_code = place->country;
  }
  if (kind == ContactKind::kMeeting || kind == ContactKind::kCall) {
    if (std::string topic = TopicOf(t); !topic.empty()) {
      c.topics.push_back(std::move(topic));
    }
  }
  c.participants = std::move(participants);
  c.evidence.push_back({.field = sentence_.field,
                        .sentence_index = sentence_.index,
                        .begin = sentence_.begin,
                        .end = sentence_.end});
  double confidence = t.entry->weak ? 0.5 : 0.8;
  int named = 0;
  for (const Participant& p : c.participants) {
    if (!p.actor.name.empty()) {
      ++named;
    }
  }
  if (named >= 2) {
    confidence += 0.1;
  }
  if (t.entry->form == TriggerForm::kVerb) {
    confidence += 0.05;
  }
  c.confidence = confidence;
  const TimeExpression* const best = BestTime(t);
  const size_t dates = DateCount(t, best);
  // One copy per further date, each dated by its own expression.
  for (size_t n = 1; n < dates; ++n) {
    out->push_back((*out)[first]);
  }
  for (size_t n = 0; n < dates; ++n) {
    Date(t, best == nullptr ? nullptr : best + n, rules, &(*out)[first + n]);
  }
}

void SentenceContacts::Date(const TriggerMatch& t, const TimeExpression* time,
                            const std::vector<std::string>& rules,
                            ContactCandidate* dated) const {
  Contact& d = dated->contact;
  std::vector<std::string> dated_rules;
  if (debug_) {
    dated_rules = rules;
  }
  d.time = TimeFor(time, &d.status, &dated_rules);
  // A trip begun on the publication day is under way.
  if (d.kind == ContactKind::kVisit && d.status == ContactStatus::kOccurred &&
      d.time.granularity == TimeGranularity::kDay &&
      d.time.start == published_) {
    d.status = ContactStatus::kOngoing;
  }
  // "the visit" with no cue, time or place of its own refers back to a
  // contact already reported.
  const bool anaphoric = t.entry->form == TriggerForm::kNoun && t.begin > 0 &&
                         In(t.begin - 1, kAnaphoric) &&
                         d.status == ContactStatus::kOccurred &&
                         d.time.granularity == TimeGranularity::kNone &&
                         d.location.country_code.empty();
  if (anaphoric) {
    dated->weak = true;
    if (debug_) {
      dated_rules.emplace_back("anaphoric");
    }
  }
  if (debug_) {
    dated_rules.insert(dated_rules.begin(),
                       absl::StrCat("trigger:", t.entry->phrase));
    d.debug_rules = std::move(dated_rules);
  }
}

void SentenceContacts::Visit(const TriggerMatch& t, ContactStatus status,
                             const std::vector<std::string>& rules,
                             std::vector<ContactCandidate>* out) {
  // Visitors.
  std::vector<Participant> visitors;
  size_t search_from = t.end;
  const bool by_form = t.end < tokens_.size() && tokens_[t.end].lower == "by";
  if (t.entry->form == TriggerForm::kFollowed || by_form) {
    // "followed to Beijing by A, B and C", "the visit by X to Kenya".
    for (size_t i = t.end; i < tokens_.size() && i < t.end + 12; ++i) {
      if (tokens_[i].lower != "by") {
        continue;
      }
      if (auto k = ObjectAfter(i + 1, 2)) {
        const ActorRun group = GroupOf(*k);
        AddGroup(group, ParticipantRole::kVisitor, &visitors);
        if (t.entry->form != TriggerForm::kFollowed) {
          search_from = actors_[group.last].token_end;
        }
      }
      break;
    }
  }
  if (visitors.empty() || t.entry->form == TriggerForm::kFollowed) {
    if (auto k = AgentBefore(t.begin, t.entry->form == TriggerForm::kNoun)) {
      AddGroup(GroupOf(*k), ParticipantRole::kVisitor, &visitors);
    }
  }
  // Only people and groups travel.
  std::erase_if(visitors, [](const Participant& p) {
    return p.actor.kind == ActorKind::kState;
  });
  if (visitors.empty()) {
    return;
  }
  // A person met on the visit: "visited President Z in Kyiv".
  std::vector<Participant> met;
  if (t.entry->form == TriggerForm::kVerb) {
    if (auto k = ObjectAfter(t.end, 1);
        k.has_value() && actors_[*k].type == MentionType::kPerson) {
      const ActorRun group = GroupOf(*k);
      met = ToParticipants(group, ParticipantRole::kHost);
      search_from = actors_[group.last].token_end;
    }
  }
  // Destinations: places or states after the trigger, coordinated.
  struct Destination {
    std::string country;
    const PlaceMention* place;  // nullptr when only the state is known
  };
  std::vector<Destination> destinations;
  // States named as places.
  std::vector<PlaceMention> states;
  for (const ActorMention& a : actors_) {
    if (a.type != MentionType::kState || a.token_begin < search_from) {
      continue;
    }
    states.push_back({.token_begin = a.token_begin,
                      .token_end = a.token_end,
                      .country = a.actor.country_code,
                      .is_state = true});
  }
  // Places and states named as places, in text order: "Kenya, Zimbabwe and
  // Uganda" may mix both.
  std::vector<const PlaceMention*> spots;
  spots.reserve(places_.size() + states.size());
  for (const PlaceMention& p : places_) {
    spots.push_back(&p);
  }
  for (const PlaceMention& p : states) {
    spots.push_back(&p);
  }
  // A stable insertion sort: a few spots, and no buffer to allocate.
  for (size_t i = 1; i < spots.size(); ++i) {
    for (size_t j = i;
         j > 0 && spots[j]->token_begin < spots[j - 1]->token_begin; --j) {
      std::swap(spots[j], spots[j - 1]);
    }
  }
  size_t next_expected = 0;
  for (const PlaceMention* spot : spots) {
    const PlaceMention& p = *spot;
    if (p.token_begin < search_from) {
      continue;
    }
    // "a trip outside of Gaza", "left Cairo": a place left is no
    // destination.
    if (destinations.empty() && IsDeparturePlace(p.token_begin)) {
      break;
    }
    if (destinations.empty()) {
      if (p.token_begin - search_from > 8) {
        break;
      }
    } else if (p.token_begin < next_expected) {
      continue;
    } else if (p.token_begin > next_expected + 2) {
      break;
    }
    if (!destinations.empty()) {
      bool coordinated = true;
      for (size_t i = next_expected; i < p.token_begin; ++i) {
        if (!In(i, kCommaAnd)) {
          coordinated = false;
        }
      }
      if (!coordinated) {
        break;
      }
    }
    destinations.push_back({p.country, &p});
    next_expected = p.token_end;
  }
  PlaceMention there;
  if (destinations.empty() && t.end < tokens_.size() &&
      tokens_[t.end].lower == "there" && !last_destination_->empty()) {
    there.country = *last_destination_;
    there.name = *last_destination_city_;
    there.is_state = last_destination_city_->empty();
    destinations.push_back({*last_destination_, &there});
  }
  // "tour of Africa" names its destination after the trigger; a place
  // before it belongs elsewhere.
  const bool explicit_slot = In(t.end - 1, kDestinationSlot);
  if (destinations.empty() && !explicit_slot) {
    // "left Russia following a six-day visit": a place before the trigger.
    for (size_t p = places_.size(); p-- > 0;) {
      if (places_[p].token_end <= t.begin &&
          t.begin - places_[p].token_end <= 8) {
        destinations.push_back({places_[p].country, &places_[p]});
        break;
      }
    }
    for (size_t k = actors_.size(); destinations.empty() && k-- > 0;) {
      const ActorMention& a = actors_[k];
      if (a.token_end <= t.begin && t.begin - a.token_end <= 8 &&
          a.type == MentionType::kState) {
        destinations.push_back({a.actor.country_code, nullptr});
      }
    }
  }
  if (destinations.empty() && !met.empty()) {
    destinations.push_back({met.front().actor.country_code, nullptr});
  }
  const size_t first_visit = out->size();
  for (const Destination& d : destinations) {
    if (d.country.empty()) {
      continue;
    }
    *last_destination_ = d.country;
    if (d.place != nullptr && !d.place->is_state) {
      *last_destination_city_ = d.place->name;
    } else {
      last_destination_city_->clear();
    }
    for (const Participant& visitor : visitors) {
      if (visitor.actor.country_code == d.country) {
        continue;
      }
      std::vector<Participant> pair;
      pair.reserve(2);
      pair.push_back(visitor);
      pair.push_back({.actor = {.name = "",
                                .kind = ActorKind::kGroup,
                                .country_code = d.country},
                      .role = ParticipantRole::kHost});
      Emit(t, ContactKind::kVisit, std::move(pair), status, d.place, d.country,
           rules, out);
    }
  }
  // A tour of several states: each stop lies somewhere inside the window,
  // so it takes the month.
  if (destinations.size() > 1) {
    for (size_t i = first_visit; i < out->size(); ++i) {
      TimeSpec& time = (*out)[i].contact.time;
      if (time.granularity != TimeGranularity::kDay) {
        continue;
      }
      CoverMonth(absl::CivilMonth(time.start), &time);
    }
  }
  if (!met.empty()) {
    std::vector<Participant> meeting = visitors;
    AddParticipants(met, &meeting);
    const PlaceMention* place =
        destinations.empty() ? nullptr : destinations.front().place;
    Emit(t, ContactKind::kMeeting, std::move(meeting), status, place, "", rules,
         out);
  }
}

bool SentenceContacts::IsVenueEvent(const TriggerMatch& t) const {
  if (t.entry->form != TriggerForm::kNoun ||
      t.entry->kind != ContactKind::kMeeting) {
    return false;
  }
  for (size_t i = t.begin, steps = 0; i > 0 && steps < 7; --i, ++steps) {
    const absl::string_view w = tokens_[i - 1].lower;
    // "met during the summit"; "during meetings in China" were contacts.
    if (w == "at" || (w == "during" && t.entry->phrase == "summit")) {
      return true;
    }
    if (w == "of") {
      return i >= 2 && In(i - 2, kSidelines);
    }
    // States and places may name the event ("the Paris climate talks");
    // a person is a party.
    const bool person =
        std::any_of(actors_.begin(), actors_.end(), [&](const ActorMention& a) {
          return a.token_begin < i && i <= a.token_end &&
                 a.type != MentionType::kState &&
                 a.type != MentionType::kOrganization;
        });
    const bool joiner = w == "'s" || w == "-" || w == ".";
    if (w == "," || person || (!tokens_[i - 1].word && !joiner)) {
      return false;
    }
  }
  return false;
}

void SentenceContacts::Run(std::vector<ContactCandidate>* out) {
  FindTriggers();
  // A sentence without a trigger yields no candidate and leaves the finder's
  // state as it was.
  if (triggers_.empty()) {
    return;
  }
  for (TriggerMatch& t : triggers_) {
    t.venue = IsVenueEvent(t);
  }
  FindTimeExpressions(sentence_, &times_);
  MarkGoverned();
  const TriggerMatch* last_visit = nullptr;
  ContactStatus last_visit_status = ContactStatus::kOccurred;
  for (const TriggerMatch& t : triggers_) {
    std::vector<std::string> rules;
    std::optional<ContactStatus> status = StatusAt(
        tokens_, t.begin, t.end, t.entry->tense, debug_ ? &rules : nullptr);
    if (!status.has_value()) {
      continue;  // negated
    }
    // "the visiting minister": a participle after a determiner is an
    // adjective, no trigger.
    if (t.entry->tense == TriggerTense::kProgressive && t.begin > 0 &&
        In(t.begin - 1, kDeterminer)) {
      continue;
    }
    if (t.venue) {
      continue;
    }
    // "arrived in Cairo to meet X": a purpose clause shares the status of
    // the trip it belongs to.
    if (last_visit != nullptr && t.entry->tense == TriggerTense::kNone &&
        t.begin > 0 && tokens_[t.begin - 1].lower == "to" &&
        t.begin - last_visit->end <= 8) {
      status = last_visit_status;
      if (debug_) {
        rules.emplace_back("status:purpose-of-trip");
      }
    }
    if (t.entry->kind == ContactKind::kVisit) {
      last_visit = &t;
      last_visit_status = *status;
      Visit(t, *status, rules, out);
      continue;
    }
    std::vector<Participant> objects;
    if (auto k = ObjectAfter(t.end, 4)) {
      objects = ToParticipants(GroupOf(*k), ParticipantRole::kCounterpart);
    }
    std::vector<Participant> participants;
    const bool between = t.end < tokens_.size() && In(t.end, kBetween);
    if (!between) {
      if (auto k = AgentBefore(t.begin, t.entry->form == TriggerForm::kNoun)) {
        const ActorRun group = GroupOf(*k);
        // Room for the objects too, added below.
        participants.reserve(group.last - group.first + 1 + objects.size());
        AddGroup(group, ParticipantRole::kCounterpart, &participants);
      }
    }
    // "X spoke to A and B": one call each.
    if (t.entry->kind == ContactKind::kCall && participants.size() == 1 &&
        objects.size() > 1) {
      for (const Participant& object : objects) {
        std::vector<Participant> pair = participants;
        AddParticipant(object.actor, object.role, &pair);
        Emit(t, t.entry->kind, std::move(pair), *status, nullptr, "", rules,
             out);
      }
      continue;
    }
    const size_t agents = participants.size();
    AddParticipants(objects, &participants);
    if (t.entry->form == TriggerForm::kHostVerb) {
      // "X hosted Y": the subject hosts; "X was received by Y" and "a visit
      // hosted by Y": the agent after "by" does, and X is the guest.
      const bool passive =
          t.end < tokens_.size() && tokens_[t.end].lower == "by";
      const size_t host = passive ? agents : 0;
      if (host < participants.size() && (passive || agents > 0)) {
        participants[host].role = ParticipantRole::kHost;
      }
    }
    Emit(t, t.entry->kind, std::move(participants), *status, PlaceNear(t), "",
         rules, out);
  }
}

}  // namespace

std::optional<ContactStatus> StatusOf(const Sentence& sentence,
                                      size_t trigger_begin, size_t trigger_end,
                                      TriggerTense tense,
                                      std::vector<std::string>* rules) {
  return StatusAt(sentence.tokens, trigger_begin, trigger_end, tense, rules);
}

namespace {

// Contacts of `sentence` with no time of their own take `day` when the
// sentence places them on it ("Later in the day, X called Y").
void DateSameDayContacts(const Sentence& sentence, const TimeSpec& day,
                         std::vector<ContactCandidate>::iterator begin,
                         std::vector<ContactCandidate>::iterator end) {
  if (std::none_of(begin, end, [](const ContactCandidate& c) {
        return c.contact.time.granularity == TimeGranularity::kNone;
      })) {
    return;
  }
  const auto& tokens = sentence.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t length = 0;
    if (!HasClass(tokens[i], WordClass::kSameDayCueStart) ||
        !MatchSameDayCue(tokens, i, &length)) {
      continue;
    }
    const absl::string_view cue(sentence.text.data() + tokens[i].begin,
                                tokens[i + length - 1].end - tokens[i].begin);
    for (auto it = begin; it != end; ++it) {
      TimeSpec& time = it->contact.time;
      if (time.granularity == TimeGranularity::kNone) {
        time = day;
        time.text.assign(cue.data(), cue.size());
      }
    }
    return;
  }
}

}  // namespace

void ContactFinder::AddSentence(const Sentence& sentence,
                                const SentenceMentions& mentions,
                                std::vector<ContactCandidate>* out) {
  const size_t before = out->size();
  SentenceContacts(sentence, mentions, published_, debug_,
                   previous_participants_, &last_destination_,
                   &last_destination_city_, &triggers_, &times_, &governed_)
      .Run(out);
  if (previous_day_.has_value()) {
    DateSameDayContacts(sentence, *previous_day_, out->begin() + before,
                        out->end());
  }
  for (size_t i = out->size(); i-- > before;) {
    if (!(*out)[i].weak) {
      previous_participants_ = (*out)[i].contact.participants;
      const TimeSpec& time = (*out)[i].contact.time;
      previous_day_ = time.granularity == TimeGranularity::kDay
                          ? std::optional<TimeSpec>(time)
                          : std::nullopt;
      break;
    }
  }
}

}  // namespace attache::extract
