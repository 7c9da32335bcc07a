// Helpers shared by the attribution-stage tests (cues, speakers, attribute,
// resolve, summary): run the whole pipeline over a snippet and print compact,
// stable dumps that tests compare against strings (RE2's dump.cc style).
//
//   qg::Document doc = qg::testing::Run("“Yes,” he said.");
//   CHECK(qg::testing::DumpQuotes(doc) == "direct [Yes,] <- he => - @quote_speaker_cue");
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "engine/document.h"
#include "engine/internal/tags.h"
#include "engine/pipeline.h"
#include "engine/rules.h"

namespace qg::testing {

// A table row: what the case shows, the motivating snippet and the expected dump.
struct Case {
  const char* name;
  const char* input;
  const char* expected;
};

inline const RuleSet& AttributionRules() {
  // A value, not `new`: nothing to leak under LeakSanitizer when loading fails.
  static const Result<RuleSet> rules = LoadBuiltinRules();
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  return rules.value();
}

// The snippet after every stage, as `quotegraph extract` runs it.
inline Document Run(std::string_view text) {
  Document doc = MakeDocument("test", std::string(text));
  Status s = RunPipeline(AttributionRules(), Options{}, doc);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return doc;
}

// One quote: `kind [text] {fragment}… <- speaker mention => source (source kind) #channel @rule`.
// "-" stands for an absent speaker mention (floating quotes) or source.
inline std::string DumpQuote(const Document& doc, const Quote& q, bool with_rule = true) {
  std::string out = std::string(QuoteKindName(q.kind)) + " [" + std::string(doc.slice(q.span)) + "]";
  for (Span f : q.fragments) out += " {" + std::string(doc.slice(f)) + "}";
  out += " <- ";
  out += q.has_speaker ? std::string(doc.slice(q.speaker)) : "-";
  out += " => ";
  if (q.source >= 0 && q.source < static_cast<int>(doc.sources.size())) {
    const Source& s = doc.sources[q.source];
    out += s.name + " (" + SourceKindName(s.kind) + ")";
  } else {
    out += "-";
  }
  if (!q.channel.empty()) out += " #" + q.channel;
  if (with_rule) out += " @" + q.rule;
  return out;
}

// Every quote of the document, one a line, in text order.
inline std::string DumpQuotes(const Document& doc, bool with_rule = true) {
  std::string out;
  for (const Quote& q : doc.quotes) {
    if (!out.empty()) out += '\n';
    out += DumpQuote(doc, q, with_rule);
  }
  return out;
}

// The same without " @rule": for expectations that should not pin the sieve.
inline std::string DumpQuotesNoRule(const Document& doc) { return DumpQuotes(doc, false); }

inline std::string Dump(std::string_view text) { return DumpQuotes(Run(text)); }

inline const char* GenderName(Gender g) {
  switch (g) {
    case Gender::kMale: return "male";
    case Gender::kFemale: return "female";
    case Gender::kNeuter: return "neuter";
    case Gender::kPlural: return "plural";
    case Gender::kUnknown: break;
  }
  return "?";
}

inline const char* MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kName: return "name";
    case MentionKind::kPronoun: return "pronoun";
    case MentionKind::kDescription: return "description";
    case MentionKind::kAnonymous: return "anonymous";
  }
  return "?";
}

// One mention: `[span] name=… mention-kind/source-kind/gender` then, when set,
// ` desc=…` ` aff=…` ` count=…` ` reason=…` ` poss`.
inline std::string DumpMention(const Document& doc, const Mention& m) {
  std::string out = std::string("[").append(doc.slice(m.span)) + "] name=" + m.name + " " +
                    MentionKindName(m.kind) + "/" + SourceKindName(m.source_kind) + "/" +
                    GenderName(m.gender);
  for (const std::string& d : m.descriptors) out += " desc=" + d;
  if (!m.affiliation.empty()) out += " aff=" + m.affiliation;
  if (m.count >= 0) out += " count=" + std::to_string(m.count);
  if (!m.anonymity_reason.empty()) out += " reason=" + m.anonymity_reason;
  if (m.possessive) out += " poss";
  return out;
}

// All mentions, one a line.
inline std::string DumpMentions(const Document& doc) {
  std::string out;
  for (const Mention& m : doc.mentions) {
    if (!out.empty()) out += '\n';
    out += DumpMention(doc, m);
  }
  return out;
}

// The mention whose span starts with `prefix` (first in text order), or "none".
inline std::string DumpMentionAt(const Document& doc, std::string_view prefix) {
  for (const Mention& m : doc.mentions) {
    if (doc.slice(m.span).substr(0, prefix.size()) == prefix) return DumpMention(doc, m);
  }
  return "none";
}

// The mention written exactly as the bracketed part of `expected` ("[the mayor] …"),
// or every mention of the document when there is none, so a miss shows what was found.
inline std::string DumpMentionLike(const Document& doc, std::string_view expected) {
  size_t open = expected.find('['), close = expected.find(']');
  if (open != std::string_view::npos && close != std::string_view::npos && open < close) {
    std::string_view want = expected.substr(open + 1, close - open - 1);
    for (const Mention& m : doc.mentions) {
      if (doc.slice(m.span) == want) return DumpMention(doc, m);
    }
  }
  return "no such mention; found:\n" + DumpMentions(doc);
}

// Runs each row as a SUBCASE, comparing the mention the expectation names.
inline void CheckMentions(std::initializer_list<Case> table) {
  for (const Case& c : table) {
    SUBCASE(c.name) {
      INFO("input: " << std::string(c.input));
      CHECK(DumpMentionLike(Run(c.input), c.expected) == std::string(c.expected));
    }
  }
}

// One source: `name (kind) gender desc=… aff=… count=… reason=…`.
inline std::string DumpSource(const Document& doc, const Source& s) {
  std::string out = s.name + " (" + SourceKindName(s.kind) + ") " + GenderName(s.gender);
  for (const std::string& d : s.descriptors) out += " desc=" + d;
  if (s.affiliation >= 0 && s.affiliation < static_cast<int>(doc.sources.size())) {
    out += " aff=" + doc.sources[s.affiliation].name;
  }
  if (s.count >= 0) out += " count=" + std::to_string(s.count);
  if (!s.anonymity_reason.empty()) out += " reason=" + s.anonymity_reason;
  return out;
}

inline std::string DumpSources(const Document& doc) {
  std::string out;
  for (const Source& s : doc.sources) {
    if (!out.empty()) out += '\n';
    out += DumpSource(doc, s);
  }
  return out;
}

// Cues with the tag letter patterns.tsv sees: `said=say:V told=tell:K according to:A`.
inline std::string DumpCues(const Document& doc) {
  std::string out;
  for (const Cue& c : doc.cues) {
    if (!out.empty()) out += ' ';
    char tag = 'V';
    if (c.kind == CueKind::kAccordingTo) tag = 'A';
    else if (c.strength == Cue::kBelief) tag = 'b';
    else if (c.strength == Cue::kMedium) tag = c.participle ? 'g' : 'v';
    else if (c.participle) tag = 'G';
    else if (c.takes_addressee) tag = 'K';
    std::string surface(doc.slice(c.span));
    out += surface == c.lemma ? surface : surface + "=" + c.lemma;
    out += ':';
    out += tag;
  }
  return out;
}

// The tag string of every sentence, " | " between sentences (internal/tags.h).
inline std::string DumpTags(const Document& doc) {
  internal::TagContext ctx = internal::MakeTagContext(doc);
  internal::TagBuffer buffer(doc.tokens.size());
  std::string out;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (s > 0) out += " | ";
    out += internal::TagSentence(doc, AttributionRules(), ctx, s, buffer).tags;
  }
  return out;
}


// Runs each row as its own SUBCASE, comparing `dump(Run(input))` with `expected`.
template <class DumpFn>
void CheckTable(std::initializer_list<Case> table, DumpFn dump) {
  for (const Case& c : table) {
    SUBCASE(c.name) {
      INFO("input: " << std::string(c.input));
      CHECK(dump(Run(c.input)) == std::string(c.expected));
    }
  }
}

inline void CheckQuotes(std::initializer_list<Case> table) {
  CheckTable(table, [](const Document& d) { return DumpQuotes(d); });
}
inline void CheckQuotesNoRule(std::initializer_list<Case> table) { CheckTable(table, DumpQuotesNoRule); }

}  // namespace qg::testing
