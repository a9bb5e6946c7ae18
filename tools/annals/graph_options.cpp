#include "graph_options.hpp"

#include "annals/core/error.hpp"

namespace annals::cli {

void add_window_flags(CLI::App& cmd, EventFlags& f) {
    auto date = [](const std::string& v) {
        return parse_date_bound(v, false) ? std::string{} : "expected YYYY, YYYY-MM or YYYY-MM-DD";
    };
    cmd.add_option("--from", f.from, "From this day (YYYY, YYYY-MM or YYYY-MM-DD)")->check(date);
    cmd.add_option("--to", f.to, "To this day, inclusive")->check(date);
}

void add_event_flags(CLI::App& cmd, EventFlags& f, bool with_modality) {
    cmd.add_option("--actor", f.actor, "Only events with this actor (name, alias or key)");
    cmd.add_option("--place", f.place, "Only events at this place");
    cmd.add_option("--type", f.type, "Only this event type or family (conflict, contact.meet ...)");
    if (with_modality)
        cmd.add_option("--modality", f.modality, "asserted, negated, hypothetical, future or reported")
            ->check(CLI::IsMember({"asserted", "negated", "hypothetical", "future", "reported"}));
    add_window_flags(cmd, f);
}

DateWindow date_window(const EventFlags& f) {
    DateWindow w;
    if (f.from) w.from = parse_date_bound(*f.from, false);
    if (f.to) w.to = parse_date_bound(*f.to, true);
    return w;
}

EventFilter event_filter(const EventFlags& f, const NameIndex& names) {
    EventFilter out;
    if (f.actor) out.actor = names.require(*f.actor);
    if (f.place) out.place = names.require(*f.place);
    out.type = f.type;
    out.modality = f.modality;
    out.window = date_window(f);
    return out;
}

} // namespace annals::cli
