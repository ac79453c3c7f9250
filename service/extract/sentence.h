// The engine's view of one sentence: its normalised text and word tokens
// with lower-case forms for the lexicons.
//
// Tokens split words at spaces, punctuation and hyphens; "'s" and "n't" are
// tokens of their own; initialisms and known abbreviations keep their dots
// ("U.S.", "Sept.") while their lower-case form drops the final one ("u.s",
// "sept"). Curly apostrophes and quotes fold to ASCII in the lower-case form.
//
// Thread safety: plain values; Tokenize() is stateless.
#ifndef ATTACHE_EXTRACT_SENTENCE_H_
#define ATTACHE_EXTRACT_SENTENCE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "extract/contact.h"

namespace attache::extract {

struct Token {
  uint32_t begin = 0;  // byte offsets into the sentence text
  uint32_t end = 0;
  std::string lower;
  bool capitalized = false;  // starts with an upper-case letter
  bool word = false;         // starts with a letter or digit
  // WordClass flags of `lower` (extract/lexicon.h); 0 when `lower` starts
  // with neither an ASCII letter nor an apostrophe, as no word list entry
  // does.
  uint16_t classes = 0;
};

struct Sentence {
  int index = 0;  // 0 is the title when there is one
  TextField field = TextField::kBody;
  size_t begin = 0;  // byte offsets of the sentence in the original field
  size_t end = 0;
  std::string text;  // the sentence as used for matching
  std::vector<Token> tokens;
};

// Splits `text` into tokens as described above, replacing *tokens (whose
// capacity is reused across sentences).
void Tokenize(absl::string_view text, std::vector<Token>* tokens);
std::vector<Token> Tokenize(absl::string_view text);

// True when the lower-case forms of tokens[pos...] spell `phrase` (tokens
// separated by single spaces).
bool MatchesPhrase(absl::Span<const Token> tokens, size_t pos,
                   absl::string_view phrase, size_t* length);

// Index of the first token whose byte range overlaps [begin, end), or
// tokens.size().
size_t TokenAtOrAfter(absl::Span<const Token> tokens, size_t begin);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_SENTENCE_H_
