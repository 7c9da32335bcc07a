// Finds speaker candidates: a small noun-phrase chunker over tokens, typed by lexicons.
//
// Approach: outside quotations, each sentence is scanned left to right. A
// pronoun is a mention by itself. Otherwise a chunk is read: a determiner or
// quantity prefix ("a", "two", "half a dozen"), then content words up to the
// first closed-class word, cue, punctuation or quotation mark. The longest
// prefix of the chunk that ends in a head we can type is the mention:
//  - a capitalised run at the very end of the chunk is a name; title words
//    inside or before it become descriptors ("Pentagon spokesman John Kirby");
//    the organisation lexicon, acronyms and head words ("Department", "Canada")
//    make it an institution, the forename list and titles a person;
//  - a lower-case head from anonymous.tsv makes an anonymous source, one from
//    organizations.tsv an institution ("the city", "a White House statement"),
//    a title a description of a person ("the mayor").
// A name must end its chunk because a capitalised word followed by more content
// words is a modifier or a sentence-initial common word ("Contingency planning").
// Linguistic caveat: without a parser, a sentence-initial capitalised common
// noun directly before a verb we do not know ("Green sealed") is missed as a
// name; that costs nothing unless it speaks, and speakers sit next to cues.
// Tested by tests/speakers_test.cc.
#include "engine/speakers.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "engine/internal/lexical.h"
#include "engine/internal/text_util.h"

namespace qg {
namespace {

using internal::AsciiLower;
using internal::IsCapitalized;
using internal::TokenText;

constexpr uint32_t kMaxChunk = 10;

int CountOf(std::string_view w) {
  static const char* kNumbers[] = {"zero", "one", "two", "three", "four", "five", "six",
                                   "seven", "eight", "nine", "ten", "eleven", "twelve"};
  std::string l = AsciiLower(w);
  for (int i = 0; i < 13; ++i) {
    if (l == kNumbers[i]) return i;
  }
  if (!l.empty() && std::all_of(l.begin(), l.end(), internal::IsAsciiDigit) && l.size() < 6) {
    return std::stoi(l);
  }
  return -1;
}

class Chunker {
 public:
  Chunker(const Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {
    quoted_ = internal::QuotedTokenMask(doc);
    cue_.assign(doc.tokens.size(), 0);
    for (const Cue& c : doc.cues) {
      for (uint32_t t = c.token; t < c.token_end && t < cue_.size(); ++t) cue_[t] = 1;
    }
    for (const QuotedRegion& r : doc.quoted) opening_marks_.insert(r.open_token);
    CollectMidSentenceCapitals();
  }

  std::vector<Mention> Run() {
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sent = doc_.sentences[s];
      uint32_t t = sent.token_begin;
      const size_t first = out_.size();
      while (t < sent.token_end) t = Step(s, t);
      MergeAppositions(first);
    }
    return std::move(out_);
  }

 private:
  std::string Lower(uint32_t t) const { return AsciiLower(TokenText(doc_, t)); }
  std::string_view Class(uint32_t t) const {
    // "Jan" "." is the month, "Jan" alone may be a first name.
    if (DotFollows(t, static_cast<uint32_t>(doc_.tokens.size()))) {
      std::string_view c = internal::WordClass(rules_, std::string(TokenText(doc_, t)) + ".");
      if (!c.empty()) return c;
    }
    bool poss = false;
    return internal::WordClass(rules_, internal::StripPossessive(TokenText(doc_, t), &poss));
  }
  bool Usable(uint32_t t, uint32_t end) const {
    return t < end && !quoted_[t] && !cue_[t] && doc_.tokens[t].kind != TokenKind::kPunct &&
           doc_.tokens[t].kind != TokenKind::kQuoteMark;
  }
  // A word followed by its own period token ("Mr" ".") reads as "mr.".
  bool DotFollows(uint32_t t, uint32_t end) const {
    return t + 1 < end && TokenText(doc_, t + 1) == "." &&
           doc_.tokens[t + 1].span.begin == doc_.tokens[t].span.end;
  }
  std::string WithDot(uint32_t t, uint32_t end) const {
    std::string w = Lower(t);
    if (w.back() != '.' && DotFollows(t, end)) w += '.';
    return w;
  }
  // Capitalised in a way that signals a name: a sentence-initial word the
  // lexicons know in lower case ("Officials", "The") is not a name.
  bool NameLike(uint32_t t, uint32_t sent_begin) const {
    std::string_view w = TokenText(doc_, t);
    if (!IsCapitalized(w) && !internal::IsAcronym(w)) return false;
    bool poss = false;
    std::string base = AsciiLower(internal::StripPossessive(w, &poss));
    std::string_view cls = Class(t);
    const bool initial = Initial(t, sent_begin);
    // "Ms. May", "Mr. Will": after an honorific any capitalised word is the name.
    if (t >= 2 && TokenText(doc_, t - 1) == "." &&
        rules_.titles.Field(Lower(t - 2) + ".", 1) == "honorific") {
      return true;
    }
    // "Theresa May", "June Smith": a capitalised modal or month inside a name.
    if (!cls.empty() && cls != "kicker" && !(initial == false && (cls == "aux" || cls == "time") && t > sent_begin &&
                          IsCapitalized(TokenText(doc_, t - 1)) && Class(t - 1).empty())) {
      return false;
    }
    if (initial && (rules_.anonymous.Contains(base) || rules_.titles.Contains(base) ||
                    rules_.speech_verbs.Contains(base) ||
                    rules_.organizations.Field(base, 0) == "doc")) {
      return false;
    }
    // A capitalised word that only ever opens sentences ("Mostly, he says",
    // "Cake") is no name unless the lexicons know it.
    if (initial && !midcap_.count(base) && !rules_.forenames.Contains(base) &&
        !rules_.organizations.Contains(base) && !internal::IsAcronym(w)) {
      return false;
    }
    return true;
  }

  // Capitals are forced at a sentence start, after an opening quotation mark or
  // a colon; after a closing mark ("“…,” McKegg said") they are the word's own.
  bool Initial(uint32_t t, uint32_t sent_begin) const {
    if (t == sent_begin) return true;
    if (doc_.tokens[t - 1].kind == TokenKind::kQuoteMark) return opening_marks_.count(t - 1) > 0;
    return TokenText(doc_, t - 1) == ":" || TokenText(doc_, t - 1) == "(";
  }

  // Words seen capitalised where capitals are not forced: names the text uses as names.
  void CollectMidSentenceCapitals() {
    for (const Sentence& s : doc_.sentences) {
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        if (doc_.tokens[t].kind != TokenKind::kWord || Initial(t, s.token_begin)) continue;
        std::string_view w = TokenText(doc_, t);
        if (!IsCapitalized(w)) continue;
        bool poss = false;
        midcap_.insert(AsciiLower(internal::StripPossessive(w, &poss)));
      }
    }
  }

  uint32_t Step(uint32_t s, uint32_t t) {
    const Sentence& sent = doc_.sentences[s];
    if (!Usable(t, sent.token_end) || doc_.tokens[t].kind != TokenKind::kWord) return t + 1;
    // "WATCH:", "READ MORE:", "EARNINGS:": a capitals-only kicker labels a line, it speaks not.
    if (t == sent.token_begin) {
      uint32_t k = t;
      while (k < sent.token_end && doc_.tokens[k].kind == TokenKind::kWord &&
             internal::IsAcronym(TokenText(doc_, k))) {
        ++k;
      }
      if (k > t && k < sent.token_end && TokenText(doc_, k) == ":") return k + 1;
    }
    std::string_view cls = Class(t);
    if (cls == "pron_m" || cls == "pron_f" || cls == "pron_n" || cls == "pron_p") {
      std::string w = Lower(t);
      // Only subject forms speak: "he", not "him" or "her".
      if (w == "he" || w == "she" || w == "it" || w == "they" || w == "he’s" || w == "she’s") {
        Mention m;
        m.kind = MentionKind::kPronoun;
        m.span = m.head = doc_.tokens[t].span;
        m.gender = cls == "pron_m" ? Gender::kMale : cls == "pron_f" ? Gender::kFemale
                   : cls == "pron_n" ? Gender::kNeuter : Gender::kPlural;
        m.source_kind = cls == "pron_n" ? SourceKind::kOrganization : SourceKind::kPerson;
        m.name = std::string(TokenText(doc_, t));
        m.token_begin = t;
        m.token_end = t + 1;
        m.sentence = s;
        out_.push_back(std::move(m));
      }
      return t + 1;
    }
    return Chunk(s, t);
  }

  // "Hiram Macharia, marketing executive at LG Electronics, said" and "His
  // lawyer, Zhang Dongshuo, said": a person's name and a description set off by
  // commas next to it are one mention, so the cue finds the name as its speaker.
  void MergeAppositions(size_t first) {
    auto comma_between = [&](const Mention& a, const Mention& b) {
      return b.token_begin == a.token_end + 1 && TokenText(doc_, a.token_end) == ",";
    };
    auto closed_after = [&](const Mention& m) {
      return m.token_end < doc_.tokens.size() && TokenText(doc_, m.token_end) == ",";
    };
    auto is_name = [](const Mention& m) {
      return m.kind == MentionKind::kName && m.source_kind == SourceKind::kPerson;
    };
    auto is_role = [](const Mention& m) {
      return m.kind == MentionKind::kDescription || m.kind == MentionKind::kAnonymous;
    };
    for (size_t i = first; i + 1 < out_.size(); ++i) {
      Mention& a = out_[i];
      Mention& b = out_[i + 1];
      if (!comma_between(a, b) || !closed_after(b)) continue;
      if (is_name(a) && is_role(b)) {
        a.descriptors.push_back(std::string(doc_.slice(b.span)));
        if (a.affiliation.empty()) a.affiliation = b.affiliation;
        if (a.gender == Gender::kUnknown && b.gender != Gender::kPlural) a.gender = b.gender;
        a.token_end = b.token_end;
        a.span.end = b.span.end;
        out_.erase(out_.begin() + static_cast<long>(i) + 1);
      } else if (is_role(a) && is_name(b)) {
        b.descriptors.push_back(std::string(doc_.slice(a.span)));
        if (b.affiliation.empty()) b.affiliation = a.affiliation;
        if (b.gender == Gender::kUnknown && a.gender != Gender::kPlural) b.gender = a.gender;
        b.token_begin = a.token_begin;
        b.span.begin = a.span.begin;
        out_.erase(out_.begin() + static_cast<long>(i));
      }
    }
  }

  // Reads the chunk starting at t; emits at most one mention; returns where to go on.
  uint32_t Chunk(uint32_t s, uint32_t t) {
    const Sentence& sent = doc_.sentences[s];
    const uint32_t end = sent.token_end;
    uint32_t i = t;
    int count = -1;
    // Prefix: determiners and quantities ("a", "the", "two", "half a dozen").
    while (Usable(i, end) && i - t < 4) {
      std::string_view cls = Class(i);
      // "that" before a name opens a clause ("said that Biden …"), never a speaker.
      if ((cls == "det" && Lower(i) != "that") || cls == "quant" ||
          doc_.tokens[i].kind == TokenKind::kNumber) {
        int c = CountOf(TokenText(doc_, i));
        std::string w = Lower(i);
        if (w == "half" && i + 2 < end && Lower(i + 2) == "dozen") count = 6;
        else if (w == "dozen" && count < 0) count = 12;
        else if (c >= 0 && count < 0) count = c;
        ++i;
      } else {
        break;
      }
    }
    const uint32_t body_begin = i;
    // Body: content words; "of"/"for"/"de" only between capitalised words ("Bank of Canada").
    while (Usable(i, end) && i - body_begin < kMaxChunk) {
      if (doc_.tokens[i].kind == TokenKind::kNumber) break;
      if (doc_.tokens[i].kind != TokenKind::kWord) {
        // "Mr" "." inside a name: the period belongs to the abbreviation.
        break;
      }
      std::string_view cls = Class(i);
      if (!cls.empty() && !NameLike(i, sent.token_begin)) {
        std::string w = Lower(i);
        bool connector = (w == "of" || w == "for" || w == "and") && i > body_begin &&
                         i + 1 < end && NameLike(i - 1, sent.token_begin) &&
                         Usable(i + 1, end) && NameLike(i + 1, sent.token_begin) && w != "and";
        if (!connector) break;
      }
      bool poss = false;
      internal::StripPossessive(TokenText(doc_, i), &poss);
      ++i;
      if (DotFollows(i - 1, end) && (rules_.titles.Contains(WithDot(i - 1, end)) ||
                                     rules_.abbreviations.Contains(WithDot(i - 1, end)) ||
                                     TokenText(doc_, i - 1).size() == 1)) {
        ++i;  // keep "Mr." and initials "F." inside the chunk
      }
      if (poss && !(Usable(i, end) && Class(i).empty())) break;
    }
    const uint32_t body_end = i;
    if (body_end == body_begin) {
      // "Some say": a quantity alone can be the speaker.
      if (body_begin > t && rules_.anonymous.Contains(Lower(body_begin - 1))) {
        Emit(s, t, body_begin, body_begin - 1, body_begin, count, MentionKind::kAnonymous,
             SourceKind::kAnonymous);
        return body_begin;
      }
      return std::max(body_begin, t + 1);
    }
    // Longest typed prefix.
    for (uint32_t j = body_end; j > body_begin; --j) {
      uint32_t h = j - 1;
      if (TokenText(doc_, h) == ".") {
        // "Samsung Electronics Co.": the abbreviation's period closes the name.
        if (h > body_begin && TryHead(s, t, body_begin, h - 1, j, j == body_end, count)) {
          return std::max(j, out_.back().token_end);
        }
        continue;
      }
      if (TryHead(s, t, body_begin, h, j, j == body_end, count)) {
        return std::max(j, out_.back().token_end);
      }
    }
    return body_end;
  }

  bool TryHead(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j,
               bool at_end, int count) {
    const Sentence& sent = doc_.sentences[s];
    bool poss = false;
    std::string head = AsciiLower(internal::StripPossessive(TokenText(doc_, h), &poss));
    // "MPs", "Democrats said": a plural the anonymous lexicon knows is a group, not a name.
    if (rules_.anonymous.Field(head, 0) == "pl" && rules_.anonymous.Field(head, 1) == "anonymous") {
      Emit(s, t, body_begin, h, j, count, MentionKind::kAnonymous, SourceKind::kAnonymous);
      return true;
    }
    if (NameLike(h, sent.token_begin)) {
      // A name followed by a word the lexicons do not know as a noun head is a
      // name before its verb ("Hua Chunying shot back"); before a known head it
      // is a modifier ("Surrey staff", "Pentagon spokesman").
      if (!at_end && !poss) {
        std::string next = Lower(h + 1);
        if (IsCapitalized(TokenText(doc_, h + 1)) || rules_.anonymous.Contains(next) ||
            rules_.organizations.Contains(next) || rules_.titles.Contains(next)) {
          return false;
        }
      }
      EmitName(s, t, body_begin, h, j);
      return true;
    }
    if (rules_.anonymous.Field(head, 1) == "anonymous") {
      Emit(s, t, body_begin, h, j, count, MentionKind::kAnonymous, SourceKind::kAnonymous);
      return true;
    }
    std::string_view org = rules_.organizations.Field(head, 0);
    if (org == "head" || org == "doc") {
      Emit(s, t, body_begin, h, j, count, MentionKind::kDescription, SourceKind::kOrganization);
      return true;
    }
    if (rules_.titles.Field(head, 1) == "office") {
      Emit(s, t, body_begin, h, j, count, MentionKind::kDescription, SourceKind::kPerson);
      return true;
    }
    return false;
  }

  std::string Text(uint32_t a, uint32_t b) const {
    if (a >= b) return {};
    return std::string(doc_.slice(Span{doc_.tokens[a].span.begin, doc_.tokens[b - 1].span.end}));
  }

  // The capitalised run ending at h, with its connectors.
  uint32_t RunStart(uint32_t body_begin, uint32_t h, uint32_t sent_begin) const {
    uint32_t r = h;
    while (r > body_begin) {
      uint32_t p = r - 1;
      if (TokenText(doc_, p) == "." && p > body_begin) { r = p; continue; }
      std::string w = Lower(p);
      if (NameLike(p, sent_begin) || rules_.titles.Field(WithDot(p, h + 1), 1) == "honorific" ||
          ((w == "of" || w == "for" || w == "von" || w == "van" ||
                                       w == "der" || w == "de" || w == "la" || w == "du" ||
                                       w == "da" || w == "bin" || w == "al") && p > body_begin)) {
        r = p;
      } else {
        break;
      }
    }
    return r;
  }

  void EmitName(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j) {
    const Sentence& sent = doc_.sentences[s];
    uint32_t run = RunStart(body_begin, h, sent.token_begin);
    // The last office title inside the run splits descriptor from name:
    // "European Commission President | Ursula von der Leyen".
    uint32_t name_begin = run;
    Gender gender = Gender::kUnknown;
    bool titled = false;
    for (uint32_t k = run; k <= h; ++k) {
      std::string w = WithDot(k, j);
      std::string_view cls = rules_.titles.Field(w, 1);
      if (cls == "office" && k < h) {
        name_begin = k + 1;
        titled = true;
      }
      if (cls == "honorific") {
        titled = true;
        std::string_view g = rules_.titles.Field(w, 0);
        if (g == "male") gender = Gender::kMale;
        if (g == "female") gender = Gender::kFemale;
        // Honorifics stay in the mention but not in the name.
        if (k == name_begin) name_begin = DotFollows(k, j) ? k + 2 : k + 1;
      }
    }
    if (name_begin > h) name_begin = h;
    // Words before a name describe it only when a title or an institution is
    // among them ("Pentagon spokesman John Kirby"); "to deter Putin" has none.
    if (run > body_begin) {
      bool describes = false;
      for (uint32_t k = body_begin; k < run; ++k) {
        if (rules_.titles.Contains(Lower(k)) || IsCapitalized(TokenText(doc_, k))) describes = true;
      }
      if (!describes) {
        t = run;
        body_begin = run;
      }
    }
    // Lower-case descriptor words before the run ("Pentagon spokesman").
    for (uint32_t k = body_begin; k < run; ++k) {
      std::string_view g = rules_.titles.Field(Lower(k), 0);
      if (!g.empty()) titled = true;
      if (g == "male") gender = Gender::kMale;
      if (g == "female") gender = Gender::kFemale;
    }
    for (uint32_t k = run; k < name_begin; ++k) {
      std::string_view g = rules_.titles.Field(WithDot(k, j), 0);
      if (g == "male") gender = Gender::kMale;
      if (g == "female") gender = Gender::kFemale;
    }
    Mention m;
    m.kind = MentionKind::kName;
    m.token_begin = t;
    m.token_end = j;
    m.sentence = s;
    m.span = Span{doc_.tokens[t].span.begin, doc_.tokens[j - 1].span.end};
    m.head = Span{doc_.tokens[name_begin].span.begin, doc_.tokens[h].span.end};
    bool poss = false;
    std::string name = Text(name_begin, h + 1);
    std::string_view last = internal::StripPossessive(TokenText(doc_, h), &poss);
    if (poss) {
      name.resize(name.size() - (TokenText(doc_, h).size() - last.size()));
      m.head.end -= static_cast<uint32_t>(TokenText(doc_, h).size() - last.size());
      m.span.end = m.head.end;
      m.possessive = true;
    }
    m.name = name;
    if (name_begin > body_begin) {
      m.descriptors.push_back(Text(body_begin, name_begin));
      m.affiliation = Affiliation(body_begin, name_begin, j);
    }
    // Person or institution?
    std::string lname = AsciiLower(name);
    std::string first = AsciiLower(TokenText(doc_, name_begin));
    std::string_view last_type = rules_.organizations.Field(AsciiLower(last), 0);
    std::string_view first_type = rules_.organizations.Field(first, 0);
    bool acronym = internal::IsAcronym(last) && name_begin == h;
    // "CANADIAN PRESS FILE", "READ MORE": capitals throughout are a credit or a kicker.
    bool shouting = h > name_begin && internal::IsAcronym(TokenText(doc_, name_begin)) &&
                    internal::IsAcronym(last);
    std::string_view name_type = rules_.organizations.Field(lname, 0);
    bool org = name_type == "name" || name_type == "place" || last_type == "head" ||
               LocativeBefore(t) ||
               (first_type == "head" && h > name_begin) || (acronym && !titled) || shouting;
    if (titled && !rules_.organizations.Contains(lname)) org = false;
    m.source_kind = org ? SourceKind::kOrganization : SourceKind::kPerson;
    if (!org) ExtendAffiliation(m, j, sent.token_end);
    if (org) {
      m.gender = Gender::kNeuter;
      if (AsciiLower(TokenText(doc_, t)) == "the" && t < name_begin) {
        // "the White House": the article is no part of the name.
      }
    } else {
      std::string_view g = rules_.forenames.Field(first, 0);
      if (gender == Gender::kUnknown) {
        gender = g == "male" ? Gender::kMale : g == "female" ? Gender::kFemale : Gender::kUnknown;
      }
      m.gender = gender;
    }
    out_.push_back(std::move(m));
  }

  // "Tim Guest with the Nova Scotia Health Authority", "Kent Moore at the
  // University of Toronto": the institution after a person's name is part of
  // the mention, so the speaker before the cue is the person, not the institution.
  void ExtendAffiliation(Mention& m, uint32_t j, uint32_t end) const {
    if (j + 1 >= end || !Usable(j, end)) return;
    std::string w = Lower(j);
    if (w != "with" && w != "of" && w != "at" && w != "from" && w != "for") return;
    uint32_t k = j + 1;
    if (Usable(k, end) && Lower(k) == "the") ++k;
    uint32_t start = k;
    while (k < end && Usable(k, end) && k - start < 8 &&
           (IsCapitalized(TokenText(doc_, k)) ||
            (k > start && (Lower(k) == "of" || Lower(k) == "for") && k + 1 < end &&
             IsCapitalized(TokenText(doc_, k + 1))))) {
      ++k;
    }
    if (k == start) return;
    std::string org = Text(start, k);
    std::string_view type = rules_.organizations.Field(AsciiLower(org), 0);
    std::string_view last = rules_.organizations.Field(AsciiLower(TokenText(doc_, k - 1)), 0);
    std::string_view first = rules_.organizations.Field(AsciiLower(TokenText(doc_, start)), 0);
    if (type != "name" && last != "head" && first != "head") return;
    m.token_end = k;
    m.span.end = doc_.tokens[k - 1].span.end;
    if (m.affiliation.empty()) m.affiliation = org;
  }

  // A name after "in", "from", "near" is a place ("in Montreal", "from Nova Scotia").
  bool LocativeBefore(uint32_t t) const {
    if (t == 0 || doc_.tokens[t - 1].kind != TokenKind::kWord) return false;
    std::string w = Lower(t - 1);
    return w == "in" || w == "from" || w == "near" || w == "across" || w == "into" ||
           w == "throughout" || w == "outside" || w == "inside";
  }

  // The institution named among descriptor words: their capitalised run.
  std::string Affiliation(uint32_t a, uint32_t b, uint32_t end) const {
    uint32_t best_a = b, best_b = b;
    for (uint32_t k = a; k < b;) {
      if (IsCapitalized(TokenText(doc_, k)) && rules_.titles.Field(WithDot(k, end), 1).empty() &&
          Class(k).empty()) {
        uint32_t e = k;
        while (e < b && IsCapitalized(TokenText(doc_, e)) &&
               rules_.titles.Field(WithDot(e, end), 1).empty()) {
          ++e;
        }
        best_a = k;
        best_b = e;
        k = e;
      } else {
        ++k;
      }
    }
    return best_a < best_b ? Text(best_a, best_b) : std::string();
  }

  void Emit(uint32_t s, uint32_t t, uint32_t body_begin, uint32_t h, uint32_t j, int count,
            MentionKind kind, SourceKind source_kind) {
    const Sentence& sent = doc_.sentences[s];
    Mention m;
    m.kind = kind;
    m.source_kind = source_kind;
    m.sentence = s;
    m.count = count;
    m.token_begin = t;
    uint32_t end = j;
    // Post-modifiers of anonymous sources: "familiar with the matter", "for Trudeau".
    if (source_kind == SourceKind::kAnonymous ||
        (source_kind == SourceKind::kPerson && kind == MentionKind::kDescription)) {
      end = PostModifier(j, sent.token_end);
    }
    m.token_end = end;
    m.span = Span{doc_.tokens[t].span.begin, doc_.tokens[end - 1].span.end};
    m.head = doc_.tokens[h].span;
    m.name = Text(t, end);
    std::string first = Lower(t);
    if (IsCapitalized(m.name) && !Class(t).empty()) m.name[0] = static_cast<char>(first[0]);
    if (IsCapitalized(m.name) && t == sent.token_begin && rules_.anonymous.Contains(first)) {
      m.name[0] = static_cast<char>(first[0]);
    }
    std::string head = Lower(h);
    m.gender = rules_.anonymous.Field(head, 0) == "pl" ? Gender::kPlural : Gender::kUnknown;
    if (source_kind == SourceKind::kOrganization) m.gender = Gender::kNeuter;
    std::string_view g = rules_.titles.Field(head, 0);
    if (g == "male") m.gender = Gender::kMale;
    if (g == "female") m.gender = Gender::kFemale;
    m.affiliation = Affiliation(body_begin, h, j);
    if (h > body_begin) m.descriptors.push_back(Text(body_begin, h + 1));
    // "a White House statement": the document speaks for the institution it names.
    if (source_kind == SourceKind::kOrganization && !m.affiliation.empty() &&
        rules_.organizations.Field(head, 0) == "doc") {
      m.kind = MentionKind::kName;
      m.name = m.affiliation;
    }
    if (source_kind == SourceKind::kAnonymous) m.anonymity_reason = Reason(end, sent.token_end);
    out_.push_back(std::move(m));
  }

  // Length in tokens of a phrase from `lex` starting at t with class `cls`, or 0.
  uint32_t PhraseAt(const Lexicon& lex, std::string_view cls, uint32_t t, uint32_t end) const {
    std::string phrase;
    uint32_t best = 0;
    for (uint32_t k = t; k < end && k - t < lex.max_words(); ++k) {
      if (doc_.tokens[k].kind != TokenKind::kWord) break;
      if (!phrase.empty()) phrase += ' ';
      phrase += Lower(k);
      if (lex.Field(phrase, 1) == cls) best = k - t + 1;
    }
    return best;
  }

  uint32_t PostModifier(uint32_t j, uint32_t end) const {
    if (j >= end || quoted_[j]) return j;
    uint32_t len = PhraseAt(rules_.anonymous, "postmod", j, end);
    if (len > 0) {
      uint32_t k = j + len;
      uint32_t limit = std::min(end, k + 5);
      while (k < limit && Usable(k, end) && doc_.tokens[k].kind == TokenKind::kWord &&
             Class(k) != "aux" && Class(k) != "wh") {
        ++k;
      }
      return k;
    }
    std::string w = Lower(j);
    if ((w == "for" || w == "at" || w == "with" || w == "of" || w == "in") && j + 1 < end &&
        Usable(j + 1, end)) {
      uint32_t k = j + 1;
      if (Class(k) == "det") ++k;
      uint32_t start = k;
      while (k < end && Usable(k, end) && IsCapitalized(TokenText(doc_, k)) && k - start < 5) ++k;
      if (k > start) return k;
    }
    return j;
  }

  std::string Reason(uint32_t j, uint32_t end) const {
    for (uint32_t k = j; k < end && k < j + 30; ++k) {
      uint32_t len = PhraseAt(rules_.anonymous, "reason", k, end);
      if (len > 0) return Text(k, k + len);
    }
    return {};
  }

  const Document& doc_;
  const RuleSet& rules_;
  std::vector<uint8_t> quoted_;
  std::vector<uint8_t> cue_;
  std::unordered_set<std::string> midcap_;
  std::unordered_set<uint32_t> opening_marks_;
  std::vector<Mention> out_;
};

}  // namespace

std::vector<Mention> FindMentions(const Document& doc, const RuleSet& rules) {
  return Chunker(doc, rules).Run();
}

}  // namespace qg
