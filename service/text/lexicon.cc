#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "absl/types/span.h"
#include "text/packed_word.h"

namespace attache::text {
namespace {

// Abbreviations that never end a sentence: titles before a name.
constexpr auto kTitleAbbreviationWords = std::to_array<absl::string_view>(
    {"Mr",   "Mrs",  "Ms",   "Messrs", "Mmes", "Dr",   "Drs",  "Prof",
     "Gen",  "Gens", "Lt",   "Col",    "Maj",  "Capt", "Cmdr", "Cdr",
     "Adm",  "Brig", "Sgt",  "Cpl",    "Pvt",  "Sen",  "Sens", "Rep",
     "Reps", "Gov",  "Govs", "Pres",   "Amb",  "Hon",  "Rev",  "Fr",
     "Sec",  "Supt", "Insp", "Det",    "St",   "Mt",   "Ft",   "Sheikh"});

// Abbreviations that do not end a sentence when a number follows.
constexpr auto kNumberAbbreviationWords = std::to_array<absl::string_view>(
    {"No", "Nos", "no", "Art", "Vol", "Fig", "pp", "p", "Ch", "ca"});

// Abbreviations that end a sentence only before a typical sentence opener.
constexpr auto kAmbiguousAbbreviationWords = std::to_array<absl::string_view>(
    {"Jan",  "Feb",  "Mar",   "Apr", "Jun", "Jul", "Aug",  "Sep",
     "Sept", "Oct",  "Nov",   "Dec", "Mon", "Tue", "Tues", "Wed",
     "Thu",  "Thur", "Thurs", "Fri", "Sat", "Sun", "etc",  "al",
     "Inc",  "Corp", "Ltd",   "Co",  "Jr",  "Sr",  "Bros", "approx"});

// Abbreviations that never end a sentence.
constexpr auto kInnerAbbreviationWords =
    std::to_array<absl::string_view>({"vs", "v", "cf", "viz", "incl", "esp"});

// Words that typically open a sentence; after an ambiguous abbreviation they
// signal a boundary ("in the U.S. The talks").
constexpr auto kSentenceOpenerWords = std::to_array<absl::string_view>(
    {"A",        "An",      "The",       "This",    "That",    "These",
     "Those",    "There",   "It",        "Its",     "He",      "She",
     "His",      "Her",     "They",      "Their",   "We",      "Our",
     "I",        "You",     "In",        "On",      "At",      "As",
     "After",    "Before",  "When",      "While",   "If",      "But",
     "And",      "Or",      "So",        "Yet",     "However", "Meanwhile",
     "Although", "Though",  "Also",      "Earlier", "Later",   "Then",
     "Now",      "Today",   "For",       "With",    "From",    "During",
     "Since",    "Under",   "According", "Some",    "Many",    "Most",
     "Both",     "No",      "What",      "Why",     "How",     "Who",
     "Where",    "Despite", "Still",     "Asked"});

// Verbs of saying that follow a quoted question or exclamation within the
// same sentence ('"Why not?" the minister asked').
constexpr auto kSpeechVerbWords = std::to_array<absl::string_view>(
    {"said", "says", "asked", "asks", "told", "added", "wrote", "replied",
     "tweeted", "declared", "stated", "insisted", "noted", "adds",
     "continued"});

// Top-level domains that make "Name.Com" a host name, not two sentences.
constexpr auto kDomainSuffixWords = std::to_array<absl::string_view>(
    {"Com", "Net", "Org", "Gov", "Info", "Ru", "Cn", "Uk"});

constexpr auto kMonthNameWords = std::to_array<absl::string_view>(
    {"January", "February", "March",     "April",   "May",      "June",
     "July",    "August",   "September", "October", "November", "December",
     "Jan",     "Feb",      "Mar",       "Apr",     "Jun",      "Jul",
     "Aug",     "Sep",      "Sept",      "Oct",     "Nov",      "Dec"});

// Longer than any word of the lists above: most words are rejected by their
// length alone.
constexpr size_t kMaxListedWord = 9;

template <size_t N>
constexpr bool AllFit(const std::array<absl::string_view, N>& list,
                      size_t max_size) {
  return std::all_of(list.begin(), list.end(), [&](absl::string_view word) {
    return word.size() <= max_size;
  });
}
static_assert(AllFit(kTitleAbbreviationWords, kMaxAbbreviationSize) &&
              AllFit(kNumberAbbreviationWords, kMaxAbbreviationSize) &&
              AllFit(kAmbiguousAbbreviationWords, kMaxAbbreviationSize) &&
              AllFit(kInnerAbbreviationWords, kMaxAbbreviationSize) &&
              AllFit(kSentenceOpenerWords, kMaxListedWord) &&
              AllFit(kSpeechVerbWords, kMaxListedWord) &&
              AllFit(kDomainSuffixWords, kMaxListedWord) &&
              AllFit(kMonthNameWords, kMaxListedWord));
static_assert(kMaxAbbreviationSize <= kMaxListedWord);

}  // namespace

uint8_t ListsOf(absl::string_view word) {
  static const PackedWordTable<uint8_t>* const table = [] {
    auto* t = new PackedWordTable<uint8_t>();
    const auto add = [t](LexiconList list,
                         absl::Span<const absl::string_view> words) {
      for (absl::string_view word : words) {
        t->Add(Pack(word), list);
      }
    };
    add(kTitleAbbreviations, kTitleAbbreviationWords);
    add(kNumberAbbreviations, kNumberAbbreviationWords);
    add(kAmbiguousAbbreviations, kAmbiguousAbbreviationWords);
    add(kInnerAbbreviations, kInnerAbbreviationWords);
    add(kSentenceOpeners, kSentenceOpenerWords);
    add(kSpeechVerbs, kSpeechVerbWords);
    add(kDomainSuffixes, kDomainSuffixWords);
    add(kMonthNames, kMonthNameWords);
    return t;
  }();
  if (word.empty() || word.size() > kMaxListedWord) {
    return 0;
  }
  return table->Find(Pack(word));
}

}  // namespace attache::text
