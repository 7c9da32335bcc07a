// See internal/flat_record.h. simdjson's DOM parser, not its On Demand one:
// On Demand is compiled for the CPU the build targets (the generic kernel for
// a plain x86-64 build), while the DOM parser picks the best kernel for the
// CPU it runs on, and it validates the whole line, as nlohmann's parse does.
//
// Tested by tests/corpus_test.cc.
#include "engine/internal/flat_record.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace qg::internal {
namespace {

// More keys than any corpus uses; past it the duplicate check would be slow.
constexpr size_t kMaxKeys = 64;
// A parser that grew for a huge line is dropped rather than kept that large.
constexpr size_t kKeepCapacity = size_t{16} << 20;

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
  std::vector<std::string_view> keys;  // to decline repeated keys (nlohmann keeps the last value)
  for (auto [key, value] : object) {
    std::string_view s;
    if (value.get_string().get(s)) return false;
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
    keys.push_back(key);
    if (key == "id") out.id = s;
    else if (key == "text") out.text = s;
    // nlohmann's form, as the lines it parses get, so Document::metadata (kept
    // as is by the SQLite store) does not depend on which parser read a line.
    else out.metadata.emplace_back(std::string(key), nlohmann::json(s).dump());
  }
  return true;
}

}  // namespace qg::internal
