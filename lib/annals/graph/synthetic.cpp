#include "annals/graph/synthetic.hpp"

#include "annals/core/date.hpp"

#include <array>
#include <map>

namespace annals {
namespace {

/// SplitMix64: small, fast and the same everywhere.
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

constexpr std::array<const char*, 6> kTypes{"contact.meet", "conflict.attack", "cooperation.agree",
                                            "conflict.threaten", "movement.deploy", "contact.statement"};
constexpr std::array<const char*, 6> kVerbs{"met", "attacked", "agreed with", "threatened", "deployed to", "addressed"};
constexpr std::array<const char*, 6> kRelations{"met_with", "opposes", "allied_with", "opposes", "present_in", "met_with"};

std::string entity_id(Extraction& x, std::map<std::string, std::string>& ids, const std::string& key,
                      const std::string& name, const char* type, Span span, std::size_t sentence) {
    auto it = ids.find(key);
    if (it == ids.end()) {
        Entity e;
        e.id = "E" + std::to_string(x.entities.size() + 1);
        e.name = name;
        e.type = type;
        e.key = key;
        x.entities.push_back(std::move(e));
        it = ids.emplace(key, x.entities.back().id).first;
    }
    for (auto& e : x.entities)
        if (e.id == it->second) e.mentions.push_back(Mention{span, name, sentence});
    return it->second;
}

} // namespace

Extraction synthetic_document(std::size_t i, const SyntheticOptions& o) {
    Rng rng{o.seed * 0x100000001B3ULL + i};
    Extraction x;
    x.doc.id = "synthetic/" + std::to_string(i);
    const std::int64_t base = days_from_civil(CivilDate{2000, 1, 1});
    x.doc.dct = format_date(civil_from_days(base + static_cast<std::int64_t>(rng.below(11000))));
    std::map<std::string, std::string> ids;
    for (std::size_t k = 0; k < o.events_per_doc; ++k) {
        const std::size_t a = rng.below(o.actors), b = rng.below(o.actors), p = rng.below(o.places), t = rng.below(kTypes.size());
        const std::string day = format_date(civil_from_days(base + static_cast<std::int64_t>(rng.below(11000))));
        const std::string na = "Actor " + std::to_string(a), nb = "Actor " + std::to_string(b), np = "Place " + std::to_string(p);
        const std::size_t start = x.doc.text.size();
        x.doc.text += na + " " + kVerbs[t] + " " + nb + " in " + np + " on " + day + ". ";
        const std::size_t s = x.segmentation.sentences.size();
        x.segmentation.sentences.push_back(Sentence{Span{start, x.doc.text.size() - 1}, 0, 0});
        const Span sa{start, start + na.size()};
        const Span trig{sa.end + 1, sa.end + 1 + std::string(kVerbs[t]).find(' ') % 64};
        const Span sb{sa.end + 2 + std::string(kVerbs[t]).size(), sa.end + 2 + std::string(kVerbs[t]).size() + nb.size()};
        const Span sp{sb.end + 4, sb.end + 4 + np.size()};
        const std::string ea = entity_id(x, ids, "organization:actor-" + std::to_string(a), na, "organization", sa, s);
        const std::string eb = entity_id(x, ids, "organization:actor-" + std::to_string(b), nb, "organization", sb, s);
        const std::string ep = entity_id(x, ids, "location:place-" + std::to_string(p), np, "location", sp, s);
        Event e;
        e.id = "V" + std::to_string(k + 1);
        e.type = kTypes[t];
        e.sentence = s;
        e.trigger = Trigger{Span{trig.begin, trig.begin + std::string(kVerbs[t]).substr(0, std::string(kVerbs[t]).find(' ')).size()}, {}, kVerbs[t]};
        e.trigger.text = std::string(e.trigger.span.of(x.doc.text));
        e.arguments = {{"agent", ea}, {"target", eb}};
        e.place = ep;
        e.time = EventTime{std::nullopt, day, DayInterval{day, day}, "explicit"};
        e.confidence = 0.5;
        e.rule = "synthetic";
        x.events.push_back(std::move(e));
        x.relations.push_back(Relation{kRelations[t], ea, eb, s, x.events.back().id, "synthetic"});
    }
    return x;
}

} // namespace annals
