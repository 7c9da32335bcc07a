// Helpers for the input/output tests: files, temp dirs, rules, UTF-8 checks.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/corpus.h"
#include "engine/rules.h"
#include "engine/status.h"

namespace qg::testing {

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("qg-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline const RuleSet& BuiltinRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> r = LoadBuiltinRules();
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    return new RuleSet(std::move(r).value());
  }();
  return *rules;
}

// True iff `offset` is not inside a multi-byte UTF-8 sequence of `text`.
inline bool IsUtf8Boundary(std::string_view text, size_t offset) {
  if (offset == 0 || offset == text.size()) return true;
  if (offset > text.size()) return false;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Number of code points in `s` (for character coverage as the scorer counts).
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Every record a reader yields for `paths`, bad ones included.
inline std::vector<InputRecord> ReadAll(std::vector<std::string> paths, ReaderOptions opts = {}) {
  CorpusReader reader(std::move(paths), opts);
  std::vector<InputRecord> out;
  InputRecord rec;
  while (reader.Next(rec)) out.push_back(std::move(rec));
  return out;
}

inline bool Mentions(const Status& s, const std::string& what) {
  return s.message().find(what) != std::string::npos;
}

}  // namespace qg::testing
