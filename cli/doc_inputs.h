// The input loop shared by graph, audit, compare and report: read every input
// (engine/corpus.h), run the pipeline on articles that are not already
// extract's output, report bad records, and hand each processed Document to
// the command. Formatting stays in the commands.
//
//   int rc = ForEachDocument(*sub, "audit", inputs, errors_path,
//                            [&](Document& d) { audit.Add(d); return true; });
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/document.h"

namespace CLI {
class App;
}

namespace qg::cli {

// `fn` returns false to stop reading. With `need_text`, records of extract's
// output (which hold no article text) are reported as failed inputs. Returns kExitOk, kExitSomeFailed (some
// inputs failed, the rest were processed) or kExitUsage (rules unusable,
// --errors file not writable). `*processed` counts Documents passed to fn.
int ForEachDocument(const CLI::App& sub, const char* command,
                    const std::vector<std::string>& inputs, const std::string& errors_path,
                    const std::function<bool(Document&)>& fn, int* processed = nullptr,
                    bool need_text = false);

// Writes `text` to `path` ("-" or "" = stdout). False after printing why.
bool WriteWhole(const char* command, const std::string& path, const std::string& text);

}  // namespace qg::cli
