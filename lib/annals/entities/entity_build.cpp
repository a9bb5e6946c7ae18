// From resolved candidates to the record: entities with their mentions, and the relations
// the names state or the dictionaries know.
#include "annals/entities/resolve_detail.hpp"

#include "annals/core/word_index.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace annals::detail {

namespace {

struct Built {
    /// key -> entity index; the views are of `keys`, whose strings stay in place (the vector
    /// is only moved, which keeps its elements where they are). Only looked up, never walked.
    /// Hashed a word at a time (WordHash): std::hash's byte loop was a visible cost here.
    std::unordered_map<std::string_view, std::size_t, WordHash> index;
    std::vector<std::string> keys; ///< per candidate, as resolved
    static constexpr auto none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> entity_of;    ///< per candidate: its entity, or none
    std::vector<const GazEntry*> entries;  ///< per entity: a dictionary entry one of its candidates named, or nullptr
};

void fill_from_candidate(Entity& e, const NameCandidate& c, std::string_view text) {
    if (e.type.empty()) {
        e.type = c.type;
        if (!c.subtype.empty()) e.subtype = std::string(c.subtype);
    }
    if (c.entry) {
        // Every mention of a dictionary entity names the same entry as a rule: compare before copying.
        if (e.name != c.entry->name) e.name = c.entry->name;
        if (c.entry->geo) e.geo = c.entry->geo;
        static const std::string country_key = "country"; // not a new string per mention
        if (!c.entry->country.empty()) e.attributes.try_emplace(country_key, c.entry->country);
    } else if (c.type == "group") {
        e.name = c.group;
    } else if (c.kind == "name" && c.span.size() > e.name.size()) {
        e.name = normalize_name(c.span.of(text));
    }
    if (!c.role.empty() && !e.attributes.contains("role")) e.attributes.emplace("role", normalize_name(c.role));
}

Built group_mentions(const DocView& doc, const std::vector<NameCandidate>& cands, std::vector<std::string> keys_in,
                     std::vector<Entity>& entities) {
    Built b;
    b.keys = std::move(keys_in);
    const auto& keys = b.keys;
    b.index.reserve(cands.size());
    // First the entity of every candidate and the number of mentions of each, so that each
    // mention list is allocated once instead of growing (and moving its strings) mention by mention.
    constexpr auto none = Built::none;
    auto& entity_of = b.entity_of;
    entity_of.assign(cands.size(), none);
    std::vector<std::uint32_t> count(entities.size(), 0);
    b.entries.assign(entities.size(), nullptr);
    for (std::size_t i = 0; i < cands.size(); ++i) {
        if (keys[i].empty() || cands[i].type.empty()) continue;
        auto [it, fresh] = b.index.try_emplace(std::string_view(keys[i]), entities.size());
        if (fresh) {
            entities.emplace_back();
            entities.back().key = keys[i];
            count.resize(entities.size(), 0);
            b.entries.resize(entities.size(), nullptr);
        }
        entity_of[i] = it->second;
        if (cands[i].entry) b.entries[it->second] = cands[i].entry;
        ++count[it->second];
    }
    for (std::size_t k = 0; k < entities.size(); ++k) entities[k].mentions.reserve(count[k]);
    // The entry of the candidate last filled into each entity: another mention of the same
    // entry right after it would set the same name, place and country again.
    std::vector<const GazEntry*> last_entry(entities.size(), nullptr);
    for (std::size_t i = 0; i < cands.size(); ++i) {
        if (entity_of[i] == none) continue;
        const auto& c = cands[i];
        auto& e = entities[entity_of[i]];
        auto& last = last_entry[entity_of[i]];
        if (c.entry && c.entry == last) {
            if (!c.role.empty() && !e.attributes.contains("role")) e.attributes.emplace("role", normalize_name(c.role));
        } else {
            fill_from_candidate(e, c, doc.text());
        }
        last = c.entry;
        auto& m = e.mentions.emplace_back();
        m.span = c.span;
        m.text = c.span.of(doc.text());
        m.sentence = c.sentence;
        m.kind = c.kind;
    }
    return b;
}

class RelationWriter {
public:
    RelationWriter(std::vector<Relation>& out, const std::vector<Entity>& entities) : out_(out), entities_(entities) {}

    void add(const std::string& type, std::size_t source, std::size_t target, std::size_t sentence, const std::string& rule) {
        if (source == target) return;
        if (!seen_.emplace(type, source, target).second) return;
        out_.push_back(Relation{type, entities_[source].id, entities_[target].id, sentence, std::nullopt, rule});
    }

    /// The first sentence that mentions both, else the source's first.
    std::size_t shared_sentence(std::size_t a, std::size_t b) const {
        for (const auto& m : entities_[a].mentions)
            for (const auto& n : entities_[b].mentions)
                if (m.sentence == n.sentence) return m.sentence;
        return entities_[a].mentions.front().sentence;
    }

private:
    std::vector<Relation>& out_;
    const std::vector<Entity>& entities_;
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen_;
};

void name_relations(const std::vector<NameCandidate>& cands, const Built& b, RelationWriter& w) {
    auto entity_of = [&](std::size_t cand) -> std::ptrdiff_t {
        const auto e = b.entity_of[cand];
        return e == Built::none ? -1 : static_cast<std::ptrdiff_t>(e);
    };
    for (std::size_t i = 0; i < cands.size(); ++i) {
        const auto src = entity_of(i);
        if (src < 0) continue;
        const auto s = static_cast<std::size_t>(src);
        if (cands[i].represents >= 0)
            if (const auto t = entity_of(static_cast<std::size_t>(cands[i].represents)); t >= 0)
                w.add("represents", s, static_cast<std::size_t>(t), cands[i].sentence, "entity/title");
        if (cands[i].member_of >= 0)
            if (const auto t = entity_of(static_cast<std::size_t>(cands[i].member_of)); t >= 0)
                w.add("member_of", s, static_cast<std::size_t>(t), cands[i].sentence, "entity/of-organization");
    }
}

void dictionary_relations(const DocView& doc, const Built& b, const std::vector<Entity>& entities, RelationWriter& w) {
    for (std::size_t i = 0; i < entities.size(); ++i) {
        // The entry with the entity's key: keys are unique, so an entry one of its candidates
        // named is it when the keys agree, without hashing the key again.
        const auto* entry = b.entries[i] && b.entries[i]->key == entities[i].key ? b.entries[i] : doc.gaz().by_key(entities[i].key);
        if (!entry) continue;
        if (!entry->parent.empty() && !entry->relation.empty())
            if (auto it = b.index.find(entry->parent); it != b.index.end())
                w.add(entry->relation, i, it->second, w.shared_sentence(i, it->second), "dictionary/parent");
        if (entry->country.empty() || entry->subtype == "country") continue;
        const bool place = entry->type == "gpe" || entry->type == "location" || entry->type == "facility";
        // A state's own government and armed forces are part of it; companies and media of a
        // country are not, so only those two subtypes link to the country.
        const bool organ = entry->subtype == "government" || entry->subtype == "military";
        if (!place && !organ) continue;
        if (const auto* c = doc.gaz().country(entry->country); c && c->entry)
            if (auto it = b.index.find(c->entry->key); it != b.index.end())
                w.add(place ? "located_in" : "part_of", i, it->second, w.shared_sentence(i, it->second),
                      place ? "gazetteer/country" : "dictionary/country");
    }
}

} // namespace

void build_entities(const DocView& doc, std::vector<NameCandidate>& cands, std::vector<Entity>& entities,
                    std::vector<Relation>& relations) {
    Resolver resolver(doc, cands);
    resolver.run();
    std::vector<Entity> found;
    found.reserve(cands.size()); // no entity is moved as the list grows
    const auto built = group_mentions(doc, cands, resolver.take_keys(), found);
    // Ids by first mention: candidates are in text order, so entities already are.
    for (std::size_t i = 0; i < found.size(); ++i) found[i].id = "E" + std::to_string(entities.size() + i + 1);
    RelationWriter w(relations, found);
    const auto first_relation = relations.size();
    name_relations(cands, built, w);
    dictionary_relations(doc, built, found, w);
    // A person acting for a country carries its code, as dictionary actors do.
    for (auto r = first_relation; r < relations.size(); ++r) {
        if (relations[r].type != "represents") continue;
        const auto src = std::stoul(relations[r].source.substr(1)) - entities.size() - 1;
        const auto dst = std::stoul(relations[r].target.substr(1)) - entities.size() - 1;
        if (const auto* e = doc.gaz().by_key(found[dst].key); e && e->subtype == "country")
            found[src].attributes.emplace("country", e->country);
    }
    // One move of the whole list when the document had none yet (the usual case), else one
    // allocation for all.
    if (entities.empty()) {
        entities = std::move(found);
        return;
    }
    entities.reserve(entities.size() + found.size());
    for (auto& e : found) entities.push_back(std::move(e));
}

} // namespace annals::detail
