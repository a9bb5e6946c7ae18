#pragma once
/// The extraction record of one document: the JSON contract `annals.document/1`.

#include "annals/core/diagnostic.hpp"
#include "annals/core/document.hpp"
#include "annals/entities/entity.hpp"
#include "annals/events/event.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/timex.hpp"

#include <string>
#include <vector>

namespace annals {

/// Everything extracted from one document, in the order the record writes it.
struct Extraction {
    Document doc;
    Segmentation segmentation;
    std::vector<Entity> entities;
    std::vector<Timex> timexes;
    std::vector<Event> events;
    std::vector<Relation> relations;
    std::vector<Diagnostic> diagnostics;
};

} // namespace annals
