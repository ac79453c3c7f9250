#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "absl/types/span.h"
#include "text/packed_word.h"

namespace attache::text {
namespace {

// Abbreviations that never end a sentence: titles before a name.
constexpr auto kTitleAbbreviations = std::to_array<absl::string_view>(
    {"Mr",   "Mrs",  "Ms",   "Messrs", "Mmes", "Dr",   "Drs",  "Prof",
     "Gen",  "Gens", "Lt",   "Col",    "Maj",  "Capt", "Cmdr", "Cdr",
     "Adm",  "Brig", "Sgt",  "Cpl",    "Pvt",  "Sen",  "Sens", "Rep",
     "Reps", "Gov",  "Govs", "Pres",   "Amb",  "Hon",  "Rev",  "Fr",
     "Sec",  "Supt", "Insp", "Det",    "St",   "Mt",   "Ft",   "Sheikh"});

// Abbreviations that do not end a sentence when a number follows.
constexpr auto kNumberAbbreviations = std::to_array<absl::string_view>(
    {"No", "Nos", "no", "Art", "Vol", "Fig", "pp", "p", "Ch", "ca"});

// Abbreviations that end a sentence only before a typical sentence opener.
constexpr auto kAmbiguousAbbreviations = std::to_array<absl::string_view>(
    {"Jan",  "Feb",  "Mar",   "Apr", "Jun", "Jul", "Aug",  "Sep",
     "Sept", "Oct",  "Nov",   "Dec", "Mon", "Tue", "Tues", "Wed",
     "Thu",  "Thur", "Thurs", "Fri", "Sat", "Sun", "etc",  "al",
     "Inc",  "Corp", "Ltd",   "Co",  "Jr",  "Sr",  "Bros", "approx"});

// Abbreviations that never end a sentence.
constexpr auto kInnerAbbreviations =
    std::to_array<absl::string_view>({"vs", "v", "cf", "viz", "incl", "esp"});

// Words that typically open a sentence; after an ambiguous abbreviation they
// signal a boundary ("in the U.S. The talks").
constexpr auto kSentenceOpeners = std::to_array<absl::string_view>(
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
constexpr auto kSpeechVerbs = std::to_array<absl::string_view>(
    {"said", "says", "asked", "asks", "told", "added", "wrote", "replied",
     "tweeted", "declared", "stated", "insisted", "noted", "adds",
     "continued"});

// Top-level domains that make "Name.Com" a host name, not two sentences.
constexpr auto kDomainSuffixes = std::to_array<absl::string_view>(
    {"Com", "Net", "Org", "Gov", "Info", "Ru", "Cn", "Uk"});

constexpr auto kMonthNames = std::to_array<absl::string_view>(
    {"January", "February", "March",     "April",   "May",      "June",
     "July",    "August",   "September", "October", "November", "December",
     "Jan",     "Feb",      "Mar",       "Apr",     "Jun",      "Jul",
     "Aug",     "Sep",      "Sept",      "Oct",     "Nov",      "Dec"});

// Longer than any word of the lists above: most words are rejected by their
// length alone.
constexpr size_t kMaxListedWord = 9;

// The lists a word is on, as bits.
enum List : uint8_t {
  kTitle = 1 << 0,
  kNumber = 1 << 1,
  kAmbiguous = 1 << 2,
  kInner = 1 << 3,
  kOpener = 1 << 4,
  kSpeech = 1 << 5,
  kDomain = 1 << 6,
  kMonth = 1 << 7,
};

uint8_t ListsOf(absl::string_view word) {
  static const PackedWordTable<uint8_t>* const table = [] {
    auto* t = new PackedWordTable<uint8_t>();
    const auto add = [t](List list, absl::Span<const absl::string_view> words) {
      for (absl::string_view word : words) {
        t->Add(Pack(word), list);
      }
    };
    add(kTitle, kTitleAbbreviations);
    add(kNumber, kNumberAbbreviations);
    add(kAmbiguous, kAmbiguousAbbreviations);
    add(kInner, kInnerAbbreviations);
    add(kOpener, kSentenceOpeners);
    add(kSpeech, kSpeechVerbs);
    add(kDomain, kDomainSuffixes);
    add(kMonth, kMonthNames);
    return t;
  }();
  if (word.empty() || word.size() > kMaxListedWord) {
    return 0;
  }
  return table->Find(Pack(word));
}

template <size_t N>
constexpr bool AllFit(const std::array<absl::string_view, N>& list) {
  return std::all_of(list.begin(), list.end(), [](absl::string_view word) {
    return word.size() <= kMaxListedWord;
  });
}
static_assert(AllFit(kTitleAbbreviations) && AllFit(kNumberAbbreviations) &&
              AllFit(kAmbiguousAbbreviations) && AllFit(kInnerAbbreviations) &&
              AllFit(kSentenceOpeners) && AllFit(kSpeechVerbs) &&
              AllFit(kDomainSuffixes) && AllFit(kMonthNames));

bool On(List list, absl::string_view word) {
  return (ListsOf(word) & list) != 0;
}

}  // namespace

bool IsTitleAbbreviation(absl::string_view word) { return On(kTitle, word); }

bool IsNumberAbbreviation(absl::string_view word) { return On(kNumber, word); }

bool IsAmbiguousAbbreviation(absl::string_view word) {
  return On(kAmbiguous, word);
}

bool IsInnerAbbreviation(absl::string_view word) { return On(kInner, word); }

bool IsAbbreviation(absl::string_view word) {
  return (ListsOf(word) & (kTitle | kNumber | kAmbiguous | kInner)) != 0;
}

bool IsSentenceOpener(absl::string_view word) { return On(kOpener, word); }

bool IsSpeechVerb(absl::string_view word) { return On(kSpeech, word); }

bool IsMonthName(absl::string_view word) { return On(kMonth, word); }

bool IsDomainSuffix(absl::string_view word) { return On(kDomain, word); }

}  // namespace attache::text
