#pragma once
/// Finding nodes by what a user types: a name, an alias (any mention text) or a key, case-
/// insensitively, with "did you mean" suggestions by edit distance.

#include "annals/core/utf8.hpp"
#include "annals/graph/knowledge_graph.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The outcome of resolving a name.
struct Resolution {
    std::optional<Vertex> vertex;        ///< set when the name picks exactly one node
    std::vector<std::string> candidates; ///< "Name (key)": the matches when ambiguous, else suggestions
    bool ambiguous = false;
};

/// An index of entity names, aliases and keys. Built once per graph; const use is thread-safe.
class NameIndex {
public:
    explicit NameIndex(const KnowledgeGraph& kg);
    /// Resolves `name`: an exact key first, then a node whose name or alias equals it
    /// ignoring ASCII case (a name match beats an alias match). Unknown names get up to five
    /// suggestions, nearest first.
    [[nodiscard]] Resolution resolve(std::string_view name) const;
    /// The node `name` picks; throws Error(Errc::bad_input) with resolution_message otherwise.
    [[nodiscard]] Vertex require(std::string_view name) const;

private:
    const KnowledgeGraph& kg_;
    std::map<std::string, std::vector<Vertex>> by_name_, by_alias_; ///< lowercased
};

/// "unknown name 'X'; did you mean: A (key), B (key)?" or "'X' is ambiguous: ...".
[[nodiscard]] std::string resolution_message(std::string_view name, const Resolution& r);

/// Levenshtein distance in bytes, for suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);


} // namespace annals
