// Benchmarks of the knowledge base: FindMentions throughput over generated
// news-like text, loading the embedded data, and resident memory after load.
//
// Run: build-*/bench/kb/kb_benchmark [--kb_dir=DIR] [--benchmark_filter=...]
// With --kb_dir the matcher and memory figures use that data directory
// instead of the embedded data (load time is always the embedded data's).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "kb/knowledge_base.h"

namespace attache::kb {
namespace {

// VmRSS of this process in kB, or 0 when /proc is unavailable.
int64_t ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      int64_t kb = 0;
      const std::string digits = absl::StrReplaceAll(
          line.substr(6), {{"kB", ""}, {" ", ""}, {"\t", ""}});
      return absl::SimpleAtoi(digits, &kb) ? kb : 0;
    }
  }
  return 0;
}

// Set by main() before any benchmark runs.
std::shared_ptr<const KnowledgeBase>* knowledge_base = nullptr;
int64_t resident_before_load_kb = 0;
int64_t resident_after_load_kb = 0;

const KnowledgeBase& Kb() { return **knowledge_base; }

// News-like English text of at least `bytes` bytes: sentences of wire-story
// vocabulary with names, titles, states and places of the KB, about one KB
// mention every dozen words. Deterministic for a given size.
std::string NewsText(size_t bytes) {
  const KnowledgeBase& kb = Kb();
  std::mt19937 random(20240917);
  const auto pick = [&](size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(random);
  };
  const std::vector<std::string> titles = {
      "Foreign Minister", "President",        "Prime Minister",
      "top diplomat",     "defence minister", "national security adviser"};
  // Clauses of wire-story prose, joined at random into sentences.
  const std::vector<std::string> clauses = {
      "the talks focused on trade, security and the region",
      "according to officials familiar with the matter",
      "neither side gave details of what was discussed",
      "a statement described the exchange as candid and constructive",
      "analysts said the meeting could pave the way for an agreement",
      "although significant differences remain on tariffs",
      "\"we have made progress,\" a senior official told reporters",
      "markets rose 1.2% on Tuesday after the announcement",
      "the ministry did not respond to a request for comment",
      "adding that more work was needed before the end of the year",
  };
  const auto filler = [&] {
    std::string sentence = absl::StrCat(clauses[pick(clauses.size())], ", ",
                                        clauses[pick(clauses.size())], ". ");
    sentence[0] = absl::ascii_toupper(sentence[0]);
    return sentence;
  };
  std::string text;
  text.reserve(bytes + 1024);
  while (text.size() < bytes) {
    const Person& person = kb.people()[pick(kb.people().size())];
    const Person& other = kb.people()[pick(kb.people().size())];
    const State& state = kb.states()[pick(kb.states().size())];
    const State& host = kb.states()[pick(kb.states().size())];
    const Place& place = kb.places()[pick(kb.places().size())];
    absl::StrAppend(&text, state.name, "'s ", titles[pick(titles.size())], " ",
                    person.name, " met ", other.name, " in ", place.name,
                    " on Monday, ", host.name, "'s government said. ");
    absl::StrAppend(&text, filler(), filler());
    if (!person.surname.empty()) {
      absl::StrAppend(&text, person.surname,
                      " later told reporters that the visit was a success. ");
    }
    absl::StrAppend(&text, filler(), "\n\n");
  }
  return text;
}

void BM_FindMentions(benchmark::State& state) {
  static const std::string* const text =
      new std::string(NewsText(size_t{12} << 20));
  size_t mentions = 0;
  for (auto _ : state) {
    const std::vector<Mention> found = Kb().FindMentions(*text);
    mentions = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text->size()));
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["text_mb"] = static_cast<double>(text->size()) / (1 << 20);
}
BENCHMARK(BM_FindMentions)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The sentences of the same text, split as the extraction engine splits.
const std::vector<absl::string_view>& Sentences() {
  static const std::vector<absl::string_view>* const sentences = [] {
    static const std::string* const text =
        new std::string(NewsText(size_t{12} << 20));
    return new std::vector<absl::string_view>(
        absl::StrSplit(*text, ". ", absl::SkipEmpty()));
  }();
  return *sentences;
}

// As the extraction engine calls it: once per sentence, each call into a
// new vector (`reuse` false) or into one kept across calls.
void FindMentionsPerSentence(benchmark::State& state, bool reuse) {
  const std::vector<absl::string_view>& sentences = Sentences();
  size_t bytes = 0;
  for (const absl::string_view sentence : sentences) {
    bytes += sentence.size();
  }
  size_t mentions = 0;
  std::vector<Mention> kept;
  for (auto _ : state) {
    mentions = 0;
    for (const absl::string_view sentence : sentences) {
      if (reuse) {
        Kb().FindMentions(sentence, &kept);
        mentions += kept.size();
        benchmark::DoNotOptimize(kept.data());
      } else {
        const std::vector<Mention> found = Kb().FindMentions(sentence);
        mentions += found.size();
        benchmark::DoNotOptimize(found.data());
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes));
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["sentences_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) *
                             static_cast<double>(sentences.size()),
                         benchmark::Counter::kIsRate);
}

void BM_FindMentionsPerSentence(benchmark::State& state) {
  FindMentionsPerSentence(state, /*reuse=*/false);
}
BENCHMARK(BM_FindMentionsPerSentence)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

void BM_FindMentionsPerSentenceReusingVector(benchmark::State& state) {
  FindMentionsPerSentence(state, /*reuse=*/true);
}
BENCHMARK(BM_FindMentionsPerSentenceReusingVector)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

void BM_LoadEmbedded(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
        KnowledgeBase::LoadEmbedded();
    if (!kb.ok()) {
      state.SkipWithError(kb.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(kb->get());
  }
}
BENCHMARK(BM_LoadEmbedded)->Unit(benchmark::kMillisecond);

// Reports, once, the resident memory one loaded knowledge base costs and
// what it holds.
void BM_ResidentMemoryAfterLoad(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(knowledge_base->get());
  }
  const KnowledgeBase& kb = Kb();
  state.counters["rss_delta_mb"] =
      static_cast<double>(resident_after_load_kb - resident_before_load_kb) /
      1024;
  state.counters["states"] = static_cast<double>(kb.states().size());
  state.counters["organizations"] =
      static_cast<double>(kb.organizations().size());
  state.counters["offices"] = static_cast<double>(kb.offices().size());
  state.counters["people"] = static_cast<double>(kb.people().size());
  size_t tenures = 0;
  for (const Person& person : kb.people()) {
    tenures += person.tenures.size();
  }
  state.counters["tenures"] = static_cast<double>(tenures);
  state.counters["places"] = static_cast<double>(kb.places().size());
}
BENCHMARK(BM_ResidentMemoryAfterLoad)->Iterations(1);

}  // namespace
}  // namespace attache::kb

int main(int argc, char** argv) {
  using attache::kb::KnowledgeBase;
  benchmark::Initialize(&argc, argv);
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (!absl::ConsumePrefix(&arg, "--kb_dir=")) {
      std::fprintf(stderr, "kb_benchmark: unknown flag %s\n", argv[i]);
      return 2;
    }
    dir.assign(arg.data(), arg.size());
  }
  attache::kb::resident_before_load_kb = attache::kb::ResidentKb();
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
      dir.empty() ? KnowledgeBase::LoadEmbedded()
                  : KnowledgeBase::LoadFromDirectory(dir);
  if (!kb.ok()) {
    std::fprintf(stderr, "kb_benchmark: %s\n", kb.status().ToString().c_str());
    return 1;
  }
  attache::kb::resident_after_load_kb = attache::kb::ResidentKb();
  attache::kb::knowledge_base =
      new std::shared_ptr<const KnowledgeBase>(*std::move(kb));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
