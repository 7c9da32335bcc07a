// The chunker's facts of vocabulary words (see internal/word_facts.h).
// Tested by tests/speakers_test.cc.
#include "engine/internal/word_facts.h"

#include "engine/internal/text_util.h"

namespace qg::internal {

Fn FnOf(std::string_view cls) {
  if (cls.empty()) return Fn::kNone;
  static constexpr std::pair<std::string_view, Fn> kCodes[] = {
      {"det", Fn::kDet},       {"quant", Fn::kQuant}, {"pron_m", Fn::kPronM}, {"pron_f", Fn::kPronF},
      {"pron_n", Fn::kPronN},  {"pron_p", Fn::kPronP}, {"aux", Fn::kAux},      {"time", Fn::kTime},
      {"wh", Fn::kWh},         {"kicker", Fn::kKicker}};
  for (const auto& [name, code] : kCodes) {
    if (cls == name) return code;
  }
  return Fn::kOther;
}

namespace {

// The words the chunker compares tokens with, by the fact that names their set.
constexpr std::pair<WordFact, std::string_view> kClosedSets[] = {
    {kSubjectPronoun, "he"}, {kSubjectPronoun, "she"}, {kSubjectPronoun, "it"},
    {kSubjectPronoun, "they"}, {kSubjectPronoun, "he’s"}, {kSubjectPronoun, "she’s"},
    {kThat, "that"}, {kHalf, "half"}, {kDozen, "dozen"},
    {kOfFor, "of"}, {kOfFor, "for"},
    {kNameConnector, "of"}, {kNameConnector, "for"}, {kNameConnector, "von"},
    {kNameConnector, "van"}, {kNameConnector, "der"}, {kNameConnector, "de"},
    {kNameConnector, "la"}, {kNameConnector, "du"}, {kNameConnector, "da"},
    {kNameConnector, "bin"}, {kNameConnector, "al"},
    {kAffiliationLink, "with"}, {kAffiliationLink, "of"}, {kAffiliationLink, "at"},
    {kAffiliationLink, "from"}, {kAffiliationLink, "for"},
    {kThe, "the"},
    {kLocative, "in"}, {kLocative, "from"}, {kLocative, "near"}, {kLocative, "across"},
    {kLocative, "into"}, {kLocative, "throughout"}, {kLocative, "outside"}, {kLocative, "inside"},
    {kPostmodLink, "for"}, {kPostmodLink, "at"}, {kPostmodLink, "with"}, {kPostmodLink, "of"},
    {kPostmodLink, "in"},
};

constexpr std::string_view kNumbers[] = {"zero", "one", "two",   "three",  "four",  "five",  "six",
                                         "seven", "eight", "nine", "ten", "eleven", "twelve"};

std::string_view FieldOf(const std::vector<std::string>* fields, size_t i) {
  return fields == nullptr || i >= fields->size() ? std::string_view() : std::string_view((*fields)[i]);
}

}  // namespace

const VocabularyFacts& VocabularyFacts::Of(const RuleSet& rules) {
  thread_local VocabularyFacts facts;
  if (facts.serial_ != rules.vocabulary.serial() || facts.entries_.size() != rules.vocabulary.size() + 1) {
    facts.Build(rules);
  }
  return facts;
}

void VocabularyFacts::Build(const RuleSet& rules) {
  const size_t n = rules.vocabulary.size() + 1;  // WordId 0 is the unknown word
  entries_.assign(n, Entry{});
  for (uint32_t w = 0; w < n; ++w) {
    const WordId id{w};
    uint32_t b = 0;
    if (const std::vector<std::string>* a = rules.anonymous.Find(id)) {
      b |= kAnonymous;
      const std::string_view number = FieldOf(a, 0), cls = FieldOf(a, 1);
      if (cls == "anonymous") b |= kAnonymousSource;
      if (number == "pl") b |= kPluralNoun;
      if (cls == "postmod") b |= kPostmod;
      if (cls == "reason") b |= kReason;
    }
    if (rules.anonymous.StartsPhrase(id)) b |= kAnonymousPhrase;
    if (const std::vector<std::string>* o = rules.organizations.Find(id)) {
      b |= kOrganization;
      const std::string_view type = FieldOf(o, 0);
      if (type == "head") b |= kOrgHead;
      if (type == "doc") b |= kOrgDoc;
      if (type == "name") b |= kOrgName;
      if (type == "place") b |= kOrgPlace;
    }
    if (rules.organizations.StartsPhrase(id)) b |= kOrgPhrase;
    if (const std::vector<std::string>* t = rules.titles.Find(id)) {
      b |= kTitle;
      const std::string_view gender = FieldOf(t, 0), cls = FieldOf(t, 1);
      if (cls == "office") b |= kOffice;
      if (cls == "honorific") b |= kHonorific;
      if (!cls.empty()) b |= kTitleClass;
      if (gender == "male") b |= kMaleTitle;
      if (gender == "female") b |= kFemaleTitle;
      if (!gender.empty()) b |= kGenderedTitle;
    }
    if (rules.speech_verbs.Contains(id)) b |= kSpeechVerb;
    if (rules.abbreviations.Contains(id)) b |= kAbbreviation;
    entries_[w].bits = b;
    entries_[w].code = FnOf(rules.function_words.Field(id, 0));
  }
  for (Entry& e : entries_) {
    e.traits = static_cast<uint8_t>((e.code == Fn::kNone ? kNoClass : 0) |
                                    ((e.bits & (kAnonymousSource | kOrgHead | kOrgDoc | kOffice)) ? kHeadWord : 0));
  }
  missing_mask_ = 0;
  missing_.clear();
  for (const auto& [fact, word] : kClosedSets) {
    const WordId id = rules.vocabulary.Id(word);
    if (id.known()) {
      entries_[id.value].bits |= fact;
    } else {
      missing_mask_ |= fact;
      missing_.emplace_back(fact, word);
    }
  }
  missing_numbers_.clear();
  for (int i = 0; i < 13; ++i) {
    const WordId id = rules.vocabulary.Id(kNumbers[i]);
    if (id.known()) entries_[id.value].number = static_cast<int8_t>(i);
    else missing_numbers_.emplace_back(i, kNumbers[i]);
  }
  serial_ = rules.vocabulary.serial();
}

int VocabularyFacts::NumberWordOf(std::string_view text) const {
  for (const auto& [number, word] : missing_numbers_) {
    if (FoldedIs(text, word)) return number;
  }
  return -1;
}

bool VocabularyFacts::MissingIs(std::string_view text, uint32_t facts) const {
  for (const auto& [fact, word] : missing_) {
    if ((fact & facts) && FoldedIs(text, word)) return true;
  }
  return false;
}

}  // namespace qg::internal
