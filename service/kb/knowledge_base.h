// The knowledge base: states, organisations, offices, people with dated
// tenures, and places, loaded from the TSV files documented in
// kb/data/README.md, with a one-pass mention matcher.
//
// Thread safety: a KnowledgeBase is immutable once loaded; every method is
// const and safe to call from any number of threads. Reloading builds a new
// instance; holders of the old shared_ptr keep using it until they drop it.
#ifndef ATTACHE_KB_KNOWLEDGE_BASE_H_
#define ATTACHE_KB_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"

namespace attache::kb {

namespace internal {
struct KnowledgeBaseData;  // the loaded tables, in knowledge_base.cc
}  // namespace internal

struct State {
  std::string code;   // ISO 3166-1 alpha-3, e.g. "CHN"
  std::string code2;  // alpha-2, e.g. "CN"
  std::string name;   // short English name, e.g. "China"
  std::string capital;
};

enum class OrganizationKind { kIntergovernmental, kMovement, kOther };

struct Organization {
  std::string code;  // short code used in results, e.g. "NATO", "HAMAS"
  std::string name;
  OrganizationKind kind = OrganizationKind::kIntergovernmental;
  std::string seat_country;  // alpha-3 of the headquarters, may be empty
};

// A generic office ("foreign minister"); bound to a state by a tenure.
struct Office {
  std::string id;     // e.g. "foreign_minister"
  std::string title;  // canonical English title, e.g. "Foreign Minister"
};

struct Tenure {
  std::string office_id;
  std::string country;  // alpha-3 or organisation code
  absl::CivilDay start;
  absl::CivilDay end;  // inclusive; far future when still in office
  std::string title;   // title as used in that country, may be empty
};

struct Person {
  std::string id;               // e.g. "wang-yi"
  std::string name;             // canonical full name, e.g. "Wang Yi"
  std::vector<Tenure> tenures;  // sorted by start
  std::string surname;          // used alone on second mention, may be empty
  std::vector<std::string> aliases;
};

enum class PlaceKind { kCapital, kCity, kVenue, kRegion };

struct Place {
  std::string name;     // as it should be reported, e.g. "New York"
  std::string country;  // alpha-3
  PlaceKind kind = PlaceKind::kCity;
  std::string city;  // for venues: the city it is in; else == name
};

enum class EntityType : uint8_t {
  kState,
  kOrganization,
  kPerson,
  kPlace,
  kOffice
};

// How a mention refers to its entity.
enum class MentionForm : uint8_t {
  kName,       // full or canonical name: "Antony Blinken", "China"
  kAlias,      // other name or spelling: "Zelenskyy", "MBS", "PRC"
  kSurname,    // a person's surname alone: "Blinken"
  kAdjective,  // demonym or adjective: "Chinese", "U.S."
  kMetonym,    // place or building standing for a state: "the Kremlin"
  kTitle,      // an office title: "foreign minister", "top diplomat"
};

struct EntityRef {
  EntityType type;
  MentionForm form;
  uint32_t
      index;  // into states(), organizations(), people(), places() or offices()
};

// One matched span of text with every entity it may refer to.
struct Mention {
  size_t begin;  // byte offsets into the matched text
  size_t end;
  // Views the knowledge base's (or matcher's) own tables: valid while the
  // KnowledgeBase (or Matcher) that found the mention lives.
  absl::Span<const EntityRef> candidates;
};

class KnowledgeBase {
 public:
  // Loads every file of a data directory. Errors name the file and line.
  static absl::StatusOr<std::shared_ptr<const KnowledgeBase>> LoadFromDirectory(
      const std::string& dir);
  // Loads the data compiled into the binary.
  static absl::StatusOr<std::shared_ptr<const KnowledgeBase>> LoadEmbedded();

  // Version string: a digest of the data, stable for identical files.
  const std::string& version() const;
  // Where the data came from: the directory, or "embedded".
  const std::string& source() const;

  absl::Span<const State> states() const;
  absl::Span<const Organization> organizations() const;
  absl::Span<const Office> offices() const;
  absl::Span<const Person> people() const;
  absl::Span<const Place> places() const;

  const State* FindState(absl::string_view code) const;
  const Organization* FindOrganization(absl::string_view code) const;
  const Person* FindPerson(absl::string_view id) const;
  const Office* FindOffice(absl::string_view id) const;

  // The candidates of `phrase` read as one whole mention (same folding and
  // case rules as FindMentions), e.g. "Chinese" -> China as an adjective.
  std::vector<EntityRef> Lookup(absl::string_view phrase) const;
  // The office a title names ("top diplomat" -> foreign_minister); nullptr
  // when none.
  const Office* FindOfficeByTitle(absl::string_view title) const;
  // The state an adjective or demonym names ("Emirati" -> ARE, "U.S." ->
  // USA); nullptr when none.
  const State* FindStateByAdjective(absl::string_view adjective) const;
  // The one person whose full name or alias is `name` ("Kim Jong-un");
  // nullptr when none or when several people share it.
  const Person* PersonByName(absl::string_view name) const;

  // Every mention of a KB entity in `text`, found in one pass, longest match
  // first at each position, non-overlapping, case- and accent-aware.
  std::vector<Mention> FindMentions(absl::string_view text) const;
  // As above, into `*mentions` (cleared first): a caller that keeps the
  // vector across calls allocates nothing once it has grown.
  void FindMentions(absl::string_view text,
                    std::vector<Mention>* mentions) const;

  // Who held `office_id` for `country` on `date`; nullptr when unknown.
  const Person* HolderOf(absl::string_view office_id, absl::string_view country,
                         absl::CivilDay date) const;
  // The tenures `person` held on `date`; rarely more than two, so kept
  // without an allocation.
  absl::InlinedVector<const Tenure*, 2> OfficesOf(const Person& person,
                                                  absl::CivilDay date) const;

  ~KnowledgeBase();

 private:
  using Data = internal::KnowledgeBaseData;
  explicit KnowledgeBase(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace attache::kb

#endif  // ATTACHE_KB_KNOWLEDGE_BASE_H_
