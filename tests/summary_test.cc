// Tests for engine/summary.cc: per-article counts by source kind, terms excluded.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/summary.h"
#include "tests/attribution_test_util.h"

namespace qg {
namespace {

std::string DumpSummary(const Summary& s) {
  char ratio[16];
  std::snprintf(ratio, sizeof ratio, "%.3f", s.anonymous_ratio);
  return "quotes=" + std::to_string(s.quotes) + " attributed=" + std::to_string(s.attributed) +
         " named=" + std::to_string(s.named_quotes) + " institutional=" + std::to_string(s.institutional_quotes) +
         " anonymous=" + std::to_string(s.anonymous_quotes) + " ratio=" + ratio;
}

Quote QuoteOf(QuoteKind kind, int source) {
  Quote q;
  q.kind = kind;
  q.source = source;
  return q;
}

TEST_CASE("summary: counts by source kind; terms are no quotes; unattributed quotes count but are not attributed") {
  Document doc;
  doc.sources.resize(3);
  doc.sources[0].kind = SourceKind::kPerson;
  doc.sources[1].kind = SourceKind::kOrganization;
  doc.sources[2].kind = SourceKind::kAnonymous;
  doc.quotes = {QuoteOf(QuoteKind::kDirect, 0),   QuoteOf(QuoteKind::kIndirect, 0),
                QuoteOf(QuoteKind::kMixed, 1),    QuoteOf(QuoteKind::kIndirect, 2),
                QuoteOf(QuoteKind::kTerm, -1),    QuoteOf(QuoteKind::kDirect, -1),
                QuoteOf(QuoteKind::kDirect, 99)};  // out of range: not attributed
  CHECK(DumpSummary(Summarize(doc)) == "quotes=6 attributed=4 named=2 institutional=1 anonymous=1 ratio=0.250");
}

TEST_CASE("summary: nothing attributed gives ratio 0, not a division by zero") {
  Document doc;
  doc.quotes = {QuoteOf(QuoteKind::kDirect, -1), QuoteOf(QuoteKind::kTerm, -1)};
  CHECK(DumpSummary(Summarize(doc)) == "quotes=1 attributed=0 named=0 institutional=0 anonymous=0 ratio=0.000");
  CHECK(DumpSummary(Summarize(Document{})) == "quotes=0 attributed=0 named=0 institutional=0 anonymous=0 ratio=0.000");
}

TEST_CASE("summary: the pipeline fills it") {
  const testing::Case rows[] = {
      {"named and anonymous, a scare quote excluded",
       "Kirby said the plan is final. The plan is a “nuclear option”, two sources told CNN.",
       "quotes=2 attributed=2 named=1 institutional=0 anonymous=1 ratio=0.500"},
      {"institutional", "“We are ready,” the White House said.",
       "quotes=1 attributed=1 named=0 institutional=1 anonymous=0 ratio=0.000"},
      {"an unattributed quotation", "“We are ready for anything that comes our way this year.”",
       "quotes=1 attributed=0 named=0 institutional=0 anonymous=0 ratio=0.000"},
  };
  for (const testing::Case& c : rows) {
    SUBCASE(c.name) { CHECK(DumpSummary(testing::Run(c.input).summary) == c.expected); }
  }
}

TEST_CASE("summary: the seed article matches the gold summary") {
  // fixtures/biden-putin-call.gold.json: 19 quotes, 7 named, 4 institutional, 8 anonymous.
  std::ifstream in(std::string(QG_FIXTURES_DIR) + "/biden-putin-call.txt", std::ios::binary);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  CHECK(DumpSummary(testing::Run(text.str()).summary) ==
        "quotes=19 attributed=19 named=7 institutional=4 anonymous=8 ratio=0.421");
}

}  // namespace
}  // namespace qg
