#include "text/boilerplate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "text/byte_block.h"
#include "text/char_class.h"
#include "text/packed_word.h"
#include "text/segment.h"

namespace attache::text {
namespace {

// Word features, as bits.
enum WordFeature : uint16_t {
  kSecondPerson = 1 << 0,    // you, your
  kFirstPlural = 1 << 1,     // we, our, us
  kAppealStrong = 1 << 2,    // donate, subscribe, newsletter
  kAppealWeak = 1 << 3,      // support, help, free
  kPublisher = 1 << 4,       // journalism, reporters, readers
  kNavigationWord = 1 << 5,  // menu, search, english
  kDateWord = 1 << 6,        // months, weekdays, "ago", "updated"
  kSpeech = 1 << 7,          // said, told
  kGivingNoun = 1 << 8,      // support, donation (after "your")
  kLegalWord = 1 << 9,       // rights, cookies, privacy
};
constexpr int kWordFeatureCount = 10;

// The word features, by packed lower-case word.
class FeatureLexicon {
 public:
  // `word` is of ASCII letters, at most kMaxPackedWord of them.
  void Add(absl::string_view word, uint16_t feature) {
    table_.Add(Pack(word, /*fold_case=*/true), feature);
    candidates_.set(CandidateKey(word.data(), word.size()));
  }

  // False for most words without features, decided without packing them:
  // a word of ASCII letters, at most kMaxPackedWord of them, at `bytes`.
  bool MayHaveFeatures(const char* bytes, size_t size) const {
    return candidates_[CandidateKey(bytes, size)];
  }

  uint16_t Find(const PackedWord& word) const { return table_.Find(word); }

 private:
  // The first and last letters, whatever their case (the low five bits of an
  // ASCII letter), and the length, which is below 16.
  static size_t CandidateKey(const char* bytes, size_t size) {
    return (static_cast<size_t>(bytes[0] & 0x1F) << 9) |
           (static_cast<size_t>(bytes[size - 1] & 0x1F) << 4) | size;
  }

  PackedWordTable<uint16_t> table_;
  std::bitset<size_t{1} << 14> candidates_;
};
static_assert(kMaxPackedWord < 16);

const FeatureLexicon& Features() {
  static const FeatureLexicon* const lexicon = [] {
    auto* lexicon = new FeatureLexicon();
    const auto add = [lexicon](uint16_t feature,
                               std::initializer_list<absl::string_view> words) {
      for (absl::string_view word : words) {
        lexicon->Add(word, feature);
      }
    };
    add(kSecondPerson, {"you", "your", "yours", "yourself"});
    add(kFirstPlural, {"we", "our", "us", "ours"});
    add(kAppealStrong,
        {"donate",     "donation",     "donations",     "donating",
         "subscribe",  "subscribed",   "subscription",  "subscriptions",
         "subscriber", "subscribers",  "newsletter",    "newsletters",
         "inbox",      "paywall",      "paywalls",      "membership",
         "contribute", "contribution", "contributions", "unsubscribe",
         "premium",    "unlimited"});
    add(kAppealWeak, {"support", "supporting", "help", "free", "member",
                      "members", "register", "story", "stories", "journalism",
                      "independent", "access", "sign", "follow", "app",
                      "download", "notifications", "alerts", "difference"});
    add(kPublisher, {"journalism", "journalists", "reporters", "reporting",
                     "story", "stories", "newsroom", "readers", "paywall",
                     "paywalls", "outlets", "documentary", "coverage",
                     "independent", "trusted", "quality", "analysis"});
    add(kNavigationWord, {"menu",       "content",
                          "search",     "home",
                          "close",      "list",
                          "login",      "log",
                          "in",         "out",
                          "sign",       "register",
                          "subscribe",  "english",
                          "russian",    "french",
                          "arabic",     "chinese",
                          "spanish",    "german",
                          "korean",     "japanese",
                          "turkish",    "italian",
                          "portuguese", "top",
                          "go",         "back",
                          "to",         "next",
                          "previous",   "prev",
                          "print",      "email",
                          "share",      "more",
                          "loading",    "advertisement",
                          "skip",       "main",
                          "navigation", "about",
                          "us",         "contact",
                          "font",       "size",
                          "adjust",     "facebook",
                          "twitter",    "whatsapp",
                          "telegram",   "linkedin",
                          "youtube",    "instagram",
                          "rss",        "sitemap",
                          "help",       "faq",
                          "tags",       "topics",
                          "latest",     "news",
                          "video",      "videos",
                          "photos",     "gallery",
                          "archive",    "editor",
                          "editors",    "s",
                          "pick",       "picks",
                          "click",      "here",
                          "language",   "select",
                          "page",       "app",
                          "mobile",     "version",
                          "desktop"});
    add(kDateWord,
        {"january",  "february",  "march",    "april",     "may",
         "june",     "july",      "august",   "september", "october",
         "november", "december",  "jan",      "feb",       "mar",
         "apr",      "jun",       "jul",      "aug",       "sep",
         "sept",     "oct",       "nov",      "dec",       "monday",
         "tuesday",  "wednesday", "thursday", "friday",    "saturday",
         "sunday",   "mon",       "tue",      "tues",      "wed",
         "thu",      "thur",      "thurs",    "fri",       "sat",
         "sun",      "am",        "pm",       "gmt",       "utc",
         "est",      "edt",       "pst",      "ist",       "msk",
         "cet",      "ago",       "minute",   "minutes",   "hour",
         "hours",    "updated",   "update",   "published", "posted",
         "write",    "modified",  "last",     "th",        "st",
         "nd",       "rd",        "date",     "time"});
    add(kSpeech, {"said", "says", "told", "asked", "added", "stated", "noted",
                  "stressed", "emphasized", "emphasised"});
    add(kGivingNoun,
        {"support", "donation", "donations", "contribution", "contributions",
         "help", "subscription", "membership", "generosity", "gift"});
    add(kLegalWord, {"rights", "reserved", "cookies", "cookie", "privacy",
                     "terms", "copyright"});
    return lexicon;
  }();
  return *lexicon;
}

// Counts over one paragraph or sentence.
struct TextFeatures {
  int words = 0;
  int numbers = 0;
  int digits = 0;
  int letters = 0;
  std::array<int, kWordFeatureCount> word_counts{};  // words per feature
  int giving_after_your = 0;                         // "your support"
  int pipes = 0;
  int bullets = 0;
  int breadcrumbs = 0;
  int double_quotes = 0;
  bool email = false;
  bool url = false;
  bool final_punctuation = false;
  bool markup = false;          // "/*", "*/", "<script", "<div"
  bool braces = false;          // '{', '}' and ';': style sheets, code
  bool copyright_sign = false;  // U+00A9

  int Count(WordFeature feature) const {
    return word_counts[std::countr_zero(static_cast<unsigned>(feature))];
  }
  bool NoQuotedSpeech() const {
    return double_quotes == 0 && Count(kSpeech) == 0;
  }
  bool AppealVocabulary() const {
    return Count(kSecondPerson) > 0 &&
           (Count(kAppealStrong) > 0 || giving_after_your > 0 ||
            (Count(kAppealWeak) > 0 && Count(kFirstPlural) > 0));
  }
  bool PublisherVoice() const {
    return Count(kFirstPlural) >= 2 && Count(kPublisher) > 0;
  }
};

// Length of the letter at text[pos], or 0 when it is not a letter.
size_t LetterLength(absl::string_view text, size_t pos) {
  if (static_cast<unsigned char>(text[pos]) < 0x80) {
    return absl::ascii_isalpha(text[pos]) ? 1 : 0;
  }
  const CharInfo info = CharAt(text, pos);
  return info.letter ? info.length : 0;
}

// The end of the run of ASCII letters from `pos`: most words of a text.
// Inlined: Measure() calls it once per word.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t AsciiLetterRunEnd(
    absl::string_view text, size_t pos) {
  while (pos + ByteBlock::kSize <= text.size()) {
    const ByteBlock block(text.data() + pos);
    const uint32_t others = ~block.Letters() & ByteBlock::kAll;
    if (others != 0) {
      return pos + std::countr_zero(others);
    }
    pos += ByteBlock::kSize;
  }
  while (pos < text.size() && absl::ascii_isalpha(text[pos])) {
    ++pos;
  }
  return pos;
}

// What Measure() does at a byte, from one table lookup.
enum class ByteRole : uint8_t {
  kSkip,    // counts for nothing
  kLetter,  // an ASCII letter
  kDigit,
  kHigh,     // a non-ASCII byte: maybe a letter, a bullet or a guillemet
  kSpecial,  // punctuation some feature counts
};

constexpr std::array<ByteRole, 256> MakeByteRoles() {
  std::array<ByteRole, 256> roles{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      roles[c] = ByteRole::kLetter;
    } else if (c >= '0' && c <= '9') {
      roles[c] = ByteRole::kDigit;
    } else if (c >= 0x80) {
      roles[c] = ByteRole::kHigh;
    }
  }
  for (const char c : absl::string_view("|>\"@:/*<{};")) {
    roles[static_cast<unsigned char>(c)] = ByteRole::kSpecial;
  }
  return roles;
}
constexpr std::array<ByteRole, 256> kByteRoles = MakeByteRoles();

ByteRole RoleOf(char c) { return kByteRoles[static_cast<unsigned char>(c)]; }

// Counts the punctuation at text[pos] into *f.
void MeasureSpecial(absl::string_view text, size_t pos, TextFeatures* f) {
  const absl::string_view rest = text.substr(pos);
  switch (text[pos]) {
    case '|':
      ++f->pipes;
      break;
    case '>':
      ++f->breadcrumbs;
      break;
    case '"':
      ++f->double_quotes;
      break;
    case '@':
      f->email = f->email || (pos > 0 && absl::ascii_isalnum(text[pos - 1]));
      break;
    case ':':
      f->url = f->url || absl::StartsWith(rest, "://");
      break;
    case '/':
      f->markup = f->markup || absl::StartsWith(rest, "/*");
      break;
    case '*':
      f->markup = f->markup || absl::StartsWith(rest, "*/");
      break;
    case '<':
      f->markup = f->markup || absl::StartsWith(rest, "<script") ||
                  absl::StartsWith(rest, "<div");
      break;
    case '\xE2':
      f->bullets += absl::StartsWith(rest, "\xE2\x80\xA2") ? 1 : 0;
      break;
    case '\xC2':
      f->breadcrumbs += absl::StartsWith(rest, "\xC2\xBB") ? 1 : 0;
      f->copyright_sign =
          f->copyright_sign || absl::StartsWith(rest, "\xC2\xA9");
      break;
    default:
      break;
  }
}

// Measures `text` in one pass over its bytes.
TextFeatures Measure(absl::string_view text) {
  TextFeatures f;
  f.final_punctuation = HasFinalPunctuation(text);
  const FeatureLexicon& features = Features();
  bool previous_your = false;
  bool open_brace = false;
  bool close_brace = false;
  bool semicolon = false;
  static const PackedWord kYour = Pack("your", /*fold_case=*/true);
  // Reads through data(): every byte read is known to be in the text, and
  // operator[] would check again.
  const char* const bytes = text.data();
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = bytes[pos];
    const ByteRole role = RoleOf(c);
    if (role == ByteRole::kLetter ||
        (role == ByteRole::kHigh && LetterLength(text, pos) > 0)) {
      // A word: a run of letters.
      const size_t start = pos;
      pos = AsciiLetterRunEnd(text, pos);
      bool ascii = true;
      // Non-ASCII letters, and ASCII ones after them, continue the word.
      while (pos < text.size() && RoleOf(bytes[pos]) == ByteRole::kHigh) {
        const size_t length = LetterLength(text, pos);
        if (length == 0) {
          break;
        }
        ascii = false;
        pos = AsciiLetterRunEnd(text, pos + length);
      }
      const size_t length = pos - start;
      ++f.words;
      f.letters += static_cast<int>(length);
      // Only ASCII words of up to kMaxPackedWord letters can be listed.
      const bool listable =
          ascii && length <= kMaxPackedWord &&
          features.MayHaveFeatures(text.data() + start, length);
      PackedWord packed;
      if (listable) {
        packed = start + kMaxPackedWord < text.size()
                     ? PackWithSlack(text.data() + start, length,
                                     /*fold_case=*/true)
                     : Pack(text.substr(start, length), /*fold_case=*/true);
      }
      const uint16_t bits = listable ? features.Find(packed) : uint16_t{0};
      for (uint16_t rest = bits; rest != 0; rest &= rest - 1) {
        ++f.word_counts[std::countr_zero(static_cast<unsigned>(rest))];
      }
      if (previous_your && (bits & kGivingNoun) != 0) {
        ++f.giving_after_your;
      }
      previous_your = (bits & kSecondPerson) != 0 && packed == kYour;
      // "www." of a host name ends a word.
      if (pos < text.size() && bytes[pos] == '.' && length >= 3 &&
          text.substr(pos - 3, 3) == "www") {
        f.url = true;
      }
      // The space after a word, as most words have, counts for nothing.
      if (pos < text.size() && bytes[pos] == ' ') {
        ++pos;
      }
      continue;
    }
    if (role == ByteRole::kDigit) {
      ++f.numbers;
      while (pos < text.size() && absl::ascii_isdigit(bytes[pos])) {
        ++f.digits;
        ++pos;
      }
      continue;
    }
    if (role == ByteRole::kSpecial || role == ByteRole::kHigh) {
      open_brace = open_brace || c == '{';
      close_brace = close_brace || c == '}';
      semicolon = semicolon || c == ';';
      MeasureSpecial(text, pos, &f);
    }
    ++pos;
  }
  f.braces = open_brace && close_brace && semicolon;
  return f;
}

// The opening of `text` after list markers and spaces, compared with
// lower-case cues ignoring ASCII case.
class Opening {
 public:
  explicit Opening(absl::string_view text) {
    size_t pos = 0;
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '-' || text[pos] == '*')) {
      ++pos;
    }
    if (absl::StartsWith(text.substr(pos), "\xE2\x80\xA2")) {
      pos += 3;
    }
    while (pos < text.size() && text[pos] == ' ') {
      ++pos;
    }
    text_ = text.substr(pos);
  }

  // In its original case.
  absl::string_view text() const { return text_; }

  // True when the opening starts with one of `prefixes` (lower case).
  bool StartsWithAny(absl::Span<const absl::string_view> prefixes) const {
    if (text_.empty()) {
      return false;
    }
    const char first = absl::ascii_tolower(text_[0]);
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](absl::string_view prefix) {
                         return prefix[0] == first &&
                                absl::StartsWithIgnoreCase(text_, prefix);
                       });
  }

 private:
  absl::string_view text_;
};

// True when `text` contains `needle`, which must be in lower case, ignoring
// ASCII case.
bool ContainsIgnoreCase(absl::string_view text, absl::string_view needle) {
  if (needle.empty()) {
    return true;
  }
  for (size_t pos = 0; pos + needle.size() <= text.size(); ++pos) {
    if (absl::ascii_tolower(text[pos]) == needle[0] &&
        absl::EqualsIgnoreCase(text.substr(pos, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

// True when text[pos] is 'y' or 'Y' and "ou" or "OU" follows it.
bool YouAt(absl::string_view text, size_t pos) {
  if (pos + 3 > text.size() || absl::ascii_tolower(text[pos]) != 'y') {
    return false;
  }
  const absl::string_view rest = text.substr(pos + 1, 2);
  return rest == "ou" || rest == "OU";
}

// True when `text` contains "you", "You", "yOU" or "YOU" (also in "your"):
// looks only at the rare 'y's, found sixteen bytes at a time.
bool AddressesReader(absl::string_view text) {
  const auto any_in_block = [text](size_t pos, uint32_t ignored) {
    const ByteBlock block(text.data() + pos);
    for (uint32_t ys = (block.Equal('y') | block.Equal('Y')) & ~ignored;
         ys != 0; ys &= ys - 1) {
      if (YouAt(text, pos + std::countr_zero(ys))) {
        return true;
      }
    }
    return false;
  };
  if (text.size() < ByteBlock::kSize) {
    for (size_t pos = 0; pos < text.size(); ++pos) {
      if ((text[pos] | 0x20) == 'y' && YouAt(text, pos)) {
        return true;
      }
    }
    return false;
  }
  size_t pos = 0;
  for (; pos + ByteBlock::kSize <= text.size(); pos += ByteBlock::kSize) {
    if (any_in_block(pos, 0)) {
      return true;
    }
  }
  // The rest, as the last sixteen bytes without those already looked at.
  const size_t last = text.size() - ByteBlock::kSize;
  return pos < text.size() &&
         any_in_block(last, (uint32_t{1} << (pos - last)) - 1);
}

bool ContainsAnyIgnoreCase(absl::string_view text,
                           std::initializer_list<absl::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](absl::string_view needle) {
                       return ContainsIgnoreCase(text, needle);
                     });
}

// A trailing parenthetical that credits a photo: "(Jane Doe/Example Press)",
// "(Photo: Example)". Only a short group at the very end counts.
bool EndsWithPhotoCredit(absl::string_view text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == '.' || text[end - 1] == ' ')) {
    --end;
  }
  if (end == 0 || text[end - 1] != ')') {
    return false;
  }
  const size_t open = text.rfind('(', end - 1);
  if (open == absl::string_view::npos) {
    return false;
  }
  const absl::string_view group = text.substr(open + 1, end - open - 2);
  if (std::count(group.begin(), group.end(), ' ') > 6) {
    return false;
  }
  return absl::StrContains(group, '/') ||
         ContainsAnyIgnoreCase(group, {"photo", "getty", "file", "credit"});
}

// Line openings that introduce links to other articles.
constexpr auto kRelatedLinkCues =
    std::to_array<absl::string_view>({"read more",
                                      "read also",
                                      "also read",
                                      "read:",
                                      "related:",
                                      "related articles",
                                      "related stories",
                                      "related news",
                                      "related coverage",
                                      "see also",
                                      "also see",
                                      "more:",
                                      "recommended",
                                      "watch:",
                                      "watch video",
                                      "listen:",
                                      "click here",
                                      "you may also like",
                                      "you might also like",
                                      "most read",
                                      "most popular",
                                      "top stories",
                                      "editor's pick",
                                      "editors' pick",
                                      "more from",
                                      "more on this",
                                      "more stories",
                                      "further reading",
                                      "continue reading",
                                      "read the full",
                                      "read the original"});

// Social-sharing buttons.
constexpr auto kShareCues = std::to_array<absl::string_view>(
    {"share this", "share on", "share:", "share via",
     "like this:", "tweet this", "print this", "email this"});

// Imperative appeals to the reader.
constexpr auto kAppealCues =
    std::to_array<absl::string_view>({"subscribe",
                                      "sign up",
                                      "donate",
                                      "support us",
                                      "support our",
                                      "support independent",
                                      "become a member",
                                      "become a subscriber",
                                      "join us",
                                      "join our",
                                      "follow us",
                                      "download our",
                                      "download the",
                                      "get our",
                                      "get the latest",
                                      "don't miss",
                                      "never miss",
                                      "register now",
                                      "already a subscriber",
                                      "want more",
                                      "enjoy unlimited",
                                      "unlock"});

// Photo and image credits.
constexpr auto kPhotoCreditCues = std::to_array<absl::string_view>(
    {"photo:", "photo :", "photos:", "photo by", "photo credit",
     "image:", "image credit", "picture:", "credit:", "file photo",
     "pictured:", "caption:", "illustration:"});

// Credits of the story's source or its writers.
constexpr auto kSourceCreditCues = std::to_array<absl::string_view>(
    {"source:", "sources:", "source :", "reporting by", "(reporting by",
     "editing by", "writing by", "compiled by", "additional reporting",
     "with inputs from", "(with inputs", "this article was", "this story was",
     "this story has", "originally published", "first published",
     "this content was"});

// Longest line that may still be a source credit ("Source: ...").
constexpr size_t kMaxCreditBytes = 240;

struct OpeningCues {
  BoilerplateKind kind;
  absl::Span<const absl::string_view> prefixes;
  size_t max_size;  // longest text the cues apply to
};

constexpr auto kOpeningCues = std::to_array<OpeningCues>({
    {BoilerplateKind::kRelatedLink, kRelatedLinkCues, absl::string_view::npos},
    {BoilerplateKind::kShare, kShareCues, absl::string_view::npos},
    {BoilerplateKind::kAppeal, kAppealCues, absl::string_view::npos},
    {BoilerplateKind::kPhotoCredit, kPhotoCreditCues, absl::string_view::npos},
    {BoilerplateKind::kSourceCredit, kSourceCreditCues, kMaxCreditBytes},
});

// Kinds recognised from the opening words of a line or sentence of `size`
// bytes.
// Bits for the first three bytes of the opening cues: most openings match
// none of those and skip comparing with every cue.
class CueFilter {
 public:
  CueFilter() {
    for (const OpeningCues& cues : kOpeningCues) {
      for (absl::string_view prefix : cues.prefixes) {
        bits_.set(Key(prefix));
      }
    }
  }

  // False when no opening cue can start `opening` (any case).
  bool MayMatch(absl::string_view opening) const {
    return opening.size() < kKeyBytes || bits_.test(Key(opening));
  }

 private:
  static constexpr size_t kKeyBytes = 3;  // no cue is shorter
  static constexpr size_t kBits = 4096;

  static size_t Key(absl::string_view text) {
    size_t key = 0;
    for (size_t i = 0; i < kKeyBytes; ++i) {
      key =
          key * 131 + static_cast<unsigned char>(absl::ascii_tolower(text[i]));
    }
    return key % kBits;
  }

  std::bitset<kBits> bits_;
};

constexpr bool CuesFitFilter() {
  for (const OpeningCues& cues : kOpeningCues) {
    for (absl::string_view prefix : cues.prefixes) {
      if (prefix.size() < 3) {
        return false;
      }
    }
  }
  return true;
}
static_assert(CuesFitFilter());

BoilerplateKind ClassifyOpening(const Opening& opening, size_t size) {
  static const CueFilter* const filter = new CueFilter();
  if (!filter->MayMatch(opening.text())) {
    return BoilerplateKind::kNone;
  }
  for (const OpeningCues& cues : kOpeningCues) {
    if (size <= cues.max_size && opening.StartsWithAny(cues.prefixes)) {
      return cues.kind;
    }
  }
  return BoilerplateKind::kNone;
}

// Rules that need the whole paragraph's features; see ClassifySentence()
// for the ones that also run on single sentences.
BoilerplateKind ClassifyInline(absl::string_view text, const Opening& opening,
                               const TextFeatures& f) {
  if (const BoilerplateKind kind = ClassifyOpening(opening, text.size());
      kind != BoilerplateKind::kNone) {
    return kind;
  }
  if (f.NoQuotedSpeech() && f.AppealVocabulary()) {
    return BoilerplateKind::kAppeal;
  }
  if (EndsWithPhotoCredit(text) ||
      (f.words <= 12 && ContainsIgnoreCase(text, "getty images"))) {
    return BoilerplateKind::kPhotoCredit;
  }
  if (f.words <= 60 &&
      (f.copyright_sign ||
       (f.Count(kLegalWord) > 0 &&
        ContainsAnyIgnoreCase(
            text, {"all rights reserved", "uses cookies", "use of cookies",
                   "privacy policy", "terms of use", "terms of service",
                   "cookie policy"})) ||
       opening.StartsWithAny({"copyright"}))) {
    return BoilerplateKind::kLegal;
  }
  return BoilerplateKind::kNone;
}

bool IsShortFragment(const TextFeatures& f) {
  return f.words + f.numbers <= 3 && !f.final_punctuation;
}

bool IsBlockKind(BoilerplateKind kind) {
  return kind == BoilerplateKind::kContactInfo ||
         kind == BoilerplateKind::kNavigation;
}

// ClassifyParagraph() of a non-empty paragraph with features `f`.
BoilerplateKind ClassifyMeasured(absl::string_view paragraph,
                                 const TextFeatures& f) {
  const Opening opening(paragraph);
  const int tokens = f.words + f.numbers;
  if (f.markup || f.braces) {
    return BoilerplateKind::kMarkup;
  }
  if (f.pipes >= 2 || f.bullets >= 3 || f.breadcrumbs >= 2 ||
      opening.StartsWithAny({"home >", "home \xC2\xBB", "you are here",
                             "loading", "skip to", "advertisement"}) ||
      (tokens > 0 && tokens <= 6 && f.Count(kNavigationWord) == tokens)) {
    return BoilerplateKind::kNavigation;
  }
  if (tokens <= 6 &&
      ContainsAnyIgnoreCase(paragraph, {"top100", "liveinternet", "statcounter",
                                        "metrika", "counter"})) {
    return BoilerplateKind::kCounter;
  }
  if (opening.StartsWithAny({"address:", "adress:", "e-mail:", "email:",
                             "website:", "web:", "p.o. box",
                             "contact:", "contacts:", "hotline"}) ||
      (f.digits >= 5 &&
       opening.StartsWithAny(
           {"tel.", "tel:", "tel ", "telephone:", "phone:", "fax"})) ||
      ((f.email || f.url) && tokens <= 8)) {
    return BoilerplateKind::kContactInfo;
  }
  if (tokens <= 16 && f.numbers > 0 &&
      (f.Count(kDateWord) + f.numbers + f.Count(kNavigationWord)) * 10 >=
          tokens * 7) {
    return BoilerplateKind::kTimestamp;
  }
  if (tokens <= 14 &&
      opening.StartsWithAny({"updated", "update:", "published", "posted on",
                             "last updated", "last modified",
                             "write:", "date:"})) {
    return BoilerplateKind::kTimestamp;
  }
  if (tokens <= 12 && f.digits >= 7 &&
      f.digits * 10 >= (f.digits + f.letters) * 3) {
    return BoilerplateKind::kContactInfo;
  }
  if (tokens <= 12 && (!f.final_punctuation || tokens <= 6) &&
      opening.StartsWithAny({"by ", "by:", "written by", "reported by",
                             "words by", "posted by"})) {
    return BoilerplateKind::kByline;
  }
  return ClassifyInline(paragraph, opening, f);
}

// RefineInContext() with the features of paragraph i in (*cache)[i], measured
// when missing.
void RefineMeasured(absl::Span<const absl::string_view> paragraphs,
                    std::vector<std::optional<TextFeatures>>* cache,
                    absl::Span<BoilerplateKind> kinds) {
  const size_t n = std::min(paragraphs.size(), kinds.size());
  const auto features = [&](size_t i) -> const TextFeatures& {
    if (!(*cache)[i].has_value()) {
      (*cache)[i] = Measure(paragraphs[i]);
    }
    return *(*cache)[i];
  };

  // Spread appeals over adjacent paragraphs in the publisher's voice, and
  // contact or navigation blocks over adjacent short label lines.
  const auto spread = [&](size_t i, size_t neighbour) {
    if (kinds[i] != BoilerplateKind::kNone ||
        kinds[neighbour] == BoilerplateKind::kNone) {
      return;
    }
    const TextFeatures& f = features(i);
    if (kinds[neighbour] == BoilerplateKind::kAppeal && f.NoQuotedSpeech() &&
        (f.PublisherVoice() || f.AppealVocabulary())) {
      kinds[i] = BoilerplateKind::kAppeal;
    } else if (IsBlockKind(kinds[neighbour]) &&
               (paragraphs[i].back() == ':' ||
                (f.words + f.numbers <= 2 && !f.final_punctuation))) {
      kinds[i] = kinds[neighbour];
    }
  };
  for (size_t i = 1; i < n; ++i) {
    spread(i, i - 1);
  }
  for (size_t i = n; i-- > 1;) {
    spread(i - 1, i);
  }

  // Short fragments after the last content paragraph.
  size_t last_content = n;
  for (size_t i = n; i-- > 0;) {
    if (kinds[i] == BoilerplateKind::kNone && !IsShortFragment(features(i))) {
      last_content = i;
      break;
    }
  }
  if (last_content == n) {  // no content to trail
    return;
  }
  for (size_t i = last_content + 1; i < n; ++i) {
    if (kinds[i] == BoilerplateKind::kNone && IsShortFragment(features(i))) {
      kinds[i] = BoilerplateKind::kNavigation;
    }
  }
}

}  // namespace

const char* BoilerplateKindName(BoilerplateKind kind) {
  switch (kind) {
    case BoilerplateKind::kNone:
      return "none";
    case BoilerplateKind::kAppeal:
      return "appeal";
    case BoilerplateKind::kRelatedLink:
      return "related_link";
    case BoilerplateKind::kByline:
      return "byline";
    case BoilerplateKind::kPhotoCredit:
      return "photo_credit";
    case BoilerplateKind::kNavigation:
      return "navigation";
    case BoilerplateKind::kContactInfo:
      return "contact_info";
    case BoilerplateKind::kLegal:
      return "legal";
    case BoilerplateKind::kShare:
      return "share";
    case BoilerplateKind::kCounter:
      return "counter";
    case BoilerplateKind::kTimestamp:
      return "timestamp";
    case BoilerplateKind::kSourceCredit:
      return "source_credit";
    case BoilerplateKind::kMarkup:
      return "markup";
  }
  return "unknown";
}

BoilerplateKind ClassifySentence(absl::string_view sentence) {
  const BoilerplateKind kind =
      ClassifyOpening(Opening(sentence), sentence.size());
  if (kind != BoilerplateKind::kNone) {
    return kind;
  }
  if (EndsWithPhotoCredit(sentence)) {
    return BoilerplateKind::kPhotoCredit;
  }
  // Appeals address the reader; skip measuring sentences that do not.
  if (AddressesReader(sentence)) {
    const TextFeatures f = Measure(sentence);
    if (f.NoQuotedSpeech() && f.AppealVocabulary()) {
      return BoilerplateKind::kAppeal;
    }
  }
  return BoilerplateKind::kNone;
}

BoilerplateKind ClassifyParagraph(absl::string_view paragraph) {
  if (paragraph.empty()) {
    return BoilerplateKind::kNone;
  }
  return ClassifyMeasured(paragraph, Measure(paragraph));
}

size_t AppealPrefixLength(absl::Span<const absl::string_view> sentences) {
  size_t length = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const TextFeatures f = Measure(sentences[i]);
    if (f.Count(kSecondPerson) > 0 || f.Count(kFirstPlural) > 0 ||
        f.Count(kAppealStrong) > 0 ||
        ClassifySentence(sentences[i]) != BoilerplateKind::kNone) {
      length = i + 1;
    }
  }
  return length;
}

void RefineInContext(absl::Span<const absl::string_view> paragraphs,
                     absl::Span<BoilerplateKind> kinds) {
  // Features are measured only for the few paragraphs a rule looks at.
  std::vector<std::optional<TextFeatures>> cache(
      std::min(paragraphs.size(), kinds.size()));
  RefineMeasured(paragraphs, &cache, kinds);
}

void ClassifyParagraphs(absl::Span<const absl::string_view> paragraphs,
                        absl::Span<BoilerplateKind> kinds) {
  const size_t n = std::min(paragraphs.size(), kinds.size());
  std::vector<std::optional<TextFeatures>> cache(n);
  for (size_t i = 0; i < n; ++i) {
    cache[i] = Measure(paragraphs[i]);
    kinds[i] = paragraphs[i].empty()
                   ? BoilerplateKind::kNone
                   : ClassifyMeasured(paragraphs[i], *cache[i]);
  }
  RefineMeasured(paragraphs, &cache, kinds);
}

}  // namespace attache::text
