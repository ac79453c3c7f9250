#include "kb/registry.h"

#include <utility>

namespace attache::kb {

KnowledgeBaseRegistry::Source KnowledgeBaseRegistry::EmbeddedSource() {
  return &KnowledgeBase::LoadEmbedded;
}

KnowledgeBaseRegistry::Source KnowledgeBaseRegistry::DirectorySource(
    std::string dir) {
  return
      [dir = std::move(dir)] { return KnowledgeBase::LoadFromDirectory(dir); };
}

absl::StatusOr<std::unique_ptr<KnowledgeBaseRegistry>>
KnowledgeBaseRegistry::Create(Source source) {
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> first = source();
  if (!first.ok()) {
    return first.status();
  }
  return std::unique_ptr<KnowledgeBaseRegistry>(
      new KnowledgeBaseRegistry(std::move(source), *std::move(first)));
}

KnowledgeBaseRegistry::KnowledgeBaseRegistry(
    Source source, std::shared_ptr<const KnowledgeBase> first)
    : source_(std::move(source)),
      current_(std::move(first)),
      load_time_(absl::Now()) {}

std::shared_ptr<const KnowledgeBase> KnowledgeBaseRegistry::Current() const {
  absl::MutexLock lock(&mutex_);
  return current_;
}

absl::Time KnowledgeBaseRegistry::LoadTime() const {
  absl::MutexLock lock(&mutex_);
  return load_time_;
}

absl::StatusOr<std::shared_ptr<const KnowledgeBase>>
KnowledgeBaseRegistry::Reload() {
  absl::MutexLock reload_lock(&reload_mutex_);
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> loaded = source_();
  if (!loaded.ok()) {
    return loaded.status();
  }
  std::shared_ptr<const KnowledgeBase> previous;
  {
    absl::MutexLock lock(&mutex_);
    previous = std::exchange(current_, *loaded);
    load_time_ = absl::Now();
  }
  // `previous` is released here, outside the lock: if this was the last
  // reference, destroying a whole knowledge base must not block readers.
  return loaded;
}

}  // namespace attache::kb
