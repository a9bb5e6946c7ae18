#pragma once
/// What one document contributes to the merge, with every repeated string interned: the
/// builder keeps these instead of copies of the records, and the merge compares numbers.
/// Shared by the merge and the store; not a stable interface.

#include "annals/core/span.hpp"
#include "annals/entities/entity.hpp"
#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/string_pool.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace annals::detail {

using Id = StringPool::Id;
inline constexpr Id kNone = StringPool::kNone;
/// No sentence text kept (the record had none, or the sentence was out of range).
inline constexpr std::uint32_t kNoText = ~std::uint32_t{0};

/// Where a report or a piece of evidence sits in its document.
struct Anchor {
    Id dct = kNone;
    Id rule = kNone;
    Id event = kNone; ///< the event id within the document; kNone for evidence without one
    std::uint32_t text = kNoText; ///< index into DocFacts::texts
    std::size_t sentence = 0;
    Span span;
};

/// One entity of one document (an EntitySource with its key).
struct EntityFact {
    Id key = kNone, name = kNone, type = kNone, subtype = kNone;
    std::optional<GeoPoint> geo;
    std::uint32_t aliases = 0, alias_count = 0; ///< range of DocFacts::aliases, in byte order, unique
};

/// One report of an event: its merge signature (type, participants, place) and its source.
struct EventFact {
    Id type = kNone, trigger = kNone, place = kNone;
    std::uint32_t participants = 0, participant_count = 0; ///< range of DocFacts::participants
    Anchor at;
    Id value = kNone, earliest = kNone, latest = kNone, time_source = kNone, modality = kNone;
    double confidence = 0;
    bool dated = false;          ///< the report has an interval
    std::int64_t lo = 0, hi = 0; ///< the interval as day numbers, for clustering
};

/// One sentence stating a relation between two entity keys.
struct RelationFact {
    Id type = kNone, source = kNone, target = kNone;
    Anchor at;
};

/// Everything one document contributes.
struct DocFacts {
    DocInfo info;
    Id doc = kNone; ///< the document id, interned
    std::vector<std::string> texts;
    std::vector<Id> aliases;
    std::vector<std::pair<Id, Id>> participants; ///< (role, key); each event's run sorted by the strings
    std::vector<EntityFact> entities;
    std::vector<EventFact> events;
    std::vector<RelationFact> relations;
};

} // namespace annals::detail
