#include "annals/export/render.hpp"

#include "annals/core/error.hpp"
#include "annals/export/dot.hpp"
#include "annals/export/graphviz_guard.hpp"
#include "annals/export/select.hpp"

#include <graphviz/gvc.h>

#include <cctype>
#include <memory>
#include <string_view>

namespace annals {
namespace {

std::string choose_layout(const KnowledgeGraph& kg, const RenderOptions& o) {
    if (!o.layout.empty()) return o.layout;
    if (kg.node_count() <= o.dot_limit) return "dot";
    return kg.node_count() <= o.neato_limit ? "neato" : "sfdp";
}

std::string join_notes(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return b.empty() ? a : a + "; " + b;
}

/// The process's one Graphviz context, made on first use and kept: Graphviz 2.42's text
/// sizing (the pango plugin) remembers the last font name across contexts, so freeing a
/// context and making another reads freed memory. Used only under the GraphvizGuard lock.
GVC_t* shared_context() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}

/// Layout and rendering with the objects freed in the right order whatever happens.
class GraphvizRun {
public:
    explicit GraphvizRun(const std::string& dot) : gvc_(shared_context()), g_(agmemread(dot.c_str())) {}
    ~GraphvizRun() {
        if (g_ && laid_out_) gvFreeLayout(gvc_, g_);
        if (g_) agclose(g_);
    }
    GraphvizRun(const GraphvizRun&) = delete;
    GraphvizRun& operator=(const GraphvizRun&) = delete;

    [[nodiscard]] bool parsed() const noexcept { return gvc_ && g_; }
    [[nodiscard]] bool layout(const std::string& engine) {
        laid_out_ = gvLayout(gvc_, g_, engine.c_str()) == 0;
        return laid_out_;
    }
    [[nodiscard]] bool render(const char* format, std::string& out) {
        char* data = nullptr;
        unsigned int size = 0;
        if (gvRenderData(gvc_, g_, format, &data, &size) != 0 || !data) return false;
        out.assign(data, size);
        gvFreeRenderData(data);
        return true;
    }

private:
    GVC_t* gvc_;
    Agraph_t* g_;
    bool laid_out_ = false;
};

/// Cairo stamps PDFs with the time they were made; the digits are replaced (same length, so
/// the file's byte offsets hold) by 1970-01-01, so the same graph gives the same bytes.
void fix_pdf_dates(std::string& pdf) {
    static constexpr std::string_view kEpoch = "19700101000000";
    for (const std::string_view key : {"/CreationDate (D:", "/ModDate (D:"}) {
        const std::size_t at = pdf.find(key);
        if (at == std::string::npos) continue;
        for (std::size_t i = 0, p = at + key.size(); i < kEpoch.size() && p < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf[p])); ++i, ++p)
            pdf[p] = kEpoch[i];
    }
}

} // namespace

const char* image_format_name(ImageFormat f) noexcept {
    switch (f) {
    case ImageFormat::svg: return "svg";
    case ImageFormat::png: return "png";
    case ImageFormat::pdf: return "pdf";
    }
    return "svg";
}

Rendered render_graph(const KnowledgeGraph& whole, ImageFormat format, const RenderOptions& o) {
    std::string cut;
    const KnowledgeGraph kg = most_connected(whole, o.max_nodes, o.max_edges, cut);
    Rendered r;
    r.layout = choose_layout(kg, o);
    r.nodes = kg.node_count();
    r.edges = kg.edge_count();
    DotOptions d;
    d.legend = r.layout == "dot" ? DotLegend::cluster : DotLegend::table;
    d.arrange = r.layout == "dot";
    d.edge_labels = kg.edge_count() <= o.edge_label_limit;
    r.note = join_notes(o.note, cut);
    if (!d.edge_labels) r.note = join_notes(r.note, "edge labels left out");
    d.note = r.note;
    const std::string dot = to_dot(kg, d);

    const detail::GraphvizGuard guard;
    GraphvizRun run(dot);
    if (!run.parsed()) throw Error(Errc::render, "", "Graphviz does not read the DOT: " + guard.messages());
    if (!run.layout(r.layout)) throw Error(Errc::render, "", "layout " + r.layout + " failed: " + guard.messages());
    if (!run.render(image_format_name(format), r.bytes))
        throw Error(Errc::render, "", std::string("rendering ") + image_format_name(format) + " failed: " + guard.messages());
    if (format == ImageFormat::pdf) fix_pdf_dates(r.bytes);
    return r;
}

} // namespace annals
