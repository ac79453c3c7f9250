// Word lists of English news text (abbreviations, sentence openers, verbs of
// saying), shared by the sentence splitter and the tokeniser. Words are given
// without their period and compared case-sensitively.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_LEXICON_H_
#define ATTACHE_TEXT_LEXICON_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace attache::text {

// The lists below, as bits.
enum LexiconList : uint8_t {
  // Titles before a name ("Mr", "Gen", "Sen"): never end a sentence.
  kTitleAbbreviations = 1 << 0,
  // Abbreviations before a number ("No", "Art"): no boundary before a digit.
  kNumberAbbreviations = 1 << 1,
  // Month and weekday names, "etc", "Inc", "Jr": end a sentence only before a
  // typical sentence opener.
  kAmbiguousAbbreviations = 1 << 2,
  // "vs", "cf", "viz": never end a sentence.
  kInnerAbbreviations = 1 << 3,
  // Words that typically open a sentence ("The", "He", "However").
  kSentenceOpeners = 1 << 4,
  // "said", "asked", "told".
  kSpeechVerbs = 1 << 5,
  // "Com", "Net", "Org": capitalised top-level domains ("Example.Com").
  kDomainSuffixes = 1 << 6,
  // Month names, full or abbreviated ("September", "Sept").
  kMonthNames = 1 << 7,
};

// The lists `word` is on: one lookup answers several of the tests below.
uint8_t ListsOf(absl::string_view word);

// No abbreviation on the lists is longer: longer words need no lookup to
// know that they are none.
inline constexpr size_t kMaxAbbreviationSize = 6;

inline bool IsTitleAbbreviation(absl::string_view word) {
  return (ListsOf(word) & kTitleAbbreviations) != 0;
}
inline bool IsSentenceOpener(absl::string_view word) {
  return (ListsOf(word) & kSentenceOpeners) != 0;
}
inline bool IsSpeechVerb(absl::string_view word) {
  return (ListsOf(word) & kSpeechVerbs) != 0;
}
inline bool IsMonthName(absl::string_view word) {
  return (ListsOf(word) & kMonthNames) != 0;
}
inline bool IsDomainSuffix(absl::string_view word) {
  return (ListsOf(word) & kDomainSuffixes) != 0;
}

}  // namespace attache::text

#endif  // ATTACHE_TEXT_LEXICON_H_
