#include "server/engine.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "kb/knowledge_base.h"

namespace attache::server {

Engine::Engine(std::unique_ptr<kb::KnowledgeBaseRegistry> registry,
               std::shared_ptr<const Snapshot> snapshot)
    : registry_(std::move(registry)), current_(std::move(snapshot)) {}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Load(
    const std::string& kb_path) {
  absl::StatusOr<std::unique_ptr<kb::KnowledgeBaseRegistry>> registry =
      kb::KnowledgeBaseRegistry::Create(
          kb_path.empty()
              ? kb::KnowledgeBaseRegistry::EmbeddedSource()
              : kb::KnowledgeBaseRegistry::DirectorySource(kb_path));
  if (!registry.ok()) return registry.status();
  absl::StatusOr<std::shared_ptr<const Snapshot>> snapshot =
      MakeSnapshot((*registry)->Current(), (*registry)->LoadTime());
  if (!snapshot.ok()) return snapshot.status();
  return std::unique_ptr<Engine>(
      new Engine(*std::move(registry), *std::move(snapshot)));
}

absl::StatusOr<std::shared_ptr<const Engine::Snapshot>> Engine::MakeSnapshot(
    std::shared_ptr<const kb::KnowledgeBase> kb, absl::Time load_time) {
  auto snapshot = std::make_shared<Snapshot>();
  v1::KnowledgeBaseInfo& info = snapshot->knowledge_base;
  info.set_version(kb->version());
  info.set_source(kb->source());
  *info.mutable_load_time() =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
          absl::ToUnixNanos(load_time));
  info.set_state_count(static_cast<int32_t>(kb->states().size()));
  info.set_organization_count(static_cast<int32_t>(kb->organizations().size()));
  info.set_person_count(static_cast<int32_t>(kb->people().size()));
  info.set_place_count(static_cast<int32_t>(kb->places().size()));
  absl::StatusOr<std::unique_ptr<extract::Extractor>> extractor =
      extract::Extractor::Create(std::move(kb));
  if (!extractor.ok()) return extractor.status();
  snapshot->extractor = *std::move(extractor);
  return snapshot;
}

std::shared_ptr<const Engine::Snapshot> Engine::current() const {
  absl::MutexLock lock(&mu_);
  return current_;
}

absl::StatusOr<v1::ReloadKnowledgeBaseResponse> Engine::Reload() {
  absl::MutexLock reload_lock(&reload_mu_);
  const std::shared_ptr<const Snapshot> previous = current();
  absl::StatusOr<std::shared_ptr<const Snapshot>> loaded;
  absl::StatusOr<std::shared_ptr<const kb::KnowledgeBase>> kb =
      registry_->Reload();
  if (kb.ok()) {
    loaded = MakeSnapshot(*std::move(kb), registry_->LoadTime());
  } else {
    loaded = kb.status();
  }
  if (!loaded.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "knowledge base reload failed, still using version ",
        previous->knowledge_base.version(), ": ", loaded.status().message()));
  }
  v1::ReloadKnowledgeBaseResponse response;
  response.set_previous_version(previous->knowledge_base.version());
  *response.mutable_knowledge_base() = (*loaded)->knowledge_base;
  absl::MutexLock lock(&mu_);
  current_ = *std::move(loaded);
  return response;
}

}  // namespace attache::server
