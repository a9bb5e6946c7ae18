#pragma once
// Runs the event stage on a hand-written text with hand-built entities: the stages before it
// (segmentation, time, tagging) run for real; the entities are given, so these tests do not
// depend on the entity recognizer.

#include "annals/events/detector.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace annals::test {

inline std::string events_data_dir() { return std::string(ANNALS_SOURCE_DIR) + "/lib/data"; }

/// The resources, loaded once; null when WordNet is not installed.
struct EventStage {
    Lexicon lex;
    TimeTagger time;
    EventDetector detector;
    EventStage()
        : lex(LexiconOptions{events_data_dir(), {}}), time(events_data_dir()), detector(events_data_dir()) {}
};

inline const EventStage* event_stage() {
    static const std::unique_ptr<EventStage> stage = []() -> std::unique_ptr<EventStage> {
        if (!std::filesystem::exists(default_wordnet_dir() + "/index.noun")) return nullptr;
        return std::make_unique<EventStage>();
    }();
    return stage.get();
}

/// An entity the test names: every whole-word occurrence of `text` is one of its mentions.
struct EntitySpec {
    std::string text;
    std::string type;
    std::string subtype;
    std::vector<std::string> also = {}; ///< further mention texts of the same entity
};

inline bool word_boundary(const std::string& s, std::size_t b, std::size_t e) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    return (b == 0 || !letter(s[b - 1])) && (e >= s.size() || !letter(s[e]));
}

inline std::vector<Entity> make_entities(const std::string& text, const std::vector<EntitySpec>& specs) {
    std::vector<Entity> out;
    for (const auto& spec : specs) {
        Entity e;
        e.id = "E" + std::to_string(out.size() + 1);
        e.name = spec.text;
        e.type = spec.type;
        if (!spec.subtype.empty()) e.subtype = spec.subtype;
        e.key = spec.type + ":" + spec.text;
        std::vector<std::string> forms{spec.text};
        forms.insert(forms.end(), spec.also.begin(), spec.also.end());
        for (const auto& f : forms)
            for (auto at = text.find(f); at != std::string::npos; at = text.find(f, at + 1))
                if (word_boundary(text, at, at + f.size())) e.mentions.push_back({{at, at + f.size()}, f, 0});
        std::sort(e.mentions.begin(), e.mentions.end(), [](const Mention& a, const Mention& b) { return a.span < b.span; });
        out.push_back(std::move(e));
    }
    return out;
}

/// The event stage's output for `text`.
struct Detected {
    std::string text;
    std::vector<Entity> entities;
    std::vector<Timex> timexes;
    std::vector<Event> events;
    std::vector<Relation> relations;

    /// The event whose trigger (or a further mention) is `trigger` (first occurrence), or null.
    [[nodiscard]] const Event* event(const std::string& trigger) const {
        for (const auto& e : events) {
            if (e.trigger.text == trigger) return &e;
            for (const auto& m : e.mentions)
                if (m.text == trigger) return &e;
        }
        return nullptr;
    }
    /// The name of the entity with id `id`.
    [[nodiscard]] std::string name(const std::string& id) const {
        for (const auto& e : entities)
            if (e.id == id) return e.name;
        return "?";
    }
    /// The names of the arguments of `e` with role `role`, in order.
    [[nodiscard]] std::vector<std::string> args(const Event& e, const std::string& role) const {
        std::vector<std::string> out;
        for (const auto& a : e.arguments)
            if (a.role == role) out.push_back(name(a.entity));
        return out;
    }
    [[nodiscard]] bool has_relation(const std::string& type, const std::string& source, const std::string& target) const {
        for (const auto& r : relations)
            if (r.type == type && name(r.source) == source && name(r.target) == target) return true;
        return false;
    }
};

inline Detected detect(const EventStage& st, const std::string& text, const std::vector<EntitySpec>& specs = {},
                       std::optional<std::string> dct = std::string("2021-06-30")) {
    Detected d;
    d.text = text;
    const auto seg = segment(text);
    std::vector<Diagnostic> diags;
    d.timexes = st.time.tag(text, seg, dct, TimeMode::news, diags);
    const auto tags = tag(text, seg, st.lex);
    d.entities = make_entities(text, specs);
    st.detector.detect({text, seg, tags, st.lex, d.entities, d.timexes, dct}, d.events, d.relations);
    return d;
}

} // namespace annals::test

#define ANNALS_NEED_EVENT_STAGE()                                                                                       \
    const auto* stage = ::annals::test::event_stage();                                                                  \
    if (stage == nullptr) {                                                                                             \
        WARN("WordNet database absent; skipped");                                                                       \
        return;                                                                                                         \
    }
