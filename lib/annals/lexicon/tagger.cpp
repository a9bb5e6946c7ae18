#include "annals/lexicon/tagger.hpp"

#include "annals/lexicon/string_table.hpp"

#include <algorithm>
#include <array>
#include <deque>

namespace annals {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Bytes of multi-byte UTF-8 characters count as letters: accented names are words.
bool is_letter(char c) { return is_upper(c) || is_lower(c) || static_cast<unsigned char>(c) >= 0x80; }

struct Shape {
    bool letters = false, digits = false, upper_first = false, all_upper = true, hyphen = false;
};

/// Typographic punctuation (curly quotes, dashes, ellipsis, guillemets): multi-byte, but no word.
bool unicode_punctuation(std::string_view w) {
    for (const char* p : {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xE2\x80\x94",
                          "\xE2\x80\xA6", "\xC2\xAB", "\xC2\xBB"})
        if (w == p) return true;
    return false;
}

Shape shape_of(std::string_view w) {
    if (unicode_punctuation(w)) return Shape{};
    Shape s;
    for (const char c : w) {
        s.letters |= is_letter(c);
        s.digits |= is_digit(c);
        s.hyphen |= c == '-';
        if (is_lower(c)) s.all_upper = false;
    }
    s.upper_first = !w.empty() && is_upper(w[0]);
    return s;
}

std::string lower_case(std::string_view w) {
    std::string out(w);
    for (auto& c : out)
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// What the tagger learns about a word from the lexicon, kept per thread: words repeat (a few
/// thousand make up most of any text), and one hash lookup here replaces a dozen lexicon lookups
/// (morphy tries every rule of every part of speech). Lemmas are added as tags ask for them.
struct WordFacts {
    std::string key; ///< the lower-case word (the cache's table views its bytes)
    WordAnalysis analysis;
    std::int8_t proper = -1;      ///< is_proper_noun: -1 not asked yet, else 0 or 1
    std::int8_t wordnet_noun = -1; ///< WordNet lists the word itself as a noun: -1 not asked yet
    std::vector<std::pair<PosTag, std::string>> lemmas;
};

class WordCache {
public:
    /// Called once per tag() call: facts() never empties the cache, so the pointers it returns
    /// stay valid for the whole call (a deque does not move its elements).
    void begin(const Lexicon& lex) {
        if (lex.id() != lexicon_id_ || facts_.size() >= max_words) {
            slots_.assign(1024, Slot{});
            facts_.clear();
            lexicon_id_ = lex.id();
        }
    }
    /// Starts loading the slot of a word, so that a later facts() finds it in the cache:
    /// looking up every word of a sentence back to back waits on memory once, not per word.
    void prefetch(std::uint64_t h) const noexcept { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
    /// Starts loading the facts a prefetched slot points to.
    void prefetch_facts(std::uint64_t h) const noexcept {
        if (const auto* f = slots_[h & (slots_.size() - 1)].facts) __builtin_prefetch(f);
    }
    /// The facts of `lower` (whose fnv1a hash is `h`), analysed by `lex` on first sight.
    WordFacts& facts(std::string_view lower, std::uint64_t h, const Lexicon& lex) {
        // The slot keeps the whole hash and a pointer: a hit costs one probe and one visit to
        // the facts, whose key sits beside the analysis.
        std::size_t i = h & (slots_.size() - 1);
        for (; slots_[i].facts != nullptr; i = (i + 1) & (slots_.size() - 1))
            if (slots_[i].hash == h && slots_[i].facts->key == lower) return *slots_[i].facts;
        auto& f = facts_.emplace_back();
        f.key.assign(lower);
        f.analysis = lex.analyze(lower);
        slots_[i] = {h, &f};
        if (2 * facts_.size() > slots_.size()) rehash();
        return f;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        WordFacts* facts = nullptr;
    };
    void rehash() {
        std::vector<Slot> bigger(2 * slots_.size());
        for (const auto& s : slots_) {
            if (s.facts == nullptr) continue;
            std::size_t i = s.hash & (bigger.size() - 1);
            while (bigger[i].facts != nullptr) i = (i + 1) & (bigger.size() - 1);
            bigger[i] = s;
        }
        slots_.swap(bigger);
    }

    static constexpr std::size_t max_words = 1 << 17; // some 15 MB at most per thread
    std::uint64_t lexicon_id_ = 0;
    std::vector<Slot> slots_; ///< open addressing, power-of-two size, at most half full
    std::deque<WordFacts> facts_;
};

thread_local WordCache word_cache;

std::string lemma_of(std::string_view w, std::string_view lower, PosTag tag, WordFacts* facts, const Lexicon& lex) {
    if (is_punctuation(tag) || tag == PosTag::CD || tag == PosTag::NNP || tag == PosTag::NNPS) return std::string(w);
    if (facts == nullptr) return std::string(lower);
    for (const auto& [t, lemma] : facts->lemmas)
        if (t == tag) return lemma;
    facts->lemmas.emplace_back(tag, lex.lemma(lower, tag));
    return facts->lemmas.back().second;
}

/// Tag of a token with digits: numbers, dates and scores are CD; "10-year" and "3rd" modify
/// nouns (JJ); "F-16" and "G7" are names.
PosTag number_tag(std::string_view w, const Shape& s) {
    if (!s.letters) return PosTag::CD;
    const auto dash = w.rfind('-');
    if (dash != std::string_view::npos && dash + 1 < w.size() && is_letter(w[dash + 1]) && is_digit(w[0]))
        return PosTag::JJ;
    const auto lw = lower_case(w);
    for (const char* ord : {"st", "nd", "rd", "th"})
        if (lw.size() > 2 && lw.ends_with(ord) && is_digit(lw[lw.size() - 3])) return PosTag::JJ;
    if (s.upper_first) return PosTag::NNP;
    return PosTag::CD;
}

struct SentenceView {
    bool all_caps = false;   ///< a headline in capitals: capitals say nothing about names
    bool title_case = false; ///< a headline with every content word capitalized
};

SentenceView view_of(std::string_view text, const Segmentation& seg, std::uint32_t first, std::uint32_t count) {
    std::size_t words = 0, capitalized = 0, long_lower = 0;
    bool lower_seen = false;
    for (std::uint32_t i = first; i < first + count; ++i) {
        const auto w = seg.tokens[i].span.of(text);
        if (!std::any_of(w.begin(), w.end(), is_letter)) continue;
        ++words;
        lower_seen |= std::any_of(w.begin(), w.end(), is_lower);
        if (is_upper(w[0])) ++capitalized;
        // Title case leaves only short function words in lower case (in, of, and, the, with).
        else if (w.size() > 4) ++long_lower;
    }
    return {words >= 2 && !lower_seen, words >= 4 && long_lower == 0 && capitalized * 4 >= words * 3};
}

/// A name: what a capital says inside a sentence; at its start, or in a headline in capitals,
/// only words WordNet does not know or knows as names (London, Essex) count.
bool looks_like_name(const Shape& s, WordFacts& facts, std::string_view lower, bool initial, bool headline,
                     const Lexicon& lex) {
    const auto& a = facts.analysis;
    // A headline in capitals is mostly names and name-like nouns; its function words keep
    // their tags.
    if (headline) return !a.closed;
    if (!s.upper_first) return false;
    const bool acronym = s.all_upper && lower.size() >= 2 && !initial;
    if (a.closed) return acronym;
    if (!initial || !a.known) return true;
    if (!has_tag(a.tags, PosTag::NN)) return false;
    if (facts.proper < 0) facts.proper = lex.wordnet().is_proper_noun(lower) ? 1 : 0;
    return facts.proper == 1;
}

bool can_be_verb(std::string_view lower, std::uint64_t hash, const Lexicon& lex) {
    const auto& a = word_cache.facts(lower, hash, lex).analysis;
    constexpr TagSet verbs = tag_bit(PosTag::VBD) | tag_bit(PosTag::VBN) | tag_bit(PosTag::VBZ) | tag_bit(PosTag::VBG);
    return a.known && !a.closed && (a.tags & verbs) != 0;
}

bool wordnet_noun(WordFacts& facts, std::string_view lower, const Lexicon& lex) {
    if (facts.wordnet_noun < 0) facts.wordnet_noun = lex.wordnet().contains(lower, WnPos::noun) ? 1 : 0;
    return facts.wordnet_noun == 1;
}

/// The lexical tag of one word token and the tags context may give it.
TagSlot word_slot(std::string_view w, const Shape& s, std::string_view lower, std::uint64_t hash, bool initial,
                  bool headline, WordFacts*& facts, const Lexicon& lex) {
    TagSlot slot;
    slot.lower = lower;
    slot.capitalized = s.upper_first;
    if (s.digits) {
        slot.tag = number_tag(w, s);
        slot.allowed = tag_bit(slot.tag) | tag_bit(PosTag::CD) | tag_bit(PosTag::JJ) | tag_bit(PosTag::NNS);
        return slot;
    }
    facts = &word_cache.facts(lower, hash, lex);
    const WordAnalysis& a = facts->analysis;
    const TagSet name_tags = tag_bit(PosTag::NNP) | tag_bit(PosTag::NNPS);
    if (looks_like_name(s, *facts, lower, initial, headline, lex)) {
        // A plural name ("Democrats", "Americans") is the plural of a known noun, and not a
        // name WordNet lists itself (Adams, Wells).
        const bool plural = a.known && lower.size() > 3 && lower.back() == 's' && !lower.ends_with("ss") &&
                            has_tag(a.tags, PosTag::NNS) && !s.all_upper && !wordnet_noun(*facts, lower, lex);
        slot.tag = plural ? PosTag::NNPS : PosTag::NNP;
        slot.allowed = (a.known ? a.tags : a.tags & ~open_class_tags) | tag_bit(a.best) | name_tags;
        return slot;
    }
    slot.tag = a.best;
    slot.allowed = a.tags | tag_bit(a.best) | (s.upper_first ? name_tags : 0);
    return slot;
}

void tag_sentence(std::string_view text, const Segmentation& seg, std::uint32_t first, std::uint32_t count,
                  const Lexicon& lex, std::vector<TaggedToken>& out) {
    const auto view = view_of(text, seg, first, count);
    // Per-thread buffers, reused from sentence to sentence: no allocation once they are grown.
    thread_local std::vector<std::string> lowers;
    thread_local std::vector<Shape> shapes;
    thread_local std::vector<std::uint64_t> hashes;
    thread_local std::vector<TagSlot> slots;
    thread_local std::vector<WordFacts*> facts;
    if (lowers.size() < count) lowers.resize(count);
    shapes.resize(count);
    hashes.resize(count);
    slots.assign(count, TagSlot{});
    facts.assign(count, nullptr);
    for (std::uint32_t k = 0; k < count; ++k) {
        const auto w = seg.tokens[first + k].span.of(text);
        lowers[k].assign(w);
        for (auto& c : lowers[k])
            if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
        shapes[k] = shape_of(w);
        hashes[k] = detail::fnv1a(lowers[k]);
        word_cache.prefetch(hashes[k]);
    }
    for (std::uint32_t k = 0; k < count; ++k) word_cache.prefetch_facts(hashes[k]);
    bool initial = true, quote_open = false;
    for (std::uint32_t k = 0; k < count; ++k) {
        const auto& tok = seg.tokens[first + k];
        const auto w = tok.span.of(text);
        const Shape& s = shapes[k];
        if (!s.letters && !s.digits) {
            const bool space_after = tok.span.end >= text.size() || text[tok.span.end] == ' ' || text[tok.span.end] == '\n';
            const bool open = w == "\"" ? (tok.space_before && space_after ? !quote_open : tok.space_before) : tok.space_before;
            auto& slot = slots[k];
            slot.lower = lowers[k];
            slot.tag = detail::punctuation_tag(w, open);
            // A lone apostrophe after a plural is the possessive (the players ' union).
            if ((w == "'" || w == "\xE2\x80\x99") && k > 0 && (lowers[k - 1].ends_with("s") || lowers[k - 1].ends_with("z")) &&
                shapes[k - 1].letters)
                slot.tag = PosTag::POS;
            if (slot.tag == PosTag::open_quote || slot.tag == PosTag::close_quote) quote_open = slot.tag == PosTag::open_quote;
            slot.allowed = tag_bit(slot.tag);
            // A sentence starts again after an opening quote, bracket or colon.
            initial = initial || slot.tag == PosTag::open_quote || slot.tag == PosTag::lrb || slot.tag == PosTag::colon;
            continue;
        }
        if (tok.kind == TokenKind::url || tok.kind == TokenKind::email) {
            slots[k] = {lowers[k], PosTag::NN, tag_bit(PosTag::NN), false};
        } else {
            // In a title-case headline a capitalized verb is like a sentence's first word: only
            // if WordNet does not know it, or knows it as a name, is it a name ("Woman Killed in
            // Queens"). Nouns keep their capitals, for lines of names look the same.
            const bool headline_verb = view.title_case && s.upper_first && can_be_verb(lowers[k], hashes[k], lex);
            slots[k] = word_slot(w, s, lowers[k], hashes[k], initial || view.all_caps || headline_verb, view.all_caps,
                                 facts[k], lex);
        }
        initial = false;
    }
    lex.rules().apply(std::span<TagSlot>(slots.data(), count));
    for (std::uint32_t k = 0; k < count; ++k) {
        auto& t = out[first + k];
        t.tag = slots[k].tag;
        t.lemma = lemma_of(seg.tokens[first + k].span.of(text), lowers[k], t.tag, facts[k], lex);
    }
}

} // namespace

namespace detail {

PosTag punctuation_tag(std::string_view t, bool open) noexcept {
    if (t == ",") return PosTag::comma;
    if (t == "." || t == "!" || t == "?" || t == "?!" || t == "!!" || t == "??") return PosTag::period;
    if (t == "(" || t == "[" || t == "{") return PosTag::lrb;
    if (t == ")" || t == "]" || t == "}") return PosTag::rrb;
    if (t == "``" || t == "`" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x98") return PosTag::open_quote;
    if (t == "''" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99") return PosTag::close_quote;
    if (t == "\"" || t == "'") return open ? PosTag::open_quote : PosTag::close_quote;
    if (t == "$" || t == "\xC2\xA3" || t == "\xE2\x82\xAC" || t == "\xC2\xA5") return PosTag::dollar;
    if (t == "#") return PosTag::pound;
    if (t == "%") return PosTag::NN;
    if (t == "&") return PosTag::CC;
    if (t == ":" || t == ";" || t == "-" || t == "--" || t == "..." || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" ||
        t == "\xE2\x80\xA6")
        return PosTag::colon;
    return PosTag::SYM;
}

} // namespace detail

std::vector<TaggedToken> tag(std::string_view text, const Segmentation& seg, const Lexicon& lex) {
    std::vector<TaggedToken> out(seg.tokens.size());
    word_cache.begin(lex);
    std::uint32_t next = 0;
    for (const auto& s : seg.sentences) {
        for (; next < s.first_token && next < seg.tokens.size(); ++next) tag_sentence(text, seg, next, 1, lex, out);
        if (s.first_token + s.token_count > seg.tokens.size()) break;
        tag_sentence(text, seg, s.first_token, s.token_count, lex, out);
        next = s.first_token + s.token_count;
    }
    for (; next < seg.tokens.size(); ++next) tag_sentence(text, seg, next, 1, lex, out);
    return out;
}

} // namespace annals
