#pragma once
// Options shared by query and timeline: the event filters and their resolution.

#include "cli.hpp"

#include "annals/graph/query.hpp"
#include "annals/graph/resolve.hpp"

#include <optional>
#include <string>

namespace annals::cli {

/// Where query and timeline look when --db is not given: build's default folder.
inline constexpr const char* kDefaultStore = "annals-out/annals.db";

/// --actor, --place, --type, --modality, --from, --to as typed.
struct EventFlags {
    std::optional<std::string> actor, place, type, modality, from, to;
};

/// Adds the event filter options; `with_modality` adds --modality too.
void add_event_flags(CLI::App& cmd, EventFlags& f, bool with_modality = false);
/// Adds --from and --to only.
void add_window_flags(CLI::App& cmd, EventFlags& f);
/// Resolves names and dates; throws annals::Error for an unknown name or a bad date.
[[nodiscard]] EventFilter event_filter(const EventFlags& f, const NameIndex& names);
/// The window of --from/--to.
[[nodiscard]] DateWindow date_window(const EventFlags& f);

} // namespace annals::cli
