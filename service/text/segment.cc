#include "text/segment.h"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "text/byte_block.h"
#include "text/char_class.h"
#include "text/lexicon.h"

namespace attache::text {
namespace {

bool IsTerminator(char c) { return c == '.' || c == '?' || c == '!'; }
bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool IsOpener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }
bool IsSpace(char c) { return c == ' ' || c == '\n'; }

// The ASCII bytes where a sentence may end or a separator start.
constexpr auto kAsciiBreakBytes = std::to_array({'.', '?', '!', ')', '|'});

// Bytes where a sentence may end or a separator start: terminators, ')',
// '|' and the lead bytes of the bullets.
constexpr std::array<bool, 256> MakeBreakBytes() {
  std::array<bool, 256> bytes{};
  for (const char c : kAsciiBreakBytes) {
    bytes[static_cast<unsigned char>(c)] = true;
  }
  bytes[0xE2] = true;
  bytes[0xC2] = true;
  return bytes;
}
constexpr std::array<bool, 256> kBreakBytes = MakeBreakBytes();

bool MayBreakAt(char c) { return kBreakBytes[static_cast<unsigned char>(c)]; }

// The bytes of `block` that are kAsciiBreakBytes[kIndex...], tested without
// a loop.
template <size_t... kIndex>
uint32_t AsciiBreaks(const ByteBlock& block,
                     std::index_sequence<kIndex...> /*indices*/) {
  return (block.Equal(kAsciiBreakBytes[kIndex]) | ...);
}

// The first byte of text[pos, limit) where a sentence may break, or `limit`.
// Breaks are rare: sixteen bytes are looked at at once.
size_t NextBreak(absl::string_view text, size_t pos, size_t limit) {
  for (; pos + ByteBlock::kSize <= limit; pos += ByteBlock::kSize) {
    const ByteBlock block(text.data() + pos);
    // Every break byte, and other non-ASCII bytes to look at one by one.
    uint32_t candidates =
        block.NonAscii() |
        AsciiBreaks(block, std::make_index_sequence<kAsciiBreakBytes.size()>());
    for (; candidates != 0; candidates &= candidates - 1) {
      const size_t candidate = pos + std::countr_zero(candidates);
      if (MayBreakAt(text.data()[candidate])) {
        return candidate;
      }
    }
  }
  while (pos < limit && !MayBreakAt(text[pos])) {
    ++pos;
  }
  return pos;
}

size_t SkipSpaces(absl::string_view text, size_t pos) {
  while (pos < text.size() && IsSpace(text.data()[pos])) {
    ++pos;
  }
  return pos;
}

// The word starting at `pos` after opening quotes and brackets, up to the
// next space, without trailing punctuation.
absl::string_view WordAt(absl::string_view text, size_t pos) {
  while (pos < text.size() && IsOpener(text[pos])) {
    ++pos;
  }
  size_t end = pos;
  while (end < text.size() && !IsSpace(text[end])) {
    ++end;
  }
  while (end > pos && absl::ascii_ispunct(text[end - 1])) {
    --end;
  }
  return text.substr(pos, end - pos);
}

// The token that ends just before the terminator at `end`, without opening
// quotes and brackets: "U.S" in `the U.S.`, "difference" in `ce.Secretary`.
absl::string_view TokenBefore(absl::string_view text, size_t begin,
                              size_t end) {
  // Reads through data(): the bytes are known to be in the text, and
  // operator[] would check again.
  const char* const bytes = text.data();
  size_t start = end;
  while (start > begin && !IsSpace(bytes[start - 1]) &&
         !IsOpener(bytes[start - 1])) {
    --start;
  }
  return text.substr(start, end - start);
}

// True when `pos` starts a capitalised word: an upper-case letter followed by
// a lower-case one.
bool CapitalisedWordAt(absl::string_view text, size_t pos) {
  if (pos >= text.size()) {
    return false;
  }
  const CharInfo first = CharAt(text, pos);
  if (!first.upper) {
    return false;
  }
  const size_t second = pos + first.length;
  return second < text.size() && CharAt(text, second).lower;
}

bool IsInitial(absl::string_view word) {
  if (word.empty()) {
    return false;
  }
  const CharInfo info = CharAt(word, 0);
  return info.upper && static_cast<size_t>(info.length) == word.size();
}

// "1", "12", "b", "iv": markers of numbered or lettered list items.
bool IsListMarker(absl::string_view word) {
  if (word.empty() || word.size() > 3) {
    return false;
  }
  const bool digits =
      std::all_of(word.begin(), word.end(), absl::ascii_isdigit);
  const bool roman = std::all_of(word.begin(), word.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x';
  });
  return digits || roman || (word.size() == 1 && absl::ascii_islower(word[0]));
}

// True when one of the first three words from `pos` is a verb of saying.
bool SpeechVerbFollows(absl::string_view text, size_t pos) {
  for (int i = 0; i < 3 && pos < text.size(); ++i) {
    const absl::string_view word = WordAt(text, pos);
    if (IsSpeechVerb(word)) {
      return true;
    }
    while (pos < text.size() && !IsSpace(text[pos])) {
      ++pos;
    }
    pos = SkipSpaces(text, pos);
  }
  return false;
}

// Decides whether the terminator run text[first, run_end), followed by
// closers up to `close_end`, ends the sentence that started at `begin`.
// Sets *next to where the following sentence starts.
bool EndsSentence(absl::string_view text, size_t begin, size_t first,
                  size_t run_end, size_t close_end, size_t* next) {
  *next = close_end;
  if (close_end >= text.size()) {
    return true;
  }
  const bool period = run_end - first == 1 && text[first] == '.';
  const bool ellipsis = text[first] == '.' && run_end - first > 1;
  const absl::string_view before = TokenBefore(text, begin, first);

  if (!IsSpace(text[close_end])) {
    // Glued: "difference.Secretary".
    if (!CapitalisedWordAt(text, close_end) || before.size() < 2) {
      return false;
    }
    if (absl::StrContains(before, '.') || IsTitleAbbreviation(before)) {
      return false;
    }
    const CharInfo last =
        CharAt(before, PreviousCharStart(before, before.size()));
    if (!last.lower && !last.digit && close_end == run_end) {
      return false;
    }
    return !IsDomainSuffix(WordAt(text, close_end));
  }

  const size_t following = SkipSpaces(text, close_end);
  *next = following;
  if (following >= text.size()) {
    return true;
  }
  size_t content = following;
  while (content < text.size() && IsOpener(text[content])) {
    ++content;
  }
  if (content >= text.size()) {
    return true;
  }
  const CharInfo first_char = CharAt(text, content);
  if (first_char.lower) {
    return false;
  }

  if (!period && !ellipsis) {
    // '?' or '!': a quoted question inside a sentence of saying?
    const bool quoted = close_end > run_end;
    return !(quoted && SpeechVerbFollows(text, following));
  }
  if (ellipsis || close_end > run_end || before.empty()) {
    return true;
  }
  // A list marker opening the sentence: "1. The first point", "b. Then".
  if (before.data() == text.data() + begin && IsListMarker(before)) {
    return false;
  }
  // Only the abbreviation lists matter here.
  const uint8_t lists =
      before.size() <= kMaxAbbreviationSize ? ListsOf(before) : 0;
  if ((lists & (kTitleAbbreviations | kInnerAbbreviations)) != 0) {
    return false;
  }
  if (first_char.digit && (lists & kNumberAbbreviations) != 0) {
    return false;
  }
  const bool ambiguous = IsInitial(before) || absl::StrContains(before, '.') ||
                         (lists & kAmbiguousAbbreviations) != 0;
  if (!ambiguous) {
    return true;
  }
  if (first_char.digit) {
    return false;
  }
  return content > following || IsSentenceOpener(WordAt(text, following));
}

// Length of a separator (" | ", a bullet) at `pos`, or 0.
size_t SeparatorLength(absl::string_view text, size_t pos) {
  if (pos == 0 || !IsSpace(text[pos - 1])) {
    return 0;
  }
  size_t length = 0;
  if (text[pos] == '|') {
    length = 1;
  } else if (absl::StartsWith(text.substr(pos), "\xE2\x80\xA2")) {  // •
    length = 3;
  } else if (absl::StartsWith(text.substr(pos), "\xC2\xB7")) {  // ·
    length = 2;
  }
  if (length == 0) {
    return 0;
  }
  const size_t after = pos + length;
  return after >= text.size() || IsSpace(text[after]) ? length : 0;
}

// Where to cut an over-long sentence starting at `begin`: after the last
// space before `limit`, else at the last character boundary before it.
size_t CutPoint(absl::string_view text, size_t begin, size_t limit) {
  for (size_t pos = limit; pos > begin + 1; --pos) {
    if (IsSpace(text[pos - 1])) {
      return pos;
    }
  }
  size_t cut = limit;
  while (cut > begin + 1 &&
         (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut;
}

}  // namespace

bool HasFinalPunctuation(absl::string_view text) {
  size_t end = text.size();
  while (end > 0 && (IsCloser(text[end - 1]) || IsSpace(text[end - 1]))) {
    --end;
  }
  if (end == 0) {
    return false;
  }
  const char last = text[end - 1];
  return IsTerminator(last) || last == ':' || last == ';';
}

std::vector<ByteRange> SplitParagraphs(absl::string_view text) {
  std::vector<ByteRange> paragraphs;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t line_end = text.find('\n', pos);
    if (line_end == absl::string_view::npos) {
      line_end = text.size();
    }
    ByteRange line{pos, line_end};
    while (line.begin < line.end && text[line.begin] == ' ') {
      ++line.begin;
    }
    while (line.end > line.begin && text[line.end - 1] == ' ') {
      --line.end;
    }
    pos = line_end + 1;
    if (line.empty()) {
      continue;
    }
    if (!paragraphs.empty()) {
      ByteRange& last = paragraphs.back();
      const bool adjacent = last.end + 1 == line.begin;
      if (adjacent &&
          !HasFinalPunctuation(text.substr(last.begin, last.size())) &&
          CharAt(text, line.begin).lower && text[line.end - 1] != ':') {
        last.end = line.end;
        continue;
      }
    }
    paragraphs.push_back(line);
  }
  return paragraphs;
}

std::vector<ByteRange> SplitSentences(absl::string_view paragraph,
                                      const SegmentOptions& options) {
  std::vector<ByteRange> sentences;
  SplitSentences(paragraph, options, &sentences);
  return sentences;
}

void SplitSentences(absl::string_view paragraph, const SegmentOptions& options,
                    std::vector<ByteRange>* sentences) {
  sentences->clear();
  const size_t max_bytes = std::max<size_t>(options.max_sentence_bytes, 2);
  size_t start = SkipSpaces(paragraph, 0);
  const auto emit = [&](size_t end, size_t next) {
    while (end > start && IsSpace(paragraph.data()[end - 1])) {
      --end;
    }
    if (end > start) {
      sentences->push_back({start, end});
    }
    start = SkipSpaces(paragraph, next);
  };
  size_t pos = start;
  while (pos < paragraph.size()) {
    // Skip to the next byte that may break, or to the length limit.
    const size_t limit = std::min(paragraph.size(), start + max_bytes);
    pos = NextBreak(paragraph, pos, limit);
    if (pos >= paragraph.size()) {
      break;
    }
    if (pos - start >= max_bytes) {
      const size_t cut = CutPoint(paragraph, start, pos);
      emit(cut, cut);
      pos = start;
      continue;
    }
    const char c = paragraph[pos];
    if (!MayBreakAt(c)) {
      ++pos;
      continue;
    }
    if (IsTerminator(c)) {
      size_t run_end = pos;
      while (run_end < paragraph.size() && IsTerminator(paragraph[run_end])) {
        ++run_end;
      }
      size_t close_end = run_end;
      while (close_end < paragraph.size() && IsCloser(paragraph[close_end])) {
        ++close_end;
      }
      size_t next = 0;
      if (EndsSentence(paragraph, start, pos, run_end, close_end, &next)) {
        emit(close_end, next);
        pos = start;
      } else {
        pos = run_end;
      }
      continue;
    }
    if (c == ')' && CapitalisedWordAt(paragraph, pos + 1)) {
      emit(pos + 1, pos + 1);
      pos = start;
      continue;
    }
    if (const size_t separator = SeparatorLength(paragraph, pos)) {
      emit(pos, pos + separator);
      pos = start;
      continue;
    }
    ++pos;
  }
  emit(paragraph.size(), paragraph.size());
}

}  // namespace attache::text
