#include "annals/events/trigger_lexicon.hpp"

#include "annals/core/error.hpp"

#include <algorithm>
#include <atomic>
#include <set>
#include <unordered_map>
#include <utility>

namespace annals {

namespace {

using Kind = TriggerConstraint::Kind;

const std::vector<const TriggerEntry*> no_entries;
const std::vector<const LightVerb*> no_light_verbs;

TriggerPos parse_pos(std::string_view s, const std::string& where) {
    if (s == "verb") return TriggerPos::verb;
    if (s == "noun") return TriggerPos::noun;
    if (s == "adj") return TriggerPos::adj;
    throw Error(Errc::bad_data, where, "unknown part of speech \"" + std::string(s) + "\" (verb, noun or adj)");
}

bool is_word(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// A flag condition (no '='), checked against the part of speech it makes sense for.
TriggerConstraint parse_flag(std::string_view item, TriggerPos pos, const std::string& where) {
    static const std::map<std::string_view, std::pair<Kind, TriggerPos>> flags{
        {"passive", {Kind::passive, TriggerPos::verb}},       {"active", {Kind::active, TriggerPos::verb}},
        {"transitive", {Kind::transitive, TriggerPos::verb}}, {"intransitive", {Kind::intransitive, TriggerPos::verb}},
        {"infinitive", {Kind::infinitive, TriggerPos::verb}}, {"plural", {Kind::plural, TriggerPos::noun}},
        {"singular", {Kind::singular, TriggerPos::noun}}};
    const auto it = flags.find(item);
    if (it == flags.end()) throw Error(Errc::bad_data, where, "unknown constraint \"" + std::string(item) + "\"");
    if (it->second.second != pos)
        throw Error(Errc::bad_data, where,
                    "constraint \"" + std::string(item) + "\" applies only to a " + std::string(to_string(it->second.second)));
    TriggerConstraint c;
    c.kind = it->second.first;
    return c;
}

std::vector<ConstraintValue> parse_values(std::string_view list, const Ontology& onto, const std::string& where) {
    std::vector<ConstraintValue> out;
    for (const auto& item : detail::split_on(list, '|')) {
        ConstraintValue v;
        std::string_view s = item;
        if (!s.empty() && s.front() == '!') {
            v.negated = true;
            s.remove_prefix(1);
        }
        if (s.rfind("lemma:", 0) == 0) {
            v.is_lemma = true;
            v.name = std::string(s.substr(6));
            (void)detail::phrase_words(v.name, where);
        } else {
            v.name = std::string(s);
            if (!onto.word_class(v.name)) throw Error(Errc::bad_data, where, "unknown word class \"" + v.name + "\" in a constraint");
        }
        out.push_back(std::move(v));
    }
    return out;
}

// A slot condition "key=value".
TriggerConstraint parse_slot(std::string_view key, std::string_view value, TriggerPos pos, const Ontology& onto,
                             const std::string& where) {
    TriggerConstraint c;
    if (value.empty()) throw Error(Errc::bad_data, where, "constraint \"" + std::string(key) + "=\" has no value");
    if (key == "prep") {
        c.kind = Kind::prep;
        c.words = detail::split_on(value, '|');
        for (const auto& w : c.words)
            if (!is_word(w)) throw Error(Errc::bad_data, where, "bad preposition \"" + w + "\"");
        return c;
    }
    if (key == "subject" || key == "object") {
        c.kind = key == "subject" ? Kind::subject : Kind::object;
        if (c.kind == Kind::object && pos != TriggerPos::verb)
            throw Error(Errc::bad_data, where, "constraint \"object\" applies only to a verb");
    } else if (key.rfind("pp:", 0) == 0 && is_word(key.substr(3))) {
        c.kind = Kind::pp;
        c.prep = std::string(key.substr(3));
    } else {
        throw Error(Errc::bad_data, where, "unknown constraint \"" + std::string(key) + "\"");
    }
    c.values = parse_values(value, onto, where);
    return c;
}

std::vector<TriggerConstraint> parse_constraints(std::string_view text, TriggerPos pos, const Ontology& onto,
                                                 const std::string& where) {
    std::vector<TriggerConstraint> out;
    if (text.empty()) return out;
    std::set<Kind> flags;
    for (const auto& item : detail::split_on(text, ',')) {
        const auto eq = item.find('=');
        auto c = eq == std::string::npos ? parse_flag(item, pos, where)
                                         : parse_slot(std::string_view(item).substr(0, eq), std::string_view(item).substr(eq + 1), pos, onto, where);
        flags.insert(c.kind);
        out.push_back(std::move(c));
    }
    auto both = [&](Kind a, Kind b) { return flags.count(a) && flags.count(b); };
    if (both(Kind::passive, Kind::active) || both(Kind::transitive, Kind::intransitive) || both(Kind::plural, Kind::singular))
        throw Error(Errc::bad_data, where, "contradictory constraints \"" + std::string(text) + "\"");
    return out;
}

} // namespace

std::string_view to_string(TriggerPos pos) noexcept {
    switch (pos) {
    case TriggerPos::verb: return "verb";
    case TriggerPos::noun: return "noun";
    case TriggerPos::adj: return "adj";
    }
    return "verb";
}

TriggerLexicon TriggerLexicon::load(const Ontology& ontology, const std::string& data_dir,
                                    const std::vector<std::string>& extra_trigger_files) {
    std::vector<std::string> files{data_dir + "/events/triggers.tsv"};
    files.insert(files.end(), extra_trigger_files.begin(), extra_trigger_files.end());
    return load_files(ontology, files, {data_dir + "/events/light_verbs.tsv"});
}

TriggerLexicon TriggerLexicon::load_files(const Ontology& ontology, const std::vector<std::string>& trigger_files,
                                          const std::vector<std::string>& light_verb_files) {
    TriggerLexicon lex;
    std::vector<std::size_t> file_starts;
    for (const auto& f : trigger_files) {
        file_starts.push_back(lex.entries_.size());
        lex.add_triggers(ontology, f);
    }
    for (const auto& f : light_verb_files) lex.add_light_verbs(f);
    lex.build_indexes(file_starts);
    return lex;
}

void TriggerLexicon::add_triggers(const Ontology& ontology, const std::string& path) {
    // Rule ids and rows must be unique across every file, so a user's file cannot shadow a row
    // silently.
    std::unordered_map<std::string, std::string> rules;
    std::unordered_map<std::string, std::string> rows;
    rules.reserve(entries_.size() + 2048);
    rows.reserve(entries_.size() + 2048);
    entries_.reserve(entries_.size() + 2048); // the base file has about 1200 rows
    for (const auto& e : entries_) {
        rules.emplace(e.rule, e.where);
        rows.emplace(e.lemma + '\t' + std::string(to_string(e.pos)) + '\t' + e.type + '\t' + e.constraint_text, e.where);
    }
    detail::read_event_table(path, "annals.events.triggers/1", 6, [&](const detail::EventRow& r) {
        TriggerEntry e;
        e.lemma = std::string(r.fields[0]);
        e.words = detail::phrase_words(e.lemma, r.where);
        e.pos = parse_pos(r.fields[1], r.where);
        e.type = std::string(r.fields[2]);
        if (!ontology.find(e.type)) throw Error(Errc::bad_data, r.where, "unknown event type \"" + e.type + "\"");
        e.timeml_class = std::string(r.fields[3]);
        if (!Ontology::is_timeml_class(e.timeml_class))
            throw Error(Errc::bad_data, r.where, "unknown TimeML class \"" + e.timeml_class + "\"");
        e.constraint_text = std::string(detail::optional_field(r.fields[4]));
        e.constraints = parse_constraints(e.constraint_text, e.pos, ontology, r.where);
        e.rule = std::string(r.fields[5]);
        if (e.rule.empty() || e.rule.find(' ') != std::string::npos)
            throw Error(Errc::bad_data, r.where, "bad rule id \"" + e.rule + "\"");
        if (auto [it, fresh] = rules.emplace(e.rule, r.where); !fresh)
            throw Error(Errc::bad_data, r.where, "rule id \"" + e.rule + "\" is already used at " + it->second);
        const auto key = e.lemma + '\t' + std::string(r.fields[1]) + '\t' + e.type + '\t' + e.constraint_text;
        if (auto [it, fresh] = rows.emplace(key, r.where); !fresh)
            throw Error(Errc::bad_data, r.where, "the same trigger is already defined at " + it->second);
        e.where = r.where;
        entries_.push_back(std::move(e));
    });
}

void TriggerLexicon::add_light_verbs(const std::string& path) {
    detail::read_event_table(path, "annals.events.light_verbs/1", 5, [&](const detail::EventRow& r) {
        LightVerb v;
        v.lemma = std::string(r.fields[0]);
        v.words = detail::phrase_words(v.lemma, r.where);
        if (std::any_of(light_.begin(), light_.end(), [&](const LightVerb& o) { return o.lemma == v.lemma; }))
            throw Error(Errc::bad_data, r.where, "light verb \"" + v.lemma + "\" is listed twice");
        for (const auto& comp : detail::split_on(r.fields[1], '|')) {
            if (comp.rfind("prep:", 0) == 0 && is_word(std::string_view(comp).substr(5)) && v.complement_prep.empty())
                v.complement_prep = comp.substr(5);
            else if (comp == "object")
                v.object = true;
            else if (comp == "subject")
                v.subject = true;
            else
                throw Error(Errc::bad_data, r.where,
                            "complement must be object, subject or prep:<word> ('|'-separated), not \"" + comp + "\"");
        }
        v.subject_role = std::string(r.fields[2]);
        if (v.subject_role != "agent" && v.subject_role != "participant" && v.subject_role != "organizer" && v.subject_role != "host")
            throw Error(Errc::bad_data, r.where, "unknown subject role \"" + v.subject_role + "\"");
        v.timeml_class = std::string(detail::optional_field(r.fields[3]));
        if (!v.timeml_class.empty() && !Ontology::is_timeml_class(v.timeml_class))
            throw Error(Errc::bad_data, r.where, "unknown TimeML class \"" + v.timeml_class + "\"");
        v.rule = std::string(r.fields[4]);
        if (v.rule.empty()) throw Error(Errc::bad_data, r.where, "empty rule id");
        v.where = r.where;
        light_.push_back(std::move(v));
    });
}

void TriggerLexicon::build_indexes(const std::vector<std::size_t>& file_starts) {
    // The last file first, so that a user's rows are tried before the built-in ones they refine;
    // inside a file, file order.
    std::size_t end = entries_.size();
    for (auto start = file_starts.rbegin(); start != file_starts.rend(); ++start) {
        for (std::size_t i = *start; i < end; ++i) {
            const auto& e = entries_[i];
            by_lemma_[e.lemma][static_cast<std::size_t>(e.pos)].push_back(&e);
            if (e.words.size() > 1) phrases_[e.words.front()].push_back(&e);
        }
        end = *start;
    }
    for (const auto& v : light_) {
        light_by_lemma_.emplace(v.lemma, &v);
        if (v.words.size() > 1) light_phrases_[v.words.front()].push_back(&v);
    }
    // Longest phrase first; stable so that file order decides among equals.
    for (auto& [first, list] : phrases_)
        std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->words.size() > b->words.size(); });
    for (auto& [first, list] : light_phrases_)
        std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->words.size() > b->words.size(); });
    // One entry per word of any index, so that lookup() answers the four questions at once.
    for (auto& [w, rows] : by_lemma_) word_ids_.insert(w);
    for (auto& [w, list] : phrases_) word_ids_.insert(w);
    for (auto& [w, lv] : light_by_lemma_) word_ids_.insert(w);
    for (auto& [w, list] : light_phrases_) word_ids_.insert(w);
    auto triggers_of = [&](std::string_view w) {
        WordTriggers t;
        for (std::size_t p = 0; p < t.rows.size(); ++p) t.rows[p] = &find(w, static_cast<TriggerPos>(p));
        t.phrases = &phrases_starting_with(w);
        t.light = light_verb(w);
        t.light_phrases = &light_phrases_starting_with(w);
        return t;
    };
    words_.assign(1, WordTriggers{{&no_entries, &no_entries, &no_entries}, &no_entries, nullptr, &no_light_verbs});
    for (auto& [w, id] : word_ids_) {
        id = static_cast<std::uint32_t>(words_.size());
        words_.push_back(triggers_of(w));
    }
    static std::atomic<std::uint64_t> serials{0};
    serial_ = ++serials;
}

const WordTriggers& TriggerLexicon::lookup(std::string_view word) const {
    auto id_of = [&] {
        const auto* id = word_ids_.find(word);
        return id == nullptr ? std::uint32_t{0} : *id;
    };
    detail::ShortWord w;
    if (!detail::ShortWord::pack(word, w)) return words_[id_of()];
    struct Memo {
        std::uint64_t lexicon = 0;
        detail::ShortWordMemo<std::uint32_t> ids;
    };
    thread_local Memo thread_memo;
    Memo& memo = thread_memo; // one TLS address per call
    if (memo.lexicon != serial_) {
        memo.ids.clear();
        memo.lexicon = serial_;
    }
    return words_[memo.ids.get(w, id_of)];
}

const std::vector<const TriggerEntry*>& TriggerLexicon::find(std::string_view lemma, TriggerPos pos) const {
    const auto* rows = by_lemma_.find(lemma);
    return rows == nullptr ? no_entries : (*rows)[static_cast<std::size_t>(pos)];
}

const std::vector<const TriggerEntry*>& TriggerLexicon::phrases_starting_with(std::string_view first_lemma) const {
    const auto* list = phrases_.find(first_lemma);
    return list == nullptr ? no_entries : *list;
}

const LightVerb* TriggerLexicon::light_verb(std::string_view lemma) const {
    const auto* lv = light_by_lemma_.find(lemma);
    return lv == nullptr ? nullptr : *lv;
}

const std::vector<const LightVerb*>& TriggerLexicon::light_phrases_starting_with(std::string_view first_lemma) const {
    const auto* list = light_phrases_.find(first_lemma);
    return list == nullptr ? no_light_verbs : *list;
}

} // namespace annals
