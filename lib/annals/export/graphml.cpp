// GraphML and GEXF 1.3, written as a stream (no DOM: a large graph need not fit twice).
#include "annals/export/escape.hpp"
#include "annals/export/fields.hpp"
#include "annals/export/formats.hpp"
#include "annals/export/style.hpp"

namespace annals {
namespace {

using detail::kEdgeFields;
using detail::kNodeFields;

std::string attr(std::string_view s) { return "\"" + xml_escape(s, true) + "\""; }

template <std::size_t N>
void graphml_keys(std::ostream& out, const std::array<detail::FieldDef, N>& fields, const char* for_what,
                  const char* prefix) {
    for (std::size_t i = 0; i < N; ++i)
        out << "  <key id=\"" << prefix << i << "\" for=\"" << for_what << "\" attr.name=\"" << fields[i].name
            << "\" attr.type=\"" << detail::graphml_type(fields[i].type) << "\"/>\n";
}

template <std::size_t N>
void graphml_data(std::ostream& out, const std::array<std::optional<std::string>, N>& values, const char* prefix) {
    for (std::size_t i = 0; i < N; ++i)
        if (values[i]) out << "      <data key=\"" << prefix << i << "\">" << xml_escape(*values[i]) << "</data>\n";
}

/// GEXF attvalues, leaving out the fields GEXF has its own XML attributes for.
template <std::size_t N>
void gexf_values(std::ostream& out, const std::array<detail::FieldDef, N>& fields,
                 const std::array<std::optional<std::string>, N>& values) {
    out << "        <attvalues>\n";
    for (std::size_t i = 0; i < N; ++i) {
        const std::string_view name = fields[i].name;
        if (values[i] && name != "label" && name != "weight")
            out << "          <attvalue for=" << attr(name) << " value=" << attr(*values[i]) << "/>\n";
    }
    out << "        </attvalues>\n";
}

template <std::size_t N>
void gexf_declare(std::ostream& out, const std::array<detail::FieldDef, N>& fields, const char* cls) {
    out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
    for (const auto& f : fields) {
        const std::string_view name = f.name;
        if (name == "label" || name == "weight") continue;
        out << "      <attribute id=" << attr(name) << " title=" << attr(name) << " type=\"" << detail::gexf_type(f.type)
            << "\"/>\n";
    }
    out << "    </attributes>\n";
}

void time_attrs(std::ostream& out, const TimeSpan& s) {
    if (!s.start.empty()) out << " start=" << attr(s.start);
    if (!s.end.empty()) out << " end=" << attr(s.end);
}

} // namespace

void write_graphml(const KnowledgeGraph& kg, std::ostream& out) {
    const Graph& g = kg.graph();
    const GraphTimes times = graph_times(kg);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    out << "  <key id=\"g0\" for=\"graph\" attr.name=\"documents\" attr.type=\"long\"/>\n";
    graphml_keys(out, kNodeFields, "node", "n");
    graphml_keys(out, kEdgeFields, "edge", "e");
    out << "  <graph id=\"annals\" edgedefault=\"directed\">\n";
    out << "    <data key=\"g0\">" << kg.documents.size() << "</data>\n";
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        out << "    <node id=" << attr(g[v].key) << ">\n";
        graphml_data(out, detail::node_values(g[v], times.nodes[v]), "n");
        out << "    </node>\n";
    }
    std::size_t i = 0;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
            out << "    <edge id=\"e" << i << "\" source=" << attr(g[v].key) << " target=" << attr(g[boost::target(e, g)].key)
                << ">\n";
            graphml_data(out, detail::edge_values(g[e], times.edges[i]), "e");
            out << "    </edge>\n";
            ++i;
        }
    out << "  </graph>\n</graphml>\n";
}

void write_gexf(const KnowledgeGraph& kg, std::ostream& out) {
    const Graph& g = kg.graph();
    const GraphTimes times = graph_times(kg);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
    out << "  <meta>\n    <creator>annals</creator>\n    <description>Event knowledge graph: actors, places and "
           "events</description>\n  </meta>\n";
    out << "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n";
    gexf_declare(out, kNodeFields, "node");
    gexf_declare(out, kEdgeFields, "edge");
    out << "    <nodes>\n";
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const auto values = detail::node_values(g[v], times.nodes[v]);
        out << "      <node id=" << attr(g[v].key) << " label=" << attr(*values[0]);
        time_attrs(out, times.nodes[v]);
        out << ">\n";
        gexf_values(out, kNodeFields, values);
        const Rgb c = parse_rgb(node_style(g[v]).fill);
        out << "        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b << "\"/>\n      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    std::size_t i = 0;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
            const auto values = detail::edge_values(g[e], times.edges[i]);
            out << "      <edge id=\"e" << i << "\" source=" << attr(g[v].key) << " target=" << attr(g[boost::target(e, g)].key)
                << " kind=" << attr(g[e].type) << " label=" << attr(*values[0]) << " weight=\"" << g[e].weight << "\"";
            time_attrs(out, times.edges[i]);
            out << ">\n";
            gexf_values(out, kEdgeFields, values);
            out << "      </edge>\n";
            ++i;
        }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

} // namespace annals
