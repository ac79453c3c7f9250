// End-to-end extraction throughput on a generated news-like corpus of
// invented people (service/extract/testdata), at 1 KB, 100 KB and 10 MB, and
// the peak resident memory of the process as a bound on one worker's.
#include <sys/resource.h>

#include <string>

#include "benchmark/benchmark.h"
#include "extract/extractor.h"

namespace attache::extract {
namespace {

std::string Corpus(size_t bytes) {
  static constexpr const char* kSentences[] = {
      "Secretary of State Alder Quint met Monday with China's vice president "
      "on the sidelines of the U.N. General Assembly.",
      "Markets in the region were calm as officials weighed new tariffs.",
      "Ivo Petrenko will travel to Beijing next week for talks with Lu Feng.",
      "The two sides discussed trade, climate and security, a spokesman said.",
      "Quint visited Paris over the summer after canceling a planned trip "
      "there in February.",
      "Analysts said the outcome remained uncertain."};
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) {
    text += kSentences[i % 6];
    text += (i % 4 == 3) ? "\n" : " ";
  }
  return text;
}

void BM_Extract(benchmark::State& state) {
  auto kb = kb::KnowledgeBase::LoadFromDirectory(ATTACHE_EXTRACT_TESTDATA);
  if (!kb.ok()) {
    state.SkipWithError("knowledge base");
    return;
  }
  auto extractor = Extractor::Create(*kb);
  const std::string body = Corpus(static_cast<size_t>(state.range(0)));
  const ArticleText article{.id = "bench",
                            .title = "",
                            .body = body,
                            .published = absl::CivilDay(2024, 5, 15)};
  int64_t sentences = 0;
  for (auto _ : state) {
    auto result = (*extractor)->Extract(article, ExtractOptions{});
    sentences += result.ok() ? result->sentence_count : 0;
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(body.size()));
  state.counters["sentences_per_s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024;
}
BENCHMARK(BM_Extract)
    ->Arg(1 << 10)
    ->Arg(100 << 10)
    ->Arg(10 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace attache::extract

BENCHMARK_MAIN();
