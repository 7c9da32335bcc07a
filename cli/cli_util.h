// Helpers shared by the subcommands: output opening, error reporting, format
// choice, rule loading. Formatting only; no linguistics.
//
//   qg::cli::Output out;
//   if (!out.Open(path)) { ...exit 2... }
//   qg::cli::ErrorLog errors("extract");
//   if (!errors.Open(errors_path)) ...
//   errors.Report(record.file, record.line, record.doc.id, status);
//   if (!out.Write(text)) break;   // false: broken pipe or write error, stop quietly
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "engine/rules.h"
#include "engine/status.h"

namespace CLI {
class App;
}

namespace qg::cli {

// Exit statuses, as commands.h documents.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;

// Writes to standard output or a file. SIGPIPE is ignored by main(), so a
// closed pipe (`quotegraph extract big.jsonl | head`) shows up as EPIPE here:
// Write returns false and broken_pipe() is true, and the command should stop
// and exit quietly. Other write errors (disk full) set error().
class Output {
 public:
  Output() = default;
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Empty path or "-" is standard output. False (with error()) when the file
  // cannot be created.
  bool Open(const std::string& path);
  bool Write(std::string_view bytes);
  // Flushes and, for a file, closes. False on a write error or broken pipe.
  bool Finish();

  bool is_terminal() const { return is_terminal_; }
  bool broken_pipe() const { return broken_pipe_; }
  // The description of the last failure ("out.json: No space left on device").
  const std::string& error() const { return error_; }

 private:
  bool Fail(int err);

  FILE* f_ = nullptr;
  bool owns_ = false;
  bool is_terminal_ = false;
  bool broken_pipe_ = false;
  bool failed_ = false;
  std::string path_;
  std::string error_;
};

// Reports bad inputs: a message on stderr naming file and line (the first
// kMaxStderr of them, then a count), and a JSONL record per failure in the
// --errors file when one was given:
//   {"file": "a.jsonl", "line": 3, "article": "x"|null, "code": "invalid argument", "message": "..."}
class ErrorLog {
 public:
  static constexpr int kMaxStderr = 20;

  explicit ErrorLog(std::string command) : command_(std::move(command)) {}
  // Empty path: stderr only. False when the file cannot be created.
  bool Open(const std::string& path);
  void Report(const std::string& file, int64_t line, const std::string& article,
              const Status& status);
  void Warn(const std::string& message);
  // Prints "N inputs failed" when messages were suppressed; closes the file.
  void Finish();
  int failures() const { return failures_; }

 private:
  std::string command_;
  Output file_;
  bool has_file_ = false;
  int failures_ = 0;
};

// Prints "quotegraph <command>: <message>" on stderr.
void PrintError(std::string_view command, std::string_view message);

// The rules for a subcommand: built in, or overridden by the top-level
// `--rules DIR` option of `sub`'s parent app.
Result<RuleSet> LoadCliRules(const CLI::App& sub);

// Output formats of extract (and any command printing per-article records).
enum class Format { kJson, kJsonl, kCsv, kTable, kSqlite };  // kSqlite: extract -o FILE only

// Parses "json", "jsonl", "csv", "table", "sqlite"; nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);

// The format when --format is not given: from the -o file's extension
// (.json, .jsonl, .csv, .txt → table, .db/.sqlite → sqlite), else a table on a terminal and JSON
// otherwise.
Format DefaultFormat(const std::string& output_path, bool stdout_is_terminal);

// Replaces invalid UTF-8 with U+FFFD, so text outputs stay valid whatever a
// stage sliced.
std::string ValidUtf8(std::string_view s);

// Number of code points (the display width we assume for alignment).
size_t DisplayWidth(std::string_view s);

// `s` cut to at most `width` code points, ending in "…" when cut, with control
// characters (newlines, tabs) shown as spaces.
std::string Truncate(std::string_view s, size_t width);

}  // namespace qg::cli
