// Tests of engine/corpus_runner.cc: input order on any number of threads,
// failures reported in place while the rest go on, early stop, bounded memory,
// and output equal to the one-thread run byte for byte.
#include "engine/corpus_runner.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "engine/serialize.h"
#include "tests/io_test_util.h"

namespace qg {
namespace {

using testing::TempDir;
using testing::WriteFile;

const RuleSet& Rules() { return testing::BuiltinRules(); }

// A corpus of `n` articles of varied length (so workers finish out of order),
// with a non-JSON line at `bad_line` (1-based; 0 = none).
std::string Corpus(int n, int bad_line) {
  std::string out;
  for (int i = 1; i <= n; ++i) {
    if (i == bad_line) {
      out += "{not json\n";
      continue;
    }
    std::string text;
    for (int k = 0; k < 1 + (i * 7) % 13; ++k) {
      text += "\\u201cWe will look at item " + std::to_string(i) +
              ",\\u201d Mayor Jane Smith said. A senior official said the plan was late.\\n\\n";
    }
    out += "{\"id\":\"a" + std::to_string(i) + "\",\"outlet\":\"X\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

RunnerOptions Threads(int threads, size_t max_in_flight = 0) {
  RunnerOptions o;
  o.threads = threads;
  o.max_in_flight = max_in_flight;
  return o;
}

struct Collected {
  std::vector<std::string> ids;      // ok records, in sink order
  std::vector<std::string> json;     // their rendered JSON
  std::vector<int64_t> failed_lines; // lines of failed records
};

Collected Run(const std::string& path, RunnerOptions opts) {
  opts.render = [](CorpusItem& item) { item.rendered = ToJson(item.record.doc, false); };
  CorpusReader reader({path});
  Collected c;
  RunCorpus(reader, Rules(), Options{}, opts, [&](CorpusItem& item) {
    if (!item.ok()) {
      c.failed_lines.push_back(item.record.line);
    } else {
      c.ids.push_back(item.record.doc.id);
      c.json.push_back(item.rendered);
    }
    return true;
  });
  return c;
}

TEST_CASE("corpus_runner: output is in input order and identical on 1, 2 and 4 threads") {
  TempDir dir;
  WriteFile(dir / "c.jsonl", Corpus(60, 0));
  Collected one = Run(dir / "c.jsonl", Threads(1));
  REQUIRE(one.ids.size() == 60);
  for (int i = 0; i < 60; ++i) CHECK(one.ids[i] == std::string("a").append(std::to_string(i + 1)));
  for (int threads : {2, 4}) {
    CAPTURE(threads);
    Collected many = Run(dir / "c.jsonl", Threads(threads, 3));
    CHECK(many.ids == one.ids);
    CHECK(many.json == one.json);
  }
}

TEST_CASE("corpus_runner: a bad record is handed over in its place and the others go on") {
  TempDir dir;
  WriteFile(dir / "c.jsonl", Corpus(20, 7));
  for (int threads : {1, 3}) {
    CAPTURE(threads);
    Collected c = Run(dir / "c.jsonl", Threads(threads));
    CHECK(c.ids.size() == 19);
    REQUIRE(c.failed_lines.size() == 1);
    CHECK(c.failed_lines[0] == 7);
  }
}

TEST_CASE("corpus_runner: a pipeline failure names file and line") {
  TempDir dir;
  WriteFile(dir / "c.jsonl", "{\"id\":\"big\",\"text\":\"0123456789\"}\n{\"id\":\"ok\",\"text\":\"hi\"}\n");
  Options small;
  small.max_article_bytes = 5;
  CorpusReader reader({dir / "c.jsonl"});
  std::vector<std::string> messages;
  RunCorpus(reader, Rules(), small, Threads(2), [&](CorpusItem& item) {
    messages.push_back(item.status.ok() ? "ok" : item.status.message());
    return true;
  });
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].find("c.jsonl:1: ") != std::string::npos);
  CHECK(messages[1] == "ok");
}

TEST_CASE("corpus_runner: the sink can stop the run early") {
  TempDir dir;
  WriteFile(dir / "c.jsonl", Corpus(50, 0));
  for (int threads : {1, 2}) {
    CorpusReader reader({dir / "c.jsonl"});
    int seen = 0;
    RunnerProgress p = RunCorpus(reader, Rules(), Options{}, Threads(threads),
                                 [&](CorpusItem&) { return ++seen < 5; });
    CHECK(seen == 5);
    CHECK(p.articles == 5);
  }
}

TEST_CASE("corpus_runner: the sink is entered by one worker at a time, and a throw reaches the caller") {
  // The sink runs on whichever worker finishes the oldest record: never two at once.
  TempDir dir;
  WriteFile(dir / "c.jsonl", Corpus(60, 0));
  for (int threads : {2, 4}) {
    CAPTURE(threads);
    CorpusReader reader({dir / "c.jsonl"});
    std::atomic<int> inside{0};
    int most = 0, seen = 0;
    RunCorpus(reader, Rules(), Options{}, Threads(threads, 4), [&](CorpusItem&) {
      most = std::max(most, ++inside);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      ++seen;
      --inside;
      return true;
    });
    CHECK(most == 1);
    CHECK(seen == 60);
    CorpusReader again({dir / "c.jsonl"});
    int calls = 0;
    auto throwing = [&](CorpusItem&) -> bool {
      if (++calls == 7) throw std::runtime_error("disk full");
      return true;
    };
    CHECK_THROWS_WITH(RunCorpus(again, Rules(), Options{}, Threads(threads), throwing), "disk full");
    CHECK(calls == 7);
  }
}

TEST_CASE("corpus_runner: progress counts articles and bytes") {
  TempDir dir;
  WriteFile(dir / "c.jsonl", Corpus(10, 0));
  CorpusReader reader({dir / "c.jsonl"});
  int calls = 0;
  RunnerOptions opts = Threads(2);
  opts.progress_interval_seconds = 0;
  opts.progress = [&](const RunnerProgress& p) {
    ++calls;
    CHECK(p.articles >= 1);
  };
  RunnerProgress p = RunCorpus(reader, Rules(), Options{}, opts, [](CorpusItem&) { return true; });
  CHECK(calls == 10);
  CHECK(p.articles == 10);
  CHECK(p.text_bytes > 0);
  CHECK(p.input_bytes == std::filesystem::file_size(dir.path() / "c.jsonl"));
  CHECK(ResolveThreadCount(0) >= 1);
  CHECK(ResolveThreadCount(3) == 3);
}

}  // namespace
}  // namespace qg
