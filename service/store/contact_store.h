// ContactStore: a durable record of the contacts extracted from each article,
// kept in SQLite.
//
// Every article is stored once, under its id, with the contacts of its latest
// extraction. Each contact is kept as the proto-JSON Contact object that
// attache-extract --format=jsonl writes (extract/contact_json.h), next to
// indexed columns for the queries a contact service makes: article, kind,
// status and the first day of the contact's time.
//
// Re-storing an article replaces its contact set in one transaction and keeps
// revisions, so that readers can tell what changed:
//   - an article's revision starts at 1 and goes up by one whenever a put
//     changes its metadata or any of its contacts;
//   - a contact's revision starts at 1 and goes up by one whenever its JSON
//     changes;
//   - contacts the latest extraction no longer found are deleted.
// Putting the same article with the same contacts again changes nothing.
//
// Example:
//   absl::StatusOr<std::unique_ptr<ContactStore>> store =
//       ContactStore::Open("sqlite:/var/lib/attache/attache.db");
//   if (!store.ok()) return store.status();
//   absl::Status put = (*store)->PutArticle(
//       {.id = "a-1", .title = "...", .published = absl::CivilDay(2024, 3, 5)},
//       result.contacts);
//
// Errors: every SQLite failure is returned as an absl::Status carrying the
// store's URL and SQLite's message; nothing throws. The code says what a
// caller may do: UNAVAILABLE (busy, read-only, I/O error, disk full, cannot
// open: retry later or elsewhere), DATA_LOSS (corrupt file or not a
// database), INTERNAL (anything else).
//
// Thread safety: a ContactStore may be used from any number of threads at
// once; its operations are serialised on one connection. Other processes may
// open the same file: SQLite's locking (WAL mode) keeps them consistent, and a
// writer waits up to a few seconds for another process's write to finish.
#ifndef ATTACHE_STORE_CONTACT_STORE_H_
#define ATTACHE_STORE_CONTACT_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extract/contact.h"

namespace attache::store {

// What the store keeps about an article besides its contacts. The views refer
// to the caller's strings, which need to live only for the call.
struct ArticleMetadata {
  absl::string_view id;  // required
  absl::string_view title;
  std::optional<absl::CivilDay> published;
  absl::string_view source;  // publisher or feed, e.g. "AP"
  absl::string_view url;
};

// A contact as stored.
struct StoredContact {
  std::string id;  // the engine's stable contact id
  int64_t revision = 0;
  std::string json;  // proto-JSON Contact object
};

class ContactStore {
 public:
  // Opens the store at `url`:
  //   sqlite:PATH      the database file PATH, created with its schema if
  //                    missing (WAL journal, synchronous=NORMAL: a commit
  //                    survives a crash of the process, the last ones may be
  //                    lost on power failure);
  //   sqlite::memory:  a private in-memory database, gone when closed.
  // Errors: INVALID_ARGUMENT for any other URL (PostgreSQL is not supported
  // by this build); UNAVAILABLE when the file cannot be opened or written;
  // FAILED_PRECONDITION when a newer version of the store wrote the file.
  static absl::StatusOr<std::unique_ptr<ContactStore>> Open(
      absl::string_view url);

  ~ContactStore();
  ContactStore(const ContactStore&) = delete;
  ContactStore& operator=(const ContactStore&) = delete;

  // Stores `article` with `contacts` as its complete contact set, replacing
  // what an earlier put stored for the same id, in one transaction (on error
  // nothing changes). Contacts sharing an id are stored once, the first one
  // winning. Errors: INVALID_ARGUMENT for an empty article id; see above for
  // database failures.
  absl::Status PutArticle(const ArticleMetadata& article,
                          absl::Span<const extract::Contact> contacts);

  // The article's revision. Errors: NOT_FOUND when it was never stored.
  absl::StatusOr<int64_t> ArticleRevision(absl::string_view article_id);

  // The article's contacts in the order they were put; empty when the
  // article has none or was never stored.
  absl::StatusOr<std::vector<StoredContact>> ListContacts(
      absl::string_view article_id);

 private:
  // The connection and its prepared statements (contact_store.cc).
  class Database;

  explicit ContactStore(std::unique_ptr<Database> db);

  absl::Mutex mu_;
  const std::unique_ptr<Database> db_ ABSL_GUARDED_BY(mu_);
};

}  // namespace attache::store

#endif  // ATTACHE_STORE_CONTACT_STORE_H_
