#include "cli/format.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace attache::cli {
namespace {

using ::testing::SizeIs;

v1::Contact ParseContact(const std::string& text) {
  v1::Contact contact;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &contact));
  return contact;
}

const char kVisit[] = R"pb(
  kind: CONTACT_KIND_VISIT
  status: CONTACT_STATUS_PLANNED
  participants {
    actor { name: "Ilse Marquardt" country_code: "DEU" }
    role: PARTICIPANT_ROLE_VISITOR
  }
  participants {
    actor { mention: "officials in Quito" country_code: "ECU" }
    role: PARTICIPANT_ROLE_HOST
  }
  time {
    start { year: 2031 month: 4 day: 2 }
    end { year: 2031 month: 4 day: 2 }
    granularity: TIME_GRANULARITY_DAY
  }
  location { city: "Quito" country_code: "ECU" }
  evidence {
    sentence: "German envoy Ilse Marquardt will fly to Quito on Wednesday for talks on fisheries and port access."
  }
)pb";

TEST(FormatTest, ParticipantShowsNameCodeAndRole) {
  const v1::Contact visit = ParseContact(kVisit);
  EXPECT_EQ(ParticipantText(visit.participants(0)),
            "Ilse Marquardt (DEU, visitor)");
  EXPECT_EQ(ParticipantText(visit.participants(1)),
            "officials in Quito (ECU, host)");
  EXPECT_EQ(ParticipantText(v1::Participant()), "(unnamed)");
}

TEST(FormatTest, WhenShowsTheResolvedPrecision) {
  v1::TimeSpec time;
  EXPECT_EQ(WhenText(time), "-");
  time.set_text("soon");
  EXPECT_EQ(WhenText(time), "\"soon\"");
  time.set_granularity(v1::TIME_GRANULARITY_MONTH);
  time.mutable_start()->set_year(2030);
  time.mutable_start()->set_month(11);
  *time.mutable_end() = time.start();
  time.mutable_end()->set_day(30);
  EXPECT_EQ(WhenText(time), "2030-11");
  time.set_granularity(v1::TIME_GRANULARITY_SEASON);
  time.mutable_end()->set_year(2031);
  time.mutable_end()->set_month(1);
  EXPECT_EQ(WhenText(time), "2030-11..2031-01");
  time.set_granularity(v1::TIME_GRANULARITY_YEAR);
  time.mutable_end()->set_year(2030);
  EXPECT_EQ(WhenText(time), "2030");
}

TEST(FormatTest, WherePrefersCityThenVenueThenText) {
  v1::Location location;
  EXPECT_EQ(WhereText(location), "-");
  location.set_text("on the sidelines of the forum");
  EXPECT_EQ(WhereText(location), "on the sidelines of the forum");
  location.set_venue("Lakeside Forum");
  EXPECT_EQ(WhereText(location), "Lakeside Forum");
  location.set_city("Lugano");
  EXPECT_EQ(WhereText(location), "Lugano");
  location.set_country_code("CHE");
  EXPECT_EQ(WhereText(location), "Lugano, CHE");
}

TEST(FormatTest, TruncateCountsCodePointsNotBytes) {
  EXPECT_EQ(DisplayWidth("Zürich–Genève"), 13);
  EXPECT_EQ(Truncate("Zürich–Genève", 13), "Zürich–Genève");
  EXPECT_EQ(Truncate("Zürich–Genève", 8), "Zürich–…");
  EXPECT_EQ(Truncate("talks in Bern", 9), "talks in…");
  EXPECT_EQ(Truncate("abc", 0), "");
}

TEST(FormatTest, TableFitsTheWidthAndAlignsColumns) {
  v1::ExtractionSummary summary;
  summary.set_article_id("a7");
  summary.set_contact_count(1);
  summary.set_sentence_count(4);
  summary.set_mention_count(6);
  const v1::Contact contacts[] = {ParseContact(kVisit)};

  const std::string table = ContactTable(contacts, summary, 120);

  const std::vector<std::string> lines = absl::StrSplit(table, '\n');
  ASSERT_THAT(lines, SizeIs(5));  // header, two participants, summary, ""
  EXPECT_EQ(lines[0].find("KIND"), lines[1].find("visit "));
  EXPECT_EQ(lines[0].find("WHEN"), lines[1].find("2031-04-02"));
  EXPECT_EQ(lines[0].find("WHERE"), lines[1].find("Quito, ECU"));
  EXPECT_EQ(lines[0].find("EVIDENCE"), lines[1].find("German envoy"));
  EXPECT_EQ(DisplayWidth(lines[1]), 120);
  EXPECT_TRUE(absl::EndsWith(lines[1], "…"));
  EXPECT_EQ(lines[2], "officials in Quito (ECU, host)");
  EXPECT_EQ(lines[3], "1 contact in 4 sentences, 6 mentions (article a7)");
}

TEST(FormatTest, NarrowTableMovesEvidenceUnderTheRow) {
  const v1::Contact contacts[] = {ParseContact(kVisit)};
  const std::vector<std::string> lines =
      absl::StrSplit(ContactTable(contacts, {}, 40), '\n');
  ASSERT_THAT(lines, SizeIs(6));
  EXPECT_FALSE(absl::StrContains(lines[0], "EVIDENCE"));
  EXPECT_EQ(lines[3], "    German envoy Ilse Marquardt will fl…");
  EXPECT_EQ(DisplayWidth(lines[3]), 40);
}

TEST(FormatTest, JsonLineIsOneLineOfProtoJson) {
  v1::ExtractContactsResponse response;
  response.mutable_summary()->set_article_id("a7");
  response.mutable_summary()->set_contact_count(2);
  EXPECT_EQ(JsonLine(response),
            "{\"summary\":{\"articleId\":\"a7\",\"contactCount\":2}}\n");
}

TEST(FormatTest, EnumLabelDropsThePrefix) {
  EXPECT_EQ(EnumLabel("CONTACT_STATUS_SPECULATED", "CONTACT_STATUS_"),
            "speculated");
}

}  // namespace
}  // namespace attache::cli
