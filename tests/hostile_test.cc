// The hostile-input table (README "Hostile and broken input", docs/hostile-input.md),
// one case per row: what scraped news throws at the engine and what it must do.
//
// Big inputs are generated here at run time, never committed. Each case runs
// under ASan+UBSan in build-asan too, so sizes are picked to finish in seconds
// there yet be far past where a quadratic path would stall (100,000 marks
// squared is 10^10 steps). Output soundness is judged by fuzz/output_check.h,
// the same check the fuzz targets abort on.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "engine/corpus.h"
#include "engine/pipeline.h"
#include "engine/serialize.h"
#include "fuzz/output_check.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using testing::BuiltinRules;
using testing::TempDir;
using testing::WriteFile;

struct Run {
  Status status;
  Document doc;
  double seconds = 0;
};

Run Extract(std::string text, Options options = {}) {
  Run r;
  r.doc = MakeDocument("hostile", std::move(text));
  const auto start = std::chrono::steady_clock::now();
  r.status = RunPipeline(BuiltinRules(), options, r.doc);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (r.status.ok()) {
    const std::string problem = fuzzing::CheckOutput(r.doc, ToJson(r.doc, /*pretty=*/false));
    CHECK_MESSAGE(problem.empty(), problem);
  }
  return r;
}

size_t CountKind(const Document& doc, QuoteKind kind) {
  size_t n = 0;
  for (const Quote& q : doc.quotes) n += q.kind == kind;
  return n;
}

// Wall-clock ceiling for one hostile article. Generous (sanitizer builds are
// ~10x slower, the machine is shared); what it catches is a quadratic path,
// which on these sizes takes minutes or hours.
constexpr double kMaxSeconds = 60;

using testing::Mentions;
using testing::ReadAll;

TEST_CASE("hostile: empty and whitespace-only articles give no quotes and no error") {
  for (std::string text : {std::string(), std::string(" \t\n\r\n  \n\n"),
                           std::string("\xC2\xA0\xE3\x80\x80\xE2\x80\xAF\n\n\n"),
                           std::string(100000, '\n')}) {
    Run r = Extract(text);
    CHECK(r.status.ok());
    CHECK(r.doc.quotes.empty());
    CHECK(r.doc.summary.quotes == 0);
  }
}

TEST_CASE("hostile: invalid UTF-8 refuses the article naming the first bad byte") {
  struct Case {
    std::string text;
    size_t offset;
  } cases[] = {
      {"caf\xC3 x", 3},                       // truncated 2-byte sequence
      {"ok \xFF\xFE bytes", 3},               // bytes that never occur in UTF-8
      {"\x80 lone continuation", 0},
      {"over\xC0\x80long NUL", 4},            // overlong encoding of NUL
      {"ab\xE0\x80\xAF", 2},                  // overlong 3-byte '/'
      {"sur\xED\xA0\x80rogate", 3},           // UTF-16 surrogate half
      {"big\xF4\x90\x80\x80", 3},             // past U+10FFFF
      {"“fine” then \xF5", 16},
      {"ends mid-character \xE2\x80", 19},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Run r = Extract(c.text);
    CHECK(r.status.code() == StatusCode::kInvalidArgument);
    CHECK(Mentions(r.status, "invalid UTF-8 at byte " + std::to_string(c.offset)));
    CHECK(Mentions(r.status, "hostile"));  // the article id
    CHECK(r.doc.quotes.empty());
  }
}

TEST_CASE("hostile: NUL and control bytes are text, escaped in valid JSON") {
  static const char kText[] = "a\0b\x01 “We \0 will\x1B not,” he said.\n";
  Run r = Extract(std::string(kText, sizeof kText - 1));
  REQUIRE(r.status.ok());
  REQUIRE(r.doc.quotes.size() == 1);
  CHECK(r.doc.slice(r.doc.quotes[0].fragments.at(0)) == std::string("We \0 will\x1B not,", 15));
  const std::string json = ToJson(r.doc, false);
  CHECK(json.find("\\u0000") != std::string::npos);
  CHECK(json.find('\0') == std::string::npos);
}

TEST_CASE("hostile: a byte-order mark is kept as bytes and does not hide the first quote") {
  Run r = Extract("\xEF\xBB\xBF“We will not,” he said.");
  REQUIRE(r.status.ok());
  REQUIRE(CountKind(r.doc, QuoteKind::kDirect) == 1);
  CHECK(r.doc.quotes[0].span.begin == 6);  // BOM (3) + “ (3): offsets count the BOM
  CHECK(r.doc.slice(r.doc.quotes[0].span) == "We will not,");
}

TEST_CASE("hostile: CRLF line ends find the same quotes as LF") {
  const std::string lf =
      "“We will not,” Pentagon spokesman John Kirby said.\n\n"
      "“It is over,” she said. Officials said that talks had ended.\n"
      "Next line of the paragraph.\n";
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Run a = Extract(lf), b = Extract(crlf);
  REQUIRE(a.status.ok());
  REQUIRE(b.status.ok());
  CHECK(b.doc.paragraphs.size() == a.doc.paragraphs.size());
  REQUIRE(b.doc.quotes.size() == a.doc.quotes.size());
  CHECK(CountKind(b.doc, QuoteKind::kDirect) >= 2);
  for (size_t i = 0; i < a.doc.quotes.size(); ++i) {
    CHECK(b.doc.quotes[i].kind == a.doc.quotes[i].kind);
    CHECK(b.doc.slice(b.doc.quotes[i].span) == a.doc.slice(a.doc.quotes[i].span));
  }
}

TEST_CASE("hostile: a 20 MB article runs in linear time and finds every quote") {
  const std::string para =
      "“We will not back down,” Pentagon spokesman John Kirby told reporters on Monday. "
      "A senior official said the talks had ended.\n\n";
  std::string text;
  const size_t n = (20u << 20) / para.size() + 1;
  text.reserve(n * para.size());
  for (size_t i = 0; i < n; ++i) text += para;
  Run r = Extract(std::move(text));
  REQUIRE(r.status.ok());
  CHECK(CountKind(r.doc, QuoteKind::kDirect) == n);
  CHECK(r.seconds < kMaxSeconds);
  MESSAGE("20 MB article: " << r.seconds << " s");
}

TEST_CASE("hostile: a 10 MB token (no space at all) is one word") {
  std::string text = "“" + std::string(10u << 20, 'x') + ",” he said. “Short,” she said.";
  Run r = Extract(std::move(text));
  REQUIRE(r.status.ok());
  CHECK(CountKind(r.doc, QuoteKind::kDirect) == 2);
  CHECK(r.seconds < kMaxSeconds);
  // And one 10 MB token of quote marks glued together.
  std::string marks;
  for (size_t i = 0; i < (10u << 20) / 3; ++i) marks += "”";
  Run m = Extract(std::move(marks));
  CHECK(m.status.ok());
  CHECK(m.seconds < kMaxSeconds);
}

TEST_CASE("hostile: 100,000+ unmatched quotation marks stay linear and swallow nothing") {
  for (std::string mark : {"“", "”", "\"", "'", "‘", "«", "„"}) {
    CAPTURE(mark);
    std::string text = "He said the talks had ended. ";
    for (int i = 0; i < 120000; ++i) text += mark + "word ";
    // The next paragraph starts with a word: a paragraph that re-opens with a
    // mark would continue the open quote (the multi-paragraph convention).
    text += "\n\nShe said, “A real quote,” and left.";
    Run r = Extract(std::move(text));
    REQUIRE(r.status.ok());
    CHECK(r.seconds < kMaxSeconds);
    // The last paragraph's quote survives whatever the first one held.
    bool found = false;
    for (const Quote& q : r.doc.quotes) found |= r.doc.slice(q.span) == "A real quote,";
    CHECK(found);
  }
  // 100,000 paragraphs, each with a stray opener: each is cut at its own
  // paragraph's end, never swallowing the next.
  std::string paras;
  for (int i = 0; i < 100000; ++i) paras += "Para “stray opener " + std::to_string(i) + "\n\n";
  Run p = Extract(std::move(paras));
  REQUIRE(p.status.ok());
  CHECK(p.seconds < kMaxSeconds);
  CHECK(p.doc.quoted.size() == 100000);
  for (const QuotedRegion& r : p.doc.quoted) CHECK(r.outer.size() < 40);
  // The same paragraphs each starting with the stray mark form one continued
  // quote (the multi-paragraph convention), still in linear time.
  std::string reopened;
  for (int i = 0; i < 100000; ++i) reopened += "“Stray opener " + std::to_string(i) + "\n\n";
  Run c = Extract(std::move(reopened));
  REQUIRE(c.status.ok());
  CHECK(c.seconds < kMaxSeconds);
}

TEST_CASE("hostile: thousands of nested marks are capped, not tracked") {
  std::string open, close;
  for (int i = 0; i < 5000; ++i) {
    open += i % 2 ? "‘" : "“";
    close = (i % 2 ? "’" : "”") + close;
  }
  Run r = Extract(open + "deep" + close + " he said.\n\n" + std::string(20000, '(') + "“x”" +
                  std::string(20000, ')'));
  REQUIRE(r.status.ok());
  CHECK(r.seconds < kMaxSeconds);
  for (const QuotedRegion& q : r.doc.quoted) CHECK(q.depth < 16);
  // Alternating open/close at full width: 200,000 marks in one sentence.
  std::string flat;
  for (int i = 0; i < 100000; ++i) flat += "“a” ";
  Run f = Extract(std::move(flat));
  REQUIRE(f.status.ok());
  CHECK(f.seconds < kMaxSeconds);
}

TEST_CASE("hostile: apostrophes and primes everywhere open no quotes") {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "rock ’n’ roll in the ’90s, Biden’s players’ don't 'em 5′ 10″ 5' 10\" it's ";
  }
  text += "\n\n“A real quote,” she said.";
  Run r = Extract(std::move(text));
  REQUIRE(r.status.ok());
  CHECK(r.seconds < kMaxSeconds);
  REQUIRE(r.doc.quotes.size() >= 1);
  CHECK(r.doc.slice(r.doc.quotes.back().span) == "A real quote,");
}

TEST_CASE("hostile: an article past Options::max_article_bytes is refused with the limit named") {
  Options small;
  small.max_article_bytes = 1000;
  Run r = Extract(std::string(1001, 'a'), small);
  CHECK(r.status.code() == StatusCode::kOutOfRange);
  CHECK(Mentions(r.status, "1001 bytes exceeds the limit of 1000"));
  CHECK(Extract(std::string(1000, 'a'), small).status.ok());
}

TEST_CASE("hostile: bad JSONL lines are each reported with their line, nothing else lost") {
  TempDir dir;
  WriteFile(dir.path() / "c.jsonl",
            "{\"id\":\"a\",\"text\":\"“One,” he said.\"}\n"  // 1 good
            "not json at all\n"                                // 2
            "{\"id\":\"b\"}\n"                                 // 3 no text
            "{\"id\":\"c\",\"text\":42}\n"                     // 4 text not a string
            "{\"id\":\"d\",\"text\":null}\n"                   // 5
            "[\"text\"]\n"                                     // 6 not an object
            "{\"id\":\"a\",\"text\":\"Again.\"}\n"             // 7 repeated id
            "{\"id\":\"e\",\"text\":\"caf\xC3 x\"}\n"          // 8 invalid UTF-8
            "{\"id\":\"f\",\"text\":\"\\ud800\"}\n"            // 9 lone surrogate escape
            "{\"id\":\"g\",\"text\":\"tr\n"                    // 10 truncated record
            "{\"id\":\"h\",\"text\":\"Last.\"}");              // 11 good, no newline
  auto recs = ReadAll({dir / "c.jsonl"});
  REQUIRE(recs.size() == 11);
  const char* want[] = {nullptr,        "not JSON",   "no \"text\"", "not a string",
                        "not a string", "not a JSON object", nullptr, "not JSON",
                        "not JSON",     "not JSON",   nullptr};
  for (size_t i = 0; i < recs.size(); ++i) {
    CAPTURE(i);
    CHECK(recs[i].line == static_cast<int64_t>(i + 1));
    if (want[i] == nullptr) {
      CHECK(recs[i].status.ok());
    } else {
      CHECK(Mentions(recs[i].status, want[i]));
      CHECK(Mentions(recs[i].status, "c.jsonl:" + std::to_string(i + 1) + ":"));
    }
  }
  CHECK(recs[6].doc.id == "a#2");
  CHECK(Mentions(Status(StatusCode::kOk, recs[6].warning), "duplicate article id"));
  CHECK(recs[10].doc.id == "h");
}

TEST_CASE("hostile: an over-long JSONL line is skipped unheld and the next one read") {
  TempDir dir;
  const std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'x') + "\"}\n";
  WriteFile(dir.path() / "c.jsonl", big + big + "{\"id\":\"ok\",\"text\":\"Fine.\"}\n");
  ReaderOptions opts;
  opts.max_article_bytes = 1000;
  auto recs = ReadAll({dir / "c.jsonl"}, opts);
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].status.code() == StatusCode::kOutOfRange);
  CHECK(recs[1].status.code() == StatusCode::kOutOfRange);
  CHECK(recs[2].status.ok());
  CHECK(recs[2].line == 3);
}

TEST_CASE("hostile: missing, unreadable and directory paths are bad records, the rest read") {
  TempDir dir;
  WriteFile(dir.path() / "good.txt", "Fine.");
  WriteFile(dir.path() / "locked.txt", "Secret.");
  ::chmod((dir / "locked.txt").c_str(), 0);
  std::filesystem::create_directories(dir.path() / "empty-dir");
  std::filesystem::create_directories(dir.path() / "looks-like.jsonl");
  WriteFile(dir.path() / "looks-like.jsonl" / "inner.txt", "Inner.");
  auto recs = ReadAll({dir / "missing.txt", dir / "locked.txt", dir / "empty-dir",
                       dir / "looks-like.jsonl", dir / "good.txt"});
  REQUIRE(recs.size() == 5);
  CHECK(recs[0].status.code() == StatusCode::kNotFound);
  CHECK(Mentions(recs[0].status, "missing.txt"));
  // Root reads files whatever their mode: then the locked file is simply read.
  if (::access((dir / "locked.txt").c_str(), R_OK) != 0) {
    CHECK(recs[1].status.code() == StatusCode::kIoError);
    CHECK(Mentions(recs[1].status, "locked.txt"));
  }
  CHECK(recs[2].status.code() == StatusCode::kNotFound);
  CHECK(Mentions(recs[2].status, "empty-dir"));
  CHECK(recs[3].status.ok());  // a directory named *.jsonl is still a directory
  CHECK(recs[3].doc.id == "inner");
  CHECK(recs[4].status.ok());
  CHECK(recs[4].doc.id == "good");
  ::chmod((dir / "locked.txt").c_str(), 0644);
}

TEST_CASE("hostile: rule files with a bad pattern or field name file, line and RE2's message") {
  TempDir dir;
  struct Case {
    const char* file;
    std::string content;
    std::vector<std::string> expect;
  } cases[] = {
      {"patterns.tsv", "# comment\np1\t(S V\tdirect\t0.5\n",
       {"patterns.tsv:2:", "rule p1", "missing )"}},
      {"patterns.tsv", "p2\tS[\tdirect\t0.5\n", {"patterns.tsv:1:", "missing ]"}},
      {"patterns.tsv", "p3\tS V Q\tdirect\t1.5\n", {"patterns.tsv:1:", "confidence"}},
      {"patterns.tsv", "p4\tS V Q\tdirect\n", {"patterns.tsv:1:", "needs id, pattern"}},
      {"patterns.tsv", "p5\tSVQ\tdirect\t0.5\tQVS\n", {"patterns.tsv:1:", "does not match"}},
      {"speech_verbs.tsv", "said\tsay\n", {"speech_verbs.tsv:1:", "expected 4"}},
      {"titles.tsv", "\tmale\thonorific\n", {"titles.tsv:1:", "empty key"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.content);
    std::filesystem::remove_all(dir.path() / "rules");
    std::filesystem::create_directories(dir.path() / "rules");
    WriteFile(dir.path() / "rules" / c.file, c.content);
    Result<RuleSet> r = LoadRules(dir / "rules");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kRuleError);
    CHECK(Mentions(r.status(), (dir.path() / "rules").string()));
    for (const std::string& e : c.expect) CHECK(Mentions(r.status(), e));
  }
}

// Found by bench/linear_time.py ("prose" shape): resolve.cc's Antecedent()
// falls back to scanning every earlier mention when no entity in the recent
// window is compatible, so each "she" in an article that names only men costs
// O(mentions so far): 10,000 paragraphs take 0.5 s, 40,000 take 6 s. Fixed by
// bounding the scan (Resolver::kHistoryScan).
TEST_CASE("hostile: Issue5ResolveRescansHistory — a pronoun with no compatible "
          "antecedent must not rescan every earlier mention") {
  auto article = [](int paragraphs) {
    std::string text;
    for (int i = 0; i < paragraphs; ++i) text += "John Kirby said so. “It is over,” she said.\n\n";
    return text;
  };
  Run small = Extract(article(5000));
  Run big = Extract(article(40000));
  REQUIRE(small.status.ok());
  REQUIRE(big.status.ok());
  MESSAGE("5,000 paragraphs: " << small.seconds << " s; 40,000: " << big.seconds << " s");
  CHECK(big.seconds < 16 * small.seconds + 0.5);  // linear is 8x; quadratic is 64x
}

// Found by bench/linear_time.py ("names" shape): resolve.cc's Resolver::Find
// compares each name mention with every entity seen so far (linear scans of
// entities_ by name), so an article with thousands of distinct speakers is
// quadratic: 12,000 distinct names take ~2 s, and the time quadruples when the
// count doubles. Fixed by
// indexing entities by name, surname, first name and initials.
TEST_CASE("hostile: Issue5ResolveFindScansEntities — resolving a name must not "
          "compare it with every earlier entity") {
  auto article = [](int speakers) {
    std::string text;
    for (int i = 0; i < speakers; ++i) {
      const std::string n = std::to_string(i);
      text += "“Point " + n + ",” said Alex Name" + n + "x Surname" + n + "y of Org" + n +
              "z. Surname" + n + "y said so. ";
    }
    return text;
  };
  Run small = Extract(article(2000));
  Run big = Extract(article(16000));
  REQUIRE(small.status.ok());
  REQUIRE(big.status.ok());
  MESSAGE("2,000 speakers: " << small.seconds << " s; 16,000: " << big.seconds << " s");
  CHECK(big.seconds < 16 * small.seconds + 0.5);  // linear is 8x; quadratic is 64x
}

}  // namespace
}  // namespace qg
