#include "kb/knowledge_base.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "kb/embedded_data.h"
#include "kb/matcher.h"

namespace attache::kb {

struct internal::KnowledgeBaseData {
  // One holder of an office for a country over a period.
  struct Term {
    absl::CivilDay start;
    absl::CivilDay end;
    uint32_t person;
  };

  std::string version;
  std::string source;
  std::vector<State> states;
  std::vector<Organization> organizations;
  std::vector<Office> offices;
  std::vector<Person> people;
  std::vector<Place> places;
  absl::flat_hash_map<std::string, uint32_t> state_index;  // by code
  absl::flat_hash_map<std::string, uint32_t> organization_index;
  absl::flat_hash_map<std::string, uint32_t> office_index;
  absl::flat_hash_map<std::string, uint32_t> person_index;
  // office id -> country -> terms.
  absl::flat_hash_map<std::string,
                      absl::flat_hash_map<std::string, std::vector<Term>>>
      terms;
  Matcher matcher;
};

namespace {

// The end date of a tenure still running.
constexpr absl::CivilDay kStillInOffice(9999, 12, 31);

// A data file: `path` names it in errors, `name` (without directory) says
// what it holds.
struct SourceFile {
  std::string path;
  absl::string_view name;
  absl::string_view content;
};

// One record of a data file.
struct Record {
  absl::string_view path;
  int line = 0;
  std::vector<absl::string_view> fields;

  absl::string_view operator[](size_t i) const { return fields[i]; }
  std::string String(size_t i) const {
    return {fields[i].data(), fields[i].size()};
  }
  std::string Where() const { return absl::StrCat(path, ":", line); }
  absl::Status Error(absl::string_view message) const {
    return absl::FailedPreconditionError(absl::StrCat(Where(), ": ", message));
  }
};

bool IsValidUtf8(absl::string_view text) {
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) {
      return false;
    }
  }
  return true;
}

// Calls `handle` with each record of `file`, which has `columns` columns
// (trailing empty ones may be left out). Stops at the first error.
absl::Status ForEachRecord(
    const SourceFile& file, size_t columns,
    const std::function<absl::Status(const Record&)>& handle) {
  Record record;
  record.path = file.path;
  for (absl::string_view text : absl::StrSplit(file.content, '\n')) {
    ++record.line;
    absl::ConsumeSuffix(&text, "\r");
    if (absl::StripAsciiWhitespace(text).empty() ||
        absl::StartsWith(text, "#")) {
      continue;
    }
    if (!IsValidUtf8(text)) {
      return record.Error("invalid UTF-8");
    }
    record.fields = absl::StrSplit(text, '\t');
    if (record.fields.size() > columns) {
      return record.Error(absl::StrFormat("%d fields, expected %d",
                                          record.fields.size(), columns));
    }
    record.fields.resize(columns);
    for (absl::string_view& field : record.fields) {
      field = absl::StripAsciiWhitespace(field);
    }
    if (absl::Status status = handle(record); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

std::vector<absl::string_view> ListOf(absl::string_view field) {
  std::vector<absl::string_view> items;
  for (absl::string_view item : absl::StrSplit(field, '|')) {
    item = absl::StripAsciiWhitespace(item);
    if (!item.empty()) {
      items.push_back(item);
    }
  }
  return items;
}

bool AllOf(absl::string_view text, const std::function<bool(char)>& allowed) {
  return !text.empty() && std::all_of(text.begin(), text.end(), allowed);
}

bool IsCountryCode(absl::string_view code, size_t length) {
  return code.size() == length && AllOf(code, absl::ascii_isupper);
}

bool IsOrganizationCode(absl::string_view code) {
  return AllOf(code,
               [](char c) {
                 return absl::ascii_isupper(c) || absl::ascii_isdigit(c) ||
                        c == '_' || c == '-';
               }) &&
         absl::ascii_isalnum(code.front());
}

bool IsOfficeId(absl::string_view id) {
  return AllOf(id,
               [](char c) {
                 return absl::ascii_islower(c) || absl::ascii_isdigit(c) ||
                        c == '_';
               }) &&
         absl::ascii_islower(id.front());
}

bool IsPersonId(absl::string_view id) {
  return AllOf(id,
               [](char c) {
                 return absl::ascii_islower(c) || absl::ascii_isdigit(c) ||
                        c == '-';
               }) &&
         id.front() != '-' && id.back() != '-' && !absl::StrContains(id, "--");
}

std::optional<absl::CivilDay> ParseDay(absl::string_view text) {
  absl::CivilDay day;
  // Parsing normalises "2023-02-30" to March; the round trip rejects it.
  if (!absl::ParseCivilTime(text, &day) || absl::FormatCivilTime(day) != text) {
    return std::nullopt;
  }
  return day;
}

// A stable digest of the data files (FNV-1a, 64 bits), in hex.
std::string Digest(const std::vector<SourceFile>& files) {
  uint64_t hash = 14695981039346656037ULL;
  const auto add = [&](absl::string_view bytes) {
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0xFF;  // separator: no byte of UTF-8 text is 0xFF
    hash *= 1099511628211ULL;
  };
  for (const SourceFile& file : files) {
    add(file.name);
    add(file.content);
  }
  return absl::StrFormat("%016x", hash).substr(0, 12);
}

// Ways of writing one entity, in one form.
struct Phrases {
  std::vector<absl::string_view> phrases;
  MentionForm form;
};

// Reads and validates the data files into tables.
class Loader {
 public:
  using Data = internal::KnowledgeBaseData;

  explicit Loader(Data* data) : data_(*data) {}

  // `files` must be sorted by name.
  absl::Status Load(const std::vector<SourceFile>& files);

 private:
  struct PendingTenure {
    uint32_t person;
    Tenure tenure;
    std::string where;
  };

  absl::Status LoadStates(const SourceFile& file);
  absl::Status LoadOrganizations(const SourceFile& file);
  absl::Status LoadOffices(const SourceFile& file);
  absl::Status LoadPeople(const SourceFile& file);
  absl::Status LoadTenures(const SourceFile& file);
  absl::Status LoadPlaces(const SourceFile& file);
  // Checks that no person holds one office for one country twice at once,
  // then files the tenures under their people and the holder index.
  absl::Status AddTenures();

  // Adds the phrases of `lists` to the matcher as ways of writing entity
  // `index` of `type`.
  absl::Status AddPhrases(const Record& record, EntityType type, size_t index,
                          const std::vector<Phrases>& lists);
  // Checks that a name, alias or adjective of a state or organisation
  // names no other state or organisation.
  absl::Status Claim(const Record& record, absl::string_view phrase,
                     EntityRef ref);
  std::string Describe(EntityRef ref) const;
  bool IsCountry(absl::string_view code) const {
    return data_.state_index.contains(code) ||
           data_.organization_index.contains(code);
  }

  Data& data_;
  Matcher::Builder matcher_;
  // Folded name -> its state or organisation, and where it was given.
  absl::flat_hash_map<std::string, std::pair<EntityRef, std::string>> claims_;
  std::vector<PendingTenure> tenures_;
};

absl::Status Loader::Load(const std::vector<SourceFile>& files) {
  using Step = absl::Status (Loader::*)(const SourceFile&);
  struct Kind {
    absl::string_view prefix;  // "people" covers "people-g20.tsv"
    bool multiple;
    Step load;
  };
  // In dependency order: later files refer to earlier ones.
  const std::array<Kind, 6> kinds = {{
      {"states", false, &Loader::LoadStates},
      {"organizations", false, &Loader::LoadOrganizations},
      {"offices", false, &Loader::LoadOffices},
      {"people", true, &Loader::LoadPeople},
      {"tenures", true, &Loader::LoadTenures},
      {"places", false, &Loader::LoadPlaces},
  }};
  const auto is_kind = [](const SourceFile& file, const Kind& kind) {
    if (!kind.multiple) {
      return file.name == absl::StrCat(kind.prefix, ".tsv");
    }
    return file.name == absl::StrCat(kind.prefix, ".tsv") ||
           absl::StartsWith(file.name, absl::StrCat(kind.prefix, "-"));
  };
  for (const SourceFile& file : files) {
    if (std::none_of(kinds.begin(), kinds.end(),
                     [&](const Kind& k) { return is_kind(file, k); })) {
      return absl::FailedPreconditionError(absl::StrCat(
          file.path, ": unknown data file (see kb/data/README.md)"));
    }
  }
  for (const Kind& kind : kinds) {
    bool found = false;
    for (const SourceFile& file : files) {
      if (!is_kind(file, kind)) {
        continue;
      }
      found = true;
      if (absl::Status status = (this->*kind.load)(file); !status.ok()) {
        return status;
      }
    }
    if (!found && !kind.multiple) {
      return absl::FailedPreconditionError(
          absl::StrCat(kind.prefix, ".tsv: missing"));
    }
    if (kind.load == &Loader::LoadTenures) {
      if (absl::Status status = AddTenures(); !status.ok()) {
        return status;
      }
    }
  }
  data_.version = Digest(files);
  data_.matcher = std::move(matcher_).Build();
  return absl::OkStatus();
}

absl::Status Loader::AddPhrases(const Record& record, EntityType type,
                                size_t index,
                                const std::vector<Phrases>& lists) {
  for (const auto& [phrases, form] : lists) {
    const EntityRef ref{type, form, static_cast<uint32_t>(index)};
    const bool claims =
        (type == EntityType::kState || type == EntityType::kOrganization) &&
        form != MentionForm::kMetonym;
    for (const absl::string_view phrase : phrases) {
      if (absl::Status status = matcher_.Add(phrase, ref); !status.ok()) {
        return record.Error(status.message());
      }
      if (!claims) {
        continue;
      }
      if (absl::Status status = Claim(record, phrase, ref); !status.ok()) {
        return status;
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Loader::Claim(const Record& record, absl::string_view phrase,
                           EntityRef ref) {
  absl::StatusOr<std::string> folded = Matcher::Fold(phrase);
  if (!folded.ok()) {
    return record.Error(folded.status().message());
  }
  const auto [it, inserted] =
      claims_.try_emplace(*std::move(folded), ref, record.Where());
  const EntityRef& owner = it->second.first;
  if (inserted || (owner.type == ref.type && owner.index == ref.index)) {
    return absl::OkStatus();
  }
  return record.Error(absl::StrCat(
      "'", phrase, "' already names ", Describe(owner), " (", it->second.second,
      "); a name shared by states and organisations is allowed only as a "
      "metonym"));
}

std::string Loader::Describe(EntityRef ref) const {
  if (ref.type == EntityType::kState) {
    return absl::StrCat("state ", data_.states[ref.index].code);
  }
  return absl::StrCat("organisation ", data_.organizations[ref.index].code);
}

absl::Status Loader::LoadStates(const SourceFile& file) {
  // code, code2, name, aliases, adjectives, capital, metonyms
  absl::flat_hash_map<std::string, std::string> code2_seen;
  return ForEachRecord(file, 7, [&](const Record& r) -> absl::Status {
    State state{r.String(0), r.String(1), r.String(2), r.String(5)};
    if (!IsCountryCode(state.code, 3)) {
      return r.Error(
          absl::StrCat("'", state.code, "' is not an ISO alpha-3 code (AAA)"));
    }
    if (!IsCountryCode(state.code2, 2)) {
      return r.Error(
          absl::StrCat("'", state.code2, "' is not an ISO alpha-2 code (AA)"));
    }
    if (state.name.empty()) {
      return r.Error("empty name");
    }
    const auto index = static_cast<uint32_t>(data_.states.size());
    if (!data_.state_index.try_emplace(state.code, index).second) {
      return r.Error(absl::StrCat("duplicate state code ", state.code));
    }
    if (const auto [it, inserted] =
            code2_seen.try_emplace(state.code2, state.code);
        !inserted) {
      return r.Error(absl::StrCat("alpha-2 code ", state.code2,
                                  " already used by ", it->second));
    }
    data_.states.push_back(std::move(state));
    return AddPhrases(r, EntityType::kState, index,
                      {{{r[2]}, MentionForm::kName},
                       {ListOf(r[3]), MentionForm::kAlias},
                       {ListOf(r[4]), MentionForm::kAdjective},
                       {ListOf(r[6]), MentionForm::kMetonym}});
  });
}

absl::Status Loader::LoadOrganizations(const SourceFile& file) {
  // code, name, kind, aliases, adjectives, seat_country, metonyms
  return ForEachRecord(file, 7, [&](const Record& r) -> absl::Status {
    Organization organization;
    organization.code = r.String(0);
    organization.name = r.String(1);
    if (!IsOrganizationCode(organization.code)) {
      return r.Error(
          absl::StrCat("'", organization.code,
                       "' is not an organisation code (A-Z, 0-9, '_', '-')"));
    }
    if (organization.name.empty()) {
      return r.Error("empty name");
    }
    if (r[2] == "igo") {
      organization.kind = OrganizationKind::kIntergovernmental;
    } else if (r[2] == "movement") {
      organization.kind = OrganizationKind::kMovement;
    } else if (r[2] == "other") {
      organization.kind = OrganizationKind::kOther;
    } else {
      return r.Error(
          absl::StrCat("kind '", r[2], "' is not igo, movement or other"));
    }
    organization.seat_country = r.String(5);
    if (!organization.seat_country.empty() &&
        !data_.state_index.contains(organization.seat_country)) {
      return r.Error(absl::StrCat("seat country ", organization.seat_country,
                                  " is not in states.tsv"));
    }
    if (data_.state_index.contains(organization.code)) {
      return r.Error(
          absl::StrCat("code ", organization.code, " is already a state code"));
    }
    const auto index = static_cast<uint32_t>(data_.organizations.size());
    if (!data_.organization_index.try_emplace(organization.code, index)
             .second) {
      return r.Error(
          absl::StrCat("duplicate organisation code ", organization.code));
    }
    data_.organizations.push_back(std::move(organization));
    std::vector<absl::string_view> aliases = ListOf(r[3]);
    // The code is how most organisations are written ("NATO", "UN"), unless
    // it is only an identifier ("AU_COMMISSION").
    if (!absl::StrContains(r[0], '_')) {
      aliases.push_back(r[0]);
    }
    return AddPhrases(r, EntityType::kOrganization, index,
                      {{{r[1]}, MentionForm::kName},
                       {aliases, MentionForm::kAlias},
                       {ListOf(r[4]), MentionForm::kAdjective},
                       {ListOf(r[6]), MentionForm::kMetonym}});
  });
}

absl::Status Loader::LoadOffices(const SourceFile& file) {
  // id, title, aliases
  return ForEachRecord(file, 3, [&](const Record& r) -> absl::Status {
    Office office{r.String(0), r.String(1)};
    if (!IsOfficeId(office.id)) {
      return r.Error(
          absl::StrCat("'", office.id, "' is not a snake_case office id"));
    }
    if (office.title.empty()) {
      return r.Error("empty title");
    }
    const auto index = static_cast<uint32_t>(data_.offices.size());
    if (!data_.office_index.try_emplace(office.id, index).second) {
      return r.Error(absl::StrCat("duplicate office id ", office.id));
    }
    data_.offices.push_back(std::move(office));
    std::vector<absl::string_view> titles = ListOf(r[2]);
    titles.push_back(r[1]);
    return AddPhrases(r, EntityType::kOffice, index,
                      {{titles, MentionForm::kTitle}});
  });
}

absl::Status Loader::LoadPeople(const SourceFile& file) {
  // id, name, aliases, surname
  return ForEachRecord(file, 4, [&](const Record& r) -> absl::Status {
    Person person;
    person.id = r.String(0);
    person.name = r.String(1);
    if (!IsPersonId(person.id)) {
      return r.Error(absl::StrCat("'", person.id,
                                  "' is not a kebab-case ASCII person id"));
    }
    if (person.name.empty()) {
      return r.Error("empty name");
    }
    const auto index = static_cast<uint32_t>(data_.people.size());
    if (!data_.person_index.try_emplace(person.id, index).second) {
      return r.Error(absl::StrCat("duplicate person id ", person.id));
    }
    const std::vector<absl::string_view> aliases = ListOf(r[2]);
    for (const absl::string_view alias : aliases) {
      person.aliases.emplace_back(alias);
    }
    person.surname = r.String(3);
    data_.people.push_back(std::move(person));
    std::vector<absl::string_view> surname;
    if (!r[3].empty()) {
      surname.push_back(r[3]);
    }
    return AddPhrases(r, EntityType::kPerson, index,
                      {{{r[1]}, MentionForm::kName},
                       {aliases, MentionForm::kAlias},
                       {surname, MentionForm::kSurname}});
  });
}

absl::Status Loader::LoadTenures(const SourceFile& file) {
  // person_id, office_id, country, start, end, title
  return ForEachRecord(file, 6, [&](const Record& r) -> absl::Status {
    const auto person = data_.person_index.find(r[0]);
    if (person == data_.person_index.end()) {
      return r.Error(absl::StrCat("unknown person ", r[0]));
    }
    if (!data_.office_index.contains(r[1])) {
      return r.Error(absl::StrCat("unknown office ", r[1]));
    }
    if (!IsCountry(r[2])) {
      return r.Error(absl::StrCat(
          "country ", r[2], " is neither a state nor an organisation code"));
    }
    const std::optional<absl::CivilDay> start = ParseDay(r[3]);
    if (!start.has_value()) {
      return r.Error(
          absl::StrCat("start '", r[3], "' is not a YYYY-MM-DD date"));
    }
    std::optional<absl::CivilDay> end = kStillInOffice;
    if (!r[4].empty()) {
      end = ParseDay(r[4]);
    }
    if (!end.has_value()) {
      return r.Error(absl::StrCat("end '", r[4], "' is not a YYYY-MM-DD date"));
    }
    if (*end < *start) {
      return r.Error(absl::StrCat("end ", r[4], " is before start ", r[3]));
    }
    tenures_.push_back(
        {person->second,
         Tenure{r.String(1), r.String(2), *start, *end, r.String(5)},
         r.Where()});
    return absl::OkStatus();
  });
}

absl::Status Loader::AddTenures() {
  const auto key = [](const PendingTenure& p) {
    return std::tie(p.person, p.tenure.office_id, p.tenure.country,
                    p.tenure.start);
  };
  std::stable_sort(tenures_.begin(), tenures_.end(),
                   [&](const PendingTenure& a, const PendingTenure& b) {
                     return key(a) < key(b);
                   });
  for (size_t i = 1; i < tenures_.size(); ++i) {
    const PendingTenure& before = tenures_[i - 1];
    const PendingTenure& after = tenures_[i];
    if (before.person == after.person &&
        before.tenure.office_id == after.tenure.office_id &&
        before.tenure.country == after.tenure.country &&
        after.tenure.start <= before.tenure.end) {
      return absl::FailedPreconditionError(absl::StrCat(
          after.where, ": overlaps the term of ", data_.people[after.person].id,
          " as ", after.tenure.office_id, " of ", after.tenure.country, " at ",
          before.where));
    }
  }
  for (PendingTenure& pending : tenures_) {
    data_.terms[pending.tenure.office_id][pending.tenure.country].push_back(
        {pending.tenure.start, pending.tenure.end, pending.person});
    data_.people[pending.person].tenures.push_back(std::move(pending.tenure));
  }
  tenures_.clear();
  for (Person& person : data_.people) {
    std::stable_sort(
        person.tenures.begin(), person.tenures.end(),
        [](const Tenure& a, const Tenure& b) { return a.start < b.start; });
  }
  return absl::OkStatus();
}

absl::Status Loader::LoadPlaces(const SourceFile& file) {
  // name, country, kind, aliases, city
  absl::flat_hash_map<std::pair<std::string, std::string>, std::string> seen;
  return ForEachRecord(file, 5, [&](const Record& r) -> absl::Status {
    Place place;
    place.name = r.String(0);
    place.country = r.String(1);
    if (place.name.empty()) {
      return r.Error("empty name");
    }
    if (!data_.state_index.contains(place.country)) {
      return r.Error(
          absl::StrCat("country ", place.country, " is not in states.tsv"));
    }
    if (r[2] == "capital") {
      place.kind = PlaceKind::kCapital;
    } else if (r[2] == "city") {
      place.kind = PlaceKind::kCity;
    } else if (r[2] == "venue") {
      place.kind = PlaceKind::kVenue;
    } else if (r[2] == "region") {
      place.kind = PlaceKind::kRegion;
    } else {
      return r.Error(absl::StrCat("kind '", r[2],
                                  "' is not capital, city, venue or region"));
    }
    place.city = r[4].empty() ? place.name : r.String(4);
    if (const auto [it, inserted] = seen.try_emplace(
            std::make_pair(place.name, place.country), r.Where());
        !inserted) {
      return r.Error(absl::StrCat("duplicate place ", place.name, " of ",
                                  place.country, " (", it->second, ")"));
    }
    const size_t index = data_.places.size();
    data_.places.push_back(std::move(place));
    return AddPhrases(
        r, EntityType::kPlace, index,
        {{{r[0]}, MentionForm::kName}, {ListOf(r[3]), MentionForm::kAlias}});
  });
}

// Loads `files`, sorted by name, into new tables.
absl::StatusOr<std::unique_ptr<internal::KnowledgeBaseData>> LoadFiles(
    const std::vector<SourceFile>& files, absl::string_view source) {
  auto data = std::make_unique<internal::KnowledgeBaseData>();
  if (absl::Status status = Loader(data.get()).Load(files); !status.ok()) {
    return status;
  }
  data->source.assign(source.data(), source.size());
  return data;
}

}  // namespace

KnowledgeBase::KnowledgeBase(std::unique_ptr<Data> data)
    : data_(std::move(data)) {}

KnowledgeBase::~KnowledgeBase() = default;

absl::StatusOr<std::shared_ptr<const KnowledgeBase>>
KnowledgeBase::LoadFromDirectory(const std::string& dir) {
  std::error_code error;
  std::filesystem::directory_iterator it(dir, error);
  if (error) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": cannot read directory: ", error.message()));
  }
  std::vector<std::pair<std::string, std::string>> contents;  // name, bytes
  for (const std::filesystem::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".tsv" || !entry.is_regular_file()) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      return absl::FailedPreconditionError(
          absl::StrCat(entry.path().string(), ": cannot read"));
    }
    contents.emplace_back(name, std::move(content));
  }
  std::sort(contents.begin(), contents.end());
  std::vector<SourceFile> files;
  files.reserve(contents.size());
  for (const auto& [name, content] : contents) {
    files.push_back(
        {(std::filesystem::path(dir) / name).string(), name, content});
  }
  absl::StatusOr<std::unique_ptr<Data>> data = LoadFiles(files, dir);
  if (!data.ok()) {
    return data.status();
  }
  return std::shared_ptr<const KnowledgeBase>(
      new KnowledgeBase(*std::move(data)));
}

absl::StatusOr<std::shared_ptr<const KnowledgeBase>>
KnowledgeBase::LoadEmbedded() {
  std::vector<SourceFile> files;
  for (const internal::EmbeddedFile& file : internal::EmbeddedFiles()) {
    std::string path(file.name);
    files.push_back({std::move(path), file.name, file.content});
  }
  absl::StatusOr<std::unique_ptr<Data>> data = LoadFiles(files, "embedded");
  if (!data.ok()) {
    return data.status();
  }
  return std::shared_ptr<const KnowledgeBase>(
      new KnowledgeBase(*std::move(data)));
}

const std::string& KnowledgeBase::version() const { return data_->version; }
const std::string& KnowledgeBase::source() const { return data_->source; }

absl::Span<const State> KnowledgeBase::states() const { return data_->states; }
absl::Span<const Organization> KnowledgeBase::organizations() const {
  return data_->organizations;
}
absl::Span<const Office> KnowledgeBase::offices() const {
  return data_->offices;
}
absl::Span<const Person> KnowledgeBase::people() const { return data_->people; }
absl::Span<const Place> KnowledgeBase::places() const { return data_->places; }

namespace {

template <typename T>
const T* Find(const absl::flat_hash_map<std::string, uint32_t>& index,
              const std::vector<T>& items, absl::string_view key) {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : &items[it->second];
}

}  // namespace

const State* KnowledgeBase::FindState(absl::string_view code) const {
  return Find(data_->state_index, data_->states, code);
}
const Organization* KnowledgeBase::FindOrganization(
    absl::string_view code) const {
  return Find(data_->organization_index, data_->organizations, code);
}
const Person* KnowledgeBase::FindPerson(absl::string_view id) const {
  return Find(data_->person_index, data_->people, id);
}
const Office* KnowledgeBase::FindOffice(absl::string_view id) const {
  return Find(data_->office_index, data_->offices, id);
}

std::vector<EntityRef> KnowledgeBase::Lookup(absl::string_view phrase) const {
  return data_->matcher.Lookup(phrase);
}

const Office* KnowledgeBase::FindOfficeByTitle(absl::string_view title) const {
  for (const EntityRef& ref : Lookup(title)) {
    if (ref.type == EntityType::kOffice) {
      return &data_->offices[ref.index];
    }
  }
  return nullptr;
}

const State* KnowledgeBase::FindStateByAdjective(
    absl::string_view adjective) const {
  for (const EntityRef& ref : Lookup(adjective)) {
    if (ref.type == EntityType::kState && ref.form == MentionForm::kAdjective) {
      return &data_->states[ref.index];
    }
  }
  return nullptr;
}

const Person* KnowledgeBase::PersonByName(absl::string_view name) const {
  const Person* found = nullptr;
  for (const EntityRef& ref : Lookup(name)) {
    if (ref.type != EntityType::kPerson || ref.form == MentionForm::kSurname) {
      continue;
    }
    if (found != nullptr) {
      return nullptr;
    }
    found = &data_->people[ref.index];
  }
  return found;
}

std::vector<Mention> KnowledgeBase::FindMentions(absl::string_view text) const {
  return data_->matcher.FindMentions(text);
}

void KnowledgeBase::FindMentions(absl::string_view text,
                                 std::vector<Mention>* mentions) const {
  data_->matcher.FindMentions(text, mentions);
}

const Person* KnowledgeBase::HolderOf(absl::string_view office_id,
                                      absl::string_view country,
                                      absl::CivilDay date) const {
  const auto office = data_->terms.find(office_id);
  if (office == data_->terms.end()) {
    return nullptr;
  }
  const auto terms = office->second.find(country);
  if (terms == office->second.end()) {
    return nullptr;
  }
  // On a handover day both terms cover the date: the newcomer holds it.
  const Data::Term* holder = nullptr;
  for (const Data::Term& term : terms->second) {
    if (term.start <= date && date <= term.end &&
        (holder == nullptr || term.start > holder->start)) {
      holder = &term;
    }
  }
  return holder == nullptr ? nullptr : &data_->people[holder->person];
}

// A member, not static, as declared: the API may come to need the data.
// NOLINTNEXTLINE(readability-convert-member-functions-to-static)
absl::InlinedVector<const Tenure*, 2> KnowledgeBase::OfficesOf(
    const Person& person, absl::CivilDay date) const {
  absl::InlinedVector<const Tenure*, 2> held;
  for (const Tenure& tenure : person.tenures) {
    if (tenure.start <= date && date <= tenure.end) {
      held.push_back(&tenure);
    }
  }
  return held;
}

}  // namespace attache::kb
