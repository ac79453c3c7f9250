#include "text/document.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "text/dateline.h"
#include "text/utf8.h"

namespace attache::text {
namespace {

absl::Status ValidateField(absl::string_view text, absl::string_view field) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " is too large: ", text.size(), " bytes"));
  }
  const size_t bad = FindInvalidUtf8(text);
  if (bad == kValidUtf8) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("invalid UTF-8 in ", field, " at byte offset ", bad));
}

// True when `line` repeats `title`, possibly without the title's trailing
// " - Site name" or " | Site name".
bool RepeatsTitle(absl::string_view line, absl::string_view title) {
  if (title.empty() || line.size() > title.size()) {
    return false;
  }
  if (line == title) {
    return true;
  }
  if (!absl::StartsWith(title, line)) {
    return false;
  }
  const absl::string_view rest = title.substr(line.size());
  return absl::StartsWith(rest, " - ") || absl::StartsWith(rest, " | ");
}

// Appends the sentences of one paragraph (normalised range `range` of
// `field_text`) to *doc.
class SentenceAppender {
 public:
  SentenceAppender(Document* doc, Field field, const NormalizedText& field_text)
      : doc_(doc),
        field_(field),
        field_text_(field_text),
        cursor_(field_text.offsets) {}

  Sentence& Append(int paragraph, ByteRange normalized) {
    Sentence& sentence = doc_->sentences.emplace_back();
    sentence.index = static_cast<int>(doc_->sentences.size()) - 1;
    sentence.field = field_;
    sentence.paragraph = paragraph;
    sentence.normalized = normalized;
    sentence.original = cursor_.ToOriginal(normalized);
    sentence.text.assign(field_text_.text, normalized.begin, normalized.size());
    if (sentence.text.find('\n') != std::string::npos) {
      std::replace(sentence.text.begin(), sentence.text.end(), '\n', ' ');
    }
    sentence.heading = !HasFinalPunctuation(sentence.text);
    tokens_.clear();
    Tokenize(sentence.text, &tokens_);
    // Analyze() rejects fields that do not fit 32-bit offsets.
    if (cursor_.InExactPiece(normalized)) {
      // Copied unchanged: every token moves by the sentence's shift.
      const auto begin = static_cast<uint32_t>(sentence.original.begin);
      for (Token& token : tokens_) {
        token.original_begin = begin + token.begin;
        token.original_end = begin + token.end;
      }
    } else {
      for (Token& token : tokens_) {
        const ByteRange original = cursor_.ToOriginal(
            {normalized.begin + token.begin, normalized.begin + token.end});
        token.original_begin = static_cast<uint32_t>(original.begin);
        token.original_end = static_cast<uint32_t>(original.end);
      }
    }
    // Copied at their exact size: Tokenize() reserves by an estimate, and a
    // document keeps its tokens.
    sentence.tokens.assign(tokens_.begin(), tokens_.end());
    return sentence;
  }

 private:
  Document* doc_;
  Field field_;
  const NormalizedText& field_text_;
  OffsetMap::Cursor cursor_;
  std::vector<Token> tokens_;  // of the sentence being appended
};

Paragraph& AddParagraph(Document* doc, Field field,
                        const NormalizedText& field_text, ByteRange range,
                        BoilerplateKind kind) {
  Paragraph& paragraph = doc->paragraphs.emplace_back();
  paragraph.field = field;
  paragraph.normalized = range;
  paragraph.original = field_text.ToOriginal(range);
  paragraph.boilerplate = kind;
  paragraph.first_sentence = static_cast<int>(doc->sentences.size());
  return paragraph;
}

void AnalyzeTitle(const AnalyzeOptions& options, Document* doc) {
  const std::string& title = doc->title.text;
  if (title.empty()) {
    return;
  }
  const int index = static_cast<int>(doc->paragraphs.size());
  AddParagraph(doc, Field::kTitle, doc->title, {0, title.size()},
               BoilerplateKind::kNone);
  // The title is one sentence; only the length limit may cut it.
  SegmentOptions unsplit = options.segment;
  SentenceAppender appender(doc, Field::kTitle, doc->title);
  size_t begin = 0;
  const size_t limit = std::max<size_t>(unsplit.max_sentence_bytes, 1);
  while (begin < title.size()) {
    size_t end = std::min(title.size(), begin + limit);
    while (end < title.size() && end > begin + 1 &&
           (static_cast<unsigned char>(title[end]) & 0xC0) == 0x80) {
      --end;
    }
    appender.Append(index, {begin, end});
    begin = end;
  }
  Paragraph& paragraph = doc->paragraphs[index];
  paragraph.sentence_count =
      static_cast<int>(doc->sentences.size()) - paragraph.first_sentence;
  paragraph.heading = !HasFinalPunctuation(title);
}

void AnalyzeBody(const AnalyzeOptions& options, Document* doc) {
  const std::string& body = doc->body.text;
  const std::vector<ByteRange> ranges = SplitParagraphs(body);
  std::vector<absl::string_view> views;
  views.reserve(ranges.size());
  for (const ByteRange& range : ranges) {
    views.push_back(absl::string_view(body).substr(range.begin, range.size()));
  }
  std::vector<BoilerplateKind> kinds(ranges.size());
  ClassifyParagraphs(views, absl::MakeSpan(kinds));

  // Every paragraph is split before any sentence is appended, so that the
  // sentences are allocated once, at their number.
  std::vector<ByteRange> sentences;  // relative to their paragraph
  std::vector<size_t> sentences_end(ranges.size());  // per paragraph
  std::vector<ByteRange> paragraph_sentences;
  for (size_t p = 0; p < ranges.size(); ++p) {
    SplitSentences(views[p], options.segment, &paragraph_sentences);
    sentences.insert(sentences.end(), paragraph_sentences.begin(),
                     paragraph_sentences.end());
    sentences_end[p] = sentences.size();
  }
  doc->sentences.reserve(doc->sentences.size() + sentences.size());
  doc->paragraphs.reserve(doc->paragraphs.size() + ranges.size());
  SentenceAppender appender(doc, Field::kBody, doc->body);
  std::vector<absl::string_view> sentence_views;
  for (size_t p = 0; p < ranges.size(); ++p) {
    const int index = static_cast<int>(doc->paragraphs.size());
    AddParagraph(doc, Field::kBody, doc->body, ranges[p], kinds[p]);
    const size_t first = p == 0 ? 0 : sentences_end[p - 1];
    const absl::Span<const ByteRange> in_paragraph(sentences.data() + first,
                                                   sentences_end[p] - first);
    sentence_views.clear();
    for (const ByteRange& s : in_paragraph) {
      sentence_views.push_back(views[p].substr(s.begin, s.size()));
    }
    // Sentences after an appeal's last appeal sentence were glued to it.
    const size_t inherited = kinds[p] == BoilerplateKind::kAppeal
                                 ? AppealPrefixLength(sentence_views)
                                 : in_paragraph.size();
    const bool repeats_title = RepeatsTitle(views[p], doc->title.text);
    for (size_t s = 0; s < in_paragraph.size(); ++s) {
      const ByteRange range{ranges[p].begin + in_paragraph[s].begin,
                            ranges[p].begin + in_paragraph[s].end};
      Sentence& sentence = appender.Append(index, range);
      sentence.repeats_title = repeats_title;
      if (kinds[p] != BoilerplateKind::kNone && s < inherited) {
        sentence.boilerplate = kinds[p];
      } else if (kinds[p] != BoilerplateKind::kNone ||
                 in_paragraph.size() > 1) {
        // A lone sentence of a content paragraph was classified with it.
        sentence.boilerplate = ClassifySentence(sentence_views[s]);
      }
      // A photo credit on its own marks the caption before it.
      if (s > 0 && sentence.boilerplate == BoilerplateKind::kPhotoCredit &&
          absl::StartsWith(sentence.text, "(")) {
        doc->sentences[sentence.index - 1].boilerplate =
            BoilerplateKind::kPhotoCredit;
      }
      if (s == 0 && !sentence.is_boilerplate()) {
        sentence.dateline_end = DatelineEnd(sentence.text, sentence.tokens);
      }
    }
    Paragraph& paragraph = doc->paragraphs[index];
    paragraph.sentence_count = static_cast<int>(in_paragraph.size());
    paragraph.heading =
        in_paragraph.size() == 1 && doc->sentences.back().heading;
  }
}

}  // namespace

absl::StatusOr<Document> Analyze(absl::string_view title,
                                 absl::string_view body,
                                 const AnalyzeOptions& options) {
  if (absl::Status status = ValidateField(title, "title"); !status.ok()) {
    return status;
  }
  if (absl::Status status = ValidateField(body, "body"); !status.ok()) {
    return status;
  }
  Document doc;
  doc.title = NormalizeValidUtf8(title);
  doc.body = NormalizeValidUtf8(body);
  AnalyzeTitle(options, &doc);
  AnalyzeBody(options, &doc);
  return doc;
}

}  // namespace attache::text
