#include "annals/export/dot.hpp"

#include "annals/core/error.hpp"
#include "annals/export/escape.hpp"
#include "annals/export/graphviz_guard.hpp"
#include "annals/export/style.hpp"

#include <graphviz/cgraph.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>

namespace annals {
namespace {

/// A quoted DOT string.
std::string q(std::string_view s) { return "\"" + dot_escape(s) + "\""; }

/// A label: each line shortened, then escaped as a whole.
std::string label_of(const std::string& text, std::size_t max_bytes) {
    std::string out;
    std::size_t from = 0;
    while (true) {
        const std::size_t nl = text.find('\n', from);
        out += shorten(std::string_view(text).substr(from, nl - from), max_bytes);
        if (nl == std::string::npos) break;
        out += '\n';
        from = nl + 1;
    }
    return q(out);
}

std::string html_escape(std::string_view s) { return xml_escape(s, true); }

/// A compact legend table (a colour swatch and a name per style) with the note beside it, as
/// one HTML-like label; side by side, so a long note does not stretch the legend.
std::string legend_table(const KnowledgeGraph& kg, const std::string& note) {
    std::string t = "<<table border=\"0\" cellspacing=\"8\"><tr><td valign=\"bottom\">";
    t += "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">";
    t += "<tr><td colspan=\"2\"><b>Legend</b></td></tr>";
    for (const NodeStyle* s : legend_styles(kg))
        t += std::string("<tr><td bgcolor=\"") + s->fill + "\" width=\"24\"></td><td align=\"left\">" +
             html_escape(std::string(s->group) + " (" + s->shape + ")") + "</td></tr>";
    t += "</table></td>";
    if (!note.empty()) t += "<td valign=\"bottom\" align=\"left\">" + html_escape(note) + "</td>";
    return t + "</tr></table>>";
}

void write_header(const KnowledgeGraph& kg, std::ostream& out, const DotOptions& o) {
    out << "digraph \"annals\" {\n";
    out << "  graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", fontsize=\"14\", rankdir=\"LR\", "
           "overlap=\"prism\", overlap_scaling=\"2\", sep=\"+8\", outputorder=\"edgesfirst\", pad=\"0.3\", "
           "nodesep=\"0.3\", ranksep=\"0.6\", labelloc=\"b\", labeljust=\"l\"";
    if (o.legend == DotLegend::table) out << ", label=" << legend_table(kg, o.note);
    else if (!o.note.empty()) out << ", label=" << q(o.note);
    out << "];\n";
    out << "  node [fontname=\"DejaVu Sans\", fontsize=\"12\", style=\"filled\", color=\"#555555\", margin=\"0.08,0.04\"];\n";
    out << "  edge [fontname=\"DejaVu Sans\", fontsize=\"10\", fontcolor=\"#333333\", arrowsize=\"0.7\"];\n";
}

/// Invisible edges chaining `names` in rows of `per_row`: the dot layout stacks unlinked
/// nodes in one long column, and rows of a grid read better.
void write_rows(const std::vector<std::string>& names, std::size_t per_row, std::ostream& out) {
    for (std::size_t i = 0; i + 1 < names.size(); ++i)
        if ((i + 1) % per_row != 0) out << "    \"" << names[i] << "\" -> \"" << names[i + 1] << "\" [style=\"invis\"];\n";
}

void write_legend_cluster(const KnowledgeGraph& kg, std::ostream& out, bool arrange) {
    out << "  subgraph \"cluster_legend\" {\n";
    out << "    graph [label=\"Legend\", style=\"rounded\", color=\"#999999\", fontsize=\"12\"];\n";
    std::vector<std::string> names;
    for (const NodeStyle* s : legend_styles(kg)) {
        names.push_back("legend_" + std::to_string(names.size()));
        out << "    \"" << names.back() << "\" [label=" << q(s->group) << ", shape=" << q(s->shape)
            << ", fillcolor=" << q(s->fill) << ", fontsize=\"10\"];\n";
    }
    if (arrange) write_rows(names, 4, out);
    out << "  }\n";
}

/// Nodes without edges, gathered in a cluster and laid out in rows.
void write_unlinked(const Graph& g, std::ostream& out) {
    std::vector<std::string> names;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (boost::out_degree(v, g) == 0 && boost::in_degree(v, g) == 0) names.push_back("n" + std::to_string(v));
    if (names.size() < 4) return;
    out << "  subgraph \"cluster_unlinked\" {\n";
    out << "    graph [label=\"not linked to anything shown\", style=\"rounded,dashed\", color=\"#999999\", fontsize=\"12\"];\n";
    for (const auto& n : names) out << "    \"" << n << "\";\n";
    write_rows(names, 5, out);
    out << "  }\n";
}

void write_node(const Graph& g, Vertex v, std::ostream& out, const DotOptions& o) {
    const VertexBundle& n = g[v];
    const NodeStyle& s = node_style(n);
    out << "  \"n" << v << "\" [label=" << label_of(node_label(n), o.max_label_bytes) << ", key=" << q(n.key)
        << ", kind=" << q(node_kind_name(n.kind)) << ", type=" << q(n.type) << ", shape=" << q(s.shape)
        << ", fillcolor=" << q(s.fill) << ", tooltip=" << q(n.key);
    if (n.kind == NodeKind::event) out << ", style=\"rounded,filled\"";
    out << "];\n";
}

void write_edge(const Graph& g, Edge e, std::ostream& out, const DotOptions& o) {
    const EdgeBundle& b = g[e];
    const double pen = 1.0 + std::log2(static_cast<double>(std::max<std::size_t>(b.weight, 1)));
    char penwidth[32];
    std::snprintf(penwidth, sizeof penwidth, "%.2f", std::min(pen, 6.0));
    out << "  \"n" << boost::source(e, g) << "\" -> \"n" << boost::target(e, g) << "\" [";
    if (o.edge_labels) out << "label=" << label_of(edge_label(b), o.max_label_bytes) << ", ";
    out << "kind=" << q(edge_kind_name(b.kind)) << ", type=" << q(b.type) << ", weight=\"" << b.weight
        << "\", color=" << q(edge_color(b)) << ", penwidth=\"" << penwidth << "\"";
    if (b.kind == EdgeKind::located_in) out << ", style=\"dashed\"";
    out << "];\n";
}

} // namespace

void write_dot(const KnowledgeGraph& kg, std::ostream& out, const DotOptions& o) {
    const Graph& g = kg.graph();
    write_header(kg, out, o);
    if (o.legend == DotLegend::cluster && kg.node_count() > 0) write_legend_cluster(kg, out, o.arrange);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) write_node(g, v, out, o);
    if (o.arrange) write_unlinked(g, out);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) write_edge(g, e, out, o);
    out << "}\n";
}

std::string to_dot(const KnowledgeGraph& kg, const DotOptions& o) {
    std::ostringstream s;
    write_dot(kg, s, o);
    return s.str();
}

DotSummary read_dot_summary(const std::string& dot) {
    const detail::GraphvizGuard guard;
    const std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> ag(agmemread(dot.c_str()), agclose);
    if (!ag) throw Error(Errc::bad_input, "", "DOT text does not parse: " + guard.messages());
    DotSummary s;
    s.nodes = static_cast<std::size_t>(agnnodes(ag.get()));
    s.edges = static_cast<std::size_t>(agnedges(ag.get()));
    std::map<long, std::pair<std::string, std::string>> found;
    for (Agnode_t* n = agfstnode(ag.get()); n; n = agnxtnode(ag.get(), n)) {
        const std::string name = agnameof(n);
        if (name.rfind("legend_", 0) == 0) {
            ++s.legend_nodes;
            continue;
        }
        const char* label = agget(n, const_cast<char*>("label"));
        const char* key = agget(n, const_cast<char*>("key"));
        const long id = name.size() > 1 && name[0] == 'n' ? std::atol(name.c_str() + 1) : -1;
        found[id] = {label ? label : "", key ? key : ""};
    }
    for (auto& [id, lk] : found) {
        s.labels.push_back(std::move(lk.first));
        s.keys.push_back(std::move(lk.second));
    }
    return s;
}

} // namespace annals
