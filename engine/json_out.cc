// See internal/json_out.h. UTF-8 validity comes from simdjson's validator
// (vectorised, chosen for the CPU at run time). Neither it nor RapidJSON
// replaces invalid sequences, so the rare string that has one goes through
// nlohmann, whose dump replaces them with U+FFFD as the output always has.
//
// Tested by tests/serialize_test.cc.
#include "engine/internal/json_out.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace qg::internal {

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string literal = nlohmann::json(std::string(s)).dump(-1, ' ', /*ensure_ascii=*/false,
                                                            nlohmann::json::error_handler_t::replace);
  return nlohmann::json::parse(literal).get<std::string>();
}

bool IsPlainJsonLiteral(std::string_view json) {
  if (json.size() < 2 || json.front() != '"' || json.back() != '"') return false;
  std::string_view inner = json.substr(1, json.size() - 2);
  return JsonCleanPrefix(inner) == inner.size() && IsValidUtf8(inner);
}

}  // namespace qg::internal
