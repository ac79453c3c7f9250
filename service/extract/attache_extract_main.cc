// attache-extract: runs the extraction engine over article files.
//
//   attache-extract [flags] [FILE.json | FILE.jsonl | DIR | -]...
//
// Articles are guideline-format JSON objects (id, title, body, published):
// one per .json file, one per line of a .jsonl file or of standard input
// ("-" or no argument); a directory contributes its .json and .jsonl files
// in name order. Output goes to standard output in input order, one line
// per article (--format=eval) or per contact (--format=jsonl). Articles are
// processed on a pool of threads; progress goes to standard error.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "extract/contact_json.h"
#include "extract/extractor.h"
#include "kb/knowledge_base.h"

ABSL_FLAG(std::string, format, "eval",
          "output format: 'eval' (one {\"id\",\"contacts\"} line per article "
          "in the annotation guideline's format) or 'jsonl' (one proto-JSON "
          "Contact per line)");
ABSL_FLAG(int, threads, 0, "worker threads; 0 means one per core");
ABSL_FLAG(std::string, kb_dir, "",
          "load the knowledge base from this data directory instead of the "
          "embedded data");
ABSL_FLAG(bool, debug, false, "record the rules that fired (jsonl output)");
ABSL_FLAG(double, min_confidence, 0.0, "drop contacts below this confidence");

namespace {

namespace fs = std::filesystem;
using attache::extract::ArticleRecord;

// One unit of work: an article's JSON text and where it came from.
struct Input {
  std::string source;  // file name, or file:line
  std::string json;
};

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return false;
  }
  std::ostringstream buffer;
  buffer << file.rdbuf();
  *out = buffer.str();
  return true;
}

void AddLines(std::istream& in, const std::string& name,
              std::vector<Input>* inputs) {
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    inputs->push_back({absl::StrCat(name, ":", number), std::move(line)});
  }
}

bool AddPath(const fs::path& path, std::vector<Input>* inputs) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, error)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".json" || ext == ".jsonl") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    bool ok = true;
    for (const fs::path& file : files) {
      ok = AddPath(file, inputs) && ok;
    }
    return ok;
  }
  if (path.extension() == ".jsonl") {
    std::ifstream file(path);
    if (!file) {
      return false;
    }
    AddLines(file, path.string(), inputs);
    return true;
  }
  std::string text;
  if (!ReadFile(path, &text)) {
    return false;
  }
  inputs->push_back({path.string(), std::move(text)});
  return true;
}

std::string FallbackId(const std::string& source) {
  return fs::path(source).stem().string();
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Extracts diplomatic contacts from articles.\n"
      "usage: attache-extract [flags] [FILE.json | FILE.jsonl | DIR | -]...");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "eval" && format != "jsonl") {
    std::cerr << "attache-extract: --format must be 'eval' or 'jsonl'\n";
    return 2;
  }
  std::vector<Input> inputs;
  bool inputs_ok = true;
  if (args.size() <= 1) {
    AddLines(std::cin, "stdin", &inputs);
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string arg = args[i];
    if (arg == "-") {
      AddLines(std::cin, "stdin", &inputs);
    } else if (!AddPath(arg, &inputs)) {
      std::cerr << "attache-extract: cannot read " << arg << "\n";
      inputs_ok = false;
    }
  }

  const std::string kb_dir = absl::GetFlag(FLAGS_kb_dir);
  auto kb = kb_dir.empty()
                ? attache::kb::KnowledgeBase::LoadEmbedded()
                : attache::kb::KnowledgeBase::LoadFromDirectory(kb_dir);
  if (!kb.ok()) {
    std::cerr << "attache-extract: knowledge base: " << kb.status() << "\n";
    return 1;
  }
  auto extractor = attache::extract::Extractor::Create(*kb);
  if (!extractor.ok()) {
    std::cerr << "attache-extract: " << extractor.status() << "\n";
    return 1;
  }
  attache::extract::ExtractOptions options;
  options.debug = absl::GetFlag(FLAGS_debug);
  options.min_confidence = absl::GetFlag(FLAGS_min_confidence);

  std::vector<std::string> outputs(inputs.size());
  std::vector<std::string> errors(inputs.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  absl::Notification all_done;
  auto finish_one = [&] {
    if (++done == inputs.size()) {
      all_done.Notify();
    }
  };
  if (inputs.empty()) {
    all_done.Notify();
  }
  auto work = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) {
      const Input& input = inputs[i];
      absl::StatusOr<ArticleRecord> article =
          attache::extract::ParseArticleJson(input.json,
                                             FallbackId(input.source));
      if (!article.ok()) {
        errors[i] =
            absl::StrCat(input.source, ": ", article.status().message());
        finish_one();
        continue;
      }
      auto result = (*extractor)->Extract(article->View(), options);
      if (!result.ok()) {
        errors[i] = absl::StrCat(input.source, ": ", result.status().message());
        result = attache::extract::ExtractionResult{};
      }
      outputs[i] = format == "eval"
                       ? attache::extract::EvalLine(article->id, *result) + "\n"
                       : attache::extract::ProtoJsonLines(article->id, *result);
      finish_one();
    }
  };
  int threads = absl::GetFlag(FLAGS_threads);
  if (threads <= 0) {
    threads =
        static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  }
  threads = std::min<int>(threads,
                          static_cast<int>(std::max<size_t>(1, inputs.size())));
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back(work);
  }
  // Progress once a second for long runs; the wait ends as soon as the last
  // article is done rather than at the next tick.
  const bool report = inputs.size() >= 200;
  while (!all_done.WaitForNotificationWithTimeout(absl::Seconds(1))) {
    if (report) {
      std::cerr << "\rattache-extract: " << done.load() << "/" << inputs.size()
                << " articles" << std::flush;
    }
  }
  for (std::thread& thread : pool) {
    thread.join();
  }
  if (report) {
    std::cerr << "\n";
  }
  int failures = inputs_ok ? 0 : 1;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::cout << outputs[i];
    if (!errors[i].empty()) {
      std::cerr << "attache-extract: " << errors[i] << "\n";
      failures = 1;
    }
  }
  std::cout.flush();
  return failures;
}
