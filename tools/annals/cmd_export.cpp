// annals export: the store's graph (or the part of it the selection flags choose) in one of
// the formats graph and timeline tools read, or as a picture.
#include "cli.hpp"
#include "graph_options.hpp"

#include "annals/events/ontology.hpp"
#include "annals/export/export.hpp"
#include "annals/export/select.hpp"
#include "annals/pipeline.hpp"
#include "annals/store/build_outputs.hpp"

#include <iostream>
#include <memory>
#include <unistd.h>

namespace annals::cli {
namespace {

struct ExportOptions {
    std::string db = kDefaultStore;
    ExportFormat format = ExportFormat::dot;
    std::string output;
    std::optional<std::string> focus;
    std::size_t hops = 2;
    std::vector<std::string> kinds;
    EventFlags events; ///< --type, --from, --to
    std::size_t min_weight = 0, top = 0;
    std::string layout;
    std::size_t max_nodes = RenderOptions{}.max_nodes;
    std::string data_dir;
};

GraphSelection selection_of(const ExportOptions& o, const NameIndex& names) {
    GraphSelection s;
    if (o.focus) s.focus = names.require(*o.focus);
    s.hops = o.hops;
    if (!o.kinds.empty()) {
        auto has = [&](const char* k) { return std::find(o.kinds.begin(), o.kinds.end(), k) != o.kinds.end(); };
        s.actors = has("actors");
        s.places = has("places");
        s.events = has("events");
    }
    s.type = o.events.type;
    s.window = date_window(o.events);
    s.min_weight = o.min_weight;
    s.top = o.top;
    return s;
}

/// Where output goes when -o is not given: text formats to stdout; pictures to stdout when it
/// is a file or pipe, else to graph.<ext> (a terminal cannot show them); csv and timeml to
/// the current folder.
std::string default_output(ExportFormat f) {
    if (f == ExportFormat::csv) return "./";
    if (f == ExportFormat::timeml) return "timeml";
    if (is_binary(f) && isatty(STDOUT_FILENO) == 1) return std::string("graph.") + export_format_name(f);
    return {};
}

void add_timeml_stage(ExportRequest& r, const std::string& data_dir, std::shared_ptr<const Pipeline>& pipeline,
                      std::shared_ptr<const Ontology>& ontology) {
    PipelineOptions popts;
    popts.data_dir = data_dir;
    pipeline = std::make_shared<const Pipeline>(popts);
    ontology = std::make_shared<const Ontology>(Ontology::load(data_dir.empty() ? default_data_dir() : data_dir));
    r.find_timexes = [pipeline](const Document& d) { return pipeline->extract(d).timexes; };
    r.class_of = [ontology](const std::string& type) {
        const EventType* t = ontology->find(type);
        return t ? t->timeml_class : std::string();
    };
}

/// The selected graph. --top alone reads only the top actors' part of the store, which on a
/// large store is far quicker than loading it whole; any other flag needs the whole graph.
KnowledgeGraph selected_graph(const ExportOptions& o) {
    const bool top_only = o.top > 0 && !o.focus && o.kinds.empty() && !o.events.type && !o.events.from &&
                          !o.events.to && o.min_weight == 0;
    if (top_only) return load_top_actors(o.db, o.top);
    KnowledgeGraph whole = load_graph(o.db);
    const GraphSelection s = selection_of(o, NameIndex(whole));
    if (!s.active()) return whole;
    return select_graph(whole, s);
}

int run_export(const ExportOptions& o) {
    const KnowledgeGraph kg = selected_graph(o);
    ExportRequest r;
    r.format = o.format;
    r.path = o.output.empty() ? default_output(o.format) : o.output;
    r.render.layout = o.layout;
    r.render.max_nodes = o.max_nodes;
    std::shared_ptr<const Pipeline> pipeline;
    std::shared_ptr<const Ontology> ontology;
    if (o.format == ExportFormat::timeml) add_timeml_stage(r, o.data_dir, pipeline, ontology);
    const ExportReport report = export_graph(kg, r, std::cout);
    std::cout.flush();
    for (const auto& f : report.files) std::cerr << "annals: wrote " << f.path << " (" << f.what << ")\n";
    if (!report.note.empty()) std::cerr << "annals: the picture is " << report.note << "\n";
    if (report.without_text > 0)
        std::cerr << "annals: " << report.without_text
                  << " documents have no sentences in the store (merged from records without their text); no TimeML for them\n";
    if (kg.node_count() == 0) std::cerr << "annals: the selection is empty\n";
    return ok;
}

} // namespace

void setup_export(CLI::App& app, Outcome& outcome) {
    auto o = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "Write the graph for graph and timeline tools, or draw it");
    cmd->add_option("--db", o->db, "The store")->capture_default_str();
    cmd->add_option("--format", o->format, "dot, svg, png, pdf, graphml, gexf, json, cytoscape, csv or timeml")
        ->required()
        ->transform(CLI::CheckedTransformer(export_formats(), CLI::ignore_case));
    cmd->add_option("-o,--output", o->output,
                    "File (csv: folder or prefix; timeml: folder). Default: stdout for text, graph.<ext> for pictures "
                    "on a terminal, the current folder for csv, timeml/ for timeml");
    cmd->add_option("--focus", o->focus, "Only what lies within --hops of this actor (name, alias or key)");
    cmd->add_option("--hops", o->hops, "Steps from --focus: a relation, or an event to all in it")->capture_default_str();
    cmd->add_option("--kinds", o->kinds, "Node kinds to keep: actors,places,events")
        ->delimiter(',')
        ->check(CLI::IsMember({"actors", "places", "events"}));
    cmd->add_option("--type", o->events.type, "Only events of this type or family (conflict, contact.meet ...)");
    add_window_flags(*cmd, o->events);
    cmd->add_option("--min-weight", o->min_weight, "Only edges supported by at least this many sentences");
    cmd->add_option("--top", o->top, "Only the N most central actors (by distinct neighbours), their events and places");
    cmd->add_option("--layout", o->layout, "Pictures: force a Graphviz layout")
        ->check(CLI::IsMember({"dot", "neato", "sfdp", "fdp", "circo", "twopi"}));
    cmd->add_option("--max-nodes", o->max_nodes, "Pictures: cut larger graphs to their most connected nodes")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->capture_default_str();
    add_data_dir_option(*cmd, o->data_dir);
    cmd->callback([o, &outcome] { outcome.status = run_export(*o); });
}

} // namespace annals::cli
