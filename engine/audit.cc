// Sourcing audit: counts per article, merged by plain addition.
//
// Every field of an Audit is a sum or a map of sums, so Merge is exact and
// order-free; that is what lets a corpus be audited in parts (threads, shards,
// map/reduce) and still give the same numbers as one pass. The only field that
// is not a sum, a source's display name, is chosen by a rule that does not
// depend on order (the longest form, then the smallest).
//
// Tested by tests/audit_test.cc.
#include "engine/audit.h"

#include <algorithm>
#include <set>

namespace qg {
namespace {

// Folds the Latin-1 supplement letters (U+00C0..U+00FF, two UTF-8 bytes
// starting 0xC3) to ASCII, because names reach us both with and without
// accents ("Lévesque", "Levesque").
char FoldLatin1(unsigned char second) {
  static const char kMap[] =
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"   // 0x80..0x9F (C3 80.. = U+00C0..)
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // 0xA0..0xBF
  if (second < 0x80 || second > 0xBF) return 0;
  return kMap[second - 0x80];
}

void AddTally(std::map<std::string, SourceTally>& into, const std::string& key,
              const SourceTally& t) {
  auto [it, inserted] = into.try_emplace(key, t);
  if (inserted) return;
  SourceTally& have = it->second;
  have.quotes += t.quotes;
  have.articles += t.articles;
  // Order-free choice of the display name.
  if (t.name.size() > have.name.size() || (t.name.size() == have.name.size() && t.name < have.name))
    have.name = t.name;
}

double Share(int part, int whole) { return whole > 0 ? static_cast<double>(part) / whole : 0.0; }

std::string UnquoteJson(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    char c = v[i];
    if (c != '\\' || i + 2 >= v.size()) {
      out += c;
      continue;
    }
    char e = v[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        // Basic-plane escapes only; metadata such as outlet and date is text.
        unsigned cp = 0;
        for (int k = 0; k < 4 && i + 1 < v.size() - 1; ++k) {
          char h = v[++i];
          cp = cp * 16 + (h >= '0' && h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: out += e;  // \" \\ \/
    }
  }
  return out;
}

std::string LastWord(const std::string& s) {
  size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}

}  // namespace

std::string NormalizeSourceName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == 0xC3 && i + 1 < name.size()) {
      char f = FoldLatin1(static_cast<unsigned char>(name[i + 1]));
      if (f) {
        out += f;
        ++i;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        static_cast<unsigned char>(name[i + 2]) == 0x99) {  // U+2019 right single quote
      out += '\'';
      i += 2;
      continue;
    }
    if (c == '.' || c == ',') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::map<std::string, std::string> PersonAliases(const std::vector<std::string>& person_names) {
  std::map<std::string, std::set<std::string>> by_last;  // last word -> longer names
  for (const std::string& n : person_names)
    if (n.find(' ') != std::string::npos) by_last[LastWord(n)].insert(n);
  std::map<std::string, std::string> aliases;
  for (const std::string& n : person_names) {
    if (n.empty() || n.find(' ') != std::string::npos) continue;
    auto it = by_last.find(n);
    if (it != by_last.end() && it->second.size() == 1) aliases[n] = *it->second.begin();
  }
  return aliases;
}

std::string SourceKey(const Document& doc, int source_index) {
  const Source& s = doc.sources[source_index];
  if (s.kind == SourceKind::kAnonymous)
    return "anonymous:" + doc.id + "#" + std::to_string(source_index);
  return std::string(SourceKindName(s.kind)) + ":" + NormalizeSourceName(s.name);
}

void Audit::Merge(const Audit& o) {
  articles += o.articles;
  quotes += o.quotes;
  attributed += o.attributed;
  named_quotes += o.named_quotes;
  institutional_quotes += o.institutional_quotes;
  anonymous_quotes += o.anonymous_quotes;
  terms += o.terms;
  failed += o.failed;
  for (const auto& [key, t] : o.sources) AddTally(sources, key, t);
  for (const auto& [d, n] : o.anonymous_descriptors) anonymous_descriptors[d] += n;
  for (const auto& [r, n] : o.anonymity_reasons) anonymity_reasons[r] += n;
}

double Audit::named_ratio() const { return Share(named_quotes, attributed); }
double Audit::institutional_ratio() const { return Share(institutional_quotes, attributed); }
double Audit::anonymous_ratio() const { return Share(anonymous_quotes, attributed); }
double Audit::attributed_ratio() const { return Share(attributed, quotes); }

int Audit::distinct_sources(SourceKind kind) const {
  int n = 0;
  for (const auto& [key, t] : sources) n += t.kind == kind;
  return n;
}

bool operator==(const Audit& a, const Audit& b) {
  return a.articles == b.articles && a.quotes == b.quotes && a.attributed == b.attributed &&
         a.named_quotes == b.named_quotes && a.institutional_quotes == b.institutional_quotes &&
         a.anonymous_quotes == b.anonymous_quotes && a.terms == b.terms && a.failed == b.failed &&
         a.sources == b.sources && a.anonymous_descriptors == b.anonymous_descriptors &&
         a.anonymity_reasons == b.anonymity_reasons;
}

Audit AuditDocument(const Document& doc) {
  Audit a(doc.id);
  a.articles = 1;
  const int n_sources = static_cast<int>(doc.sources.size());
  std::vector<int> per_source(doc.sources.size(), 0);
  for (const Quote& q : doc.quotes) {
    if (q.kind == QuoteKind::kTerm) {
      ++a.terms;
      continue;
    }
    ++a.quotes;
    if (q.source < 0 || q.source >= n_sources) continue;
    ++a.attributed;
    ++per_source[q.source];
    switch (doc.sources[q.source].kind) {
      case SourceKind::kPerson: ++a.named_quotes; break;
      case SourceKind::kOrganization: ++a.institutional_quotes; break;
      case SourceKind::kAnonymous: ++a.anonymous_quotes; break;
    }
  }
  std::set<std::string> seen;  // two Source entries may share one identity
  for (int i = 0; i < n_sources; ++i) {
    if (per_source[i] == 0) continue;  // mentioned or affiliated, never quoted
    const Source& s = doc.sources[i];
    std::string key = SourceKey(doc, i);
    SourceTally t{s.name, s.kind, per_source[i], seen.insert(key).second ? 1 : 0};
    AddTally(a.sources, key, t);
    if (s.kind == SourceKind::kAnonymous) {
      a.anonymous_descriptors[NormalizeSourceName(s.name)] += per_source[i];
      if (!s.anonymity_reason.empty()) ++a.anonymity_reasons[s.anonymity_reason];
    }
  }
  return a;
}

std::vector<const SourceTally*> TopSources(const Audit& audit, size_t n) {
  std::vector<std::pair<const std::string*, const SourceTally*>> all;
  for (const auto& [key, t] : audit.sources) all.emplace_back(&key, &t);
  std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    if (x.second->quotes != y.second->quotes) return x.second->quotes > y.second->quotes;
    if (x.second->name != y.second->name) return x.second->name < y.second->name;
    return *x.first < *y.first;
  });
  if (n > 0 && all.size() > n) all.resize(n);
  std::vector<const SourceTally*> out;
  for (const auto& p : all) out.push_back(p.second);
  return out;
}

std::string MetadataValue(const Document& doc, std::string_view field) {
  for (const auto& [k, v] : doc.metadata)
    if (k == field) return UnquoteJson(v);
  return "(none)";
}

void GroupedAudit::Add(const Document& doc) {
  std::string g = field_.empty() ? doc.id : MetadataValue(doc, field_);
  auto [it, inserted] = index_.try_emplace(g, groups_.size());
  if (inserted) groups_.emplace_back(g);
  Audit a = AuditDocument(doc);
  groups_[it->second].Merge(a);
  total_.Merge(a);
}

void GroupedAudit::AddFailure(const std::string&) { ++total_.failed; }

Comparison Compare(const std::vector<const Audit*>& audits) {
  Comparison c;
  c.audits = audits;
  // Canonical identity per key, with the one-word person alias rule applied
  // across every compared audit.
  std::vector<std::string> persons;
  for (const Audit* a : audits)
    for (const auto& [key, t] : a->sources)
      if (t.kind == SourceKind::kPerson) persons.push_back(key.substr(key.find(':') + 1));
  std::map<std::string, std::string> aliases = PersonAliases(persons);
  std::map<std::string, SharedSource> merged;
  for (size_t i = 0; i < audits.size(); ++i) {
    for (const auto& [key, t] : audits[i]->sources) {
      std::string canon = key;
      if (t.kind == SourceKind::kPerson) {
        auto it = aliases.find(key.substr(key.find(':') + 1));
        if (it != aliases.end()) canon = "person:" + it->second;
      }
      SharedSource& s = merged[canon];
      if (s.quotes.empty()) {
        s.key = canon;
        s.kind = t.kind;
        s.quotes.assign(audits.size(), 0);
      }
      if (t.name.size() > s.name.size()) s.name = t.name;
      s.quotes[i] += t.quotes;
    }
  }
  c.unique.resize(audits.size());
  for (auto& [key, s] : merged) {
    int present = 0, where = 0;
    for (size_t i = 0; i < s.quotes.size(); ++i)
      if (s.quotes[i] > 0) ++present, where = static_cast<int>(i);
    if (present >= 2) c.shared.push_back(s);
    else if (present == 1) c.unique[where].push_back(s);
  }
  auto by_quotes = [](const SharedSource& x, const SharedSource& y) {
    int nx = 0, ny = 0;
    for (int q : x.quotes) nx += q;
    for (int q : y.quotes) ny += q;
    return nx != ny ? nx > ny : x.key < y.key;
  };
  std::sort(c.shared.begin(), c.shared.end(), by_quotes);
  for (auto& u : c.unique) std::sort(u.begin(), u.end(), by_quotes);
  for (const Audit* a : audits) {
    const Audit* base = audits.front();
    c.anonymous_ratio_diff.push_back(a->anonymous_ratio() - base->anonymous_ratio());
    c.named_ratio_diff.push_back(a->named_ratio() - base->named_ratio());
    c.institutional_ratio_diff.push_back(a->institutional_ratio() - base->institutional_ratio());
  }
  return c;
}

}  // namespace qg
