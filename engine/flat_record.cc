// See internal/flat_record.h. simdjson's DOM parser, not its On Demand one:
// On Demand is compiled for the CPU the build targets (the generic kernel for
// a plain x86-64 build), while the DOM parser picks the best kernel for the
// CPU it runs on, and it validates the whole line, as nlohmann's parse does.
//
// Tested by tests/corpus_test.cc.
#include "engine/internal/flat_record.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "engine/internal/json_escape.h"

namespace qg::internal {
namespace {

// More keys than any corpus uses; past it the duplicate check would be slow.
constexpr size_t kMaxKeys = 64;
// A parser that grew for a huge line is dropped rather than kept that large.
constexpr size_t kKeepCapacity = size_t{16} << 20;

// `s` as a JSON string in nlohmann's form, as the lines it parses get, so
// Document::metadata (kept as is by the SQLite store) does not depend on which
// parser read a line. A string with nothing to escape (nearly all: outlets,
// addresses) is quoted as it is, as nlohmann would (simdjson checked its UTF-8).
std::string JsonStringText(std::string_view s) {
  if (JsonCleanPrefix(s) != s.size()) return nlohmann::json(s).dump();
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

}  // namespace

FlatRecordParser::FlatRecordParser() : parser_(std::make_unique<simdjson::dom::parser>()) {}
FlatRecordParser::~FlatRecordParser() = default;

bool FlatRecordParser::Parse(std::string& line, FlatRecord& out) {
  out.id.reset();
  out.text.reset();
  out.metadata.clear();
  if (parser_->capacity() > kKeepCapacity) parser_ = std::make_unique<simdjson::dom::parser>();
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::object object;
  if (parser_->parse(line.data(), line.size(), /*realloc_if_needed=*/false).get(object)) return false;
  if (object.size() > kMaxKeys) return false;
  // To decline repeated keys (nlohmann keeps the last value).
  std::array<std::string_view, kMaxKeys> keys;
  size_t key_count = 0;
  out.metadata.reserve(object.size());
  for (auto [key, value] : object) {
    std::string_view s;
    if (value.get_string().get(s)) return false;
    if (std::find(keys.begin(), keys.begin() + key_count, key) != keys.begin() + key_count) return false;
    keys[key_count++] = key;
    if (key == "id") out.id = s;
    else if (key == "text") out.text = s;
    else out.metadata.emplace_back(std::string(key), JsonStringText(s));
  }
  return true;
}

}  // namespace qg::internal
