#include "annals/entities/gazetteer.hpp"

#include "annals/core/error.hpp"
#include "annals/entities/gazetteer_index.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <tuple>

namespace annals {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Length of a UTF-8 apostrophe, dash or no-break space at `i`, with what it stands for.
std::size_t special_at(std::string_view s, std::size_t i, char& as) {
    const auto u = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (i + 1 < s.size() && u(0) == 0xC2 && u(1) == 0xA0) return as = ' ', 2;                // NBSP
    if (i + 1 < s.size() && u(0) == 0xCA && u(1) == 0xBC) return as = '\'', 2;               // ʼ
    if (i + 2 < s.size() && u(0) == 0xE2 && u(1) == 0x80) {
        if (u(2) == 0x98 || u(2) == 0x99) return as = '\'', 3;                                  // ‘ ’
        if (u(2) >= 0x90 && u(2) <= 0x94) return as = '-', 3;                                   // ‐ ‑ ‒ – —
    }
    if (i + 2 < s.size() && u(0) == 0xE2 && u(1) == 0x88 && u(2) == 0x92) return as = '-', 3; // −
    return 0;
}

/// Kind order of find(): actors, countries, regions, cities, subdivisions.
int kind_rank(const GazEntry& e) {
    if (e.type != "gpe" && e.type != "location") return 0;
    if (e.subtype == "country") return 1;
    if (e.type == "location") return 2;
    if (e.subtype == "city") return 3;
    return 4;
}

bool has_upper_ascii_or_fold_change(std::string_view norm, std::string_view folded) { return norm != folded; }

} // namespace

namespace {

/// True when normalize_name() would return `text` unchanged: ASCII with no white space but
/// single spaces between non-dash characters. Most names are so, and copying them is far
/// cheaper than rebuilding them byte by byte.
bool already_normal(std::string_view text) {
    if (text.empty()) return true;
    if (text.front() == ' ' || text.back() == ' ') return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u > ' ' && u < 0x80) continue;
        // Inside the text (the ends are no space), so text[i - 1] and text[i + 1] exist.
        if (u != ' ' || text[i - 1] == ' ' || text[i - 1] == '-' || text[i + 1] == '-') return false;
    }
    return true;
}

} // namespace

std::string normalize_name(std::string_view text) {
    if (already_normal(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        char as = 0;
        std::size_t n = special_at(text, i, as);
        char c = n ? as : text[i];
        i += n ? n : 1;
        if (is_space(static_cast<unsigned char>(c))) {
            pending_space = !out.empty();
            continue;
        }
        if (c == '-' && !out.empty() && out.back() == ' ') out.pop_back();
        if (pending_space && !(out.empty() || out.back() == '-' || c == '-')) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

namespace {

/// fold_name() of a text normalize_name() already gave.
std::string fold_normalized(std::string norm) {
    const bool ascii = std::all_of(norm.begin(), norm.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        for (char& c : norm)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return norm;
    }
    std::string out;
    icu::UnicodeString::fromUTF8(norm).foldCase().toUTF8String(out);
    return out;
}

} // namespace

std::string fold_name(std::string_view text) { return fold_normalized(normalize_name(text)); }

bool GazEntry::has_flag(std::string_view f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }

// ---- building the index

std::size_t Gazetteer::Impl::add_entry(GazEntry entry) {
    // One hash of the key: the index taken is the entry's unless the key is already there.
    const auto [it, fresh] = keys.try_emplace(entry.key, entries.size());
    if (!fresh)
        throw Error(Errc::bad_data, entry.source, "duplicate key '" + entry.key + "' (first at " + entries[it->second].source + ")");
    entries.push_back(std::move(entry));
    return entries.size() - 1;
}

std::size_t Gazetteer::Impl::add_last_entry() {
    const auto last = entries.size() - 1;
    const auto [it, fresh] = keys.try_emplace(entries[last].key, last);
    if (!fresh)
        throw Error(Errc::bad_data, entries[last].source,
                    "duplicate key '" + entries[last].key + "' (first at " + entries[it->second].source + ")");
    return last;
}

std::uint32_t Gazetteer::Impl::add_form(std::string_view written, detail::NameIndex& index, std::size_t item) {
    std::string norm = normalize_name(written);
    if (norm.empty()) return 0;
    // norm is in normal form already: folding it needs no second normalization.
    const std::string folded = fold_normalized(norm);
    auto& postings = index[folded].postings;
    for (const auto& p : postings)
        if (p.item == item && forms[p.form] == norm) return p.form;
    const auto form = static_cast<std::uint32_t>(forms.size());
    acronym.push_back(std::none_of(norm.begin(), norm.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    forms.push_back(std::move(norm));
    postings.push_back({static_cast<std::uint32_t>(item), form});
    // The word index copies what it keeps: views of `folded` are enough to ask it.
    const std::string_view f = folded;
    const auto space = f.find(' ');
    first_words.insert(f.substr(0, space));
    std::size_t words = 1;
    // Last: marking prefixes may insert into `index` (names), which moves its slots.
    for (auto p = space; p != std::string_view::npos; p = f.find(' ', p + 1), ++words) names[f.substr(0, p)].prefix = true;
    max_words = std::max(max_words, words);
    return form;
}

void Gazetteer::Impl::index_entry(std::size_t entry) {
    add_form(entries[entry].name, names, entry);
    for (std::size_t i = 0; i < entries[entry].aliases.size(); ++i) add_form(entries[entry].aliases[i], names, entry);
}

void Gazetteer::Impl::index_demonym(std::string_view form, std::size_t country) { add_form(form, demonyms, country); }

void Gazetteer::Impl::finish() {
    for (const auto& e : entries) {
        if (!e.parent.empty() && !keys.count(e.parent))
            throw Error(Errc::bad_data, e.source, "parent '" + e.parent + "' of '" + e.key + "' is not loaded");
        for (const auto& c : e.countries)
            if (!codes.count(c)) throw Error(Errc::bad_data, e.source, "unknown country code '" + c + "'");
        if (!e.country.empty() && !codes.count(e.country))
            throw Error(Errc::bad_data, e.source, "unknown country code '" + e.country + "'");
    }
    for (std::size_t i = 0; i < countries.size(); ++i) countries[i].entry = &entries[country_entry[i]];
    for (const auto& e : entries) {
        if (e.subtype != "city" || !e.has_flag("capital")) continue;
        auto it = codes.find(e.country);
        auto& c = countries[it->second];
        // Several capitals (seats of government, territories' capitals): prefer the one named.
        if (c.capital_key.empty() || fold_name(e.name) == fold_name(c.capital)) c.capital_key = e.key;
    }
}

// ---- lookups

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

namespace {

/// The postings of `text` that the mode accepts, each with whether the form matched exactly.
/// fold_name(text) into `out` without allocating, for plain ASCII words joined by single
/// spaces (most lookups): normalization leaves such text as it is, so folding is lowering.
/// False, with `out` unspecified, for any other text.
bool fold_plain_ascii(std::string_view text, std::string& out) {
    out.assign(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        char& c = out[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (is_space(u) && c != ' ')) return false;
        if (c == ' ' && (i == 0 || i + 1 == out.size() || out[i - 1] == ' ' || out[i - 1] == '-' || out[i + 1] == '-'))
            return false;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return true;
}

/// fold_name(text), kept in `buf`.
std::string_view fold_into(std::string_view text, std::string& buf) {
    if (!fold_plain_ascii(text, buf)) buf = fold_name(text);
    return buf;
}

std::vector<std::pair<detail::Posting, bool>> matches(const Gazetteer::Impl& g, const detail::NameIndex& index,
                                                      std::string_view text, MatchCase mode) {
    std::vector<std::pair<detail::Posting, bool>> out;
    // Most texts asked about are no name: look up the folded form before anything else.
    thread_local std::string buf;
    const auto* slot = index.find(fold_into(text, buf));
    if (slot == nullptr || slot->postings.empty()) return out;
    const std::string norm = normalize_name(text);
    const std::string folded = fold_normalized(norm);
    const bool query_has_upper = has_upper_ascii_or_fold_change(norm, folded);
    for (const auto& p : slot->postings) {
        const bool exact = g.forms[p.form] == norm;
        const bool ok = exact || (!g.acronym[p.form] && mode != MatchCase::exact && (mode == MatchCase::any || query_has_upper));
        if (ok) out.emplace_back(p, exact);
    }
    return out;
}

} // namespace

std::vector<const GazEntry*> Gazetteer::find(std::string_view text, MatchCase mode) const {
    auto found = matches(*impl_, impl_->names, text, mode);
    std::vector<std::pair<std::uint32_t, bool>> items;
    for (const auto& [p, exact] : found) {
        auto same = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x.first == p.item; });
        if (same == items.end()) items.emplace_back(p.item, exact);
        else same->second = same->second || exact;
    }
    const auto& es = impl_->entries;
    std::sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
        const auto& x = es[a.first];
        const auto& y = es[b.first];
        return std::make_tuple(!a.second, kind_rank(x), -static_cast<double>(x.population), a.first) <
               std::make_tuple(!b.second, kind_rank(y), -static_cast<double>(y.population), b.first);
    });
    std::vector<const GazEntry*> out;
    out.reserve(items.size());
    for (const auto& [i, exact] : items) out.push_back(&es[i]);
    return out;
}

namespace {

/// What find() would put first among the postings of one folded form, without building the
/// list: the first of the order (exact, kind, population, item) over the accepted postings is
/// the first over their entries, since an entry's exactness is that of its best posting.
const GazEntry* best_posting(const Gazetteer::Impl& g, const std::vector<detail::Posting>& postings,
                             std::string_view norm, std::string_view folded, MatchCase mode) {
    const bool query_has_upper = has_upper_ascii_or_fold_change(norm, folded);
    auto order = [&](const detail::Posting& p, bool exact) {
        const auto& e = g.entries[p.item];
        return std::make_tuple(!exact, kind_rank(e), -static_cast<double>(e.population), p.item);
    };
    const detail::Posting* best = nullptr;
    bool best_exact = false;
    for (const auto& p : postings) {
        const bool exact = g.forms[p.form] == norm;
        const bool ok = exact || (!g.acronym[p.form] && mode != MatchCase::exact && (mode == MatchCase::any || query_has_upper));
        if (!ok) continue;
        if (!best || order(p, exact) < order(*best, best_exact)) {
            best = &p;
            best_exact = exact;
        }
    }
    return best ? &g.entries[best->item] : nullptr;
}

} // namespace

const GazEntry* Gazetteer::find_best(std::string_view text, MatchCase mode) const {
    thread_local std::string buf;
    const auto* slot = impl_->names.find(fold_into(text, buf));
    if (slot == nullptr || slot->postings.empty()) return nullptr;
    const std::string norm = normalize_name(text);
    return best_posting(*impl_, slot->postings, norm, fold_normalized(norm), mode);
}

const GazEntry* Gazetteer::find_best_folded(std::string_view text, std::string_view folded, MatchCase mode) const {
    bool continues = false;
    return find_best_folded(text, folded, continues, mode);
}

const GazEntry* Gazetteer::find_best_folded(std::string_view text, std::string_view folded, bool& continues,
                                            MatchCase mode) const {
    const auto* slot = impl_->names.find(folded);
    continues = slot != nullptr && slot->prefix;
    if (slot == nullptr || slot->postings.empty()) return nullptr;
    return best_posting(*impl_, slot->postings, text, folded, mode);
}

std::vector<const GazEntry*> Gazetteer::cities(std::string_view text, MatchCase mode) const {
    std::vector<const GazEntry*> out;
    for (const auto* e : find(text, mode))
        if (e->subtype == "city") out.push_back(e);
    std::stable_sort(out.begin(), out.end(), [](const GazEntry* a, const GazEntry* b) { return a->population > b->population; });
    return out;
}

const GazEntry* Gazetteer::city_in(std::string_view text, std::span<const std::string> countries, MatchCase mode) const {
    // Plain ASCII text is its own normal form and lowering folds it: no string is built.
    thread_local std::string buf;
    std::string norm_store;
    std::string_view norm = text;
    if (!fold_plain_ascii(text, buf)) {
        norm_store = normalize_name(text);
        buf = fold_normalized(norm_store);
        norm = norm_store;
    }
    const auto* slot = impl_->names.find(buf);
    if (slot == nullptr) return nullptr;
    const auto* postings = &slot->postings;
    const bool query_has_upper = has_upper_ascii_or_fold_change(norm, buf);
    // cities() orders by population, then in find()'s order (exact, kind, item): the least
    // key over the accepted postings, an entry's exactness being that of its best posting.
    const GazEntry* best = nullptr;
    auto key = [&](const GazEntry& e, bool exact, std::uint32_t item) {
        return std::make_tuple(-static_cast<double>(e.population), !exact, kind_rank(e), item);
    };
    decltype(key(impl_->entries.front(), false, 0)) best_key{};
    for (const auto& p : *postings) {
        const auto& e = impl_->entries[p.item];
        if (e.subtype != "city" || std::find(countries.begin(), countries.end(), e.country) == countries.end()) continue;
        const bool exact = impl_->forms[p.form] == norm;
        const bool ok = exact || (!impl_->acronym[p.form] && mode != MatchCase::exact && (mode == MatchCase::any || query_has_upper));
        if (!ok) continue;
        const auto k = key(e, exact, p.item);
        if (!best || k < best_key) {
            best = &e;
            best_key = k;
        }
    }
    return best;
}

std::vector<const CountryInfo*> Gazetteer::countries_by_demonym(std::string_view word, MatchCase mode) const {
    std::vector<const CountryInfo*> out;
    for (const auto& [p, exact] : matches(*impl_, impl_->demonyms, word, mode)) {
        const CountryInfo* c = &impl_->countries[p.item];
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const CountryInfo* a, const CountryInfo* b) {
        return std::make_tuple(!a->entry->has_flag("independent"), -static_cast<double>(a->entry->population)) <
               std::make_tuple(!b->entry->has_flag("independent"), -static_cast<double>(b->entry->population));
    });
    return out;
}

const CountryInfo* Gazetteer::country_by_demonym(std::string_view word, MatchCase mode) const {
    auto all = countries_by_demonym(word, mode);
    return all.empty() ? nullptr : all.front();
}

const CountryInfo* Gazetteer::country_by_demonym_folded(std::string_view word, std::string_view folded,
                                                         MatchCase mode) const {
    const auto* slot = impl_->demonyms.find(folded);
    if (slot == nullptr) return nullptr;
    const auto* postings = &slot->postings;
    const bool query_has_upper = has_upper_ascii_or_fold_change(word, folded);
    // The first of countries_by_demonym()'s stable order: ties keep the first posting.
    auto order = [](const CountryInfo* c) {
        return std::make_tuple(!c->entry->has_flag("independent"), -static_cast<double>(c->entry->population));
    };
    const CountryInfo* best = nullptr;
    for (const auto& p : *postings) {
        const bool exact = impl_->forms[p.form] == word;
        if (!exact && (impl_->acronym[p.form] || mode == MatchCase::exact || (mode != MatchCase::any && !query_has_upper)))
            continue;
        const CountryInfo* c = &impl_->countries[p.item];
        if (!best || order(c) < order(best)) best = c;
    }
    return best;
}

const CountryInfo* Gazetteer::country(std::string_view code) const {
    auto it = impl_->codes.find(code);
    return it == impl_->codes.end() ? nullptr : &impl_->countries[it->second];
}

const GazEntry* Gazetteer::by_key(std::string_view key) const {
    auto it = impl_->keys.find(key);
    return it == impl_->keys.end() ? nullptr : &impl_->entries[it->second];
}

const GazEntry* Gazetteer::parent_of(const GazEntry& e) const { return e.parent.empty() ? nullptr : by_key(e.parent); }

// Asked for nearly every token and every growing window of every document: the common case
// reuses one buffer.
bool Gazetteer::may_start(std::string_view word) const {
    thread_local std::string buf;
    return impl_->first_words.contains(fold_into(word, buf));
}

bool Gazetteer::may_continue(std::string_view text) const {
    thread_local std::string buf;
    const auto* slot = impl_->names.find(fold_into(text, buf));
    return slot != nullptr && slot->prefix;
}

bool Gazetteer::may_start_folded(std::string_view folded) const {
    return impl_->first_words.contains(folded);
}

bool Gazetteer::may_continue_folded(std::string_view folded) const {
    const auto* slot = impl_->names.find(folded);
    return slot != nullptr && slot->prefix;
}

std::size_t Gazetteer::max_words() const { return impl_->max_words; }

const std::vector<GazEntry>& Gazetteer::entries() const { return impl_->entries; }

std::size_t Gazetteer::form_count() const { return impl_->forms.size(); }

} // namespace annals
