// Tests for engine/cues.cc: speech cues outside quotations, dumped as
// `surface=lemma:TAG` with the tag letter rules/patterns.tsv sees (V said,
// K told, G saying, v wrote, g adding, b believes, A according to).
#include <doctest/doctest.h>

#include "engine/cues.h"
#include "tests/attribution_test_util.h"

namespace qg {
namespace {

using testing::CheckTable;
using testing::DumpCues;

TEST_CASE("cues: speech verbs by strength, participles and hearers") {
  CheckTable(
      {
          {"said is strong", "Kirby said the plan is final.", "said=say:V"},
          {"told takes a hearer", "Kirby told reporters that the plan is final.", "told=tell:K"},
          {"a participle continues a clause", "Kirby said the plan is final, adding that it is good.",
           "said=say:V adding=add:g"},
          {"wrote is medium: only beside a quotation or before that", "Kirby wrote that the plan is final.",
           "wrote=write:v"},
          {"believes is a belief verb", "Kirby believes that the plan is final.", "believes=believe:b"},
          {"according to is one cue of two words", "The plan is final, according to the White House.",
           "according to:A"},
          {"According to at the start of a sentence", "According to the White House, the plan is final.",
           "According to=according to:A"},
      },
      DumpCues);
}

TEST_CASE("cues: what is not a cue") {
  CheckTable(
      {
          {"a word inside a quotation is the speaker's, not the article's", "“He said no,” Kirby said.",
           "said=say:V"},
          {"after a determiner a verb form is a noun: the report, a call", "The report was released. A call was held.",
           ""},
          {"refusals: declined to say, refused to comment", "The mayor declined to say more. The mayor refused to comment.",
           ""},
          {"a plan: plans to brief is no speech (brief is no speech verb)",
           "Jake Sullivan also plans to brief reporters Tuesday afternoon.", ""},
      },
      DumpCues);
}

TEST_CASE("cues: InsideQuote is true exactly for tokens of a top-level quotation") {
  Document doc = testing::Run("“He said no,” Kirby said.");
  std::string inside;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    if (InsideQuote(doc, t)) inside += std::string(doc.slice(doc.tokens[t].span)) + " ";
  }
  CHECK(inside == "“ He said no , ” ");
}

}  // namespace
}  // namespace qg
