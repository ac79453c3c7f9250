#include "text/boilerplate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "text/char_class.h"
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

using FeatureMap = absl::flat_hash_map<absl::string_view, uint16_t>;

// The word features, with a small filter in front of the hash map: most words
// of an article are in no list and are rejected without hashing.
class FeatureLexicon {
 public:
  void Add(uint16_t feature, std::initializer_list<absl::string_view> words) {
    for (absl::string_view word : words) {
      map_[word] |= feature;
      filter_.set(FilterKey(word));
    }
  }

  // Features of `word`, in any ASCII case.
  uint16_t Find(absl::string_view word) const {
    if (word.empty() || word.size() > kMaxWord ||
        !filter_.test(FilterKey(word))) {
      return 0;
    }
    std::array<char, kMaxWord> lower;
    for (size_t i = 0; i < word.size(); ++i) {
      lower[i] = absl::ascii_tolower(word[i]);
    }
    const auto it = map_.find(absl::string_view(lower.data(), word.size()));
    return it == map_.end() ? 0 : it->second;
  }

 private:
  static constexpr size_t kFilterBits = 4096;
  static constexpr size_t kMaxWord = 24;

  static size_t FilterKey(absl::string_view word) {
    const auto first =
        static_cast<unsigned char>(absl::ascii_tolower(word.front()));
    const auto last =
        static_cast<unsigned char>(absl::ascii_tolower(word.back()));
    return (word.size() * 131 + size_t{first} * 31 + last) % kFilterBits;
  }

  FeatureMap map_;
  std::bitset<kFilterBits> filter_;
};

const FeatureLexicon& Features() {
  static const FeatureLexicon* const lexicon = [] {
    auto* m = new FeatureLexicon();
    m->Add(kSecondPerson, {"you", "your", "yours", "yourself"});
    m->Add(kFirstPlural, {"we", "our", "us", "ours"});
    m->Add(kAppealStrong,
           {"donate",     "donation",     "donations",     "donating",
            "subscribe",  "subscribed",   "subscription",  "subscriptions",
            "subscriber", "subscribers",  "newsletter",    "newsletters",
            "inbox",      "paywall",      "paywalls",      "membership",
            "contribute", "contribution", "contributions", "unsubscribe",
            "premium",    "unlimited"});
    m->Add(kAppealWeak,
           {"support", "supporting", "help", "free", "member", "members",
            "register", "story", "stories", "journalism", "independent",
            "access", "sign", "follow", "app", "download", "notifications",
            "alerts", "difference"});
    m->Add(kPublisher, {"journalism", "journalists", "reporters", "reporting",
                        "story", "stories", "newsroom", "readers", "paywall",
                        "paywalls", "outlets", "documentary", "coverage",
                        "independent", "trusted", "quality", "analysis"});
    m->Add(kNavigationWord, {"menu",       "content",
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
    m->Add(kDateWord,
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
    m->Add(kSpeech, {"said", "says", "told", "asked", "added", "stated",
                     "noted", "stressed", "emphasized", "emphasised"});
    m->Add(kGivingNoun,
           {"support", "donation", "donations", "contribution", "contributions",
            "help", "subscription", "membership", "generosity", "gift"});
    m->Add(kLegalWord, {"rights", "reserved", "cookies", "cookie", "privacy",
                        "terms", "copyright"});
    return m;
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

TextFeatures Measure(absl::string_view text) {
  TextFeatures f;
  f.final_punctuation = HasFinalPunctuation(text);
  const FeatureLexicon& features = Features();
  bool previous_your = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (LetterLength(text, pos) > 0) {
      const size_t start = pos;
      while (pos < text.size()) {
        if (absl::ascii_isalpha(text[pos])) {
          ++pos;
          continue;
        }
        const size_t length = static_cast<unsigned char>(text[pos]) >= 0x80
                                  ? LetterLength(text, pos)
                                  : 0;
        if (length == 0) {
          break;
        }
        pos += length;
      }
      const size_t length = pos - start;
      ++f.words;
      f.letters += static_cast<int>(length);
      const absl::string_view word = text.substr(start, length);
      const uint16_t bits = features.Find(word);
      for (int bit = 0; bit < kWordFeatureCount; ++bit) {
        f.word_counts[bit] += (bits >> bit) & 1;
      }
      if (previous_your && (bits & kGivingNoun) != 0) {
        ++f.giving_after_your;
      }
      previous_your = absl::EqualsIgnoreCase(word, "your");
      continue;
    }
    if (absl::ascii_isdigit(c)) {
      ++f.numbers;
      while (pos < text.size() && absl::ascii_isdigit(text[pos])) {
        ++f.digits;
        ++pos;
      }
      continue;
    }
    switch (c) {
      case '|':
        ++f.pipes;
        break;
      case '>':
        ++f.breadcrumbs;
        break;
      case '"':
        ++f.double_quotes;
        break;
      case '@':
        f.email = f.email || (pos > 0 && absl::ascii_isalnum(text[pos - 1]));
        break;
      case '\xE2':
        if (absl::StartsWith(text.substr(pos), "\xE2\x80\xA2")) {
          ++f.bullets;
        }
        break;
      case '\xC2':
        if (absl::StartsWith(text.substr(pos), "\xC2\xBB")) {
          ++f.breadcrumbs;
        }
        break;
      default:
        break;
    }
    ++pos;
  }
  f.url = absl::StrContains(text, "://") || absl::StrContains(text, "www.");
  return f;
}

// The first bytes of `text`, lower-cased, after list markers and spaces.
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
    size_ = std::min(kSize, text.size() - pos);
    for (size_t i = 0; i < size_; ++i) {
      buffer_[i] = absl::ascii_tolower(text[pos + i]);
    }
  }

  bool StartsWithAny(absl::Span<const absl::string_view> prefixes) const {
    const absl::string_view opening(buffer_.data(), size_);
    if (opening.empty()) {
      return false;
    }
    return std::any_of(
        prefixes.begin(), prefixes.end(), [&](absl::string_view prefix) {
          return prefix[0] == opening[0] && absl::StartsWith(opening, prefix);
        });
  }

 private:
  static constexpr size_t kSize = 32;
  std::array<char, kSize> buffer_;
  size_t size_ = 0;
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

// True when `text` contains "you", "You" or "YOU" (also in "your"): fast
// searches for "ou" and "OU" checked for a preceding 'y'.
bool AddressesReader(absl::string_view text) {
  for (const absl::string_view pair : {"ou", "OU"}) {
    for (size_t pos = text.find(pair, 1); pos != absl::string_view::npos;
         pos = text.find(pair, pos + 2)) {
      if (absl::ascii_tolower(text[pos - 1]) == 'y') {
        return true;
      }
    }
  }
  return false;
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

bool IsMarkup(absl::string_view text) {
  return absl::StrContains(text, "/*") || absl::StrContains(text, "*/") ||
         absl::StrContains(text, "<script") ||
         absl::StrContains(text, "<div") ||
         (absl::StrContains(text, '{') && absl::StrContains(text, '}') &&
          absl::StrContains(text, ';'));
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
BoilerplateKind ClassifyOpening(const Opening& opening, size_t size) {
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
      (absl::StrContains(text, "\xC2\xA9") ||
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
  const TextFeatures f = Measure(paragraph);
  const Opening opening(paragraph);
  const int tokens = f.words + f.numbers;
  if (IsMarkup(paragraph)) {
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
  const size_t n = std::min(paragraphs.size(), kinds.size());
  // Features are measured only for the few paragraphs a rule looks at.
  std::vector<std::optional<TextFeatures>> cache(n);
  const auto features = [&](size_t i) -> const TextFeatures& {
    if (!cache[i].has_value()) {
      cache[i] = Measure(paragraphs[i]);
    }
    return *cache[i];
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

}  // namespace attache::text
