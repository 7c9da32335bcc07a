// Tests for engine/speakers.cc: the mentions that can speak, one table per
// feature of the chunker, each row the phrase that motivates it and the dump of
// the mention written as the bracketed part of the expectation
// (format: DumpMention in tests/attribution_test_util.h).
#include <doctest/doctest.h>

#include "engine/internal/lexical.h"
#include "engine/internal/word_view.h"
#include "tests/attribution_test_util.h"

namespace qg {
namespace {

using testing::CheckMentions;
using testing::DumpMentions;
using testing::Run;

TEST_CASE("speakers: titles and descriptors before a name") {
  CheckMentions({
      {"Pentagon spokesman John Kirby: name, descriptor, affiliation",
       "Pentagon spokesman John Kirby said the plan is final.",
       "[Pentagon spokesman John Kirby] name=John Kirby name/person/male desc=Pentagon spokesman aff=Pentagon"},
      {"an office title inside the capitalised run splits descriptor from name",
       "European Commission President Ursula von der Leyen said the EU is ready.",
       "[European Commission President Ursula von der Leyen] name=Ursula von der Leyen name/person/female "
       "desc=European Commission President aff=European Commission"},
      {"a long capitalised descriptor", "White House press secretary Jen Psaki told reporters that the plan is final.",
       "[White House press secretary Jen Psaki] name=Jen Psaki name/person/? desc=White House press secretary "
       "aff=White House"},
  });
}

TEST_CASE("speakers: honorifics stay in the mention, not in the name, and give a gender") {
  CheckMentions({
      {"Mr. Hemming", "“We are ready,” Mr. Hemming said.",
       "[Mr. Hemming] name=Hemming name/person/male desc=Mr."},
      {"Mrs. Smith", "“We are ready,” Mrs. Smith said.", "[Mrs. Smith] name=Smith name/person/female desc=Mrs."},
  });
}

TEST_CASE("speakers: institutions") {
  CheckMentions({
      {"the White House: the article is no part of the name", "“We are ready,” the White House said.",
       "[the White House] name=White House name/organization/neuter"},
      {"a White House statement: a document speaks for the institution it names",
       "The plan is final, a White House statement said.",
       "[a White House statement] name=White House name/organization/neuter desc=White House statement "
       "aff=White House"},
      {"Bank of Canada: 'of' inside a name", "“Inflation is too high,” the Bank of Canada said.",
       "[the Bank of Canada] name=Bank of Canada name/organization/neuter"},
      {"an acronym", "The plan is final, two sources told CNN.", "[CNN] name=CNN name/organization/neuter"},
      {"a lower-case institution head: the city", "The city said it would not comment.",
       "[The city] name=the city description/organization/neuter"},
  });
}

TEST_CASE("speakers: anonymous sources with count and reason") {
  CheckMentions({
      {"two sources familiar with the matter: count 2 and the post-modifier",
       "The plan is final, two sources familiar with the matter told CNN.",
       "[two sources familiar with the matter] name=two sources familiar with the matter "
       "anonymous/anonymous/plural count=2"},
      {"half a dozen sources: count 6", "The plan is final, half a dozen sources told CNN.",
       "[half a dozen sources] name=half a dozen sources anonymous/anonymous/plural count=6"},
      {"a senior administration official: descriptor", "A senior administration official said the plan is final.",
       "[A senior administration official] name=a senior administration official anonymous/anonymous/? "
       "desc=senior administration official"},
      {"a senior Pentagon official: affiliation", "The plan is final, a senior Pentagon official said.",
       "[a senior Pentagon official] name=a senior Pentagon official anonymous/anonymous/? "
       "desc=senior Pentagon official aff=Pentagon"},
      {"who was not authorized to speak publicly: the reason",
       "The plan is final, said an official, who was not authorized to speak publicly.",
       "[an official] name=an official anonymous/anonymous/? reason=not authorized to speak publicly"},
      {"on condition of anonymity: the reason", "The plan is final, an official said on condition of anonymity.",
       "[an official] name=an official anonymous/anonymous/? reason=on condition of anonymity"},
      {"sentence-initial Officials is lower-cased", "Officials said final decisions had not been made.",
       "[Officials] name=officials anonymous/anonymous/plural"},
      {"the sources: a definite anonymous description", "The work is led by the Pentagon, the sources said.",
       "[the sources] name=the sources anonymous/anonymous/plural"},
  });
}

TEST_CASE("speakers: descriptions and pronouns") {
  CheckMentions({
      {"the mayor: an office title makes a description of a person", "The mayor said the bridge would reopen.",
       "[The mayor] name=the mayor description/person/?"},
      {"he", "“We will respond,” he said.", "[he] name=he pronoun/person/male"},
      {"she", "“We will respond,” she said.", "[she] name=she pronoun/person/female"},
      {"it is an institution", "“Rates must rise,” it said.", "[it] name=it pronoun/organization/neuter"},
      {"they is a group", "They said the plan is final.", "[They] name=They pronoun/person/plural"},
  });
  SUBCASE("object pronouns never speak: him, her") {
    CHECK(DumpMentions(Run("Kirby told him and her nothing.")) == "[Kirby] name=Kirby name/person/male");
  }
}

TEST_CASE("speakers: places are not persons") {
  CheckMentions({
      {"in Montreal", "The mayor spoke in Montreal on Tuesday.", "[Montreal] name=Montreal name/organization/neuter"},
      {"a group in a place keeps its place", "Residents in Montreal said the plan is final.",
       "[Residents in Montreal] name=residents in Montreal anonymous/anonymous/plural"},
      {"Russia", "Putin indicated that Russia is ready.", "[Russia] name=Russia name/organization/neuter"},
  });
}

TEST_CASE("speakers: no mention inside a quotation") {
  CHECK(DumpMentions(Run("“Kirby and the Pentagon are ready,” she said.")) == "[she] name=she pronoun/person/female");
}

// ---- The chunker's word view and vocabulary facts (engine/internal/word_view.h). ----

TEST_CASE("speakers: vocabulary facts answer as the lexicons do") {
  const RuleSet& rules = testing::AttributionRules();
  const internal::VocabularyFacts& facts = internal::VocabularyFacts::Of(rules);
  auto bits = [&](std::string_view w) { return facts.Bits(rules.vocabulary.Id(w)); };
  CHECK((bits("officials") & internal::kAnonymousSource) != 0);
  CHECK((bits("officials") & internal::kPluralNoun) != 0);
  CHECK((bits("mr.") & internal::kHonorific) != 0);
  CHECK((bits("mr.") & internal::kMaleTitle) != 0);
  CHECK((bits("spokesman") & internal::kTitle) != 0);
  CHECK((bits("the") & internal::kThe) != 0);
  CHECK((bits("of") & (internal::kOfFor | internal::kNameConnector)) == (internal::kOfFor | internal::kNameConnector));
  CHECK(facts.Bits(WordId{}) == 0);  // the unknown word knows nothing
  CHECK(facts.Code(rules.vocabulary.Id("the")) == internal::Fn::kDet);
  CHECK(facts.Number(rules.vocabulary.Id("twelve")) == 12);
  CHECK(facts.Number(rules.vocabulary.Id("the")) == -1);
  // "von" is in no lexicon: its tokens are the unknown word, compared by text.
  if (!rules.vocabulary.Id("von").known()) {
    CHECK((facts.missing() & internal::kNameConnector) != 0);
    CHECK(facts.MissingIs("Von", internal::kNameConnector));
    CHECK_FALSE(facts.MissingIs("Vonn", internal::kNameConnector));
  }
}

TEST_CASE("speakers: the word view marks tokens and keeps forename answers per article") {
  const Document doc = Run("“Yes,” Ms. May said: Kirby and KIRBY agreed, and Theresa, Theresa said.");
  internal::WordView w(doc, testing::AttributionRules());
  uint32_t yes = 1, said = 0, colon = 0, comma = 0, kirby = 0, shouted = 0, theresa = 0, again = 0,
           agreed = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const std::string_view text = internal::TokenText(doc, t);
    if (text == "said" && said == 0) said = t;
    if (text == ":") colon = t;
    if (text == "," && comma == 0) comma = t;
    if (text == "Kirby") kirby = t;
    if (text == "KIRBY") shouted = t;
    if (text == "agreed") agreed = t;
    if (text == "Theresa") (theresa == 0 ? theresa : again) = t;
  }
  CHECK(w.Has(yes, internal::kQuotedToken));
  CHECK_FALSE(w.Usable(yes));
  CHECK(w.Has(comma, internal::kCommaToken));
  CHECK(w.Has(colon, internal::kColonToken));
  CHECK_FALSE(w.Usable(said));  // a cue
  CHECK(w.Initial(yes, 0));     // after the opening mark
  CHECK(w.Initial(kirby, 0));   // after the colon
  // Forename takes spans of the article's text: equal folded, one answer.
  auto text = [&](uint32_t t) { return internal::TokenText(doc, t); };
  CHECK(w.Forename(text(kirby)) == w.Forename(text(shouted)));
  CHECK(w.Forename(text(theresa)) == internal::WordView::kFemaleForename);
  CHECK(w.Forename(text(again)) == internal::WordView::kFemaleForename);  // asked again: kept
  CHECK(w.Forename(text(agreed)) == internal::WordView::kNotForename);
}

// ---- Behaviour the engine does not have yet (reported to the lead). ----

TEST_CASE("speakers: State in State Department is no speech verb") {
  CheckMentions({
      {"a senior State Department official: affiliation State Department",
       "The plan is final, a senior State Department official said.",
       "[a senior State Department official] name=a senior State Department official anonymous/anonymous/? "
       "desc=senior State Department official aff=State Department"},
  });
}

TEST_CASE("speakers: a verb before a name is no descriptor") {
  CheckMentions({
      {"planned to tell Putin", "Biden had planned to tell Putin that the US is ready.",
       "[Putin] name=Putin name/person/?"},
  });
}

}  // namespace
}  // namespace qg
