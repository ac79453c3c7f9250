#include "kb/registry.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kb/test_util.h"

namespace attache::kb {
namespace {

using ::testing::HasSubstr;

TEST(RegistryTest, ReloadSwapsOnSuccessAndKeepsTheOldOnFailure) {
  const std::filesystem::path dir = testing::CopyOfFixture();
  absl::StatusOr<std::unique_ptr<KnowledgeBaseRegistry>> registry =
      KnowledgeBaseRegistry::Create(
          KnowledgeBaseRegistry::DirectorySource(dir.string()));
  ASSERT_TRUE(registry.ok()) << registry.status();
  const std::shared_ptr<const KnowledgeBase> first = (*registry)->Current();
  const size_t places = first->places().size();

  testing::AppendLine(dir / "places.tsv", "Sochi\tRUS\tcity\t\t");
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> second =
      (*registry)->Reload();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ((*registry)->Current(), *second);
  EXPECT_NE((*second)->version(), first->version());
  EXPECT_EQ((*second)->places().size(), places + 1);
  // A holder of the old instance still sees the old data.
  EXPECT_EQ(first->places().size(), places);

  const int bad = testing::AppendLine(dir / "places.tsv", "Sochi\tRUX\t\t\t");
  const absl::StatusOr<std::shared_ptr<const KnowledgeBase>> failed =
      (*registry)->Reload();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(failed.status().message(),
              HasSubstr("places.tsv:" + std::to_string(bad) + ": "));
  EXPECT_EQ((*registry)->Current(), *second);
}

TEST(RegistryTest, CreateFailsWhenTheFirstLoadFails) {
  const absl::StatusOr<std::unique_ptr<KnowledgeBaseRegistry>> registry =
      KnowledgeBaseRegistry::Create(
          KnowledgeBaseRegistry::DirectorySource("/nonexistent/kb"));
  EXPECT_EQ(registry.status().code(), absl::StatusCode::kNotFound);
}

// Readers running during reloads always see a whole instance: its version
// matches its content, old or new, never a mix.
TEST(RegistryTest, ConcurrentReadersSeeWholeInstances) {
  const std::filesystem::path small = testing::CopyOfFixture("_small");
  const std::filesystem::path large = testing::CopyOfFixture("_large");
  testing::AppendLine(large / "places.tsv", "Sochi\tRUS\tcity\t\t");
  const auto load = [](const std::filesystem::path& dir) {
    return *KnowledgeBase::LoadFromDirectory(dir.string());
  };
  const std::string small_version = load(small)->version();
  const std::string large_version = load(large)->version();
  const size_t small_places = load(small)->places().size();

  std::atomic<int> calls = 0;
  absl::StatusOr<std::unique_ptr<KnowledgeBaseRegistry>> registry =
      KnowledgeBaseRegistry::Create([&] {
        // Every third load fails; the others alternate the two data sets.
        const int call = calls++;
        if (call % 3 == 2) {
          return KnowledgeBase::LoadFromDirectory("/nonexistent/kb");
        }
        return KnowledgeBase::LoadFromDirectory(
            (call % 2 == 0 ? small : large).string());
      });
  ASSERT_TRUE(registry.ok()) << registry.status();

  std::atomic<bool> done = false;
  std::atomic<int> torn = 0;
  std::atomic<int> reads = 0;
  constexpr int kReaders = 4;
  std::vector<std::thread> readers;
  readers.reserve(kReaders);
  for (int i = 0; i < kReaders; ++i) {
    readers.emplace_back([&] {
      while (!done) {
        const std::shared_ptr<const KnowledgeBase> kb = (*registry)->Current();
        const size_t expected =
            kb->version() == small_version ? small_places : small_places + 1;
        const bool known =
            kb->version() == small_version || kb->version() == large_version;
        if (!known || kb->places().size() != expected ||
            kb->FindMentions("Wang Yi in Beijing").size() != 2) {
          ++torn;
        }
        ++reads;
      }
    });
  }
  int failures = 0;
  for (int i = 0; i < 12; ++i) {
    // Every reload overlaps reads, even when the machine is busy.
    const int reads_before = reads;
    while (reads == reads_before) std::this_thread::yield();
    const std::shared_ptr<const KnowledgeBase> before = (*registry)->Current();
    if (!(*registry)->Reload().ok()) {
      ++failures;
      EXPECT_EQ((*registry)->Current(), before);
    }
  }
  done = true;
  for (std::thread& reader : readers) {
    reader.join();
  }
  EXPECT_EQ(torn, 0);
  EXPECT_GE(reads, 12);
  EXPECT_EQ(failures, 4);
}

}  // namespace
}  // namespace attache::kb
