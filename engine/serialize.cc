// Reads extract's output record back (serialize.h's FromExtractJson); the
// writing half is serialize_out.cc.
//
// Every nlohmann exception is caught here, and each field's type is checked so
// a hand-edited or truncated record yields a Status naming the field rather
// than a crash. The text of the article is not in the record, so
// FromExtractJson rebuilds a sparse copy: spaces, with the quote, fragment, cue
// and speaker texts written at their offsets. The offset contract of
// document.h then holds for the read-back document and
// ToJson(FromExtractJson(r)) == r.
//
// Tested by tests/serialize_test.cc and tests/invariants_test.cc.
#include "engine/serialize.h"

#include <exception>
#include <nlohmann/json.hpp>
#include <utility>

namespace qg {
namespace {

using Json = nlohmann::ordered_json;

// A record may not make us allocate more than this for its sparse text.
constexpr uint64_t kMaxRebuiltText = uint64_t{64} << 20;

Status Bad(const std::string& what) {
  return Status(StatusCode::kInvalidArgument, "extract record: " + what);
}

Status ReadSpan(const Json& j, const char* field, Span& out) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() ||
      !j[1].is_number_unsigned()) {
    return Bad(std::string(field) + " is not a [begin, end] pair of offsets");
  }
  uint64_t b = j[0].get<uint64_t>(), e = j[1].get<uint64_t>();
  if (b > e || e > kMaxRebuiltText) return Bad(std::string(field) + " is reversed or too large");
  out = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  return Status::Ok();
}

int ReadIndex(const Json& j) {
  if (!j.is_number_unsigned() || j.get<uint64_t>() > kMaxRebuiltText) return -1;
  return static_cast<int>(j.get<uint64_t>());
}

std::string ReadString(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Writes `piece` at `span` of the sparse text, growing it with spaces.
void Place(std::string& text, Span span, const std::string& piece) {
  if (piece.size() != span.size()) return;  // text and span disagree: keep the spaces
  if (text.size() < span.end) text.resize(span.end, ' ');
  text.replace(span.begin, span.size(), piece);
}

Status ReadMark(const Json& j, const char* field, bool& present, Span& span, std::string& text) {
  present = false;
  if (j.is_null()) return Status::Ok();
  if (!j.is_object() || !j.contains("span")) return Bad(std::string(field) + " is not {text, span}");
  QG_RETURN_IF_ERROR(ReadSpan(j["span"], field, span));
  present = true;
  Place(text, span, ReadString(j, "text"));
  return Status::Ok();
}

Result<SourceKind> ReadSourceKind(const std::string& s) {
  for (SourceKind k : {SourceKind::kPerson, SourceKind::kOrganization, SourceKind::kAnonymous}) {
    if (s == SourceKindName(k)) return k;
  }
  return Bad("unknown source kind \"" + s + "\"");
}

Result<QuoteKind> ReadQuoteKind(const std::string& s) {
  for (QuoteKind k : {QuoteKind::kDirect, QuoteKind::kIndirect, QuoteKind::kMixed,
                      QuoteKind::kTerm}) {
    if (s == QuoteKindName(k)) return k;
  }
  return Bad("unknown quote kind \"" + s + "\"");
}

Status ReadQuote(const Json& j, size_t i, Document& doc) {
  const std::string where = "quotes[" + std::to_string(i) + "]";
  if (!j.is_object()) return Bad(where + " is not an object");
  Quote q;
  Result<QuoteKind> kind = ReadQuoteKind(ReadString(j, "kind"));
  if (!kind.ok()) return kind.status();
  q.kind = kind.value();
  if (!j.contains("span")) return Bad(where + " has no span");
  QG_RETURN_IF_ERROR(ReadSpan(j["span"], (where + ".span").c_str(), q.span));
  Place(doc.text, q.span, ReadString(j, "text"));
  if (j.contains("fragments") && j["fragments"].is_array()) {
    for (const Json& f : j["fragments"]) {
      Span s;
      QG_RETURN_IF_ERROR(ReadSpan(f, (where + ".fragments").c_str(), s));
      q.fragments.push_back(s);
    }
  }
  const Json kNull;
  QG_RETURN_IF_ERROR(ReadMark(j.value("cue", kNull), "cue", q.has_cue, q.cue, doc.text));
  QG_RETURN_IF_ERROR(
      ReadMark(j.value("speaker", kNull), "speaker", q.has_speaker, q.speaker, doc.text));
  if (j.contains("source")) q.source = ReadIndex(j["source"]);
  q.channel = ReadString(j, "channel");
  if (j.contains("confidence") && j["confidence"].is_number()) {
    q.confidence = j["confidence"].get<double>();
  }
  q.rule = ReadString(j, "rule");
  doc.quotes.push_back(std::move(q));
  return Status::Ok();
}

Status ReadSource(const Json& j, size_t i, Document& doc) {
  const std::string where = "sources[" + std::to_string(i) + "]";
  if (!j.is_object()) return Bad(where + " is not an object");
  Source s;
  s.name = ReadString(j, "name");
  Result<SourceKind> kind = ReadSourceKind(ReadString(j, "kind"));
  if (!kind.ok()) return kind.status();
  s.kind = kind.value();
  if (j.contains("descriptors") && j["descriptors"].is_array()) {
    for (const Json& d : j["descriptors"]) {
      if (d.is_string()) s.descriptors.push_back(d.get<std::string>());
    }
  }
  if (j.contains("affiliation")) s.affiliation = ReadIndex(j["affiliation"]);
  if (j.contains("count") && j["count"].is_number_integer()) s.count = j["count"].get<int>();
  s.anonymity_reason = ReadString(j, "anonymity_reason");
  if (j.contains("mentions") && j["mentions"].is_array()) {
    for (const Json& m : j["mentions"]) {
      Span sp;
      QG_RETURN_IF_ERROR(ReadSpan(m, (where + ".mentions").c_str(), sp));
      s.mentions.push_back(sp);
    }
  }
  doc.sources.push_back(std::move(s));
  return Status::Ok();
}

Status ReadRecord(const Json& j, Document& doc) {
  if (!j.is_object()) return Bad("not a JSON object");
  auto art = j.find("article");
  if (art == j.end() || !(art->is_string() || art->is_number())) return Bad("no \"article\" id");
  doc.id = art->is_string() ? art->get<std::string>() : art->dump();
  auto quotes = j.find("quotes");
  if (quotes == j.end() || !quotes->is_array()) return Bad("\"quotes\" is not an array");
  if (auto meta = j.find("metadata"); meta != j.end() && meta->is_object()) {
    for (const auto& [key, value] : meta->items()) doc.metadata.emplace_back(key, value.dump());
  }
  for (size_t i = 0; i < quotes->size(); ++i) QG_RETURN_IF_ERROR(ReadQuote((*quotes)[i], i, doc));
  if (auto sources = j.find("sources"); sources != j.end() && sources->is_array()) {
    for (size_t i = 0; i < sources->size(); ++i) {
      QG_RETURN_IF_ERROR(ReadSource((*sources)[i], i, doc));
    }
  }
  // Indices that point nowhere would make consumers index out of bounds.
  const int n = static_cast<int>(doc.sources.size());
  for (Quote& q : doc.quotes) {
    if (q.source >= n) return Bad("a quote's source index is out of range");
  }
  for (Source& s : doc.sources) {
    if (s.affiliation >= n) return Bad("a source's affiliation index is out of range");
  }
  if (auto sum = j.find("summary"); sum != j.end() && sum->is_object()) {
    auto get = [&](const char* k) {
      auto it = sum->find(k);
      return it != sum->end() && it->is_number_integer() ? it->get<int>() : 0;
    };
    doc.summary.quotes = get("quotes");
    doc.summary.attributed = get("attributed");
    doc.summary.named_quotes = get("named_quotes");
    doc.summary.institutional_quotes = get("institutional_quotes");
    doc.summary.anonymous_quotes = get("anonymous_quotes");
    auto ratio = sum->find("anonymous_ratio");
    if (ratio != sum->end() && ratio->is_number()) doc.summary.anonymous_ratio = ratio->get<double>();
  }
  return Status::Ok();
}

}  // namespace

Result<Document> FromExtractJson(std::string_view json) {
  try {
    Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Bad("not valid JSON");
    Document doc;
    QG_RETURN_IF_ERROR(ReadRecord(j, doc));
    return doc;
  } catch (const std::exception& e) {
    return Bad(std::string("unreadable: ") + e.what());
  }
}

}  // namespace qg
