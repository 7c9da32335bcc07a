// Writes and reads the output record of ../shared/DESIGN.md with nlohmann::json.
//
// Approach: build an ordered_json (so keys come out in the schema's order) and
// dump it with the `replace` error handler, which turns any invalid UTF-8 that a
// buggy stage might slice out of the text into U+FFFD instead of throwing: the
// output is always valid JSON and UTF-8. Control bytes and NUL are escaped by
// the dumper. Spans are clamped to the text so a stage bug can never read past
// it; the invariant test (tests/invariants_test.cc) catches such bugs instead.
//
// Reading back: every nlohmann exception is caught here, and each field's type
// is checked so a hand-edited or truncated record yields a Status naming the
// field rather than a crash. The text of the article is not in the record, so
// FromExtractJson rebuilds a sparse copy: spaces, with the quote, fragment, cue
// and speaker texts written at their offsets. The offset contract of document.h
// then holds for the read-back document and ToJson(FromExtractJson(r)) == r.
//
// Tested by tests/serialize_test.cc and tests/invariants_test.cc.
#include "engine/serialize.h"

#include <cmath>
#include <exception>
#include <nlohmann/json.hpp>
#include <utility>

namespace qg {
namespace {

using Json = nlohmann::ordered_json;

// A record may not make us allocate more than this for its sparse text.
constexpr uint64_t kMaxRebuiltText = uint64_t{64} << 20;

std::string_view ClampedSlice(const Document& doc, Span s) {
  size_t n = doc.text.size();
  size_t b = std::min<size_t>(s.begin, n);
  size_t e = std::min<size_t>(std::max(s.begin, s.end), n);
  return std::string_view(doc.text).substr(b, e - b);
}

// Records are built field by field in the schema's order, keys unique by
// construction, so fields are appended to the ordered map directly with room
// reserved: operator[] searches every key before inserting and grows the map
// (copying its keys) one field at a time, which showed in corpus profiles.
class Fields {
 public:
  explicit Fields(size_t n) : j_(Json::object()) { map().reserve(n); }
  template <class V>
  void Add(const char* key, V&& value) { map().emplace_back(key, std::forward<V>(value)); }
  Json Take() { return std::move(j_); }

 private:
  Json::object_t& map() { return j_.get_ref<Json::object_t&>(); }
  Json j_;
};

Json SpanJson(Span s) {
  Json j = Json::array();
  Json::array_t& a = j.get_ref<Json::array_t&>();
  a.reserve(2);
  a.emplace_back(s.begin);
  a.emplace_back(s.end);
  return j;
}

// Scores are printed with 3 decimals: more digits are noise to a reader and
// make golden outputs brittle. NaN (a stage bug) becomes 0 to stay valid JSON.
double Round3(double v) {
  if (!std::isfinite(v)) return 0.0;
  return std::round(v * 1000.0) / 1000.0;
}

Json MarkJson(const Document& doc, bool present, Span s) {
  if (!present) return nullptr;
  Fields j(2);
  j.Add("text", std::string(ClampedSlice(doc, s)));
  j.Add("span", SpanJson(s));
  return j.Take();
}

Json IndexOrNull(int i, size_t size) {
  if (i < 0 || static_cast<size_t>(i) >= size) return nullptr;
  return i;
}

Json StringOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

Json QuoteJson(const Document& doc, const Quote& q, size_t id) {
  Fields j(12);
  j.Add("id", id);
  j.Add("kind", QuoteKindName(q.kind));
  j.Add("text", std::string(ClampedSlice(doc, q.span)));
  j.Add("span", SpanJson(q.span));
  Json frags = Json::array();
  for (Span f : q.fragments) frags.push_back(SpanJson(f));
  j.Add("fragments", std::move(frags));
  j.Add("cue", MarkJson(doc, q.has_cue, q.cue));
  j.Add("speaker", MarkJson(doc, q.has_speaker, q.speaker));
  j.Add("source", IndexOrNull(q.source, doc.sources.size()));
  j.Add("channel", StringOrNull(q.channel));
  j.Add("confidence", Round3(std::clamp(q.confidence, 0.0, 1.0)));
  j.Add("rule", q.rule);
  return j.Take();
}

Json SourceJson(const Document& doc, const Source& s, size_t id) {
  Fields j(9);
  j.Add("id", id);
  j.Add("name", s.name);
  j.Add("kind", SourceKindName(s.kind));
  j.Add("descriptors", s.descriptors);
  j.Add("affiliation", IndexOrNull(s.affiliation, doc.sources.size()));
  j.Add("count", s.count >= 0 ? Json(s.count) : Json(nullptr));
  j.Add("anonymity_reason", StringOrNull(s.anonymity_reason));
  Json mentions = Json::array();
  mentions.get_ref<Json::array_t&>().reserve(s.mentions.size());
  for (Span m : s.mentions) mentions.push_back(SpanJson(m));
  j.Add("mentions", std::move(mentions));
  return j.Take();
}

Json SummaryJson(const Summary& s) {
  Fields j(6);
  j.Add("quotes", s.quotes);
  j.Add("attributed", s.attributed);
  j.Add("named_quotes", s.named_quotes);
  j.Add("institutional_quotes", s.institutional_quotes);
  j.Add("anonymous_quotes", s.anonymous_quotes);
  j.Add("anonymous_ratio", Round3(s.anonymous_ratio));
  return j.Take();
}

// ---- reading ----

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

std::string ToJson(const Document& doc, bool pretty) {
  try {
    // Reserved up front: the map's entries hold a const key, so a regrowth
    // copies every value, here the whole quotes and sources arrays.
    Fields j(5);
    j.Add("article", doc.id);
    if (!doc.metadata.empty()) {
      Json meta = Json::object();
      meta.get_ref<Json::object_t&>().reserve(doc.metadata.size());
      for (const auto& [key, value] : doc.metadata) {
        // Metadata holds JSON text; anything unparsable is kept as a string.
        Json v = Json::parse(value, nullptr, /*allow_exceptions=*/false);
        meta[key] = v.is_discarded() ? Json(value) : std::move(v);
      }
      j.Add("metadata", std::move(meta));
    }
    Json quotes = Json::array();
    quotes.get_ref<Json::array_t&>().reserve(doc.quotes.size());
    for (size_t i = 0; i < doc.quotes.size(); ++i) quotes.push_back(QuoteJson(doc, doc.quotes[i], i));
    j.Add("quotes", std::move(quotes));
    Json sources = Json::array();
    sources.get_ref<Json::array_t&>().reserve(doc.sources.size());
    for (size_t i = 0; i < doc.sources.size(); ++i) {
      sources.push_back(SourceJson(doc, doc.sources[i], i));
    }
    j.Add("sources", std::move(sources));
    j.Add("summary", SummaryJson(doc.summary));
    return j.Take().dump(pretty ? 2 : -1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
  } catch (const std::exception& e) {
    // Only allocation failure can get here; still emit a valid record.
    Json j = {{"article", doc.id}, {"error", e.what()}};
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

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
