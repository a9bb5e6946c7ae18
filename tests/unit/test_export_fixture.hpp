#pragma once
// Graphs for the export tests, built directly (text included, so sentences are kept): names
// with quotes, backslashes, a newline, HTML tags, an entity reference and emoji, events dated
// explicitly, by tense and not at all, relations with evidence. Shared by the unit tests and
// the fixture tool of the CLI consumer tests.

#include "annals/graph/merge.hpp"
#include "annals/graph/synthetic.hpp"
#include "annals/record/extraction.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace export_fixture {

/// True for a YYYY-MM-DD value (not PAST_REF and the like, which have ten letters too).
inline bool is_day(const std::string& v) { return v.size() == 10 && v[4] == '-' && v[7] == '-'; }

/// Builds one document: the text, sentences cut at given strings, and mentions found in it.
class DocBuilder {
public:
    DocBuilder(std::string id, std::string text, std::string dct) {
        x_.doc.id = std::move(id);
        x_.doc.text = std::move(text);
        x_.doc.dct = std::move(dct);
        x_.doc.title = "Test article for " + x_.doc.id;
    }

    /// The span of the `nth` occurrence of `s` in the text.
    annals::Span span(std::string_view s, std::size_t nth = 0) const {
        std::size_t at = x_.doc.text.find(s);
        for (std::size_t i = 0; i < nth && at != std::string::npos; ++i) at = x_.doc.text.find(s, at + 1);
        if (at == std::string::npos) throw std::logic_error("fixture: text lacks " + std::string(s));
        return {at, at + s.size()};
    }

    /// Sentences ending right after each of `ends` (the last one ends at the end of the text).
    void sentences(const std::vector<std::string_view>& ends) {
        std::size_t begin = 0;
        for (const auto e : ends) {
            const std::size_t end = x_.doc.text.find(e, begin) + e.size();
            x_.segmentation.sentences.push_back(annals::Sentence{{begin, end}, 0, 0});
            begin = end;
            while (begin < x_.doc.text.size() && (x_.doc.text[begin] == ' ' || x_.doc.text[begin] == '\n')) ++begin;
        }
    }

    std::size_t sentence_of(annals::Span s) const {
        for (std::size_t i = 0; i < x_.segmentation.sentences.size(); ++i)
            if (s.begin < x_.segmentation.sentences[i].span.end) return i;
        return x_.segmentation.sentences.size() - 1;
    }

    /// Adds an entity mentioned by `mention` (its `nth` occurrence); returns its id.
    std::string entity(const std::string& name, const std::string& type, const std::string& key,
                       std::string_view mention, std::size_t nth = 0) {
        annals::Entity e;
        e.id = "E" + std::to_string(x_.entities.size() + 1);
        e.name = name;
        e.type = type;
        e.key = key;
        const annals::Span s = span(mention, nth);
        e.mentions.push_back(annals::Mention{s, std::string(mention), sentence_of(s)});
        x_.entities.push_back(e);
        return e.id;
    }

    std::string timex(std::string_view text, const std::string& value) {
        annals::Timex t;
        t.id = "T" + std::to_string(x_.timexes.size() + 1);
        t.span = span(text);
        t.sentence = sentence_of(t.span);
        t.value = value;
        t.interval = is_day(value) ? std::optional<annals::DayInterval>(annals::DayInterval{value, value}) : std::nullopt;
        t.anchor = annals::TimexAnchor::absolute;
        x_.timexes.push_back(t);
        return t.id;
    }

    /// An event; `time_source` explicit (value of timex `timex_id`), tense (value PAST_REF
    /// ...) or none.
    std::string event(const std::string& type, std::string_view trigger, std::vector<annals::Argument> args,
                      std::optional<std::string> place, const std::string& time_source, const std::string& value,
                      const std::string& modality = "asserted") {
        annals::Event e;
        e.id = "V" + std::to_string(x_.events.size() + 1);
        e.type = type;
        e.trigger.span = span(trigger);
        e.trigger.text = std::string(trigger);
        e.trigger.lemma = std::string(trigger);
        e.sentence = sentence_of(e.trigger.span);
        e.timeml_class = type == "contact.statement" ? "REPORTING" : "OCCURRENCE";
        e.arguments = std::move(args);
        e.place = std::move(place);
        if (time_source != "none") {
            annals::EventTime t;
            t.value = value;
            t.source = time_source;
            if (is_day(value)) t.interval = annals::DayInterval{value, value};
            for (const auto& x : x_.timexes)
                if (x.value == value) t.timex = x.id;
            e.time = t;
        }
        e.modality = modality;
        e.confidence = 0.9;
        e.rule = "fixture";
        x_.events.push_back(e);
        return e.id;
    }

    void relation(const std::string& type, const std::string& source, const std::string& target, std::string_view in,
                  std::optional<std::string> event = std::nullopt) {
        x_.relations.push_back(annals::Relation{type, source, target, sentence_of(span(in)), std::move(event), "fixture"});
    }

    annals::Extraction take() { return std::move(x_); }

private:
    annals::Extraction x_;
};

/// A document whose names hold every character that breaks careless writers.
inline annals::Extraction tricky_document() {
    DocBuilder d("world/tricky \"one\".txt",
                 "Caf\xC3\xA9 \"Noir\" Collective met <b>Bold</b> Front in S\xC3\xA3o Tom\xC3\xA9 on 3 March 2030. "
                 "The Back\\slash Union said the \xF0\x9F\x9A\x80 Rocket Club would attack Twin\nHarbour. "
                 "R&amp;D Board chair Ana O'Neil agreed with Caf\xC3\xA9 \"Noir\" Collective on Monday.",
                 "2030-03-05");
    d.sentences({"2030.", "Harbour.", "Monday."});
    const auto cafe = d.entity("Caf\xC3\xA9 \"Noir\" Collective", "organization", "organization:cafe-noir",
                               "Caf\xC3\xA9 \"Noir\" Collective");
    const auto bold = d.entity("<b>Bold</b> Front", "organization", "organization:bold-front", "<b>Bold</b> Front");
    const auto tome = d.entity("S\xC3\xA3o Tom\xC3\xA9", "gpe", "gpe:sao-tome", "S\xC3\xA3o Tom\xC3\xA9");
    const auto slash = d.entity("Back\\slash Union", "organization", "organization:backslash-union", "Back\\slash Union");
    const auto rocket = d.entity("\xF0\x9F\x9A\x80 Rocket Club", "group", "group:rocket-club", "\xF0\x9F\x9A\x80 Rocket Club");
    const auto twin = d.entity("Twin\nHarbour", "location", "location:twin-harbour", "Twin\nHarbour");
    const auto board = d.entity("R&amp;D Board", "organization", "organization:rd-board", "R&amp;D Board");
    const auto ana = d.entity("Ana O'Neil", "person", "person:ana-oneil", "Ana O'Neil");
    d.timex("3 March 2030", "2030-03-03");
    d.timex("Monday", "2030-03-04");
    const auto meet = d.event("contact.meet", "met", {{"participant", cafe}, {"participant", bold}}, tome, "explicit", "2030-03-03");
    d.event("contact.statement", "said", {{"agent", slash}}, std::nullopt, "tense", "PAST_REF", "asserted");
    const auto attack = d.event("conflict.attack", "attack", {{"agent", rocket}}, twin, "tense", "FUTURE_REF", "future");
    d.event("cooperation.agree", "agreed", {{"participant", ana}, {"participant", cafe}}, std::nullopt, "explicit", "2030-03-04");
    d.relation("met_with", cafe, bold, "met", meet);
    d.relation("opposes", rocket, twin, "attack", attack);
    d.relation("leads", ana, board, "chair");
    d.relation("opposes", slash, rocket, "said");
    return d.take();
}

/// A second report of the meeting and an undated event, from another document.
inline annals::Extraction plain_document() {
    DocBuilder d("world/plain.txt",
                 "Envoys of the Caf\xC3\xA9 \"Noir\" Collective met <b>Bold</b> Front leaders in S\xC3\xA3o Tom\xC3\xA9 "
                 "on 3 March 2030. Talks may resume.",
                 "2030-03-06");
    d.sentences({"2030.", "resume."});
    const auto cafe = d.entity("Caf\xC3\xA9 \"Noir\" Collective", "organization", "organization:cafe-noir",
                               "Caf\xC3\xA9 \"Noir\" Collective");
    const auto bold = d.entity("<b>Bold</b> Front", "organization", "organization:bold-front", "<b>Bold</b> Front");
    const auto tome = d.entity("S\xC3\xA3o Tom\xC3\xA9", "gpe", "gpe:sao-tome", "S\xC3\xA3o Tom\xC3\xA9");
    d.timex("3 March 2030", "2030-03-03");
    const auto meet = d.event("contact.meet", "met", {{"participant", cafe}, {"participant", bold}}, tome, "explicit", "2030-03-03");
    d.event("contact.meet", "Talks", {{"participant", cafe}}, std::nullopt, "none", "", "hypothetical");
    d.relation("met_with", cafe, bold, "met", meet);
    return d.take();
}

/// The two documents merged, with their text.
inline annals::KnowledgeGraph tricky_graph() {
    annals::GraphBuilder b(annals::MergeOptions{1});
    b.add(tricky_document(), "fixture-tricky", true);
    b.add(plain_document(), "fixture-plain", true);
    return b.build();
}

/// `events` synthetic events (10 per document) merged, with their text.
inline annals::KnowledgeGraph synthetic_graph(std::size_t events, std::size_t actors, std::size_t places) {
    annals::SyntheticOptions o;
    o.actors = actors;
    o.places = places;
    annals::GraphBuilder b(annals::MergeOptions{1});
    for (std::size_t i = 0; i < events / o.events_per_doc; ++i)
        b.add(annals::synthetic_document(i, o), "synthetic-" + std::to_string(i), true);
    return b.build();
}

} // namespace export_fixture
