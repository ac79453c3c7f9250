// Benchmarks of the text layer: text::Analyze() end to end over generated
// news-like articles of 1 KB, 100 KB and 10 MB, and its stages (normalising,
// sentence splitting, tokenising) over the 10 MB text. Rates are per CPU
// second of the benchmark thread.
//
// Run: build-*/bench/text/text_benchmark [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "text/document.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/tokenize.h"

namespace attache::text {
namespace {

// News-like English text of at least `bytes` bytes: wire-story paragraphs
// with titles, abbreviations ("U.S.", "Sept. 18", "Mr."), curly quotes and
// apostrophes, accented names, datelines, and the odd line of boilerplate (a
// byline, a "Read more" link, a photo credit, a donation appeal glued to the
// next sentence). Deterministic for a given size.
std::string NewsText(size_t bytes) {
  std::mt19937 random(20240917);
  const auto pick = [&](const auto& list) {
    return list[std::uniform_int_distribution<size_t>(0,
                                                      list.size() - 1)(random)];
  };
  constexpr auto kPeople = std::to_array<absl::string_view>(
      {"Foreign Minister Wang Yi", "Secretary of State Alder Quint",
       "President Recep Tayyip Erdo\xC4\x9F"
       "an",
       "Prime Minister Ana Lu\xC3\xADsa Ferreira",
       "U.S. national security adviser Jake Morrow", "Mr. Petrenko",
       "Dr. Helga S\xC3\xB8rensen", "Sen. Maria Gomez", "the Kremlin",
       "North Korean leader Kim Jong-un"});
  constexpr auto kPlaces = std::to_array<absl::string_view>(
      {"Beijing", "Washington", "S\xC3\xA3o Paulo", "Geneva",
       "the \xC3\x89lys\xC3\xA9"
       "e",
       "Nusa Dua", "the U.N. General Assembly", "Camp David", "Ankara"});
  constexpr auto kVerbs = std::to_array<absl::string_view>(
      {"met", "held talks with", "spoke by phone with", "hosted",
       "is expected to meet", "will travel to see", "wrote to"});
  constexpr auto kClauses = std::to_array<absl::string_view>(
      {"the talks focused on trade, security and the region",
       "according to officials familiar with the matter",
       "neither side gave details of what was discussed",
       "a statement described the exchange as \xE2\x80\x9C"
       "candid and "
       "constructive\xE2\x80\x9D",
       "analysts said the meeting could pave the way for an agreement",
       "although significant differences remain on tariffs",
       "markets rose 1.2% on Tuesday after the announcement",
       "the ministry didn\xE2\x80\x99t respond to a request for comment",
       "adding that more work was needed before the end of the year",
       "the two sides agreed to meet again on Sept. 18 in the U.S. capital"});
  constexpr auto kBoilerplate = std::to_array<absl::string_view>(
      {"By Jane Roe, Example Press", "Read more: Talks resume in Geneva",
       "(Photo: Example Agency/John Doe)",
       "Your support makes all the difference.Officials declined to comment.",
       "Share this article"});
  std::string text;
  text.reserve(bytes + 1024);
  while (text.size() < bytes) {
    absl::StrAppend(&text, "GENEVA - ", pick(kPeople), " ", pick(kVerbs), " ",
                    pick(kPeople), " in ", pick(kPlaces), " on Monday, ",
                    pick(kClauses), ". ");
    for (int i = 0; i < 3; ++i) {
      std::string sentence =
          absl::StrCat(pick(kClauses), ", ", pick(kClauses), ". ");
      sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
      absl::StrAppend(&text, sentence);
    }
    absl::StrAppend(&text, "\xE2\x80\x9CWe have made progress,\xE2\x80\x9D ",
                    pick(kPeople), " told reporters.\n\n");
    if (std::uniform_int_distribution<int>(0, 3)(random) == 0) {
      absl::StrAppend(&text, pick(kBoilerplate), "\n\n");
    }
  }
  return text;
}

const std::string& Text(size_t bytes) {
  static auto* const texts = new std::vector<std::pair<size_t, std::string>>();
  for (const auto& [size, text] : *texts) {
    if (size == bytes) {
      return text;
    }
  }
  return texts->emplace_back(bytes, NewsText(bytes)).second;
}

constexpr absl::string_view kTitle =
    "Foreign ministers meet in Geneva as talks on trade resume";

void BM_Analyze(benchmark::State& state) {
  const std::string& body = Text(static_cast<size_t>(state.range(0)));
  int64_t sentences = 0;
  for (auto _ : state) {
    absl::StatusOr<Document> document = Analyze(kTitle, body);
    if (!document.ok()) {
      state.SkipWithError(document.status().ToString().c_str());
      return;
    }
    sentences += static_cast<int64_t>(document->sentences.size());
    benchmark::DoNotOptimize(document->sentences.data());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(body.size() + kTitle.size()));
  state.counters["sentences_per_s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Analyze)
    ->Arg(1 << 10)
    ->Arg(100 << 10)
    ->Arg(10 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const std::string& body = Text(10 << 20);
  for (auto _ : state) {
    NormalizedText normalized = Normalize(body);
    benchmark::DoNotOptimize(normalized.text.data());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(body.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

// Splits the normalised text into paragraphs and sentences.
void BM_SplitSentences(benchmark::State& state) {
  const NormalizedText normalized = Normalize(Text(10 << 20));
  const absl::string_view body = normalized.text;
  int64_t sentences = 0;
  for (auto _ : state) {
    for (const ByteRange& paragraph : SplitParagraphs(body)) {
      sentences += static_cast<int64_t>(
          SplitSentences(body.substr(paragraph.begin, paragraph.size()))
              .size());
    }
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(body.size()));
  state.counters["sentences_per_s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// Tokenises the normalised text one line at a time.
void BM_Tokenize(benchmark::State& state) {
  const NormalizedText normalized = Normalize(Text(10 << 20));
  const absl::string_view body = normalized.text;
  const std::vector<ByteRange> paragraphs = SplitParagraphs(body);
  std::vector<Token> tokens;
  int64_t count = 0;
  for (auto _ : state) {
    for (const ByteRange& paragraph : paragraphs) {
      tokens.clear();
      Tokenize(body.substr(paragraph.begin, paragraph.size()), &tokens);
      count += static_cast<int64_t>(tokens.size());
    }
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(body.size()));
  state.counters["tokens_per_s"] = benchmark::Counter(
      static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace attache::text

BENCHMARK_MAIN();
