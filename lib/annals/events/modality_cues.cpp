#include "annals/events/modality_cues.hpp"

#include "annals/core/error.hpp"
#include "annals/events/ontology.hpp"

#include <algorithm>
#include <charconv>

namespace annals {

namespace {

const std::vector<const ModalityCue*> no_cues;
const std::vector<const ScopeTerminator*> no_terminators;

ModalityClass parse_class(std::string_view s, const std::string& where) {
    if (s == "negated") return ModalityClass::negated;
    if (s == "hypothetical") return ModalityClass::hypothetical;
    if (s == "future") return ModalityClass::future;
    if (s == "reported") return ModalityClass::reported;
    throw Error(Errc::bad_data, where, "unknown modality class \"" + std::string(s) + "\"");
}

ScopeDirection parse_direction(std::string_view s, const std::string& where) {
    if (s == "forward") return ScopeDirection::forward;
    if (s == "backward") return ScopeDirection::backward;
    if (s == "both") return ScopeDirection::both;
    throw Error(Errc::bad_data, where, "unknown scope direction \"" + std::string(s) + "\" (forward, backward or both)");
}

void parse_window(std::string_view s, ModalityCue& cue, const std::string& where) {
    if (s == "clause") {
        cue.unit = ScopeUnit::clause;
        return;
    }
    if (s == "sentence") {
        cue.unit = ScopeUnit::sentence;
        return;
    }
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), cue.window);
    if (ec != std::errc() || end != s.data() + s.size() || cue.window == 0 || cue.window > 50)
        throw Error(Errc::bad_data, where, "window must be 1 to 50 tokens, clause or sentence, not \"" + std::string(s) + "\"");
    cue.unit = ScopeUnit::tokens;
}

template <class T>
void sort_longest_first(detail::WordIndex<std::vector<const T*>>& index) {
    for (auto& [first, list] : index)
        std::stable_sort(list.begin(), list.end(), [](const T* a, const T* b) { return a->words.size() > b->words.size(); });
}

} // namespace

std::string_view to_string(ModalityClass c) noexcept {
    switch (c) {
    case ModalityClass::negated: return "negated";
    case ModalityClass::hypothetical: return "hypothetical";
    case ModalityClass::future: return "future";
    case ModalityClass::reported: return "reported";
    }
    return "negated";
}

ModalityCues ModalityCues::load(const std::string& data_dir, const std::vector<std::string>& extra_cue_files) {
    std::vector<std::string> files{data_dir + "/events/modality_cues.tsv"};
    files.insert(files.end(), extra_cue_files.begin(), extra_cue_files.end());
    return load_files(files, {data_dir + "/events/scope_terminators.tsv"});
}

ModalityCues ModalityCues::load_files(const std::vector<std::string>& cue_files, const std::vector<std::string>& terminator_files) {
    ModalityCues m;
    for (const auto& f : cue_files) m.add_cues(f);
    for (const auto& f : terminator_files) m.add_terminators(f);
    m.build_indexes();
    return m;
}

void ModalityCues::add_cues(const std::string& path) {
    detail::read_event_table(path, "annals.events.modality/1", 5, [&](const detail::EventRow& r) {
        ModalityCue c;
        c.text = std::string(r.fields[0]);
        c.words = detail::phrase_words(c.text, r.where);
        c.cls = parse_class(r.fields[1], r.where);
        c.direction = parse_direction(r.fields[2], r.where);
        parse_window(r.fields[3], c, r.where);
        if (r.fields[4] != "form" && r.fields[4] != "lemma")
            throw Error(Errc::bad_data, r.where, "match must be form or lemma, not \"" + std::string(r.fields[4]) + "\"");
        c.match_lemma = r.fields[4] == "lemma";
        for (const auto& o : cues_)
            if (o.text == c.text && o.cls == c.cls && o.match_lemma == c.match_lemma)
                throw Error(Errc::bad_data, r.where, "cue \"" + c.text + "\" is already listed at " + o.where);
        c.where = r.where;
        cues_.push_back(std::move(c));
    });
}

void ModalityCues::add_terminators(const std::string& path) {
    detail::read_event_table(path, "annals.events.scope_terminators/1", 2, [&](const detail::EventRow& r) {
        ScopeTerminator t;
        t.text = std::string(r.fields[0]);
        t.words = detail::phrase_words(t.text, r.where);
        if (r.fields[1] == "all") {
            t.ends.fill(true);
        } else {
            for (const auto& c : detail::split_on(r.fields[1], '|')) t.ends[static_cast<std::size_t>(parse_class(c, r.where))] = true;
        }
        t.where = r.where;
        terminators_.push_back(std::move(t));
    });
}

void ModalityCues::build_indexes() {
    for (const auto& c : cues_) (c.match_lemma ? by_lemma_ : by_form_)[c.words.front()].push_back(&c);
    for (const auto& t : terminators_) terminator_index_[t.words.front()].push_back(&t);
    sort_longest_first(by_form_);
    sort_longest_first(by_lemma_);
    sort_longest_first(terminator_index_);
}

const std::vector<const ModalityCue*>& ModalityCues::form_cues_starting_with(std::string_view first_form) const {
    const auto* list = by_form_.find(first_form);
    return list == nullptr ? no_cues : *list;
}

const std::vector<const ModalityCue*>& ModalityCues::lemma_cues_starting_with(std::string_view first_lemma) const {
    const auto* list = by_lemma_.find(first_lemma);
    return list == nullptr ? no_cues : *list;
}

const std::vector<const ScopeTerminator*>& ModalityCues::terminators_starting_with(std::string_view first_form) const {
    const auto* list = terminator_index_.find(first_form);
    return list == nullptr ? no_terminators : *list;
}

} // namespace annals
