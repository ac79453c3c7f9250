#include "store/contact_store.h"

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extract/contact.h"
#include "extract/contact_json.h"

namespace attache::store {
namespace {

constexpr absl::string_view kSqliteScheme = "sqlite:";
constexpr int kSchemaVersion = 1;
// How long a write waits for another process's write to finish.
constexpr int kBusyTimeoutMs = 5000;

constexpr absl::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles (
  id TEXT NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  published TEXT,  -- YYYY-MM-DD
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  revision INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contacts (
  article_id TEXT NOT NULL,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,  -- order within the article's latest put
  kind TEXT NOT NULL,         -- MEETING, CALL, VISIT, CORRESPONDENCE
  status TEXT NOT NULL,       -- OCCURRED, ONGOING, PLANNED, ...
  first_day TEXT,             -- YYYY-MM-DD; NULL when the time is unknown
  revision INTEGER NOT NULL,
  json TEXT NOT NULL,         -- proto-JSON attache.v1.Contact
  PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS contacts_by_kind ON contacts (kind);
CREATE INDEX IF NOT EXISTS contacts_by_status ON contacts (status);
CREATE INDEX IF NOT EXISTS contacts_by_first_day ON contacts (first_day);
)sql";

constexpr absl::string_view kSelectArticle =
    "SELECT title, published, source, url, revision FROM articles "
    "WHERE id = ?";
constexpr absl::string_view kUpsertArticle =
    "INSERT INTO articles (id, title, published, source, url, revision) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "title = excluded.title, published = excluded.published, "
    "source = excluded.source, url = excluded.url, "
    "revision = excluded.revision";
constexpr absl::string_view kSelectContacts =
    "SELECT id, revision, json FROM contacts WHERE article_id = ? "
    "ORDER BY position";
constexpr absl::string_view kUpsertContact =
    "INSERT INTO contacts "
    "(article_id, id, position, kind, status, first_day, revision, json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, id) DO UPDATE "
    "SET position = excluded.position, kind = excluded.kind, "
    "status = excluded.status, first_day = excluded.first_day, "
    "revision = excluded.revision, json = excluded.json";
constexpr absl::string_view kDeleteContact =
    "DELETE FROM contacts WHERE article_id = ? AND id = ?";

// The status code for a SQLite result code: what the caller may do about it.
absl::StatusCode CodeOf(int sqlite_code) {
  switch (sqlite_code & 0xff) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_PERM:
      return absl::StatusCode::kUnavailable;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::StatusCode::kDataLoss;
    default:
      return absl::StatusCode::kInternal;
  }
}

std::optional<std::string> DayText(std::optional<absl::CivilDay> day) {
  if (!day.has_value()) {
    return std::nullopt;
  }
  return absl::FormatCivilTime(*day);
}

// A contact as it is written: its JSON (the object attache-extract
// --format=jsonl writes for it) and indexed columns, prepared before the
// store's lock is taken.
struct ContactRow {
  absl::string_view id;
  const char* kind;
  const char* status;
  std::optional<std::string> first_day;
  std::string json;
};

// The rows of `contacts`, in order, each id once (the first wins).
std::vector<ContactRow> RowsOf(absl::string_view article_id,
                               absl::Span<const extract::Contact> contacts) {
  std::vector<ContactRow> rows;
  rows.reserve(contacts.size());
  absl::flat_hash_set<absl::string_view> seen;
  for (const extract::Contact& contact : contacts) {
    if (!seen.insert(contact.id).second) {
      continue;
    }
    rows.push_back({.id = contact.id,
                    .kind = extract::ContactKindName(contact.kind),
                    .status = extract::ContactStatusName(contact.status),
                    .first_day = contact.time.granularity ==
                                         extract::TimeGranularity::kNone
                                     ? std::nullopt
                                     : DayText(contact.time.start),
                    .json = extract::ProtoJson(article_id, contact)});
  }
  return rows;
}

// One use of a prepared statement: parameters are bound in order, rows are
// stepped through, and the statement is reset when the Query is destroyed.
// The first binding error is reported by Step(). Bound text is not copied
// (contacts' JSON can be large): it must outlive the Query.
class Query {
 public:
  explicit Query(sqlite3_stmt* statement) : statement_(statement) {}
  ~Query() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& Bind(absl::string_view text) {
    Check(sqlite3_bind_text64(statement_, ++index_,
                              text.empty() ? "" : text.data(), text.size(),
                              SQLITE_STATIC, SQLITE_UTF8));
    return *this;
  }
  // Binds NULL for nullopt.
  Query& BindNullable(const std::optional<std::string>& text) {
    if (text.has_value()) {
      return Bind(*text);
    }
    Check(sqlite3_bind_null(statement_, ++index_));
    return *this;
  }
  Query& Bind(int64_t value) {
    Check(sqlite3_bind_int64(statement_, ++index_, value));
    return *this;
  }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() {
    return bind_result_ != SQLITE_OK ? bind_result_ : sqlite3_step(statement_);
  }

  int64_t Int(int column) const {
    return sqlite3_column_int64(statement_, column);
  }
  std::optional<std::string> Text(int column) const {
    const auto* text =
        reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) {
      return std::nullopt;
    }
    return std::string(text, sqlite3_column_bytes(statement_, column));
  }

 private:
  void Check(int result) {
    if (bind_result_ == SQLITE_OK) {
      bind_result_ = result;
    }
  }

  sqlite3_stmt* const statement_;
  int index_ = 0;
  int bind_result_ = SQLITE_OK;
};

// A contact as last stored.
struct Previous {
  int64_t revision = 0;
  std::string json;
  int64_t position = 0;
};

}  // namespace

// One SQLite connection with its prepared statements. Not thread-safe: the
// ContactStore serialises calls.
class ContactStore::Database {
 public:
  // Opens `path` (a file name or ":memory:"), creating the schema.
  static absl::StatusOr<std::unique_ptr<Database>> Open(absl::string_view url,
                                                        absl::string_view path);

  ~Database() {
    for (sqlite3_stmt* statement : statements_) {
      sqlite3_finalize(statement);
    }
    sqlite3_close_v2(db_);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  absl::Status Put(const ArticleMetadata& article,
                   absl::Span<const ContactRow> rows);
  absl::StatusOr<int64_t> ArticleRevision(absl::string_view article_id);
  absl::StatusOr<std::vector<StoredContact>> ListContacts(
      absl::string_view article_id);

 private:
  enum StatementId {
    kSelectArticleId,
    kUpsertArticleId,
    kSelectContactsId,
    kUpsertContactId,
    kDeleteContactId,
    kBeginId,
    kCommitId,
    kStatementCount
  };

  explicit Database(std::string url) : url_(std::move(url)) {}

  // The error `result` (a SQLite code) met while `doing` something.
  absl::Status Error(int result, absl::string_view doing) const {
    return {CodeOf(result),
            absl::StrCat(
                url_, ": ", doing, ": ",
                db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(result))};
  }
  absl::Status Exec(const char* sql, absl::string_view doing) {
    const int result = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    return result == SQLITE_OK ? absl::OkStatus() : Error(result, doing);
  }
  // Steps `query` to its end, expecting no rows.
  absl::Status Run(Query& query, absl::string_view doing) {
    const int result = query.Step();
    return result == SQLITE_DONE ? absl::OkStatus() : Error(result, doing);
  }
  Query Use(StatementId id) { return Query(statements_[id]); }

  absl::Status Configure();
  absl::Status PutInTransaction(const ArticleMetadata& article,
                                absl::Span<const ContactRow> rows);
  absl::StatusOr<absl::flat_hash_map<std::string, Previous>> StoredContacts(
      absl::string_view article_id);

  const std::string url_;
  sqlite3* db_ = nullptr;
  std::array<sqlite3_stmt*, kStatementCount> statements_ = {};
};

absl::StatusOr<std::unique_ptr<ContactStore::Database>>
ContactStore::Database::Open(absl::string_view url, absl::string_view path) {
  std::unique_ptr<Database> database(new Database(std::string{url}));
  // The ContactStore's mutex serialises use of the connection.
  const int result = sqlite3_open_v2(
      std::string{path}.c_str(), &database->db_,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  if (result != SQLITE_OK) {
    return database->Error(result, "opening the database");
  }
  absl::Status configured = database->Configure();
  if (!configured.ok()) {
    return configured;
  }
  return database;
}

absl::Status ContactStore::Database::Configure() {
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // SQLite opens a file it may not write read-only, without an error.
  if (sqlite3_db_readonly(db_, "main") == 1) {
    return absl::UnavailableError(
        absl::StrCat(url_, ": the database file is not writable"));
  }
  absl::Status status =
      Exec("PRAGMA journal_mode = WAL", "switching to WAL mode");
  if (status.ok()) {
    status = Exec("PRAGMA synchronous = NORMAL", "setting synchronous mode");
  }
  if (!status.ok()) {
    return status;
  }

  int64_t version = 0;
  {
    sqlite3_stmt* statement = nullptr;
    int result =
        sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &statement, nullptr);
    if (result == SQLITE_OK) {
      Query query(statement);
      result = query.Step();
      version = query.Int(0);
    }
    sqlite3_finalize(statement);
    if (result != SQLITE_ROW) {
      return Error(result, "reading the schema version");
    }
  }
  if (version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(url_, ": the store has schema version ", version,
                     ", written by a newer attache; this one knows version ",
                     kSchemaVersion));
  }
  if (version < kSchemaVersion) {
    const std::string create =
        absl::StrCat("BEGIN IMMEDIATE;", kSchema,
                     "PRAGMA user_version = ", kSchemaVersion, ";COMMIT;");
    status = Exec(create.c_str(), "creating the schema");
    if (!status.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return status;
    }
  }

  constexpr std::array<absl::string_view, kStatementCount> kSql = {
      kSelectArticle, kUpsertArticle,    kSelectContacts, kUpsertContact,
      kDeleteContact, "BEGIN IMMEDIATE", "COMMIT"};
  for (int id = 0; id < kStatementCount; ++id) {
    const int result = sqlite3_prepare_v3(
        db_, kSql[id].data(), static_cast<int>(kSql[id].size()),
        SQLITE_PREPARE_PERSISTENT, &statements_[id], nullptr);
    if (result != SQLITE_OK) {
      return Error(result, "preparing statements");
    }
  }
  return absl::OkStatus();
}

absl::Status ContactStore::Database::Put(const ArticleMetadata& article,
                                         absl::Span<const ContactRow> rows) {
  absl::Status status;
  {
    Query begin = Use(kBeginId);
    status = Run(begin, "starting the article's transaction");
  }
  if (!status.ok()) {
    return status;
  }
  status = PutInTransaction(article, rows);
  if (status.ok()) {
    Query commit = Use(kCommitId);
    status = Run(commit, "committing the article");
    if (status.ok()) {
      return status;
    }
  }
  // A failed COMMIT may leave the transaction open; end it either way.
  if (sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  return status;
}

absl::StatusOr<absl::flat_hash_map<std::string, Previous>>
ContactStore::Database::StoredContacts(absl::string_view article_id) {
  absl::StatusOr<std::vector<StoredContact>> listed = ListContacts(article_id);
  if (!listed.ok()) {
    return listed.status();
  }
  absl::flat_hash_map<std::string, Previous> stored;
  stored.reserve(listed->size());
  // Every put numbers its contacts from 0, so the position is the index.
  int64_t position = 0;
  for (StoredContact& contact : *listed) {
    stored[std::move(contact.id)] = {.revision = contact.revision,
                                     .json = std::move(contact.json),
                                     .position = position++};
  }
  return stored;
}

absl::Status ContactStore::Database::PutInTransaction(
    const ArticleMetadata& article, absl::Span<const ContactRow> rows) {
  const std::optional<std::string> published = DayText(article.published);
  bool changed = false;
  int64_t article_revision = 0;
  {
    Query query = Use(kSelectArticleId);
    query.Bind(article.id);
    const int result = query.Step();
    if (result == SQLITE_ROW) {
      article_revision = query.Int(4);
      changed = query.Text(0) != article.title || query.Text(1) != published ||
                query.Text(2) != article.source || query.Text(3) != article.url;
    } else if (result == SQLITE_DONE) {
      changed = true;
    } else {
      return Error(result, "reading the article");
    }
  }
  absl::StatusOr<absl::flat_hash_map<std::string, Previous>> stored =
      StoredContacts(article.id);
  if (!stored.ok()) {
    return stored.status();
  }

  int64_t position = 0;
  for (const ContactRow& row : rows) {
    int64_t revision = 1;
    if (const auto previous = stored->find(row.id); previous != stored->end()) {
      const bool same_json = previous->second.json == row.json;
      revision = previous->second.revision + (same_json ? 0 : 1);
      const bool same_position = previous->second.position == position;
      stored->erase(previous);
      if (same_json && same_position) {
        ++position;
        continue;
      }
    }
    changed = true;
    Query query = Use(kUpsertContactId);
    query.Bind(article.id)
        .Bind(row.id)
        .Bind(position++)
        .Bind(row.kind)
        .Bind(row.status)
        .BindNullable(row.first_day)
        .Bind(revision)
        .Bind(row.json);
    absl::Status status = Run(query, "writing a contact");
    if (!status.ok()) {
      return status;
    }
  }
  // What is left was not extracted this time.
  for (const auto& [id, previous] : *stored) {
    changed = true;
    Query query = Use(kDeleteContactId);
    query.Bind(article.id).Bind(id);
    absl::Status status = Run(query, "deleting a vanished contact");
    if (!status.ok()) {
      return status;
    }
  }
  if (!changed) {
    return absl::OkStatus();
  }
  Query query = Use(kUpsertArticleId);
  query.Bind(article.id)
      .Bind(article.title)
      .BindNullable(published)
      .Bind(article.source)
      .Bind(article.url)
      .Bind(article_revision + 1);
  return Run(query, "writing the article");
}

absl::StatusOr<int64_t> ContactStore::Database::ArticleRevision(
    absl::string_view article_id) {
  Query query = Use(kSelectArticleId);
  query.Bind(article_id);
  const int result = query.Step();
  if (result == SQLITE_ROW) {
    return query.Int(4);
  }
  if (result == SQLITE_DONE) {
    return absl::NotFoundError(
        absl::StrCat(url_, ": no article with id \"", article_id, "\""));
  }
  return Error(result, "reading the article");
}

absl::StatusOr<std::vector<StoredContact>> ContactStore::Database::ListContacts(
    absl::string_view article_id) {
  std::vector<StoredContact> contacts;
  Query query = Use(kSelectContactsId);
  query.Bind(article_id);
  int result = SQLITE_ROW;
  while ((result = query.Step()) == SQLITE_ROW) {
    contacts.push_back({.id = *query.Text(0),
                        .revision = query.Int(1),
                        .json = *query.Text(2)});
  }
  if (result != SQLITE_DONE) {
    return Error(result, "reading the article's contacts");
  }
  return contacts;
}

absl::StatusOr<std::unique_ptr<ContactStore>> ContactStore::Open(
    absl::string_view url) {
  const bool sqlite =
      absl::StartsWith(url, kSqliteScheme) && url.size() > kSqliteScheme.size();
  if (!sqlite) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unsupported store URL \"", url,
        "\": use sqlite:PATH or sqlite::memory: (PostgreSQL is not supported "
        "by this build)"));
  }
  const absl::string_view path = url.substr(kSqliteScheme.size());
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(url, path);
  if (!db.ok()) {
    return db.status();
  }
  return std::unique_ptr<ContactStore>(new ContactStore(*std::move(db)));
}

ContactStore::ContactStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}

ContactStore::~ContactStore() = default;

absl::Status ContactStore::PutArticle(
    const ArticleMetadata& article,
    absl::Span<const extract::Contact> contacts) {
  if (article.id.empty()) {
    return absl::InvalidArgumentError("an article needs an id to be stored");
  }
  // The JSON is built before the lock is taken, in parallel with other puts.
  const std::vector<ContactRow> rows = RowsOf(article.id, contacts);
  absl::MutexLock lock(&mu_);
  return db_->Put(article, rows);
}

absl::StatusOr<int64_t> ContactStore::ArticleRevision(
    absl::string_view article_id) {
  absl::MutexLock lock(&mu_);
  return db_->ArticleRevision(article_id);
}

absl::StatusOr<std::vector<StoredContact>> ContactStore::ListContacts(
    absl::string_view article_id) {
  absl::MutexLock lock(&mu_);
  return db_->ListContacts(article_id);
}

}  // namespace attache::store
