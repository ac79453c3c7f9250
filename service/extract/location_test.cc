// Locations of contacts: places near the trigger, visit destinations and the
// place a visit shares with the meetings held during it.
#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

using testing::ContactsOf;

const Contact* FindKind(const std::vector<Contact>& contacts,
                        ContactKind kind) {
  for (const Contact& c : contacts) {
    if (c.kind == kind) {
      return &c;
    }
  }
  return nullptr;
}

TEST(LocationTest, CityAfterItsStatesPossessive) {
  const auto contacts =
      ContactsOf("Alder Quint met Lu Feng in Switzerland's Geneva.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].location.city, "Geneva");
  EXPECT_EQ(contacts[0].location.country_code, "CHE");
}

TEST(LocationTest, StateDestinationGivesOnlyTheCountry) {
  const auto contacts =
      ContactsOf("Alder Quint traveled to neighboring Switzerland.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].location.city, "");
  EXPECT_EQ(contacts[0].location.country_code, "CHE");
}

TEST(LocationTest, VisitTakesTheCityAndDayOfItsMeeting) {
  const auto contacts = ContactsOf(
      "Alder Quint paid a state visit to China. On Monday, Quint met Lu Feng "
      "in Beijing.");
  const Contact* visit = FindKind(contacts, ContactKind::kVisit);
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->location.city, "Beijing");
  EXPECT_EQ(visit->time.start, absl::CivilDay(2024, 5, 13));
}

TEST(LocationTest, MeetingDuringAVisitTakesItsPlaceAndDay) {
  const auto contacts = ContactsOf(
      "Alder Quint landed in Beijing on Monday. Quint and Lu Feng held "
      "talks.");
  const Contact* meeting = FindKind(contacts, ContactKind::kMeeting);
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->location.city, "Beijing");
  EXPECT_EQ(meeting->time.granularity, TimeGranularity::kDay);
  EXPECT_EQ(meeting->time.start, absl::CivilDay(2024, 5, 13));
}

TEST(LocationTest, RelativeClauseEndsThePlaceSearch) {
  const auto contacts = ContactsOf(
      "Alder Quint and Lu Feng will hold talks, during which the situation "
      "in Geneva will be discussed.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].location.city, "");
}

TEST(LocationTest, MeetingPlannedDuringAVisitUnderWayTakesItsPlace) {
  const auto contacts = ContactsOf(
      "Alder Quint arrives in Beijing today. Quint will hold talks with Lu "
      "Feng.");
  const Contact* meeting = FindKind(contacts, ContactKind::kMeeting);
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->status, ContactStatus::kPlanned);
  EXPECT_EQ(meeting->location.city, "Beijing");
}

TEST(LocationTest, VenueKeepsItsNameAndGivesItsCity) {
  const auto contacts = ContactsOf(
      "Alder Quint met Lu Feng on the sidelines of the U.N. General "
      "Assembly.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].location.city, "New York");
  EXPECT_EQ(contacts[0].location.venue, "U.N. General Assembly");
  EXPECT_EQ(contacts[0].location.country_code, "USA");
}

}  // namespace
}  // namespace attache::extract
