#include "store/contact_store.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "extract/contact.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::store {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

extract::Participant Person(const std::string& name, const std::string& code,
                            extract::ParticipantRole role) {
  extract::Participant participant;
  participant.actor.name = name;
  participant.actor.country_code = code;
  participant.actor.mention = name;
  participant.role = role;
  return participant;
}

// A contact between two invented officials; `id` keeps it apart.
extract::Contact MakeContact(const std::string& id, extract::ContactKind kind,
                             extract::ContactStatus status) {
  extract::Contact contact;
  contact.id = id;
  contact.kind = kind;
  contact.status = status;
  contact.participants = {
      Person("Ilse Varmdal", "NOR", extract::ParticipantRole::kVisitor),
      Person("Tomas Okonjo", "KEN", extract::ParticipantRole::kHost)};
  contact.time = {.text = "on Tuesday",
                  .granularity = extract::TimeGranularity::kDay,
                  .start = absl::CivilDay(2023, 11, 14),
                  .end = absl::CivilDay(2023, 11, 14)};
  contact.location.city = "Mombasa";
  contact.evidence = {{.sentence = "Varmdal met Okonjo in Mombasa."}};
  contact.confidence = 0.8;
  return contact;
}

std::vector<extract::Contact> ThreeContacts() {
  return {MakeContact("c-meet", extract::ContactKind::kMeeting,
                      extract::ContactStatus::kOccurred),
          MakeContact("c-call", extract::ContactKind::kCall,
                      extract::ContactStatus::kOccurred),
          MakeContact("c-visit", extract::ContactKind::kVisit,
                      extract::ContactStatus::kPlanned)};
}

ArticleMetadata Article(absl::string_view id) {
  return {.id = id,
          .title = "Norway and Kenya talk fisheries",
          .published = absl::CivilDay(2023, 11, 15),
          .source = "Coastal Wire",
          .url = "https://example.org/coast/1"};
}

std::vector<std::string> Ids(const std::vector<StoredContact>& contacts) {
  std::vector<std::string> ids;
  ids.reserve(contacts.size());
  for (const StoredContact& contact : contacts) ids.push_back(contact.id);
  return ids;
}

class ContactStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat(
               "contact_store_test_",
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Url(const std::string& file) const {
    return absl::StrCat("sqlite:", (dir_ / file).string());
  }

  static std::unique_ptr<ContactStore> OpenOrDie(const std::string& url) {
    absl::StatusOr<std::unique_ptr<ContactStore>> store =
        ContactStore::Open(url);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  std::filesystem::path dir_;
};

TEST_F(ContactStoreTest, StoresAnArticlesContactsAsJsonInOrder) {
  std::unique_ptr<ContactStore> store = OpenOrDie(Url("a.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutArticle(Article("art-1"), ThreeContacts()).ok());

  EXPECT_EQ(*store->ArticleRevision("art-1"), 1);
  absl::StatusOr<std::vector<StoredContact>> listed =
      store->ListContacts("art-1");
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_THAT(Ids(*listed), ElementsAre("c-meet", "c-call", "c-visit"));
  for (const StoredContact& contact : *listed) {
    EXPECT_EQ(contact.revision, 1);
    EXPECT_THAT(contact.json, HasSubstr(absl::StrCat("\"id\":\"", contact.id)));
    EXPECT_THAT(contact.json, HasSubstr("\"articleId\":\"art-1\""));
    EXPECT_THAT(contact.json, HasSubstr("Ilse Varmdal"));
  }
  EXPECT_THAT((*listed)[2].json, HasSubstr("CONTACT_STATUS_PLANNED"));
  EXPECT_THAT(*store->ListContacts("art-unknown"), IsEmpty());
}

TEST_F(ContactStoreTest, PuttingTheSameArticleAgainChangesNothing) {
  std::unique_ptr<ContactStore> store = OpenOrDie(Url("a.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutArticle(Article("art-1"), ThreeContacts()).ok());
  const std::vector<StoredContact> first = *store->ListContacts("art-1");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(store->PutArticle(Article("art-1"), ThreeContacts()).ok());
  }
  EXPECT_EQ(*store->ArticleRevision("art-1"), 1);
  const std::vector<StoredContact> again = *store->ListContacts("art-1");
  ASSERT_EQ(again.size(), first.size());
  for (size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].id, first[i].id);
    EXPECT_EQ(again[i].revision, 1);
    EXPECT_EQ(again[i].json, first[i].json);
  }
}

TEST_F(ContactStoreTest, ChangedContactsAndMetadataBumpRevisions) {
  std::unique_ptr<ContactStore> store = OpenOrDie(Url("a.db"));
  ASSERT_NE(store, nullptr);
  std::vector<extract::Contact> contacts = ThreeContacts();
  ASSERT_TRUE(store->PutArticle(Article("art-1"), contacts).ok());

  contacts[1].status = extract::ContactStatus::kCanceled;
  ASSERT_TRUE(store->PutArticle(Article("art-1"), contacts).ok());
  EXPECT_EQ(*store->ArticleRevision("art-1"), 2);
  std::vector<StoredContact> listed = *store->ListContacts("art-1");
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].revision, 1);
  EXPECT_EQ(listed[1].revision, 2);
  EXPECT_THAT(listed[1].json, HasSubstr("CONTACT_STATUS_CANCELED"));
  EXPECT_EQ(listed[2].revision, 1);

  // New metadata alone changes the article, not its contacts.
  ArticleMetadata retitled = Article("art-1");
  retitled.title = "Norway and Kenya sign fisheries accord";
  ASSERT_TRUE(store->PutArticle(retitled, contacts).ok());
  EXPECT_EQ(*store->ArticleRevision("art-1"), 3);
  listed = *store->ListContacts("art-1");
  EXPECT_EQ(listed[1].revision, 2);

  // A new order of the same contacts is a change of the article.
  std::swap(contacts[0], contacts[2]);
  ASSERT_TRUE(store->PutArticle(retitled, contacts).ok());
  EXPECT_EQ(*store->ArticleRevision("art-1"), 4);
  listed = *store->ListContacts("art-1");
  EXPECT_THAT(Ids(listed), ElementsAre("c-visit", "c-call", "c-meet"));
  EXPECT_EQ(listed[0].revision, 1);
}

TEST_F(ContactStoreTest, DeletesContactsNoLongerExtracted) {
  std::unique_ptr<ContactStore> store = OpenOrDie(Url("a.db"));
  ASSERT_NE(store, nullptr);
  std::vector<extract::Contact> contacts = ThreeContacts();
  ASSERT_TRUE(store->PutArticle(Article("art-1"), contacts).ok());
  ASSERT_TRUE(store->PutArticle(Article("art-2"), contacts).ok());

  contacts.erase(contacts.begin() + 1);
  ASSERT_TRUE(store->PutArticle(Article("art-1"), contacts).ok());
  EXPECT_EQ(*store->ArticleRevision("art-1"), 2);
  EXPECT_THAT(Ids(*store->ListContacts("art-1")),
              ElementsAre("c-meet", "c-visit"));
  // Another article with the same contact ids keeps its own.
  EXPECT_THAT(Ids(*store->ListContacts("art-2")),
              ElementsAre("c-meet", "c-call", "c-visit"));

  ASSERT_TRUE(store->PutArticle(Article("art-1"), {}).ok());
  EXPECT_EQ(*store->ArticleRevision("art-1"), 3);
  EXPECT_THAT(*store->ListContacts("art-1"), IsEmpty());
}

TEST_F(ContactStoreTest, StoresAContactIdOnceKeepingTheFirst) {
  std::unique_ptr<ContactStore> store = OpenOrDie("sqlite::memory:");
  ASSERT_NE(store, nullptr);
  std::vector<extract::Contact> contacts = ThreeContacts();
  contacts[2].id = contacts[0].id;
  ASSERT_TRUE(store->PutArticle(Article("art-1"), contacts).ok());
  const std::vector<StoredContact> listed = *store->ListContacts("art-1");
  EXPECT_THAT(Ids(listed), ElementsAre("c-meet", "c-call"));
  EXPECT_THAT(listed[0].json, HasSubstr("CONTACT_KIND_MEETING"));
}

TEST_F(ContactStoreTest, KeepsEverythingAcrossReopening) {
  const std::string url = Url("kept.db");
  {
    std::unique_ptr<ContactStore> store = OpenOrDie(url);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutArticle(Article("art-1"), ThreeContacts()).ok());
    EXPECT_TRUE(std::filesystem::exists(dir_ / "kept.db-wal"))
        << "the store should run in WAL mode";
  }
  std::unique_ptr<ContactStore> store = OpenOrDie(url);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->ArticleRevision("art-1"), 1);
  EXPECT_EQ(store->ListContacts("art-1")->size(), 3u);
}

TEST_F(ContactStoreTest, ReportsUnknownArticlesAndMissingIds) {
  std::unique_ptr<ContactStore> store = OpenOrDie("sqlite::memory:");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->ArticleRevision("nowhere").status().code(),
            absl::StatusCode::kNotFound);
  const absl::Status put = store->PutArticle(Article(""), ThreeContacts());
  EXPECT_EQ(put.code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ContactStoreTest, RefusesUrlsOtherThanSqlite) {
  for (const char* url : {"postgresql://db.example.org/attache", "attache.db",
                          "sqlite:", "mysql://localhost/attache", ""}) {
    const absl::StatusOr<std::unique_ptr<ContactStore>> store =
        ContactStore::Open(url);
    EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument) << url;
    EXPECT_THAT(store.status().message(), HasSubstr("sqlite:PATH")) << url;
    EXPECT_THAT(store.status().message(), HasSubstr("sqlite::memory:"));
    EXPECT_THAT(store.status().message(), HasSubstr("PostgreSQL"));
  }
}

TEST_F(ContactStoreTest, ReportsAPathItCannotWrite) {
  // A regular file cannot hold a directory, not even for root.
  const std::filesystem::path blocker = dir_ / "blocker";
  std::ofstream(blocker) << "not a directory";
  const std::string url =
      absl::StrCat("sqlite:", (blocker / "contacts.db").string());
  const absl::StatusOr<std::unique_ptr<ContactStore>> store =
      ContactStore::Open(url);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(store.status().message(), HasSubstr(url));
  EXPECT_THAT(store.status().message(), HasSubstr("unable to open"));
}

TEST_F(ContactStoreTest, ReportsAFileThatIsNotADatabase) {
  std::ofstream(dir_ / "notes.db") << std::string(4096, 'x');
  const absl::StatusOr<std::unique_ptr<ContactStore>> store =
      ContactStore::Open(Url("notes.db"));
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(store.status().message(), HasSubstr("not a database"));
}

TEST_F(ContactStoreTest, ConcurrentPutsFromSeveralThreadsAndConnections) {
  const std::string url = Url("shared.db");
  std::unique_ptr<ContactStore> first = OpenOrDie(url);
  std::unique_ptr<ContactStore> second = OpenOrDie(url);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  constexpr int kThreads = 4;
  constexpr int kArticlesPerThread = 30;
  const std::vector<extract::Contact> contacts = ThreeContacts();
  std::vector<std::thread> threads;
  std::array<std::vector<absl::Status>, kThreads> failures;
  for (int t = 0; t < kThreads; ++t) {
    // Two threads share each connection; all of them share one file.
    ContactStore* store = t % 2 == 0 ? first.get() : second.get();
    threads.emplace_back([&, t, store] {
      for (int i = 0; i < kArticlesPerThread; ++i) {
        const std::string id = absl::StrCat("t", t, "-", i);
        absl::Status put = store->PutArticle(Article(id), contacts);
        if (put.ok()) put = store->PutArticle(Article("shared"), contacts);
        if (!put.ok()) failures[t].push_back(put);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_THAT(failures[t], IsEmpty()) << "thread " << t;
  }
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kArticlesPerThread; ++i) {
      const std::string id = absl::StrCat("t", t, "-", i);
      EXPECT_EQ(*first->ArticleRevision(id), 1) << id;
      EXPECT_EQ(second->ListContacts(id)->size(), 3u) << id;
    }
  }
  EXPECT_EQ(*second->ArticleRevision("shared"), 1);
  EXPECT_THAT(*first->ListContacts("shared"),
              Not(Contains(Field(&StoredContact::revision, Not(1)))));
}

}  // namespace
}  // namespace attache::store
