#include "server/admin_service.h"

#include <memory>
#include <utility>

#include "google/protobuf/util/time_util.h"
#include "server/article_request.h"
#include "server/call_record.h"

namespace attache::server {

const char* ServerVersion() { return ATTACHE_VERSION; }

AdminService::AdminService(Engine* engine, Metrics* metrics,
                           LogFormat log_format, absl::Time start_time)
    : engine_(engine),
      metrics_(metrics),
      log_format_(log_format),
      start_time_(start_time) {}

grpc::ServerUnaryReactor* AdminService::ReloadKnowledgeBase(
    grpc::CallbackServerContext* context,
    const v1::ReloadKnowledgeBaseRequest* /*request*/,
    v1::ReloadKnowledgeBaseResponse* response) {
  CallRecord record("ReloadKnowledgeBase", *context, metrics_, log_format_);
  // Loading takes a fraction of a second and happens rarely, so it runs on the
  // gRPC callback thread rather than on the extraction workers.
  absl::StatusOr<v1::ReloadKnowledgeBaseResponse> reloaded = engine_->Reload();
  grpc::Status status = ToGrpcStatus(reloaded.status());
  if (reloaded.ok()) *response = *std::move(reloaded);
  record.Finish(status.error_code(), 0);
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

grpc::ServerUnaryReactor* AdminService::GetServerInfo(
    grpc::CallbackServerContext* context,
    const v1::GetServerInfoRequest* /*request*/,
    v1::GetServerInfoResponse* response) {
  CallRecord record("GetServerInfo", *context, metrics_, log_format_);
  response->set_server_version(ServerVersion());
  response->set_engine_version(extract::Extractor::EngineVersion());
  *response->mutable_knowledge_base() = engine_->current()->knowledge_base;
  *response->mutable_start_time() =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
          absl::ToUnixNanos(start_time_));
  record.Finish(grpc::StatusCode::OK, 0);
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace attache::server
