#pragma once
// The store's prepared inserts, one method per table, shared by every way of saving.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/store/sqlite.hpp"
#include "annals/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace annals::detail {

using OptText = std::optional<std::string_view>;

struct EventRow {
    std::string_view key, type, name, value;
    OptText earliest, latest;
    std::string_view time_source, modality;
    OptText place;
    std::size_t source_count = 0;
};

struct EventSourceRow {
    std::string_view event, doc, id;
    OptText dct;
    std::size_t sentence = 0;
    Span span;
    std::string_view text, trigger, rule, value;
    OptText earliest, latest;
    std::string_view time_source, modality;
    double confidence = 0;
};

struct EvidenceRow {
    std::string_view type, source, target;
    std::int64_t seq = 0;
    std::string_view doc;
    OptText dct;
    std::size_t sentence = 0;
    Span span;
    std::string_view text, rule;
    OptText event;
};

/// Inserts rows as given (callers send them in primary-key order) and counts them for
/// progress. Text is bound without copying: arguments only need to live through the call.
/// Entity names go to the `names` table on finish(). One thread.
class RowWriter {
public:
    RowWriter(Db& db, const SaveProgress& progress);

    void document(const DocInfo& d);
    void entity(std::string_view key, NodeKind kind, std::string_view name, std::string_view type, OptText subtype,
                const std::optional<GeoPoint>& geo, const std::vector<std::string_view>& aliases, std::size_t source_count);
    void entity_source(std::string_view key, std::string_view doc, std::string_view name, std::string_view type,
                       OptText subtype, const std::optional<GeoPoint>& geo, const std::vector<std::string_view>& aliases);
    void event(const EventRow& r);
    void argument(std::string_view event, std::string_view role, std::string_view entity);
    void event_source(const EventSourceRow& r);
    void relation(std::string_view type, std::string_view source, std::string_view target, std::size_t weight);
    void evidence(const EvidenceRow& r);
    /// Writes the derived tables.
    void finish();

private:
    void done(Stmt& st);

    Db& db_;
    const SaveProgress& progress_;
    std::size_t rows_ = 0;
    std::string aliases_; ///< scratch for the joined alias list
    std::vector<std::tuple<std::string, int, std::string>> names_;
    Stmt doc_, ent_, ent_src_, ev_, arg_, ev_src_, rel_, evid_;
};

} // namespace annals::detail
