// annals query: questions to a store, answered as aligned text, JSON or CSV. Each question
// reads only the part of the store it needs; central and components read the whole graph.
#include "cli.hpp"
#include "graph_options.hpp"

#include "annals/store/store_query.hpp"

#include <iostream>
#include <map>
#include <memory>

namespace annals::cli {
namespace {

struct QueryOptions {
    std::string db = kDefaultStore;
    TableFormat format = TableFormat::text;
    std::string a, b;
    std::optional<std::string> type, relation;
    EventFlags events;
    Centrality by = Centrality::degree;
    std::size_t top = 10;
};

using Run = std::function<Table(StoreQuery&, const QueryOptions&)>;

int run_query(const QueryOptions& o, const Run& run) {
    StoreQuery store(o.db);
    const Table t = run(store, o);
    std::cout << render(t, o.format);
    if (t.rows.empty() && o.format == TableFormat::text) std::cerr << "annals: no results\n";
    return ok;
}

CLI::App* sub(CLI::App& query, const char* name, const char* help, std::shared_ptr<QueryOptions> opts, Outcome& outcome,
              Run run) {
    auto* cmd = query.add_subcommand(name, help);
    cmd->callback([opts, &outcome, run = std::move(run)] { outcome.status = run_query(*opts, run); });
    return cmd;
}

void add_pair_subcommands(CLI::App& q, const std::shared_ptr<QueryOptions>& o, Outcome& outcome) {
    auto* rel = sub(q, "relations", "Relations of an actor (with another) and their evidence sentences", o, outcome,
                    [](StoreQuery& s, const QueryOptions& x) {
                        return s.relations(x.a, x.b.empty() ? std::nullopt : std::optional<std::string>(x.b));
                    });
    rel->add_option("actor", o->a, "Name, alias or key")->required();
    rel->add_option("other", o->b, "Only relations with this actor (and shared events)");
    auto* path = sub(q, "path", "Shortest path between two actors, with the events and relations on it", o, outcome,
                     [](StoreQuery& s, const QueryOptions& x) { return s.path(x.a, x.b); });
    path->add_option("from", o->a, "Name, alias or key")->required();
    path->add_option("to", o->b, "Name, alias or key")->required();
}

void add_list_subcommands(CLI::App& q, const std::shared_ptr<QueryOptions>& o, Outcome& outcome) {
    auto* actors = sub(q, "actors", "Actors and places, by name", o, outcome,
                       [](StoreQuery& s, const QueryOptions& x) { return s.actors(x.type); });
    actors->add_option("--type", o->type, "person, organization, gpe, location, facility or group");
    auto* nb = sub(q, "neighbors", "Who an actor is linked to, by relation or shared event", o, outcome,
                   [](StoreQuery& s, const QueryOptions& x) { return s.neighbors(x.a, x.relation, date_window(x.events)); });
    nb->add_option("actor", o->a, "Name, alias or key")->required();
    nb->add_option("--relation", o->relation, "Only this relation or event type");
    add_window_flags(*nb, o->events);
    auto* ev = sub(q, "events", "Events, filtered by actor, place, type, modality and time", o, outcome,
                   [](StoreQuery& s, const QueryOptions& x) {
                       const EventFlags& f = x.events;
                       return s.events(EventQuery{f.actor, f.place, f.type, f.modality, date_window(f)});
                   });
    add_event_flags(*ev, o->events, true);
}

void add_graph_subcommands(CLI::App& q, const std::shared_ptr<QueryOptions>& o, Outcome& outcome) {
    auto* central = sub(q, "central", "Actors ranked by degree, betweenness or PageRank", o, outcome,
                        [](StoreQuery& s, const QueryOptions& x) { return central_table(s.whole(), x.by, x.top); });
    const std::map<std::string, Centrality> by{{"degree", Centrality::degree},
                                               {"betweenness", Centrality::betweenness},
                                               {"pagerank", Centrality::pagerank}};
    central->add_option("--by", o->by, "degree, betweenness or pagerank")->transform(CLI::CheckedTransformer(by, CLI::ignore_case));
    central->add_option("--top", o->top, "How many")->capture_default_str();
    sub(q, "components", "Connected parts of the graph, largest first", o, outcome,
        [](StoreQuery& s, const QueryOptions&) { return components_table(s.whole()); });
}

} // namespace

void setup_query(CLI::App& app, Outcome& outcome) {
    auto opts = std::make_shared<QueryOptions>();
    auto* q = app.add_subcommand("query", "Ask a store: actors, neighbors, relations, path, events, central, components");
    q->require_subcommand(1);
    q->add_option("--db", opts->db, "The store")->capture_default_str();
    const std::map<std::string, TableFormat> formats{
        {"text", TableFormat::text}, {"json", TableFormat::json}, {"csv", TableFormat::csv}};
    q->add_option("--format", opts->format, "text, json or csv")->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
    q->fallthrough();
    add_pair_subcommands(*q, opts, outcome);
    add_list_subcommands(*q, opts, outcome);
    add_graph_subcommands(*q, opts, outcome);
}

} // namespace annals::cli
