// Tokenisation of one normalised sentence into words, numbers and
// punctuation, with byte offsets.
//
// Rules a downstream matcher can rely on:
//   - dotted acronyms and initials keep their periods: "U.S.", "U.N.", "a.m.",
//     "F." (in "John F. Kennedy"); known abbreviations too: "Mr.", "Sept.";
//   - hyphens are separate tokens, so "U.S.-China" is "U.S." "-" "China" and
//     "Jong-un" is "Jong" "-" "un"; Token::space_before is false inside such
//     compounds, so they can be rejoined;
//   - "Xi's" is "Xi" + possessive "'s"; "allies'" is "allies" + possessive
//     "'"; "didn't" is "did" + clitic "n't"; "we're" is "we" + clitic "'re";
//     apostrophes inside names stay ("O'Neill", "d'Ivoire");
//   - numbers keep their inner separators and ordinal suffixes: "1,200",
//     "2.5", "13:58", "2021/10/17", "18th";
//   - every other punctuation or symbol character is a token of its own,
//     except that runs of periods ("...") form one token.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_TOKENIZE_H_
#define ATTACHE_TEXT_TOKENIZE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace attache::text {

enum class TokenKind : uint8_t {
  kWord,
  kNumber,
  kPunctuation,
  kSymbol,      // $, %, &, @, #, /, bullets, other non-letters
  kPossessive,  // "'s" or a lone "'" after a plural
  kClitic,      // "n't", "'re", "'ve", "'ll", "'d", "'m"
};

enum class LetterCase : uint8_t {
  kNone,   // no letters
  kLower,  // "minister"
  kTitle,  // "Minister", "McDonald", "F."
  kUpper,  // "NATO", "U.S." (two or more letters, all upper case)
  kMixed,  // "iPhone"
};

// Offsets are 32-bit: Analyze() rejects fields of 4 GiB or more.
struct Token {
  uint32_t begin = 0;  // byte offsets into the tokenised (normalised) text
  uint32_t end = 0;
  // Byte offsets into the original field text; Analyze() fills them, plain
  // Tokenize() sets them to begin and end.
  uint32_t original_begin = 0;
  uint32_t original_end = 0;
  TokenKind kind = TokenKind::kWord;
  LetterCase letter_case = LetterCase::kNone;
  bool space_before = false;      // whitespace precedes it in the text
  bool sentence_initial = false;  // first word or number of the text

  size_t size() const { return end - begin; }
  bool is_word() const { return kind == TokenKind::kWord; }
  bool is_capitalized() const {
    return letter_case == LetterCase::kTitle ||
           letter_case == LetterCase::kUpper;
  }
};

// Appends the tokens of `text` (normally one sentence, shorter than 4 GiB)
// to *tokens.
void Tokenize(absl::string_view text, std::vector<Token>* tokens);
std::vector<Token> Tokenize(absl::string_view text);

// The text of `token` within the `text` it was produced from.
inline absl::string_view TokenText(absl::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

}  // namespace attache::text

#endif  // ATTACHE_TEXT_TOKENIZE_H_
