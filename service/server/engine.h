// The extraction engine in use: an Extractor built over the knowledge base
// that the kb::KnowledgeBaseRegistry holds, with a description of that
// knowledge base. Reload() reloads the registry, builds a new Extractor over
// the new knowledge base and swaps both in at once; a call that already holds a
// Snapshot finishes on it, so a reload never changes an extraction under way.
//
// Thread safety: every method may be called from any thread. Reloads are
// serialised; current() never waits for a reload to finish loading.
#ifndef ATTACHE_SERVER_ENGINE_H_
#define ATTACHE_SERVER_ENGINE_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "attache/v1/admin_service.pb.h"
#include "extract/extractor.h"
#include "kb/registry.h"

namespace attache::server {

class Engine {
 public:
  // An extractor and the knowledge base it uses; immutable.
  struct Snapshot {
    std::shared_ptr<const extract::Extractor> extractor;
    v1::KnowledgeBaseInfo knowledge_base;
  };

  // Loads the knowledge base from the directory `kb_path`, or the data
  // embedded in the binary when `kb_path` is empty.
  static absl::StatusOr<std::unique_ptr<Engine>> Load(
      const std::string& kb_path);

  // The snapshot new calls should use.
  std::shared_ptr<const Snapshot> current() const;

  // Loads the knowledge base again and swaps it in. On failure the current
  // snapshot stays and the error is FAILED_PRECONDITION naming the cause.
  absl::StatusOr<v1::ReloadKnowledgeBaseResponse> Reload();

 private:
  Engine(std::unique_ptr<kb::KnowledgeBaseRegistry> registry,
         std::shared_ptr<const Snapshot> snapshot);

  // An extractor over `kb`, described with its load time.
  static absl::StatusOr<std::shared_ptr<const Snapshot>> MakeSnapshot(
      std::shared_ptr<const kb::KnowledgeBase> kb, absl::Time load_time);

  absl::Mutex reload_mu_;  // serialises Reload(); held while loading
  const std::unique_ptr<kb::KnowledgeBaseRegistry> registry_;
  mutable absl::Mutex mu_;
  std::shared_ptr<const Snapshot> current_ ABSL_GUARDED_BY(mu_);
};

}  // namespace attache::server

#endif  // ATTACHE_SERVER_ENGINE_H_
