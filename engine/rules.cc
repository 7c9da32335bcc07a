// Loads rule files (TSV word lists and RE2 patterns) into a RuleSet.
//
// Files are parsed from memory so the built-in copies (rules_data.cc,
// generated at build time) and `--rules DIR` overrides share one path. Every
// pattern compiles once here, with RE2's logging off; a bad pattern is an error
// naming file, line, rule id and RE2's own message. Each pattern's examples run
// at load, so a rule that no longer matches its motivating case is caught
// before it reaches an article. Tested by tests/rules_test.cc.
#include "engine/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/internal/patterns.h"
#include "engine/internal/tags.h"

namespace qg {
namespace internal {
const std::vector<std::pair<std::string_view, std::string_view>>& BuiltinRuleFiles();
}

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

namespace {

// A required set of more letters than this ("any letter but . V K G") turns
// away almost no sentence: not worth its test.
constexpr size_t kMaxDerivedGroup = 8;

// Appends the tab-separated fields of `line` from byte `from` on to `out`.
void SplitTabsInto(std::string_view line, size_t from, std::vector<std::string>& out) {
  while (true) {
    const size_t tab = line.find('\t', from);
    out.emplace_back(line.substr(from, tab == std::string_view::npos ? tab : tab - from));
    if (tab == std::string_view::npos) break;
    from = tab + 1;
  }
}

Status RuleError(std::string_view file, int line, const std::string& what) {
  return Status(StatusCode::kRuleError,
                std::string(file) + ":" + std::to_string(line) + ": " + what);
}

// Calls fn(line_number, line) for each entry of a TSV file: every line but
// blank ones and comments, without its line break; an entry needs a key.
template <class Fn>
Status ForEachEntry(std::string_view name, std::string_view content, Fn fn) {
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '\t') return RuleError(name, number, "empty key");
    QG_RETURN_IF_ERROR(fn(number, line));
  }
  return Status::Ok();
}

// Calls fn(line_number, fields) for each entry of a TSV file.
template <class Fn>
Status ForEachRow(std::string_view name, std::string_view content, Fn fn) {
  return ForEachEntry(name, content, [&](int number, std::string_view line) {
    std::vector<std::string> fields;
    SplitTabsInto(line, 0, fields);
    return fn(number, std::move(fields));
  });
}

Status LoadLexicon(std::string_view name, std::string_view content, size_t min_fields,
                   Lexicon& lex) {
  // The forenames are 32,000 rows: their table is sized once (a row a line at
  // most), not regrown a dozen times, and a row's key is never copied into a
  // field vector only to be erased from it.
  lex.Reserve(static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1);
  std::vector<std::string> fields;  // a row's fields after its key, reused
  return ForEachEntry(name, content, [&](int number, std::string_view line) {
    const size_t tab = line.find('\t');
    fields.clear();
    if (tab != std::string_view::npos) SplitTabsInto(line, tab + 1, fields);
    if (fields.size() + 1 < min_fields) {
      return RuleError(name, number, "expected " + std::to_string(min_fields) +
                                         " tab-separated fields, found " +
                                         std::to_string(fields.size() + 1));
    }
    lex.Add(line.substr(0, tab), fields);
    return Status::Ok();
  });
}

std::vector<std::string> SplitExamples(const std::string& field) {
  std::vector<std::string> out;
  std::stringstream ss(field);
  std::string item;
  while (std::getline(ss, item, ' ')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// patterns.tsv: id, pattern, kind, confidence, positive examples, negative examples,
// needed letters (examples are tag strings separated by spaces; needed letters are
// groups separated by spaces, each group letters one of which a match holds).
Status LoadPatterns(std::string_view name, std::string_view content,
                    internal::CompiledPatterns& out) {
  return ForEachRow(name, content, [&](int line, std::vector<std::string> f) {
    if (f.size() < 4) return RuleError(name, line, "a pattern needs id, pattern, kind, confidence");
    internal::Pattern p;
    p.id = f[0];
    // Tag strings are ASCII, and so must patterns be: read as bytes (Latin-1), a
    // negated class is a few byte ranges instead of every UTF-8 sequence, which
    // keeps the programs small enough for RE2's backtracker (<= 512 instructions)
    // rather than its slower NFA when captures are extracted. Same matches on ASCII.
    if (std::any_of(f[1].begin(), f[1].end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      return RuleError(name, line, "rule " + p.id + ": patterns are ASCII, like the tag strings they read");
    }
    p.re = std::make_unique<RE2>(f[1], internal::PatternOptions());
    if (!p.re->ok()) {
      return RuleError(name, line, "rule " + p.id + ": " + p.re->error() + " at '" +
                                       p.re->error_arg() + "'");
    }
    p.kind = f[2];
    p.context = p.kind == "context";
    p.coordinated_id = p.id + "+coordinated";
    p.groups = p.re->NumberOfCapturingGroups();
    const std::map<std::string, int>& named = p.re->NamedCapturingGroups();
    auto index_of = [&](const char* group) {
      auto it = named.find(group);
      return it == named.end() ? -1 : it->second;
    };
    p.spk = index_of("spk");
    p.cue = index_of("cue");
    p.clause = index_of("clause");
    p.clause2 = index_of("clause2");
    char* end = nullptr;
    p.confidence = std::strtod(f[3].c_str(), &end);
    if (end == f[3].c_str() || p.confidence < 0 || p.confidence > 1) {
      return RuleError(name, line, "rule " + p.id + ": confidence must be a number in [0,1]");
    }
    if (f.size() > 4) p.positive = SplitExamples(f[4]);
    if (f.size() > 5) p.negative = SplitExamples(f[5]);
    for (const std::string& ex : p.positive) {
      if (!RE2::PartialMatch(ex, *p.re)) {
        return RuleError(name, line, "rule " + p.id + " does not match its example " + ex);
      }
    }
    for (const std::string& ex : p.negative) {
      if (RE2::PartialMatch(ex, *p.re)) {
        return RuleError(name, line, "rule " + p.id + " matches its counter-example " + ex);
      }
    }
    if (f.size() > 6) {
      for (const std::string& group : SplitExamples(f[6])) {
        internal::TagLetters letters;
        for (char c : group) letters.Add(c);
        p.needs.push_back(letters);
        // The declaration is data a matcher trusts: every example must bear it out.
        for (const std::string& ex : p.positive) {
          if (!letters.Meets(internal::TagLetters::Of(ex))) {
            return RuleError(name, line, "rule " + p.id + " needs one of " + group +
                                             " but matches its example " + ex + " without");
          }
        }
      }
    }
    p.dfa = internal::TagDfa::Build(f[1]);
    // The matcher trusts the automaton's no: one that refused an example is
    // not used (RE2 answers alone), so a reader's slip costs time, not matches.
    for (const std::string& ex : p.positive) {
      if (p.dfa != nullptr && !p.dfa->MayMatch(ex)) p.dfa.reset();
    }
    // Letters the automaton shows every match holds, beyond those declared
    // (a sentence lacking one skips the pattern's automaton altogether).
    if (p.dfa != nullptr) {
      for (const std::string& group : p.dfa->RequiredByteSets(kMaxDerivedGroup)) {
        const internal::TagLetters letters = internal::TagLetters::Of(group);
        // A declared group inside this one already asks more.
        const bool implied = std::any_of(p.needs.begin(), p.needs.end(),
                                         [&](const internal::TagLetters& g) { return g.Within(letters); });
        if (!implied) p.needs.push_back(letters);
      }
    }
    out.patterns.push_back(std::move(p));
    return Status::Ok();
  });
}

}  // namespace

Result<RuleSet> LoadRulesFromFiles(
    const std::vector<std::pair<std::string, std::string>>& files) {
  RuleSet rules;
  auto patterns = std::make_shared<internal::CompiledPatterns>();
  for (const auto& [path, content] : files) {
    // Dispatch on the base name; messages carry the whole path.
    const std::string name = std::filesystem::path(path).filename().string();
    Status s;
    if (name == "abbreviations.tsv") s = LoadLexicon(path, content, 1, rules.abbreviations);
    else if (name == "speech_verbs.tsv") s = LoadLexicon(path, content, 4, rules.speech_verbs);
    else if (name == "titles.tsv") s = LoadLexicon(path, content, 3, rules.titles);
    else if (name == "anonymous.tsv") s = LoadLexicon(path, content, 2, rules.anonymous);
    else if (name == "organizations.tsv") s = LoadLexicon(path, content, 2, rules.organizations);
    else if (name == "channels.tsv") s = LoadLexicon(path, content, 2, rules.channels);
    else if (name == "function_words.tsv") s = LoadLexicon(path, content, 1, rules.function_words);
    else if (name == "forenames-en.tsv") s = LoadLexicon(path, content, 2, rules.forenames);
    else if (name == "patterns.tsv") s = LoadPatterns(path, content, *patterns);
    else s = Status(StatusCode::kRuleError, path + ": unknown rule file");
    if (!s.ok()) return s;
  }
  const internal::TagLetters cue_letters = internal::TagLetters::Of(internal::kCueLetters);
  patterns->every_pattern_needs_cue = std::all_of(
      patterns->patterns.begin(), patterns->patterns.end(), [&](const internal::Pattern& p) {
        return std::any_of(p.needs.begin(), p.needs.end(), [&](const internal::TagLetters& g) {
          return g.Within(cue_letters);
        });
      });
  // Forenames (32k of the ~34k words) are left out: they are asked by text, of
  // a few capitalised words, while every token is numbered; without them the
  // vocabulary's table stays in the core's nearest caches.
  rules.vocabulary.Build({&rules.abbreviations, &rules.speech_verbs, &rules.titles,
                          &rules.anonymous, &rules.organizations, &rules.channels,
                          &rules.function_words});
  patterns->word_tags = internal::WordTagTable(rules);
  rules.patterns = std::move(patterns);
  return rules;
}

namespace {
std::vector<std::pair<std::string, std::string>> BuiltinFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, content] : internal::BuiltinRuleFiles()) {
    files.emplace_back(std::string(name), std::string(content));
  }
  return files;
}
}  // namespace

Result<RuleSet> LoadBuiltinRules() { return LoadRulesFromFiles(BuiltinFiles()); }

Result<RuleSet> LoadRules(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(StatusCode::kNotFound, dir + ": not a rules directory");
  }
  std::vector<std::pair<std::string, std::string>> files = BuiltinFiles();
  for (auto& [name, content] : files) {
    fs::path p = fs::path(dir) / name;
    if (!fs::exists(p, ec)) p = fs::path(dir) / "lexicons" / name;
    if (!fs::exists(p, ec)) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status(StatusCode::kIoError, p.string() + ": cannot read rule file");
    std::ostringstream ss;
    ss << in.rdbuf();
    content = ss.str();
    name = p.string();
  }
  return LoadRulesFromFiles(files);
}

}  // namespace qg
