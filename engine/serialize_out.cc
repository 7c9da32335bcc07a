// Writes the output record of ../shared/DESIGN.md (serialize.h's ToJson).
//
// Each field is streamed, in the schema's order, through internal/json_out.h
// (indented for --format json, one line for jsonl):
// building an nlohmann tree per record and dumping it cost more than reading
// the article. Any invalid UTF-8 that a buggy stage might slice out of the
// text becomes U+FFFD instead of throwing, so the output is always valid JSON
// and UTF-8; control bytes and NUL are escaped. Spans are clamped to the text so a stage bug can never read
// past it; the invariant test (tests/invariants_test.cc) catches such bugs
// instead.
//
// Tested by tests/serialize_test.cc and tests/invariants_test.cc.
#include "engine/serialize.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <nlohmann/json.hpp>

#include "engine/internal/json_out.h"

namespace qg {
namespace {

using internal::IsPlainJsonLiteral;
using internal::IsValidUtf8;
using Json = nlohmann::ordered_json;

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

// Writes one record through `Out` (internal::CompactJsonOut for jsonl,
// IndentedJsonOut for json): fields are streamed in the schema's order, no
// tree is built.
template <class Out>
class RecordOut {
 public:
  RecordOut(Out& w, const Document& doc) : w_(w), doc_(doc) {}

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
        w_.RawString(value);
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

  void SpanOut(Span s) { w_.UintPair(s.begin, s.end); }

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

  Out& w_;
  const Document& doc_;
};

// One record through `Out` into a per-thread buffer that keeps its capacity
// (growing a fresh one cost a sixth of the writing), copied out at its size.
template <class Out>
std::string WriteRecord(const Document& doc) {
  thread_local rapidjson::StringBuffer buf;
  // Strings are copied unchecked and the record validated once: UTF-8
  // validity is local (pieces are joined by ASCII), so a valid record means
  // every string in it was; otherwise write it again checking each string.
  for (bool checked : {false, true}) {
    buf.Clear();
    {
      Out w(buf, checked);
      RecordOut<Out>(w, doc).Record();
    }  // the writer gives back the room it took ahead
    if (checked || IsValidUtf8(std::string_view(buf.GetString(), buf.GetSize()))) break;
  }
  // One byte more than the record: jsonl appends its newline without
  // copying the record to a larger block.
  std::string record;
  record.reserve(buf.GetSize() + 1);
  record.assign(buf.GetString(), buf.GetSize());
  if (record.size() > (size_t{1} << 20)) {  // one huge record: give the memory back
    buf.Clear();
    buf.ShrinkToFit();
  }
  return record;
}

}  // namespace

std::string ToJson(const Document& doc, bool pretty) {
  try {
    return pretty ? WriteRecord<internal::IndentedJsonOut>(doc) : WriteRecord<internal::CompactJsonOut>(doc);
  } catch (const std::exception& e) {
    // Only allocation failure can get here; still emit a valid record.
    Json j = {{"article", doc.id}, {"error", e.what()}};
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

}  // namespace qg
