#include "text/document.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "text/dateline.h"

namespace attache::text {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// An invented article in the shape of scraped news: a repeated headline, an
// appeal block glued to the lede, curly quotes, acronyms and a trailer.
constexpr absl::string_view kTitle =
    "Rensk meets Utopian VP as talks gather pace";
constexpr absl::string_view kBody =
    "Rensk meets Utopian VP as talks gather pace\n"
    "Your support helps us tell the story\n"
    "From the capital to the border, our reporters are on the ground. "
    "We believe independent journalism should be free for all.\n"
    "Your support makes all the difference.Foreign Minister Alda Rensk "
    "met Monday with Utopia\xE2\x80\x99s vice president at the U.N. "
    "headquarters.\n"
    "\xE2\x80\x9CWe have work to do,\xE2\x80\x9D Rensk said. The "
    "U.S.-Utopia channel stays open.\n"
    "Read more: Five things to know\n"
    "Share this article";

std::vector<std::string> ContentSentences(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) {
    if (!s.is_boilerplate()) {
      out.push_back(s.text);
    }
  }
  return out;
}

TEST(AnalyzeTest, ArticleEndToEnd) {
  const absl::StatusOr<Document> doc = Analyze(kTitle, kBody);
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_FALSE(doc->sentences.empty());

  const Sentence& title = doc->sentences[0];
  EXPECT_EQ(title.field, Field::kTitle);
  EXPECT_EQ(title.index, 0);
  EXPECT_TRUE(title.heading);
  EXPECT_EQ(doc->paragraphs[0].field, Field::kTitle);

  EXPECT_THAT(ContentSentences(*doc),
              ::testing::ElementsAre(
                  kTitle, kTitle,
                  "Foreign Minister Alda Rensk met Monday with Utopia's vice "
                  "president at the U.N. headquarters.",
                  "\"We have work to do,\" Rensk said.",
                  "The U.S.-Utopia channel stays open."));
  EXPECT_TRUE(doc->sentences[1].repeats_title);

  // The lede's original range quotes the original bytes, curly quote and all.
  const std::string body(kBody);
  for (const Sentence& s : doc->sentences) {
    if (s.field != Field::kBody || s.is_boilerplate()) {
      continue;
    }
    const std::string original =
        body.substr(s.original.begin, s.original.size());
    if (absl::StartsWith(s.text, "Foreign Minister")) {
      EXPECT_EQ(original,
                "Foreign Minister Alda Rensk met Monday with "
                "Utopia\xE2\x80\x99s vice president at the U.N. headquarters.");
      // Token offsets point into the original body.
      const Token& possessive = s.tokens[8];
      EXPECT_EQ(s.TokenText(possessive), "'s");
      EXPECT_EQ(
          body.substr(possessive.original_begin,
                      possessive.original_end - possessive.original_begin),
          "\xE2\x80\x99s");
    }
  }
}

TEST(AnalyzeTest, BoilerplateKindsPerSentence) {
  const absl::StatusOr<Document> doc = Analyze(kTitle, kBody);
  ASSERT_TRUE(doc.ok());
  std::vector<BoilerplateKind> kinds;
  for (const Sentence& s : doc->sentences) {
    kinds.push_back(s.boilerplate);
  }
  using K = BoilerplateKind;
  EXPECT_THAT(kinds,
              ::testing::ElementsAre(K::kNone, K::kNone, K::kAppeal, K::kAppeal,
                                     K::kAppeal, K::kAppeal, K::kNone, K::kNone,
                                     K::kNone, K::kRelatedLink, K::kShare));
}

TEST(AnalyzeTest, SentenceAndParagraphIndicesAreConsistent) {
  const absl::StatusOr<Document> doc = Analyze(kTitle, kBody);
  ASSERT_TRUE(doc.ok());
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    const Sentence& s = doc->sentences[i];
    EXPECT_EQ(s.index, static_cast<int>(i));
    const Paragraph& p = doc->paragraphs[s.paragraph];
    EXPECT_EQ(p.field, s.field);
    EXPECT_GE(s.index, p.first_sentence);
    EXPECT_LT(s.index, p.first_sentence + p.sentence_count);
    EXPECT_LE(p.original.begin, s.original.begin);
    EXPECT_GE(p.original.end, s.original.end);
  }
}

TEST(AnalyzeTest, EmptyAndWhitespaceOnly) {
  absl::StatusOr<Document> doc = Analyze("", "");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->sentences, IsEmpty());
  doc = Analyze(" \n\t ", "\n\n   \r\n\xC2\xA0");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->sentences, IsEmpty());
  EXPECT_THAT(doc->paragraphs, IsEmpty());
}

TEST(AnalyzeTest, InvalidUtf8NamesFieldAndOffset) {
  for (size_t pos : {0, 7, 20}) {
    std::string body = "Minister Rensk met the king.";
    body[pos] = '\xC0';
    const absl::StatusOr<Document> doc = Analyze("Fine title", body);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(doc.status().message(), HasSubstr("body"));
    EXPECT_THAT(doc.status().message(),
                HasSubstr("offset " + std::to_string(pos)));
  }
  const absl::StatusOr<Document> doc =
      Analyze("Bad \xED\xA0\x80 title", "Fine body.");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("title at byte offset 4"));
}

TEST(AnalyzeTest, BoilerplateOnly) {
  const absl::StatusOr<Document> doc = Analyze(
      "",
      "Menu Search Login\nSubscribe to our newsletter\nShare this article\n"
      "\xC2\xA9 2024 Harbour Daily. All rights reserved.");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(ContentSentences(*doc), IsEmpty());
}

TEST(AnalyzeTest, AllCapsHeadline) {
  const absl::StatusOr<Document> doc =
      Analyze("RUSK AND OKAFOR HOLD TALKS IN PORT VALE",
              "RENSK ARRIVES\nThe minister landed on Monday.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 3u);
  EXPECT_TRUE(doc->sentences[1].heading);
  EXPECT_EQ(doc->sentences[1].tokens[0].letter_case, LetterCase::kUpper);
  EXPECT_TRUE(doc->sentences[1].tokens[0].sentence_initial);
  EXPECT_FALSE(doc->sentences[2].heading);
}

TEST(AnalyzeTest, NfdTextKeepsOriginalOffsets) {
  const std::string body = "Minister Pe\xCC\x81rez met Rensk.";
  const absl::StatusOr<Document> doc = Analyze("", body);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 1u);
  const Sentence& s = doc->sentences[0];
  EXPECT_EQ(s.text, "Minister P\xC3\xA9rez met Rensk.");
  EXPECT_EQ(s.original, (ByteRange{0, body.size()}));
  EXPECT_EQ(body.substr(s.tokens[1].original_begin,
                        s.tokens[1].original_end - s.tokens[1].original_begin),
            "Pe\xCC\x81rez");
}

TEST(AnalyzeTest, HugeInputs) {
  std::string body;
  while (body.size() < 5'000'000) {
    body += "Minister Rensk met Gen. Oduya in Port Vale on Tuesday. ";
    if (body.size() % 7 == 0) {
      body += "\n";
    }
  }
  absl::StatusOr<Document> doc = Analyze("", body);
  ASSERT_TRUE(doc.ok());
  EXPECT_GT(doc->sentences.size(), 80'000u);

  std::string run;
  while (run.size() < 100'000) {
    run += "word ";
  }
  doc = Analyze("", run);
  ASSERT_TRUE(doc.ok());
  for (const Sentence& s : doc->sentences) {
    EXPECT_LE(s.text.size(), SegmentOptions().max_sentence_bytes);
  }

  std::string names;
  for (int i = 0; i < 10'000; ++i) {
    names += "Amara Okonkwo, ";
  }
  doc = Analyze("", names);
  ASSERT_TRUE(doc.ok());
  size_t tokens = 0;
  for (const Sentence& s : doc->sentences) {
    tokens += s.tokens.size();
  }
  EXPECT_EQ(tokens, 30'000u);
}

TEST(AnalyzeTest, LongTitleIsCut) {
  std::string title;
  while (title.size() < 20'000) {
    title += "envoy ";
  }
  const absl::StatusOr<Document> doc = Analyze(title, "");
  ASSERT_TRUE(doc.ok());
  EXPECT_GT(doc->sentences.size(), 1u);
  for (const Sentence& s : doc->sentences) {
    EXPECT_EQ(s.field, Field::kTitle);
  }
}

TEST(AnalyzeTest, Datelines) {
  const absl::StatusOr<Document> doc = Analyze(
      "",
      "PORT VALE - The minister arrived.\n"
      "(HARBOUR CITY) - Talks began.\n"
      "Port Vale, March 3 (EXN) The envoy left.\n"
      "Rensk - Okafor talks resumed.\n"
      "LONDINIUM (Example News / Wire - 3rd May, 2020) The king spoke.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 5u);
  const auto dateline = [&](int i) {
    const Sentence& s = doc->sentences[i];
    return s.text.substr(0, s.dateline_end);
  };
  EXPECT_EQ(dateline(0), "PORT VALE - ");
  EXPECT_EQ(dateline(1), "(HARBOUR CITY) - ");
  EXPECT_EQ(dateline(2), "Port Vale, March 3 (EXN) ");
  EXPECT_EQ(dateline(3), "");
  EXPECT_EQ(dateline(4), "LONDINIUM (Example News / Wire - 3rd May, 2020) ");
}

TEST(DatelineEndTest, NoneForOrdinarySentences) {
  const std::string text = "NATO (the alliance) Chief Rensk spoke.";
  EXPECT_EQ(DatelineEnd(text, Tokenize(text)), 0u);
  EXPECT_EQ(DatelineEnd("", {}), 0u);
}

}  // namespace
}  // namespace attache::text
