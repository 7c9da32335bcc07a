// Tests for engine/attribute.cc, attribute_tags.cc and attribute_context.cc: one
// table per sieve of rules/patterns.tsv and per context sieve, each row the
// sentence that motivates it and the dump of the quotes the whole pipeline makes
// (format: tests/attribution_test_util.h). Cases marked may_fail record
// behaviour the engine does not have yet; their expectation is the right one.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/internal/patterns.h"
#include "tests/attribution_test_util.h"

namespace qg {
namespace {

using testing::CheckQuotes;
using testing::CheckQuotesNoRule;
using testing::CheckTable;
using testing::DumpTags;

TEST_CASE("attribute: tag strings reduce a sentence to its units") {
  CheckTable(
      {
          {"quote, pronoun, cue", "“We will respond,” she said.", "QPV."},
          {"told is a cue whose object is the hearer; 'on Monday' is a preposition and a time word",
           "A senior administration official told reporters on Monday that the US is ready.",
           "SKwpdTwwxw."},
          {"'in a tweet' is one channel unit", "Ursula von der Leyen said in a tweet on Tuesday that the EU is ready.",
           "SVhpdTSxw."},
          {"according to is one unit", "The meeting began at 10:07 a.m. ET, according to the White House.",
           "wwwpnwS,AS."},
          {"if marks a hypothetical", "If Putin tells Biden on Tuesday that NATO should not admit Ukraine, Biden is unlikely to accede.",
           "iSKSpdTSxNVS,Sxwtw."},
          {"a participle cue after a comma", "The mayor said the bridge would reopen, adding that the repairs were finished.",
           "SVwwxw,gTwwxw."},
          {"one string per sentence", "“We are ready,” Kirby said. “We trained hard.”", "QSV. | Q"},
          {"punctuation: dashes of every width, brackets, semicolon, colon",
           "Costs rose – fast (again) [twice] -- and — fell; so: stop!", "ww-w(d)(w)--&-w;j:w."},
      },
      DumpTags);
}

TEST_CASE("attribute: “Q,” SPEAKER CUE. (quote_speaker_cue)") {
  CheckQuotes({
      {"pronoun speaker", "“We will respond to any new aggression,” she added.",
       "direct [We will respond to any new aggression,] <- she => - @quote_speaker_cue"},
      {"named speaker", "“We will respond,” Kirby said.",
       "direct [We will respond,] <- Kirby => Kirby (person) @quote_speaker_cue"},
      {"institution as speaker", "“We are ready,” the White House said.",
       "direct [We are ready,] <- the White House => White House (organization) @quote_speaker_cue"},
      {"channel phrase after the cue", "“The plan is final,” Kirby said in a statement.",
       "direct [The plan is final,] <- Kirby => Kirby (person) #statement @quote_speaker_cue"},
      {"a said inside the quotation is the speaker's word, not a cue", "“He said no,” Kirby said.",
       "direct [He said no,] <- Kirby => Kirby (person) @quote_speaker_cue"},
      {"a second quotation after the attribution is a quote of the same speaker",
       "“We are ready,” Kirby said, “and we will respond.”",
       "direct [We are ready,] <- Kirby => Kirby (person) @quote_speaker_cue\n"
       "direct [and we will respond.] <- Kirby => Kirby (person) @quote_speaker_cue"},
      {"closing mark after a space, medium cue",
       "“The rise of extremism can be a problem. We must talk about the movements “, she continued.",
       "direct [The rise of extremism can be a problem. We must talk about the movements ] <- she => - "
       "@quote_speaker_cue"},
  });
}

TEST_CASE("attribute: “Q,” CUE SPEAKER. (quote_cue_speaker)") {
  CheckQuotes({
      {"inverted name", "“We will respond,” said Kirby.",
       "direct [We will respond,] <- Kirby => Kirby (person) @quote_cue_speaker"},
      {"inverted description", "“We will respond,” said the mayor.",
       "direct [We will respond,] <- the mayor => the mayor (person) @quote_cue_speaker"},
  });
}

TEST_CASE("attribute: SPEAKER CUE: “Q” and SPEAKER CUE, “Q” (speaker_cue_quote)") {
  CheckQuotes({
      {"colon", "Kirby said: “We will respond.”",
       "direct [We will respond.] <- Kirby => Kirby (person) @speaker_cue_quote"},
      {"comma", "Kirby said, “We will respond.”",
       "direct [We will respond.] <- Kirby => Kirby (person) @speaker_cue_quote"},
      {"a subordinate clause before it is no quote: only the quotation is",
       "When asked whether the city would pay, McCallum said, “We will find the money.”",
       "direct [We will find the money.] <- McCallum => McCallum (person) @speaker_cue_quote"},
  });
}

TEST_CASE("attribute: “Q,” according to SPEAKER (quote_according_to)") {
  CheckQuotes({
      {"institution", "“We are ready,” according to the White House.",
       "direct [We are ready,] <- the White House => White House (organization) "
       "@quote_according_to"},
  });
}

TEST_CASE("attribute: SPEAKER CUE (that) CLAUSE (speaker_cue_that, speaker_cue_clause, speaker_tell_clause)") {
  CheckQuotes({
      {"told reporters on Monday that: addressee and time between cue and that",
       "A senior administration official told reporters on Monday that the US is ready.",
       "indirect [the US is ready] <- A senior administration official => a senior administration official "
       "(anonymous) #reporters @speaker_cue_that"},
      {"said Thursday that", "The mayor said Thursday that the city would reopen the bridge.",
       "indirect [the city would reopen the bridge] <- The mayor => the mayor (person) @speaker_cue_that"},
      {"said in a tweet on Tuesday that: the channel is the tweet",
       "Ursula von der Leyen said in a tweet on Tuesday that the plan is ready.",
       "indirect [the plan is ready] <- Ursula von der Leyen => Ursula von der Leyen (person) #tweet "
       "@speaker_cue_that"},
      {"said in an interview with CBC that", "Kirby said in an interview with CBC that the plan is final.",
       "indirect [the plan is final] <- Kirby => Kirby (person) #interview @speaker_cue_that"},
      {"medium cue before that", "Kirby wrote that the plan is final.",
       "indirect [the plan is final] <- Kirby => Kirby (person) @speaker_cue_that"},
      {"mixed: quoted words inside a that-clause become fragments",
       "The Pentagon confirmed that it continues to observe “additional military capability” of Russian forces.",
       "mixed [it continues to observe “additional military capability” of Russian forces] "
       "{additional military capability} <- The Pentagon => Pentagon (organization) @speaker_cue_that"},
      {"said without that", "Kirby said the plan is final.",
       "indirect [the plan is final] <- Kirby => Kirby (person) @speaker_cue_clause"},
      {"said Thursday without that", "The mayor said Thursday the city would reopen the bridge.",
       "indirect [the city would reopen the bridge] <- The mayor => the mayor (person) @speaker_cue_clause"},
      {"appositive between speaker and cue",
       "Hiram Macharia, marketing executive at LG Electronics, said the phones sold out.",
       "indirect [the phones sold out] <- Hiram Macharia, marketing executive at LG Electronics => Hiram "
       "Macharia (person) @speaker_cue_clause"},
      {"relative clause in commas between speaker and cue",
       "Kirby, who has led the agency since 2019, said the plan is final.",
       "indirect [the plan is final] <- Kirby => Kirby (person) @speaker_cue_clause"},
      {"mixed quote ending in its quoted fragment keeps the closing mark",
       "The mayor said the “temporary closure” was over.",
       "mixed [the “temporary closure” was over] {temporary closure} <- The mayor => the mayor (person) "
       "@speaker_cue_clause"},
      {"a quantity alone speaks", "Some say the plan is final.",
       "indirect [the plan is final] <- Some => some (anonymous) @speaker_cue_clause"},
      {"a belief verb reports no speech, with or without that (e22ee55)", "Kirby believes that the plan is final.",
       ""},
  });
}

TEST_CASE("attribute: CLAUSE, SPEAKER CUE. (clause_speaker_cue)") {
  CheckQuotes({
      {"named speaker", "The meeting was cancelled, Kirby said.",
       "indirect [The meeting was cancelled] <- Kirby => Kirby (person) @clause_speaker_cue"},
      {"dash before the attribution", "The plan is final – Kirby said.",
       "indirect [The plan is final] <- Kirby => Kirby (person) @clause_speaker_cue"},
      {"anonymous speaker with a hearer: told CNN", "The plan is final, two sources familiar with the matter told CNN.",
       "indirect [The plan is final] <- two sources familiar with the matter => two sources familiar with the "
       "matter (anonymous) #CNN @clause_speaker_cue"},
      {"mixed quote: the attribution follows the whole sentence",
       "Biden had planned to tell Putin that the US is ready to take “substantial economic countermeasures” if "
       "Putin goes ahead, a senior administration official told reporters.",
       "mixed [Biden had planned to tell Putin that the US is ready to take “substantial economic "
       "countermeasures” if Putin goes ahead] {substantial economic countermeasures} <- a senior administration "
       "official => a senior administration official (anonymous) #reporters @clause_speaker_cue"},
      {"a document speaks for its institution",
       "The plan is final, a White House statement said.",
       "indirect [The plan is final] <- a White House statement => White House (organization) "
       "#statement @clause_speaker_cue"},
  });
}

TEST_CASE("attribute: CLAUSE, CUE SPEAKER. (clause_cue_speaker)") {
  CheckQuotes({
      {"named speaker", "The meeting was cancelled, said Kirby.",
       "indirect [The meeting was cancelled] <- Kirby => Kirby (person) @clause_cue_speaker"},
      {"anonymous speaker with a relative clause set off by a comma",
       "The plan is final, said an official, who was not authorized to speak publicly.",
       "indirect [The plan is final] <- an official => an official (anonymous) @clause_cue_speaker"},
  });
}

TEST_CASE("attribute: CLAUSE, according to SPEAKER. and According to SPEAKER, CLAUSE.") {
  CheckQuotes({
      {"clause_according_to",
       "The meeting began at 10:07 a.m. ET, according to the White House.",
       "indirect [The meeting began at 10:07 a.m. ET] <- the White House => White House (organization) "
       "@clause_according_to"},
      {"according_to_clause",
       "According to the White House, the meeting began at 10:07 a.m. ET.",
       "indirect [the meeting began at 10:07 a.m. ET] <- the White House => White House (organization) "
       "@according_to_clause"},
  });
}

TEST_CASE("attribute: a parenthetical attribution makes one quote of both sides") {
  CheckQuotes({
      {"the sources said, and comes as",
       "Contingency planning is led by the Pentagon, the sources said, and comes as the administration briefs "
       "Congress.",
       "indirect [Contingency planning is led by the Pentagon, the sources said, and comes as the administration "
       "briefs Congress] <- the sources => the sources (anonymous) @clause_speaker_cue"},
  });
}

TEST_CASE("attribute: coordinated cues share their subject: two quotes") {
  CheckQuotes({
      {"Officials said A, and said B",
       "Officials said final decisions had not been made, and said the administration was in talks with partners.",
       "indirect [final decisions had not been made] <- Officials => officials (anonymous) @speaker_cue_clause\n"
       "indirect [the administration was in talks with partners] <- Officials => officials (anonymous) "
       "@speaker_cue_clause+coordinated"},
      {", adding that CLAUSE", "The mayor said the bridge would reopen, adding that the repairs were finished.",
       "indirect [the bridge would reopen] <- The mayor => the mayor (person) @speaker_cue_clause\n"
       "indirect [the repairs were finished] <- The mayor => the mayor (person) @speaker_cue_clause+coordinated"},
      {", saying CLAUSE", "Kirby says the plan is final, saying the work is done.",
       "indirect [the plan is final] <- Kirby => Kirby (person) @speaker_cue_clause\n"
       "indirect [the work is done] <- Kirby => Kirby (person) @speaker_cue_clause+coordinated"},
  });
}

TEST_CASE("attribute: scare quotes are terms, not sourced quotes") {
  CheckQuotes({
      {"a potential “nuclear option”",
       "They include further actions against Russian energy producers, and a potential “nuclear option” to "
       "disconnect Russia from SWIFT.",
       "term [nuclear option] <- - => - @scare_quote"},
  });
}

TEST_CASE("attribute: what is not a quote") {
  CheckQuotes({
      {"hypothetical: If Putin tells Biden … that",
       "If Putin tells Biden on Tuesday that NATO should not admit Ukraine, Biden is unlikely to accede.", ""},
      {"plan to speak: plans to brief reporters",
       "White House National Security Advisor Jake Sullivan also plans to brief reporters Tuesday afternoon.", ""},
      {"deliberation: officials have questioned whether",
       "In recent days, US officials have questioned whether to impose far-reaching sanctions on Russia.", ""},
      {"contributor line", "CNN’s Kevin Liptak, Natasha Bertrand and Jim Sciutto contributed to this report.", ""},
      {"negated: didn’t respond", "The mayor didn’t respond to a request for comment.", ""},
      {"refusals: declined to say, refused to comment",
       "The mayor declined to say more. The mayor refused to comment.", ""},
      {"page furniture", "Story continues below advertisement", ""},
      {"a future appearance", "The mayor will speak to reporters on Friday.", ""},
  });
}

TEST_CASE("attribute: an attribution-only sentence names the previous quote's speaker") {
  CheckQuotes({
      {"he said. Pentagon spokesman John Kirby said.",
       "“What we continue to see are additional capabilities,” he said. Pentagon spokesman John Kirby said.",
       "direct [What we continue to see are additional capabilities,] <- he => John Kirby (person) "
       "@quote_speaker_cue+next_sentence"},
  });
}

TEST_CASE("attribute: floating quotes continue the last speaker") {
  CheckQuotes({
      {"“A,” Kirby said. “B.”", "“The team played well,” Kirby said. “We will be back next year.”",
       "direct [The team played well,] <- Kirby => Kirby (person) @quote_speaker_cue\n"
       "direct [We will be back next year.] <- - => Kirby (person) @float_previous_speaker"},
      {"a run of floating quotes", "“We are ready,” Kirby said. “We trained hard.” “We will be back.”",
       "direct [We are ready,] <- Kirby => Kirby (person) @quote_speaker_cue\n"
       "direct [We trained hard.] <- - => Kirby (person) @float_previous_speaker\n"
       "direct [We will be back.] <- - => Kirby (person) @float_previous_speaker"},
      {"with no speaker before, a lone quotation is unattributed",
       "“We are ready for anything that comes our way this year.”",
       "direct [We are ready for anything that comes our way this year.] <- - => - @unattributed"},
  });
}

// The seed article end to end: every quote's dump against the checked-in
// fixtures/biden-putin-call.expected. Where it differs from the gold annotation
// (fixtures/biden-putin-call.gold.json) is listed in the commit that wrote it.
// QG_UPDATE_GOLDEN=1 rewrites the file from the current output; review its diff.
TEST_CASE("attribute: seed article golden dump") {
  const std::string dir = QG_FIXTURES_DIR;
  std::ifstream in(dir + "/biden-putin-call.txt", std::ios::binary);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const std::string dump = testing::DumpQuotes(testing::Run(text.str())) + "\n";
  const std::string golden = dir + "/biden-putin-call.expected";
  if (std::getenv("QG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << dump;
  }
  std::ifstream want_in(golden, std::ios::binary);
  REQUIRE_MESSAGE(want_in.good(), "missing " << golden << "; run with QG_UPDATE_GOLDEN=1");
  std::stringstream want;
  want << want_in.rdbuf();
  CHECK(dump == want.str());
}

// ---- Regressions: cases this suite found wrong, fixed since. ----
// These pin what is right, not the sieve that should find it: no rule ids.

TEST_CASE("attribute: a channel is the hearer of told or a channel phrase, never the speaker or the subject") {
  CheckQuotesNoRule({
      {"according to the White House: no channel",
       "The meeting began at 10:07 a.m. ET, according to the White House.",
       "indirect [The meeting began at 10:07 a.m. ET] <- the White House => White House (organization)"},
      {"said the EU was: the EU is the clause's subject, not a channel",
       "She also said the EU was “ready to take further restrictive measures”.",
       "mixed [the EU was “ready to take further restrictive measures”] {ready to take further restrictive "
       "measures} <- She => -"},
      {"a person familiar with the briefing: the briefing is no channel",
       "The meeting was cancelled, said a person familiar with the briefing.",
       "indirect [The meeting was cancelled] <- a person familiar with the briefing => a person familiar with "
       "the briefing (anonymous)"},
  });
}

TEST_CASE("attribute: a parenthetical attribution inside any clause makes one quote") {
  CheckQuotesNoRule({
      {"The plan, Kirby said, is final.", "The plan, Kirby said, is final.",
       "indirect [The plan, Kirby said, is final] <- Kirby => Kirby (person)"},
  });
}

TEST_CASE("attribute: an anonymous speaker's relative clause does not hide the attribution") {
  CheckQuotesNoRule({
      {"CLAUSE, said an official who was not authorized to speak publicly",
       "The plan is final, said an official who was not authorized to speak publicly.",
       "indirect [The plan is final] <- an official => an official (anonymous)"},
      {"An official who was not authorized to speak publicly said CLAUSE",
       "An official who was not authorized to speak publicly said the plan is final.",
       "indirect [the plan is final] <- An official => an official (anonymous)"},
  });
}

TEST_CASE("attribute: a scare quote after the attribution keeps the quote's speaker") {
  // “Q,” SPEAKER said of the “term”.: the whole sentence is rejected today, and
  // both quotations become terms.
  std::string dump = testing::DumpQuotesNoRule(testing::Run("“We are ready,” Kirby said of the “new plan”."));
  CHECK(dump.substr(0, dump.find('\n')) == "direct [We are ready,] <- Kirby => Kirby (person)");
}

TEST_CASE("attribute: an unknown surname right after a closing quotation mark is a speaker") {
  // Regressed in df7765a/abec25c: a name after a closing quotation mark
  // counted as sentence-initial, and a lone unknown capitalised word there was no name.
  CheckQuotesNoRule({
      {"“A,” McKegg said. “B.”", "“The team played well,” McKegg said. “We will be back next year.”",
       "direct [The team played well,] <- McKegg => McKegg (person)\n"
       "direct [We will be back next year.] <- - => McKegg (person)"},
  });
}

// Not handled yet: "went on to say" puts the cue after a phrasal verb.
TEST_CASE("attribute: went on to say is speech" * doctest::may_fail()) {
  CheckQuotesNoRule({
      {"Kirby went on to say CLAUSE", "Kirby went on to say the plan is final.",
       "indirect [the plan is final] <- Kirby => Kirby (person)"},
  });
}

TEST_CASE("attribute: a word's tag letter is read from the vocabulary's table, folded") {
  // Tagging asks one array a word (WordTagTable, built at load) instead of
  // comparing each token with "that", "and", "to" and the function words.
  const RuleSet& rules = testing::AttributionRules();
  const std::vector<uint8_t>& table = rules.patterns->word_tags;
  REQUIRE(table.size() == rules.vocabulary.size() + 1);
  auto tag = [&](std::string_view w) { return static_cast<char>(table[rules.vocabulary.Id(w).value] & 0x7F); };
  auto opens = [&](std::string_view w) { return (table[rules.vocabulary.Id(w).value] & internal::kMayOpenChannel) != 0; };
  CHECK(tag("that") == 'T');
  CHECK(tag("AND") == '&');
  CHECK(tag("Whether") == 'i');
  CHECK(tag("to") == 't');
  CHECK(tag("was") == 'x');
  CHECK(tag("never") == 'N');
  CHECK(tag("when") == 'J');
  CHECK(tag("yesterday") == 'd');
  CHECK(tag("zzyzx") == 'w');  // unknown: number 0
  CHECK(opens("In"));
  CHECK(opens("during"));
  CHECK_FALSE(opens("said"));
  CHECK_FALSE(opens("zzyzx"));
}

}  // namespace
}  // namespace qg
