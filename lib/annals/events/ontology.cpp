#include "annals/events/ontology.hpp"

#include "annals/core/error.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace annals {

namespace detail {

std::vector<std::string> split_on(std::string_view s, char sep) {
    std::vector<std::string> out;
    for (std::size_t b = 0;;) {
        const auto e = s.find(sep, b);
        out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

std::string_view optional_field(std::string_view f) noexcept { return f == "-" ? std::string_view{} : f; }

std::vector<std::string> phrase_words(std::string_view phrase, const std::string& where) {
    if (phrase.empty()) throw Error(Errc::bad_data, where, "empty word or phrase");
    for (const char c : phrase)
        if ((c >= 'A' && c <= 'Z') || c == '\t')
            throw Error(Errc::bad_data, where, "\"" + std::string(phrase) + "\" must be lower case");
    auto words = split_on(phrase, ' ');
    for (const auto& w : words)
        if (w.empty())
            throw Error(Errc::bad_data, where, "\"" + std::string(phrase) + "\" has a stray space");
    return words;
}

} // namespace detail

namespace {

bool is_lower_ident(std::string_view s) {
    if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Dotted lowercase identifiers: "presence", "contact.meet", "life.be_born".
bool is_type_name(std::string_view s) {
    const auto parts = detail::split_on(s, '.');
    return std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return is_lower_ident(p); });
}

// "Contact:Meet", "Justice:Arrest-Jail".
bool is_ace_subtype(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size()) return false;
    auto word = [](std::string_view w) {
        return w.front() >= 'A' && w.front() <= 'Z' &&
               std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; });
    };
    return word(s.substr(0, colon)) && word(s.substr(colon + 1));
}

bool is_plover(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// CAMEO root codes are "01" to "20".
bool is_cameo_root(std::string_view s) {
    if (s.size() != 2 || !std::isdigit(static_cast<unsigned char>(s[0])) || !std::isdigit(static_cast<unsigned char>(s[1])))
        return false;
    const int n = (s[0] - '0') * 10 + (s[1] - '0');
    return n >= 1 && n <= 20;
}

constexpr std::array entity_types{"person", "organization", "gpe", "location", "facility", "group"};
constexpr std::array entity_subtypes{"government", "military", "intergovernmental", "armed_group", "political_party",
                                     "company", "media", "ngo", "country", "state", "city", "region", "continent", "water"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& set, std::string_view s) {
    return std::any_of(set.begin(), set.end(), [&](const char* x) { return s == x; });
}

} // namespace

std::map<std::string, std::string> EventType::codes() const {
    std::map<std::string, std::string> out;
    if (!ace.empty()) out["ace"] = ace;
    if (!plover.empty()) out["plover"] = plover;
    if (!cameo.empty()) out["cameo"] = cameo;
    return out;
}

bool Ontology::is_timeml_class(std::string_view s) noexcept {
    constexpr std::array classes{"OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"};
    return one_of(classes, s);
}

Ontology Ontology::load(const std::string& data_dir) {
    return load_files({data_dir + "/events/ontology.tsv"}, {data_dir + "/events/classes.tsv"});
}

Ontology Ontology::load_files(const std::vector<std::string>& type_files, const std::vector<std::string>& class_files) {
    Ontology o;
    for (const auto& f : type_files) o.add_types(f);
    if (!type_files.empty() && !o.find("other"))
        throw Error(Errc::bad_data, type_files.front(), "the ontology has no type 'other'");
    for (const auto& f : class_files) o.add_classes(f);
    return o;
}

void Ontology::add_types(const std::string& path) {
    detail::read_event_table(path, "annals.events.ontology/1", 7, [&](const detail::EventRow& r) {
        EventType t;
        t.name = std::string(r.fields[0]);
        if (!is_type_name(t.name)) throw Error(Errc::bad_data, r.where, "bad type name \"" + t.name + "\"");
        if (const auto* at = type_index_.find(t.name))
            throw Error(Errc::bad_data, r.where, "type \"" + t.name + "\" is already defined at " + types_[*at].where);
        t.description = std::string(detail::optional_field(r.fields[1]));
        t.ace = std::string(detail::optional_field(r.fields[2]));
        if (!t.ace.empty() && !is_ace_subtype(t.ace))
            throw Error(Errc::bad_data, r.where, "bad ACE subtype \"" + t.ace + "\" (expected Type:Subtype)");
        t.plover = std::string(detail::optional_field(r.fields[3]));
        if (!t.plover.empty() && !is_plover(t.plover))
            throw Error(Errc::bad_data, r.where, "bad PLOVER type \"" + t.plover + "\" (expected upper case)");
        t.cameo = std::string(detail::optional_field(r.fields[4]));
        if (!t.cameo.empty() && !is_cameo_root(t.cameo))
            throw Error(Errc::bad_data, r.where, "bad CAMEO root code \"" + t.cameo + "\" (expected 01 to 20)");
        if (const auto roles = detail::optional_field(r.fields[5]); !roles.empty()) {
            t.roles = detail::split_on(roles, '|');
            for (std::size_t i = 0; i < t.roles.size(); ++i) {
                if (!is_lower_ident(t.roles[i])) throw Error(Errc::bad_data, r.where, "bad role \"" + t.roles[i] + "\"");
                if (std::find(t.roles.begin(), t.roles.begin() + static_cast<std::ptrdiff_t>(i), t.roles[i]) !=
                    t.roles.begin() + static_cast<std::ptrdiff_t>(i))
                    throw Error(Errc::bad_data, r.where, "role \"" + t.roles[i] + "\" listed twice");
            }
        }
        t.timeml_class = std::string(r.fields[6]);
        if (!is_timeml_class(t.timeml_class))
            throw Error(Errc::bad_data, r.where, "unknown TimeML class \"" + t.timeml_class + "\"");
        t.where = r.where;
        type_index_.emplace(t.name, types_.size());
        types_.push_back(std::move(t));
    });
}

void Ontology::add_classes(const std::string& path) {
    detail::read_event_table(path, "annals.events.classes/1", 2, [&](const detail::EventRow& r) {
        WordClass c;
        c.name = std::string(r.fields[0]);
        if (!is_lower_ident(c.name)) throw Error(Errc::bad_data, r.where, "bad class name \"" + c.name + "\"");
        if (const auto* at = class_index_.find(c.name))
            throw Error(Errc::bad_data, r.where, "class \"" + c.name + "\" is already defined at " + classes_[*at].where);
        for (const auto& m : detail::split_on(r.fields[1], '|')) {
            const auto colon = m.find(':');
            const std::string kind = m.substr(0, colon);
            const std::string value = colon == std::string::npos ? std::string() : m.substr(colon + 1);
            if (value.empty()) throw Error(Errc::bad_data, r.where, "member \"" + m + "\" needs kind:value");
            ClassMember cm{ClassMember::Kind::lemma, value};
            if (kind == "entity") {
                cm.kind = ClassMember::Kind::entity;
                if (!one_of(entity_types, value)) throw Error(Errc::bad_data, r.where, "unknown entity type \"" + value + "\"");
            } else if (kind == "subtype") {
                cm.kind = ClassMember::Kind::subtype;
                if (!one_of(entity_subtypes, value)) throw Error(Errc::bad_data, r.where, "unknown entity subtype \"" + value + "\"");
            } else if (kind == "lexfile") {
                cm.kind = ClassMember::Kind::lexfile;
                if ((value.rfind("noun.", 0) != 0 && value.rfind("verb.", 0) != 0) || !is_lower_ident(value.substr(5)))
                    throw Error(Errc::bad_data, r.where, "bad WordNet lexicographer file \"" + value + "\"");
            } else if (kind == "hypernym" || kind == "lemma") {
                cm.kind = kind == "lemma" ? ClassMember::Kind::lemma : ClassMember::Kind::hypernym;
                (void)detail::phrase_words(value, r.where);
            } else if (kind == "class") {
                cm.kind = ClassMember::Kind::word_class;
                if (!word_class(value))
                    throw Error(Errc::bad_data, r.where, "class \"" + value + "\" is not defined on an earlier line");
            } else {
                throw Error(Errc::bad_data, r.where, "unknown member kind \"" + kind + "\"");
            }
            c.members.push_back(std::move(cm));
        }
        c.where = r.where;
        class_index_.emplace(c.name, classes_.size());
        classes_.push_back(std::move(c));
    });
}

const EventType* Ontology::find(std::string_view name) const noexcept {
    const auto* at = type_index_.find(name);
    return at == nullptr ? nullptr : &types_[*at];
}

const WordClass* Ontology::word_class(std::string_view name) const noexcept {
    const auto* at = class_index_.find(name);
    return at == nullptr ? nullptr : &classes_[*at];
}

} // namespace annals
