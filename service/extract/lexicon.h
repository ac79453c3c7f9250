// The extraction engine's word lists: contact triggers, status cues, group
// nouns, role words, pronouns, time expression starters and the structure
// words the contact finder tests. The tables themselves live in lexicon.cc,
// one clearly separated table per list, so they are easy to extend.
//
// Every entry is lower-case ASCII; multi-word entries are space-separated
// tokens as produced by extract/sentence.h. Phrase tables are indexed by their
// first word, so a lookup at a token costs one hash probe.
//
// Thread safety: all functions read immutable static tables.
#ifndef ATTACHE_EXTRACT_LEXICON_H_
#define ATTACHE_EXTRACT_LEXICON_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "extract/contact.h"
#include "extract/sentence.h"

namespace attache::extract {

// How a trigger relates its arguments.
enum class TriggerForm : uint8_t {
  kVerb,         // "X met Y", "X and Y met", "X visited Beijing"
  kNoun,         // "talks between X and Y", "X's trip to China"
  kHostVerb,     // "X hosted Y": subject is the host
  kPassiveHost,  // "X was received by Y": handled like kHostVerb reversed
  kFollowed,     // "X was followed to Beijing by A, B and C"
};

// The tense a trigger word itself carries.
enum class TriggerTense : uint8_t {
  kNone,         // nouns and base forms: decided by the context
  kPast,         // "met", "visited"
  kPresent,      // "meets" (headline present: an event that occurred)
  kProgressive,  // "meeting", "visiting"
};

// Weak triggers ("discussed", "told") only support a contact when the
// article has no stronger evidence for the same participants.
struct TriggerEntry {
  absl::string_view phrase;
  ContactKind kind;
  TriggerForm form;
  TriggerTense tense;
  bool weak;
};

// The trigger starting at tokens[pos] (longest phrase), or nullptr.
const TriggerEntry* MatchTrigger(absl::Span<const Token> tokens, size_t pos,
                                 size_t* length);

enum class StatusCue : uint8_t {
  kNegation,
  kCanceled,
  kPlanned,
  kSpeculated,
  kOngoing,
};

struct StatusCueEntry {
  absl::string_view phrase;
  StatusCue cue;
};

// Cues that precede the trigger ("will", "is expected to", "canceled a"),
// starting at tokens[pos], or nullptr.
const StatusCueEntry* MatchPreTriggerCue(absl::Span<const Token> tokens,
                                         size_t pos, size_t* length);
// Cues that follow the trigger ("... has been postponed").
const StatusCueEntry* MatchPostTriggerCue(absl::Span<const Token> tokens,
                                          size_t pos, size_t* length);

// Plural titles that name one office holder per state: "the presidents of
// A and B", "their top diplomats".
struct PluralTitleEntry {
  absl::string_view phrase;
  absl::string_view office_id;  // knowledge-base office
};
const PluralTitleEntry* MatchPluralTitle(absl::Span<const Token> tokens,
                                         size_t pos, size_t* length);

// Adverbials placing an event on the day of the one told just before it:
// "later in the day", "afterwards", "the same day". True when one starts at
// tokens[pos]; *length receives its token count.
bool MatchSameDayCue(absl::Span<const Token> tokens, size_t pos,
                     size_t* length);

// Word classes of the single-word lists below and of the first words of the
// phrase tables above, as bit flags; Tokenize() stores them on every token
// (Token::classes) so that per-token checks cost no lookup. A token without
// a table's start class starts no entry of it: callers may skip the Match
// call.
enum class WordClass : uint16_t {
  // Nouns that make "<state adjective> <noun>" a group actor: "officials",
  // "delegation", "negotiating team".
  kGroupNoun = 1 << 0,
  // Words that head a role or title not always in the knowledge base:
  // "envoy", "leader", "chief".
  kRoleWord = 1 << 1,
  // Words that end a noun phrase of argument search: conjunctions opening a
  // new clause ("as", "while", "after").
  kClauseBreak = 1 << 2,
  // Verbs that report speech or announcements: "said", "announced".
  kReportingVerb = 1 << 3,
  // Personal pronouns that refer to one person: "he", "she", "him", "her",
  // "his".
  kSingularPronoun = 1 << 4,
  // "they", "them", "their": the participants of the previous contact.
  kPluralPronoun = 1 << 5,
  // Capitalised words that never start or continue a person's name: "The",
  // "Monday".
  kNameStopWord = 1 << 6,
  // The first word of an entry of a phrase table: MatchPluralTitle(),
  // MatchTrigger(), MatchPreTriggerCue(), MatchPostTriggerCue(),
  // MatchSameDayCue().
  kPluralTitleStart = 1 << 7,
  kTriggerStart = 1 << 8,
  kPreCueStart = 1 << 9,
  kPostCueStart = 1 << 10,
  kSameDayCueStart = 1 << 11,
  // A word that may start a time expression (extract/time_expr.h) other
  // than a number: "next", "Monday", "June".
  kTimeStart = 1 << 12,
};

// The structure words the contact finder (extract/contacts.cc) tests, as
// bit flags of lists; Tokenize() stores them on every token (Token::lists).
enum WordList : uint32_t {
  // Prepositions after which an actor is an object, not an agent.
  kGoverning = uint32_t{1} << 0,
  // Tokens that may separate an argument from its trigger.
  kArgumentGap = uint32_t{1} << 1,
  kDeparture = uint32_t{1} << 2,  // "from", "leaving": a place left behind
  kTheOf = uint32_t{1} << 3,
  kToIn = uint32_t{1} << 4,
  kClauseOpener = uint32_t{1} << 5,  // "which", ";": another clause
  kVisitNoun = uint32_t{1} << 6,  // "visit(s)": a trigger even inside an actor
  kArticle = uint32_t{1} << 7,    // "the", "a", "an"
  kTheA = uint32_t{1} << 8,
  kCoordinator = uint32_t{1} << 9,    // ",", "and", "-", "&"
  kLedBy = uint32_t{1} << 10,         // "led", "headed"
  kTripModifier = uint32_t{1} << 11,  // "Sullivan's first visit"
  kAbout = uint32_t{1} << 12,         // "on", "about": a topic follows
  kCounterpartNoun = uint32_t{1} << 13,
  kOnIn = uint32_t{1} << 14,
  kPluralDeterminer = uint32_t{1} << 15,  // "his two visits"
  kDateJoiner = uint32_t{1} << 16,        // "in June and in July"
  kTopicEnd = uint32_t{1} << 17,
  kMediumOrVenue = uint32_t{1} << 18,  // "on the phone", "on the sidelines"
  kLocating = uint32_t{1} << 19,       // "in", "at": a place follows
  kAnaphoric = uint32_t{1} << 20,      // "the", "this", "that"
  kCommaAnd = uint32_t{1} << 21,
  kDestinationSlot = uint32_t{1} << 22,  // "visit to", "tour of"
  kSidelines = uint32_t{1} << 23,
  kDeterminer = uint32_t{1} << 24,  // "the", "a", "an", "his", "her"
  kBetween = uint32_t{1} << 25,
  kClauseStart = uint32_t{1} << 26,  // ends the status window before a trigger
  kCondition = uint32_t{1} << 27,    // "if", "unless", "whether"
  kPostStop = uint32_t{1} << 28,     // ends the status window after it
  kCopula = uint32_t{1} << 29,       // "is", "are"
};

// The WordClass and WordList flags of one word.
struct WordTraits {
  uint16_t classes = 0;
  uint32_t lists = 0;
};
// The traits of a word followed by at least eight readable bytes (within
// Sentence::lower_text), looked up eight bytes at a time.
WordTraits WordTraitsOfPadded(absl::string_view lower_token);

inline bool HasClass(uint16_t classes, WordClass word_class) {
  return (classes & static_cast<uint16_t>(word_class)) != 0;
}
inline bool HasClass(const Token& token, WordClass word_class) {
  return HasClass(token.classes, word_class);
}

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_LEXICON_H_
