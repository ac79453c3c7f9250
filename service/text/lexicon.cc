#include "text/lexicon.h"

#include <algorithm>
#include <iterator>

namespace attache::text {
namespace {

// Abbreviations that never end a sentence: titles before a name.
constexpr absl::string_view kTitleAbbreviations[] = {
    "Mr",   "Mrs",  "Ms",   "Messrs", "Mmes", "Dr",   "Drs",  "Prof",
    "Gen",  "Gens", "Lt",   "Col",    "Maj",  "Capt", "Cmdr", "Cdr",
    "Adm",  "Brig", "Sgt",  "Cpl",    "Pvt",  "Sen",  "Sens", "Rep",
    "Reps", "Gov",  "Govs", "Pres",   "Amb",  "Hon",  "Rev",  "Fr",
    "Sec",  "Supt", "Insp", "Det",    "St",   "Mt",   "Ft",   "Sheikh"};

// Abbreviations that do not end a sentence when a number follows.
constexpr absl::string_view kNumberAbbreviations[] = {
    "No", "Nos", "no", "Art", "Vol", "Fig", "pp", "p", "Ch", "ca"};

// Abbreviations that end a sentence only before a typical sentence opener.
constexpr absl::string_view kAmbiguousAbbreviations[] = {
    "Jan",  "Feb",  "Mar",   "Apr", "Jun", "Jul", "Aug",  "Sep",
    "Sept", "Oct",  "Nov",   "Dec", "Mon", "Tue", "Tues", "Wed",
    "Thu",  "Thur", "Thurs", "Fri", "Sat", "Sun", "etc",  "al",
    "Inc",  "Corp", "Ltd",   "Co",  "Jr",  "Sr",  "Bros", "approx"};

// Abbreviations that never end a sentence.
constexpr absl::string_view kInnerAbbreviations[] = {"vs",  "v",    "cf",
                                                     "viz", "incl", "esp"};

// Words that typically open a sentence; after an ambiguous abbreviation they
// signal a boundary ("in the U.S. The talks").
constexpr absl::string_view kSentenceOpeners[] = {
    "A",        "An",      "The",       "This",    "That",    "These",
    "Those",    "There",   "It",        "Its",     "He",      "She",
    "His",      "Her",     "They",      "Their",   "We",      "Our",
    "I",        "You",     "In",        "On",      "At",      "As",
    "After",    "Before",  "When",      "While",   "If",      "But",
    "And",      "Or",      "So",        "Yet",     "However", "Meanwhile",
    "Although", "Though",  "Also",      "Earlier", "Later",   "Then",
    "Now",      "Today",   "For",       "With",    "From",    "During",
    "Since",    "Under",   "According", "Some",    "Many",    "Most",
    "Both",     "No",      "What",      "Why",     "How",     "Who",
    "Where",    "Despite", "Still",     "Asked"};

// Verbs of saying that follow a quoted question or exclamation within the
// same sentence ('"Why not?" the minister asked').
constexpr absl::string_view kSpeechVerbs[] = {
    "said",   "says",     "asked",   "asks",    "told",
    "added",  "wrote",    "replied", "tweeted", "declared",
    "stated", "insisted", "noted",   "adds",    "continued"};

// Top-level domains that make "Name.Com" a host name, not two sentences.
constexpr absl::string_view kDomainSuffixes[] = {"Com",  "Net", "Org", "Gov",
                                                 "Info", "Ru",  "Cn",  "Uk"};

constexpr absl::string_view kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
    "Jan",     "Feb",      "Mar",       "Apr",     "Jun",      "Jul",
    "Aug",     "Sep",      "Sept",      "Oct",     "Nov",      "Dec"};

template <size_t N>
bool Contains(const absl::string_view (&list)[N], absl::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
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
