#include "kb/knowledge_base.h"

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kb/test_util.h"

namespace attache::kb {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::shared_ptr<const KnowledgeBase> LoadFixture() {
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
      KnowledgeBase::LoadFromDirectory(testing::FixtureDir().string());
  EXPECT_TRUE(kb.ok()) << kb.status();
  return kb.ok() ? *kb : nullptr;
}

absl::string_view FormName(MentionForm form) {
  switch (form) {
    case MentionForm::kName:
      return "name";
    case MentionForm::kAlias:
      return "alias";
    case MentionForm::kSurname:
      return "surname";
    case MentionForm::kAdjective:
      return "adjective";
    case MentionForm::kMetonym:
      return "metonym";
    case MentionForm::kTitle:
      return "title";
  }
  return "?";
}

std::string Describe(const KnowledgeBase& kb, const EntityRef& ref) {
  std::string id;
  switch (ref.type) {
    case EntityType::kState:
      id = kb.states()[ref.index].code;
      break;
    case EntityType::kOrganization:
      id = kb.organizations()[ref.index].code;
      break;
    case EntityType::kPerson:
      id = kb.people()[ref.index].id;
      break;
    case EntityType::kPlace:
      id = "place:" + kb.places()[ref.index].name;
      break;
    case EntityType::kOffice:
      id = kb.offices()[ref.index].id;
      break;
  }
  return absl::StrCat(id, "/", FormName(ref.form));
}

// Each mention as "<matched text> = <candidate>, <candidate>...".
std::vector<std::string> Mentions(const KnowledgeBase& kb,
                                  absl::string_view text) {
  std::vector<std::string> out;
  for (const Mention& mention : kb.FindMentions(text)) {
    std::vector<std::string> candidates;
    for (const EntityRef& ref : mention.candidates) {
      candidates.push_back(Describe(kb, ref));
    }
    std::sort(candidates.begin(), candidates.end());
    out.push_back(
        absl::StrCat(text.substr(mention.begin, mention.end - mention.begin),
                     " = ", absl::StrJoin(candidates, ", ")));
  }
  return out;
}

class FixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kb_ = LoadFixture();
    ASSERT_NE(kb_, nullptr);
  }
  std::vector<std::string> Find(absl::string_view text) const {
    return Mentions(*kb_, text);
  }
  std::shared_ptr<const KnowledgeBase> kb_;
};

TEST_F(FixtureTest, LoadsEveryFile) {
  EXPECT_EQ(kb_->states().size(), 10);
  EXPECT_EQ(kb_->organizations().size(), 4);
  EXPECT_EQ(kb_->offices().size(), 4);
  EXPECT_EQ(kb_->people().size(), 10);  // people.tsv and people-extra.tsv
  EXPECT_EQ(kb_->places().size(), 12);
  ASSERT_NE(kb_->FindState("CHN"), nullptr);
  EXPECT_EQ(kb_->FindState("CHN")->name, "China");
  EXPECT_EQ(kb_->FindState("CHN")->code2, "CN");
  EXPECT_EQ(kb_->FindState("XXX"), nullptr);
  ASSERT_NE(kb_->FindOrganization("HAMAS"), nullptr);
  EXPECT_EQ(kb_->FindOrganization("HAMAS")->kind, OrganizationKind::kMovement);
  EXPECT_EQ(kb_->FindOrganization("UN")->seat_country, "USA");
  ASSERT_NE(kb_->FindPerson("sergey-lavrov"), nullptr);  // tenures-extra.tsv
  EXPECT_EQ(kb_->FindPerson("sergey-lavrov")->tenures.size(), 1);
  ASSERT_NE(kb_->FindPerson("wang-yi"), nullptr);
  EXPECT_EQ(kb_->FindPerson("wang-yi")->surname, "Wang");
  EXPECT_EQ(kb_->FindOffice("foreign_minister")->title, "Foreign Minister");
  EXPECT_EQ(kb_->source(), testing::FixtureDir().string());
}

TEST_F(FixtureTest, VersionIsAStableDigest) {
  EXPECT_THAT(kb_->version(), ::testing::MatchesRegex("[0-9a-f]{12}"));
  EXPECT_EQ(LoadFixture()->version(), kb_->version());
  const std::filesystem::path dir = testing::CopyOfFixture();
  testing::AppendLine(dir / "places.tsv", "Sochi\tRUS\tcity\t\t");
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> edited =
      KnowledgeBase::LoadFromDirectory(dir.string());
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_NE((*edited)->version(), kb_->version());
}

TEST_F(FixtureTest, HolderOfFollowsTheDate) {
  const auto holder = [&](absl::string_view office, absl::string_view country,
                          absl::CivilDay day) -> std::string {
    const Person* person = kb_->HolderOf(office, country, day);
    return person == nullptr ? "none" : person->id;
  };
  EXPECT_EQ(holder("foreign_minister", "CHN", absl::CivilDay(2023, 3, 15)),
            "qin-gang");
  EXPECT_EQ(holder("foreign_minister", "CHN", absl::CivilDay(2023, 9, 1)),
            "wang-yi");
  EXPECT_EQ(holder("foreign_minister", "CHN", absl::CivilDay(2019, 1, 1)),
            "wang-yi");
  // On the handover day the newcomer holds the office.
  EXPECT_EQ(holder("foreign_minister", "CHN", absl::CivilDay(2022, 12, 30)),
            "qin-gang");
  EXPECT_EQ(holder("foreign_minister", "CHN", absl::CivilDay(2010, 1, 1)),
            "none");
  EXPECT_EQ(holder("secretary_general", "UN", absl::CivilDay(2024, 5, 1)),
            "antonio-guterres");
  EXPECT_EQ(holder("foreign_minister", "FRA", absl::CivilDay(2024, 5, 1)),
            "none");
  EXPECT_EQ(holder("no_such_office", "CHN", absl::CivilDay(2024, 5, 1)),
            "none");
}

TEST_F(FixtureTest, OfficesOfFollowsTheDate) {
  const Person* erdogan = kb_->FindPerson("recep-tayyip-erdogan");
  ASSERT_NE(erdogan, nullptr);
  const auto offices = [&](absl::CivilDay day) {
    std::vector<std::string> ids;
    for (const Tenure* tenure : kb_->OfficesOf(*erdogan, day)) {
      ids.push_back(absl::StrCat(tenure->office_id, "@", tenure->country));
    }
    return ids;
  };
  EXPECT_THAT(offices(absl::CivilDay(2010, 6, 1)),
              ElementsAre("head_of_government@TUR"));
  EXPECT_THAT(offices(absl::CivilDay(2014, 8, 28)),
              ElementsAre("head_of_government@TUR", "head_of_state@TUR"));
  EXPECT_THAT(offices(absl::CivilDay(2025, 1, 1)),
              ElementsAre("head_of_state@TUR"));
  EXPECT_THAT(offices(absl::CivilDay(2001, 1, 1)), IsEmpty());
  EXPECT_EQ(kb_->OfficesOf(*erdogan, absl::CivilDay(2025, 1, 1))[0]->title,
            "President");
}

TEST_F(FixtureTest, Metonyms) {
  EXPECT_THAT(
      Find("The Kremlin rejected it; Zhongnanhai and Downing Street "
           "were silent, the Élysée and the Quai d'Orsay too."),
      ElementsAre("Kremlin = RUS/metonym", "Zhongnanhai = CHN/metonym",
                  "Downing Street = GBR/metonym", "Élysée = FRA/metonym",
                  "Quai d'Orsay = FRA/metonym"));
  EXPECT_THAT(Find("Brussels"),
              ElementsAre("Brussels = EU/metonym, place:Brussels/name"));
  EXPECT_THAT(Find("Washington and Moscow"),
              ElementsAre("Washington = USA/metonym, place:Washington/name",
                          "Moscow = RUS/metonym, place:Moscow/name"));
}

TEST_F(FixtureTest, AdjectivesAndDemonyms) {
  EXPECT_THAT(Find("Chinese and Emirati officials met two Emiratis."),
              ElementsAre("Chinese = CHN/adjective", "Emirati = ARE/adjective",
                          "Emiratis = ARE/adjective"));
  EXPECT_THAT(Find("U.S. and US envoys"),
              ElementsAre("U.S. = USA/adjective, USA/alias",
                          "US = USA/adjective, USA/alias"));
  EXPECT_THAT(
      Find("the U.S.-China talks"),
      ElementsAre("U.S. = USA/adjective, USA/alias", "China = CHN/name"));
}

TEST_F(FixtureTest, AliasesAndTransliterations) {
  EXPECT_THAT(Find("Zelenskyy, Zelenskiy and Volodymyr Zelensky"),
              ElementsAre("Zelenskyy = volodymyr-zelensky/alias",
                          "Zelenskiy = volodymyr-zelensky/alias",
                          "Volodymyr Zelensky = volodymyr-zelensky/name"));
  EXPECT_THAT(Find("Kim Jong-un, or Kim Jong Un"),
              ElementsAre("Kim Jong-un = kim-jong-un/alias",
                          "Kim Jong Un = kim-jong-un/alias, kim-jong-un/name"));
  EXPECT_THAT(
      Find("MBS hosted Sergei Lavrov in the UAE"),
      ElementsAre("MBS = mohammed-bin-salman/alias",
                  "Sergei Lavrov = sergey-lavrov/alias", "UAE = ARE/alias"));
  EXPECT_THAT(Find("Türkiye, formerly Turkey"),
              ElementsAre("Türkiye = TUR/alias", "Turkey = TUR/name"));
}

TEST_F(FixtureTest, NfcAndNfdTextBothMatch) {
  const std::string nfc = "Erdo\u011Fan";   // ğ precomposed
  const std::string nfd = "Erdog\u0306an";  // g + combining breve
  for (const std::string& name : {nfc, nfd, std::string("Erdogan")}) {
    const std::string text = "President " + name + " spoke.";
    const std::vector<Mention> mentions = kb_->FindMentions(text);
    ASSERT_EQ(mentions.size(), 2) << text;
    // The span covers the name as written, combining marks included.
    EXPECT_EQ(
        text.substr(mentions[1].begin, mentions[1].end - mentions[1].begin),
        name);
    EXPECT_THAT(Mentions(*kb_, text)[1],
                HasSubstr("recep-tayyip-erdogan/surname"));
  }
  EXPECT_THAT(Find("E\u0301lyse\u0301e"),
              ElementsAre(HasSubstr("FRA/metonym")));
  EXPECT_THAT(Find("ANTÓNIO GUTERRES"),
              ElementsAre(HasSubstr("antonio-guterres/")));
}

TEST_F(FixtureTest, CaseRules) {
  // Short all-caps aliases need capitals.
  EXPECT_THAT(Find("Let us talk, Us too."), IsEmpty());
  EXPECT_THAT(Find("the UN and the Un"), ElementsAre("UN = UN/alias"));
  // Longer acronyms may be written in title case.
  EXPECT_THAT(Find("Nato allies"), ElementsAre("Nato = NATO/alias"));
  // Capitalised names do not match common words.
  EXPECT_THAT(Find("fine china, a roast turkey, a hanging chad in may"),
              IsEmpty());
  EXPECT_THAT(Find("Chad and Turkey"),
              ElementsAre("Chad = TCD/name", "Turkey = TUR/name"));
  EXPECT_THAT(Find("May met the press"),
              ElementsAre("May = theresa-may/surname"));
  // Headlines in capitals still match.
  EXPECT_THAT(Find("CHINA WARNS US"),
              ElementsAre("CHINA = CHN/name", "US = USA/adjective, USA/alias"));
  // Titles match in any case.
  EXPECT_THAT(Find("the foreign minister, the Top Diplomat, PRIME MINISTER"),
              ElementsAre("foreign minister = foreign_minister/title",
                          "Top Diplomat = foreign_minister/title",
                          "PRIME MINISTER = head_of_government/title"));
}

TEST_F(FixtureTest, PossessivesDoNotPreventAMatch) {
  EXPECT_THAT(Find("China's Wang Yi’s trip"),
              ElementsAre("China = CHN/name", "Wang Yi = wang-yi/name"));
  EXPECT_THAT(Find("Erdoğan's aides and the Emiratis' view"),
              ElementsAre("Erdoğan = recep-tayyip-erdogan/alias, "
                          "recep-tayyip-erdogan/surname",
                          "Emiratis = ARE/adjective"));
}

TEST_F(FixtureTest, LongestMatchWinsWithoutOverlap) {
  EXPECT_THAT(Find("Great Britain"), ElementsAre("Great Britain = GBR/alias"));
  EXPECT_THAT(Find("the People's Republic of China"),
              ElementsAre("People's Republic of China = CHN/alias"));
  EXPECT_THAT(Find("the United States of America and the United States"),
              ElementsAre("United States of America = USA/alias",
                          "United States = USA/name"));
  EXPECT_THAT(Find("at the U.N. General Assembly in New York City"),
              ElementsAre("U.N. General Assembly = place:U.N. General "
                          "Assembly/alias, place:U.N. General Assembly/name",
                          "New York City = place:New York/alias"));
  // Names do not run across other punctuation.
  EXPECT_THAT(Find("Wang, Yi"), ElementsAre("Wang = wang-wentao/surname, "
                                            "wang-yi/surname"));
}

TEST_F(FixtureTest, EveryCandidateIsReturned) {
  EXPECT_THAT(Find("Wang said"),
              ElementsAre("Wang = wang-wentao/surname, wang-yi/surname"));
  EXPECT_THAT(
      Find("Wang Yi and Wang Wentao"),
      ElementsAre("Wang Yi = wang-yi/name", "Wang Wentao = wang-wentao/name"));
}

TEST_F(FixtureTest, EmptyAndInvalidText) {
  EXPECT_THAT(kb_->FindMentions(""), IsEmpty());
  EXPECT_THAT(Find("  \n\t ,.;"), IsEmpty());
  EXPECT_THAT(Find("China\xff\xfe Russia \xe2\x80"),
              ElementsAre("China = CHN/name", "Russia = RUS/name"));
}

TEST_F(FixtureTest, TenThousandNamesInARow) {
  std::string joined;
  std::string listed;
  for (int i = 0; i < 10000; ++i) {
    joined += "Wang Yi ";
    listed += "Qin Gang, ";
  }
  EXPECT_EQ(kb_->FindMentions(joined).size(), 10000);
  const std::vector<Mention> mentions = kb_->FindMentions(listed);
  ASSERT_EQ(mentions.size(), 10000);
  EXPECT_EQ(mentions.back().begin, listed.size() - 10);
  EXPECT_EQ(mentions.back().end, listed.size() - 2);
}

TEST_F(FixtureTest, LookupHelpers) {
  ASSERT_NE(kb_->FindOfficeByTitle("top diplomat"), nullptr);
  EXPECT_EQ(kb_->FindOfficeByTitle("top diplomat")->id, "foreign_minister");
  EXPECT_EQ(kb_->FindOfficeByTitle("Secretary of State")->id,
            "foreign_minister");
  EXPECT_EQ(kb_->FindOfficeByTitle("top"), nullptr);
  ASSERT_NE(kb_->FindStateByAdjective("Emirati"), nullptr);
  EXPECT_EQ(kb_->FindStateByAdjective("Emirati")->code, "ARE");
  EXPECT_EQ(kb_->FindStateByAdjective("U.S.")->code, "USA");
  EXPECT_EQ(kb_->FindStateByAdjective("chinese"), nullptr);
  EXPECT_EQ(kb_->FindStateByAdjective("China"), nullptr);
  ASSERT_NE(kb_->PersonByName("Kim Jong-un"), nullptr);
  EXPECT_EQ(kb_->PersonByName("Kim Jong-un")->id, "kim-jong-un");
  EXPECT_EQ(kb_->PersonByName("Wang"), nullptr);  // a surname, and shared
  EXPECT_EQ(kb_->PersonByName("Wang Yi and more"), nullptr);
  EXPECT_THAT(
      kb_->Lookup("Peking"),
      ElementsAre(::testing::Field(&EntityRef::type, EntityType::kPlace)));
  const auto place = [&](absl::string_view phrase) -> const Place* {
    for (const EntityRef& ref : kb_->Lookup(phrase)) {
      if (ref.type == EntityType::kPlace) {
        return &kb_->places()[ref.index];
      }
    }
    return nullptr;
  };
  ASSERT_NE(place("UNGA"), nullptr);
  EXPECT_EQ(place("UNGA")->kind, PlaceKind::kVenue);
  EXPECT_EQ(place("UNGA")->city, "New York");
  ASSERT_NE(place("Kiev"), nullptr);  // also a metonym of UKR
  EXPECT_EQ(place("Kiev")->city, "Kyiv");
}

// One data error per validation rule: the line appended to a copy of the
// fixture must be reported as FILE:LINE.
struct BadLine {
  const char* test_name;
  const char* file;
  const char* line;
  const char* message;
};

void PrintTo(const BadLine& bad, std::ostream* out) { *out << bad.test_name; }

class ValidationTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(ValidationTest, NamesFileAndLine) {
  const BadLine& bad = GetParam();
  const std::filesystem::path dir = testing::CopyOfFixture();
  const int line = testing::AppendLine(dir / bad.file, bad.line);
  const absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
      KnowledgeBase::LoadFromDirectory(dir.string());
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(kb.status().message(),
              HasSubstr(absl::StrCat(bad.file, ":", line, ": ")));
  EXPECT_THAT(kb.status().message(), HasSubstr(bad.message));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidationTest,
    ::testing::Values(
        BadLine{"TooManyFields", "offices.tsv", "envoy\tEnvoy\t\textra",
                "4 fields, expected 3"},
        BadLine{"InvalidUtf8", "offices.tsv", "envoy\tEnv\xc3\x28y\t",
                "invalid UTF-8"},
        BadLine{"StateCodeShape", "states.tsv", "CH1\tCQ\tChimera\t\t\t\t",
                "not an ISO alpha-3 code"},
        BadLine{"StateCode2Shape", "states.tsv", "CHM\tC\tChimera\t\t\t\t",
                "not an ISO alpha-2 code"},
        BadLine{"DuplicateStateCode", "states.tsv", "CHN\tCQ\tChimera\t\t\t\t",
                "duplicate state code CHN"},
        BadLine{"DuplicateStateCode2", "states.tsv", "CHM\tCN\tChimera\t\t\t\t",
                "already used by CHN"},
        BadLine{"EmptyName", "states.tsv", "CHM\tCQ\t\t\t\t\t", "empty name"},
        BadLine{"AliasThatNeverMatches", "states.tsv",
                "KOR\tKR\tKorea\tKorea, South\t\t\t", "punctuation"},
        BadLine{"StateNameOfAnotherState", "states.tsv",
                "CHM\tCQ\tChimera\tRussian Federation\t\t\t",
                "already names state RUS"},
        BadLine{"OrganizationCodeShape", "organizations.tsv",
                "G 7\tGroup of Seven\tigo\t\t\t\t", "not an organisation code"},
        BadLine{"OrganizationKind", "organizations.tsv",
                "G7\tGroup of Seven\tclub\t\t\t\t", "kind 'club'"},
        BadLine{"OrganizationSeat", "organizations.tsv",
                "G7\tGroup of Seven\tigo\t\t\tXYZ\t", "seat country XYZ"},
        BadLine{"OrganizationCodeIsAState", "organizations.tsv",
                "USA\tUnion of South Asia\tigo\t\t\t\t",
                "already a state code"},
        BadLine{"DuplicateOrganizationCode", "organizations.tsv",
                "UN\tUnited Nations Again\tigo\t\t\t\t",
                "duplicate organisation code UN"},
        BadLine{"OrganizationAliasNamesAState", "organizations.tsv",
                "AFU\tAmerican Friends Union\tother\tAmerica\t\t\t",
                "'America' already names state USA"},
        BadLine{"OfficeIdShape", "offices.tsv", "Envoy\tEnvoy\t",
                "not a snake_case office id"},
        BadLine{"DuplicateOffice", "offices.tsv", "head_of_state\tLeader\t",
                "duplicate office id head_of_state"},
        BadLine{"PersonIdShape", "people.tsv", "Li_Qiang\tLi Qiang\t\tLi",
                "not a kebab-case ASCII person id"},
        // people-extra.tsv loads first: people.tsv repeats one of its ids.
        BadLine{"DuplicatePersonAcrossFiles", "people.tsv",
                "sergey-lavrov\tSergey V. Lavrov\t\t",
                "duplicate person id sergey-lavrov"},
        BadLine{"TenureUnknownPerson", "tenures.tsv",
                "li-qiang\thead_of_government\tCHN\t2023-03-11\t\t",
                "unknown person li-qiang"},
        BadLine{"TenureUnknownOffice", "tenures.tsv",
                "wang-yi\tvice_premier\tCHN\t2023-03-11\t\t",
                "unknown office vice_premier"},
        BadLine{"TenureUnknownCountry", "tenures.tsv",
                "wang-yi\thead_of_state\tCHM\t2023-03-11\t\t",
                "country CHM is neither"},
        BadLine{"TenureBadDate", "tenures.tsv",
                "wang-yi\thead_of_state\tCHN\t2023-02-30\t\t",
                "start '2023-02-30' is not a YYYY-MM-DD date"},
        BadLine{"TenureEndBeforeStart", "tenures.tsv",
                "wang-yi\thead_of_state\tCHN\t2023-03-11\t2023-03-10\t",
                "end 2023-03-10 is before start 2023-03-11"},
        BadLine{"OverlappingTerms", "tenures.tsv",
                "wang-yi\tforeign_minister\tCHN\t2022-01-01\t2022-06-01\t",
                "overlaps the term of wang-yi as foreign_minister of CHN"},
        BadLine{"PlaceUnknownCountry", "places.tsv", "Sochi\tRUX\tcity\t\t",
                "country RUX is not in states.tsv"},
        BadLine{"PlaceKind", "places.tsv", "Sochi\tRUS\tresort\t\t",
                "kind 'resort'"},
        BadLine{"DuplicatePlace", "places.tsv", "Paris\tFRA\tcity\t\t",
                "duplicate place Paris of FRA"}),
    [](const ::testing::TestParamInfo<BadLine>& info) {
      return info.param.test_name;
    });

TEST(ValidationTest, MetonymMayNameAStateAndAnOrganization) {
  const std::filesystem::path dir = testing::CopyOfFixture();
  testing::AppendLine(dir / "organizations.tsv",
                      "OECD\tOrganisation for Economic Co-operation and "
                      "Development\tigo\t\t\tFRA\tParis");
  const absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
      KnowledgeBase::LoadFromDirectory(dir.string());
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_THAT(Mentions(**kb, "Paris"),
              ElementsAre("Paris = FRA/metonym, OECD/metonym, "
                          "place:Paris/name"));
}

TEST(ValidationTest, MissingAndUnknownFiles) {
  const std::filesystem::path dir = testing::CopyOfFixture();
  std::filesystem::remove(dir / "places.tsv");
  absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
      KnowledgeBase::LoadFromDirectory(dir.string());
  ASSERT_FALSE(kb.ok());
  EXPECT_THAT(kb.status().message(), HasSubstr("places.tsv: missing"));

  const std::filesystem::path other = testing::CopyOfFixture("_unknown");
  testing::WriteFile(other / "notes.tsv", "x\n");
  kb = KnowledgeBase::LoadFromDirectory(other.string());
  ASSERT_FALSE(kb.ok());
  EXPECT_THAT(kb.status().message(), HasSubstr("notes.tsv: unknown data file"));

  kb = KnowledgeBase::LoadFromDirectory((dir / "no-such-dir").string());
  EXPECT_EQ(kb.status().code(), absl::StatusCode::kNotFound);
}

// The real data compiled into the library.
TEST(EmbeddedDataTest, LoadsValidatesAndMatchesTheDirectory) {
  const absl::StatusOr<std::shared_ptr<const KnowledgeBase>> kb =
      KnowledgeBase::LoadEmbedded();
  ASSERT_TRUE(kb.ok()) << kb.status();
  const KnowledgeBase& data = **kb;
  EXPECT_EQ(data.source(), "embedded");
  EXPECT_GE(data.states().size(), 193);
  ASSERT_NE(data.FindState("CHN"), nullptr);
  EXPECT_EQ(data.FindState("CHN")->name, "China");
  const Person* before =
      data.HolderOf("foreign_minister", "CHN", absl::CivilDay(2023, 3, 15));
  const Person* after =
      data.HolderOf("foreign_minister", "CHN", absl::CivilDay(2023, 9, 1));
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->name, "Qin Gang");
  EXPECT_EQ(after->name, "Wang Yi");
  ASSERT_NE(data.FindStateByAdjective("Chinese"), nullptr);
  EXPECT_EQ(data.FindStateByAdjective("Chinese")->code, "CHN");

  const absl::StatusOr<std::shared_ptr<const KnowledgeBase>> from_directory =
      KnowledgeBase::LoadFromDirectory(
          (testing::SourceDir() / "data").string());
  ASSERT_TRUE(from_directory.ok()) << from_directory.status();
  EXPECT_EQ((*from_directory)->version(), data.version())
      << "kb/data changed since this binary was built: rebuild";
}

}  // namespace
}  // namespace attache::kb
