// A fixed-size pool of threads that runs closures in the order they were
// scheduled. The extraction service runs every extraction on it, so the number
// of articles processed at once never exceeds the number of workers, whatever
// the number of calls.
//
// Thread safety: Schedule() and queue_depth() may be called from any thread,
// including from a running task. The destructor runs every task already
// scheduled, then joins the threads; nothing may call Schedule() once the
// destructor has started.
#ifndef ATTACHE_SERVER_WORKER_POOL_H_
#define ATTACHE_SERVER_WORKER_POOL_H_

#include <cstddef>
#include <deque>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace attache::server {

class WorkerPool {
 public:
  // Starts `threads` worker threads; `threads` must be at least 1.
  explicit WorkerPool(int threads);
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` to run on one of the workers.
  void Schedule(absl::AnyInvocable<void() &&> task);

  // Number of tasks waiting for a worker (not counting running ones).
  size_t queue_depth() const;

  int size() const { return static_cast<int>(threads_.size()); }

 private:
  void RunWorker();

  mutable absl::Mutex mu_;
  std::deque<absl::AnyInvocable<void() &&>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace attache::server

#endif  // ATTACHE_SERVER_WORKER_POOL_H_
