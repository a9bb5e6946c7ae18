// Cytoscape.js JSON and the CSV node and edge tables.
#include "annals/core/json_out.hpp"
#include "annals/export/escape.hpp"
#include "annals/export/fields.hpp"
#include "annals/export/formats.hpp"
#include "annals/export/style.hpp"

#include <charconv>
#include <set>

namespace annals {
namespace {

using detail::FieldType;
using detail::kEdgeFields;
using detail::kNodeFields;
using json::key;
using json::put;
using json::Writer;

/// A class name: the style group with spaces as dashes.
std::string css_class(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == ' ') c = '-';
    return out;
}

/// Graphviz shapes as Cytoscape.js shapes.
const char* cy_shape(std::string_view graphviz) {
    if (graphviz == "box") return "round-rectangle";
    if (graphviz == "house") return "pentagon";
    if (graphviz == "invhouse") return "rhomboid";
    if (graphviz == "cylinder") return "barrel";
    if (graphviz == "hexagon") return "hexagon";
    return graphviz == "octagon" ? "octagon" : "ellipse";
}

template <std::size_t N>
void put_values(Writer& w, const std::array<detail::FieldDef, N>& fields, const std::array<std::optional<std::string>, N>& values) {
    for (std::size_t i = 0; i < N; ++i) {
        if (!values[i]) continue;
        key(w, fields[i].name);
        const std::string& v = *values[i];
        if (fields[i].type == FieldType::string) {
            put(w, valid_utf8(v));
        } else if (fields[i].type == FieldType::integer) {
            w.Int64(std::stoll(v));
        } else {
            double d = 0;
            std::from_chars(v.data(), v.data() + v.size(), d);
            w.Double(d);
        }
    }
}

void put_style(Writer& w, const std::string& selector, const std::vector<std::pair<const char*, std::string>>& props) {
    w.StartObject();
    key(w, "selector"); put(w, selector);
    key(w, "style");
    w.StartObject();
    for (const auto& [k, v] : props) {
        key(w, k);
        put(w, v);
    }
    w.EndObject();
    w.EndObject();
}

void put_styles(Writer& w, const KnowledgeGraph& kg) {
    w.StartArray();
    put_style(w, "node", {{"label", "data(label)"}, {"text-wrap", "wrap"}, {"text-valign", "center"},
                          {"font-size", "10px"}, {"background-color", "data(color)"}, {"border-width", "1px"},
                          {"border-color", "#555555"}});
    for (const NodeStyle* s : legend_styles(kg)) put_style(w, "node." + css_class(s->group), {{"shape", cy_shape(s->shape)}});
    put_style(w, "edge", {{"label", "data(label)"}, {"curve-style", "bezier"}, {"target-arrow-shape", "triangle"},
                          {"line-color", "data(color)"}, {"target-arrow-color", "data(color)"}, {"font-size", "8px"}});
    put_style(w, "edge.located_in", {{"line-style", "dashed"}});
    w.EndArray();
}

template <std::size_t N>
void csv_header(std::ostream& out, const char* leading, const std::array<detail::FieldDef, N>& fields) {
    out << leading;
    for (const auto& f : fields) out << ',' << f.name;
    out << "\r\n";
}

template <std::size_t N>
void csv_values(std::ostream& out, const std::array<std::optional<std::string>, N>& values) {
    for (const auto& v : values) out << ',' << (v ? csv_field(*v) : std::string());
    out << "\r\n";
}

} // namespace

std::string to_cytoscape_json(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    const GraphTimes times = graph_times(kg);
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    key(w, "format_version"); put(w, "1.0");
    key(w, "generated_by"); put(w, "annals");
    key(w, "target_cytoscapejs_version"); put(w, "~3");
    key(w, "data");
    w.StartObject();
    key(w, "documents"); w.Uint64(kg.documents.size());
    w.EndObject();
    key(w, "elements");
    w.StartObject();
    key(w, "nodes");
    w.StartArray();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        w.StartObject();
        key(w, "data");
        w.StartObject();
        key(w, "id"); put(w, valid_utf8(g[v].key));
        put_values(w, kNodeFields, detail::node_values(g[v], times.nodes[v]));
        w.EndObject();
        key(w, "classes"); put(w, std::string(node_kind_name(g[v].kind)) + " " + css_class(node_style(g[v]).group));
        w.EndObject();
    }
    w.EndArray();
    key(w, "edges");
    w.StartArray();
    std::size_t i = 0;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
            w.StartObject();
            key(w, "data");
            w.StartObject();
            key(w, "id"); put(w, "e" + std::to_string(i));
            key(w, "source"); put(w, valid_utf8(g[v].key));
            key(w, "target"); put(w, valid_utf8(g[boost::target(e, g)].key));
            put_values(w, kEdgeFields, detail::edge_values(g[e], times.edges[i]));
            w.EndObject();
            key(w, "classes"); put(w, std::string(edge_kind_name(g[e].kind)));
            w.EndObject();
            ++i;
        }
    w.EndArray();
    w.EndObject();
    key(w, "style");
    put_styles(w, kg);
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

void write_nodes_csv(const KnowledgeGraph& kg, std::ostream& out) {
    const Graph& g = kg.graph();
    const GraphTimes times = graph_times(kg);
    csv_header(out, "Id,Label", kNodeFields);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const auto values = detail::node_values(g[v], times.nodes[v]);
        out << csv_field(g[v].key) << ',' << csv_field(*values[0]);
        csv_values(out, values);
    }
}

void write_edges_csv(const KnowledgeGraph& kg, std::ostream& out) {
    const Graph& g = kg.graph();
    const GraphTimes times = graph_times(kg);
    csv_header(out, "Source,Target,Type,Id", kEdgeFields);
    std::size_t i = 0;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
            out << csv_field(g[v].key) << ',' << csv_field(g[boost::target(e, g)].key) << ",Directed,e" << i;
            csv_values(out, detail::edge_values(g[e], times.edges[i]));
            ++i;
        }
}

} // namespace annals
