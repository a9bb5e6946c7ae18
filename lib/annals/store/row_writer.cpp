#include "annals/store/row_writer.hpp"

#include "annals/graph/resolve.hpp"
#include "annals/store/store_codec.hpp"

#include <algorithm>

namespace annals::detail {
namespace {

std::int64_t i64(std::size_t v) { return static_cast<std::int64_t>(v); }

void bind_geo(Stmt& st, int i, const std::optional<GeoPoint>& g) {
    if (g) st.bind(i, g->lat).bind(i + 1, g->lon);
    else st.bind_null(i).bind_null(i + 1);
}

} // namespace

RowWriter::RowWriter(Db& db, const SaveProgress& progress)
    : db_(db), progress_(progress), doc_(db, "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5)"),
      ent_(db, "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      ent_src_(db, "INSERT INTO entity_sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      ev_(db, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      arg_(db, "INSERT INTO event_arguments VALUES (?1, ?2, ?3)"),
      ev_src_(db, "INSERT INTO event_sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"),
      rel_(db, "INSERT INTO relations VALUES (?1, ?2, ?3, ?4)"),
      evid_(db, "INSERT INTO evidence VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)") {}

void RowWriter::done(Stmt& st) {
    st.run();
    if (++rows_ % 4096 == 0 && progress_) progress_(rows_);
}

void RowWriter::document(const DocInfo& d) {
    doc_.bind_ref(1, d.id).bind_ref(2, d.hash).bind(3, d.dct).bind(4, d.title).bind(5, d.url);
    done(doc_);
}

void RowWriter::entity(std::string_view key, NodeKind kind, std::string_view name, std::string_view type, OptText subtype,
                       const std::optional<GeoPoint>& geo, const std::vector<std::string_view>& aliases,
                       std::size_t source_count) {
    join_aliases(aliases, aliases_);
    ent_.bind_ref(1, key).bind_ref(2, node_kind_name(kind)).bind_ref(3, name).bind_ref(4, type).bind_ref_opt(5, subtype);
    bind_geo(ent_, 6, geo);
    ent_.bind_ref(8, aliases_).bind(9, i64(source_count));
    done(ent_);
    const std::string k(key);
    names_.emplace_back(ascii_lower(name), 0, k);
    for (const auto a : aliases) names_.emplace_back(ascii_lower(a), 1, k);
    names_.emplace_back(ascii_lower(key), 1, k);
}

void RowWriter::entity_source(std::string_view key, std::string_view doc, std::string_view name, std::string_view type,
                              OptText subtype, const std::optional<GeoPoint>& geo, const std::vector<std::string_view>& aliases) {
    join_aliases(aliases, aliases_);
    ent_src_.bind_ref(1, key).bind_ref(2, doc).bind_ref(3, name).bind_ref(4, type).bind_ref_opt(5, subtype);
    bind_geo(ent_src_, 6, geo);
    ent_src_.bind_ref(8, aliases_);
    done(ent_src_);
}

void RowWriter::event(const EventRow& r) {
    ev_.bind_ref(1, r.key).bind_ref(2, r.type).bind_ref(3, r.name).bind_ref(4, r.value).bind_ref_opt(5, r.earliest);
    ev_.bind_ref_opt(6, r.latest).bind_ref(7, r.time_source).bind_ref(8, r.modality).bind_ref_opt(9, r.place);
    ev_.bind(10, i64(r.source_count));
    done(ev_);
}

void RowWriter::argument(std::string_view event, std::string_view role, std::string_view entity) {
    arg_.bind_ref(1, event).bind_ref(2, role).bind_ref(3, entity);
    done(arg_);
}

void RowWriter::event_source(const EventSourceRow& r) {
    Stmt& s = ev_src_;
    s.bind_ref_opt(1, r.event).bind_ref(2, r.doc).bind_ref(3, r.id).bind_ref_opt(4, r.dct).bind(5, i64(r.sentence));
    s.bind(6, i64(r.span.begin)).bind(7, i64(r.span.end)).bind_ref(8, r.text).bind_ref(9, r.trigger).bind_ref(10, r.rule);
    s.bind_ref(11, r.value).bind_ref_opt(12, r.earliest).bind_ref_opt(13, r.latest).bind_ref(14, r.time_source);
    s.bind_ref(15, r.modality).bind(16, r.confidence);
    done(s);
}

void RowWriter::relation(std::string_view type, std::string_view source, std::string_view target, std::size_t weight) {
    rel_.bind_ref(1, type).bind_ref(2, source).bind_ref(3, target).bind(4, i64(weight));
    done(rel_);
}

void RowWriter::evidence(const EvidenceRow& r) {
    Stmt& s = evid_;
    s.bind_ref(1, r.type).bind_ref(2, r.source).bind_ref(3, r.target).bind(4, r.seq).bind_ref(5, r.doc).bind_ref_opt(6, r.dct);
    s.bind(7, i64(r.sentence)).bind(8, i64(r.span.begin)).bind(9, i64(r.span.end)).bind_ref(10, r.text);
    s.bind_ref(11, r.rule).bind_ref_opt(12, r.event);
    done(s);
}

void RowWriter::finish() {
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
    Stmt put(db_, "INSERT INTO names VALUES (?1, ?2, ?3)");
    for (const auto& [name, how, key] : names_) {
        put.bind_ref(1, name).bind(2, std::int64_t{how}).bind_ref(3, key);
        done(put);
    }
    names_.clear();
}

} // namespace annals::detail
