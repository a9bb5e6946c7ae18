#pragma once
/// Entities: actors and places with their mentions and merge keys.

#include "annals/core/span.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annals {

struct Mention {
    Span span;
    std::string text;
    std::size_t sentence = 0;
    /// name: a proper name ("Luigi Di Maio", "ISIS"); nominal: a common noun phrase that refers
    /// to it ("the coalition", "analysts"); demonym: a nationality word ("Italian"). Name-entity
    /// scoring counts only names.
    std::string kind = "name";
};

struct GeoPoint {
    double lat = 0;
    double lon = 0;
};

struct Entity {
    std::string id;   ///< "E1", "E2", ... by first mention
    std::string name; ///< canonical name
    std::string type; ///< person | organization | gpe | location | facility | group
    std::optional<std::string> subtype;
    std::string key;  ///< stable across documents: "type:normalized-name" or a dictionary id
    std::map<std::string, std::string> attributes; ///< sorted: deterministic output
    std::optional<GeoPoint> geo;
    std::vector<Mention> mentions;
};

} // namespace annals
