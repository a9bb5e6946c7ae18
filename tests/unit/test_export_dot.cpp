// DOT and pictures: Graphviz's own parser reads what write_dot makes, names survive, the
// legend lists the styles, and the renderer draws each format.
#include "test_export_fixture.hpp"
#include "test_graph_util.hpp"

#include "annals/core/error.hpp"
#include "annals/export/dot.hpp"
#include "annals/export/escape.hpp"
#include "annals/export/render.hpp"
#include "annals/export/style.hpp"

#include <catch2/catch.hpp>

using namespace annals;

namespace {

/// What cgraph gives back for a label written as dot_escape(text): its parser undoes only
/// the quote escapes (the other escapes are Graphviz label escapes, kept in the value).
std::string as_parsed(const std::string& text) {
    std::string escaped = dot_escape(text), out;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped[i] == '\\' && i + 1 < escaped.size() && escaped[i + 1] == '"') continue;
        if (escaped[i] == '\\' && i + 1 < escaped.size() && escaped[i + 1] == '\\') {
            out += "\\\\";
            ++i;
            continue;
        }
        out += escaped[i];
    }
    return out;
}

} // namespace

TEST_CASE("export: dot_escape quotes, backslashes, newlines, controls, entities and bad UTF-8", "[export]") {
    CHECK(dot_escape("a\"b") == "a\\\"b");
    CHECK(dot_escape("a\\") == "a\\\\");
    CHECK(dot_escape("x\ny\t") == "x\\ny ");
    CHECK(dot_escape("<b>Bold</b>") == "<b>Bold</b>");
    CHECK(dot_escape("R&amp;D & Co") == "R&amp;amp;D & Co");
    CHECK(dot_escape("\xF0\x9F\x9A\x80") == "\xF0\x9F\x9A\x80");
    CHECK(dot_escape("a\xFF") == "a\xEF\xBF\xBD");
}

TEST_CASE("export: DOT of tricky names parses with cgraph, labels and keys intact", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const std::string dot = to_dot(kg);
    const DotSummary s = read_dot_summary(dot);
    CHECK(s.legend_nodes == legend_styles(kg).size());
    CHECK(s.nodes == kg.node_count() + s.legend_nodes);
    CHECK(s.edges == kg.edge_count());
    REQUIRE(s.labels.size() == kg.node_count());
    for (Vertex v = 0; v < kg.node_count(); ++v) {
        CHECK(s.keys[v] == as_parsed(kg[v].key));
        CHECK(s.labels[v] == as_parsed(node_label(kg[v])));
    }
    const auto twin = kg.find("location:twin-harbour");
    REQUIRE(twin);
    CHECK(s.labels[*twin] == "Twin\\nHarbour");
    CHECK(to_dot(kg) == dot);
}

TEST_CASE("export: the graph of the record tests still parses, with and without legend", "[export]") {
    const auto kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    DotOptions o;
    o.legend = DotLegend::table;
    o.note = "a note with \"quotes\" & <tags>";
    const DotSummary s = read_dot_summary(to_dot(kg, o));
    CHECK(s.nodes == kg.node_count());
    CHECK(s.legend_nodes == 0);
    o.legend = DotLegend::none;
    o.edge_labels = false;
    CHECK(read_dot_summary(to_dot(kg, o)).edges == kg.edge_count());
    CHECK_THROWS_AS(read_dot_summary("digraph { a -> }"), Error);
}

TEST_CASE("export: pictures in SVG, PNG and PDF, small graphs by dot", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const Rendered svg = render_graph(kg, ImageFormat::svg);
    CHECK(svg.layout == "dot");
    CHECK(svg.note.empty());
    CHECK(svg.bytes.find("<svg") != std::string::npos);
    CHECK(svg.bytes.find("Back\\slash Union") != std::string::npos);
    CHECK(svg.bytes.find("&lt;b&gt;Bold&lt;/b&gt; Front") != std::string::npos);
    CHECK(render_graph(kg, ImageFormat::svg).bytes == svg.bytes);
    const Rendered png = render_graph(kg, ImageFormat::png);
    CHECK(png.bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    const std::string pdf = render_graph(kg, ImageFormat::pdf).bytes;
    CHECK(pdf.substr(0, 5) == "%PDF-");
    CHECK(pdf.find("/CreationDate (D:19700101000000") != std::string::npos);
    CHECK(render_graph(kg, ImageFormat::pdf).bytes == pdf);
}

TEST_CASE("export: a large graph is cut to its most connected nodes and says so", "[export]") {
    const KnowledgeGraph kg = export_fixture::synthetic_graph(400, 60, 10);
    RenderOptions o;
    o.max_nodes = 80;
    o.max_edges = 150;
    const Rendered r = render_graph(kg, ImageFormat::svg, o);
    CHECK(r.nodes <= 80);
    CHECK(r.edges <= 150);
    CHECK(r.layout == "neato");
    CHECK(r.note.find("cut to the 80 most connected of " + std::to_string(kg.node_count()) + " nodes") == 0);
    CHECK(r.bytes.find("cut to the 80 most connected") != std::string::npos);
    o.neato_limit = 60;
    CHECK(render_graph(kg, ImageFormat::svg, o).layout == "sfdp");
    o.layout = "no-such-layout";
    CHECK_THROWS_AS(render_graph(kg, ImageFormat::svg, o), Error);
}

TEST_CASE("export: pictures by dot lay unlinked nodes and the legend out in rows", "[export]") {
    KnowledgeGraph kg;
    for (int i = 0; i < 7; ++i) {
        VertexBundle n;
        n.key = "person:p" + std::to_string(i);
        n.name = "P" + std::to_string(i);
        n.type = i < 4 ? "person" : "organization";
        kg.add_node(n);
    }
    DotOptions o;
    const std::string plain = to_dot(kg, o);
    CHECK(plain.find("invis") == std::string::npos);
    CHECK(plain.find("cluster_unlinked") == std::string::npos);
    o.arrange = true;
    const std::string arranged = to_dot(kg, o);
    CHECK(arranged.find("subgraph \"cluster_unlinked\"") != std::string::npos);
    const DotSummary s = read_dot_summary(arranged);
    CHECK(s.nodes == 7 + 2);
    CHECK(s.edges == 5 + 1); // rows of five unlinked nodes (4 + 1 links), the legend's two styles in one row
    CHECK(render_graph(kg, ImageFormat::svg).layout == "dot");
}
