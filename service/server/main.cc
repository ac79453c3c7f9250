// attache-server: serves ExtractionService and AdminService over gRPC.
//
// Signals are handled by the main thread with sigwait (never inside a signal
// handler): SIGTERM and SIGINT drain and stop the server, SIGHUP reloads the
// knowledge base.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "google/protobuf/stubs/logging.h"
#include "server/admin_service.h"
#include "server/log.h"
#include "server/server.h"

ABSL_FLAG(std::string, listen, "localhost:50051",
          "host:port to serve gRPC on (port 0 picks a free port)");
ABSL_FLAG(int, workers, 0,
          "extraction worker threads; 0 means one per hardware thread");
ABSL_FLAG(int64_t, max_article_bytes, int64_t{1} << 20,
          "largest article (title plus body) accepted, in bytes");
ABSL_FLAG(int, max_concurrent_streams, 64,
          "extraction calls served at once; more get RESOURCE_EXHAUSTED");
ABSL_FLAG(int, stream_window, 0,
          "StreamExtract requests (an article or a batch each) one call "
          "may have read and not yet answered; 0 means twice --workers");
ABSL_FLAG(int, max_batch_articles, 1024,
          "articles one StreamExtract request may carry in a batch");
ABSL_FLAG(absl::Duration, keepalive_time, absl::Minutes(2),
          "interval of HTTP/2 keepalive pings to idle clients");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "how long to wait for a keepalive ping's answer");
ABSL_FLAG(std::string, kb_path, "",
          "knowledge-base directory (see service/kb/data/README.md); empty "
          "uses the data embedded in the binary");
ABSL_FLAG(std::string, store_url, "sqlite:attache.db",
          "contact store every extraction is written to: sqlite:PATH (created "
          "if missing) or sqlite::memory:; empty disables storing");
ABSL_FLAG(std::string, metrics_listen, "localhost:9464",
          "host:port for the Prometheus /metrics endpoint; empty disables it");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "on SIGTERM/SIGINT, how long calls under way may take to finish");
ABSL_FLAG(std::string, log_format, "text",
          "format of the log lines on stderr: text (key=value) or json");

namespace attache::server {
namespace {

LogFormat g_log_format = LogFormat::kText;

// Protobuf's own messages (e.g. about invalid UTF-8 in a request, which the
// service answers itself) go out as structured lines too.
void LogProtobufMessage(google::protobuf::LogLevel level, const char* filename,
                        int line, const std::string& message) {
  Log(g_log_format, "protobuf",
      {{"level", level >= google::protobuf::LOGLEVEL_ERROR ? "error" : "info"},
       {"source", absl::StrCat(filename, ":", line)},
       {"message", message}});
}

int Run() {
  if (!ParseLogFormat(absl::GetFlag(FLAGS_log_format), &g_log_format)) {
    std::fprintf(stderr, "attache-server: --log_format must be text or json\n");
    return 2;
  }
  google::protobuf::SetLogHandler(&LogProtobufMessage);

  // Block the signals before any thread starts so that every thread inherits
  // the mask and only sigwait() below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  options.workers = absl::GetFlag(FLAGS_workers);
  options.max_article_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_article_bytes));
  options.max_concurrent_streams = absl::GetFlag(FLAGS_max_concurrent_streams);
  options.stream_window = absl::GetFlag(FLAGS_stream_window);
  options.max_batch_articles = absl::GetFlag(FLAGS_max_batch_articles);
  if (options.max_batch_articles < 1) {
    std::fprintf(stderr,
                 "attache-server: --max_batch_articles must be at least 1\n");
    return 2;
  }
  options.keepalive_time = absl::GetFlag(FLAGS_keepalive_time);
  options.keepalive_timeout = absl::GetFlag(FLAGS_keepalive_timeout);
  options.kb_path = absl::GetFlag(FLAGS_kb_path);
  options.store_url = absl::GetFlag(FLAGS_store_url);
  options.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  options.log_format = g_log_format;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  if (!server.ok()) {
    Log(g_log_format, "start_failed",
        {{"error", std::string(server.status().message())}});
    return 1;
  }

  while (true) {
    int signal = 0;
    if (sigwait(&signals, &signal) != 0) {
      continue;
    }
    if (signal == SIGHUP) {
      (*server)->ReloadKnowledgeBase().IgnoreError();  // logged by the server
      continue;
    }
    Log(g_log_format, "signal", {{"signal", strsignal(signal)}});
    (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
    return 0;
  }
}

}  // namespace
}  // namespace attache::server

int main(int argc, char** argv) {
  // Debian's Abseil is built without NDEBUG, so every Mutex operation would
  // also maintain a lock-order graph; the tests keep that check, the binary
  // does not pay for it on every call.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      "Serves Attaché's ExtractionService and AdminService over gRPC, with "
      "grpc.health.v1, server reflection and Prometheus metrics.\n"
      "Usage: attache-server [--listen=localhost:50051] [flags]");
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::StrContains(file, "service/server/");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  usage.version_string = [] {
    return std::string("attache-server ") + attache::server::ServerVersion() +
           "\n";
  };
  absl::SetFlagsUsageConfig(usage);
  absl::ParseCommandLine(argc, argv);
  return attache::server::Run();
}
