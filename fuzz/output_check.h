// Checks that an extraction result keeps the promises of document.h and
// serialize.h: every span in bounds and on UTF-8 character boundaries, the
// JSON is valid (nlohmann's parser rejects invalid UTF-8 in strings), and each
// quote's "text" is exactly the article's bytes at its "span".
//
// Shared by the fuzz targets (which abort on a failure) and
// tests/hostile_test.cc (which reports it), so both judge output the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/document.h"

namespace qg::fuzzing {

inline bool OnBoundary(std::string_view text, uint32_t offset) {
  if (offset == 0 || offset == text.size()) return true;
  if (offset > text.size()) return false;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

inline std::string CheckSpan(std::string_view text, Span s, const std::string& what) {
  if (s.begin > s.end || s.end > text.size()) {
    return what + " [" + std::to_string(s.begin) + "," + std::to_string(s.end) +
           ") is out of bounds (text has " + std::to_string(text.size()) + " bytes)";
  }
  if (!OnBoundary(text, s.begin) || !OnBoundary(text, s.end)) {
    return what + " [" + std::to_string(s.begin) + "," + std::to_string(s.end) +
           ") splits a UTF-8 character";
  }
  return "";
}

// Returns "" when `doc` (after RunPipeline) and `json` (ToJson(doc)) are sound,
// otherwise the first broken promise.
inline std::string CheckOutput(const Document& doc, const std::string& json) {
  const std::string_view text = doc.text;
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    const std::string name = "quote " + std::to_string(i);
    std::string e = CheckSpan(text, q.span, name + " span");
    if (e.empty() && q.has_cue) e = CheckSpan(text, q.cue, name + " cue");
    if (e.empty() && q.has_speaker) e = CheckSpan(text, q.speaker, name + " speaker");
    for (Span f : q.fragments) {
      if (e.empty()) e = CheckSpan(text, f, name + " fragment");
    }
    if (!e.empty()) return e;
    if (q.source >= static_cast<int>(doc.sources.size())) return name + " names a missing source";
  }
  for (const QuotedRegion& r : doc.quoted) {
    std::string e = CheckSpan(text, r.outer, "quoted region");
    if (e.empty()) e = CheckSpan(text, r.inner, "quoted region inner");
    if (!e.empty()) return e;
    if (r.inner.begin < r.outer.begin || r.inner.end > r.outer.end) {
      return "quoted region inner span lies outside its outer span";
    }
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json);
  } catch (const std::exception& ex) {
    return std::string("output is not valid JSON/UTF-8: ") + ex.what();
  }
  if (!j.is_object() || !j.contains("quotes") || !j["quotes"].is_array()) {
    return "output has no quotes array";
  }
  if (j["quotes"].size() != doc.quotes.size()) return "output lost or invented quotes";
  for (const auto& q : j["quotes"]) {
    const auto& span = q["span"];
    const uint64_t b = span[0].get<uint64_t>(), e = span[1].get<uint64_t>();
    if (b > e || e > text.size()) return "output span out of bounds";
    if (q["text"].get<std::string>() != text.substr(b, e - b)) {
      return "output quote text differs from the article bytes at its span [" +
             std::to_string(b) + "," + std::to_string(e) + ")";
    }
  }
  return "";
}

}  // namespace qg::fuzzing
