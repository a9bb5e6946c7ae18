// Resolution inside a document: single words typed from the rest of the document (short
// forms, acronyms, slashes, head words), lower-case references to named organizations, and
// one key per entity.
#include "annals/entities/doc_view.hpp"
#include "annals/entities/resolve_detail.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace annals::detail {

namespace {

/// key_slug(name) appended to `out`: keys are built as "type:" + slug, in one string.
void append_key_slug(std::string& out, std::string_view name) {
    // Normalizing changes nothing here in ASCII text: the white space and dashes it unifies
    // all become one '-' below anyway. It only matters for UTF-8 apostrophes and dashes.
    const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    const std::string norm = ascii ? std::string() : normalize_name(name);
    const std::string_view src = ascii ? name : std::string_view(norm);
    // Every character written stands for one read (a '-' for a run of separators before a
    // kept one), so the slug fits in src.size() bytes: written in place, then cut to length.
    const auto start = out.size();
    out.resize(start + src.size());
    char* const first = out.data() + start;
    char* p = first;
    bool dash = false;
    for (const char c : src) {
        const auto u = static_cast<unsigned char>(c);
        char folded = c;
        if (c >= 'A' && c <= 'Z') {
            folded = static_cast<char>(c - 'A' + 'a');
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80)) {
            if (c != '.' && c != '\'') dash = true;
            continue;
        }
        if (dash && p != first) *p++ = '-';
        *p++ = folded;
        dash = false;
    }
    out.resize(start + static_cast<std::size_t>(p - first));
}

} // namespace

std::string key_slug(std::string_view name) {
    std::string out;
    append_key_slug(out, name);
    return out;
}

namespace {

/// What join_persons() compares of a name: how many words (split at spaces, slashes and
/// commas) and the first and last.
struct NameWords {
    std::size_t count = 0;
    std::string_view front, back;
};

NameWords words_of(std::string_view s) {
    NameWords out;
    const char* const data = s.data();
    std::size_t b = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && data[i] != ' ' && data[i] != '/' && data[i] != ',') continue;
        if (i > b) {
            const std::string_view word(data + b, i - b); // inside s: no checked substr
            if (out.count++ == 0) out.front = word;
            out.back = word;
        }
        b = i + 1;
    }
    return out;
}

std::string identity_key(const NameCandidate& c, std::string_view text) {
    if (c.entry) return c.entry->key;
    std::string key;
    if (c.type == "group") {
        key = "group:";
        append_key_slug(key, c.group);
        return key;
    }
    key = c.type;
    key += ':';
    append_key_slug(key, c.span.of(text));
    return key;
}

} // namespace

Resolver::Resolver(const DocView& doc, std::vector<NameCandidate>& cands) : doc_(doc), cands_(cands) {
    keys_.resize(cands.size());
}

void Resolver::run() {
    pick_cities();
    find_teams();
    for (std::size_t i = 0; i < cands_.size(); ++i)
        if (!cands_[i].type.empty()) keys_[i] = identity_key(cands_[i], doc_.text());
    join_persons();
    link_acronyms_and_slashes();
    type_single_words();
    add_nominal_references();
}

/// A city named in several countries is the one in a country the document names.
void Resolver::pick_cities() {
    std::vector<std::string> countries;
    for (const auto& c : cands_)
        if (c.entry && c.entry->subtype == "country") countries.push_back(c.entry->country);
    if (countries.empty()) return; // no country to prefer: looking the cities up changes nothing
    for (auto& c : cands_) {
        if (!c.entry || c.entry->subtype != "city" || c.kind != "name") continue;
        if (const auto* city = doc_.gaz().city_in(c.span.of(doc_.text()), countries)) c.entry = city;
    }
}

/// A name that scores ("Kent 108-3") or beats or is beaten ("Leicestershire beat Somerset").
bool Resolver::team_context(const NameCandidate& c) const {
    // A short list, asked of the words around every dictionary name: a scan beats a tree.
    static constexpr std::array<std::string_view, 12> beat_words{"beat", "beats", "defeated", "drew", "draw", "lost", "edged",
                                                                 "thrashed", "routed", "hammered", "outclassed", "tied"};
    struct {
        bool contains(std::string_view w) const { return std::find(beat_words.begin(), beat_words.end(), w) != beat_words.end(); }
    } beat;
    const auto& toks = doc_.seg().tokens;
    const bool score = c.last < toks.size() && toks[c.last].kind == TokenKind::number && !doc_.in_time(c.last) &&
                       doc_.sentence_of(c.last) == c.sentence;
    return score || (c.last < toks.size() && beat.contains(doc_.lower_token(c.last))) ||
           (c.first > 0 && beat.contains(doc_.lower_token(c.first - 1)));
}

/// "Leicestershire beat Somerset", "Kent 108-3": in sports reports a town or county that scores
/// or beats is its team, an organization, in every mention of the document.
void Resolver::find_teams() {
    const auto& toks = doc_.seg().tokens;
    std::set<std::string> teams;
    for (const auto& c : cands_) {
        if (!c.entry || c.entry->type == "organization" || c.entry->subtype == "country" || c.entry->subtype == "continent") continue;
        if (team_context(c)) teams.insert(c.entry->key);
    }
    for (auto& c : cands_) {
        if (!c.entry || !teams.contains(c.entry->key)) continue;
        // A dateline ("NEW YORK 1996-08-30") names the place the report comes from.
        if (c.last < toks.size() && doc_.in_time(c.last)) continue;
        c.type = "organization";
        c.subtype = {};
        c.rule = "name/team";
        c.entry = nullptr;
    }
}

/// "Blinken" and "Antony Blinken" after "Antony J. Blinken": one person, under the longest name.
void Resolver::join_persons() {
    std::vector<std::size_t> persons;
    for (std::size_t i = 0; i < cands_.size(); ++i)
        if (cands_[i].type == "person" && !cands_[i].entry) persons.push_back(i);
    std::stable_sort(persons.begin(), persons.end(), [&](std::size_t a, std::size_t b) {
        return cands_[a].span.size() > cands_[b].span.size();
    });
    std::vector<NameWords> words(persons.size());
    for (std::size_t x = 0; x < persons.size(); ++x) words[x] = words_of(cands_[persons[x]].span.of(doc_.text()));
    for (std::size_t x = 0; x < persons.size(); ++x) {
        const auto& shorter = words[x];
        for (std::size_t y = 0; y < x; ++y) {
            const auto& longer = words[y];
            if (shorter.count >= longer.count) continue;
            // "Kranz" or "Tobias Kranz" after "Tobias W. Kranz"; a single word may be the surname.
            const bool same = shorter.count == 1 ? shorter.back == longer.back
                                                 : shorter.back == longer.back && shorter.front == longer.front;
            if (!same) continue;
            keys_[persons[x]] = keys_[persons[y]];
            break;
        }
    }
}

void Resolver::adopt(std::size_t from, std::size_t to) {
    auto& c = cands_[to];
    const auto& src = cands_[from];
    c.type = src.type;
    c.subtype = src.subtype;
    c.entry = src.entry;
    if (c.rule == "name/single") c.rule = "name/alias";
    keys_[to] = keys_[from];
}

/// ", known as", "also known as", ", or": what follows is another name of what precedes.
bool Resolver::known_as(std::uint32_t from, std::uint32_t to) const {
    // Every phrase opens with one of these tokens (tokens hold no space): most pairs of nearby
    // names end here.
    if (const auto head = doc_.lower_token(from); head != "," && head != "also" && head != "known") return false;
    thread_local std::string words; // asked for every pair of nearby names: no allocation
    words.clear();
    for (auto k = from; k < to; ++k) {
        if (!words.empty()) words += ' ';
        words += doc_.lower_token(k);
    }
    return words == ", known as" || words == ", also known as" || words == "also known as" || words == "known as" ||
           words == ", formerly" || words == ", formerly known as";
}

/// "Islamic State of Iraq and the Levant (ISIL)", "Daesh/ISIS", "X, known as Y": the second is
/// another name of the first.
void Resolver::link_acronyms_and_slashes() {
    const auto& toks = doc_.seg().tokens;
    for (std::size_t i = 0; i + 1 < cands_.size(); ++i) {
        auto& a = cands_[i];
        auto& b = cands_[i + 1];
        const auto between = b.first - a.last;
        // "(ISIL)" after "Islamic State of Iraq and the Levant" defines an acronym; "(Australia)"
        // after a runner's name does not: the acronym starts with the name's first letter.
        const auto aw = a.span.of(doc_.text());
        const auto bw = b.span.of(doc_.text());
        const bool paren = between == 1 && doc_.token(a.last) == "(" && b.last < toks.size() && doc_.token(b.last) == ")" &&
                           b.last - b.first == 1 && a.last - a.first >= 2 && bw.size() >= 2 &&
                           std::none_of(bw.begin(), bw.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) &&
                           ascii_lower(aw.substr(0, 1)) == ascii_lower(bw.substr(0, 1));
        const bool slash = between == 1 && doc_.token(a.last) == "/";
        if (!paren && !slash && (between < 2 || between > 4 || !known_as(a.last, b.first))) continue;
        const bool a_guess = a.type.empty() || (!a.entry && a.rule.starts_with("name/"));
        if (b.type.empty() && !a.type.empty()) {
            adopt(i, i + 1);
            aliases_[b.span.of(doc_.text())] = i;
        } else if (!slash && a_guess && b.entry) {
            // "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)": the known acronym names the spelling.
            adopt(i + 1, i);
        } else if (slash && a.type.empty() && !b.type.empty()) {
            adopt(i + 1, i);
            aliases_[a.span.of(doc_.text())] = i + 1;
        }
    }
}

} // namespace annals::detail
