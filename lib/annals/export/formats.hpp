#pragma once
/// The graph for visualisation and analysis tools: GraphML (yEd, Cytoscape desktop,
/// NetworkX, igraph), GEXF 1.3 with time intervals (Gephi's timeline), Cytoscape.js JSON and
/// CSV node and edge tables (Gephi's spreadsheet import, pandas). Each node and edge carries
/// the same attributes in every format (label, name, kind, type, subtype, lat, lon, aliases,
/// sources, date, earliest, latest, modality, group, color, shape; edges label, kind, type,
/// weight, earliest, latest, color). Node ids are the graph keys. All writers are
/// deterministic and thread-safe; text is escaped for its format.

#include "annals/graph/knowledge_graph.hpp"

#include <ostream>
#include <string>

namespace annals {

/// GraphML with a <key> declared for every attribute (typed string, long or double); an
/// absent value is left out. Edge ids "e0", "e1" ... in vertex then out-edge order.
void write_graphml(const KnowledgeGraph& kg, std::ostream& out);

/// GEXF 1.3, a dynamic graph (timeformat date, intervals): nodes and edges carry start and
/// end from event dates (see graph_times), open where unknown; viz colours as in the
/// pictures; edges have `kind` set to their role or relation, so parallel edges stay apart.
void write_gexf(const KnowledgeGraph& kg, std::ostream& out);

/// Cytoscape.js JSON: {"elements": {"nodes": [{"data": {"id", ...}, "classes"}], "edges":
/// [{"data": {"id", "source", "target", ...}, "classes"}]}, "style": [...]} with classes
/// by kind and style group, loadable by `cytoscape({elements, style})` or `cy.json()`.
[[nodiscard]] std::string to_cytoscape_json(const KnowledgeGraph& kg);

/// RFC 4180 CSV (CRLF line ends), a header row first. Nodes: Id, Label, then the node
/// attributes; edges: Source, Target, Type (always "Directed"), Id, then the edge
/// attributes: the columns Gephi's import reads.
void write_nodes_csv(const KnowledgeGraph& kg, std::ostream& out);
void write_edges_csv(const KnowledgeGraph& kg, std::ostream& out);

} // namespace annals
