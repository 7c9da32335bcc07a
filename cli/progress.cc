// Progress line for extract. Rates are over the whole run so far, which is
// steadier than a sliding window on a corpus of similar articles; the estimate
// of time remaining divides the unread input bytes by the input byte rate.
//
// Tested by tests/cli_test.sh (silence when stderr is not a terminal).
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

namespace qg::cli {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const char* suffix) {
  std::string_view x(suffix);
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

// Total size of the inputs, or 0 when one of them (stdin) has no known size.
uint64_t TotalBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  std::error_code ec;
  for (const std::string& p : inputs) {
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().string();
        if ((EndsWith(name, ".txt") || EndsWith(name, ".jsonl")) && it->is_regular_file(ec)) {
          total += it->file_size(ec);
        }
      }
    } else if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
    }
  }
  return total;
}

std::string Clock(double seconds) {
  auto s = static_cast<uint64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string FormatProgress(const RunnerProgress& p, uint64_t total_bytes) {
  double t = p.elapsed_seconds > 1e-6 ? p.elapsed_seconds : 1e-6;
  std::string line = fmt::format("  {} articles · {:.0f} articles/s · {:.1f} MB/s · elapsed {}",
                                 p.articles, p.articles / t, p.input_bytes / t / 1e6, Clock(t));
  if (total_bytes > 0 && p.input_bytes > 0 && p.input_bytes <= total_bytes) {
    double rate = p.input_bytes / t;
    line += " · remaining " + Clock((total_bytes - p.input_bytes) / rate);
  }
  return line;
}

ProgressLine::ProgressLine(const std::vector<std::string>& inputs)
    : enabled_(isatty(STDERR_FILENO) == 1) {
  if (enabled_) total_bytes_ = TotalBytes(inputs);
}

void ProgressLine::Show(const RunnerProgress& p) {
  if (!enabled_) return;
  // "\x1b[K" clears what a longer previous line left behind.
  std::string line = "\r";
  line += FormatProgress(p, total_bytes_);
  line += "\x1b[K";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Finish(const RunnerProgress& p) {
  if (!enabled_ || !shown_) return;
  Show(p);
  std::fputc('\n', stderr);
}

}  // namespace qg::cli
