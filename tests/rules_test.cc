// Tests for engine/rules.cc as the attribution stages use it: the built-in
// patterns and their examples, errors from a `--rules` override naming file,
// line and RE2's message, and a missing rules directory.
#include <doctest/doctest.h>

#include <cctype>
#include <set>

#include "engine/internal/lexical.h"
#include "engine/internal/patterns.h"
#include "engine/internal/words.h"
#include "engine/rules.h"
#include "engine/segment.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using testing::TempDir;
using testing::WriteFile;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("rules: every built-in pattern compiles, has examples, and its examples pass") {
  const RuleSet& rules = testing::BuiltinRules();
  REQUIRE(rules.patterns != nullptr);
  REQUIRE(!rules.patterns->patterns.empty());
  std::set<std::string> ids;
  for (const internal::Pattern& p : rules.patterns->patterns) {
    CAPTURE(p.id);
    CHECK(ids.insert(p.id).second);  // ids are stable and unique
    REQUIRE(p.re->ok());
    CHECK((p.kind == "quote" || p.kind == "context"));
    CHECK(!p.positive.empty());
    CHECK(!p.negative.empty());
    const auto& groups = p.re->NamedCapturingGroups();
    CHECK(groups.count("spk") == 1);
    CHECK(groups.count("cue") == 1);
    if (p.kind == "quote") CHECK(groups.count("clause") == 1);
    for (const std::string& ex : p.positive) {
      CAPTURE(ex);
      CHECK(RE2::PartialMatch(ex, *p.re));
    }
    for (const std::string& ex : p.negative) {
      CAPTURE(ex);
      CHECK_FALSE(RE2::PartialMatch(ex, *p.re));
    }
  }
}

TEST_CASE("rules: built-in patterns declare the letters they need, and fit RE2's backtracker") {
  const std::string alphabet = "QSPVKGvgbAThxyNdpt&jJiWwn,:.;-()o";
  for (const internal::Pattern& p : testing::BuiltinRules().patterns->patterns) {
    CAPTURE(p.id);
    // Over 512 instructions RE2 extracts groups with its NFA, several times slower.
    CHECK(p.re->ProgramSize() <= 512);
    REQUIRE(!p.needs.empty());
    // An example whose letters of a needed group all become another letter must
    // stop matching: the group is one the pattern cannot do without.
    for (const internal::TagLetters& group : p.needs) {
      for (const std::string& ex : p.positive) {
        for (char other : alphabet) {
          internal::TagLetters o;
          o.Add(other);
          if (group.Meets(o)) continue;
          std::string changed = ex;
          for (char& c : changed) {
            internal::TagLetters one;
            one.Add(c);
            if (group.Meets(one)) c = other;
          }
          CAPTURE(changed);
          CHECK_FALSE(RE2::PartialMatch(changed, *p.re));
        }
      }
    }
  }
}

TEST_CASE("rules: a bad pattern in a --rules override names file, line, rule id and RE2's message") {
  TempDir dir;
  WriteFile(dir.path() / "patterns.tsv",
            "# one good pattern, then a broken one\n"
            "ok\t^(?P<spk>S)(?P<cue>V)(?P<clause>w+)$\tquote\t0.5\tSVw\tVSw\n"
            "broken\t^(?P<spk>S(?P<cue>V)\tquote\t0.5\n");
  Result<RuleSet> r = LoadRules(dir.path().string());
  REQUIRE_FALSE(r.ok());
  const std::string msg = r.status().message();
  CAPTURE(msg);
  CHECK(r.status().code() == StatusCode::kRuleError);
  CHECK(Contains(msg, (dir.path() / "patterns.tsv").string() + ":3:"));
  CHECK(Contains(msg, "rule broken"));
  CHECK(Contains(msg, "missing )"));  // RE2's own error text
}

TEST_CASE("rules: override errors in fields and examples") {
  struct Row {
    const char* name;
    const char* file;
    const char* content;
    const char* expected;  // in the message, after "<path>:<line>: "
  };
  const Row rows[] = {
      {"a pattern with too few fields", "patterns.tsv", "lonely\t^S$\n", "1: a pattern needs id, pattern, kind, confidence"},
      {"a confidence that is no number", "patterns.tsv", "# c\nx\t^(?P<spk>S)(?P<cue>V)$\tquote\thigh\n",
       "2: rule x: confidence must be a number in [0,1]"},
      {"a pattern that misses its example", "patterns.tsv",
       "x\t^(?P<spk>S)(?P<cue>V)$\tcontext\t0.9\tSV VS\n", "1: rule x does not match its example VS"},
      {"a pattern that matches its counter-example", "patterns.tsv",
       "x\t^(?P<spk>S)(?P<cue>V)\tcontext\t0.9\tSV\tSVw\n", "1: rule x matches its counter-example SVw"},
      {"a pattern whose example lacks a letter it declares it needs", "patterns.tsv",
       "x\t^(?P<spk>[SP])(?P<cue>V)$\tcontext\t0.9\tSV PV\tVS\tS V\n",
       "1: rule x needs one of S but matches its example PV without"},
      {"a pattern that is not ASCII", "patterns.tsv", "x\t^(?P<spk>S)(?P<cue>V)\xc3\xa9$\tcontext\t0.9\n",
       "1: rule x: patterns are ASCII"},
      {"a speech verb line with too few fields", "speech_verbs.tsv", "# verbs\n\nsaid\tsay\n",
       "3: expected 4 tab-separated fields, found 2"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      TempDir dir;
      WriteFile(dir.path() / row.file, row.content);
      Result<RuleSet> r = LoadRules(dir.path().string());
      REQUIRE_FALSE(r.ok());
      CAPTURE(r.status().message());
      CHECK(r.status().code() == StatusCode::kRuleError);
      CHECK(Contains(r.status().message(), (dir.path() / row.file).string() + ":" + row.expected));
    }
  }
}

TEST_CASE("rules: a good override replaces only its own file") {
  TempDir dir;
  WriteFile(dir.path() / "patterns.tsv", "only\t^(?P<spk>S)(?P<cue>V)(?P<clause>w+)$\tquote\t0.5\tSVw\tVSw\n");
  Result<RuleSet> r = LoadRules(dir.path().string());
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  REQUIRE(r.value().patterns->patterns.size() == 1);
  CHECK(r.value().patterns->patterns[0].id == "only");
  CHECK(r.value().speech_verbs.Field("said", 0) == "say");  // still the built-in list
}

TEST_CASE("rules: sentences without a cue go untagged only while every pattern needs a cue letter") {
  // The built-in patterns all need a cue (their needs column says so), which
  // lets attribution skip tagging sentences with no cue and no quotation; an
  // override with a pattern that needs none turns the skip off.
  CHECK(testing::BuiltinRules().patterns->every_pattern_needs_cue);
  TempDir dir;
  WriteFile(dir.path() / "patterns.tsv",
            "cued\t^(?P<spk>S)(?P<cue>V)(?P<clause>w+)$\tquote\t0.5\tSVw\tVSw\tS V\n");
  Result<RuleSet> cued = LoadRules(dir.path().string());
  REQUIRE_MESSAGE(cued.ok(), cued.status().ToString());
  CHECK(cued.value().patterns->every_pattern_needs_cue);
  WriteFile(dir.path() / "patterns.tsv",
            "cued\t^(?P<spk>S)(?P<cue>V)(?P<clause>w+)$\tquote\t0.5\tSVw\tVSw\tS V\n"
            "uncued\t^(?P<spk>S)(?P<clause>w+)$\tquote\t0.5\tSw\twS\tS\n");
  Result<RuleSet> uncued = LoadRules(dir.path().string());
  REQUIRE_MESSAGE(uncued.ok(), uncued.status().ToString());
  CHECK_FALSE(uncued.value().patterns->every_pattern_needs_cue);
  // Undeclared, the need is read off the pattern's automaton when it has one
  // (anchored at both ends), and is unknown when it has none.
  WriteFile(dir.path() / "patterns.tsv", "undeclared\t^(?P<spk>S)(?P<cue>V)(?P<clause>w+)$\tquote\t0.5\tSVw\tVSw\n");
  Result<RuleSet> undeclared = LoadRules(dir.path().string());
  REQUIRE_MESSAGE(undeclared.ok(), undeclared.status().ToString());
  CHECK(undeclared.value().patterns->every_pattern_needs_cue);
  WriteFile(dir.path() / "patterns.tsv", "unanchored\t^(?P<spk>S)(?P<cue>V)(?P<clause>w+)\tquote\t0.5\tSVw\tVSw\n");
  Result<RuleSet> unanchored = LoadRules(dir.path().string());
  REQUIRE_MESSAGE(unanchored.ok(), unanchored.status().ToString());
  CHECK(unanchored.value().patterns->patterns[0].dfa == nullptr);
  CHECK_FALSE(unanchored.value().patterns->every_pattern_needs_cue);
}

TEST_CASE("rules: LoadRules of a missing directory is NotFound naming it") {
  TempDir dir;
  const std::string missing = dir / "no-such-rules";
  Result<RuleSet> r = LoadRules(missing);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kNotFound);
  CHECK(Contains(r.status().message(), missing));
}

TEST_CASE("rules: a lexicon answers a word by its number as it answers the word") {
  const RuleSet& rules = testing::BuiltinRules();
  const Lexicon* lexicons[] = {&rules.abbreviations, &rules.speech_verbs, &rules.titles,
                               &rules.anonymous,     &rules.organizations, &rules.channels,
                               &rules.function_words};
  for (std::string_view word : {"said", "SAID", "Mr.", "officials", "Pentagon", "John", "the",
                                "statement", ",", "a", "I", "zzyzx", "", "not", "press"}) {
    CAPTURE(word);
    const WordId id = rules.vocabulary.Id(word);
    for (const Lexicon* lex : lexicons) {
      CHECK(lex->Find(id) == lex->Find(word));
      CHECK(lex->Field(id, 0) == lex->Field(word, 0));
    }
  }
  CHECK_FALSE(rules.vocabulary.Id("zzyzx").known());
  // Keys of several words are found by text; their first words say so.
  CHECK(rules.anonymous.StartsPhrase(rules.vocabulary.Id("not")));
  CHECK(rules.channels.StartsPhrase(rules.vocabulary.Id("Press")));
  CHECK_FALSE(rules.channels.StartsPhrase(rules.vocabulary.Id("zzyzx")));
  CHECK(rules.channels.Contains("press release"));
}

TEST_CASE("rules: an override's words are numbered, and only its words") {
  TempDir dir;
  WriteFile(dir.path() / "channels.tsv", "wireless\tradio\nbreaking news\tnews\n");
  Result<RuleSet> r = LoadRules(dir.path().string());
  REQUIRE(r.ok());
  const RuleSet& rules = r.value();
  CHECK(rules.channels.Field(rules.vocabulary.Id("Wireless"), 0) == "radio");
  CHECK(rules.channels.StartsPhrase(rules.vocabulary.Id("breaking")));
  CHECK(rules.channels.Find(rules.vocabulary.Id("statement")) == nullptr);
  CHECK(rules.vocabulary.serial() != testing::BuiltinRules().vocabulary.serial());
}

TEST_CASE("rules: a word looked up in steps (hash, prefetch, find) gets the number Id gives it") {
  const Vocabulary& vocab = testing::BuiltinRules().vocabulary;
  // Short and long words, known and unknown, folded and not, and "word." forms.
  for (std::string_view word : {"said", "SAID", "Mr.", "mr", "Theresa", "spokeswoman", "SPOKESWOMAN",
                                "zz", "zzyzxzzyzx", "Organisation", "al-Qaeda", "ms.", "Jan."}) {
    CAPTURE(word);
    uint64_t head = 0;
    for (size_t i = 0; i < word.size() && i < 8; ++i) {
      const char c = word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
      head |= uint64_t{static_cast<unsigned char>(c)} << (8 * i);
    }
    const uint32_t hash = Vocabulary::Hash(word, head);
    vocab.Prefetch(hash);
    CHECK(vocab.Id(word, head, hash).value == vocab.Id(word).value);
  }
  CHECK(vocab.Id("said").known());
  CHECK(vocab.Id("spokeswoman").known());
}

TEST_CASE("rules: the short lookup's filter keeps every known word, and a home slot never misnames") {
  // words.cc numbers the words the filter turns away as unknown, and looks
  // the others up at their home slot, asking Find when that slot holds
  // another key: every word of up to eight bytes the vocabulary knows must
  // pass the filter, and an answer from the home slot must be Find's.
  const Vocabulary& vocab = testing::BuiltinRules().vocabulary;
  const FoldedKeys::ShortLookup lookup = vocab.short_lookup();
  auto head_of = [](std::string_view folded) {
    uint64_t head = 0;
    for (size_t i = 0; i < folded.size() && i < 8; ++i) {
      head |= uint64_t{static_cast<unsigned char>(folded[i])} << (8 * i);
    }
    return head;
  };
  size_t short_words = 0, at_home = 0;
  for (uint32_t id = 1; id <= vocab.size(); ++id) {
    const std::string_view word = vocab.word(WordId{id});
    if (word.size() > 8) continue;
    CAPTURE(word);
    ++short_words;
    const uint64_t head = head_of(word);
    const uint32_t hash = Vocabulary::Hash(word, head);
    CHECK(lookup.MayHold(hash));
    uint32_t found = 0;
    if (lookup.FindAtHome(head, hash, found)) {
      ++at_home;
      CHECK(Vocabulary::FromIndex(found).value == id);
    }
  }
  CHECK(at_home * 10 >= short_words * 8);  // a quarter-full table: most keys at home
  for (std::string_view word : {"zz", "qwxz", "zzyzx", "flarbs", "ukulele", "quixotic"}) {
    CAPTURE(word);
    const uint64_t head = head_of(word);
    const uint32_t hash = Vocabulary::Hash(word, head);
    uint32_t found = 0;
    if (lookup.FindAtHome(head, hash, found)) CHECK(found == FoldedKeys::kAbsent);
  }
}

TEST_CASE("rules: each token's flags and numbers agree with the text functions they stand for") {
  // The numbering reads possessive endings and capitals from raw bytes; these
  // tokens (a possessive opening the text, curly and straight endings,
  // hyphenated particles, acronyms, a non-ASCII capital) hold it to
  // StripPossessive, IsCapitalized, IsAcronym and Vocabulary::Id.
  const RuleSet& rules = testing::BuiltinRules();
  Document doc;
  doc.text = "X's lawyer and Ann\u2019s aide met al-Qaeda's NATO. Mr. Smith\u2019S US ex-CEO "
             "\u00c9lise said it's 2nd. Is's ISN'T s's \u2019s Bo\u2019s "
             // A hyphen within the first four bytes before a capital, and beyond.
             "bin-Salman e-Mail al-qaeda abcd-Efgh well-known administration";
  doc.paragraphs = FindParagraphs(doc.text);
  doc.tokens = Tokenize(doc);
  const std::vector<TokenWord> words = internal::NumberWords(doc, rules);
  REQUIRE(words.size() == doc.tokens.size());
  int possessives = 0;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const std::string_view text = doc.slice(doc.tokens[t].span);
    CAPTURE(text);
    bool possessive = false;
    const std::string_view base = internal::StripPossessive(text, &possessive);
    possessives += possessive;
    CHECK(((words[t].flags & internal::kPossessive) != 0) == possessive);
    CHECK(words[t].word.value == rules.vocabulary.Id(text).value);
    CHECK(words[t].base.value == rules.vocabulary.Id(base).value);
    CHECK(((words[t].flags & internal::kCapitalized) != 0) == internal::IsCapitalized(text));
    CHECK(((words[t].flags & internal::kAcronym) != 0) == internal::IsAcronym(text));
  }
  CHECK(possessives >= 5);
}

}  // namespace
TEST_CASE("rules: FoldedKeys finds every key, full or spread, short or long, and no other") {
  // Thousands of keys in a 3/4-full table put many beside their home slot,
  // so the two-slot fast path and the full probe both answer.
  FoldedKeys keys;
  std::vector<std::string> present, absent;
  for (int i = 0; i < 3000; ++i) {
    const std::string key = (i % 3 == 0 ? "word" : i % 3 == 1 ? "w" : "a-much-longer-key-") + std::to_string(i);
    (i % 2 == 0 ? present : absent).push_back(key);
  }
  for (const std::string& k : present) keys.Insert(k);
  auto check = [&] {
    for (size_t i = 0; i < present.size(); ++i) {
      CAPTURE(present[i]);
      REQUIRE(keys.Find(present[i]) == i);
      std::string upper = present[i];
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      REQUIRE(keys.Find(upper) == i);  // folded
    }
    for (const std::string& k : absent) {
      CAPTURE(k);
      REQUIRE(keys.Find(k) == FoldedKeys::kAbsent);
    }
  };
  check();
  keys.Spread(4);
  check();
}

}  // namespace qg
