#include "server/server.h"

#include <algorithm>
#include <climits>
#include <exception>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc_health/v1/health.pb.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace attache::server {
namespace {

// gRPC refuses messages above this size outright (the whole call fails with
// RESOURCE_EXHAUSTED). It is kept well above --max_article_bytes so that a
// moderately oversized article gets a per-article error naming the limit and,
// in StreamExtract, the stream goes on.
int GrpcMessageLimit(size_t max_article_bytes) {
  constexpr size_t kFloor = size_t{4} << 20;
  constexpr size_t kEnvelope = size_t{64} << 10;  // ids, title, options
  const size_t limit = std::max(kFloor, 2 * max_article_bytes + kEnvelope);
  return static_cast<int>(std::min<size_t>(limit, INT_MAX));
}

int WorkerCount(int requested) {
  if (requested > 0) {
    return requested;
  }
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

ExtractionServiceOptions ServiceOptions(const ServerOptions& options,
                                        int workers) {
  ExtractionServiceOptions service;
  service.max_article_bytes = options.max_article_bytes;
  service.max_concurrent_streams = options.max_concurrent_streams;
  service.max_batch_articles = options.max_batch_articles;
  service.stream_window =
      options.stream_window > 0 ? options.stream_window : 2 * workers;
  service.log_format = options.log_format;
  return service;
}

}  // namespace

Server::Server(const ServerOptions& options, std::unique_ptr<Engine> engine,
               std::unique_ptr<store::ContactStore> store, int workers)
    : options_(options),
      engine_(std::move(engine)),
      store_(std::move(store)),
      extraction_service_(ServiceOptions(options, workers), engine_.get(),
                          &pool_, &metrics_, store_.get()),
      admin_service_(engine_.get(), &metrics_, options.log_format, absl::Now()),
      pool_(workers) {}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    const ServerOptions& options) {
  absl::StatusOr<std::unique_ptr<Engine>> engine =
      Engine::Load(options.kb_path);
  if (!engine.ok()) {
    return engine.status();
  }
  std::unique_ptr<store::ContactStore> store;
  if (!options.store_url.empty()) {
    absl::StatusOr<std::unique_ptr<store::ContactStore>> opened =
        store::ContactStore::Open(options.store_url);
    if (!opened.ok()) {
      return absl::Status(
          opened.status().code(),
          absl::StrCat("could not open the contact store (--store_url): ",
                       opened.status().message()));
    }
    store = *std::move(opened);
  }
  const int workers = WorkerCount(options.workers);
  std::unique_ptr<Server> server(
      new Server(options, *std::move(engine), std::move(store), workers));

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen_address,
                           grpc::InsecureServerCredentials(), &server->port_);
  builder.RegisterService(&server->extraction_service_);
  builder.RegisterService(&server->admin_service_);
  builder.SetMaxReceiveMessageSize(GrpcMessageLimit(options.max_article_bytes));
  builder.AddChannelArgument(
      GRPC_ARG_KEEPALIVE_TIME_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.keepalive_time)));
  builder.AddChannelArgument(
      GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.keepalive_timeout)));
  // Without BDP probing HTTP/2 windows stay at their configured size instead
  // of growing to megabytes per stream: a StreamExtract client that does not
  // read is then stopped after a window's worth of bytes beyond the
  // --stream_window requests the service holds.
  builder.AddChannelArgument(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  server->grpc_server_ = builder.BuildAndStart();
  if (server->grpc_server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("could not listen on ", options.listen_address,
                     " (--listen): the address is invalid or in use"));
  }
  // gRPC's built-in health service carries no descriptor; touching the
  // generated one registers it, so reflection (grpcurl) can describe it.
  grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::HealthCheckServiceInterface* health =
      server->grpc_server_->GetHealthCheckService();
  health->SetServingStatus(v1::ExtractionService::service_full_name(), true);
  health->SetServingStatus(v1::AdminService::service_full_name(), true);

  if (!options.metrics_listen.empty()) {
    // prometheus-cpp reports a failure to bind by throwing.
    try {
      server->exposer_ =
          std::make_unique<prometheus::Exposer>(options.metrics_listen);
    } catch (const std::exception& e) {
      return absl::UnavailableError(
          absl::StrCat("could not serve metrics on ", options.metrics_listen,
                       " (--metrics_listen): ", e.what()));
    }
    server->exposer_->RegisterCollectable(server->metrics_.registry());
    server->metrics_port_ = server->exposer_->GetListeningPorts().front();
  }
  const Engine::Snapshot& snapshot = *server->engine_->current();
  Log(options.log_format, "serving",
      {{"port", server->port_},
       {"metrics_port", server->metrics_port_},
       {"workers", workers},
       {"store", options.store_url.empty() ? "off" : options.store_url},
       {"kb_version", snapshot.knowledge_base.version()},
       {"kb_source", snapshot.knowledge_base.source()},
       {"engine_version", extract::Extractor::EngineVersion()}});
  return server;
}

Server::~Server() { Shutdown(absl::ZeroDuration()); }

void Server::Shutdown(absl::Duration grace) {
  absl::MutexLock lock(&shutdown_mu_);
  if (shut_down_ || grpc_server_ == nullptr) {
    return;
  }
  shut_down_ = true;
  Log(options_.log_format, "draining",
      {{"grace_s", absl::ToDoubleSeconds(grace)}});
  extraction_service_.StartDraining();
  // Every service reports NOT_SERVING from now on (watchers are told) while
  // the server still answers health checks and refuses new extraction calls
  // with UNAVAILABLE.
  grpc_server_->GetHealthCheckService()->Shutdown();
  const bool drained = extraction_service_.WaitUntilIdle(absl::Now() + grace);
  // Stops listening and cancels whatever still runs: extraction calls past
  // the grace period, and health watches, which never end on their own.
  grpc_server_->Shutdown(absl::ToChronoTime(absl::Now()));
  grpc_server_->Wait();
  Log(options_.log_format, "stopped",
      {{"drained", drained ? "true" : "false"}});
}

absl::StatusOr<v1::ReloadKnowledgeBaseResponse> Server::ReloadKnowledgeBase() {
  absl::StatusOr<v1::ReloadKnowledgeBaseResponse> reloaded = engine_->Reload();
  if (reloaded.ok()) {
    Log(options_.log_format, "kb_reloaded",
        {{"previous_version", reloaded->previous_version()},
         {"version", reloaded->knowledge_base().version()}});
  } else {
    Log(options_.log_format, "kb_reload_failed",
        {{"error", std::string(reloaded.status().message())}});
  }
  return reloaded;
}

}  // namespace attache::server
