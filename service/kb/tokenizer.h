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
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

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
  bool Next(Word* word, absl::string_view* folded);

 private:
  // Room for `bytes` more folded bytes at folded_size_, and eight spare so
  // that whole eight-byte chunks can be stored and read.
  char* Room(size_t bytes) {
    const size_t needed = folded_size_ + bytes + 8;
    if (needed > capacity_) {
      Grow(needed);
    }
    return folded_ + folded_size_;
  }
  void Grow(size_t needed);

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
  size_t folded_size_ = 0;  // bytes of the folded word
};

}  // namespace attache::kb

#endif  // ATTACHE_KB_TOKENIZER_H_
