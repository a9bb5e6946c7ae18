// Reads a DOT file with Boost.Graph's read_graphviz, the consumer the DOT export promises, and
// prints what it found as one JSON object for the export consumer tests:
//   {"nodes": [{"id", "label", "key", "kind"}], "edges": [{"source", "target", "kind", "type", "weight"}]}
// Exit status 1 (with Boost's message) when the file does not parse.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

struct Node {
    std::string id, label, key, kind;
};
struct Link {
    std::string kind, type, weight;
};
using Dot = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Link>;

void put(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* k, const std::string& v) {
    w.Key(k);
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: annals_read_dot_boost FILE.dot\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Dot g;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("node_id", boost::get(&Node::id, g));
    dp.property("label", boost::get(&Node::label, g));
    dp.property("key", boost::get(&Node::key, g));
    dp.property("kind", boost::get(&Node::kind, g));
    dp.property("kind", boost::get(&Link::kind, g));
    dp.property("type", boost::get(&Link::type, g));
    dp.property("weight", boost::get(&Link::weight, g));
    try {
        if (!boost::read_graphviz(text, g, dp, "node_id")) {
            std::fprintf(stderr, "read_graphviz: not read\n");
            return 1;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "read_graphviz: %s\n", e.what());
        return 1;
    }
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        w.StartObject();
        put(w, "id", g[v].id);
        put(w, "label", g[v].label);
        put(w, "key", g[v].key);
        put(w, "kind", g[v].kind);
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        w.StartObject();
        put(w, "source", g[boost::source(e, g)].id);
        put(w, "target", g[boost::target(e, g)].id);
        put(w, "kind", g[e].kind);
        put(w, "type", g[e].type);
        put(w, "weight", g[e].weight);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::cout << buf.GetString() << '\n';
    return 0;
}
