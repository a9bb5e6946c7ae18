#pragma once
// Part of a store as a KnowledgeGraph: the nodes and edges a query reads, each complete
// (events with their sources, relations with their evidence), added in the order
// Store::load adds them. Vertex and edge order then agree with the whole graph's, so a
// query function gives the same answer on the part as on the whole.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/store/sqlite.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace annals::detail {

/// Collects keys and edges, then reads their rows in finish(). Entity sources are not
/// read (no query looks at them). The caller holds a read transaction. One thread.
class SubgraphLoader {
public:
    explicit SubgraphLoader(Db& db);

    /// A node by key; `event` says which table it is in.
    void node(const std::string& key, bool event);
    /// An event with all its participation edges, and its place edge when `with_place`.
    void event_with_edges(const std::string& key, bool with_place);
    /// The relation edges of entity `key` either way, only those with `other` when given.
    void relations_of(const std::string& key, const std::optional<std::string>& other);
    /// Every edge between two nodes added so far.
    void edges_among();
    /// Reads the rows and builds the graph.
    [[nodiscard]] KnowledgeGraph finish();

private:
    void add_node(KnowledgeGraph& kg, const std::string& key, bool event);
    void add_relation(KnowledgeGraph& kg, const std::tuple<std::string, std::string, std::string>& r);

    Db& db_;
    std::map<std::string, bool> nodes_; ///< key -> is an event
    std::set<std::tuple<std::string, std::string, std::string>> participations_; ///< (event, role, entity)
    std::map<std::string, std::string> locations_;                               ///< event -> place
    std::set<std::tuple<std::string, std::string, std::string>> relations_;      ///< (type, source, target)
    Stmt args_, place_, rel_from_, rel_to_, entity_, event_, sources_, relation_, evidence_;
};

} // namespace annals::detail
