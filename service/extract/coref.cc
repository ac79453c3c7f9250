#include "extract/coref.h"

#include <algorithm>
#include <ranges>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "extract/lexicon.h"

namespace attache::extract {
namespace {

std::string LastWord(absl::string_view name) {
  std::vector<absl::string_view> words =
      absl::StrSplit(name, absl::ByAnyChar(" -"), absl::SkipEmpty());
  return words.empty() ? "" : absl::AsciiStrToLower(words.back());
}

bool IsPossessiveDeterminer(absl::string_view lower) {
  return lower == "his" || lower == "her";
}

// Nouns after which a possessive pronoun is the agent of a contact ("his
// visit", "her trip").
bool IsAgentNoun(absl::string_view lower) {
  return lower == "visit" || lower == "visits" || lower == "trip" ||
         lower == "meeting" || lower == "talks" || lower == "call" ||
         lower == "travel" || lower == "arrival" || lower == "host" ||
         lower == "letter" || lower == "recent" || lower == "first" ||
         lower == "two" || lower == "official" || lower == "state";
}

bool SamePerson(const Actor& a, const Actor& b) {
  return a.id == b.id && a.name == b.name;
}

}  // namespace

std::string CorefResolver::OfficeOf(const Actor& actor) const {
  if (actor.id.empty()) {
    return "";
  }
  const kb::Person* person = kb_.FindPerson(actor.id);
  if (person == nullptr) {
    return "";
  }
  const kb::Tenure* best = nullptr;
  if (date_.has_value()) {
    for (const kb::Tenure* tenure : kb_.OfficesOf(*person, *date_)) {
      if (best == nullptr) {
        best = tenure;
      }
      if (tenure->country == actor.country_code) {
        best = tenure;
        break;
      }
    }
  }
  if (best == nullptr && !person->tenures.empty()) {
    best = &person->tenures.back();
  }
  return best == nullptr ? "" : best->office_id;
}

// It reads people_ (through a reverse view, which the static-method check
// does not see).
// NOLINTNEXTLINE(readability-convert-member-functions-to-static)
const CorefResolver::Known* CorefResolver::FindKnown(
    const ActorMention& mention) const {
  for (const auto& it : std::ranges::reverse_view(people_)) {
    if (!it.actor.id.empty() &&
        std::find(mention.surname_candidates.begin(),
                  mention.surname_candidates.end(),
                  it.actor.id) != mention.surname_candidates.end()) {
      return &it;
    }
  }
  const std::string last = LastWord(mention.actor.mention);
  for (const auto& it : std::ranges::reverse_view(people_)) {
    if (!last.empty() && it.last_name == last) {
      return &it;
    }
  }
  return nullptr;
}

void CorefResolver::Remember(const ActorMention& mention) {
  if (mention.actor.name.empty()) {
    return;
  }
  for (Known& known : people_) {
    if (known.actor.name == mention.actor.name) {
      return;
    }
  }
  people_.push_back(
      {mention.actor, mention.office_id, LastWord(mention.actor.name)});
  knows_unlisted_person_ |= mention.actor.id.empty();
}

bool CorefResolver::ResolveSurname(ActorMention* mention) const {
  if (const Known* known = FindKnown(*mention)) {
    const std::string written = mention->actor.mention;
    mention->actor = known->actor;
    mention->actor.mention = written;
    mention->office_id = known->office_id;
    return true;
  }
  // Not introduced before: a reading holding an office on the date. The
  // loop rewrites the mention, so it is no plain any_of.
  // NOLINTNEXTLINE(readability-use-anyofallof)
  for (const std::string& id : mention->surname_candidates) {
    const kb::Person* person = kb_.FindPerson(id);
    if (person == nullptr) {
      continue;
    }
    if (date_.has_value() && kb_.OfficesOf(*person, *date_).empty()) {
      continue;
    }
    const std::string written = mention->actor.mention;
    mention->actor = Actor{.id = person->id, .name = person->name};
    ApplyTenure(kb_, *person, date_, &mention->actor);
    mention->actor.mention = written;
    return true;
  }
  return false;
}

bool CorefResolver::ResolveCounterpart(const ActorMention* possessor,
                                       ActorMention* mention) const {
  const Actor* owner = possessor != nullptr ? &possessor->actor : nullptr;
  if (owner == nullptr && last_subject_.has_value()) {
    owner = &*last_subject_;
  }
  const std::string country = mention->actor.country_code;
  if (owner != nullptr && date_.has_value()) {
    const std::string office = OfficeOf(*owner);
    if (!office.empty()) {
      if (const kb::Person* holder = kb_.HolderOf(office, country, *date_)) {
        const std::string written = mention->actor.mention;
        mention->actor = Actor{.id = holder->id, .name = holder->name};
        ApplyTenure(kb_, *holder, date_, &mention->actor);
        mention->actor.mention = written;
        mention->office_id = office;
        mention->type = MentionType::kPerson;
        return true;
      }
    }
  }
  // Not identifiable: the counterpart's state as a group actor.
  mention->type = MentionType::kGroup;
  mention->actor.kind = ActorKind::kGroup;
  mention->actor.role = "counterpart";
  return true;
}

void CorefResolver::AddLastNameMentions(const Sentence& sentence,
                                        SentenceMentions* mentions) const {
  // People missing from the knowledge base, named again by last name. Without
  // any, nothing is added and the mentions stay in order.
  if (!knows_unlisted_person_) {
    return;
  }
  const auto& tokens = sentence.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalized || !tokens[i].word) {
      continue;
    }
    const bool covered =
        std::any_of(mentions->actors.begin(), mentions->actors.end(),
                    [i](const ActorMention& m) {
                      return m.token_begin <= i && i < m.token_end;
                    }) ||
        std::any_of(mentions->places.begin(), mentions->places.end(),
                    [i](const PlaceMention& p) {
                      return p.token_begin <= i && i < p.token_end;
                    });
    if (covered) {
      continue;
    }
    for (const Known& known : people_) {
      if (!known.actor.id.empty() || known.last_name != tokens[i].lower) {
        continue;
      }
      ActorMention m{.token_begin = i,
                     .token_end = i + 1,
                     .type = MentionType::kPerson,
                     .actor = known.actor,
                     .office_id = known.office_id};
      m.actor.mention = sentence.text.substr(tokens[i].begin,
                                             tokens[i].end - tokens[i].begin);
      m.possessive = i + 1 < tokens.size() && tokens[i + 1].lower == "'s";
      mentions->actors.push_back(std::move(m));
      break;
    }
  }
  const auto by_begin = [](const ActorMention& a, const ActorMention& b) {
    return a.token_begin < b.token_begin;
  };
  // Usually nothing was added: skip stable_sort's buffer when in order.
  if (!std::is_sorted(mentions->actors.begin(), mentions->actors.end(),
                      by_begin)) {
    std::stable_sort(mentions->actors.begin(), mentions->actors.end(),
                     by_begin);
  }
}

void CorefResolver::Resolve(const Sentence& sentence,
                            SentenceMentions* mentions) {
  AddLastNameMentions(sentence, mentions);
  // Compacts in place: actors[0, kept) are the mentions kept so far.
  std::vector<ActorMention>& actors = mentions->actors;
  size_t kept = 0;
  const ActorMention* last_person = nullptr;
  const auto& tokens = sentence.tokens;
  for (size_t k = 0; k < actors.size(); ++k) {
    ActorMention& m = actors[k];
    bool keep = true;
    switch (m.type) {
      case MentionType::kSurname:
        keep = ResolveSurname(&m);
        if (keep) {
          m.type = MentionType::kPerson;
        }
        break;
      case MentionType::kPronoun: {
        const Actor* referent = nullptr;
        if (last_person != nullptr) {
          referent = &last_person->actor;
        } else if (last_subject_.has_value()) {
          referent = &*last_subject_;
        }
        // "Xi invited him": an object pronoun is not the subject of its own
        // clause; it names the person before.
        if (m.actor.mention == "him" && last_person != nullptr) {
          referent = nullptr;
          for (size_t j = kept; j-- > 0;) {
            if (actors[j].type == MentionType::kPerson &&
                !SamePerson(actors[j].actor, last_person->actor)) {
              referent = &actors[j].actor;
              break;
            }
          }
          if (referent == nullptr && last_subject_.has_value() &&
              !SamePerson(*last_subject_, last_person->actor)) {
            referent = &*last_subject_;
          }
        }
        if (referent == nullptr) {
          keep = false;
          break;
        }
        const bool determiner = IsPossessiveDeterminer(m.actor.mention);
        const bool before_counterpart =
            k + 1 < actors.size() && actors[k + 1].token_begin == m.token_end;
        if (before_counterpart && determiner) {
          if (actors[k + 1].type == MentionType::kCounterpart) {
            ActorMention possessor = m;
            possessor.actor = *referent;
            ResolveCounterpart(&possessor, &actors[k + 1]);
          }
          keep = false;
          break;
        }
        if (determiner && (m.token_end >= tokens.size() ||
                           !IsAgentNoun(tokens[m.token_end].lower))) {
          keep = false;
          break;
        }
        const std::string written = m.actor.mention;
        m.actor = *referent;
        m.actor.mention = written;
        m.type = MentionType::kPerson;
        m.possessive = determiner;
        break;
      }
      case MentionType::kCounterpart:
        ResolveCounterpart(last_person, &m);
        break;
      case MentionType::kGroup: {
        // "the Palestinian official": one person, the one just named.
        const Actor* referent = last_person != nullptr ? &last_person->actor
                                : last_subject_.has_value() ? &*last_subject_
                                                            : nullptr;
        if (m.actor.role == "official" && m.token_begin > 0 &&
            tokens[m.token_begin - 1].lower == "the" && referent != nullptr) {
          const std::string written = m.actor.mention;
          m.actor = *referent;
          m.actor.mention = written;
          m.type = MentionType::kPerson;
        }
        break;
      }
      default:
        break;
    }
    if (!keep) {
      continue;
    }
    if (kept != k) {
      actors[kept] = std::move(m);
    }
    const ActorMention& stored = actors[kept++];
    if (stored.type == MentionType::kPerson) {
      last_person = &stored;
      Remember(stored);
    }
  }
  actors.erase(actors.begin() + static_cast<std::ptrdiff_t>(kept),
               actors.end());
  for (const ActorMention& m : actors) {
    if (m.type == MentionType::kPerson) {
      last_subject_ = m.actor;
      break;
    }
  }
}

}  // namespace attache::extract
