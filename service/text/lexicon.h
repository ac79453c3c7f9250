// Word lists of English news text (abbreviations, sentence openers, verbs of
// saying), shared by the sentence splitter and the tokeniser. Words are given
// without their period and compared case-sensitively.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_LEXICON_H_
#define ATTACHE_TEXT_LEXICON_H_

#include "absl/strings/string_view.h"

namespace attache::text {

// Titles before a name ("Mr", "Gen", "Sen"): never end a sentence.
bool IsTitleAbbreviation(absl::string_view word);
// Abbreviations before a number ("No", "Art"): no boundary before a digit.
bool IsNumberAbbreviation(absl::string_view word);
// Month and weekday names, "etc", "Inc", "Jr": end a sentence only before a
// typical sentence opener.
bool IsAmbiguousAbbreviation(absl::string_view word);
// "vs", "cf", "viz": never end a sentence.
bool IsInnerAbbreviation(absl::string_view word);
// Any of the above.
bool IsAbbreviation(absl::string_view word);
// Words that typically open a sentence ("The", "He", "However").
bool IsSentenceOpener(absl::string_view word);
// "said", "asked", "told".
bool IsSpeechVerb(absl::string_view word);
// Month names, full or abbreviated ("September", "Sept").
bool IsMonthName(absl::string_view word);
// "Com", "Net", "Org": capitalised top-level domains ("Example.Com").
bool IsDomainSuffix(absl::string_view word);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_LEXICON_H_
