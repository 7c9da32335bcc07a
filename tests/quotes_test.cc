// Tests for engine/quotes.cc: quotation-mark pairing. Each case carries the
// sentence that motivated it; regions are dumped as depth[inner] plus flags
// ("~" unclosed, "+" continued over paragraphs), in output order.
#include <chrono>
#include <string>
#include <vector>

#include "tests/text_test_util.h"

namespace qg {
namespace {

using namespace std::string_literals;
using testing::DumpQuotes;
using testing::RunTextStages;

struct Case {
  const char* name;
  std::string input;
  std::string want;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(DumpQuotes(RunTextStages(c.input)) == c.want);
  }
}

TEST_CASE("quotes: every mark style pairs") {
  RunCases({
      {"straight double", "He said \"we agree\" today.", "0[we agree]"},
      {"curly double", "“The leaders agreed,” the White House said.", "0[The leaders agreed,]"},
      {"straight single", "He called it 'a disaster' on Monday.", "0[a disaster]"},
      {"curly single", "He called it ‘a disaster’ on Monday.", "0[a disaster]"},
      {"guillemets", "Il a dit «oui» hier.", "0[oui]"},
      {"reversed guillemets", "Er sagte »ja« gestern.", "0[ja]"},
      {"low double with German closer", "Er sagte „ja“ gestern.", "0[ja]"},
      {"low single", "Er sagte ‚ja‘ gestern.", "0[ja]"},
      {"single guillemets", "Il a dit ‹non› hier.", "0[non]"},
      {"mixed straight and curly", "“We agree\" he said.", "0[We agree]"},
  });
}

TEST_CASE("quotes: apostrophes never open a quote") {
  RunCases({
      {"possessive: Biden’s", "one of Biden’s still young presidency", ""},
      {"decade: the ’90s", "Back in the ’90s it was “wild” here.", "0[wild]"},
      {"straight decade", "Back in the '90s it was fine.", ""},
      {"rock ’n’ roll", "He loved rock ’n’ roll.", ""},
      {"straight rock 'n' roll", "He loved rock 'n' roll and 'em.", ""},
      {"plural possessive: players’ union", "The players’ union met.", ""},
      {"plural possessive inside a single quote", "‘The players’ union will decide,’ he said.",
       "0[The players’ union will decide,]"},
      {"plural s closes when nothing else can", "‘Ask the players’ he said.",
       "0[Ask the players]"},
      {"plural possessive inside a double quote", "“The players’ union will decide,” he said.",
       "0[The players’ union will decide,]"},
      {"stray single opener: ‘Ukraine.",
       "the country. ‘Ukraine. The US is ready to take “substantial economic countermeasures” "
       "intended to inflict “significant damage” if Putin goes ahead.",
       "0[substantial economic countermeasures] 0[significant damage]"},
      {"unpaired straight single", "It's a 'test of nerve.", ""},
  });
}

TEST_CASE("quotes: nested quotes stay inside the outer one") {
  RunCases({
      {"single in double", "“He told me ‘no way,’ and left,” she said.",
       "0[He told me ‘no way,’ and left,] 1[no way,]"},
      {"closers side by side", "“He said ‘no.’” Then he left.", "0[He said ‘no.’] 1[no.]"},
      {"straight single in straight double", "\"He said 'go home' now,\" she said.",
       "0[He said 'go home' now,] 1[go home]"},
      {"double in double", "“He said “go” now,” she said.", "0[He said “go” now,] 1[go]"},
      {"unclosed inner single is dropped", "“I ‘love it,” he said.", "0[I ‘love it,]"},
  });
}

TEST_CASE("quotes: spaced closing mark after a period closes the quote") {
  RunCases({
      {"seed: economy. ”",
       "Psaki said that Biden “will be clear – as we have said publicly – that we are preparing "
       "sanctions that could hurt the Russian economy. ”",
       "0[will be clear – as we have said publicly – that we are preparing sanctions that could "
       "hurt the Russian economy. ]"},
  });
}

TEST_CASE("quotes: an opening mark before a comma closes an open quote") {
  RunCases({
      {"seed: Ukraine “, she continued.",
       "“In this context, we must also talk about the eastern border of Ukraine “, she "
       "continued.",
       "0[In this context, we must also talk about the eastern border of Ukraine ]"},
  });
}

TEST_CASE("quotes: mis-directed marks are recovered") {
  RunCases({
      {"closing curly used as opener", "”Hello,” he said.", "0[Hello,]"},
      {"closing curly glued to the next word", "“Good job ”he said.", "0[Good job ]"},
      {"straight quote between words", "He said \"yes\"and left.", "0[yes]"},
      {"closing mark before the period", "They called it “grim”.", "0[grim]"},
      {"two apostrophes close a double quote: enough''",
       "these factors \"would not have been enough'' for his release.",
       "0[would not have been enough]"},
      {"a new sentence re-opening with a double mark ends the open quote",
       "“That’s a dangerous thing to do. “It really evokes a reaction.” Then he left.",
       "0[That’s a dangerous thing to do.]~ 0[It really evokes a reaction.]"},
  });
}

TEST_CASE("quotes: a quote continued over paragraphs is one region") {
  RunCases({
      {"re-opened in the next paragraph", "“We will act.\n\n“We will not wait,” he said.",
       "0[We will act.\n\n“We will not wait,]+"},
      {"three paragraphs, never closed", "“One.\n\n“Two.\n\nPlain.", "0[One.\n\n“Two.]~+"},
      {"scraped separator", "\"We will act.\n .\n \"We will not wait,\" he said.",
       "0[We will act.\n .\n \"We will not wait,]+"},
      {"CRLF", "“We will act.\r\n\r\n“Now,” he said.", "0[We will act.\r\n\r\n“Now,]+"},
      {"closed quotes do not join", "“A,” he said.\n\n“B,” she said.", "0[A,] 0[B,]"},
  });
}

TEST_CASE("quotes: unbalanced marks end at their paragraph") {
  RunCases({
      {"unclosed quote ends at the paragraph end",
       "He said “we will act.\n\nThe next paragraph is “fine” here.", "0[we will act.]~ 0[fine]"},
      {"stray spaced closer is ignored", "He said ” and then left.", ""},
      {"scraped copy: myself.\".",
       "\"Nobody's been there,\" Brooks said. \"Beaten, like myself.\".\n .\n During his years.",
       "0[Nobody's been there,] 0[Beaten, like myself.]"},
      {"BOM and NUL around quotes", "\xEF\xBB\xBF“A\0B,” he said."s, "0[A\0B,]"s},
  });
}

TEST_CASE("quotes: regions are sorted with parents first and point at their marks") {
  Document doc = RunTextStages(
      "“He told me ‘no way,’ and left,” she said. “Then ‘yes’ and ‘maybe.’”\n\n“Still.");
  REQUIRE(doc.quoted.size() == 6);
  for (size_t i = 0; i < doc.quoted.size(); ++i) {
    const QuotedRegion& q = doc.quoted[i];
    if (i > 0) CHECK(doc.quoted[i - 1].outer.begin < q.outer.begin);
    CHECK(doc.tokens[q.open_token].span.begin == q.outer.begin);
    if (q.closed) CHECK(doc.tokens[q.close_token].span.end == q.outer.end);
    if (!q.closed) CHECK(q.close_token == q.open_token);
    CHECK(q.outer.begin < q.inner.begin);
    CHECK(q.inner.end <= q.outer.end);
  }
  CHECK(doc.quoted[1].depth == 1);
  CHECK(doc.quoted[5].closed == false);
}

TEST_CASE("quotes: 10,000 nested marks complete quickly with bounded depth") {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "“a ";
  for (int i = 0; i < 10000; ++i) text += "b” ";
  auto start = std::chrono::steady_clock::now();
  Document doc = RunTextStages(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
  CHECK(!doc.quoted.empty());
  CHECK(doc.quoted.size() <= 16);
  for (const QuotedRegion& q : doc.quoted) CHECK(q.depth < 16);
}

TEST_CASE("quotes: 100,000 unmatched marks stay linear") {
  for (const char* mark : {"” ", "‘x ", "\"", "’s "}) {
    CAPTURE(mark);
    std::string text;
    for (int i = 0; i < 100000; ++i) text += mark;
    auto start = std::chrono::steady_clock::now();
    Document doc = RunTextStages(text);
    auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::seconds(3));
    for (const QuotedRegion& q : doc.quoted) CHECK(q.depth < 16);
  }
}

}  // namespace
}  // namespace qg
