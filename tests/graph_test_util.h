// Hand-built Documents for the graph, audit and report tests: they exercise
// every source kind, affiliations, channels, a term and an unattributed quote
// without depending on the attribution engine.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/document.h"
#include "engine/summary.h"

namespace qg::testing {

inline Span FindSpan(const std::string& text, std::string_view needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) std::abort();  // a typo in the test data
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

inline Source MakeSource(std::string name, SourceKind kind, int affiliation = -1) {
  Source s;
  s.name = std::move(name);
  s.kind = kind;
  s.affiliation = affiliation;
  return s;
}

inline void AddQuote(Document& d, std::string_view text, int source, QuoteKind kind = QuoteKind::kDirect,
                     std::string channel = "", std::string_view cue = "") {
  Quote q;
  q.kind = kind;
  q.span = FindSpan(d.text, text);
  q.source = source;
  q.channel = std::move(channel);
  q.confidence = source >= 0 ? 0.9 : 0.0;
  q.rule = source >= 0 ? "test-rule" : "";
  if (!cue.empty()) {
    q.has_cue = true;
    q.cue = FindSpan(d.text, cue);
  }
  d.quotes.push_back(q);
}

// One article: a person with an affiliation, two organisations, two anonymous
// sources (one with a reason), a scare quote and an unattributed quote.
inline Document HandmadeDoc(const std::string& id = "handmade") {
  Document d = MakeDocument(id,
      "“We will respond,” said Pentagon spokesman John Kirby.\n\n"
      "Officials said the talks were constructive. “It was frank,” a senior official said, "
      "speaking on condition of anonymity because they were not authorized to speak publicly.\n\n"
      "The White House said in a statement that “nothing is agreed.” Kirby added: “We stay ready.”\n\n"
      "Critics called it a “nuclear option.” “No one knows,” the post read.");
  d.sources.push_back(MakeSource("John Kirby", SourceKind::kPerson, 1));
  d.sources[0].descriptors = {"Pentagon spokesman"};
  d.sources.push_back(MakeSource("Pentagon", SourceKind::kOrganization));
  d.sources.push_back(MakeSource("officials", SourceKind::kAnonymous));
  d.sources.push_back(MakeSource("a senior official", SourceKind::kAnonymous));
  d.sources[3].anonymity_reason = "not authorized to speak publicly";
  d.sources.push_back(MakeSource("White House", SourceKind::kOrganization));
  AddQuote(d, "We will respond,", 0, QuoteKind::kDirect, "", "said");
  AddQuote(d, "the talks were constructive", 2, QuoteKind::kIndirect);
  AddQuote(d, "It was frank,", 3, QuoteKind::kDirect, "reporters");
  AddQuote(d, "nothing is agreed.", 4, QuoteKind::kDirect, "statement");
  AddQuote(d, "We stay ready.", 0, QuoteKind::kDirect, "", "added");
  AddQuote(d, "nuclear option.", -1, QuoteKind::kTerm);
  AddQuote(d, "No one knows,", -1);
  d.summary = Summarize(d);
  return d;
}

// A second article sharing the White House (as "the White House") and, by
// alias, Putin; its "officials" are other officials.
inline Document SecondDoc(const std::string& id = "second") {
  Document d = MakeDocument(id,
      "“We are ready to talk,” Vladimir Putin said. Officials said nothing. "
      "“Talks are set,” the White House said. “Not now,” Putin said.");
  d.sources.push_back(MakeSource("Vladimir Putin", SourceKind::kPerson));
  d.sources.push_back(MakeSource("officials", SourceKind::kAnonymous));
  d.sources.push_back(MakeSource("the White House", SourceKind::kOrganization));
  AddQuote(d, "We are ready to talk,", 0);
  AddQuote(d, "nothing", 1, QuoteKind::kIndirect);
  AddQuote(d, "Talks are set,", 2);
  AddQuote(d, "Not now,", 0);
  d.metadata = {{"outlet", "\"CBC\""}};
  d.summary = Summarize(d);
  return d;
}

// A third article where the same person appears only by surname.
inline Document ThirdDoc(const std::string& id = "third") {
  Document d = MakeDocument(id, "“No comment,” Putin told CNN. “Yes,” Jen Psaki said.");
  d.sources.push_back(MakeSource("Putin", SourceKind::kPerson));
  d.sources.push_back(MakeSource("Jen Psaki", SourceKind::kPerson));
  AddQuote(d, "No comment,", 0, QuoteKind::kDirect, "CNN");
  AddQuote(d, "Yes,", 1);
  d.metadata = {{"outlet", "\"CTV\""}};
  d.summary = Summarize(d);
  return d;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Runs a shell command, returns its standard output; `*rc` gets the exit status.
inline std::string RunCommand(const std::string& cmd, int* rc = nullptr) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) {
    if (rc) *rc = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  if (rc) *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// A fresh directory under the build's temp area.
inline std::string TempDir(const std::string& name) {
  std::string dir = std::string(QG_TEST_TMP) + "/" + name;
  std::string cmd = "rm -rf '" + dir + "' && mkdir -p '" + dir + "'";
  if (std::system(cmd.c_str()) != 0) std::abort();
  return dir;
}

}  // namespace qg::testing
