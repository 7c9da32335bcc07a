// Audit: sourcing metrics per article, per group and for a whole corpus.
//
// An Audit counts quotes by the kind of their source (named person,
// institution, anonymous), the distinct sources of each kind, the quotes of
// every source, the descriptors anonymous sources go by and the reasons given
// for their anonymity. Audits are built one article at a time and combined with
// Merge, so a corpus of millions of articles is audited in one streaming pass or
// map/reduce style: for any split of a corpus into parts,
//   Merge(Audit(part1), Audit(part2), ...) == Audit(whole)    (operator==)
// whatever the order of the parts.
//
//   qg::Audit total("total");
//   for (const qg::Document& d : docs) total.Merge(qg::AuditDocument(d));
//   double r = total.anonymous_ratio();       // anonymous / attributed
//   auto top = qg::TopSources(total, 10);
//
// Identity. Named people and organisations are one source across articles when
// their normalised names agree (SourceKey: case and accents of ASCII letters
// folded, a leading "the" and punctuation dropped: "the White House" ==
// "White House"). Anonymous sources are never the same source across articles:
// "officials" in two stories are not known to be the same officials.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/document.h"

namespace qg {

// The normalised identity of a named source: lower case, Latin accents
// folded, a leading "the", periods and commas dropped, spaces collapsed:
// "the White House" -> "white house", "Zelenskyy" stays "zelenskyy".
std::string NormalizeSourceName(std::string_view name);

// Alias rule shared by Compare and the speaker graph: maps each one-word
// person name ("putin") to the one longer person name whose last word it is
// ("vladimir putin"), when exactly one exists in `person_names` (normalised).
std::map<std::string, std::string> PersonAliases(const std::vector<std::string>& person_names);

// The key under which a source is counted: "person:john kirby",
// "organization:white house", and for anonymous sources
// "anonymous:<article id>#<source index>" so they never merge.
std::string SourceKey(const Document& doc, int source_index);

// Per-source tallies inside an Audit.
struct SourceTally {
  std::string name;      // as first seen (display form)
  SourceKind kind = SourceKind::kPerson;
  int quotes = 0;        // attributed quotes (terms excluded)
  int articles = 0;      // articles in which it was quoted
  friend bool operator==(const SourceTally&, const SourceTally&) = default;
};

class Audit {
 public:
  explicit Audit(std::string label = "total") : label_(std::move(label)) {}

  // Adds `other`'s counts to this audit. Commutative and associative over the
  // counts; the label of this audit is kept.
  void Merge(const Audit& other);

  const std::string& label() const { return label_; }
  void set_label(std::string label) { label_ = std::move(label); }

  int articles = 0;
  int quotes = 0;         // terms excluded
  int attributed = 0;
  int named_quotes = 0;
  int institutional_quotes = 0;
  int anonymous_quotes = 0;
  int terms = 0;          // scare quotes, reported apart
  int failed = 0;         // inputs that could not be processed (set by callers)
  // Key (SourceKey) -> tally; ordered so output is deterministic.
  std::map<std::string, SourceTally> sources;
  // Descriptor of an anonymous source ("a senior administration official",
  // lower-cased) -> quotes attributed to sources so described.
  std::map<std::string, int> anonymous_descriptors;
  // Stated reason for anonymity -> number of anonymous sources giving it.
  std::map<std::string, int> anonymity_reasons;

  int unattributed() const { return quotes - attributed; }
  // Shares of attributed quotes; 0 when nothing is attributed.
  double named_ratio() const;
  double institutional_ratio() const;
  double anonymous_ratio() const;
  double attributed_ratio() const;  // attributed / quotes
  int distinct_sources(SourceKind kind) const;

  friend bool operator==(const Audit& a, const Audit& b);

 private:
  std::string label_;
};

// The audit of one processed article (doc.quotes and doc.sources filled).
Audit AuditDocument(const Document& doc);

// The `n` sources with most quotes, ties broken by name then key; n == 0: all.
std::vector<const SourceTally*> TopSources(const Audit& audit, size_t n);

// The value of metadata field `field` as plain text: a JSON string is unquoted
// ("\"CBC\"" -> "CBC"), other JSON values are kept as written ("42").
// Returns "(none)" when the document has no such field.
std::string MetadataValue(const Document& doc, std::string_view field);

// Audits grouped by a metadata field, plus their total; groups in order of
// first appearance. Feed it documents one at a time.
class GroupedAudit {
 public:
  explicit GroupedAudit(std::string field) : field_(std::move(field)) {}
  void Add(const Document& doc);
  void AddFailure(const std::string& group_hint = "");
  const std::vector<Audit>& groups() const { return groups_; }
  const Audit& total() const { return total_; }
  const std::string& field() const { return field_; }

 private:
  std::string field_;  // "" groups by article id
  std::vector<Audit> groups_;
  std::map<std::string, size_t> index_;
  Audit total_{"total"};
};

// Comparison of two or more audits (articles, outlets, files).
struct SharedSource {
  std::string key;
  std::string name;
  SourceKind kind = SourceKind::kPerson;
  std::vector<int> quotes;  // quotes in each compared audit (0 = absent)
};

struct Comparison {
  std::vector<const Audit*> audits;           // columns, as given
  std::vector<SharedSource> shared;           // in two or more audits
  std::vector<std::vector<SharedSource>> unique;  // per audit: only there
  // Per audit, its anonymous / named / institutional ratio minus the first
  // audit's (the first column is the baseline; its own row is all zero).
  std::vector<double> anonymous_ratio_diff, named_ratio_diff, institutional_ratio_diff;
};

// Matches sources by SourceKey, with one alias rule for people: a one-word
// name ("Putin") is the person of another audit whose last name it is, when
// exactly one such person exists there. Anonymous sources are never shared.
// The audits must outlive the result.
Comparison Compare(const std::vector<const Audit*>& audits);

}  // namespace qg
