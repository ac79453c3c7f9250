#include "text/boilerplate.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::text {
namespace {

using ::testing::ElementsAre;

struct Case {
  const char* text;
  BoilerplateKind kind;
};

class ClassifyParagraphTest : public ::testing::TestWithParam<Case> {};

TEST_P(ClassifyParagraphTest, Kind) {
  EXPECT_EQ(ClassifyParagraph(GetParam().text), GetParam().kind)
      << GetParam().text << " -> "
      << BoilerplateKindName(ClassifyParagraph(GetParam().text));
}

using K = BoilerplateKind;

INSTANTIATE_TEST_SUITE_P(
    Boilerplate, ClassifyParagraphTest,
    ::testing::Values(
        Case{"Your contribution keeps our reporters in the field", K::kAppeal},
        Case{"Sign up for our morning briefing and get it in your inbox.",
             K::kAppeal},
        Case{"Subscribe now for unlimited access", K::kAppeal},
        Case{"Follow us on Example Social @HarbourDaily", K::kAppeal},
        Case{"Read more: Envoys gather in Port Vale", K::kRelatedLink},
        Case{"READ ALSO: Ruritania recalls ambassador", K::kRelatedLink},
        Case{"Related: Five things to know about the summit", K::kRelatedLink},
        Case{"By Jane Okafor and Tomas Berg, Example Press", K::kByline},
        Case{"- By Lena Marsh", K::kByline},
        Case{"Photo: Harbour Daily", K::kPhotoCredit},
        Case{"The envoy waves on arrival. (Example Photo/Ana Ruiz)",
             K::kPhotoCredit},
        Case{"Home > World > Europe > Ruritania", K::kNavigation},
        Case{"Deutsch | English | Espa\xC3\xB1ol | Fran\xC3\xA7"
             "ais",
             K::kNavigation},
        Case{"Menu Search Login", K::kNavigation},
        Case{"Loading...", K::kNavigation},
        Case{"Tel.: +11-222-333-44-55", K::kContactInfo},
        Case{"Fax: +11 222 333 4455", K::kContactInfo},
        Case{"Address: 5 Harbour Road, Port Vale 10001", K::kContactInfo},
        Case{"press@example.org", K::kContactInfo},
        Case{"\xC2\xA9 2024 Harbour Daily. All rights reserved.", K::kLegal},
        Case{"This site uses cookies to improve your experience.", K::kLegal},
        Case{"Share this article", K::kShare},
        Case{"Harbour Top100 counter", K::kCounter},
        Case{"2023/04/05 09:41", K::kTimestamp},
        Case{"Updated: 12 March 2024, 10:15 GMT", K::kTimestamp},
        Case{"Ana Ruiz 5 minutes ago Wed 6th March 2024", K::kTimestamp},
        Case{"Source: Harbour Wire", K::kSourceCredit},
        Case{"Reporting by Ana Ruiz; Editing by Tomas Berg", K::kSourceCredit},
        Case{"/* ---- sidebar banner ---- */", K::kMarkup},
        // Content that must stay content.
        Case{"Foreign Minister Alda Rensk met her Utopian counterpart in "
             "Port Vale on Tuesday.",
             K::kNone},
        Case{"Ruritanian envoy visits Utopia", K::kNone},
        Case{"\"Thank you for your support,\" Rensk told the visiting "
             "delegation.",
             K::kNone},
        Case{"By Monday evening, the two ministers had agreed on a "
             "ceasefire framework and a prisoner exchange.",
             K::kNone},
        Case{"The talks in Tel Aviv lasted 3 hours.", K::kNone},
        Case{"President Rensk will visit Utopia on May 9.", K::kNone},
        Case{"", K::kNone}));

TEST(ClassifySentenceTest, AppealGluedToLede) {
  EXPECT_EQ(ClassifySentence("Your support makes all the difference."),
            K::kAppeal);
  EXPECT_EQ(ClassifySentence("Minister Rensk arrived in Port Vale."), K::kNone);
  EXPECT_EQ(ClassifySentence("(Ana Ruiz/Harbour Wire)"), K::kPhotoCredit);
}

TEST(ClassifySentenceTest, OnlyInlineKinds) {
  // Layout kinds are paragraph-level only.
  EXPECT_EQ(ClassifySentence("Home | World | Europe"), K::kNone);
  EXPECT_EQ(ClassifySentence("By Lena Marsh"), K::kNone);
}

TEST(AppealPrefixLengthTest, StopsAtGluedContent) {
  const std::vector<absl::string_view> sentences = {
      "We rely on readers like you.", "Your gift makes all the difference.",
      "Minister Rensk flew to Port Vale on Monday.", "She met the king."};
  EXPECT_EQ(AppealPrefixLength(sentences), 2u);
  EXPECT_EQ(AppealPrefixLength({}), 0u);
}

std::vector<K> Refine(const std::vector<absl::string_view>& paragraphs) {
  std::vector<K> kinds;
  kinds.reserve(paragraphs.size());
  for (absl::string_view p : paragraphs) {
    kinds.push_back(ClassifyParagraph(p));
  }
  RefineInContext(paragraphs, absl::MakeSpan(kinds));
  // ClassifyParagraphs() does both steps at once, to the same result.
  std::vector<K> at_once(paragraphs.size());
  ClassifyParagraphs(paragraphs, absl::MakeSpan(at_once));
  EXPECT_EQ(at_once, kinds);
  return kinds;
}

TEST(RefineInContextTest, PublisherVoiceNextToAppeals) {
  EXPECT_THAT(
      Refine({"Your support helps us report the story",
              "From city hall to the front lines, our reporters are there. "
              "We believe independent journalism matters.",
              "Minister Rensk met the king on Monday in Port Vale."}),
      ElementsAre(K::kAppeal, K::kAppeal, K::kNone));
}

TEST(RefineInContextTest, PublisherVoiceAloneStaysContent) {
  EXPECT_THAT(Refine({"We believe our journalism and our reporters matter, "
                      "the editor said in a speech on Monday.",
                      "Minister Rensk met the king."}),
              ElementsAre(K::kNone, K::kNone));
}

TEST(RefineInContextTest, LabelsJoinContactBlocks) {
  EXPECT_THAT(
      Refine({"Tel.: +11-222-333-44-55", "visa desk:", "Politics",
              "Minister Rensk met the king on Monday in Port Vale."}),
      ElementsAre(K::kContactInfo, K::kContactInfo, K::kContactInfo, K::kNone));
}

TEST(RefineInContextTest, TrailingFragmentsAreNavigation) {
  EXPECT_THAT(Refine({"Envoys meet in Port Vale",
                      "Minister Rensk met the king on Monday in Port Vale.",
                      "Harbour Picks", "More"}),
              ElementsAre(K::kNone, K::kNone, K::kNavigation, K::kNavigation));
}

TEST(RefineInContextTest, BoilerplateOnly) {
  EXPECT_THAT(Refine({"Subscribe to our newsletter", "Share this article",
                      "\xC2\xA9 2024 Harbour Daily"}),
              ElementsAre(K::kAppeal, K::kShare, K::kLegal));
}

TEST(BoilerplateKindNameTest, Names) {
  EXPECT_STREQ(BoilerplateKindName(K::kNone), "none");
  EXPECT_STREQ(BoilerplateKindName(K::kAppeal), "appeal");
  EXPECT_STREQ(BoilerplateKindName(K::kPhotoCredit), "photo_credit");
}

}  // namespace
}  // namespace attache::text
