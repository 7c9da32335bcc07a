// Tests for engine/resolve.cc: which source each quote's mention resolves to,
// shown through the quote dump (`<- mention => source (kind)`) and the source list
// (format: tests/attribution_test_util.h).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "engine/internal/key_map.h"
#include "engine/internal/names.h"
#include "tests/attribution_test_util.h"

namespace qg {
namespace {

using testing::CheckQuotes;
using testing::CheckTable;
using testing::DumpSources;

// The resolver folds names with the buffer-filling helpers; they must agree
// with the plain ones that build strings.
TEST_CASE("resolve: name helpers agree with their allocating forms") {
  for (std::string_view name : {"Immigration, Refugees and Citizenship Canada", "The White House", "the Bank",
                                "A senior official", "an aide", "  Kim  Jong-un ", "Apple", "", "ÉLYSÉE Palace",
                                "THE", "tHE x", "An ", "AN  aide", "a", "A", "an", "anchor", "theatre", "Th", " the x",
                                "@AZ[`az{ \x7f\x80\xc1\xda\xdbMIXED case Words OF more than EIGHT bytes"}) {
    CAPTURE(name);
    std::string lower;
    internal::AsciiLowerInto(name, &lower);
    CHECK(lower == internal::AsciiLower(name));
    CHECK(std::string(internal::StripFoldedArticle(lower)) == internal::StripArticle(name));
    CHECK(internal::AsciiLower(internal::StripArticleView(name)) == internal::StripArticle(name));
    std::vector<std::string_view> words;
    internal::WordsInto(name, &words);
    std::vector<std::string> expected = internal::Words(name);
    CHECK(std::vector<std::string>(words.begin(), words.end()) == expected);
    CHECK(internal::WordCount(name) == expected.size());
    const internal::WordEnds ends = internal::FirstLastWords(name);
    CHECK(ends.count == expected.size());
    CHECK(ends.first == (expected.empty() ? "" : expected.front()));
    CHECK(ends.last == (expected.empty() ? "" : expected.back()));
    std::string initials;
    internal::LowerInitialsInto(name, &initials);
    CHECK(initials == internal::AsciiLower(internal::Initials(name)));
    CHECK(internal::FoldedStartsWith(name, "the ") == (lower.rfind("the ", 0) == 0));
    for (std::string_view part : {"", "e", "the", "bank", "ircc", "eight", "words of", "kim  jong-un ", "\xc9ly"}) {
      CAPTURE(part);
      CHECK(internal::FoldedContains(name, part) == (lower.find(part) != std::string::npos));
    }
  }
}

// The resolver's indexes number keys as the folded strings they stand for.
TEST_CASE("resolve: FoldedIds numbers keys by their folded text") {
  const std::vector<std::string> keys = {"", "a", "Kim", "KIM", "kim ", "Greenspan", "GREENSPAN", "greenspan",
                                         "Greenspa", "GreenspaN", "ircc", "IRCC", "Immigration, Refugees and "
                                         "Citizenship Canada", "immigration, refugees and citizenship canadA",
                                         "\xc9lys\xe9" "e", "\xe9lys\xe9" "e", std::string("a\0", 2), std::string(300, 'x'),
                                         std::string(300, 'X'), std::string(299, 'x') + "y",
                                         // The same first and last eight bytes and length: only the middle differs.
                                         "Ministry of Finance, Canada", "Ministry of Defence, Canada",
                                         "MINISTRY OF DEFENCE, CANADA"};
  internal::FoldedIds ids;
  std::map<std::string, uint32_t> expected;
  // Past the first reservation too, so the table grows while numbered keys stay put.
  const std::vector<std::string> many = [] {
    std::vector<std::string> out;
    for (int i = 0; i < 100; ++i) out.push_back("Key" + std::to_string(i) + (i % 2 ? "-with-a-long-tail" : ""));
    return out;
  }();
  for (int round = 0; round < 2; ++round) {
    for (const std::vector<std::string>* list : {&keys, &many}) {
      for (const std::string& k : *list) {
        CAPTURE(k);
        const std::string folded = internal::AsciiLower(k);
        auto it = expected.find(folded);
        CHECK(ids.Find(k) == (it == expected.end() ? internal::FoldedIds::kAbsent : it->second));
        const uint32_t id = ids.Insert(k);
        if (it == expected.end()) {
          CHECK(id == expected.size());
          expected.emplace(folded, id);
        } else {
          CHECK(id == it->second);
        }
        CHECK(internal::AsciiLower(ids.key(id)) == folded);
      }
    }
  }
  CHECK(ids.size() == expected.size());
  internal::FoldedIds reserved;
  reserved.Reserve(3);
  CHECK(reserved.Find("Kim") == internal::FoldedIds::kAbsent);
  CHECK(reserved.Insert("Kim") == 0);
  CHECK(reserved.Find("kIM") == 0);
}

TEST_CASE("resolve: a surname or title+surname joins the full name") {
  CheckQuotes({
      {"Fry -> Pete Fry", "“The bridge will open,” Pete Fry said. “We are ready,” Fry said.",
       "direct [The bridge will open,] <- Pete Fry => Pete Fry (person) @quote_speaker_cue\n"
       "direct [We are ready,] <- Fry => Pete Fry (person) @quote_speaker_cue"},
      {"Mr. Fry -> Pete Fry", "“The bridge will open,” Pete Fry said. “We are ready,” Mr. Fry said.",
       "direct [The bridge will open,] <- Pete Fry => Pete Fry (person) @quote_speaker_cue\n"
       "direct [We are ready,] <- Mr. Fry => Pete Fry (person) @quote_speaker_cue"},
  });
}

TEST_CASE("resolve: a definite description recalls the group it names") {
  CheckQuotes({
      {"the sources -> half a dozen sources",
       "The plan is final, half a dozen sources told CNN. The work is led by the Pentagon, the sources said.",
       "indirect [The plan is final] <- half a dozen sources => half a dozen sources (anonymous) #CNN "
       "@clause_speaker_cue\n"
       "indirect [The work is led by the Pentagon] <- the sources => half a dozen sources (anonymous) "
       "@clause_speaker_cue"},
      {"a repeated anonymous descriptor is one source",
       "A senior administration official said the plan is final. A senior administration official said the "
       "work is done.",
       "indirect [the plan is final] <- A senior administration official => a senior administration official "
       "(anonymous) @speaker_cue_clause\n"
       "indirect [the work is done] <- A senior administration official => a senior administration official "
       "(anonymous) @speaker_cue_clause"},
  });
}

TEST_CASE("resolve: pronouns take the most recent speaker of their gender") {
  CheckQuotes({
      {"he skips a woman named in between (gender from the first name)",
       "“The bridge will open,” Pete Fry said. Mary Smith disagreed. “We are ready,” he said.",
       "direct [The bridge will open,] <- Pete Fry => Pete Fry (person) @quote_speaker_cue\n"
       "direct [We are ready,] <- he => Pete Fry (person) @quote_speaker_cue"},
      {"she skips a man named in between (gender from the first name)",
       "“The bridge will open,” Mary Smith said. Pete Fry disagreed. “We are ready,” she said.",
       "direct [The bridge will open,] <- Mary Smith => Mary Smith (person) @quote_speaker_cue\n"
       "direct [We are ready,] <- she => Mary Smith (person) @quote_speaker_cue"},
      {"she: gender from the title Mrs.",
       "“The bridge will open,” Mrs. Smith said. Pete Fry disagreed. “We are ready,” she said.",
       "direct [The bridge will open,] <- Mrs. Smith => Smith (person) @quote_speaker_cue\n"
       "direct [We are ready,] <- she => Smith (person) @quote_speaker_cue"},
      {"she after a descriptor with an office title",
       "European Commission President Ursula von der Leyen said the plan is ready. “We will respond,” she added.",
       "indirect [the plan is ready] <- European Commission President Ursula von der Leyen => Ursula von der "
       "Leyen (person) @speaker_cue_clause\n"
       "direct [We will respond,] <- she => Ursula von der Leyen (person) @quote_speaker_cue"},
  });
}

TEST_CASE("resolve: it takes an institution") {
  CheckQuotes({
      {"it -> the Bank of Canada",
       "The Bank of Canada said on Wednesday that rates would rise. “Inflation is too high,” it said.",
       "indirect [rates would rise] <- The Bank of Canada => Bank of Canada (organization) @speaker_cue_that\n"
       "direct [Inflation is too high,] <- it => Bank of Canada (organization) @quote_speaker_cue"},
  });
}

TEST_CASE("resolve: a pronoun with nobody before it has no source") {
  CheckQuotes({
      {"she alone", "“We will respond,” she said.", "direct [We will respond,] <- she => - @quote_speaker_cue"},
  });
}

TEST_CASE("resolve: sources carry descriptors, affiliations, counts and reasons") {
  CheckTable(
      {
          {"the affiliation becomes a source of its own",
           "Pentagon spokesman John Kirby said the plan is final.",
           "John Kirby (person) male desc=Pentagon spokesman aff=Pentagon\nPentagon (organization) neuter"},
          {"count", "The plan is final, two sources familiar with the matter told CNN.",
           "two sources familiar with the matter (anonymous) plural count=2"},
          {"reason", "The plan is final, said an official, who was not authorized to speak publicly.",
           "an official (anonymous) ? reason=not authorized to speak publicly"},
          {"only speakers are sources: a name that never speaks is none",
           "Biden will meet with French President Emmanuel Macron. Kirby said the plan is final.",
           "Kirby (person) male"},
      },
      DumpSources);
}

}  // namespace
}  // namespace qg
