#pragma once
/// Timelines: the graph's events ordered by their time, each with its date precision and
/// where its date came from, and the formats timeline tools read.

#include "annals/graph/event_date.hpp"
#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/query.hpp"

#include <string>
#include <vector>

namespace annals {

/// The schema name of the project's own timeline JSON.
inline constexpr const char* kTimelineSchema = "annals.timeline/1";

/// One event on a timeline.
struct TimelineEntry {
    std::string key, type, trigger, modality;
    EventDate date;
    std::vector<std::string> actors; ///< names, sorted
    std::string place;               ///< name, or empty
    std::size_t sources = 0;         ///< distinct documents reporting it
    Evidence evidence;               ///< the first report's sentence
};

/// Dated entries in time order (interval start, then before < on < after at the same day,
/// then interval end, then key), and undated ones apart, by key.
struct Timeline {
    std::vector<TimelineEntry> dated, undated;
};

/// The events matching `f` (see events_table) as a timeline. Thread-safe.
[[nodiscard]] Timeline build_timeline(const KnowledgeGraph& kg, const EventFilter& f);

enum class TimelineFormat { text, json, timelinejs, vis, csv };

/// Human-readable lines: date, precision, source, type, actors, place, quoted sentence.
[[nodiscard]] std::string timeline_text(const Timeline& t);
/// The project's JSON (schemas/timeline.schema.json).
[[nodiscard]] std::string timeline_json(const Timeline& t);
/// TimelineJS3: {"events": [{start_date {year, month, day}, text {headline, text}, group}]};
/// undated events are left out (TimelineJS needs a date), "before" dates carry display_date.
[[nodiscard]] std::string timeline_timelinejs(const Timeline& t);
/// vis-timeline: {"items": [{id, content, start, end?, group, title}], "groups": [{id, content}]}.
[[nodiscard]] std::string timeline_vis(const Timeline& t);
/// RFC 4180 CSV, one row per entry, undated last.
[[nodiscard]] std::string timeline_csv(const Timeline& t);
/// One of the five.
[[nodiscard]] std::string render_timeline(const Timeline& t, TimelineFormat f);

} // namespace annals
