#include "extract/lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/strings/str_split.h"
#include "text/packed_word.h"

namespace attache::extract {
namespace {

using K = ContactKind;
using F = TriggerForm;
using T = TriggerTense;

// ---------------------------------------------------------------------------
// Contact triggers. Phrases are matched on lower-case tokens; the longest
// phrase starting at a token wins.
constexpr auto kTriggers = std::to_array<TriggerEntry>({
    // MEETING: verbs.
    {"met", K::kMeeting, F::kVerb, T::kPast, false},
    {"meets", K::kMeeting, F::kVerb, T::kPresent, false},
    {"meet", K::kMeeting, F::kVerb, T::kNone, false},
    {"held talks", K::kMeeting, F::kVerb, T::kPast, false},
    {"holds talks", K::kMeeting, F::kVerb, T::kPresent, false},
    {"hold talks", K::kMeeting, F::kVerb, T::kNone, false},
    {"held tete - a - tete talks", K::kMeeting, F::kVerb, T::kPast, false},
    {"hold tete - a - tete talks", K::kMeeting, F::kVerb, T::kNone, false},
    {"held a meeting", K::kMeeting, F::kVerb, T::kPast, false},
    {"hold a meeting", K::kMeeting, F::kVerb, T::kNone, false},
    {"held discussions", K::kMeeting, F::kVerb, T::kPast, false},
    {"held consultations", K::kMeeting, F::kVerb, T::kPast, false},
    {"sat down with", K::kMeeting, F::kVerb, T::kPast, false},
    {"called on", K::kMeeting, F::kVerb, T::kPast, false},
    {"paid a courtesy call on", K::kMeeting, F::kVerb, T::kPast, false},
    {"courtesy call on", K::kMeeting, F::kNoun, T::kNone, false},
    {"hosted", K::kMeeting, F::kHostVerb, T::kPast, false},
    {"hosts", K::kMeeting, F::kHostVerb, T::kPresent, false},
    {"host", K::kMeeting, F::kHostVerb, T::kNone, false},
    {"received", K::kMeeting, F::kHostVerb, T::kPast, false},
    {"receives", K::kMeeting, F::kHostVerb, T::kPresent, false},
    {"receiving", K::kMeeting, F::kHostVerb, T::kProgressive, false},
    {"welcomed", K::kMeeting, F::kHostVerb, T::kPast, false},
    {"greeted", K::kMeeting, F::kHostVerb, T::kPast, false},
    // MEETING: nouns.
    {"meeting", K::kMeeting, F::kNoun, T::kNone, false},
    {"meetings", K::kMeeting, F::kNoun, T::kNone, false},
    {"talks", K::kMeeting, F::kNoun, T::kNone, false},
    {"bilateral talk", K::kMeeting, F::kNoun, T::kNone, false},
    {"summit", K::kMeeting, F::kNoun, T::kNone, false},
    {"negotiations", K::kMeeting, F::kNoun, T::kNone, false},
    {"consultations", K::kMeeting, F::kNoun, T::kNone, false},
    {"tete - a - tete", K::kMeeting, F::kNoun, T::kNone, false},
    // MEETING: stated attendance of a summit or conference ("will attend
    // the SCO summit": the organisation stands for the other side).
    {"attended", K::kMeeting, F::kVerb, T::kPast, false},
    {"attends", K::kMeeting, F::kVerb, T::kPresent, false},
    {"attend", K::kMeeting, F::kVerb, T::kNone, false},
    {"attending", K::kMeeting, F::kVerb, T::kProgressive, false},
    {"took part in", K::kMeeting, F::kVerb, T::kPast, false},
    {"take part in", K::kMeeting, F::kVerb, T::kNone, false},
    {"taking part in", K::kMeeting, F::kVerb, T::kProgressive, false},
    // MEETING: weak support.
    {"discussed", K::kMeeting, F::kVerb, T::kPast, true},
    {"exchanged views", K::kMeeting, F::kVerb, T::kPast, true},
    {"told", K::kMeeting, F::kVerb, T::kPast, true},
    {"discussion", K::kMeeting, F::kNoun, T::kNone, true},
    {"discussions", K::kMeeting, F::kNoun, T::kNone, true},
    // CALL.
    {"phone call", K::kCall, F::kNoun, T::kNone, false},
    {"phone conversation", K::kCall, F::kNoun, T::kNone, false},
    {"telephone call", K::kCall, F::kNoun, T::kNone, false},
    {"telephone conversation", K::kCall, F::kNoun, T::kNone, false},
    {"telephone conversations", K::kCall, F::kNoun, T::kNone, false},
    {"phone conversations", K::kCall, F::kNoun, T::kNone, false},
    {"telephone talks", K::kCall, F::kNoun, T::kNone, false},
    {"phone talks", K::kCall, F::kNoun, T::kNone, false},
    {"video call", K::kCall, F::kNoun, T::kNone, false},
    {"video conference", K::kCall, F::kNoun, T::kNone, false},
    {"videoconference", K::kCall, F::kNoun, T::kNone, false},
    {"call with", K::kCall, F::kNoun, T::kNone, false},
    {"spoke by phone", K::kCall, F::kVerb, T::kPast, false},
    {"spoke by telephone", K::kCall, F::kVerb, T::kPast, false},
    {"spoke on the phone", K::kCall, F::kVerb, T::kPast, false},
    {"spoke with", K::kCall, F::kVerb, T::kPast, false},
    {"spoke to", K::kCall, F::kVerb, T::kPast, false},
    {"speaks with", K::kCall, F::kVerb, T::kPresent, false},
    {"speaks to", K::kCall, F::kVerb, T::kPresent, false},
    {"speak with", K::kCall, F::kVerb, T::kNone, false},
    {"speak to", K::kCall, F::kVerb, T::kNone, false},
    {"speaking with", K::kCall, F::kVerb, T::kProgressive, false},
    {"speaking to", K::kCall, F::kVerb, T::kProgressive, false},
    {"spoken with", K::kCall, F::kVerb, T::kPast, false},
    {"talked with", K::kCall, F::kVerb, T::kPast, false},
    {"talked to", K::kCall, F::kVerb, T::kPast, false},
    {"phoned", K::kCall, F::kVerb, T::kPast, false},
    {"conversation", K::kCall, F::kNoun, T::kNone, true},
    // VISIT.
    {"visited", K::kVisit, F::kVerb, T::kPast, false},
    {"visits", K::kVisit, F::kVerb, T::kPresent, false},
    {"visit", K::kVisit, F::kNoun, T::kNone, false},
    {"visiting", K::kVisit, F::kVerb, T::kProgressive, false},
    {"state visit", K::kVisit, F::kNoun, T::kNone, false},
    {"official visit", K::kVisit, F::kNoun, T::kNone, false},
    {"trip to", K::kVisit, F::kNoun, T::kNone, false},
    {"trip", K::kVisit, F::kNoun, T::kNone, false},
    {"travel to", K::kVisit, F::kVerb, T::kNone, false},
    {"travels to", K::kVisit, F::kVerb, T::kPresent, false},
    {"traveled to", K::kVisit, F::kVerb, T::kPast, false},
    {"travelled to", K::kVisit, F::kVerb, T::kPast, false},
    {"traveling to", K::kVisit, F::kVerb, T::kProgressive, false},
    {"travelling to", K::kVisit, F::kVerb, T::kProgressive, false},
    {"arrived in", K::kVisit, F::kVerb, T::kPast, false},
    {"arrives in", K::kVisit, F::kVerb, T::kProgressive, false},
    {"arrive in", K::kVisit, F::kVerb, T::kNone, false},
    {"arriving in", K::kVisit, F::kVerb, T::kProgressive, false},
    {"landed in", K::kVisit, F::kVerb, T::kPast, false},
    {"lands in", K::kVisit, F::kVerb, T::kProgressive, false},
    {"flew to", K::kVisit, F::kVerb, T::kPast, false},
    {"flown to", K::kVisit, F::kVerb, T::kPast, false},
    {"fly to", K::kVisit, F::kVerb, T::kNone, false},
    {"departs to", K::kVisit, F::kVerb, T::kProgressive, false},
    {"departs for", K::kVisit, F::kVerb, T::kProgressive, false},
    {"departed for", K::kVisit, F::kVerb, T::kPast, false},
    {"tour of", K::kVisit, F::kNoun, T::kNone, false},
    {"stopover in", K::kVisit, F::kNoun, T::kNone, false},
    {"hop between", K::kVisit, F::kVerb, T::kNone, false},
    {"followed to", K::kVisit, F::kFollowed, T::kPast, false},
    // CORRESPONDENCE.
    {"letter", K::kCorrespondence, F::kNoun, T::kNone, false},
    {"letters", K::kCorrespondence, F::kNoun, T::kNone, false},
    {"wrote to", K::kCorrespondence, F::kVerb, T::kPast, false},
    {"message to", K::kCorrespondence, F::kNoun, T::kNone, false},
    {"congratulatory message", K::kCorrespondence, F::kNoun, T::kNone, false},
});

// ---------------------------------------------------------------------------
// Status cues before the trigger, in the trigger's clause.
using C = StatusCue;
constexpr auto kPreCues = std::to_array<StatusCueEntry>({
    {"not", C::kNegation},
    {"n't", C::kNegation},
    {"never", C::kNegation},
    {"refused to", C::kNegation},
    {"declined to", C::kNegation},
    {"cancel", C::kCanceled},
    {"canceled", C::kCanceled},
    {"cancelled", C::kCanceled},
    {"canceling", C::kCanceled},
    {"cancelling", C::kCanceled},
    {"called off", C::kCanceled},
    {"postpone", C::kCanceled},
    {"postponed", C::kCanceled},
    {"postponing", C::kCanceled},
    {"delayed", C::kCanceled},
    {"delay", C::kCanceled},
    {"scrapped", C::kCanceled},
    {"shelved", C::kCanceled},
    {"rescheduled", C::kCanceled},
    {"will", C::kPlanned},
    {"'ll", C::kPlanned},
    {"shall", C::kPlanned},
    {"would", C::kPlanned},
    {"is to", C::kPlanned},
    {"are to", C::kPlanned},
    {"was to", C::kPlanned},
    {"scheduled", C::kPlanned},
    {"set to", C::kPlanned},
    {"plans to", C::kPlanned},
    {"plan to", C::kPlanned},
    {"planned", C::kPlanned},
    {"planning", C::kPlanned},
    {"due to", C::kPlanned},
    {"upcoming", C::kPlanned},
    {"going to", C::kPlanned},
    {"prepares to", C::kPlanned},
    {"preparing to", C::kPlanned},
    {"preparations for", C::kPlanned},
    {"agreed to", C::kPlanned},
    {"accepted", C::kPlanned},
    {"may", C::kSpeculated},
    {"might", C::kSpeculated},
    {"could", C::kSpeculated},
    {"expected", C::kSpeculated},
    {"possible", C::kSpeculated},
    {"possibly", C::kSpeculated},
    {"likely", C::kSpeculated},
    {"hope", C::kSpeculated},
    {"hopes", C::kSpeculated},
    {"hoped", C::kSpeculated},
    {"hoping", C::kSpeculated},
    {"speculation", C::kSpeculated},
    {"considering", C::kSpeculated},
    {"potential", C::kSpeculated},
    {"proposed", C::kSpeculated},
    {"invited", C::kSpeculated},
    {"invitation", C::kSpeculated},
    {"plans for", C::kSpeculated},
    {"alluded to", C::kSpeculated},
    {"anticipation of", C::kPlanned},
    {"importance of holding", C::kSpeculated},
    {"is in", C::kOngoing},
    {"are in", C::kOngoing},
    {"was in", C::kOngoing},
});

// Status cues after the trigger ("the visit ... has been postponed").
constexpr auto kPostCues = std::to_array<StatusCueEntry>({
    {"postponed", C::kCanceled},
    {"canceled", C::kCanceled},
    {"cancelled", C::kCanceled},
    {"called off", C::kCanceled},
    {"rescheduled", C::kCanceled},
    {"delayed", C::kCanceled},
    {"is expected", C::kSpeculated},
    {"expected to", C::kSpeculated},
    {"would not take place", C::kSpeculated},
    {"will take place", C::kPlanned},
    {"to take place", C::kPlanned},
    {"is scheduled", C::kPlanned},
    {"was scheduled", C::kPlanned},
    {"were scheduled", C::kPlanned},
    {"are scheduled", C::kPlanned},
    {"will be held", C::kPlanned},
    {"is planned", C::kPlanned},
    {"kicked off", C::kOngoing},
    {"is under way", C::kOngoing},
    {"is underway", C::kOngoing},
});

// ---------------------------------------------------------------------------
// Plural titles: one office holder per state.
constexpr auto kPluralTitles = std::to_array<PluralTitleEntry>({
    {"presidents", "head_of_state"},
    {"leaders", "head_of_state"},
    {"heads of state", "head_of_state"},
    {"prime ministers", "head_of_government"},
    {"foreign ministers", "foreign_minister"},
    {"foreign secretaries", "foreign_minister"},
    {"top diplomats", "foreign_minister"},
    {"chief diplomats", "foreign_minister"},
    {"defense ministers", "defence_minister"},
    {"defence ministers", "defence_minister"},
    {"finance ministers", "finance_minister"},
    {"national security advisers", "national_security_adviser"},
});

// ---------------------------------------------------------------------------
struct SameDayCueEntry {
  absl::string_view phrase;
};
constexpr auto kSameDayCues = std::to_array<SameDayCueEntry>({
    {"later in the day"},
    {"later that day"},
    {"later the same day"},
    {"later that evening"},
    {"later in the evening"},
    {"the same day"},
    {"that same day"},
    {"afterwards"},
    {"afterward"},
});

// ---------------------------------------------------------------------------
constexpr auto kGroupNouns = std::to_array<absl::string_view>({
    "officials",
    "official",
    "delegation",
    "delegations",
    "team",
    "teams",
    "negotiators",
    "diplomats",
    "government",
    "authorities",
    "leadership",
    "envoys",
    "side",
    "intelligence",
    "ministers",
    "representatives",
    "counterparts",
});

constexpr auto kRoleWords = std::to_array<absl::string_view>({
    "president",    "vice",       "prime",      "minister",
    "premier",      "chancellor", "secretary",  "envoy",
    "ambassador",   "leader",     "chief",      "king",
    "queen",        "emir",       "prince",     "crown",
    "sultan",       "ruler",      "adviser",    "advisor",
    "counselor",    "counsellor", "councilor",  "councillor",
    "foreign",      "defense",    "defence",    "finance",
    "treasury",     "commerce",   "trade",      "national",
    "security",     "climate",    "special",    "representative",
    "general",      "director",   "head",       "chairman",
    "chairperson",  "chair",      "speaker",    "commander",
    "deputy",       "top",        "opposition", "supreme",
    "state",        "affairs",    "external",   "interior",
    "home",         "diplomat",   "spokesman",  "spokeswoman",
    "spokesperson", "governor",   "senator",    "first",
    "party",        "political",  "bureau",     "council",
    "general",      "ayatollah",  "sheikh",     "shri",
    "mr",           "mrs",        "ms",         "dr",
    "lady",         "federal",    "economic",   "agency",
    "new",          "former",     "acting",     "pope",
});

constexpr auto kClauseBreaks = std::to_array<absl::string_view>({
    "as",        "while",  "after",   "before",    "because", "although",
    "though",    "since",  "when",    "where",     "which",   "who",
    "whom",      "but",    "however", "said",      "says",    "amid",
    "following", "during", "ahead",   "despite",   "that",    "to",
    "saying",    "adding", "noting",  "stressing", "if",      "unless",
});

constexpr auto kReportingVerbs = std::to_array<absl::string_view>({
    "said",     "says",  "say",      "announced", "announces",
    "told",     "tells", "reported", "reports",   "confirmed",
    "confirms", "added", "stated",   "tweeted",   "wrote",
    "posted",   "noted", "declared", "revealed",  "disclosed",
});

constexpr auto kSingularPronouns =
    std::to_array<absl::string_view>({"he", "she", "him", "her", "his"});
constexpr auto kPluralPronouns =
    std::to_array<absl::string_view>({"they", "them", "their"});

// Weekday and month names, full and abbreviated: each ends a name and may
// start a time expression.
constexpr auto kCalendarWords = std::to_array<absl::string_view>({
    "monday",   "tuesday", "wednesday", "thursday",  "friday",  "saturday",
    "sunday",   "january", "february",  "march",     "april",   "may",
    "june",     "july",    "august",    "september", "october", "november",
    "december", "jan",     "feb",       "mar",       "apr",     "jun",
    "jul",      "aug",     "sep",       "sept",      "oct",     "nov",
    "dec",
});

// Words that end a run of capitalised name words (besides kCalendarWords).
constexpr auto kNameStopWords = std::to_array<absl::string_view>({
    "the",       "a",          "an",      "and",   "of",   "in",    "on",
    "at",        "for",        "with",    "by",    "to",   "he",    "she",
    "they",      "it",         "this",    "that",  "but",  "his",   "her",
    "their",     "its",        "we",      "i",     "you",  "our",   "today",
    "yesterday", "tomorrow",   "said",    "says",  "will", "would", "has",
    "had",       "have",       "is",      "was",   "were", "are",   "meanwhile",
    "however",   "reportedly", "earlier", "later", "last", "next",  "both",
    "after",     "before",     "while",   "as",
});

// The words that may start a time expression, besides numbers and
// kCalendarWords.
constexpr auto kTimeStarts = std::to_array<absl::string_view>({
    "next", "last", "this",   "today", "tonight", "yesterday", "tomorrow",
    "over", "in",   "during", "a",     "one",     "two",       "three",
    "four", "five", "six",    "seven", "eight",   "nine",      "ten",
});

// The structure words of each WordList, as (word, list) pairs.
std::vector<std::pair<absl::string_view, WordList>> StructureWords() {
  std::vector<std::pair<absl::string_view, WordList>> words;
  const auto add = [&words](
                       WordList list,
                       std::initializer_list<absl::string_view> list_words) {
    for (const absl::string_view word : list_words) {
      words.emplace_back(word, list);
    }
  };
  add(kGoverning, {"with", "by", "to", "between", "among", "of", "for", "from",
                   "on", "against", "about", "invited"});
  add(kArgumentGap,
      {"with",  "between", "among", "by",      "and",        ",",
       "the",   "a",       "an",    "his",     "her",        "their",
       "its",   "also",    "on",    "in",      "at",         "has",
       "have",  "had",     "held",  "hold",    "separately", "later",
       "again", "both",    "two",   "leaders", "of"});
  add(kDeparture, {"outside", "from", "leave", "left", "leaving"});
  add(kTheOf, {"the", "of"});
  add(kToIn, {"to", "in", "into"});
  add(kClauseOpener, {"which", "where", "while", "whereas", ";"});
  add(kVisitNoun, {"visit", "visits"});
  add(kArticle, {"the", "a", "an"});
  add(kTheA, {"the", "a"});
  add(kCoordinator, {",", "and", "-", "&"});
  add(kLedBy, {"led", "headed"});
  add(kTripModifier, {"recent", "first", "two", "official", "state", "planned",
                      "upcoming", "previous", "latest", "brief", "surprise"});
  add(kAbout, {"on", "about", "over", "regarding"});
  add(kCounterpartNoun, {"counterpart", "counterparts", "peer"});
  add(kOnIn, {"on", "in"});
  add(kPluralDeterminer,
      {"two", "three", "several", "his", "her", "their", "both"});
  add(kDateJoiner, {",", "and", "in", "on"});
  add(kTopicEnd, {"with", "at", "on"});
  add(kMediumOrVenue, {"phone", "telephone", "sidelines", "margins", "margin"});
  add(kLocating, {"in", "at", "the", "of", ",", "'s"});
  add(kAnaphoric, {"the", "this", "that"});
  add(kCommaAnd, {",", "and"});
  add(kDestinationSlot, {"to", "of", "in", "for"});
  add(kSidelines, {"sidelines", "sideline", "margins", "margin"});
  add(kDeterminer, {"the", "a", "an", "his", "her"});
  add(kBetween, {"between", "among"});
  add(kClauseStart,
      {";", ".", "as", "while", "after", "because", "although", "since", "when",
       "which", "who", "but", "amid", "following", "before"});
  add(kCondition, {"if", "unless", "whether"});
  add(kPostStop, {";", ".", "after", "while", "as", "but"});
  add(kCopula, {"is", "are"});
  return words;
}

// A read-only map from lexicon words to values, built once: open addressing
// on a hash of a word's head (text::WordHead) and length, which is cheaper than
// a general-purpose hash map's probe. Every token is looked up in it.
template <typename Value>
class WordTable {
 public:
  // Room for `capacity` distinct words.
  explicit WordTable(size_t capacity) {
    while ((size_t{1} << bits_) < 4 * capacity) {
      ++bits_;
    }
    slots_.resize(size_t{1} << bits_);
  }

  // The value of `word`, value-initialised when it is new. `word` must
  // outlive the table and be non-empty.
  Value& operator[](absl::string_view word) {
    const uint64_t head = text::WordHead(word, /*padded=*/false);
    size_t i = Index(head, word.size());
    while (!slots_[i].word.empty() && !Matches(slots_[i], word, head)) {
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i].word = word;
    slots_[i].head = head;
    return slots_[i].value;
  }

  // The value of `word`, which is followed by eight readable bytes (a token
  // of Sentence::lower_text), or nullptr.
  ABSL_ATTRIBUTE_ALWAYS_INLINE const Value* Find(absl::string_view word) const {
    if (word.empty()) {
      return nullptr;
    }
    const uint64_t head = text::WordHead(word, /*padded=*/true);
    const size_t home = Index(head, word.size());
    // Most words are found, or found missing, at their home slot: the probe
    // loop stays out of line.
    if (slots_[home].word.empty()) {
      return nullptr;
    }
    if (Matches(slots_[home], word, head)) {
      return &slots_[home].value;
    }
    return Probe(word, head, home);
  }

 private:
  struct Slot {
    absl::string_view word;  // empty: a free slot
    uint64_t head = 0;       // text::WordHead(word)
    Value value{};
  };

  // Find() past the home slot `home`.
  ABSL_ATTRIBUTE_NOINLINE const Value* Probe(absl::string_view word,
                                             uint64_t head, size_t home) const {
    for (size_t i = (home + 1) & (slots_.size() - 1); !slots_[i].word.empty();
         i = (i + 1) & (slots_.size() - 1)) {
      if (Matches(slots_[i], word, head)) {
        return &slots_[i].value;
      }
    }
    return nullptr;
  }

  static bool Matches(const Slot& slot, absl::string_view word, uint64_t head) {
    return slot.head == head && slot.word.size() == word.size() &&
           (word.size() <= sizeof(head) ||
            std::memcmp(slot.word.data() + sizeof(head),
                        word.data() + sizeof(head),
                        word.size() - sizeof(head)) == 0);
  }

  // The home slot: the top bits of a multiplicative hash.
  size_t Index(uint64_t head, size_t size) const {
    return static_cast<size_t>(((head ^ size) * 0x9E3779B97F4A7C15u) >>
                               (64 - bits_));
  }

  int bits_ = 4;
  // 2^bits_ slots, at most a quarter of them used.
  std::vector<Slot> slots_;
};

// Phrases of a table indexed by first word. Entry has a `phrase` member.
template <typename Entry>
class PhraseIndex {
 public:
  // `start_class`: the WordClass of the table's first words.
  PhraseIndex(absl::Span<const Entry> entries, WordClass start_class);

  // The longest entry whose words are the lower-case forms of tokens[pos...],
  // or nullptr; *length receives its token count.
  const Entry* Match(absl::Span<const Token> tokens, size_t pos,
                     size_t* length) const;

 private:
  struct Phrase {
    const Entry* entry;
    std::vector<absl::string_view> words;
  };
  WordClass start_class_;
  WordTable<std::vector<Phrase>> by_first_word_;
};

template <typename Entry>
PhraseIndex<Entry>::PhraseIndex(absl::Span<const Entry> entries,
                                WordClass start_class)
    : start_class_(start_class), by_first_word_(entries.size()) {
  for (const Entry& entry : entries) {
    std::vector<absl::string_view> words = absl::StrSplit(entry.phrase, ' ');
    // Longest phrase first, table order among equals.
    std::vector<Phrase>& phrases = by_first_word_[words.front()];
    const auto shorter = std::find_if(
        phrases.begin(), phrases.end(),
        [&](const Phrase& p) { return p.words.size() < words.size(); });
    phrases.insert(shorter, {&entry, std::move(words)});
  }
}

template <typename Entry>
const Entry* PhraseIndex<Entry>::Match(absl::Span<const Token> tokens,
                                       size_t pos, size_t* length) const {
  if (pos >= tokens.size()) {
    return nullptr;
  }
  // Tokenize() classified every token that may start a phrase.
  const Token& token = tokens[pos];
  if (!HasClass(token, start_class_)) {
    return nullptr;
  }
  const std::vector<Phrase>* phrases = by_first_word_.Find(token.lower);
  if (phrases == nullptr) {
    return nullptr;
  }
  for (const Phrase& phrase : *phrases) {
    const size_t n = phrase.words.size();
    if (pos + n > tokens.size()) {
      continue;
    }
    size_t k = 1;
    while (k < n && tokens[pos + k].lower == phrase.words[k]) {
      ++k;
    }
    if (k == n) {
      *length = n;
      return phrase.entry;
    }
  }
  return nullptr;
}

}  // namespace

const TriggerEntry* MatchTrigger(absl::Span<const Token> tokens, size_t pos,
                                 size_t* length) {
  static const auto* const kIndex =
      new PhraseIndex<TriggerEntry>(kTriggers, WordClass::kTriggerStart);
  return kIndex->Match(tokens, pos, length);
}

const StatusCueEntry* MatchPreTriggerCue(absl::Span<const Token> tokens,
                                         size_t pos, size_t* length) {
  static const auto* const kIndex =
      new PhraseIndex<StatusCueEntry>(kPreCues, WordClass::kPreCueStart);
  return kIndex->Match(tokens, pos, length);
}

const StatusCueEntry* MatchPostTriggerCue(absl::Span<const Token> tokens,
                                          size_t pos, size_t* length) {
  static const auto* const kIndex =
      new PhraseIndex<StatusCueEntry>(kPostCues, WordClass::kPostCueStart);
  return kIndex->Match(tokens, pos, length);
}

bool MatchSameDayCue(absl::Span<const Token> tokens, size_t pos,
                     size_t* length) {
  static const auto* const kIndex = new PhraseIndex<SameDayCueEntry>(
      kSameDayCues, WordClass::kSameDayCueStart);
  return kIndex->Match(tokens, pos, length) != nullptr;
}

const PluralTitleEntry* MatchPluralTitle(absl::Span<const Token> tokens,
                                         size_t pos, size_t* length) {
  static const auto* const kIndex = new PhraseIndex<PluralTitleEntry>(
      kPluralTitles, WordClass::kPluralTitleStart);
  return kIndex->Match(tokens, pos, length);
}

namespace {

ABSL_ATTRIBUTE_ALWAYS_INLINE inline const WordTable<WordTraits>& TraitsTable() {
  static const auto* const kTraits = [] {
    const std::vector<std::pair<absl::string_view, WordList>> structure_words =
        StructureWords();
    auto* traits = new WordTable<WordTraits>(
        structure_words.size() + kGroupNouns.size() + kRoleWords.size() +
        kClauseBreaks.size() + kReportingVerbs.size() +
        kSingularPronouns.size() + kPluralPronouns.size() +
        kNameStopWords.size() + kTriggers.size() + kPreCues.size() +
        kPostCues.size() + kPluralTitles.size() + kSameDayCues.size() +
        kTimeStarts.size() + 2 * kCalendarWords.size());
    const auto add = [traits](absl::string_view word, WordClass word_class) {
      (*traits)[word].classes |= static_cast<uint16_t>(word_class);
    };
    const auto add_words = [&add](absl::Span<const absl::string_view> words,
                                  WordClass word_class) {
      for (const absl::string_view word : words) {
        add(word, word_class);
      }
    };
    add_words(kGroupNouns, WordClass::kGroupNoun);
    add_words(kRoleWords, WordClass::kRoleWord);
    add_words(kClauseBreaks, WordClass::kClauseBreak);
    add_words(kReportingVerbs, WordClass::kReportingVerb);
    add_words(kSingularPronouns, WordClass::kSingularPronoun);
    add_words(kPluralPronouns, WordClass::kPluralPronoun);
    add_words(kNameStopWords, WordClass::kNameStopWord);
    add_words(kTimeStarts, WordClass::kTimeStart);
    add_words(kCalendarWords, WordClass::kNameStopWord);
    add_words(kCalendarWords, WordClass::kTimeStart);
    const auto add_first_words = [&add](const auto& entries,
                                        WordClass word_class) {
      for (const auto& entry : entries) {
        add(entry.phrase.substr(0, entry.phrase.find(' ')), word_class);
      }
    };
    add_first_words(kPluralTitles, WordClass::kPluralTitleStart);
    add_first_words(kTriggers, WordClass::kTriggerStart);
    add_first_words(kPreCues, WordClass::kPreCueStart);
    add_first_words(kPostCues, WordClass::kPostCueStart);
    add_first_words(kSameDayCues, WordClass::kSameDayCueStart);
    for (const auto& [word, list] : structure_words) {
      (*traits)[word].lists |= list;
    }
    return traits;
  }();
  return *kTraits;
}

}  // namespace

WordTraits WordTraitsOfPadded(absl::string_view lower_token) {
  const WordTraits* traits = TraitsTable().Find(lower_token);
  return traits == nullptr ? WordTraits{} : *traits;
}

}  // namespace attache::extract
