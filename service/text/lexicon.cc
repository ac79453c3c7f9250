#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "absl/types/span.h"

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

// A word of at most kMaxListedWord bytes packed with its length into two
// integers: equal words, and only they, pack equally.
struct PackedWord {
  uint64_t low = 0;
  uint64_t high = 0;

  explicit PackedWord(absl::string_view word) {
    std::array<char, 16> bytes{};
    std::memcpy(bytes.data(), word.data(), word.size());
    std::memcpy(&low, bytes.data(), 8);
    std::memcpy(&high, bytes.data() + 8, 8);
    high |= static_cast<uint64_t>(word.size()) << 56;
  }
  friend bool operator==(const PackedWord&, const PackedWord&) = default;
};

// The lists of every word, in an open-addressing table of packed words.
class ListTable {
 public:
  void Add(List list, absl::Span<const absl::string_view> words) {
    for (absl::string_view word : words) {
      const PackedWord packed(word);
      size_t slot = SlotOf(packed);
      while (slots_[slot].lists != 0 && !(slots_[slot].word == packed)) {
        slot = (slot + 1) % kSlots;
      }
      slots_[slot].word = packed;
      slots_[slot].lists |= list;
    }
  }

  uint8_t Find(absl::string_view word) const {
    const PackedWord packed(word);
    for (size_t slot = SlotOf(packed);; slot = (slot + 1) % kSlots) {
      if (slots_[slot].lists == 0 || slots_[slot].word == packed) {
        return slots_[slot].lists;
      }
    }
  }

 private:
  static constexpr int kSlotBits = 10;  // over four times the words
  static constexpr size_t kSlots = size_t{1} << kSlotBits;

  struct Slot {
    PackedWord word{absl::string_view()};
    uint8_t lists = 0;  // 0: empty
  };

  static size_t SlotOf(const PackedWord& packed) {
    const uint64_t mixed =
        (packed.low ^ (packed.high * 0x9E3779B97F4A7C15ULL)) *
        0xBF58476D1CE4E5B9ULL;
    return static_cast<size_t>(mixed >> (64 - kSlotBits));
  }

  std::array<Slot, kSlots> slots_{};
};

uint8_t ListsOf(absl::string_view word) {
  static const ListTable* const table = [] {
    auto* t = new ListTable();
    t->Add(kTitle, kTitleAbbreviations);
    t->Add(kNumber, kNumberAbbreviations);
    t->Add(kAmbiguous, kAmbiguousAbbreviations);
    t->Add(kInner, kInnerAbbreviations);
    t->Add(kOpener, kSentenceOpeners);
    t->Add(kSpeech, kSpeechVerbs);
    t->Add(kDomain, kDomainSuffixes);
    t->Add(kMonth, kMonthNames);
    return t;
  }();
  if (word.empty() || word.size() > kMaxListedWord) {
    return 0;
  }
  return table->Find(word);
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
