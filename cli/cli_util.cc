// Shared CLI plumbing: checked writes (EPIPE ends a command quietly), error
// records, format choice, UTF-8-safe truncation for tables. Write errors are
// checked on every fwrite and at the final flush, because a full disk or a
// closed pipe is only reported there.
//
// Tested by tests/cli_test.sh.
#include "cli/cli_util.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace qg::cli {

Output::~Output() { Finish(); }

bool Output::Open(const std::string& path) {
  path_ = path.empty() ? "-" : path;
  if (path_ == "-") {
    f_ = stdout;
    owns_ = false;
    is_terminal_ = isatty(fileno(stdout)) == 1;
    return true;
  }
  f_ = std::fopen(path_.c_str(), "wb");
  if (!f_) return Fail(errno);
  owns_ = true;
  return true;
}

bool Output::Fail(int err) {
  failed_ = true;
  if (err == EPIPE) {
    broken_pipe_ = true;
    error_ = path_ + ": broken pipe";
  } else {
    error_ = path_ + ": " + std::strerror(err);
  }
  return false;
}

bool Output::Write(std::string_view bytes) {
  if (failed_ || !f_) return false;
  if (bytes.empty()) return true;
  errno = 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) return Fail(errno);
  return true;
}

bool Output::Finish() {
  if (!f_) return !failed_;
  errno = 0;
  if (std::fflush(f_) != 0 && !failed_) Fail(errno);
  if (owns_ && std::fclose(f_) != 0 && !failed_) Fail(errno);
  f_ = nullptr;
  return !failed_;
}

void PrintError(std::string_view command, std::string_view message) {
  std::string line = fmt::format("quotegraph {}: {}\n", command, message);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

bool ErrorLog::Open(const std::string& path) {
  if (path.empty()) return true;
  has_file_ = file_.Open(path);
  if (!has_file_) PrintError(command_, "cannot write errors: " + file_.error());
  return has_file_;
}

void ErrorLog::Report(const std::string& file, int64_t line, const std::string& article,
                      const Status& status) {
  ++failures_;
  if (failures_ <= kMaxStderr) PrintError(command_, "error: " + status.ToString());
  if (!has_file_) return;
  nlohmann::ordered_json j = {{"file", file},
                              {"line", line > 0 ? nlohmann::ordered_json(line) : nullptr},
                              {"article", article.empty() ? nlohmann::ordered_json(nullptr)
                                                          : nlohmann::ordered_json(article)},
                              {"code", StatusCodeName(status.code())},
                              {"message", status.message()}};
  file_.Write(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

void ErrorLog::Warn(const std::string& message) { PrintError(command_, "warning: " + message); }

void ErrorLog::Finish() {
  if (failures_ > kMaxStderr) {
    PrintError(command_, fmt::format("{} inputs failed in all ({} not shown{})", failures_,
                                     failures_ - kMaxStderr, has_file_ ? "; see the errors file" : ""));
  }
  if (has_file_ && !file_.Finish()) PrintError(command_, "errors file: " + file_.error());
  has_file_ = false;
}

Result<RuleSet> LoadCliRules(const CLI::App& sub) {
  const CLI::App* app = sub.get_parent() ? sub.get_parent() : &sub;
  const CLI::Option* opt = app->get_option_no_throw("--rules");
  if (opt && opt->count() > 0) return LoadRules(opt->as<std::string>());
  return LoadBuiltinRules();
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "table") return Format::kTable;
  if (name == "sqlite") return Format::kSqlite;
  return std::nullopt;
}

Format DefaultFormat(const std::string& output_path, bool stdout_is_terminal) {
  auto ends = [&](std::string_view suffix) {
    return output_path.size() >= suffix.size() &&
           output_path.compare(output_path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (!output_path.empty() && output_path != "-") {
    if (ends(".jsonl")) return Format::kJsonl;
    if (ends(".csv")) return Format::kCsv;
    if (ends(".txt")) return Format::kTable;
    if (ends(".db") || ends(".sqlite")) return Format::kSqlite;
    return Format::kJson;
  }
  return stdout_is_terminal ? Format::kTable : Format::kJson;
}

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  unsigned char c1 = byte(i + 1);
  if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
  if (c == 0xF4 && c1 >= 0x90) return 0;  // past U+10FFFF
  return n;
}

}  // namespace

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

std::string Truncate(std::string_view s, size_t width) {
  std::string valid = ValidUtf8(s);
  std::string out;
  size_t w = 0, total = DisplayWidth(valid);
  for (size_t i = 0; i < valid.size();) {
    size_t n = Utf8SequenceLength(valid, i);
    if (total > width && w + 1 >= width) {
      out += "…";
      break;
    }
    unsigned char c = static_cast<unsigned char>(valid[i]);
    if (c < 0x20 || c == 0x7F) {
      // Collapse runs of white space so a multi-paragraph quote stays on one line.
      if (out.empty() || out.back() != ' ') {
        out += ' ';
        ++w;
      }
    } else {
      out.append(valid, i, n);
      ++w;
    }
    i += n;
  }
  return out;
}

}  // namespace qg::cli
