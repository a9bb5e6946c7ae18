#pragma once
// The store's SQL schema (version 2) and the table order of dumps.

namespace annals::detail {

/// Creates every table of an empty store.
inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(id TEXT PRIMARY KEY, hash TEXT NOT NULL, dct TEXT, title TEXT, url TEXT) WITHOUT ROWID;
CREATE TABLE entities(key TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  subtype TEXT, lat REAL, lon REAL, aliases TEXT NOT NULL, source_count INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE entity_sources(key TEXT NOT NULL, doc TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  subtype TEXT, lat REAL, lon REAL, aliases TEXT NOT NULL, PRIMARY KEY(key, doc)) WITHOUT ROWID;
CREATE TABLE events(key TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
  earliest TEXT, latest TEXT, time_source TEXT NOT NULL, modality TEXT NOT NULL, place TEXT,
  source_count INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE event_arguments(event TEXT NOT NULL, role TEXT NOT NULL, entity TEXT NOT NULL,
  PRIMARY KEY(event, role, entity)) WITHOUT ROWID;
CREATE TABLE event_sources(event TEXT NOT NULL, doc TEXT NOT NULL, id TEXT NOT NULL, dct TEXT,
  sentence INTEGER NOT NULL, sent_begin INTEGER NOT NULL, sent_end INTEGER NOT NULL, text TEXT NOT NULL,
  trigger TEXT NOT NULL, rule TEXT NOT NULL, value TEXT NOT NULL, earliest TEXT, latest TEXT,
  time_source TEXT NOT NULL, modality TEXT NOT NULL, confidence REAL NOT NULL,
  PRIMARY KEY(event, doc, id)) WITHOUT ROWID;
CREATE TABLE relations(type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, weight INTEGER NOT NULL,
  PRIMARY KEY(type, source, target)) WITHOUT ROWID;
CREATE TABLE evidence(type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, seq INTEGER NOT NULL,
  doc TEXT NOT NULL, dct TEXT, sentence INTEGER NOT NULL, sent_begin INTEGER NOT NULL, sent_end INTEGER NOT NULL,
  text TEXT NOT NULL, rule TEXT NOT NULL, event TEXT, PRIMARY KEY(type, source, target, seq)) WITHOUT ROWID;
CREATE TABLE names(name TEXT NOT NULL, how INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY(name, how, key)) WITHOUT ROWID;
)sql";

/// Secondary indexes, dropped during a bulk save and rebuilt after it. Queries walk the
/// graph through them: an entity's events, a place's events, relations from either end.
inline constexpr const char* kIndexSql = R"sql(
CREATE INDEX IF NOT EXISTS event_arguments_by_entity ON event_arguments(entity);
CREATE INDEX IF NOT EXISTS events_by_place ON events(place);
CREATE INDEX IF NOT EXISTS relations_by_source ON relations(source);
CREATE INDEX IF NOT EXISTS relations_by_target ON relations(target);
)sql";
inline constexpr const char* kDropIndexSql = R"sql(
DROP INDEX IF EXISTS event_arguments_by_entity;
DROP INDEX IF EXISTS events_by_place;
DROP INDEX IF EXISTS relations_by_source;
DROP INDEX IF EXISTS relations_by_target;
)sql";

/// Tables derived from the others on save (not part of the dump): `names` holds each
/// entity's name (how 0) and its aliases and key (how 1), ASCII-lowercased, for name lookups.
inline constexpr const char* kDerivedTables[] = {"names"};

/// Tables in dump order, each with its key columns (the dump's sort order).
struct TableOrder {
    const char* name;
    const char* order_by;
};
inline constexpr TableOrder kTables[] = {
    {"meta", "name"},
    {"documents", "id"},
    {"entities", "key"},
    {"entity_sources", "key, doc"},
    {"events", "key"},
    {"event_arguments", "event, role, entity"},
    {"event_sources", "event, doc, id"},
    {"relations", "type, source, target"},
    {"evidence", "type, source, target, seq"},
};

} // namespace annals::detail
