#pragma once
/// Typed events and the relations between entities.

#include "annals/core/span.hpp"
#include "annals/time/timex.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annals {

struct Trigger {
    Span span;
    std::string text;
    std::string lemma;
};

struct Argument {
    std::string role;   ///< agent | patient | participant | organizer | target | origin ...
    std::string entity; ///< entity id
};

struct EventTime {
    std::optional<std::string> timex; ///< timex id, when explicit
    std::string value;
    std::optional<DayInterval> interval;
    std::string source; ///< explicit | inherited | tense | none
};

struct Event {
    std::string id; ///< "V1", ...
    std::string type;
    std::size_t sentence = 0;
    Trigger trigger;
    std::string timeml_class; ///< OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION
    std::vector<Argument> arguments;
    std::optional<std::string> place; ///< entity id
    std::optional<EventTime> time;
    std::string modality = "asserted"; ///< asserted | negated | hypothetical | future | reported
    std::map<std::string, std::string> codes; ///< cameo, plover, ace
    double confidence = 0;
    std::string rule;
    /// Further mentions of the same event in the document ("a meeting ... the meeting"), in
    /// text order; the first mention is `trigger`.
    std::vector<Trigger> mentions;
};

struct Relation {
    std::string type;
    std::string source; ///< entity id
    std::string target; ///< entity id
    std::size_t sentence = 0;
    std::optional<std::string> event; ///< event id
    std::string rule;
};

} // namespace annals
