// Single capitalized words and lower-case references, typed from the rest of the document.
#include "annals/entities/resolve_detail.hpp"

#include "annals/core/word_index.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace annals::detail {

namespace {

/// The words of `s` (split at spaces, slashes and commas) into `out`, a buffer the caller reuses.
void split_words(std::string_view s, std::vector<std::string_view>& out) {
    out.clear();
    const char* const data = s.data();
    std::size_t b = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = data[i];
        if (c != ' ' && c != '/' && c != ',') continue;
        if (i > b) out.emplace_back(data + b, i - b);
        b = i + 1;
    }
    if (s.size() > b) out.emplace_back(data + b, s.size() - b);
}

/// A short list of lower-case words and the length of its longest, worked out when compiled.
template <std::size_t N>
struct ShortWords {
    std::array<std::string_view, N> words;
    std::size_t longest = 0;
};

template <class... W>
constexpr auto short_words(W... w) {
    ShortWords<sizeof...(W)> list{{std::string_view(w)...}};
    for (const auto x : list.words) list.longest = std::max(list.longest, x.size());
    return list;
}

constexpr auto connectors = short_words("of", "the", "and", "for", "to", "on", "&");
constexpr auto place_prepositions =
    short_words("in", "at", "near", "from", "across", "outside", "into", "to", "toward", "towards", "via");
constexpr auto determiners = short_words("the", "this", "that", "its", "our", "their", "whose");
constexpr std::size_t short_word_max = 16; ///< lower_is_one_of() lowers into this many bytes
static_assert(connectors.longest <= short_word_max && place_prepositions.longest <= short_word_max &&
              determiners.longest <= short_word_max);

/// True when `w` in ASCII lower case is one of `list`: lowered on the stack, as these tests
/// run for every word of every name.
template <std::size_t N>
bool lower_is_one_of(std::string_view w, const ShortWords<N>& list) {
    std::array<char, short_word_max> buf;
    // Longer than any of the words (most names' words are): no lowering.
    if (w.size() > list.longest) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
        buf[k] = w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] - 'A' + 'a') : w[k];
    const std::string_view l(buf.data(), w.size());
    return std::find(list.words.begin(), list.words.end(), l) != list.words.end();
}

bool is_connector(std::string_view w) { return lower_is_one_of(w, connectors); }
bool place_preposition(std::string_view w) { return lower_is_one_of(w, place_prepositions); }
bool determiner(std::string_view w) { return lower_is_one_of(w, determiners); }

} // namespace

/// The candidate a single word is a short form of: the last or first word of a person's
/// name, or the head of exactly one organization's name.
/// Indexes the words of every multi-word name once, for single_word_source().
void Resolver::index_name_words() {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < cands_.size(); ++i) {
        const auto& c = cands_[i];
        if (c.type.empty() || c.kind != "name" || c.last - c.first < 2) continue;
        if (c.type == "person") {
            split_words(doc_.lower(c.span), words);
            persons_.add(words.back(), i, false);
            persons_.add(words.front(), i, false);
        }
        if (c.type != "organization" && c.type != "gpe") continue;
        split_words(c.span.of(doc_.text()), words);
        for (std::size_t k = 0; k < words.size(); ++k)
            if (!is_connector(words[k])) name_words_.add(words[k], i, k == 0 && c.type == "organization");
    }
    persons_.build();
    name_words_.build();
}

void Resolver::WordRefs::build() {
    std::size_t size = 16;
    while (size < 2 * refs_.size()) size *= 2;
    slots_.assign(size, 0);
    const auto mask = size - 1;
    for (std::uint32_t k = 0; k < refs_.size(); ++k) {
        auto& ref = refs_[k];
        for (auto i = WordHash{}(ref.word) & mask;; i = (i + 1) & mask) {
            if (slots_[i] == 0) {
                slots_[i] = k + 1;
                ref.tail = k;
                break;
            }
            auto& head = refs_[slots_[i] - 1];
            if (head.word == ref.word) {
                refs_[head.tail].next = k + 1;
                head.tail = k;
                break;
            }
        }
    }
}

const Resolver::WordRef* Resolver::WordRefs::first(std::string_view word) const noexcept {
    if (slots_.empty()) return nullptr; // not built: no word
    const auto mask = slots_.size() - 1;
    for (auto i = WordHash{}(word) & mask;; i = (i + 1) & mask) {
        if (slots_[i] == 0) return nullptr;
        const auto& head = refs_[slots_[i] - 1];
        if (head.word == word) return &head;
    }
}

std::ptrdiff_t Resolver::single_word_source(std::size_t self) const {
    const auto word = cands_[self].span.of(doc_.text());
    if (auto it = aliases_.find(word); it != aliases_.end()) return static_cast<std::ptrdiff_t>(it->second);
    const auto folded = doc_.lower(cands_[self].span);
    // "Henke" and "HENKE" after "Nolan Henke".
    if (const auto* p = persons_.first(folded)) return static_cast<std::ptrdiff_t>(p->cand);
    // "Coalition" for "the Global Coalition to Defeat ISIS" (its head word), "Nordvik" for
    // "Nordvik Corp." (its first word, when that is no common word and no place is meant).
    if (const auto* from = name_words_.first(word)) {
        const bool head = doc_.cues().is(word, Cue::org_head);
        const bool may_lead = !doc_.common_word(word) && !place_context(self);
        // The candidate when all the names it may shorten are one entity (one key).
        std::ptrdiff_t org = -1;
        bool several = false;
        for (auto it = from; it && !several; it = name_words_.next(*it)) {
            if (!head && !(it->lead && may_lead)) continue;
            if (org < 0) org = static_cast<std::ptrdiff_t>(it->cand);
            else several = keys_[it->cand] != keys_[static_cast<std::size_t>(org)];
        }
        if (org >= 0 && !several) return org;
    }
    // The same word typed earlier ("FRANKFURT" in the dateline, then "Frankfurt") is the same.
    if (auto it = typed_singles_.find(folded); it != typed_singles_.end() && it->second < self)
        return static_cast<std::ptrdiff_t>(it->second);
    return -1;
}

/// "Tavildara, Tajikistan": a word before a comma and a country or state is a place in it.
bool Resolver::next_to_country(std::size_t cand) const {
    const auto& c = cands_[cand];
    if (cand + 1 >= cands_.size() || c.last >= doc_.seg().tokens.size() || doc_.token(c.last) != ",") return false;
    const auto& n = cands_[cand + 1];
    return n.first == c.last + 1 && n.entry && (n.entry->subtype == "country" || n.entry->subtype == "state");
}

/// "in Djibo", "near the town of Djibo": where a place is named.
bool Resolver::place_context(std::size_t cand) const {
    const auto& c = cands_[cand];
    const auto& sent = doc_.seg().sentences[c.sentence];
    auto prev = c.first;
    while (prev > sent.first_token && doc_.lower_token(prev - 1) == "the") --prev;
    if (prev == sent.first_token) return next_to_country(cand);
    const auto p = doc_.lower_token(prev - 1);
    if (place_preposition(p)) return true;
    if (p != "of" || prev - 1 == sent.first_token) return next_to_country(cand);
    static const std::set<std::string, std::less<>> place_nouns{"town", "city", "village", "province", "region", "district",
                                                                 "capital", "port", "island", "state", "county", "suburb"};
    return place_nouns.contains(doc_.lower_token(prev - 2));
}

/// The type of a single unknown word from WordNet and from where it stands in the document;
/// empty when it is no entity (an adjective such as "Asian", a modifier such as "its Jihadi
/// philosophy").
namespace {

/// What the lexicon alone says of a single unknown word (see type_from_context()).
enum class LexiconType : std::uint8_t { not_a_name, location, person, organization, unknown };

/// Per thread, lexicon_type() of words already asked for one lexicon: WordNet is asked about
/// the same names in document after document. Bounded: emptied when it grows past its limit.
struct LexiconTypeCache {
    std::uint64_t lexicon = 0;
    std::unordered_map<std::string, LexiconType> words;
};

LexiconType lexicon_type(const DocView& doc, std::string_view word, const std::string& lower) {
    const auto& wn = doc.lex().wordnet();
    // Alone, a common word is no name ("Core", "North"), nor a name's adjective ("Asian").
    if (wn.contains(lower, WnPos::adj) || doc.common_word(word)) return LexiconType::not_a_name;
    if (wn.is_proper_noun(lower)) {
        const auto files = wn.lexicographer_files(lower, WnPos::noun);
        if (!files.empty()) {
            if (files.front() == "noun.location") return LexiconType::location;
            if (files.front() == "noun.person") return LexiconType::person;
            if (files.front() == "noun.group") return LexiconType::organization;
        }
    }
    return LexiconType::unknown;
}

LexiconType cached_lexicon_type(const DocView& doc, std::string_view word, const std::string& lower) {
    thread_local LexiconTypeCache cache;
    if (cache.lexicon != doc.lex().id() || cache.words.size() > 100000) {
        cache.words.clear();
        cache.lexicon = doc.lex().id();
    }
    if (auto it = cache.words.find(lower); it != cache.words.end()) return it->second;
    const auto type = lexicon_type(doc, word, lower);
    cache.words.emplace(lower, type);
    return type;
}

} // namespace

std::string_view Resolver::type_from_context(std::string_view word) const {
    const auto lower = ascii_lower(word);
    switch (cached_lexicon_type(doc_, word, lower)) {
    case LexiconType::not_a_name: return {};
    case LexiconType::location: return "location";
    case LexiconType::person: return "person";
    case LexiconType::organization: return "organization";
    case LexiconType::unknown: break;
    }
    // Acronyms and inner capitals ("NATO", "BaFin") name organizations far more often than people.
    const auto inner_caps = std::count_if(word.begin() + 1, word.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (inner_caps > 0) return "organization";
    int place = 0, person_cue = 0;
    bool modifier = true;
    for (const auto& c : cands_) {
        if (!c.type.empty() || doc_.lower(c.span) != lower) continue;
        const auto i = c.first;
        const auto& sent = doc_.seg().sentences[c.sentence];
        if (place_context(static_cast<std::size_t>(&c - cands_.data()))) ++place;
        const bool before_noun = c.last < sent.first_token + sent.token_count && doc_.is_word(c.last) &&
                                 (doc_.tag(c.last) == PosTag::NN || doc_.tag(c.last) == PosTag::NNS);
        const bool after_det = i > sent.first_token && (determiner(doc_.token(i - 1)) || doc_.tag(i - 1) == PosTag::PRPS);
        modifier = modifier && before_noun && after_det;
        // A lower-case role before the word ("midfielder Lentini", "spokesman Okafor").
        if (i > sent.first_token && doc_.is_word(i - 1) && doc_.cue(i - 1, Cue::role)) ++person_cue;
    }
    if (modifier) return {};
    if (place > person_cue) return "location";
    return person_cue > 0 ? "person" : "organization";
}

/// True when some mention of this single word plays as a team (see team_context()).
bool Resolver::plays(std::string_view word) const {
    const auto lower = ascii_lower(word);
    return std::any_of(cands_.begin(), cands_.end(), [&](const NameCandidate& c) {
        return c.last - c.first == 1 && !c.entry && doc_.lower(c.span) == lower && team_context(c);
    });
}

void Resolver::type_single_words() {
    bool indexed = false;
    for (std::size_t i = 0; i < cands_.size(); ++i) {
        if (!cands_[i].type.empty()) continue;
        // Indexed at the first untyped word, before any candidate changes: as if up front,
        // but documents with none skip it.
        if (!indexed) {
            index_name_words();
            indexed = true;
        }
        const auto word = cands_[i].span.of(doc_.text());
        if (const auto src = single_word_source(i); src >= 0) {
            adopt(static_cast<std::size_t>(src), i);
        } else {
            cands_[i].type = type_from_context(word);
            if (cands_[i].type.empty()) continue;
            if (cands_[i].type == "location" && plays(word)) cands_[i].type = "organization";
            keys_[i] = std::string(cands_[i].type) + ":" + key_slug(word);
        }
        if (!cands_[i].entry) typed_singles_.emplace(doc_.lower(cands_[i].span), i);
    }
}

/// "the coalition", "the 83 members global coalition" after "the Global Coalition to Defeat
/// ISIS": a lower-case head noun of exactly one named organization refers to it.
void Resolver::add_nominal_references() {
    std::map<std::string, std::size_t, std::less<>> heads; // lower-case head -> candidate; ambiguous heads removed
    std::set<std::string> ambiguous;
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < cands_.size(); ++i) {
        const auto& c = cands_[i];
        if (c.type != "organization" || c.kind != "name" || keys_[i].empty()) continue;
        // A view of the entry's own name, not of a temporary string.
        const std::string_view entry_name = c.entry ? std::string_view(c.entry->name) : std::string_view();
        const std::string_view written = c.span.of(doc_.text());
        for (std::string_view name : {written, entry_name}) {
            // The entry's name written as in the text gives the same head again: nothing new.
            if (name.data() == entry_name.data() && name == written) continue;
            split_words(name, words);
            if (words.size() < 2) continue;
            std::string_view head = words.back();
            for (std::size_t k = 1; k < words.size(); ++k)
                if (is_connector(words[k])) { head = words[k - 1]; break; }
            if (!doc_.cues().is(head, Cue::org_head)) continue;
            const auto lower = ascii_lower(head);
            if (auto it = heads.find(lower); it != heads.end()) {
                if (keys_[it->second] != keys_[i]) ambiguous.insert(lower);
            } else {
                heads.emplace(lower, i);
            }
        }
    }
    for (const auto& a : ambiguous) heads.erase(a);
    if (heads.empty()) return;
    // Most nouns share no first letter with any head: a cheap test before the map.
    std::array<bool, 256> head_first{};
    for (const auto& [head, cand] : heads) head_first[static_cast<unsigned char>(head.front())] = true;
    thread_local std::vector<std::uint8_t> taken; // per token; reused, not allocated per document
    const auto n = static_cast<std::uint32_t>(doc_.seg().tokens.size());
    taken.assign(n, 0);
    std::uint8_t* const is_taken = taken.data(); // the table stays put: no reload per token
    for (const auto& c : cands_)
        for (auto k = c.first; k < c.last; ++k) is_taken[k] = 1;
    const auto before = cands_.size();
    const TaggedToken* tags = doc_.tag_data();
    const Token* toks = doc_.seg().tokens.data();
    const auto& sentences = doc_.seg().sentences;
    // Every token comes here: one flat loop, the rarest property first, read straight from the
    // arrays; the sentence is looked up only for a head noun.
    for (std::uint32_t i = 0; i < n; ++i) {
        if ((tags && tags[i].tag != PosTag::NN) || toks[i].kind != TokenKind::word || is_taken[i]) continue;
        if (!head_first[static_cast<unsigned char>(doc_.word(i).front())]) continue;
        // Tokens outside every sentence are not looked at.
        if (sentences.empty()) break;
        const auto& sent = sentences[doc_.sentence_of(i)];
        if (i < sent.first_token || i >= sent.first_token + sent.token_count) continue;
        const auto it = heads.find(doc_.word(i));
        if (it == heads.end()) continue;
        auto first = i;
        while (first > sent.first_token && !is_taken[first - 1] && !determiner(doc_.token(first - 1)) &&
               (doc_.tag(first - 1) == PosTag::JJ || doc_.tag(first - 1) == PosTag::NN ||
                doc_.tag(first - 1) == PosTag::NNS || doc_.tag(first - 1) == PosTag::CD))
            --first;
        if (first == sent.first_token || !determiner(doc_.token(first - 1))) continue;
        NameCandidate c;
        c.first = first;
        c.last = i + 1;
        c.span = {doc_.seg().tokens[first].span.begin, doc_.core(i).end};
        c.sentence = doc_.sentence_of(i);
        c.kind = "nominal";
        c.rule = "name/head-noun";
        cands_.push_back(std::move(c));
        keys_.push_back({});
        adopt(it->second, cands_.size() - 1);
    }
    if (cands_.size() == before) return;
    // Keep candidates in text order.
    std::vector<std::size_t> order(cands_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cands_[a].first < cands_[b].first; });
    std::vector<NameCandidate> sorted;
    std::vector<std::string> keys;
    sorted.reserve(order.size()); // no candidate or key moved twice as the lists grow
    keys.reserve(order.size());
    std::vector<std::size_t> where(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) where[order[k]] = k;
    for (const auto k : order) {
        sorted.push_back(std::move(cands_[k]));
        keys.push_back(std::move(keys_[k]));
    }
    for (auto& c : sorted) {
        if (c.represents >= 0) c.represents = static_cast<int>(where[static_cast<std::size_t>(c.represents)]);
        if (c.member_of >= 0) c.member_of = static_cast<int>(where[static_cast<std::size_t>(c.member_of)]);
    }
    cands_ = std::move(sorted);
    keys_ = std::move(keys);
}

} // namespace annals::detail
