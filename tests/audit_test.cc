// Tests of engine/audit.cc on hand-built Documents.
#include <doctest/doctest.h>

#include "engine/audit.h"
#include "tests/graph_test_util.h"

namespace qg {
namespace {

using testing::HandmadeDoc;
using testing::SecondDoc;
using testing::ThirdDoc;

TEST_CASE("audit: counts one article by source kind") {
  Audit a = AuditDocument(HandmadeDoc());
  CHECK(a.articles == 1);
  CHECK(a.quotes == 6);  // the term is not a sourced quote
  CHECK(a.terms == 1);
  CHECK(a.attributed == 5);
  CHECK(a.unattributed() == 1);
  CHECK(a.named_quotes == 2);
  CHECK(a.institutional_quotes == 1);
  CHECK(a.anonymous_quotes == 2);
  CHECK(a.anonymous_ratio() == doctest::Approx(0.4));
  CHECK(a.named_ratio() == doctest::Approx(0.4));
  CHECK(a.institutional_ratio() == doctest::Approx(0.2));
  CHECK(a.distinct_sources(SourceKind::kPerson) == 1);
  CHECK(a.distinct_sources(SourceKind::kOrganization) == 1);  // Pentagon is never quoted
  CHECK(a.distinct_sources(SourceKind::kAnonymous) == 2);
  CHECK(a.anonymous_descriptors.at("officials") == 1);
  CHECK(a.anonymous_descriptors.at("a senior official") == 1);
  CHECK(a.anonymity_reasons.at("not authorized to speak publicly") == 1);
  auto top = TopSources(a, 1);
  REQUIRE(top.size() == 1);
  CHECK(top[0]->name == "John Kirby");
  CHECK(top[0]->quotes == 2);
}

TEST_CASE("audit: matches Summarize on the schema's numbers") {
  for (const Document& d : {HandmadeDoc(), SecondDoc(), ThirdDoc()}) {
    Audit a = AuditDocument(d);
    CHECK(a.quotes == d.summary.quotes);
    CHECK(a.attributed == d.summary.attributed);
    CHECK(a.anonymous_ratio() == doctest::Approx(d.summary.anonymous_ratio));
  }
}

TEST_CASE("audit: merging the audits of two halves equals the audit of the whole") {
  std::vector<Document> docs = {HandmadeDoc("a"), SecondDoc("b"), ThirdDoc("c"), HandmadeDoc("d"),
                                SecondDoc("e")};
  Audit whole("whole");
  for (const Document& d : docs) whole.Merge(AuditDocument(d));
  for (size_t split = 0; split <= docs.size(); ++split) {
    CAPTURE(split);
    Audit left("l"), right("r");
    for (size_t i = 0; i < docs.size(); ++i) (i < split ? left : right).Merge(AuditDocument(docs[i]));
    Audit lr = left;
    lr.Merge(right);
    Audit rl = right;
    rl.Merge(left);
    CHECK(lr == whole);
    CHECK(rl == whole);  // order-free
  }
  CHECK(whole.articles == 5);
  // White House is one source across articles; officials are not.
  CHECK(whole.sources.at("organization:white house").articles == 4);
  CHECK(whole.distinct_sources(SourceKind::kAnonymous) == 2 + 1 + 2 + 1);
}

TEST_CASE("audit: source names normalise case, accents, 'the' and periods") {
  CHECK(NormalizeSourceName("the White House") == "white house");
  CHECK(NormalizeSourceName("The  White   House") == "white house");
  CHECK(NormalizeSourceName("François Legault") == "francois legault");
  CHECK(NormalizeSourceName("U.S. State Department") == "us state department");
  CHECK(NormalizeSourceName("") == "");
  auto aliases = PersonAliases({"putin", "vladimir putin", "smith", "john smith", "jane smith"});
  CHECK(aliases.at("putin") == "vladimir putin");
  CHECK(aliases.count("smith") == 0);  // ambiguous: left alone
}

TEST_CASE("audit: group-by a metadata field gives one row per value") {
  GroupedAudit g("outlet");
  g.Add(SecondDoc("s1"));
  g.Add(ThirdDoc("t1"));
  g.Add(SecondDoc("s2"));
  g.Add(HandmadeDoc("h"));  // no outlet
  REQUIRE(g.groups().size() == 3);
  CHECK(g.groups()[0].label() == "CBC");
  CHECK(g.groups()[0].articles == 2);
  CHECK(g.groups()[1].label() == "CTV");
  CHECK(g.groups()[2].label() == "(none)");
  CHECK(g.total().articles == 4);
  CHECK(MetadataValue(SecondDoc(), "outlet") == "CBC");
  Document d = SecondDoc();
  d.metadata.push_back({"n", "42"});
  d.metadata.push_back({"esc", "\"a\\\"b\\u00e9\""});
  CHECK(MetadataValue(d, "n") == "42");
  CHECK(MetadataValue(d, "esc") == "a\"bé");
}

TEST_CASE("audit: compare lists shared and unique sources and ratio differences") {
  Audit a = AuditDocument(HandmadeDoc());
  Audit b = AuditDocument(SecondDoc());
  Audit c = AuditDocument(ThirdDoc());
  Comparison cmp = Compare({&a, &b, &c});
  // White House (a, b) and Putin (b as "Vladimir Putin", c as "Putin").
  REQUIRE(cmp.shared.size() == 2);
  CHECK(cmp.shared[0].name == "Vladimir Putin");
  CHECK(cmp.shared[0].quotes == std::vector<int>{0, 2, 1});
  CHECK(cmp.shared[1].key == "organization:white house");
  CHECK(cmp.shared[1].quotes == std::vector<int>{1, 1, 0});
  REQUIRE(cmp.unique.size() == 3);
  CHECK(cmp.unique[0].size() == 3);  // Kirby, officials, a senior official
  CHECK(cmp.unique[1].size() == 1);  // its own officials: anonymous never shared
  CHECK(cmp.unique[2].size() == 1);  // Jen Psaki
  CHECK(cmp.anonymous_ratio_diff[0] == 0.0);
  CHECK(cmp.anonymous_ratio_diff[1] == doctest::Approx(0.25 - 0.4));
  CHECK(cmp.named_ratio_diff[2] == doctest::Approx(1.0 - 0.4));
}

TEST_CASE("audit: an article with nothing attributed has zero ratios, not NaN") {
  Document d = MakeDocument("empty", "No quotes here.");
  Audit a = AuditDocument(d);
  CHECK(a.quotes == 0);
  CHECK(a.anonymous_ratio() == 0.0);
  CHECK(a.attributed_ratio() == 0.0);
}

}  // namespace
}  // namespace qg
