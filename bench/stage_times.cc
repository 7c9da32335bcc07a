// Where extract's time goes: runs each article through the pipeline's stages
// in the engine's order, timing every stage call, and prints nanoseconds a
// token and the share of each stage. A profile for choosing what to speed up,
// not a test and not the benchmark's figure (run_bench.py measures whole
// processes, reading and writing included).
//
// Usage: stage_times CORPUS.jsonl [ROUNDS]   (median of ROUNDS, default 5)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "engine/attribute.h"
#include "engine/corpus.h"
#include "engine/cues.h"
#include "engine/internal/words.h"
#include "engine/quotes.h"
#include "engine/resolve.h"
#include "engine/rules.h"
#include "engine/segment.h"
#include "engine/serialize.h"
#include "engine/speakers.h"
#include "engine/summary.h"

namespace {

struct Stage {
  const char* name;
  std::function<void(qg::Document&)> run;
  std::vector<double> seconds;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: stage_times CORPUS.jsonl [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  qg::Result<qg::RuleSet> loaded = qg::LoadBuiltinRules();
  if (!loaded.ok()) {
    std::fprintf(stderr, "stage_times: %s\n", loaded.status().message().c_str());
    return 1;
  }
  const qg::RuleSet& rules = loaded.value();

  std::vector<qg::Document> originals;
  size_t bytes = 0;
  qg::CorpusReader reader({argv[1]});
  qg::InputRecord rec;
  while (reader.Next(rec)) {
    if (!rec.status.ok() || rec.processed) continue;
    bytes += rec.doc.text.size();
    originals.push_back(std::move(rec.doc));
  }

  size_t sink = 0;  // keeps each stage's result observable
  // Per-stage sums over one round, in seconds.
  using Clock = std::chrono::steady_clock;
  std::vector<Stage> stages = {
      {"paragraphs", [](qg::Document& d) { d.paragraphs = qg::FindParagraphs(d.text); }, {}},
      {"tokenize", [](qg::Document& d) { d.tokens = qg::Tokenize(d); }, {}},
      {"pair quotes", [&](qg::Document& d) { d.quoted = qg::PairQuotes(d, rules); }, {}},
      {"sentences", [&](qg::Document& d) {
         d.sentences = qg::SplitSentences(d, rules);
         qg::AssignSentences(d);
       }, {}},
      {"number words", [&](qg::Document& d) { qg::internal::NumberDocumentWords(rules, d); }, {}},
      {"cues", [&](qg::Document& d) { d.cues = qg::FindCues(d, rules); }, {}},
      {"mentions", [&](qg::Document& d) { d.mentions = qg::FindMentions(d, rules); }, {}},
      {"attribute", [&](qg::Document& d) { d.quotes = qg::AttributeQuotes(d, rules); }, {}},
      {"resolve", [&](qg::Document& d) { qg::ResolveSources(rules, d); }, {}},
      {"summary", [](qg::Document& d) { d.summary = qg::Summarize(d); }, {}},
      {"to json", [&](qg::Document& d) { sink += qg::ToJson(d, false).size(); }, {}},
  };

  size_t tokens = 0;
  for (int r = 0; r < rounds; ++r) {
    std::vector<double> sums(stages.size(), 0.0);
    tokens = 0;
    for (const qg::Document& original : originals) {
      qg::Document d = original;
      for (size_t i = 0; i < stages.size(); ++i) {
        const Clock::time_point start = Clock::now();
        stages[i].run(d);
        sums[i] += std::chrono::duration<double>(Clock::now() - start).count();
      }
      tokens += d.tokens.size();
    }
    for (size_t i = 0; i < stages.size(); ++i) stages[i].seconds.push_back(sums[i]);
  }

  double total = 0;
  std::vector<double> medians;
  for (Stage& stage : stages) {
    std::sort(stage.seconds.begin(), stage.seconds.end());
    medians.push_back(stage.seconds[stage.seconds.size() / 2]);
    total += medians.back();
  }
  std::printf("%zu articles, %.1f MB, %zu tokens, median of %d rounds\n", originals.size(),
              bytes / 1e6, tokens, rounds);
  std::printf("%-14s %9s %8s %7s\n", "stage", "ns/token", "MB/s", "share");
  for (size_t i = 0; i < stages.size(); ++i) {
    std::printf("%-14s %9.1f %8.1f %6.1f%%\n", stages[i].name, medians[i] * 1e9 / tokens,
                bytes / 1e6 / medians[i], 100 * medians[i] / total);
  }
  std::printf("%-14s %9.1f %8.1f (output bytes %zu)\n", "all", total * 1e9 / tokens,
              bytes / 1e6 / total, sink / rounds);
  return 0;
}
