// SVG through libgvc: the only file that includes gvc.h.
//
// The DOT from WriteDot is parsed back with agmemread and laid out, so SVG and
// DOT always show the same graph. Every Graphviz resource is owned by a small
// RAII type, released in reverse order even on early return: the parsed graph,
// its layout and the rendered buffer; the context is process-wide (see below).
//
// Bounded time: `dot` layout is super-linear (crossing minimisation), so past
// RenderOptions::dot_layout_limit sources we switch to sfdp (multilevel
// force-directed, near n log n), and past max_drawn_sources we draw only the
// top sources. Both decisions are reported in `notes` for the CLI's stderr.
//
// Tested by tests/graph_clients_test.cc and tests/large_graph_test.cc.
#include <graphviz/gvc.h>

#include <mutex>
#include <string>

#include "graphs/internal/graph_impl.h"

namespace qg::graphs {
namespace {

class GvcContext {
 public:
  GvcContext() : gvc_(gvContext()) {}
  ~GvcContext() {
    if (gvc_) gvFreeContext(gvc_);
  }
  GvcContext(const GvcContext&) = delete;
  GvcContext& operator=(const GvcContext&) = delete;
  GVC_t* get() const { return gvc_; }

 private:
  GVC_t* gvc_;
};

class ParsedGraph {
 public:
  explicit ParsedGraph(const std::string& dot) : g_(agmemread(dot.c_str())) {}
  ~ParsedGraph() {
    if (g_) agclose(g_);
  }
  ParsedGraph(const ParsedGraph&) = delete;
  ParsedGraph& operator=(const ParsedGraph&) = delete;
  Agraph_t* get() const { return g_; }

 private:
  Agraph_t* g_;
};

// Must be destroyed before the graph it lays out (declared after it).
class GraphLayout {
 public:
  GraphLayout(GVC_t* gvc, Agraph_t* g, const char* engine)
      : gvc_(gvc), g_(g), ok_(gvLayout(gvc, g, engine) == 0) {}
  ~GraphLayout() {
    if (ok_) gvFreeLayout(gvc_, g_);
  }
  GraphLayout(const GraphLayout&) = delete;
  GraphLayout& operator=(const GraphLayout&) = delete;
  bool ok() const { return ok_; }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool ok_;
};

class RenderBuffer {
 public:
  RenderBuffer(GVC_t* gvc, Agraph_t* g, const char* format) {
    ok_ = gvRenderData(gvc, g, format, &data_, &length_) == 0;
  }
  ~RenderBuffer() {
    if (data_) gvFreeRenderData(data_);
  }
  RenderBuffer(const RenderBuffer&) = delete;
  RenderBuffer& operator=(const RenderBuffer&) = delete;
  bool ok() const { return ok_ && data_; }
  std::string str() const { return std::string(data_, length_); }

 private:
  char* data_ = nullptr;
  unsigned int length_ = 0;
  bool ok_ = false;
};

}  // namespace

Result<std::string> RenderSvg(const SpeakerGraph& g, const RenderOptions& options,
                              std::vector<std::string>* notes) {
  auto note = [&](std::string s) {
    if (notes) notes->push_back(std::move(s));
  };
  const SpeakerGraph* drawn = &g;
  SpeakerGraph cut;
  if (options.max_drawn_sources > 0 && g.source_count() > options.max_drawn_sources) {
    size_t ds = 0, dq = 0;
    cut = KeepTopSources(g, options.max_drawn_sources, &ds, &dq);
    drawn = &cut;
    note("graph: drew the top " + std::to_string(options.max_drawn_sources) + " of " +
         std::to_string(g.source_count()) + " sources; left out " + std::to_string(ds) +
         " sources with " + std::to_string(dq) +
         " quotes (use --top N or --min-quotes N, or -o .graphml/.json for everything)");
  }
  Layout layout = options.layout;
  if (layout == Layout::kDot && drawn->source_count() > options.dot_layout_limit) {
    layout = Layout::kSfdp;
    note("graph: " + std::to_string(drawn->source_count()) + " sources is past the dot layout " +
         "limit of " + std::to_string(options.dot_layout_limit) + "; using --layout sfdp");
  }
  std::string dot = WriteDot(*drawn, options.legend);

  // Graphviz warnings (e.g. about fonts) go to stderr on their own; only
  // errors matter to us and they surface through the return codes below.
  agseterr(AGERR);
  // One context for the whole process, never freed: Graphviz 2.42's pango
  // plugin caches a pointer to the last font name, which lives in the
  // context's font dictionary, so freeing a context and rendering again with
  // a new one reads freed memory (seen under ASan). Graphviz is not
  // thread-safe either, hence the lock.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  static GvcContext* const shared = new GvcContext;
  const GvcContext& gvc = *shared;
  if (!gvc.get()) return Status(StatusCode::kInternal, "graphviz: cannot create a context");
  ParsedGraph parsed(dot);
  if (!parsed.get()) return Status(StatusCode::kInternal, "graphviz: cannot parse generated DOT");
  GraphLayout laid(gvc.get(), parsed.get(), LayoutName(layout));
  if (!laid.ok())
    return Status(StatusCode::kInternal,
                  std::string("graphviz: layout '") + LayoutName(layout) + "' failed");
  RenderBuffer svg(gvc.get(), parsed.get(), "svg");
  if (!svg.ok()) return Status(StatusCode::kInternal, "graphviz: SVG rendering failed");
  return svg.str();
}

}  // namespace qg::graphs
