#include "annals/graph/export.hpp"

#include "annals/core/error.hpp"
#include "annals/graph/event_date.hpp"

#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <graphviz/cgraph.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>

namespace annals {
namespace {

const char* shape_of(NodeKind k) {
    switch (k) {
    case NodeKind::actor: return "ellipse";
    case NodeKind::place: return "house";
    case NodeKind::event: return "box";
    }
    return "ellipse";
}

const char* color_of(NodeKind k) {
    switch (k) {
    case NodeKind::actor: return "#cfe2f3";
    case NodeKind::place: return "#d9ead3";
    case NodeKind::event: return "#fce5cd";
    }
    return "white";
}

std::string node_text(const VertexBundle& n) {
    if (n.kind != NodeKind::event) return n.name;
    const EventDate d = event_date(n);
    return n.type + "\n" + n.name + (d.label.empty() ? "" : "\n" + d.label);
}

} // namespace

std::string dot_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';
        else out += c;
    }
    if (!out.empty() && out.back() == '\\') out += ' ';
    return out;
}

void write_dot(const KnowledgeGraph& kg, std::ostream& out) {
    const Graph& g = kg.graph();
    auto vfun = [&g](auto f) { return boost::make_function_property_map<Vertex, std::string>([&g, f](Vertex v) { return f(g[v]); }); };
    auto efun = [&g](auto f) { return boost::make_function_property_map<Edge, std::string>([&g, f](Edge e) { return f(g[e]); }); };
    boost::dynamic_properties dp;
    dp.property("node_id", boost::make_function_property_map<Vertex, std::string>([](Vertex v) { return "n" + std::to_string(v); }));
    dp.property("label", vfun([](const VertexBundle& n) { return dot_safe(node_text(n)); }));
    dp.property("key", vfun([](const VertexBundle& n) { return dot_safe(n.key); }));
    dp.property("kind", vfun([](const VertexBundle& n) { return std::string(node_kind_name(n.kind)); }));
    dp.property("shape", vfun([](const VertexBundle& n) { return std::string(shape_of(n.kind)); }));
    dp.property("style", vfun([](const VertexBundle&) { return std::string("filled"); }));
    dp.property("fillcolor", vfun([](const VertexBundle& n) { return std::string(color_of(n.kind)); }));
    dp.property("label", efun([](const EdgeBundle& e) { return dot_safe(e.type); }));
    dp.property("kind", efun([](const EdgeBundle& e) { return std::string(edge_kind_name(e.kind)); }));
    dp.property("weight", efun([](const EdgeBundle& e) { return std::to_string(e.weight); }));
    boost::write_graphviz_dp(out, g, dp, "node_id");
}

DotSummary read_dot_summary(const std::string& dot) {
    Agraph_t* ag = agmemread(dot.c_str());
    if (!ag) throw Error(Errc::bad_input, "", "DOT text does not parse");
    DotSummary s;
    s.nodes = static_cast<std::size_t>(agnnodes(ag));
    s.edges = static_cast<std::size_t>(agnedges(ag));
    std::map<long, std::string> labels;
    for (Agnode_t* n = agfstnode(ag); n; n = agnxtnode(ag, n)) {
        const char* name = agnameof(n);
        const char* label = agget(n, const_cast<char*>("label"));
        labels[name && name[0] == 'n' ? std::atol(name + 1) : -1] = label ? label : "";
    }
    for (auto& [id, l] : labels) s.labels.push_back(std::move(l));
    agclose(ag);
    return s;
}

} // namespace annals
