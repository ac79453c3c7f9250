#include "extract/mentions.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "extract/lexicon.h"

namespace attache::extract {
namespace {

// True when every word of `name` is a word of `full_name`, ignoring case:
// "Faisal bin Farhan" within "Faisal bin Farhan Al Saud".
bool NameWordsWithin(absl::string_view name, absl::string_view full_name) {
  const std::vector<absl::string_view> full =
      absl::StrSplit(full_name, ' ', absl::SkipEmpty());
  for (const absl::string_view word :
       absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    if (std::none_of(full.begin(), full.end(), [word](absl::string_view f) {
          return absl::EqualsIgnoreCase(f, word);
        })) {
      return false;
    }
  }
  return true;
}

using kb::EntityRef;
using kb::EntityType;
using kb::MentionForm;

// Offices in the order a person is best described by ("President" before
// "Foreign Minister" before anything else).
int OfficeRank(absl::string_view office_id) {
  static constexpr std::array<absl::string_view, 8> kOrder = {
      "head_of_state",
      "head_of_government",
      "vice_president",
      "foreign_minister",
      "defence_minister",
      "national_security_adviser",
      "deputy_head_of_government",
      "special_envoy"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (office_id == kOrder[i]) {
      return static_cast<int>(i);
    }
  }
  return static_cast<int>(kOrder.size());
}

// A knowledge-base match mapped onto tokens.
struct Span {
  size_t token_begin;
  size_t token_end;
  const kb::Mention* mention;

  bool Has(EntityType type) const {
    return std::any_of(
        mention->candidates.begin(), mention->candidates.end(),
        [type](const EntityRef& ref) { return ref.type == type; });
  }
  const EntityRef* First(EntityType type,
                         std::initializer_list<MentionForm> forms) const {
    for (const EntityRef& ref : mention->candidates) {
      if (ref.type != type) {
        continue;
      }
      if (forms.size() == 0 ||
          std::find(forms.begin(), forms.end(), ref.form) != forms.end()) {
        return &ref;
      }
    }
    return nullptr;
  }
};

constexpr size_t kNone = static_cast<size_t>(-1);

// Per token (and one past the end): the span starting there, kNone when
// none, and whether a pattern consumed it.
struct TokenState {
  size_t span = kNone;
  bool used = false;
};

}  // namespace

// The working memory of one sentence's scan, kept across sentences.
struct MentionFinder::Scratch {
  std::vector<kb::Mention> kb_mentions;
  std::vector<Span> spans;
  std::vector<TokenState> at;
};

namespace {

class SentenceScanner {
 public:
  // Finds the mentions of `sentence` into *out, which is cleared first.
  SentenceScanner(const kb::KnowledgeBase& kb, const Sentence& sentence,
                  std::optional<absl::CivilDay> date,
                  MentionFinder::Scratch* scratch, SentenceMentions* out)
      : kb_(kb),
        sentence_(sentence),
        tokens_(sentence.tokens),
        date_(date),
        kb_mentions_(scratch->kb_mentions),
        spans_(scratch->spans),
        at_(scratch->at),
        out_(*out) {}

  void Run();

 private:
  bool Lower(size_t i, absl::string_view word) const {
    return i < tokens_.size() && tokens_[i].lower == word;
  }
  std::string TextOf(size_t begin, size_t end) const {
    if (begin >= end) {
      return "";
    }
    return sentence_.text.substr(tokens_[begin].begin,
                                 tokens_[end - 1].end - tokens_[begin].begin);
  }
  // The span starting exactly at token i, or nullptr.
  const Span* SpanAt(size_t i) const {
    const size_t index = at_[i].span;
    return index == kNone ? nullptr : &spans_[index];
  }
  const Span* SpanEndingAt(size_t end) const {
    for (const Span& span : spans_) {
      if (span.token_end == end) {
        return &span;
      }
    }
    return nullptr;
  }

  // The state or organisation code a qualifier span gives ("Chinese",
  // "China's", "U.S.", "Hamas"); empty when it is none. *width receives its
  // token count including "'s".
  std::string QualifierAt(size_t i, size_t* width) const;
  // The qualifier ending just before token `end`, skipping modifiers like
  // "new", "top", "senior"; empty when none. *begin receives its start.
  std::string QualifierBefore(size_t end, size_t* begin) const;

  // Tries the title pattern at token i (a KB office title). Returns the
  // first token after what it consumed, or i when nothing matched.
  size_t TitlePattern(size_t i, const Span& title);
  // Plural titles with a list of states: "the presidents of A, B and C",
  // "A and B ... their foreign ministers".
  size_t PluralTitlePattern(size_t i);
  // State codes of the coordinated state mentions found last before
  // token `end`, nearest first.
  std::vector<std::string> CoordinatedStatesBefore(size_t end) const;
  // A state or organisation mention over `span`.
  void AddCollective(const Span& span, MentionType type, ActorKind kind,
                     const std::string& code);
  // One person mention over [begin, end) per state's holder of `office`.
  void AddHolders(size_t begin, size_t end, absl::string_view office,
                  const std::vector<std::string>& states);
  // A person's name at token i: a KB person or surname span, or an unknown
  // capitalised name of two or more words. Returns the tokens consumed.
  size_t NameAt(size_t i, ActorMention* mention) const;
  size_t UnknownNameLength(size_t i) const;
  void AddGroups(size_t noun);
  void AddPlace(const Span& span);
  bool IsPlaceContext(size_t i) const;
  const kb::Person* PickPerson(const Span& span, MentionForm form,
                               absl::string_view office_id) const;

  const kb::KnowledgeBase& kb_;
  const Sentence& sentence_;
  absl::Span<const Token> tokens_;
  std::optional<absl::CivilDay> date_;
  std::vector<kb::Mention>& kb_mentions_;
  std::vector<Span>& spans_;
  std::vector<TokenState>& at_;  // one entry per token and one past the end
  SentenceMentions& out_;
};

std::string SentenceScanner::QualifierAt(size_t i, size_t* width) const {
  const Span* span = SpanAt(i);
  if (span == nullptr) {
    return "";
  }
  const size_t after = span->token_end;
  const bool possessive = Lower(after, "'s");
  if (const EntityRef* ref =
          span->First(EntityType::kState, {MentionForm::kAdjective})) {
    *width = after - i;
    return kb_.states()[ref->index].code;
  }
  if (possessive) {
    if (const EntityRef* ref = span->First(EntityType::kState, {})) {
      *width = after + 1 - i;
      return kb_.states()[ref->index].code;
    }
  }
  if (const EntityRef* ref = span->First(EntityType::kOrganization, {})) {
    *width = after - i + (possessive ? 1 : 0);
    return kb_.organizations()[ref->index].code;
  }
  return "";
}

std::string SentenceScanner::QualifierBefore(size_t end, size_t* begin) const {
  static constexpr std::array<absl::string_view, 10> kModifiers = {
      "new",    "then",     "former",   "top",      "senior",
      "acting", "outgoing", "incoming", "visiting", "the"};
  size_t pos = end;
  while (pos > 0 && std::find(kModifiers.begin(), kModifiers.end(),
                              tokens_[pos - 1].lower) != kModifiers.end()) {
    --pos;
  }
  if (pos == 0) {
    return "";
  }
  // "China's": the state span ends before "'s".
  size_t span_end = pos;
  if (Lower(pos - 1, "'s")) {
    --span_end;
  }
  const Span* span = SpanEndingAt(span_end);
  if (span == nullptr) {
    return "";
  }
  size_t width = 0;
  std::string code = QualifierAt(span->token_begin, &width);
  if (code.empty() || span->token_begin + width != pos) {
    return "";
  }
  *begin = span->token_begin;
  return code;
}

const kb::Person* SentenceScanner::PickPerson(
    const Span& span, MentionForm form, absl::string_view office_id) const {
  const kb::Person* fallback = nullptr;
  for (const EntityRef& ref : span.mention->candidates) {
    if (ref.type != EntityType::kPerson) {
      continue;
    }
    const bool form_ok = form == MentionForm::kSurname
                             ? ref.form == MentionForm::kSurname
                             : ref.form != MentionForm::kSurname;
    if (!form_ok) {
      continue;
    }
    const kb::Person& person = kb_.people()[ref.index];
    if (fallback == nullptr) {
      fallback = &person;
    }
    if (!date_.has_value()) {
      continue;
    }
    for (const kb::Tenure* tenure : kb_.OfficesOf(person, *date_)) {
      if (office_id.empty() || tenure->office_id == office_id) {
        return &person;
      }
    }
  }
  // A surname alone is only trusted when some reading of it holds an office
  // on the date (or there is no date to check).
  if (form == MentionForm::kSurname && date_.has_value()) {
    return nullptr;
  }
  return fallback;
}

size_t SentenceScanner::UnknownNameLength(size_t i) const {
  static constexpr std::array<absl::string_view, 12> kParticles = {
      "bin", "bint", "ibn", "al", "el", "de",
      "da",  "van",  "von", "du", "la", "le"};
  size_t n = 0;
  size_t words = 0;
  while (i + n < tokens_.size() && words < 6) {
    const Token& t = tokens_[i + n];
    if (n > 0 && Lower(i + n, "-") && i + n + 1 < tokens_.size() &&
        tokens_[i + n + 1].word && tokens_[i + n + 1].begin == t.end) {
      n += 2;
      continue;
    }
    const bool particle =
        n > 0 && std::find(kParticles.begin(), kParticles.end(), t.lower) !=
                     kParticles.end();
    if (!particle) {
      if (!t.word || !t.capitalized || HasClass(t, WordClass::kNameStopWord) ||
          HasClass(t, WordClass::kRoleWord)) {
        break;
      }
      const Span* span = SpanAt(i + n);
      if (span != nullptr &&
          (span->Has(EntityType::kState) ||
           span->Has(EntityType::kOrganization) ||
           span->Has(EntityType::kPlace) || span->Has(EntityType::kOffice))) {
        break;
      }
    }
    ++n;
    ++words;
  }
  // Drop trailing particles and hyphens.
  while (n > 0 && !tokens_[i + n - 1].capitalized) {
    --n;
  }
  return words >= 2 ? n : 0;
}

size_t SentenceScanner::NameAt(size_t i, ActorMention* mention) const {
  static constexpr std::array<absl::string_view, 9> kHonorifics = {
      "mr", "mrs", "ms", "dr", "sheikh", "ayatollah", "shri", "king", "prince"};
  size_t skip = 0;
  while (i + skip < tokens_.size() &&
         std::find(kHonorifics.begin(), kHonorifics.end(),
                   tokens_[i + skip].lower) != kHonorifics.end()) {
    ++skip;
  }
  // The KB may spell the name with its honorific ("Prince Faisal ...").
  for (const size_t start : {i, i + skip}) {
    const Span* span = start < tokens_.size() ? SpanAt(start) : nullptr;
    if (span == nullptr) {
      continue;
    }
    for (const MentionForm form : {MentionForm::kName, MentionForm::kSurname}) {
      if (const kb::Person* person =
              PickPerson(*span, form, mention->office_id)) {
        mention->actor.id = person->id;
        mention->actor.name = person->name;
        return span->token_end - i;
      }
    }
  }
  i += skip;
  if (i >= tokens_.size()) {
    return 0;
  }
  const size_t n = UnknownNameLength(i);
  if (n == 0) {
    return 0;
  }
  mention->actor.name = TextOf(i, i + n);
  // "Foreign Minister Faisal bin Farhan": a short form of the full name of
  // the one holder of the office on the date.
  if (!mention->office_id.empty() && !mention->actor.country_code.empty() &&
      date_.has_value()) {
    const kb::Person* holder =
        kb_.HolderOf(mention->office_id, mention->actor.country_code, *date_);
    if (holder != nullptr &&
        NameWordsWithin(mention->actor.name, holder->name)) {
      mention->actor.id = holder->id;
      mention->actor.name = holder->name;
    }
  }
  return skip + n;
}

size_t SentenceScanner::TitlePattern(size_t i, const Span& title) {
  const EntityRef* office_ref = title.First(EntityType::kOffice, {});
  if (office_ref == nullptr) {
    return i;
  }
  ActorMention mention;
  mention.office_id = kb_.offices()[office_ref->index].id;
  // Role words written before the title ("climate envoy") belong to it.
  size_t role_begin = i;
  while (role_begin > 0 &&
         HasClass(tokens_[role_begin - 1], WordClass::kRoleWord) &&
         SpanAt(role_begin - 1) == nullptr && !at_[role_begin - 1].used) {
    --role_begin;
  }
  size_t qualifier_begin = role_begin;
  std::string country = QualifierBefore(role_begin, &qualifier_begin);
  size_t pos = title.token_end;
  // "President of Turkey", "Chief of the movement's Political Bureau".
  if (Lower(pos, "of") && pos + 1 < tokens_.size()) {
    size_t of_pos = pos + 1;
    if (Lower(of_pos, "the")) {
      ++of_pos;
    }
    if (const Span* span = SpanAt(of_pos); span != nullptr) {
      size_t width = 0;
      std::string code;
      if (const EntityRef* ref = span->First(EntityType::kState, {})) {
        code = kb_.states()[ref->index].code;
        width = span->token_end - of_pos;
      } else if (const EntityRef* org =
                     span->First(EntityType::kOrganization, {})) {
        code = kb_.organizations()[org->index].code;
        width = span->token_end - of_pos;
      }
      if (!code.empty()) {
        if (country.empty()) {
          country = code;
        }
        pos = of_pos + width;
      }
    }
  }
  // "Ambassador to Bangladesh": the destination is not the country.
  if (Lower(pos, "to") && SpanAt(pos + 1) != nullptr &&
      SpanAt(pos + 1)->Has(EntityType::kState)) {
    pos = SpanAt(pos + 1)->token_end;
  }
  mention.actor.role = TextOf(role_begin, title.token_end);
  mention.actor.country_code = country;
  size_t name_pos = pos;
  if (Lower(name_pos, ",")) {
    ++name_pos;
  }
  const size_t name_length = NameAt(name_pos, &mention);
  if (name_length > 0) {
    mention.token_begin = qualifier_begin;
    mention.token_end = name_pos + name_length;
    mention.type = MentionType::kPerson;
    if (!mention.actor.id.empty()) {
      // A KB person: the tenure on the date is more precise than the
      // qualifier; keep the written title only when the KB has none.
      const kb::Person* person = kb_.FindPerson(mention.actor.id);
      Actor from_kb;
      ApplyTenure(kb_, *person, date_, &from_kb);
      if (!from_kb.country_code.empty()) {
        mention.actor.country_code = from_kb.country_code;
        mention.actor.role = from_kb.role;
      }
    }
    out_.actors.push_back(std::move(mention));
    return name_pos + name_length;
  }
  const bool counterpart = Lower(title.token_end - 1, "counterpart") ||
                           Lower(title.token_end - 1, "counterparts");
  if (country.empty()) {
    return i;
  }
  mention.token_begin = qualifier_begin;
  mention.token_end = pos;
  if (counterpart) {
    mention.type = MentionType::kCounterpart;
    out_.actors.push_back(std::move(mention));
    return pos;
  }
  if (!date_.has_value()) {
    return i;
  }
  const kb::Person* holder = kb_.HolderOf(mention.office_id, country, *date_);
  if (holder == nullptr) {
    return i;
  }
  mention.type = MentionType::kPerson;
  mention.actor.id = holder->id;
  mention.actor.name = holder->name;
  out_.actors.push_back(std::move(mention));
  return pos;
}

size_t SentenceScanner::PluralTitlePattern(size_t i) {
  if (!date_.has_value()) {
    return i;
  }
  // "A, B and C ... their top diplomats": the states coordinated earlier in
  // the sentence.
  // Word classes spare most tokens the string comparison and the lookup.
  const bool their =
      HasClass(tokens_[i], WordClass::kPluralPronoun) && Lower(i, "their");
  const size_t start = their ? i + 1 : i;
  if (start >= tokens_.size() ||
      !HasClass(tokens_[start], WordClass::kPluralTitleStart)) {
    return i;
  }
  size_t length = 0;
  const PluralTitleEntry* title = MatchPluralTitle(tokens_, start, &length);
  if (title == nullptr) {
    return i;
  }
  if (their) {
    const size_t end = i + 1 + length;
    const std::vector<std::string> states = CoordinatedStatesBefore(i);
    if (states.size() < 2) {
      return i;
    }
    AddHolders(i, end, title->office_id, states);
    return end;
  }
  if (!Lower(i + length, "of")) {
    return i;
  }
  size_t pos = i + length + 1;
  std::vector<std::string> states;
  while (pos < tokens_.size()) {
    if (Lower(pos, "the")) {
      ++pos;  // "of China and the United States"
    }
    const Span* span = SpanAt(pos);
    const EntityRef* ref =
        span != nullptr ? span->First(EntityType::kState, {}) : nullptr;
    if (ref == nullptr) {
      break;
    }
    states.push_back(kb_.states()[ref->index].code);
    pos = span->token_end;
    if (Lower(pos, ",") && Lower(pos + 1, "and")) {
      pos += 2;
    } else if (Lower(pos, ",") || Lower(pos, "and")) {
      ++pos;
    } else {
      break;
    }
  }
  if (states.size() < 2) {
    return i;
  }
  AddHolders(i, pos, title->office_id, states);
  return pos;
}

std::vector<std::string> SentenceScanner::CoordinatedStatesBefore(
    size_t end) const {
  // States read as actors or, after a comma, as places.
  std::vector<std::pair<size_t, size_t>> spans;  // token range
  std::vector<std::string> codes;
  for (const ActorMention& a : out_.actors) {
    if (a.type == MentionType::kState && a.token_end <= end) {
      spans.emplace_back(a.token_begin, a.token_end);
      codes.push_back(a.actor.country_code);
    }
  }
  for (const PlaceMention& p : out_.places) {
    if (p.is_state && p.token_end <= end) {
      spans.emplace_back(p.token_begin, p.token_end);
      codes.push_back(p.country);
    }
  }
  std::vector<size_t> order(spans.size());
  for (size_t k = 0; k < order.size(); ++k) {
    order[k] = k;
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return spans[a] > spans[b]; });
  std::vector<std::string> states;
  size_t next_begin = end;
  for (const size_t k : order) {
    if (!states.empty()) {
      // Only ",", "and" and "the" between coordinated states.
      for (size_t t = spans[k].second; t < next_begin; ++t) {
        if (!Lower(t, ",") && !Lower(t, "and") && !Lower(t, "the")) {
          return states;
        }
      }
    }
    states.push_back(codes[k]);
    next_begin = spans[k].first;
    if (next_begin > 0 && Lower(next_begin - 1, "the")) {
      --next_begin;
    }
  }
  return states;
}

void SentenceScanner::AddHolders(size_t begin, size_t end,
                                 absl::string_view office,
                                 const std::vector<std::string>& states) {
  for (const std::string& state : states) {
    const kb::Person* holder = kb_.HolderOf(office, state, *date_);
    if (holder == nullptr) {
      continue;
    }
    ActorMention mention;
    mention.token_begin = begin;
    mention.token_end = end;
    mention.type = MentionType::kPerson;
    mention.office_id = std::string{office};
    mention.actor.id = holder->id;
    mention.actor.name = holder->name;
    ApplyTenure(kb_, *holder, date_, &mention.actor);
    out_.actors.push_back(std::move(mention));
  }
}

void SentenceScanner::AddCollective(const Span& span, MentionType type,
                                    ActorKind kind, const std::string& code) {
  ActorMention m{.token_begin = span.token_begin,
                 .token_end = span.token_end,
                 .type = type};
  m.actor.kind = kind;
  m.actor.country_code = code;
  m.actor.mention = TextOf(span.token_begin, span.token_end);
  m.possessive = Lower(span.token_end, "'s");
  out_.actors.push_back(std::move(m));
}

void SentenceScanner::AddGroups(size_t noun) {
  // Walk left over modifiers ("negotiating", "intelligence", "senior") and
  // coordinated qualifiers ("U.S. and Chinese").
  size_t pos = noun;
  int modifiers = 0;
  std::vector<std::pair<size_t, std::string>> qualifiers;
  while (pos > 0 && modifiers <= 2) {
    size_t begin = 0;
    std::string code = QualifierBefore(pos, &begin);
    if (!code.empty()) {
      qualifiers.emplace_back(begin, code);
      pos = begin;
      if (pos > 0 && (Lower(pos - 1, "and") || Lower(pos - 1, ","))) {
        --pos;
        continue;
      }
      break;
    }
    const Token& t = tokens_[pos - 1];
    if (!t.word || t.capitalized || HasClass(t, WordClass::kNameStopWord)) {
      break;
    }
    --pos;
    ++modifiers;
  }
  for (const auto& [begin, code] : qualifiers) {
    ActorMention mention;
    mention.token_begin = begin;
    mention.token_end = noun + 1;
    mention.type = MentionType::kGroup;
    mention.actor.kind = ActorKind::kGroup;
    mention.actor.country_code = code;
    mention.actor.mention = TextOf(begin, noun + 1);
    mention.actor.role = std::string(tokens_[noun].lower);
    out_.actors.push_back(std::move(mention));
  }
  for (size_t k = pos; k <= noun; ++k) {
    at_[k].used = true;
  }
}

bool SentenceScanner::IsPlaceContext(size_t i) const {
  static constexpr std::array<absl::string_view, 12> kPlacePrepositions = {
      "in",      "to",       "at",   "from",   "near",    "visit",
      "visited", "visiting", "into", "toward", "towards", "between"};
  if (i == 0) {
    return false;
  }
  size_t prev = i - 1;
  // "in Iran's Tehran": a city after a state named as a place.
  if (Lower(prev, "'s") && std::any_of(out_.places.begin(), out_.places.end(),
                                       [prev](const PlaceMention& p) {
                                         return p.is_state &&
                                                p.token_end == prev;
                                       })) {
    return true;
  }
  if (Lower(prev, "the") && prev > 0) {
    --prev;
  }
  return std::find(kPlacePrepositions.begin(), kPlacePrepositions.end(),
                   tokens_[prev].lower) != kPlacePrepositions.end() ||
         Lower(prev, ",");
}

void SentenceScanner::AddPlace(const Span& span) {
  PlaceMention place;
  place.token_begin = span.token_begin;
  place.token_end = span.token_end;
  if (const EntityRef* ref = span.First(EntityType::kPlace, {})) {
    const kb::Place& p = kb_.places()[ref->index];
    place.name =
        p.kind == kb::PlaceKind::kVenue && !p.city.empty() ? p.city : p.name;
    place.country = p.country;
    place.is_venue = p.kind == kb::PlaceKind::kVenue;
  } else if (const EntityRef* state = span.First(EntityType::kState, {})) {
    place.country = kb_.states()[state->index].code;
    place.is_state = true;
  } else {
    return;
  }
  out_.places.push_back(std::move(place));
}

void SentenceScanner::Run() {
  kb_.FindMentions(sentence_.text, &kb_mentions_);
  at_.assign(tokens_.size() + 1, TokenState{});
  spans_.clear();
  out_.actors.clear();
  out_.places.clear();
  // TokenAtOrAfter() of offsets mostly in increasing order: a scan on from
  // the previous answer is cheaper than a binary search.
  size_t cursor = 0;
  const auto token_at_or_after = [&](size_t offset) {
    if (cursor > 0 && tokens_[cursor - 1].end > offset) {
      cursor = TokenAtOrAfter(tokens_, offset);
    }
    while (cursor < tokens_.size() && tokens_[cursor].end <= offset) {
      ++cursor;
    }
    return cursor;
  };
  for (const kb::Mention& m : kb_mentions_) {
    const size_t begin = token_at_or_after(m.begin);
    size_t end = token_at_or_after(m.end);
    if (begin >= tokens_.size() || begin >= end) {
      continue;
    }
    if (at_[begin].span != kNone) {
      continue;
    }
    // "He", "May", "Will": a common word read as a one-word name.
    const bool person_only = std::all_of(
        m.candidates.begin(), m.candidates.end(),
        [](const EntityRef& ref) { return ref.type == EntityType::kPerson; });
    if (person_only && end == begin + 1 &&
        (HasClass(tokens_[begin], WordClass::kNameStopWord) ||
         HasClass(tokens_[begin], WordClass::kSingularPronoun))) {
      continue;
    }
    at_[begin].span = spans_.size();
    spans_.push_back({begin, end, &m});
  }
  for (size_t i = 0; i < tokens_.size();) {
    if (at_[i].used) {
      ++i;
      continue;
    }
    const Token& t = tokens_[i];
    const absl::string_view lower = t.lower;
    // Plural titles start with one or follow "their": most tokens need no
    // call.
    const bool plural_title = HasClass(t, WordClass::kPluralPronoun) ||
                              HasClass(t, WordClass::kPluralTitleStart);
    if (const size_t next = plural_title ? PluralTitlePattern(i) : i;
        next != i) {
      for (size_t k = i; k < next; ++k) {
        at_[k].used = true;
      }
      i = next;
      continue;
    }
    const Span* span = SpanAt(i);
    if (span == nullptr) {
      size_t qualifier_begin = i;
      std::string country;
      // The words' lists (extract/lexicon.h) spare most tokens the
      // comparisons below.
      if ((t.lists & kCounterpartNoun) != 0 && lower != "counterparts" &&
          !(country = QualifierBefore(i, &qualifier_begin)).empty() &&
          !(SpanAt(i + 1) != nullptr &&
            SpanAt(i + 1)->Has(EntityType::kPerson))) {
        ActorMention m{.token_begin = qualifier_begin,
                       .token_end = i + 1,
                       .type = MentionType::kCounterpart};
        m.actor.country_code = country;
        out_.actors.push_back(std::move(m));
      } else if (HasClass(t, WordClass::kGroupNoun) &&
                 !(i + 1 < tokens_.size() &&
                   HasClass(tokens_[i + 1], WordClass::kGroupNoun))) {
        AddGroups(i);
      } else if (HasClass(t, WordClass::kSingularPronoun)) {
        ActorMention m{.token_begin = i,
                       .token_end = i + 1,
                       .type = MentionType::kPronoun};
        m.actor.mention = std::string(t.lower);
        out_.actors.push_back(std::move(m));
      } else if (HasClass(t, WordClass::kPluralPronoun) ||
                 ((t.lists & (kArticle | kPluralDeterminer)) != 0 &&
                  (lower == "the" || lower == "both") &&
                  (Lower(i + 1, "two") || Lower(i + 1, "pair") ||
                   Lower(i + 1, "leaders") || Lower(i + 1, "sides")) &&
                  // "the two countries" are states, not the two people.
                  !Lower(i + 2, "countries") && !Lower(i + 2, "nations") &&
                  !Lower(i + 2, "states") && !Lower(i + 2, "governments"))) {
        const size_t end = lower == "the" ? i + 2 : i + 1;
        out_.actors.push_back(
            ActorMention{.token_begin = i,
                         .token_end = end,
                         .type = MentionType::kPluralPronoun});
        i = end;
        continue;
      }
      ++i;
      continue;
    }
    if (span->Has(EntityType::kOffice)) {
      const size_t next = TitlePattern(i, *span);
      if (next != i) {
        // Remove stale qualifier entries consumed by the pattern.
        for (size_t k = out_.actors.back().token_begin; k < next; ++k) {
          at_[k].used = true;
        }
        i = next;
        continue;
      }
      // A counterpart title without qualifier ("his counterpart").
      i = span->token_end;
      continue;
    }
    if (const kb::Person* person = PickPerson(*span, MentionForm::kName, "")) {
      ActorMention m{.token_begin = i,
                     .token_end = span->token_end,
                     .type = MentionType::kPerson};
      m.actor.id = person->id;
      m.actor.name = person->name;
      ApplyTenure(kb_, *person, date_, &m.actor);
      m.possessive = Lower(span->token_end, "'s");
      out_.actors.push_back(std::move(m));
      i = span->token_end;
      continue;
    }
    if (span->Has(EntityType::kPerson)) {
      ActorMention m{.token_begin = i,
                     .token_end = span->token_end,
                     .type = MentionType::kSurname};
      for (const EntityRef& ref : span->mention->candidates) {
        if (ref.type == EntityType::kPerson) {
          m.surname_candidates.push_back(kb_.people()[ref.index].id);
        }
      }
      m.actor.mention = TextOf(i, span->token_end);
      m.possessive = Lower(span->token_end, "'s");
      out_.actors.push_back(std::move(m));
      i = span->token_end;
      continue;
    }
    // Group nouns after a qualifier are handled at the noun; a qualifier
    // itself is no actor.
    size_t width = 0;
    if (span->First(EntityType::kState, {MentionForm::kAdjective}) != nullptr &&
        span->First(EntityType::kState,
                    {MentionForm::kName, MentionForm::kAlias}) == nullptr) {
      i = span->token_end;
      continue;
    }
    const bool place_context = IsPlaceContext(i);
    if (place_context || span->First(EntityType::kPlace, {}) != nullptr) {
      const bool place_reading =
          place_context ||
          span->First(EntityType::kState, {MentionForm::kMetonym}) == nullptr;
      if (place_reading &&
          (span->Has(EntityType::kPlace) || span->Has(EntityType::kState))) {
        AddPlace(*span);
        i = span->token_end;
        continue;
      }
    }
    const bool qualifier_of_next =
        !QualifierAt(i, &width).empty() && i + width < tokens_.size() &&
        ((SpanAt(i + width) != nullptr &&
          SpanAt(i + width)->Has(EntityType::kOffice)) ||
         HasClass(tokens_[i + width], WordClass::kGroupNoun) ||
         HasClass(tokens_[i + width], WordClass::kRoleWord));
    if (qualifier_of_next) {
      i = span->token_end;
      continue;
    }
    if (const EntityRef* ref = span->First(EntityType::kState, {})) {
      AddCollective(*span, MentionType::kState, ActorKind::kState,
                    kb_.states()[ref->index].code);
    } else if (const EntityRef* org =
                   span->First(EntityType::kOrganization, {})) {
      AddCollective(*span, MentionType::kOrganization, ActorKind::kOrganization,
                    kb_.organizations()[org->index].code);
    }
    i = span->token_end;
  }
  // Places that are also actors' neighbours were skipped above; collect the
  // remaining place spans ("on the sidelines of the U.N. General Assembly").
  for (const Span& span : spans_) {
    if (span.Has(EntityType::kPlace) &&
        std::none_of(out_.places.begin(), out_.places.end(),
                     [&](const PlaceMention& p) {
                       return p.token_begin == span.token_begin;
                     }) &&
        std::none_of(out_.actors.begin(), out_.actors.end(),
                     [&](const ActorMention& a) {
                       return a.token_begin <= span.token_begin &&
                              span.token_begin < a.token_end;
                     })) {
      AddPlace(span);
    }
  }
  auto by_position = [](const auto& a, const auto& b) {
    return a.token_begin < b.token_begin;
  };
  // Mentions are mostly found in text order; stable_sort would allocate its
  // buffer even then.
  if (!std::is_sorted(out_.actors.begin(), out_.actors.end(), by_position)) {
    std::stable_sort(out_.actors.begin(), out_.actors.end(), by_position);
  }
  if (!std::is_sorted(out_.places.begin(), out_.places.end(), by_position)) {
    std::stable_sort(out_.places.begin(), out_.places.end(), by_position);
  }
  for (ActorMention& m : out_.actors) {
    if (m.actor.mention.empty()) {
      m.actor.mention = TextOf(m.token_begin, m.token_end);
    }
    if (!m.possessive) {
      m.possessive = Lower(m.token_end, "'s");
    }
  }
}

}  // namespace

void ApplyTenure(const kb::KnowledgeBase& kb, const kb::Person& person,
                 std::optional<absl::CivilDay> date, Actor* actor) {
  const kb::Tenure* best = nullptr;
  if (date.has_value()) {
    for (const kb::Tenure* tenure : kb.OfficesOf(person, *date)) {
      if (best == nullptr ||
          OfficeRank(tenure->office_id) < OfficeRank(best->office_id)) {
        best = tenure;
      }
    }
  }
  if (best == nullptr) {
    for (const kb::Tenure& tenure : person.tenures) {
      if (date.has_value() && tenure.start > *date) {
        continue;
      }
      if (best == nullptr || tenure.start > best->start) {
        best = &tenure;
      }
    }
  }
  if (best == nullptr && !person.tenures.empty()) {
    best = &person.tenures.front();
  }
  if (best == nullptr) {
    return;
  }
  actor->country_code = best->country;
  if (!best->title.empty()) {
    actor->role = best->title;
  } else if (const kb::Office* office = kb.FindOffice(best->office_id)) {
    actor->role = office->title;
  }
}

MentionFinder::MentionFinder(const kb::KnowledgeBase& kb,
                             std::optional<absl::CivilDay> date)
    : kb_(kb), date_(date), scratch_(std::make_unique<Scratch>()) {}

MentionFinder::~MentionFinder() = default;

void MentionFinder::Find(const Sentence& sentence, SentenceMentions* mentions) {
  SentenceScanner(kb_, sentence, date_, scratch_.get(), mentions).Run();
}

SentenceMentions FindSentenceMentions(const kb::KnowledgeBase& kb,
                                      const Sentence& sentence,
                                      std::optional<absl::CivilDay> date) {
  SentenceMentions mentions;
  MentionFinder(kb, date).Find(sentence, &mentions);
  return mentions;
}

}  // namespace attache::extract
