// Fuzz target: the JSONL corpus reader (engine/corpus.h).
//
// The input is written to a .jsonl file and read back with CorpusReader. The
// property under test is "nothing lost": every non-blank line yields exactly
// one record, ok or failed, carrying that line's number, in order; a failed
// record's message names "file:line"; and each ok record (fresh or read back
// from extract's output) serialises to valid JSON. A file rather than a pipe
// because CorpusReader takes paths, as the CLI does.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/corpus.h"
#include "engine/serialize.h"
#include "fuzz/fuzz_util.h"

namespace {

// Line numbers of the lines CorpusReader must report, by corpus.h's rules: a
// line ends at '\n', a trailing '\r' and a BOM on line 1 are dropped, and lines
// of only spaces, tabs and CRs are skipped.
std::vector<int64_t> ExpectedLines(std::string_view s) {
  std::vector<int64_t> out;
  int64_t number = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() : nl + 1;
    ++number;
    if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) out.push_back(number);
  }
  return out;
}

const std::string& TempPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/qg-corpus-fuzz-" +
           std::to_string(getpid()) + ".jsonl";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = TempPath();
  FILE* f = std::fopen(path.c_str(), "wb");
  QG_FUZZ_CHECK(f != nullptr, "cannot write " + path);
  QG_FUZZ_CHECK(std::fwrite(data, 1, size, f) == size, "short write");
  std::fclose(f);

  const std::vector<int64_t> expected =
      ExpectedLines(std::string_view(reinterpret_cast<const char*>(data), size));
  qg::CorpusReader reader({path});
  qg::InputRecord rec;
  size_t n = 0;
  while (reader.Next(rec)) {
    QG_FUZZ_CHECK(n < expected.size(), "more records than non-blank lines");
    QG_FUZZ_CHECK(rec.line == expected[n], "record line " + std::to_string(rec.line) +
                                               " where line " + std::to_string(expected[n]) +
                                               " was due");
    ++n;
    if (!rec.status.ok()) {
      const std::string where = path + ":" + std::to_string(rec.line) + ":";
      QG_FUZZ_CHECK(rec.status.message().rfind(where, 0) == 0,
                    "error does not start with file:line: " + rec.status.message());
      continue;
    }
    QG_FUZZ_CHECK(!rec.doc.id.empty(), "a record without an id");
    std::string json = qg::ToJson(rec.doc, /*pretty=*/false);
    try {
      (void)nlohmann::json::parse(json);
    } catch (const std::exception& e) {
      QG_FUZZ_CHECK(false, std::string("record is not valid JSON: ") + e.what());
    }
  }
  QG_FUZZ_CHECK(n == expected.size(), "lost lines: " + std::to_string(expected.size() - n));
  return 0;
}
