#include "server/worker_pool.h"

#include <atomic>
#include <vector>

#include "absl/synchronization/barrier.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace attache::server {
namespace {

TEST(WorkerPoolTest, RunsTasksOnAllWorkersAtOnce) {
  constexpr int kThreads = 3;
  WorkerPool pool(kThreads);
  EXPECT_EQ(pool.size(), kThreads);
  // Each task waits for the others: this only finishes if all run at once.
  auto* barrier = new absl::Barrier(kThreads + 1);
  for (int i = 0; i < kThreads; ++i) {
    pool.Schedule([barrier] {
      if (barrier->Block()) delete barrier;
    });
  }
  if (barrier->Block()) delete barrier;
}

TEST(WorkerPoolTest, QueuesTasksBeyondTheWorkersAndCountsThem) {
  WorkerPool pool(1);
  absl::Notification release;
  absl::Notification started;
  pool.Schedule([&] {
    started.Notify();
    release.WaitForNotification();
  });
  started.WaitForNotification();
  std::atomic<int> ran{0};
  for (int i = 0; i < 4; ++i) pool.Schedule([&ran] { ++ran; });
  EXPECT_EQ(pool.queue_depth(), 4u);
  release.Notify();
  while (ran.load() < 4) absl::SleepFor(absl::Milliseconds(1));
  EXPECT_EQ(pool.queue_depth(), 0u);
}

TEST(WorkerPoolTest, DestructorRunsEveryScheduledTask) {
  std::vector<int> order;
  {
    WorkerPool pool(1);
    for (int i = 0; i < 50; ++i)
      pool.Schedule([&order, i] { order.push_back(i); });
  }
  ASSERT_EQ(order.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(order[i], i);  // FIFO on one worker
}

}  // namespace
}  // namespace attache::server
