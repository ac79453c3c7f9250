// attache.v1.AdminService: knowledge-base reloads and server information.
//
// Thread safety: the service is called concurrently by gRPC's callback
// threads; it holds no mutable state of its own (the Engine serialises
// reloads).
#ifndef ATTACHE_SERVER_ADMIN_SERVICE_H_
#define ATTACHE_SERVER_ADMIN_SERVICE_H_

#include "absl/time/time.h"
#include "attache/v1/admin_service.grpc.pb.h"
#include "server/engine.h"
#include "server/log.h"
#include "server/metrics.h"

namespace attache::server {

class AdminService final : public v1::AdminService::CallbackService {
 public:
  // `engine` and `metrics` must outlive the service.
  AdminService(Engine* engine, Metrics* metrics, LogFormat log_format,
               absl::Time start_time);

  grpc::ServerUnaryReactor* ReloadKnowledgeBase(
      grpc::CallbackServerContext* context,
      const v1::ReloadKnowledgeBaseRequest* request,
      v1::ReloadKnowledgeBaseResponse* response) override;

  grpc::ServerUnaryReactor* GetServerInfo(
      grpc::CallbackServerContext* context,
      const v1::GetServerInfoRequest* request,
      v1::GetServerInfoResponse* response) override;

 private:
  Engine* const engine_;
  Metrics* const metrics_;
  const LogFormat log_format_;
  const absl::Time start_time_;
};

// Version of the server build.
const char* ServerVersion();

}  // namespace attache::server

#endif  // ATTACHE_SERVER_ADMIN_SERVICE_H_
