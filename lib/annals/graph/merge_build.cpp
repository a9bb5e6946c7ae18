// GraphBuilder::merge: votes entity fields, clusters event reports, groups relation
// evidence and orders the nodes by key. Strings are compared through their ranks (byte
// order), and every sort starts from documents in id order, so the result depends only on
// the set of documents.
#include "annals/graph/merge.hpp"

#include <algorithm>
#include <tuple>

namespace annals {
namespace {

using detail::DocFacts;
using detail::EntityFact;
using detail::EventFact;
using detail::Id;
using detail::kNone;
using detail::RelationFact;
using Ref = MergedGraph::Ref;
using Ranks = StringPool::Ranks;

constexpr std::uint32_t kNoNode = ~std::uint32_t{0};

/// The value seen most often; ties go to the smallest string, so order never matters.
Id vote(std::vector<Id>& values, const Ranks& rank) {
    std::sort(values.begin(), values.end(), [&rank](Id a, Id b) { return rank(a) < rank(b); });
    Id best = kNone;
    std::size_t n = 0;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i;
        while (j < values.size() && values[j] == values[i]) ++j;
        if (j - i > n) best = values[i], n = j - i;
        i = j;
    }
    return best;
}

const EntityFact& entity_of(const Ref& r) { return r.doc->entities[r.index]; }
const EventFact& event_of(const Ref& r) { return r.doc->events[r.index]; }
const RelationFact& relation_of(const Ref& r) { return r.doc->relations[r.index]; }

/// Entity sources grouped by key (in key order), each group in document order.
std::vector<std::vector<Ref>> entity_groups(const std::map<std::string, DocFacts>& docs, const Ranks& rank) {
    std::vector<std::pair<std::uint32_t, Ref>> all;
    for (const auto& [id, f] : docs)
        for (std::uint32_t i = 0; i < f.entities.size(); ++i) all.emplace_back(rank(f.entities[i].key), Ref{&f, i});
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::vector<Ref>> groups;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i == 0 || all[i].first != all[i - 1].first) groups.emplace_back();
        groups.back().push_back(all[i].second);
    }
    return groups;
}

/// Keys that act somewhere: event participants, relation sources, non-spatial targets.
std::vector<char> acting_keys(const StringPool& pool, const std::map<std::string, DocFacts>& docs) {
    std::vector<char> acting(pool.size(), 0);
    for (const auto& [id, f] : docs) {
        for (const auto& [role, key] : f.participants) acting[key] = 1;
        for (const RelationFact& r : f.relations) {
            acting[r.source] = 1;
            if (!is_spatial_relation(pool.str(r.type))) acting[r.target] = 1;
        }
    }
    return acting;
}

MergedGraph::Entity entity_node(std::vector<Ref> sources, const StringPool& pool, const Ranks& rank, bool acting) {
    std::sort(sources.begin(), sources.end(), [&rank](const Ref& a, const Ref& b) { return rank(a.doc->doc) < rank(b.doc->doc); });
    MergedGraph::Entity n;
    std::vector<Id> names, types, subtypes;
    for (const Ref& r : sources) {
        const EntityFact& s = entity_of(r);
        n.key = s.key;
        names.push_back(s.name);
        types.push_back(s.type);
        if (s.subtype != kNone) subtypes.push_back(s.subtype);
        if (s.geo && !n.geo) n.geo = s.geo; // from the first document (by id) that places it
        n.aliases.insert(n.aliases.end(), r.doc->aliases.begin() + s.aliases, r.doc->aliases.begin() + s.aliases + s.alias_count);
    }
    n.name = vote(names, rank);
    n.type = vote(types, rank);
    if (!subtypes.empty()) n.subtype = vote(subtypes, rank);
    const std::string_view type = pool.str(n.type);
    const bool placeish = type == "location" || type == "facility" || (type == "gpe" && !acting);
    n.kind = placeish ? NodeKind::place : NodeKind::actor;
    std::sort(n.aliases.begin(), n.aliases.end(), [&rank](Id a, Id b) { return rank(a) < rank(b); });
    n.aliases.erase(std::unique(n.aliases.begin(), n.aliases.end()), n.aliases.end());
    for (std::size_t i = 0; i < sources.size(); ++i) n.source_count += i == 0 || sources[i].doc != sources[i - 1].doc;
    n.sources = std::move(sources);
    return n;
}

/// Orders event reports by signature (type, participants, place), then by interval.
struct TimedLess {
    const Ranks& rank;

    /// <0, 0, >0 as the signatures of a and b compare.
    int signature(const Ref& a, const Ref& b) const {
        const EventFact& x = event_of(a);
        const EventFact& y = event_of(b);
        if (x.type != y.type) return rank(x.type) < rank(y.type) ? -1 : 1;
        const auto* px = a.doc->participants.data() + x.participants;
        const auto* py = b.doc->participants.data() + y.participants;
        for (std::uint32_t i = 0; i < x.participant_count && i < y.participant_count; ++i) {
            if (px[i].first != py[i].first) return rank(px[i].first) < rank(py[i].first) ? -1 : 1;
            if (px[i].second != py[i].second) return rank(px[i].second) < rank(py[i].second) ? -1 : 1;
        }
        if (x.participant_count != y.participant_count) return x.participant_count < y.participant_count ? -1 : 1;
        if (x.place != y.place) return rank(x.place) < rank(y.place) ? -1 : 1;
        return 0;
    }

    bool operator()(const Ref& a, const Ref& b) const {
        if (const int s = signature(a, b); s != 0) return s < 0;
        const EventFact& x = event_of(a);
        const EventFact& y = event_of(b);
        return std::make_tuple(x.dated, x.lo, x.hi, rank(a.doc->doc), rank(x.at.event)) <
               std::make_tuple(y.dated, y.lo, y.hi, rank(b.doc->doc), rank(y.at.event));
    }
};

/// Sorted reports cut into events: same signature, and each report's interval reaches
/// within `window` days of the cluster so far (undated reports of a signature form one).
std::vector<std::vector<Ref>> cluster(const std::vector<Ref>& ts, const TimedLess& less, int window) {
    std::vector<std::vector<Ref>> out;
    std::int64_t hi = 0;
    for (const Ref& t : ts) {
        const EventFact& e = event_of(t);
        bool join = false;
        if (!out.empty()) {
            const Ref& head = out.back().front();
            join = less.signature(head, t) == 0 && event_of(head).dated == e.dated && (!e.dated || e.lo <= hi + window);
        }
        if (!join) {
            out.emplace_back();
            hi = e.hi;
        }
        out.back().push_back(t);
        hi = std::max(hi, e.hi);
    }
    return out;
}

MergedGraph::Event event_node(std::vector<Ref> members, const StringPool& pool, const Ranks& rank) {
    const EventFact& first = event_of(members.front());
    MergedGraph::Event n;
    n.key = "event:";
    n.key += pool.str(members.front().doc->doc);
    n.key += '#';
    n.key += pool.str(first.at.event);
    n.type = first.type;
    n.name = first.trigger;
    // The most precise date any report gives: the shortest interval, then the earliest.
    const EventFact* best = &first;
    std::vector<Id> modalities;
    for (const Ref& r : members) {
        const EventFact& t = event_of(r);
        if (t.dated && (!best->dated || t.hi - t.lo < best->hi - best->lo)) best = &t;
        modalities.push_back(t.modality);
    }
    n.value = best->value;
    n.earliest = best->earliest;
    n.latest = best->latest;
    n.time_source = best->time_source;
    n.modality = vote(modalities, rank);
    std::vector<Id> docs;
    for (const Ref& r : members) docs.push_back(r.doc->doc);
    std::sort(docs.begin(), docs.end());
    n.source_count = static_cast<std::size_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
    std::sort(members.begin(), members.end(), [&rank](const Ref& a, const Ref& b) {
        return std::make_pair(rank(a.doc->doc), rank(event_of(a).at.event)) <
               std::make_pair(rank(b.doc->doc), rank(event_of(b).at.event));
    });
    n.sources = std::move(members);
    return n;
}

/// Orders nodes by key; on a clash the node added first (entities, then events) stays.
void order_nodes(MergedGraph& m, std::vector<std::uint32_t>& node_of_key) {
    std::vector<std::pair<std::string_view, MergedGraph::Node>> keyed;
    for (std::uint32_t i = 0; i < m.entities.size(); ++i) keyed.emplace_back(m.str(m.entities[i].key), MergedGraph::Node{false, i});
    for (std::uint32_t i = 0; i < m.events.size(); ++i) keyed.emplace_back(m.events[i].key, MergedGraph::Node{true, i});
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        if (i > 0 && keyed[i].first == keyed[i - 1].first) continue;
        const auto n = static_cast<std::uint32_t>(m.nodes.size());
        const MergedGraph::Node& node = keyed[i].second;
        if (!node.event) node_of_key[m.entities[node.index].key] = n;
        m.nodes.push_back(node);
    }
}

} // namespace

MergedGraph GraphBuilder::merge() const {
    MergedGraph m(pool_, docs_, opts_.window_days);
    const Ranks rank = pool_.ranks();
    const std::vector<char> acting = acting_keys(pool_, docs_);
    for (auto& sources : entity_groups(docs_, rank)) {
        const Id key = entity_of(sources.front()).key;
        m.entities.push_back(entity_node(std::move(sources), pool_, rank, acting[key] != 0));
    }

    std::vector<Ref> timed;
    for (const auto& [id, f] : docs_)
        for (std::uint32_t i = 0; i < f.events.size(); ++i) timed.push_back(Ref{&f, i});
    const TimedLess less{rank};
    std::sort(timed.begin(), timed.end(), less);
    std::vector<Ref> heads;
    for (auto& c : cluster(timed, less, opts_.window_days)) {
        heads.push_back(c.front());
        m.events.push_back(event_node(std::move(c), pool_, rank));
    }

    std::vector<std::uint32_t> node_of_key(pool_.size(), kNoNode);
    order_nodes(m, node_of_key);
    auto node = [&](Id key) { return key == kNone ? kNoNode : node_of_key[key]; };
    for (std::size_t i = 0; i < m.events.size(); ++i) {
        const EventFact& h = event_of(heads[i]);
        const auto* p = heads[i].doc->participants.data() + h.participants;
        for (std::uint32_t k = 0; k < h.participant_count; ++k)
            if (const auto a = node(p[k].second); a != kNoNode) m.events[i].participants.emplace_back(p[k].first, a);
        if (const auto pl = node(h.place); pl != kNoNode) m.events[i].place = pl;
    }

    std::vector<std::pair<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, Ref>> rels;
    for (const auto& [id, f] : docs_)
        for (std::uint32_t i = 0; i < f.relations.size(); ++i) {
            const RelationFact& r = f.relations[i];
            rels.emplace_back(std::make_tuple(rank(r.type), rank(r.source), rank(r.target)), Ref{&f, i});
        }
    std::stable_sort(rels.begin(), rels.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < rels.size();) {
        std::size_t j = i;
        std::vector<Ref> evidence;
        for (; j < rels.size() && rels[j].first == rels[i].first; ++j) evidence.push_back(rels[j].second);
        i = j;
        const RelationFact& r = relation_of(evidence.front());
        const auto s = node(r.source), t = node(r.target);
        if (s == kNoNode || t == kNoNode) continue;
        std::sort(evidence.begin(), evidence.end(), [&rank](const Ref& a, const Ref& b) {
            const auto& x = relation_of(a).at;
            const auto& y = relation_of(b).at;
            return std::make_tuple(rank(a.doc->doc), x.sentence, x.span, rank(x.rule), rank(x.event)) <
                   std::make_tuple(rank(b.doc->doc), y.sentence, y.span, rank(y.rule), rank(y.event));
        });
        std::vector<std::pair<Id, std::size_t>> sentences;
        for (const Ref& e : evidence) sentences.emplace_back(e.doc->doc, relation_of(e).at.sentence);
        std::sort(sentences.begin(), sentences.end());
        const auto weight = static_cast<std::size_t>(std::unique(sentences.begin(), sentences.end()) - sentences.begin());
        m.relations.push_back(MergedGraph::Relation{r.type, s, t, std::move(evidence), weight});
    }
    return m;
}

KnowledgeGraph GraphBuilder::build() const { return merge().to_graph(); }

} // namespace annals
