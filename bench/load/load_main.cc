// attache-load: a load generator for attache-server over loopback.
//
// Three measurements, each bounded in time (and the first in count):
//   unary   ExtractContacts at a fixed request rate (open loop: a request's
//           latency counts from when it was due, so a stalled server cannot
//           hide its queueing); reports p50/p90/p99/max.
//   stream  StreamExtract with --stream_window requests in flight, each one
//           article or a batch of --batch articles; reports articles per
//           second.
//   engine  The extraction engine in this process on --engine_threads
//           threads, no gRPC; the baseline for the stream figure.
// With --server_pid (a server on this machine), stream also reports the
// server's CPU time per article, comparable with engine's CPU per article
// whatever the load generator itself costs.
// The article is --article (proto JSON of attache.v1.Article) repeated up to
// --article_bytes. Not part of ctest: see docs/PERFORMANCE.md.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "attache/v1/extraction_service.grpc.pb.h"
#include "extract/extractor.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "kb/knowledge_base.h"
#include "server/convert.h"

ABSL_FLAG(std::string, target, "localhost:50051", "attache-server address");
ABSL_FLAG(std::string, modes, "unary,stream,engine",
          "comma-separated measurements to run: unary, stream, engine");
ABSL_FLAG(std::string, article, "scripts/demo-article.json",
          "attache.v1.Article as proto JSON");
ABSL_FLAG(int, article_bytes, 5120, "repeat the body up to this many bytes");
ABSL_FLAG(int, rate, 1000, "unary: requests per second");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10),
          "length of each measurement (at most 20s)");
ABSL_FLAG(int, stream_window, 16, "stream: requests in flight");
ABSL_FLAG(int, batch, 1,
          "stream: articles per request (more than 1 sends them as a batch "
          "in StreamExtractRequest.articles)");
ABSL_FLAG(int, engine_threads, 2, "engine: extraction threads");
ABSL_FLAG(int, server_pid, 0,
          "stream: process id of the server, to report its CPU time per "
          "article (0: not reported)");

namespace attache::load {
namespace {

using v1::ExtractContactsRequest;
using v1::ExtractContactsResponse;
using v1::StreamExtractRequest;
using v1::StreamExtractResponse;

v1::Article LoadArticle() {
  std::ifstream file(absl::GetFlag(FLAGS_article));
  std::stringstream json;
  json << file.rdbuf();
  v1::Article article;
  if (!google::protobuf::util::JsonStringToMessage(json.str(), &article).ok()) {
    std::fprintf(stderr, "cannot read %s\n",
                 absl::GetFlag(FLAGS_article).c_str());
    std::exit(2);
  }
  const std::string paragraph = article.body();
  const auto target = static_cast<size_t>(absl::GetFlag(FLAGS_article_bytes));
  while (article.body().size() < target) {
    article.mutable_body()->append("\n\n" + paragraph);
  }
  return article;
}

// One ExtractContacts call; records its latency from `due` and deletes itself.
class UnaryCall final
    : public grpc::ClientReadReactor<ExtractContactsResponse> {
 public:
  UnaryCall(v1::ExtractionService::Stub& stub,
            const ExtractContactsRequest& request, absl::Time due,
            std::vector<absl::Duration>* latencies, std::atomic<int>* failures,
            absl::Mutex* mu, absl::BlockingCounter* done)
      : due_(due),
        latencies_(latencies),
        failures_(failures),
        mu_(mu),
        done_(done) {
    stub.async()->ExtractContacts(&context_, &request, this);
    StartRead(&response_);
    StartCall();
  }

  void OnReadDone(bool ok) override {
    if (ok) {
      StartRead(&response_);
    }
  }

  void OnDone(const grpc::Status& status) override {
    const absl::Duration latency = absl::Now() - due_;
    if (status.ok()) {
      absl::MutexLock lock(mu_);
      latencies_->push_back(latency);
    } else {
      ++*failures_;
    }
    done_->DecrementCount();
    delete this;
  }

 private:
  grpc::ClientContext context_;
  ExtractContactsResponse response_;
  const absl::Time due_;
  std::vector<absl::Duration>* latencies_;
  std::atomic<int>* failures_;
  absl::Mutex* mu_;
  absl::BlockingCounter* done_;
};

// CPU time (user and system) used so far by process `pid`, or -1 when it
// cannot be read.
absl::Duration ProcessCpuTime(int pid) {
  std::ifstream file(absl::StrCat("/proc/", pid, "/stat"));
  std::string stat((std::istreambuf_iterator<char>(file)),
                   std::istreambuf_iterator<char>());
  // The command name (field 2) may hold spaces; fields after it are plain.
  const size_t name_end = stat.rfind(')');
  if (name_end == std::string::npos) {
    return absl::Seconds(-1);
  }
  const std::vector<absl::string_view> fields =
      absl::StrSplit(absl::string_view(stat).substr(name_end + 2), ' ');
  // utime and stime are fields 14 and 15 of the whole line.
  int64_t user_ticks = 0;
  int64_t system_ticks = 0;
  if (fields.size() < 13 || !absl::SimpleAtoi(fields[11], &user_ticks) ||
      !absl::SimpleAtoi(fields[12], &system_ticks)) {
    return absl::Seconds(-1);
  }
  return absl::Seconds(user_ticks + system_ticks) / sysconf(_SC_CLK_TCK);
}

absl::Duration OwnCpuTime() {
  timespec cpu{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
  return absl::DurationFromTimespec(cpu);
}

absl::Duration Percentile(std::vector<absl::Duration>& sorted, double p) {
  if (sorted.empty()) {
    return absl::ZeroDuration();
  }
  const auto index =
      static_cast<size_t>(p * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

void RunUnary(v1::ExtractionService::Stub& stub, const v1::Article& article) {
  ExtractContactsRequest request;
  *request.mutable_article() = article;
  const int rate = absl::GetFlag(FLAGS_rate);
  const absl::Duration duration = absl::GetFlag(FLAGS_duration);
  const int count = static_cast<int>(absl::ToDoubleSeconds(duration) * rate);
  std::vector<absl::Duration> latencies;
  latencies.reserve(count);
  std::atomic<int> failures{0};
  absl::Mutex mu;
  absl::BlockingCounter done(count);
  const absl::Duration interval = absl::Seconds(1) / rate;
  const absl::Time start = absl::Now();
  for (int i = 0; i < count; ++i) {
    const absl::Time due = start + i * interval;
    const absl::Duration wait = due - absl::Now();
    if (wait > absl::ZeroDuration()) {
      absl::SleepFor(wait);
    }
    new UnaryCall(stub, request, due, &latencies, &failures, &mu, &done);
  }
  done.Wait();
  const absl::Duration elapsed = absl::Now() - start;
  std::sort(latencies.begin(), latencies.end());
  std::printf(
      "unary   ExtractContacts %d B article, %d req/s target, %d requests in "
      "%.1f s (%.0f req/s achieved), %d failed\n"
      "        latency p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n",
      static_cast<int>(article.body().size()), rate, count,
      absl::ToDoubleSeconds(elapsed), count / absl::ToDoubleSeconds(elapsed),
      failures.load(), absl::ToDoubleMilliseconds(Percentile(latencies, 0.5)),
      absl::ToDoubleMilliseconds(Percentile(latencies, 0.9)),
      absl::ToDoubleMilliseconds(Percentile(latencies, 0.99)),
      absl::ToDoubleMilliseconds(latencies.empty() ? absl::ZeroDuration()
                                                   : latencies.back()));
}

// A StreamExtract call that keeps `window` requests of `batch` articles in
// flight until `end`, then half-closes and counts the results.
class StreamCall final : public grpc::ClientBidiReactor<StreamExtractRequest,
                                                        StreamExtractResponse> {
 public:
  StreamCall(v1::ExtractionService::Stub& stub, const v1::Article& article,
             int window, int batch, absl::Time end)
      : window_(window), end_(end) {
    if (batch > 1) {
      for (int i = 0; i < batch; ++i) {
        *request_.add_articles() = article;
      }
    } else {
      *request_.mutable_article() = article;
    }
    stub.async()->StreamExtract(&context_, this);
    StartRead(&response_);
    absl::MutexLock lock(&mu_);
    MaybeWriteLocked();
    StartCall();
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (ok) {
      MaybeWriteLocked();
    }
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      return;
    }
    {
      absl::MutexLock lock(&mu_);
      ++answers_;
      if (response_.results_size() == 0) {
        Count(response_);
      }
      for (const StreamExtractResponse& result : response_.results()) {
        Count(result);
      }
      MaybeWriteLocked();
    }
    StartRead(&response_);
  }

  void OnDone(const grpc::Status& status) override {
    absl::MutexLock lock(&mu_);
    status_ = status;
    done_ = true;
  }

  // Waits for the call to end; returns articles answered and errors.
  std::pair<int, int> Wait() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(&done_));
    if (!status_.ok()) {
      std::fprintf(stderr, "stream failed: %s\n",
                   status_.error_message().c_str());
    }
    return {received_, errors_};
  }

 private:
  void Count(const StreamExtractResponse& result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    ++received_;
    if (result.has_error()) {
      ++errors_;
    }
  }

  void MaybeWriteLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (writing_ || closed_) {
      return;
    }
    if (absl::Now() >= end_) {
      closed_ = true;
      StartWritesDone();
      return;
    }
    if (sent_ - answers_ >= window_) {
      return;
    }
    if (request_.articles_size() == 0) {
      request_.mutable_article()->set_id(absl::StrCat("load-", sent_));
    }
    for (int i = 0; i < request_.articles_size(); ++i) {
      request_.mutable_articles(i)->set_id(
          absl::StrCat("load-", sent_, "-", i));
    }
    ++sent_;
    writing_ = true;
    StartWrite(&request_);
  }

  const int window_;
  const absl::Time end_;
  grpc::ClientContext context_;
  StreamExtractRequest request_;
  StreamExtractResponse response_;
  absl::Mutex mu_;
  int sent_ ABSL_GUARDED_BY(mu_) = 0;      // requests
  int answers_ ABSL_GUARDED_BY(mu_) = 0;   // responses
  int received_ ABSL_GUARDED_BY(mu_) = 0;  // article results
  int errors_ ABSL_GUARDED_BY(mu_) = 0;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status status_ ABSL_GUARDED_BY(mu_);
};

void RunStream(v1::ExtractionService::Stub& stub, const v1::Article& article) {
  const int server_pid = absl::GetFlag(FLAGS_server_pid);
  const absl::Duration server_cpu_before =
      server_pid > 0 ? ProcessCpuTime(server_pid) : absl::ZeroDuration();
  const absl::Time start = absl::Now();
  StreamCall call(stub, article, absl::GetFlag(FLAGS_stream_window),
                  absl::GetFlag(FLAGS_batch),
                  start + absl::GetFlag(FLAGS_duration));
  const auto [answered, errors] = call.Wait();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf(
      "stream  StreamExtract window %d, batch %d: %d articles in %.2f s = "
      "%.1f articles/s (%d errors)\n",
      absl::GetFlag(FLAGS_stream_window), absl::GetFlag(FLAGS_batch), answered,
      seconds, answered / seconds, errors);
  if (server_pid > 0 && answered > 0) {
    const absl::Duration server_cpu =
        ProcessCpuTime(server_pid) - server_cpu_before;
    std::printf("        server CPU %.2f s = %.1f us per article\n",
                absl::ToDoubleSeconds(server_cpu),
                absl::ToDoubleMicroseconds(server_cpu / answered));
  }
}

void RunEngine(const v1::Article& article) {
  auto kb = kb::KnowledgeBase::LoadEmbedded();
  if (!kb.ok()) {
    std::fprintf(stderr, "%s\n", kb.status().ToString().c_str());
    return;
  }
  auto extractor = extract::Extractor::Create(*kb);
  if (!extractor.ok()) {
    return;
  }
  const int threads = absl::GetFlag(FLAGS_engine_threads);
  const absl::Time end = absl::Now() + absl::GetFlag(FLAGS_duration);
  std::atomic<int> extracted{0};
  const absl::Duration cpu_before = OwnCpuTime();
  const absl::Time start = absl::Now();
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      const extract::ArticleText text =
          server::ToArticleText(article, "engine");
      while (absl::Now() < end) {
        if ((*extractor)->Extract(text, {}).ok()) {
          ++extracted;
        }
      }
    });
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  const int articles = std::max(1, extracted.load());
  std::printf(
      "engine  in-process, %d threads: %d articles in %.2f s = %.1f "
      "articles/s\n"
      "        CPU %.1f us per article\n",
      threads, extracted.load(), seconds, extracted.load() / seconds,
      absl::ToDoubleMicroseconds((OwnCpuTime() - cpu_before) / articles));
}

}  // namespace
}  // namespace attache::load

int main(int argc, char** argv) {
  // Debian's Abseil is built without NDEBUG, so every Mutex operation would
  // also maintain a lock-order graph; the tests keep that check, the binary
  // does not pay for it on every call.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      "Load generator for attache-server: ExtractContacts latency at a fixed "
      "rate, StreamExtract throughput, and the engine's in-process baseline.");
  absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_duration) > absl::Seconds(20)) {
    std::fprintf(stderr, "--duration is capped at 20s\n");
    return 2;
  }
  if (absl::GetFlag(FLAGS_batch) < 1) {
    std::fprintf(stderr, "--batch must be at least 1\n");
    return 2;
  }
  const attache::v1::Article article = attache::load::LoadArticle();
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(-1);  // batches' answers are large
  auto stub = attache::v1::ExtractionService::NewStub(
      grpc::CreateCustomChannel(absl::GetFlag(FLAGS_target),
                                grpc::InsecureChannelCredentials(), arguments));
  for (const absl::string_view mode :
       absl::StrSplit(absl::GetFlag(FLAGS_modes), ',')) {
    if (mode == "unary") {
      attache::load::RunUnary(*stub, article);
    } else if (mode == "stream") {
      attache::load::RunStream(*stub, article);
    } else if (mode == "engine") {
      attache::load::RunEngine(article);
    } else {
      std::fprintf(stderr, "unknown mode %s\n", std::string(mode).c_str());
      return 2;
    }
  }
  return 0;
}
