// STUB
#include "engine/resolve.h"
namespace qg {
void ResolveSources(const RuleSet&, Document&) {}
}  // namespace qg
