// The word tokenizer of the knowledge-base matcher.
//
// Splits UTF-8 text into words (runs of letters and digits) and folds each
// word to lower case without accents, so that "Erdoğan" (NFC), "Erdoğan"
// (NFD, with a combining breve) and "ERDOGAN" all fold to "erdogan". Each word
// keeps its case ("China" is capitalised, "US" all caps) and whether it is
// joined to the previous word: a space, hyphen, slash, apostrophe or the period
// after a short word ("St.", "W.") joins; other punctuation separates, so
// "China, Russia" cannot match a two-word name. Acronyms written with periods
// are one word: "U.S." folds to "us" like "US". Invalid UTF-8 bytes separate
// words and are otherwise skipped, never read past.
//
// Thread safety: a Tokenizer is a cursor over one text for one thread; the
// character tables it reads are immutable and shared.
#ifndef ATTACHE_KB_TOKENIZER_H_
#define ATTACHE_KB_TOKENIZER_H_

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"
#include "text/byte_block.h"
#include "text/char_class.h"
#include "text/packed_word.h"

namespace attache::kb {

struct Word {
  size_t begin = 0;  // byte offsets into the text
  size_t end = 0;
  bool capitalized = false;  // first letter upper-case: "China", "US"
  bool all_caps = false;     // has letters, all upper-case: "US", "U.S."
  int letters = 0;           // letters (not digits) in the word
  bool joined = false;       // only joiners between it and the previous word
  // The first eight bytes of the folded form as a little-endian integer,
  // zero-padded: what a hash of a short word needs, without a copy.
  uint64_t folded_head = 0;
};

class Tokenizer {
 public:
  explicit Tokenizer(absl::string_view text) : text_(text) {}
  // Not copyable: the folded word may live inside the tokenizer.
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Reads the next word into `*word` and its folded form into `*folded`
  // (replacing its contents). Returns false at the end of the text.
  bool Next(Word* word, std::string* folded);
  // As above, without a copy: `*folded` views a buffer of the tokenizer,
  // valid until the next call.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Next(Word* word,
                                         absl::string_view* folded) {
    AsciiCase letters;
    switch (NextAsciiWord(word, folded, &letters)) {
      case Step::kWord:
        SetAsciiCase(letters, word);
        return true;
      case Step::kEnd:
        return false;
      case Step::kOther:
        break;
    }
    return NextAnyWord(word, folded);
  }
  // As above, but passes over the words whose folded form `wanted(head,
  // size)` rejects (`head` as Word::folded_head), sets `*passed_over` to
  // whether it did, and works out the case of the wanted words only: a
  // caller that looks most words up in a filter saves the rest.
  template <typename Wanted>
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool NextWanted(Word* word,
                                               absl::string_view* folded,
                                               Wanted wanted,
                                               bool* passed_over) {
    *passed_over = false;
    while (true) {
      AsciiCase letters;
      switch (NextAsciiWord(word, folded, &letters)) {
        case Step::kWord:
          if (wanted(word->folded_head, folded->size())) {
            SetAsciiCase(letters, word);
            return true;
          }
          break;
        case Step::kEnd:
          return false;
        case Step::kOther:
          if (!NextAnyWord(word, folded)) {
            return false;
          }
          if (wanted(word->folded_head, folded->size())) {
            return true;
          }
          break;
      }
      *passed_over = true;
    }
  }

 private:
  // The letters and upper-case letters of an ASCII word: bit i for byte i.
  struct AsciiCase {
    uint32_t letters;
    uint32_t upper;
  };
  enum class Step : uint8_t {
    kWord,   // read a word
    kEnd,    // at the end of the text
    kOther,  // read nothing: the general case must
  };

  // The common case, inline: a word of fewer than 16 ASCII letters and
  // digits, after ASCII, ending in ASCII (but for a one-letter word, not in a
  // period: "U.S."), or the end of the text after ASCII. Sets all of `*word`
  // but its case, which SetAsciiCase() adds from `*letters`. Changes nothing
  // when it returns
  // kOther.
  ABSL_ATTRIBUTE_ALWAYS_INLINE Step NextAsciiWord(Word* word,
                                                  absl::string_view* folded,
                                                  AsciiCase* letters);
  // Sets the case fields of a word that NextAsciiWord() read.
  ABSL_ATTRIBUTE_ALWAYS_INLINE static void SetAsciiCase(
      const AsciiCase& letters, Word* word);
  // The general case.
  bool NextAnyWord(Word* word, absl::string_view* folded);

  // Room for `bytes` more folded bytes after the first `used`, and eight
  // spare so that whole eight-byte chunks can be stored and read.
  char* Room(size_t used, size_t bytes) {
    const size_t needed = used + bytes + 8;
    if (needed > capacity_) {
      Grow(used, needed);
    }
    return folded_ + used;
  }
  // Moves the first `used` folded bytes to a buffer of at least `needed`.
  void Grow(size_t used, size_t needed);

  absl::string_view text_;
  size_t pos_ = 0;
  bool has_previous_ = false;
  size_t previous_length_ = 0;  // folded bytes of the previous word
  // The folded word being read: in `inline_` (no allocation per text) until
  // a word outgrows it, then in `overflow_`.
  std::array<char, 64> inline_{};
  std::string overflow_;
  char* folded_ = inline_.data();
  size_t capacity_ = inline_.size();
  // The common case's folded bytes.
  std::array<char, 32> ascii_folded_{};
};

namespace internal {

// The classes of characters and the scanning of ASCII, sixteen bytes at a
// time, that Tokenizer::Next uses.

enum class CharClass : uint8_t {
  kBreak,  // separates words and breaks multi-word matches
  kLetter,
  kDigit,
  kMark,  // combining mark or soft hyphen: ignored, even inside a word
  kSpace,
  kApostrophe,
  kHyphen,
  kPeriod,
  kMultibyte,  // in the byte table only: a lead or continuation byte
};

// A period after a word this short ("St.", "W.", "Mt.") joins; after a longer
// word it ends a sentence.
inline constexpr size_t kMaxAbbreviationLength = 3;

// ASCII, the bulk of English text, is classified by this table alone, in
// the tokenizer's inner loops; it sends the other bytes to the decoder.
struct AsciiTable {
  std::array<CharClass, 256> cls{};
};

constexpr AsciiTable MakeAsciiTable() {
  AsciiTable table;
  for (int c = 128; c < 256; ++c) {
    table.cls[c] = CharClass::kMultibyte;
  }
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      table.cls[c] = CharClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      table.cls[c] = CharClass::kDigit;
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
      table.cls[c] = CharClass::kSpace;
    } else if (c == '\'') {
      table.cls[c] = CharClass::kApostrophe;
    } else if (c == '-' || c == '/') {  // "Jong-un", "AFC/M23"
      table.cls[c] = CharClass::kHyphen;
    } else if (c == '.') {
      table.cls[c] = CharClass::kPeriod;
    } else {
      table.cls[c] = CharClass::kBreak;
    }
  }
  return table;
}

inline constexpr AsciiTable kAscii = MakeAsciiTable();

// Sixteen bytes of text classified at once (text::ByteBlock), for the inline
// common case: bit i of a mask stands for byte i from the position scanned;
// bits past the end of the text are clear.
struct AsciiScan {
  uint32_t word = 0;     // ASCII letters and digits
  uint32_t letters = 0;  // ASCII letters
  uint32_t upper = 0;    // upper-case ASCII letters
  // The bytes with letters in lower case, in a buffer of the caller: valid
  // up to the end of the text or for sixteen bytes, and eight more readable.
  const char* folded = nullptr;
};

// Scans `text` from `pos` < text.size(), storing folded bytes in `*buffer`.
inline AsciiScan ScanAscii(absl::string_view text, size_t pos,
                           std::array<char, 32>* buffer) {
  using text::ByteBlock;
  size_t shift = 0;  // bytes loaded before `pos`
  const ByteBlock block = [&] {
    if (pos + ByteBlock::kSize <= text.size()) {
      return ByteBlock(text.data() + pos);
    }
    if (text.size() >= ByteBlock::kSize) {
      // Near the end: the last sixteen bytes, not a slow partial copy.
      shift = pos + ByteBlock::kSize - text.size();
      return ByteBlock(text.data() + text.size() - ByteBlock::kSize);
    }
    std::array<char, ByteBlock::kSize> padded{};
    std::memcpy(padded.data(), text.data() + pos, text.size() - pos);
    return ByteBlock(padded.data());
  }();
  block.StoreLowerCase(buffer->data());
  AsciiScan scan;
  scan.letters = block.Letters() >> shift;
  scan.word = scan.letters | (block.InRange('0', '9') >> shift);
  scan.upper = block.InRange('A', 'Z') >> shift;
  scan.folded = buffer->data() + shift;
  return scan;
}

// The number of bits set in `mask` (no popcount instruction on baseline
// x86-64, and std::popcount calls out to the library for it).
inline int CountBits(uint32_t mask) {
  mask -= (mask >> 1) & 0x55555555u;
  mask = (mask & 0x33333333u) + ((mask >> 2) & 0x33333333u);
  mask = (mask + (mask >> 4)) & 0x0F0F0F0Fu;
  return static_cast<int>((mask * 0x01010101u) >> 24);
}

}  // namespace internal

inline Tokenizer::Step Tokenizer::NextAsciiWord(Word* word,
                                                absl::string_view* folded,
                                                AsciiCase* letters) {
  using internal::CharClass;
  const char* const data = text_.data();
  const size_t size = text_.size();
  size_t begin = pos_;
  bool joined = has_previous_;
  // Most words follow a single space, which joins.
  if (begin + 1 < size && data[begin] == ' ' &&
      (text::BitsOf(data[begin + 1]) & text::kAlnumByte) != 0) {
    ++begin;
  } else {
    while (true) {
      if (begin >= size) {
        pos_ = begin;
        *folded = absl::string_view();
        return Step::kEnd;
      }
      const CharClass cls =
          internal::kAscii.cls[static_cast<unsigned char>(data[begin])];
      if (cls == CharClass::kLetter || cls == CharClass::kDigit) {
        break;
      }
      if (cls == CharClass::kMultibyte) {
        return Step::kOther;
      }
      if (cls == CharClass::kBreak ||
          (cls == CharClass::kPeriod &&
           previous_length_ > internal::kMaxAbbreviationLength)) {
        joined = false;
      }
      ++begin;
    }
  }
  const internal::AsciiScan scan =
      internal::ScanAscii(text_, begin, &ascii_folded_);
  const int length = std::countr_zero(~scan.word);
  if (length == 16) {
    return Step::kOther;
  }
  const size_t end = begin + length;
  // A non-ASCII letter may continue the word, a period an abbreviation.
  if (end < size && ((text::BitsOf(data[end]) & text::kHighByte) != 0 ||
                     (length == 1 && data[end] == '.'))) {
    return Step::kOther;
  }
  const uint32_t in_word = (uint32_t{1} << length) - 1;
  letters->letters = scan.letters & in_word;
  letters->upper = scan.upper & in_word;
  *folded = absl::string_view(scan.folded, length);
  word->begin = begin;
  word->end = end;
  word->joined = joined;
  word->folded_head = text::WordHead(*folded, /*padded=*/true);
  pos_ = end;
  has_previous_ = true;
  previous_length_ = length;
  return Step::kWord;
}

inline void Tokenizer::SetAsciiCase(const AsciiCase& letters, Word* word) {
  word->capitalized =
      letters.letters != 0 &&
      ((letters.upper >> std::countr_zero(letters.letters)) & 1) != 0;
  word->letters = internal::CountBits(letters.letters);
  word->all_caps =
      letters.letters != 0 && (letters.letters & ~letters.upper) == 0;
}

}  // namespace attache::kb

#endif  // ATTACHE_KB_TOKENIZER_H_
