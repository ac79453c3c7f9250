#include "text/lexicon.h"

#include <algorithm>
#include <array>

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

template <size_t N>
bool Contains(const std::array<absl::string_view, N>& list,
              absl::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

bool IsTitleAbbreviation(absl::string_view word) {
  return Contains(kTitleAbbreviations, word);
}

bool IsNumberAbbreviation(absl::string_view word) {
  return Contains(kNumberAbbreviations, word);
}

bool IsAmbiguousAbbreviation(absl::string_view word) {
  return Contains(kAmbiguousAbbreviations, word);
}

bool IsInnerAbbreviation(absl::string_view word) {
  return Contains(kInnerAbbreviations, word);
}

bool IsAbbreviation(absl::string_view word) {
  return IsTitleAbbreviation(word) || IsNumberAbbreviation(word) ||
         IsAmbiguousAbbreviation(word) || IsInnerAbbreviation(word);
}

bool IsSentenceOpener(absl::string_view word) {
  return Contains(kSentenceOpeners, word);
}

bool IsSpeechVerb(absl::string_view word) {
  return Contains(kSpeechVerbs, word);
}

bool IsMonthName(absl::string_view word) { return Contains(kMonthNames, word); }

bool IsDomainSuffix(absl::string_view word) {
  return Contains(kDomainSuffixes, word);
}

}  // namespace attache::text
