// annals timeline: the store's events in time order, as text or for timeline tools.
#include "cli.hpp"
#include "graph_options.hpp"

#include "annals/store/store_query.hpp"
#include "annals/timeline/timeline.hpp"

#include <iostream>
#include <map>
#include <memory>

namespace annals::cli {
namespace {

struct TimelineOptions {
    std::string db = kDefaultStore;
    EventFlags events;
    TimelineFormat format = TimelineFormat::text;
};

/// Reads only the events the filters select (all of them when there are none).
int run_timeline(const TimelineOptions& o) {
    StoreQuery store(o.db);
    const EventFlags& f = o.events;
    const EventSelection s = store.select_events(EventQuery{f.actor, f.place, f.type, f.modality, date_window(f)});
    std::cout << render_timeline(build_timeline(s.graph, s.filter), o.format);
    return ok;
}

} // namespace

void setup_timeline(CLI::App& app, Outcome& outcome) {
    auto opts = std::make_shared<TimelineOptions>();
    auto* cmd = app.add_subcommand("timeline", "The events of a store in time order");
    cmd->add_option("--db", opts->db, "The store")->capture_default_str();
    add_event_flags(*cmd, opts->events);
    const std::map<std::string, TimelineFormat> formats{{"text", TimelineFormat::text},
                                                        {"json", TimelineFormat::json},
                                                        {"timelinejs", TimelineFormat::timelinejs},
                                                        {"vis", TimelineFormat::vis},
                                                        {"csv", TimelineFormat::csv}};
    cmd->add_option("--format", opts->format, "text, json, timelinejs, vis or csv")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
    cmd->callback([opts, &outcome] { outcome.status = run_timeline(*opts); });
}

} // namespace annals::cli
