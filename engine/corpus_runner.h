// Corpus runner: the pipeline over a whole corpus, on several threads, with
// results handed back in input order and memory bounded whatever the corpus size.
//
// `threads` workers (the calling thread and threads - 1 more) take turns
// reading records from a CorpusReader; each runs RunPipeline (and, if given,
// `render`, e.g. serialisation) on what it read, and finished items are passed
// to `sink` strictly in input order. At most `max_in_flight` records exist at once, so
// memory is flat as the corpus grows. A record the reader could not read, or
// the pipeline refused, still reaches the sink with its failure status: one bad
// article never stops the others.
//
//   qg::CorpusReader reader({"corpus.jsonl"});
//   qg::RunCorpus(reader, rules, qg::Options{}, {.threads = 4},
//                 [&](qg::CorpusItem& item) { write(item); return true; });
//
// RunCorpus returns when the reader is exhausted or `sink` returned false (the
// remaining in-flight records are then dropped). Thread-safety: `render` runs on
// any worker, concurrently; `sink` and `progress` run one call at a time, in
// input order, on whichever worker finished the oldest record (with one
// thread, the calling thread). An exception from `sink` ends the run and is
// rethrown to the caller.
// Tested by tests/corpus_runner_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "engine/corpus.h"
#include "engine/pipeline.h"
#include "engine/rules.h"
#include "engine/status.h"

namespace qg {

struct CorpusItem {
  InputRecord record;  // record.status: the read failure, if any
  Status status;       // ok, or why the pipeline refused the article ("file:line: ...")
  std::string rendered;  // whatever RunnerOptions::render produced
  bool ok() const { return record.status.ok() && status.ok(); }
};

struct RunnerProgress {
  uint64_t articles = 0;      // items handed to the sink
  uint64_t text_bytes = 0;    // article text bytes among them
  uint64_t input_bytes = 0;   // bytes read from the inputs so far
  double elapsed_seconds = 0;
};

struct RunnerOptions {
  int threads = 0;             // workers; 0 = all cores (std::thread::hardware_concurrency)
  size_t max_in_flight = 0;    // records read but not yet sunk; 0 = 8 per worker
  // Runs on a worker after a successful pipeline (or for an already processed
  // record); must be thread-safe. Typical use: serialise into item.rendered.
  std::function<void(CorpusItem&)> render;
  // Called about every `progress_interval_seconds`, one call at a time (see above).
  std::function<void(const RunnerProgress&)> progress;
  double progress_interval_seconds = 0.5;
};

// Returns the number of workers `threads` stands for (0 → all cores, at least 1).
int ResolveThreadCount(int threads);

// Runs the corpus; see the file comment. Returns the final progress counts.
RunnerProgress RunCorpus(CorpusReader& reader, const RuleSet& rules, const Options& options,
                         const RunnerOptions& runner,
                         const std::function<bool(CorpusItem&)>& sink);

}  // namespace qg
