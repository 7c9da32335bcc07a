// Writes and reads the output record of ../shared/DESIGN.md.
//
// Writing streams each field, in the schema's order, through RapidJSON's Writer
// (PrettyWriter for --format json): building an nlohmann tree per record and
// dumping it cost more than reading the article. The bytes are those nlohmann's
// dump wrote before (see internal/json_text.h): any invalid UTF-8 that a buggy
// stage might slice out of the text becomes U+FFFD instead of throwing, so the
// output is always valid JSON and UTF-8; control bytes and NUL are escaped.
// Spans are clamped to the text so a stage bug can never read past it; the
// invariant test (tests/invariants_test.cc) catches such bugs instead.
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

#include "engine/internal/json_out.h"

namespace qg {
namespace {

using internal::IsPlainJsonLiteral;
using internal::IsValidUtf8;
using internal::JsonOut;
using Json = nlohmann::ordered_json;

// A record may not make us allocate more than this for its sparse text.
constexpr uint64_t kMaxRebuiltText = uint64_t{64} << 20;

std::string_view ClampedSlice(const Document& doc, Span s) {
  size_t n = doc.text.size();
  size_t b = std::min<size_t>(s.begin, n);
  size_t e = std::min<size_t>(std::max(s.begin, s.end), n);
  return std::string_view(doc.text).substr(b, e - b);
}

// Scores are printed with 3 decimals: more digits are noise to a reader and
// make golden outputs brittle. NaN (a stage bug) becomes 0 to stay valid JSON.
double Round3(double v) {
  if (!std::isfinite(v)) return 0.0;
  return std::round(v * 1000.0) / 1000.0;
}

// Writes one record, compact (jsonl) or indented (json): fields are streamed
// in the schema's order, no tree is built.
class RecordOut {
 public:
  RecordOut(JsonOut& w, const Document& doc) : w_(w), doc_(doc) {}

  void Record() {
    w_.StartObject();
    w_.Key("article");
    w_.String(doc_.id);
    if (!doc_.metadata.empty()) Metadata();
    w_.Key("quotes");
    w_.StartArray();
    for (size_t i = 0; i < doc_.quotes.size(); ++i) Quote(doc_.quotes[i], i);
    w_.EndArray();
    w_.Key("sources");
    w_.StartArray();
    for (size_t i = 0; i < doc_.sources.size(); ++i) Source(doc_.sources[i], i);
    w_.EndArray();
    w_.Key("summary");
    Summary(doc_.summary);
    w_.EndObject();
  }

 private:
  // Metadata holds JSON text; anything unparsable is kept as a string. A key
  // given twice keeps its first place and its last value, as an object would.
  void Metadata() {
    const auto& meta = doc_.metadata;
    w_.Key("metadata");
    w_.StartObject();
    for (size_t i = 0; i < meta.size(); ++i) {
      const std::string& key = meta[i].first;
      auto same = [&](const auto& kv) { return kv.first == key; };
      if (std::any_of(meta.begin(), meta.begin() + i, same)) continue;
      size_t last = i;
      for (size_t k = i + 1; k < meta.size(); ++k) last = meta[k].first == key ? k : last;
      w_.Key(key);
      const std::string& value = meta[last].second;
      if (IsPlainJsonLiteral(value)) {
        w_.Raw(value);
        continue;
      }
      Json v = Json::parse(value, nullptr, /*allow_exceptions=*/false);
      if (v.is_discarded()) w_.String(value);
      else Value(v);
    }
    w_.EndObject();
  }

  // An nlohmann value (a metadata field that is not a plain string).
  void Value(const Json& j) {
    switch (j.type()) {
      case Json::value_t::object:
        w_.StartObject();
        for (const auto& [key, value] : j.items()) {
          w_.Key(key);
          Value(value);
        }
        w_.EndObject();
        break;
      case Json::value_t::array:
        w_.StartArray();
        for (const Json& e : j) Value(e);
        w_.EndArray();
        break;
      case Json::value_t::string: w_.String(j.get_ref<const std::string&>()); break;
      case Json::value_t::boolean: w_.Bool(j.get<bool>()); break;
      case Json::value_t::number_integer: w_.Int(j.get<int64_t>()); break;
      case Json::value_t::number_unsigned: w_.Uint(j.get<uint64_t>()); break;
      case Json::value_t::number_float: w_.Double(j.get<double>()); break;
      default: w_.Null(); break;  // null; binary and discarded do not come out of parse
    }
  }

  void SpanOut(Span s) {
    w_.StartArray();
    w_.Uint(s.begin);
    w_.Uint(s.end);
    w_.EndArray();
  }

  void Mark(bool present, Span s) {
    if (!present) {
      w_.Null();
      return;
    }
    w_.StartObject();
    w_.Key("text");
    w_.String(ClampedSlice(doc_, s));
    w_.Key("span");
    SpanOut(s);
    w_.EndObject();
  }

  void IndexOrNull(int i) {
    if (i < 0 || static_cast<size_t>(i) >= doc_.sources.size()) w_.Null();
    else w_.Int(i);
  }

  void StringOrNull(const std::string& s) {
    if (s.empty()) w_.Null();
    else w_.String(s);
  }

  void Quote(const qg::Quote& q, size_t id) {
    w_.StartObject();
    w_.Key("id");
    w_.Uint(id);
    w_.Key("kind");
    w_.String(QuoteKindName(q.kind));
    w_.Key("text");
    w_.String(ClampedSlice(doc_, q.span));
    w_.Key("span");
    SpanOut(q.span);
    w_.Key("fragments");
    w_.StartArray();
    for (Span f : q.fragments) SpanOut(f);
    w_.EndArray();
    w_.Key("cue");
    Mark(q.has_cue, q.cue);
    w_.Key("speaker");
    Mark(q.has_speaker, q.speaker);
    w_.Key("source");
    IndexOrNull(q.source);
    w_.Key("channel");
    StringOrNull(q.channel);
    w_.Key("confidence");
    w_.Double(Round3(std::clamp(q.confidence, 0.0, 1.0)));
    w_.Key("rule");
    w_.String(q.rule);
    w_.EndObject();
  }

  void Source(const qg::Source& s, size_t id) {
    w_.StartObject();
    w_.Key("id");
    w_.Uint(id);
    w_.Key("name");
    w_.String(s.name);
    w_.Key("kind");
    w_.String(SourceKindName(s.kind));
    w_.Key("descriptors");
    w_.StartArray();
    for (const std::string& d : s.descriptors) w_.String(d);
    w_.EndArray();
    w_.Key("affiliation");
    IndexOrNull(s.affiliation);
    w_.Key("count");
    if (s.count >= 0) w_.Int(s.count);
    else w_.Null();
    w_.Key("anonymity_reason");
    StringOrNull(s.anonymity_reason);
    w_.Key("mentions");
    w_.StartArray();
    for (Span m : s.mentions) SpanOut(m);
    w_.EndArray();
    w_.EndObject();
  }

  void Summary(const qg::Summary& s) {
    w_.StartObject();
    w_.Key("quotes");
    w_.Int(s.quotes);
    w_.Key("attributed");
    w_.Int(s.attributed);
    w_.Key("named_quotes");
    w_.Int(s.named_quotes);
    w_.Key("institutional_quotes");
    w_.Int(s.institutional_quotes);
    w_.Key("anonymous_quotes");
    w_.Int(s.anonymous_quotes);
    w_.Key("anonymous_ratio");
    w_.Double(Round3(s.anonymous_ratio));
    w_.EndObject();
  }

  JsonOut& w_;
  const Document& doc_;
};

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
    // Records are written into a buffer that keeps its capacity, then copied
    // out at their size: growing a fresh string cost a sixth of the writing.
    thread_local std::string out;
    // Strings are copied unchecked and the record validated once: UTF-8
    // validity is local (pieces are joined by ASCII), so a valid record means
    // every string in it was; otherwise write it again checking each string.
    for (bool checked : {false, true}) {
      out.clear();
      {
        JsonOut w(out, pretty ? 2 : -1, checked);
        RecordOut(w, doc).Record();
      }
      if (checked || IsValidUtf8(out)) break;
    }
    std::string record = out;
    if (out.capacity() > (size_t{1} << 20)) out = std::string();  // one huge record
    return record;
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
