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
  // Views the sentence's `lower_text`, so eight bytes after its end are
  // readable: valid while the sentence lives and is not tokenized again.
  absl::string_view lower;
  bool capitalized = false;  // starts with an upper-case letter
  bool word = false;         // starts with a letter or digit
  // WordClass and WordList flags of `lower` (extract/lexicon.h); 0 when
  // `lower` starts with a digit or a non-ASCII character, as no entry of
  // those lists does.
  uint16_t classes = 0;
  uint32_t lists = 0;
};

// Movable, not copyable: a copy's tokens would view the original's
// `lower_text`. A vector, unlike a string, keeps its buffer when moved.
struct Sentence {
  Sentence() = default;
  Sentence(Sentence&&) = default;
  Sentence& operator=(Sentence&&) = default;
  Sentence(const Sentence&) = delete;
  Sentence& operator=(const Sentence&) = delete;

  int index = 0;  // 0 is the title when there is one
  TextField field = TextField::kBody;
  size_t begin = 0;  // byte offsets of the sentence in the original field
  size_t end = 0;
  std::string text;  // the sentence as used for matching
  std::vector<Token> tokens;
  // `text` with ASCII letters lower-cased and curly apostrophes that start a
  // token folded, then eight bytes of padding: the storage of the tokens'
  // lower-case forms, which may be read eight bytes at a time.
  std::vector<char> lower_text;
};

// Splits sentence->text into sentence->tokens as described above, replacing
// them and `lower_text` (whose capacity is reused across sentences).
void Tokenize(Sentence* sentence);

// True when the lower-case forms of tokens[pos...] spell `phrase` (tokens
// separated by single spaces).
bool MatchesPhrase(absl::Span<const Token> tokens, size_t pos,
                   absl::string_view phrase, size_t* length);

// Index of the first token whose byte range overlaps [begin, end), or
// tokens.size().
size_t TokenAtOrAfter(absl::Span<const Token> tokens, size_t begin);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_SENTENCE_H_
