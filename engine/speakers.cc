// STUB
#include "engine/speakers.h"
namespace qg {
std::vector<Mention> FindMentions(const Document&, const RuleSet&) { return {}; }
}  // namespace qg
