// Tests for engine/segment.cc and engine/utf8.cc: UTF-8 validation, paragraphs,
// tokens and sentences. Each case carries the sentence that motivated it.
#include <string>
#include <vector>

#include "engine/internal/utf8.h"
#include "tests/text_test_util.h"

namespace qg {
namespace {

using namespace std::string_literals;
using testing::DumpParagraphs;
using testing::DumpSentences;
using testing::DumpTokens;
using testing::RunTextStages;

struct Case {
  const char* name;
  std::string input;
  std::string want;
};

TEST_CASE("utf8: validation accepts text and names the first bad byte") {
  struct Utf8Case {
    const char* name;
    std::string input;
    const char* want;  // "" for OK
  };
  const std::vector<Utf8Case> cases = {
      {"ascii and curly quotes", "Biden\xE2\x80\x99s \xE2\x80\x9Cplan\xE2\x80\x9D", ""},
      {"four-byte emoji", "ok \xF0\x9F\x98\x80", ""},
      {"U+10FFFF is the last code point", "\xF4\x8F\xBF\xBF", ""},
      {"overlong slash", "ab\xC0\xAF", "invalid UTF-8 at byte 2"},
      {"overlong three-byte", "\xE0\x80\xAF", "invalid UTF-8 at byte 0"},
      {"surrogate", "x\xED\xA0\x80", "invalid UTF-8 at byte 1"},
      {"past U+10FFFF", "\xF4\x90\x80\x80", "invalid UTF-8 at byte 0"},
      {"truncated at end", "said \xE2\x80", "invalid UTF-8 at byte 5"},
      {"stray continuation", "a\x80", "invalid UTF-8 at byte 1"},
      {"F5 lead", "\xF5\x80\x80\x80", "invalid UTF-8 at byte 0"},
      // Validation skips ASCII in blocks of 32 and 8 bytes: bad bytes inside and
      // right after a block are still named exactly.
      {"bad byte after 40 ASCII bytes", std::string(40, 'a') + "\x80", "invalid UTF-8 at byte 40"},
      {"bad byte inside a block", std::string(35, 'a') + "\xFF" + std::string(30, 'b'),
       "invalid UTF-8 at byte 35"},
      {"bad byte after valid non-ASCII", "caf\xC3\xA9 " + std::string(33, 'x') + "\xC0\xAF",
       "invalid UTF-8 at byte 39"},
  };
  for (const Utf8Case& c : cases) {
    CAPTURE(c.name);
    Status s = ValidateUtf8(c.input);
    CHECK(s.message() == c.want);
    CHECK(s.ok() == (std::string(c.want).empty()));
  }
}

TEST_CASE("utf8: the vector check and the byte walk agree on every string") {
  // ValidateUtf8 trusts simdjson's verdict on valid text and walks only a
  // failing one: a string one accepted and the other refused would be
  // reported wrongly. Random strings built from UTF-8's edge bytes (leads,
  // continuations, the overlong and surrogate boundaries, ASCII) probe it.
  const unsigned char edges[] = {'a', ' ', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string s(static_cast<size_t>(next() % 48), 'x');
    for (char& c : s) c = static_cast<char>(edges[next() % sizeof edges]);
    CAPTURE(s);
    CHECK(ValidateUtf8(s).ok() == (internal::FindInvalidUtf8(s) == s.size()));
  }
}

TEST_CASE("utf8: letter and case classes cover accented Latin") {
  auto cp = [](const char* s) { return internal::DecodeAt(s, 0).c; };
  CHECK(internal::IsUpper(cp("\xC3\x89")));   // É
  CHECK(internal::IsLower(cp("\xC3\xA9")));   // é
  CHECK(internal::IsUpper(cp("\xC5\x81")));   // Ł
  CHECK(internal::IsLower(cp("\xC5\x82")));   // ł
  CHECK(internal::IsLetter(cp("\xC3\x9F")));  // ß
  CHECK_FALSE(internal::IsLetter(cp("\xC3\x97")));  // ×
  CHECK(internal::IsSpace(cp("\xEF\xBB\xBF")));     // BOM
  CHECK(internal::DecodeBefore("a\xE2\x80\x99", 4).c == 0x2019);
}

TEST_CASE("segment: paragraphs") {
  const std::vector<Case> cases = {
      {"blank line", "One.\n\nTwo.", "[One.] [Two.]"},
      {"blank line holding white space", "One.\n  \t\nTwo.\n", "[One.] [Two.]"},
      {"single newline is white space", "One\nstill one.\n\nTwo.", "[One\nstill one.] [Two.]"},
      {"scraped separator", "Employees voted.\n .\n A release said so.\n .\n ",
       "[Employees voted.] [A release said so.]"},
      {"scraped separator after a closing quote",
       "\"like myself.\".\n .\n During his years.", "[\"like myself.\".] [During his years.]"},
      {"CRLF", "One.\r\n\r\nTwo.\r\nStill two.\r\n", "[One.] [Two.\r\nStill two.]"},
      {"BOM at start is white space", "\xEF\xBB\xBFOne.\n\nTwo.", "[One.] [Two.]"},
      {"NUL line is blank", "One.\n\0\nTwo."s, "[One.] [Two.]"},
      {"CR alone ends lines", "One.\r\rTwo.\rStill two.", "[One.] [Two.\rStill two.]"},
      {"U+2029 ends a paragraph", "One.\xE2\x80\xA9Two.", "[One.] [Two.]"},
      {"the A9 byte of é is no separator", "Caf\xC3\xA9 open.\nStill one.",
       "[Caf\xC3\xA9 open.\nStill one.]"},
      {"a line of dots is text", "One.\n...\nStill one.", "[One.\n...\nStill one.]"},
      {"empty text", "", ""},
      {"only white space", " \n\n \n", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(DumpParagraphs(RunTextStages(c.input)) == c.want);
  }
}

TEST_CASE("segment: tokens") {
  const std::vector<Case> cases = {
      {"inner apostrophe stays in the word: Biden’s", "Biden’s still young",
       "Biden’s/W still/W young/W"},
      {"contraction", "I don’t support Uber", "I/W don’t/W support/W Uber/W"},
      {"straight apostrophe in names", "Wet'suwet'en members", "Wet'suwet'en/W members/W"},
      {"inner hyphen", "co-ordinate with a 23-year-old", "co-ordinate/W with/W a/W 23-year-old/W"},
      {"numbers", "up to 175,000 troops at 10:07 a.m. in 2016",
       "up/W to/W 175,000/N troops/W at/W 10:07/N a.m/W ./P in/W 2016/N"},
      {"money range", "$2-300 or 3.5%", "$/S 2-300/N or/W 3.5/N %/S"},
      {"possessive plural keeps its mark apart: players’ union", "the players’ union",
       "the/W players/W ’/Q union/W"},
      {"straight possessive plural", "the players' union", "the/W players/W '/Q union/W"},
      {"decade elision", "the ’90s", "the/W ’/Q 90s/W"},
      {"rock ’n’ roll", "rock ’n’ roll", "rock/W ’/Q n/W ’/Q roll/W"},
      {"quote marks around words", "“grim” and «oui» and „ja“",
       "“/Q grim/W ”/Q and/W «/Q oui/W »/Q and/W „/Q ja/W “/Q"},
      {"spaced closing mark: Ukraine “, she continued.", "Ukraine “, she continued.",
       "Ukraine/W “/Q ,/P she/W continued/W ./P"},
      {"dashes and ellipsis", "Johnson – the same... group", "Johnson/W –/P the/W same/W .../P group/W"},
      {"abbreviation with inner dots", "U.S. citizens in B.C.’s north",
       "U.S/W ./P citizens/W in/W B.C/W ./P ’/Q s/W north/W"},
      {"BOM and NUL are white space", "\xEF\xBB\xBFOne\0two"s, "One/W two/W"},
      {"accented letters", "Émilie Côté said", "Émilie/W Côté/W said/W"},
      {"invalid bytes never crash", "a\xFF\xC0" "b", "a/W \xFF/S \xC0/S b/W"},
      // Words are scanned sixteen bytes a step where sixteen remain: each end
      // below falls at another place in a step, or in the bytes after the last.
      {"long words end anywhere in a sixteen-byte step",
       "Antidisestablishmentarianism, incomprehensibilities counterrevolutionaries;"
       " abcdefghijklmnop qrstuvwxyzABCDEFG x",
       "Antidisestablishmentarianism/W ,/P incomprehensibilities/W counterrevolutionaries/W ;/P"
       " abcdefghijklmnop/W qrstuvwxyzABCDEFG/W x/W"},
      {"a word runs into a non-ASCII letter or a joiner",
       "Zwischenstaatlichkeitsvertrag\u00e9s zwischenstaatlich-vertrag2021 rock\u2019n",
       "Zwischenstaatlichkeitsvertrag\u00e9s/W zwischenstaatlich-vertrag2021/W rock\u2019n/W"},
      {"letters after digits, and the text's last word", "1234567890123456789abc and finalwordoftext",
       "1234567890123456789abc/W and/W finalwordoftext/W"},
      // A word of ASCII letters or digits followed by one space is read from
      // the bits of one sixteen-byte load: digits alone make a number.
      {"words followed by a space, up to fifteen bytes",
       "abcdefghijklmno 2016 42abc x9 y 7  zz abcdefghijklmnop 1234567890123456 end",
       "abcdefghijklmno/W 2016/N 42abc/W x9/W y/W 7/N zz/W abcdefghijklmnop/W 1234567890123456/N end/W"},
      {"bytes next to the letters and digits in ASCII", "a@b a`b a[b a{b 0/9 a:b",
       "a/W @/S b/W a/W `/S b/W a/W [/P b/W a/W {/P b/W 0/9/N a/W :/P b/W"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(DumpTokens(RunTextStages(c.input)) == c.want);
  }
}

TEST_CASE("segment: a paragraph span made by hand may end inside a word") {
  // FindParagraphs never does this; Tokenize must still stop at the span's end.
  Document doc = MakeDocument("test", "abcdef 12345 gh");
  doc.paragraphs = {Paragraph{Span{0, 3}}, Paragraph{Span{7, 10}}, Paragraph{Span{13, 15}}};
  doc.tokens = Tokenize(doc);
  CHECK(DumpTokens(doc) == "abc/W 123/N gh/W");
}

TEST_CASE("segment: tokens carry their paragraph") {
  Document doc = RunTextStages("One two.\n\nThree.");
  REQUIRE(doc.tokens.size() == 5);
  CHECK(doc.tokens[2].paragraph == 0);
  CHECK(doc.tokens[3].paragraph == 1);
}

TEST_CASE("segment: sentences") {
  const std::vector<Case> cases = {
      {"plain", "The two leaders met. Their last call was in July.",
       "[The two leaders met.] [Their last call was in July.]"},
      {"a.m. and initials do not end sentences",
       "The meeting began at 10:07 a.m. ET and ended at noon. It was John F. Kennedy. Next.",
       "[The meeting began at 10:07 a.m. ET and ended at noon.] [It was John F. Kennedy.] "
       "[Next.]"},
      {"titles", "Mr. Hemming argued. Gov. Smith and Dr. Who agreed.",
       "[Mr. Hemming argued.] [Gov. Smith and Dr. Who agreed.]"},
      {"U.S. mid-sentence", "evacuation of U.S. citizens from Ukraine.",
       "[evacuation of U.S. citizens from Ukraine.]"},
      {"U.S. at a sentence end", "They live in the U.S. The others do not.",
       "[They live in the U.S.] [The others do not.]"},
      {"province after a comma", "Originally from Glace Bay, N.S., Brooks, 54, was homeless.",
       "[Originally from Glace Bay, N.S., Brooks, 54, was homeless.]"},
      {"period inside a quote does not split: “A. B,” he said.",
       "“We agree. We act,” he said. Then he left.",
       "[“We agree. We act,” he said.] [Then he left.]"},
      {"two sentences around quotes: “A,” he said. “B.”", "“Yes,” he said. “No.”",
       "[“Yes,” he said.] [“No.”]"},
      {"sentence ends after a closing mark: … economy.” Next",
       "It would hurt the economy.” Next came Putin.",
       "[It would hurt the economy.”] [Next came Putin.]"},
      {"quoted question with attribution: “Why?” he asked.",
       "“Are you wearing blue shoes?” she asked. He nodded.",
       "[“Are you wearing blue shoes?” she asked.] [He nodded.]"},
      {"quoted sentence then capital", "He said: “We will respond.” The EU agreed.",
       "[He said: “We will respond.”] [The EU agreed.]"},
      {"never across a paragraph", "No end here\n\nNew paragraph.",
       "[No end here] [New paragraph.]"},
      {"a period before lower case ends nothing: the seed's 'have connections. closer economic'",
       "many of whom have connections. closer economic relations with Russia.",
       "[many of whom have connections. closer economic relations with Russia.]"},
      {"question then lower case outside quotes", "Really? yes.", "[Really? yes.]"},
      {"a period without a following space is no boundary",
       "Email: jsnyder@postmedia.com | Twitter: jesse", "[Email: jsnyder@postmedia.com | Twitter: jesse]"},
      {"ellipsis", "He paused... then went on. Done.", "[He paused... then went on.] [Done.]"},
      {"multi-paragraph quote is cut at the paragraph end",
       "“First part. More.\n\n“Second part. End.” he said. Next.",
       "[“First part. More.] [“Second part. End.” he said.] [Next.]"},
      {"brackets close with the sentence", "(He left.) Then she came.",
       "[(He left.)] [Then she came.]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(DumpSentences(RunTextStages(c.input)) == c.want);
  }
}

TEST_CASE("segment: sentences cover their tokens") {
  Document doc = RunTextStages("“Yes,” he said. “No.”\n\nA new one. And more.");
  REQUIRE(doc.sentences.size() == 4);
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    CHECK(s.token_begin < s.token_end);
    CHECK(doc.tokens[s.token_begin].span.begin == s.span.begin);
    CHECK(doc.tokens[s.token_end - 1].span.end == s.span.end);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) CHECK(doc.tokens[t].sentence == i);
  }
  CHECK(doc.sentences[2].paragraph == 1);
}

TEST_CASE("segment: the seed article splits into sentences without crashing") {
  Document doc = RunTextStages(
      "The US is ready to take “substantial economic countermeasures” intended to inflict "
      "“significant and serious economic damage to the Russian economy” if Putin goes ahead "
      "with a military escalation, a senior administration official told reporters on Monday.");
  CHECK(doc.sentences.size() == 1);
}

}  // namespace
}  // namespace qg
