// A one-line progress display on stderr for long corpus runs:
//   "  12,345 articles · 850 articles/s · 5.1 MB/s · elapsed 0:14 · remaining 0:41"
// redrawn in place with '\r', shown only when stderr is a terminal (scripts and
// logs stay silent). "remaining" appears when the inputs' total size is known
// (regular files; not standard input).
//
//   qg::cli::ProgressLine line(inputs);
//   runner.progress = [&](const qg::RunnerProgress& p) { line.Show(p); };
//   ... line.Finish(final);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/corpus_runner.h"

namespace qg::cli {

class ProgressLine {
 public:
  // `inputs` as given to the command; their sizes make the total.
  explicit ProgressLine(const std::vector<std::string>& inputs);
  bool enabled() const { return enabled_; }
  void Show(const RunnerProgress& p);
  // Draws the final counts and ends the line (only if anything was shown).
  void Finish(const RunnerProgress& p);

 private:
  bool enabled_ = false;
  bool shown_ = false;
  uint64_t total_bytes_ = 0;  // 0: unknown
};

// The text of the line, without '\r' (for tests).
std::string FormatProgress(const RunnerProgress& p, uint64_t total_bytes);

}  // namespace qg::cli
