// The Attaché gRPC server: ExtractionService and AdminService, the standard
// grpc.health.v1 and reflection services, and Prometheus metrics on a
// separate HTTP port. main.cc wraps it with flags and signal handling; tests
// start it in-process on an ephemeral port.
//
// Thread safety: every method may be called from any thread. Shutdown() may
// be called more than once; the destructor shuts down without a grace period
// if Shutdown() was not called.
#ifndef ATTACHE_SERVER_SERVER_H_
#define ATTACHE_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "attache/v1/admin_service.pb.h"
#include "grpcpp/server.h"
#include "prometheus/exposer.h"
#include "server/admin_service.h"
#include "server/engine.h"
#include "server/extraction_service.h"
#include "server/log.h"
#include "server/metrics.h"
#include "server/worker_pool.h"
#include "store/contact_store.h"

namespace attache::server {

struct ServerOptions {
  // host:port to serve gRPC on; port 0 picks a free port (see port()).
  std::string listen_address = "localhost:50051";
  // Extraction threads; 0 means one per hardware thread.
  int workers = 0;
  // Largest article (title plus body) accepted, in bytes.
  size_t max_article_bytes = size_t{1} << 20;
  // Extraction calls served at once.
  int max_concurrent_streams = 64;
  // Requests (an article or a batch each) a StreamExtract call may have read
  // and not yet answered; 0 means twice the number of workers.
  int stream_window = 0;
  // Articles one StreamExtract request may carry.
  int max_batch_articles = 1024;
  // HTTP/2 keepalive pings: interval, and how long to wait for the answer.
  absl::Duration keepalive_time = absl::Minutes(2);
  absl::Duration keepalive_timeout = absl::Seconds(20);
  // Knowledge-base directory; empty means the data embedded in the binary.
  std::string kb_path;
  // Contact store every extraction is written to (store/contact_store.h:
  // sqlite:PATH or sqlite::memory:); empty disables storing.
  std::string store_url;
  // host:port for the Prometheus /metrics endpoint; empty disables it.
  std::string metrics_listen;
  LogFormat log_format = LogFormat::kText;
};

class Server {
 public:
  // Loads the knowledge base, opens the contact store and starts serving.
  // Errors: the knowledge base failed to load, the store could not be opened,
  // or an address could not be bound.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerOptions& options);

  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound gRPC port and Prometheus port (0 when metrics are disabled).
  int port() const { return port_; }
  int metrics_port() const { return metrics_port_; }

  // Drains and stops: health turns NOT_SERVING and new extraction calls fail
  // with UNAVAILABLE; extraction calls under way get up to `grace` to finish;
  // then the server stops listening and cancels every call still open.
  // Returns when every call ended.
  void Shutdown(absl::Duration grace);

  // Reloads the knowledge base (as AdminService.ReloadKnowledgeBase does).
  absl::StatusOr<v1::ReloadKnowledgeBaseResponse> ReloadKnowledgeBase();

  const Metrics& metrics() const { return metrics_; }

 private:
  Server(const ServerOptions& options, std::unique_ptr<Engine> engine,
         std::unique_ptr<store::ContactStore> store, int workers);

  // Members are destroyed bottom-up: the gRPC server first, then the worker
  // pool (finishing tasks that still refer to the services), then the rest.
  const ServerOptions options_;
  Metrics metrics_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<store::ContactStore> store_;  // null when not storing
  ExtractionService extraction_service_;
  AdminService admin_service_;
  WorkerPool pool_;
  std::unique_ptr<grpc::Server> grpc_server_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_ = 0;
  int metrics_port_ = 0;

  absl::Mutex shutdown_mu_;
  bool shut_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
};

}  // namespace attache::server

#endif  // ATTACHE_SERVER_SERVER_H_
