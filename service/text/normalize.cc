#include "text/normalize.h"

#include <bit>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/strings/ascii.h"
#include "text/byte_block.h"
#include "text/utf8.h"
#include "unicode/bytestream.h"
#include "unicode/edits.h"
#include "unicode/normalizer2.h"
#include "unicode/stringpiece.h"
#include "unicode/utypes.h"

namespace attache::text {
namespace {

constexpr absl::string_view kReplacementCharacter = "\xEF\xBF\xBD";

enum class CharClass {
  kText,          // copied as is
  kSpace,         // any horizontal space or control character
  kNewline,       // any line or paragraph break
  kDrop,          // zero-width and format characters
  kOpeningQuote,  // -> '"', spaced from a preceding word
  kClosingQuote,  // -> '"', spaced from a following word
  kPlainQuote,    // -> '"'
  kApostrophe,    // -> '\''
  kHyphen,        // -> '-'
  kDash,          // -> " - "
  kEllipsis,      // -> "..."
};

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (c == '\n' || c == '\r') {
      return CharClass::kNewline;
    }
    if (c < 0x20 || c == 0x7F) {
      return CharClass::kSpace;
    }
    return c == ' ' ? CharClass::kSpace : CharClass::kText;
  }
  switch (c) {
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return CharClass::kNewline;
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return CharClass::kSpace;
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
      return CharClass::kDrop;
    case 0x201C:
    case 0x201E:
    case 0x00AB:
      return CharClass::kOpeningQuote;
    case 0x201D:
    case 0x00BB:
      return CharClass::kClosingQuote;
    case 0x201F:
    case 0x2033:
    case 0x301D:
    case 0x301E:
      return CharClass::kPlainQuote;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return CharClass::kApostrophe;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      return CharClass::kHyphen;
    case 0x2014:
    case 0x2015:
    case 0x2E3A:
    case 0x2E3B:
      return CharClass::kDash;
    case 0x2026:
      return CharClass::kEllipsis;
    default:
      break;
  }
  if (c < 0xA0) {  // C1 controls
    return CharClass::kSpace;
  }
  if (c >= 0x2000 && c <= 0x200A) {
    return CharClass::kSpace;
  }
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
    return CharClass::kDrop;
  }
  return CharClass::kText;
}

// The ASCII text that replaces a character of `char_class`.
absl::string_view Replacement(CharClass char_class) {
  switch (char_class) {
    case CharClass::kOpeningQuote:
    case CharClass::kClosingQuote:
    case CharClass::kPlainQuote:
      return "\"";
    case CharClass::kApostrophe:
      return "'";
    case CharClass::kEllipsis:
      return "...";
    default:
      return "-";
  }
}

bool IsWordByte(char c) {
  return absl::ascii_isalnum(c) || (static_cast<unsigned char>(c) >= 0x80);
}

bool IsPlainAsciiByte(char c) { return c > ' ' && c < 0x7F; }

// The end of the fast path from `pos`: printable ASCII that starts with a
// non-space and has only single spaces between non-spaces, so nothing in it
// changes. Most text is such runs; they are scanned sixteen bytes at a time.
size_t PlainRunEnd(absl::string_view chunk, size_t pos) {
  if (!IsPlainAsciiByte(chunk[pos])) {
    return pos;
  }
  size_t end = pos + 1;
  while (end + ByteBlock::kSize <= chunk.size()) {
    const ByteBlock block(chunk.data() + end);
    const uint32_t plain = block.InRange('!', '~');
    // A space belongs to the run when a plain byte follows it.
    const uint32_t others =
        ~(plain | (block.Equal(' ') & (plain >> 1))) & ByteBlock::kAll;
    if (others == 0) {
      end += ByteBlock::kSize;
      continue;
    }
    const size_t first = std::countr_zero(others);
    if (first + 1 < ByteBlock::kSize || chunk[end + first] != ' ') {
      return end + first;
    }
    // A space last in the block: the next block tells what follows it.
    end += first;
  }
  while (end < chunk.size()) {
    if (IsPlainAsciiByte(chunk[end])) {
      ++end;
    } else if (chunk[end] == ' ' && end + 1 < chunk.size() &&
               IsPlainAsciiByte(chunk[end + 1])) {
      end += 2;
    } else {
      break;
    }
  }
  return end;
}

// Where a stretch of input came from: `exact` stretches map byte for byte
// from `original_begin`; the others all map to the whole original range.
struct Source {
  size_t original_begin;
  size_t original_size;
  bool exact;
};

// Appends normalised text and its offset map, one input stretch at a time.
class Writer {
 public:
  explicit Writer(size_t reserve) { out_.reserve(reserve); }

  // Normalises `chunk`, which came from `source`.
  void Feed(absl::string_view chunk, const Source& source);

  NormalizedText Finish(size_t original_size) && {
    return {std::move(out_), std::move(offsets_).Build(original_size)};
  }

 private:
  struct Pending {
    size_t original_begin = 0;
    size_t original_size = 0;
    int count = 0;
    bool exact = false;  // one original byte, mapped byte for byte
  };

  // Origin of `size` bytes at `offset` within a chunk from `source`.
  static Source Sub(const Source& source, size_t offset, size_t size) {
    if (!source.exact) {
      return source;
    }
    return {source.original_begin + offset, size, true};
  }

  void Text(absl::string_view text, const Source& from);
  void Space(const Source& from);
  void Newline(const Source& from);
  void FlushPending();
  void AppendReplacement(absl::string_view text, const Source& from);

  std::string out_;
  OffsetMapBuilder offsets_;
  Pending space_;
  Pending newlines_;
  bool space_after_closing_quote_ = false;
  size_t closing_quote_end_ = 0;
};

void Writer::AppendReplacement(absl::string_view text, const Source& from) {
  out_.append(text.data(), text.size());
  offsets_.AddReplacement(from.original_begin, from.original_size, text.size());
}

void Writer::FlushPending() {
  if (newlines_.count > 0) {
    const Source from{newlines_.original_begin, newlines_.original_size, false};
    AppendReplacement(newlines_.count > 1 ? "\n\n" : "\n", from);
    newlines_.count = 0;
    space_.count = 0;
  }
  if (space_.count > 0) {
    if (space_.exact) {
      out_.push_back(' ');
      offsets_.AddCopy(space_.original_begin, 1);
    } else {
      const Source from{space_.original_begin, space_.original_size, false};
      AppendReplacement(" ", from);
    }
    space_.count = 0;
  }
}

void Writer::Text(absl::string_view text, const Source& from) {
  if (space_after_closing_quote_) {
    space_after_closing_quote_ = false;
    if (space_.count == 0 && newlines_.count == 0 && IsWordByte(text[0])) {
      space_ = {closing_quote_end_, 0, 1, false};
    }
  }
  FlushPending();
  out_.append(text.data(), text.size());
  if (from.exact) {
    offsets_.AddCopy(from.original_begin, text.size());
  } else {
    offsets_.AddReplacement(from.original_begin, from.original_size,
                            text.size());
  }
}

void Writer::Space(const Source& from) {
  const bool at_line_start = out_.empty() || out_.back() == '\n';
  if (newlines_.count > 0 || at_line_start || space_.count > 0) {
    return;
  }
  space_ = {from.original_begin, from.original_size, 1,
            from.exact && from.original_size == 1};
}

void Writer::Newline(const Source& from) {
  space_.count = 0;
  space_after_closing_quote_ = false;
  if (out_.empty() || newlines_.count >= 2) {
    return;
  }
  if (newlines_.count == 0) {
    newlines_.original_begin = from.original_begin;
    newlines_.original_size = from.original_size;
  }
  ++newlines_.count;
}

void Writer::Feed(absl::string_view chunk, const Source& source) {
  size_t pos = 0;
  while (pos < chunk.size()) {
    const size_t run_end = PlainRunEnd(chunk, pos);
    if (run_end > pos) {
      Text(chunk.substr(pos, run_end - pos), Sub(source, pos, run_end - pos));
      pos = run_end;
      continue;
    }
    char32_t c;
    int length = DecodeUtf8(chunk, pos, &c);
    if (length == 0) {
      Source from = Sub(source, pos, 1);
      from.exact = false;
      Text(kReplacementCharacter, from);
      ++pos;
      continue;
    }
    if (c == '\r' && pos + 1 < chunk.size() && chunk[pos + 1] == '\n') {
      length = 2;
    }
    Source from = Sub(source, pos, length);
    const absl::string_view bytes = chunk.substr(pos, length);
    pos += length;
    const CharClass char_class = Classify(c);
    switch (char_class) {
      case CharClass::kText:
        Text(bytes, from);
        continue;
      case CharClass::kSpace:
        Space(from);
        continue;
      case CharClass::kNewline:
        Newline(from);
        continue;
      case CharClass::kDrop:
        continue;
      case CharClass::kOpeningQuote:
        if (space_.count == 0 && newlines_.count == 0 && !out_.empty() &&
            IsWordByte(out_.back())) {
          space_ = {from.original_begin, 0, 1, false};
        }
        break;
      case CharClass::kDash:
        Space(from);
        break;
      default:
        break;
    }
    from.exact = false;
    Text(Replacement(char_class), from);
    if (char_class == CharClass::kDash) {
      Space(from);
    }
    if (char_class == CharClass::kClosingQuote) {
      space_after_closing_quote_ = true;
      closing_quote_end_ = from.original_begin + from.original_size;
    }
  }
}

bool Succeeded(UErrorCode status) { return status <= U_ZERO_ERROR; }

// True when `text` is in NFC by `nfc` (and ICU could tell). Characters
// below U+0300, ASCII among them, are in NFC and never combine with the
// characters before them, so that the text is in NFC when every stretch of
// non-ASCII characters is, together with the ASCII character before it
// (which a combining mark may compose with): only those are handed to ICU.
bool IsNfc(const icu::Normalizer2& nfc, absl::string_view text) {
  size_t pos = AsciiRunEnd(text, 0);
  while (pos < text.size()) {
    const size_t begin = pos > 0 ? pos - 1 : 0;
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80) {
      ++pos;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece stretch(text.data() + begin,
                                   static_cast<int32_t>(pos - begin));
    if (nfc.isNormalizedUTF8(stretch, status) == 0 || !Succeeded(status)) {
      return false;
    }
    pos = AsciiRunEnd(text, pos);
  }
  return true;
}

// Feeds `original` to `writer` after NFC composition, keeping track of which
// stretches ICU changed. Returns false when ICU could not be used.
bool FeedComposed(absl::string_view original, Writer* writer) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (!Succeeded(status)) {
    return false;
  }
  if (IsNfc(*nfc, original)) {
    writer->Feed(original, {0, original.size(), true});
    return true;
  }
  const icu::StringPiece piece(original.data(),
                               static_cast<int32_t>(original.size()));
  std::string composed;
  composed.reserve(original.size());
  icu::StringByteSink<std::string> sink(&composed);
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (!Succeeded(status)) {
    return false;
  }
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status) != 0 && Succeeded(status)) {
    const auto source_begin = static_cast<size_t>(it.sourceIndex());
    const auto old_length = static_cast<size_t>(it.oldLength());
    if (it.hasChange() != 0) {
      const absl::string_view replacement(
          composed.data() + it.destinationIndex(), it.newLength());
      writer->Feed(replacement, {source_begin, old_length, false});
    } else {
      writer->Feed(original.substr(source_begin, old_length),
                   {source_begin, old_length, true});
    }
  }
  return Succeeded(status);
}

// Normalize(), checking that `original` is well-formed before composing
// unless `valid` says it is.
NormalizedText NormalizeChecked(absl::string_view original, bool valid) {
  const bool compose =
      !IsAscii(original) &&
      original.size() <
          static_cast<size_t>(std::numeric_limits<int32_t>::max()) &&
      (valid || FindInvalidUtf8(original) == kValidUtf8);
  if (compose) {
    Writer writer(original.size());
    if (FeedComposed(original, &writer)) {
      return std::move(writer).Finish(original.size());
    }
  }
  Writer writer(original.size());
  writer.Feed(original, {0, original.size(), true});
  return std::move(writer).Finish(original.size());
}

}  // namespace

NormalizedText Normalize(absl::string_view original) {
  return NormalizeChecked(original, /*valid=*/false);
}

NormalizedText NormalizeValidUtf8(absl::string_view original) {
  return NormalizeChecked(original, /*valid=*/true);
}

}  // namespace attache::text
