// The `quotegraph` Python module: the engine for Python pipelines (Dask, Spark,
// notebooks). A thin binding, no linguistics:
//
//   import quotegraph
//   rec = quotegraph.extract(text, id="kirby")   # dict in extract's JSON schema
//   quotegraph.audit([rec, ...])                 # dict like `quotegraph audit --format json`'s total
//   a = quotegraph.Audit(); a.add(rec); a.merge(b); a.to_dict(top=5)   # picklable, mergeable
//   quotegraph.__version__
//
// extract releases the GIL while the pipeline runs, so Python threads scale;
// the rules are loaded once per process. Records are passed as the JSON schema
// (through Python's json module): one format for the CLI, files and Python,
// and FromExtractJson checks every field. Errors raise ValueError.
//
// Tested by python/tests/test_quotegraph.py and examples/dask_audit_test.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "engine/audit.h"
#include "engine/pipeline.h"
#include "engine/serialize.h"

#ifndef QG_VERSION
#define QG_VERSION "unknown"
#endif

namespace py = pybind11;
using namespace pybind11::literals;  // NOLINT: "name"_a, local to this file

namespace qg {
namespace {

const RuleSet& Rules() {
  // Loaded on first use; a failure (it would be a build bug) raises each time.
  static const Result<RuleSet> rules = LoadBuiltinRules();
  if (!rules.ok()) throw py::value_error(rules.status().ToString());
  return rules.value();
}

py::object JsonLoads(const std::string& s) { return py::module_::import("json").attr("loads")(s); }

std::string JsonDumps(py::handle obj) {
  if (py::isinstance<py::str>(obj)) return obj.cast<std::string>();
  return py::module_::import("json").attr("dumps")(obj, "ensure_ascii"_a = false).cast<std::string>();
}

py::dict Extract(const std::string& text, std::optional<std::string> id, bool keep_terms) {
  Document doc = MakeDocument(id.value_or("article"), text);
  Options options;
  options.keep_terms = keep_terms;
  Status s;
  std::string json;
  {
    py::gil_scoped_release release;
    s = RunPipeline(Rules(), options, doc);
    if (s.ok()) json = ToJson(doc, /*pretty=*/false);
  }
  if (!s.ok()) throw py::value_error(s.ToString());
  return JsonLoads(json);
}

void AddRecord(Audit& audit, py::handle record) {
  Result<Document> doc = FromExtractJson(JsonDumps(record));
  if (!doc.ok()) throw py::value_error(doc.status().ToString());
  audit.Merge(AuditDocument(doc.value()));
}

// Three decimals, as the CLI prints ratios.
double Ratio3(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", r);
  return std::stod(buf);
}

// The keys and values of the CLI's `audit --format json` objects.
py::dict AuditDict(const Audit& a, size_t top) {
  py::dict d;
  d["label"] = a.label();
  d["articles"] = a.articles;
  d["quotes"] = a.quotes;
  d["attributed"] = a.attributed;
  d["unattributed"] = a.unattributed();
  d["named_quotes"] = a.named_quotes;
  d["institutional_quotes"] = a.institutional_quotes;
  d["anonymous_quotes"] = a.anonymous_quotes;
  d["terms"] = a.terms;
  d["named_ratio"] = Ratio3(a.named_ratio());
  d["institutional_ratio"] = Ratio3(a.institutional_ratio());
  d["anonymous_ratio"] = Ratio3(a.anonymous_ratio());
  d["distinct_sources"] = py::dict("person"_a = a.distinct_sources(SourceKind::kPerson),
                                   "organization"_a = a.distinct_sources(SourceKind::kOrganization),
                                   "anonymous"_a = a.distinct_sources(SourceKind::kAnonymous));
  py::list tops;
  for (const SourceTally* t : TopSources(a, top)) {
    tops.append(py::dict("name"_a = t->name, "kind"_a = SourceKindName(t->kind),
                         "quotes"_a = t->quotes, "articles"_a = t->articles));
  }
  d["top_sources"] = tops;
  d["anonymous_descriptors"] = a.anonymous_descriptors;
  d["anonymity_reasons"] = a.anonymity_reasons;
  if (a.failed) d["failed"] = a.failed;
  return d;
}

// Pickling (Dask ships partial audits between processes): every field, so a
// restored Audit merges exactly like the original.
py::tuple AuditState(const Audit& a) {
  py::list sources;
  for (const auto& [key, t] : a.sources) {
    sources.append(py::make_tuple(key, t.name, static_cast<int>(t.kind), t.quotes, t.articles));
  }
  return py::make_tuple(a.label(), a.articles, a.quotes, a.attributed, a.named_quotes,
                        a.institutional_quotes, a.anonymous_quotes, a.terms, a.failed, sources,
                        a.anonymous_descriptors, a.anonymity_reasons);
}

Audit AuditFromState(const py::tuple& t) {
  if (t.size() != 12) throw py::value_error("quotegraph.Audit: bad pickled state");
  Audit a(t[0].cast<std::string>());
  a.articles = t[1].cast<int>();
  a.quotes = t[2].cast<int>();
  a.attributed = t[3].cast<int>();
  a.named_quotes = t[4].cast<int>();
  a.institutional_quotes = t[5].cast<int>();
  a.anonymous_quotes = t[6].cast<int>();
  a.terms = t[7].cast<int>();
  a.failed = t[8].cast<int>();
  for (py::handle h : t[9].cast<py::list>()) {
    auto s = h.cast<py::tuple>();
    SourceTally tally{s[1].cast<std::string>(), static_cast<SourceKind>(s[2].cast<int>()),
                      s[3].cast<int>(), s[4].cast<int>()};
    a.sources[s[0].cast<std::string>()] = tally;
  }
  a.anonymous_descriptors = t[10].cast<std::map<std::string, int>>();
  a.anonymity_reasons = t[11].cast<std::map<std::string, int>>();
  return a;
}

}  // namespace
}  // namespace qg

PYBIND11_MODULE(quotegraph, m) {
  using qg::Audit;
  m.doc() = "quotegraph: quotations in news articles, their speakers and sourcing audits";
  m.attr("__version__") = QG_VERSION;
  m.def("extract", &qg::Extract, "text"_a, "id"_a = py::none(), "keep_terms"_a = true,
        "Quotes and sources of one article, as a dict in extract's JSON schema. "
        "Raises ValueError for invalid UTF-8 or an article past the size limit.");
  py::class_<Audit>(m, "Audit", "Sourcing metrics; add records, merge partial audits, pickle.")
      .def(py::init<std::string>(), "label"_a = "total")
      .def("add", &qg::AddRecord, "record"_a, "Adds one extract record (dict or JSON string).")
      .def("merge", &Audit::Merge, "other"_a, "Adds another audit's counts.")
      .def("to_dict", &qg::AuditDict, "top"_a = 5,
           "The metrics as `quotegraph audit --format json` prints them.")
      .def("__eq__", [](const Audit& a, const Audit& b) { return a == b; })
      .def_property_readonly("articles", [](const Audit& a) { return a.articles; })
      .def(py::pickle(&qg::AuditState, &qg::AuditFromState));
  m.def(
      "audit",
      [](py::iterable records, size_t top) {
        Audit a("total");
        for (py::handle r : records) qg::AddRecord(a, r);
        return qg::AuditDict(a, top);
      },
      "records"_a, "top"_a = 5, "The total audit of extract records (dicts or JSON strings).");
}
