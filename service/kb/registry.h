// KnowledgeBaseRegistry: the knowledge base a server currently uses, and
// reloads of it without a restart.
//
// Current() hands out a shared_ptr to the instance in use; Reload() loads a
// new instance from the registry's source and swaps it in atomically only if
// it loaded and validated, otherwise the old one stays. Callers that took the
// old pointer keep using it until they drop it, so a request in flight
// finishes on the knowledge base it started with.
//
// Thread safety: all methods are thread-safe. Current() never blocks on a
// reload in progress (loading happens outside the lock); concurrent Reload()
// calls run one at a time.
#ifndef ATTACHE_KB_REGISTRY_H_
#define ATTACHE_KB_REGISTRY_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kb/knowledge_base.h"

namespace attache::kb {

class KnowledgeBaseRegistry {
 public:
  using Source =
      std::function<absl::StatusOr<std::shared_ptr<const KnowledgeBase>>()>;

  // Sources: the data compiled into the binary, or a data directory.
  static Source EmbeddedSource();
  static Source DirectorySource(std::string dir);

  // Loads the first instance from `source`; fails if that load fails.
  static absl::StatusOr<std::unique_ptr<KnowledgeBaseRegistry>> Create(
      Source source);

  KnowledgeBaseRegistry(const KnowledgeBaseRegistry&) = delete;
  KnowledgeBaseRegistry& operator=(const KnowledgeBaseRegistry&) = delete;

  // The instance in use; never null.
  std::shared_ptr<const KnowledgeBase> Current() const;
  // When Current() was loaded.
  absl::Time LoadTime() const;

  // Loads from the source again and, on success, makes the result current
  // and returns it. On failure (FAILED_PRECONDITION with FILE:LINE for data
  // that does not validate) the current instance stays.
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> Reload();

 private:
  KnowledgeBaseRegistry(Source source,
                        std::shared_ptr<const KnowledgeBase> first);

  const Source source_;
  absl::Mutex reload_mutex_;  // one reload at a time
  mutable absl::Mutex mutex_;
  std::shared_ptr<const KnowledgeBase> current_ ABSL_GUARDED_BY(mutex_);
  absl::Time load_time_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace attache::kb

#endif  // ATTACHE_KB_REGISTRY_H_
