#include "text/dateline.h"

#include "text/lexicon.h"

namespace attache::text {
namespace {

constexpr size_t kMaxPlaceWords = 4;
constexpr size_t kMaxCreditTokens = 16;

bool Is(absl::string_view text, const Token& token, absl::string_view what) {
  return TokenText(text, token) == what;
}

}  // namespace

size_t DatelineEnd(absl::string_view text, absl::Span<const Token> tokens) {
  const size_t n = tokens.size();
  size_t i = 0;
  const bool bracketed = n > 0 && Is(text, tokens[0], "(");
  if (bracketed) {
    ++i;
  }

  // The place: capitalised words, possibly hyphenated.
  size_t place_words = 0;
  bool all_upper = true;
  while (i < n && place_words < kMaxPlaceWords) {
    const Token& token = tokens[i];
    if (token.is_word() && token.is_capitalized()) {
      ++place_words;
      all_upper = all_upper && token.letter_case == LetterCase::kUpper;
    } else if (!(Is(text, token, "-") && !token.space_before)) {
      break;
    }
    ++i;
  }
  if (place_words == 0) {
    return 0;
  }
  if (bracketed) {
    if (i >= n || !Is(text, tokens[i], ")")) {
      return 0;
    }
    ++i;
  }

  // An optional date: ", March 3" or ", March 3, 2020".
  bool dated = false;
  if (i + 2 < n && Is(text, tokens[i], ",") &&
      IsMonthName(TokenText(text, tokens[i + 1])) &&
      tokens[i + 2].kind == TokenKind::kNumber) {
    dated = true;
    i += 3;
    if (i + 1 < n && Is(text, tokens[i], ",") &&
        tokens[i + 1].kind == TokenKind::kNumber) {
      i += 2;
    }
  }

  if (i >= n) {
    return 0;
  }
  if (Is(text, tokens[i], "(")) {
    // An agency credit: must hold an acronym, a '/' or a number.
    if (!all_upper && !dated) {
      return 0;
    }
    bool credit = false;
    size_t close = i + 1;
    for (; close < n && close <= i + kMaxCreditTokens; ++close) {
      const Token& token = tokens[close];
      if (Is(text, token, ")")) {
        break;
      }
      credit = credit || token.letter_case == LetterCase::kUpper ||
               token.kind == TokenKind::kNumber || Is(text, token, "/");
    }
    if (!credit || close >= n || !Is(text, tokens[close], ")")) {
      return 0;
    }
    i = close + 1;
    if (i < n && Is(text, tokens[i], "-")) {
      ++i;
    }
  } else if (Is(text, tokens[i], "-") && tokens[i].space_before) {
    ++i;
    // "Name - Name" may be a pairing ("Ruritania - Utopia talks"); a
    // title-case place needs a date or a typical sentence opener after it.
    if (i < n && !all_upper && !dated &&
        !IsSentenceOpener(TokenText(text, tokens[i]))) {
      return 0;
    }
  } else {
    return 0;
  }
  if (i >= n || !tokens[i].is_capitalized()) {
    return 0;
  }
  return tokens[i].begin;
}

}  // namespace attache::text
