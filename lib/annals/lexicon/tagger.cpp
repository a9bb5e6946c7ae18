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
    bool letters = false, digits = false, upper_first = false, all_upper = true;
};

/// Typographic punctuation (curly quotes, dashes, ellipsis, guillemets): multi-byte, but no word.
bool unicode_punctuation(std::string_view w) {
    // All of them start with one of two lead bytes: most words are ruled out by the first.
    if (w.size() < 2 || (w[0] != '\xE2' && w[0] != '\xC2')) return false;
    for (const char* p : {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xE2\x80\x94",
                          "\xE2\x80\xA6", "\xC2\xAB", "\xC2\xBB"})
        if (w == p) return true;
    return false;
}

// Byte classes, looked up once per byte of every token: one pass gives the shape, the lower
// case and the hash together.
constexpr std::uint8_t cls_upper = 1, cls_lower = 2, cls_digit = 4, cls_high = 8;
constexpr std::array<std::uint8_t, 256> byte_classes = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = cls_upper;
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = cls_lower;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = cls_digit;
    for (std::size_t c = 0x80; c < 256; ++c) t[c] = cls_high;
    return t;
}();

/// The lower case of `w` written at `out`, its shape, its fnv1a hash and the union of its byte
/// classes, in one pass.
struct Scanned {
    Shape shape;
    std::uint64_t hash = 0;
    std::uint8_t classes = 0;
};

Scanned scan(std::string_view w, char* out) {
    std::uint64_t h = 14695981039346656037ULL;
    std::uint8_t any = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto cls = byte_classes[static_cast<unsigned char>(w[i])];
        any |= cls;
        const char c = static_cast<char>(w[i] | ((cls & cls_upper) != 0 ? 0x20 : 0));
        out[i] = c;
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    Scanned r;
    r.hash = h;
    r.classes = any;
    if (unicode_punctuation(w)) return r;
    r.shape.letters = (any & (cls_upper | cls_lower | cls_high)) != 0;
    r.shape.digits = (any & cls_digit) != 0;
    r.shape.all_upper = (any & cls_lower) == 0;
    r.shape.upper_first = !w.empty() && is_upper(w[0]);
    return r;
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
    std::int32_t rule_word = -1;   ///< ContextRules::word_id of the word
    std::vector<std::pair<PosTag, std::string>> lemmas;
};

/// a == b for the short strings words are: a loop the compiler inlines costs less than a call
/// to memcmp, and with equal 64-bit hashes the bytes nearly always match.
bool same_bytes(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

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
            if (slots_[i].hash == h && same_bytes(slots_[i].facts->key, lower)) return *slots_[i].facts;
        auto& f = facts_.emplace_back();
        f.key.assign(lower);
        f.analysis = lex.analyze(lower);
        f.rule_word = lex.rules().word_id(lower);
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

/// What one thread keeps from call to call: the word cache and the sentence buffers, which
/// stop allocating once grown. One thread_local object, reached once per tag() call.
struct ThreadState {
    WordCache cache;
    std::string lower_bytes; ///< the lower case of a sentence's tokens, end to end
    std::vector<std::string_view> lowers;
    std::vector<Shape> shapes;
    std::vector<std::uint64_t> hashes;
    std::vector<TagSlot> slots;
    std::vector<WordFacts*> facts;
};

thread_local ThreadState thread_state;

/// Sets `out` to the lemma of `w` (lower case `lower`) as `tag`; assigning in place reuses
/// the string's own buffer.
void lemma_of(std::string_view w, std::string_view lower, PosTag tag, WordFacts* facts, const Lexicon& lex,
              std::string& out) {
    if (is_punctuation(tag) || tag == PosTag::CD || tag == PosTag::NNP || tag == PosTag::NNPS) return void(out.assign(w));
    if (facts == nullptr) return void(out.assign(lower));
    for (const auto& [t, lemma] : facts->lemmas)
        if (t == tag) return void(out.assign(lemma));
    facts->lemmas.emplace_back(tag, lex.lemma(lower, tag));
    out.assign(facts->lemmas.back().second);
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

bool can_be_verb(const WordFacts& facts) {
    const auto& a = facts.analysis;
    constexpr TagSet verbs = tag_bit(PosTag::VBD) | tag_bit(PosTag::VBN) | tag_bit(PosTag::VBZ) | tag_bit(PosTag::VBG);
    return a.known && !a.closed && (a.tags & verbs) != 0;
}

bool wordnet_noun(WordFacts& facts, std::string_view lower, const Lexicon& lex) {
    if (facts.wordnet_noun < 0) facts.wordnet_noun = lex.wordnet().contains(lower, WnPos::noun) ? 1 : 0;
    return facts.wordnet_noun == 1;
}

/// The lexical tag of one word token and the tags context may give it.
/// `facts` is null for a token with digits, else the facts of `lower`.
TagSlot word_slot(std::string_view w, const Shape& s, std::string_view lower, bool initial, bool headline,
                  WordFacts* facts, const Lexicon& lex) {
    TagSlot slot;
    slot.lower = lower;
    slot.capitalized = s.upper_first;
    if (facts == nullptr) {
        slot.tag = number_tag(w, s);
        slot.allowed = tag_bit(slot.tag) | tag_bit(PosTag::CD) | tag_bit(PosTag::JJ) | tag_bit(PosTag::NNS);
        return slot;
    }
    slot.rule_word = facts->rule_word;
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

/// Lower case, shape and hash of every token of a sentence, and what the sentence as a whole
/// looks like (a headline in capitals or in title case), all from one pass over its bytes.
SentenceView scan_sentence(std::string_view text, const Segmentation& seg, std::uint32_t first, std::uint32_t count,
                           ThreadState& st) {
    std::size_t bytes = 0;
    for (std::uint32_t k = 0; k < count; ++k) bytes += seg.tokens[first + k].span.of(text).size();
    // Sized before any view is taken: the views stay valid while the sentence is tagged.
    if (st.lower_bytes.size() < bytes) st.lower_bytes.resize(bytes);
    st.lowers.resize(count);
    st.shapes.resize(count);
    st.hashes.resize(count);
    std::size_t words = 0, capitalized = 0, long_lower = 0;
    bool lower_seen = false;
    char* at = st.lower_bytes.data();
    for (std::uint32_t k = 0; k < count; ++k) {
        const auto w = seg.tokens[first + k].span.of(text);
        const auto r = scan(w, at);
        st.lowers[k] = std::string_view(at, w.size());
        at += w.size();
        st.shapes[k] = r.shape;
        st.hashes[k] = r.hash;
        st.cache.prefetch(r.hash);
        // Any letter byte makes a word here, typographic punctuation included.
        if ((r.classes & (cls_upper | cls_lower | cls_high)) == 0) continue;
        ++words;
        lower_seen |= (r.classes & cls_lower) != 0;
        if (is_upper(w[0])) ++capitalized;
        // Title case leaves only short function words in lower case (in, of, and, the, with).
        else if (w.size() > 4) ++long_lower;
    }
    return {words >= 2 && !lower_seen, words >= 4 && long_lower == 0 && capitalized * 4 >= words * 3};
}

void tag_sentence(std::string_view text, const Segmentation& seg, std::uint32_t first, std::uint32_t count,
                  const Lexicon& lex, ThreadState& st, std::vector<TaggedToken>& out) {
    const auto view = scan_sentence(text, seg, first, count, st);
    auto& slots = st.slots;
    auto& facts = st.facts;
    const auto& lowers = st.lowers;
    const auto& shapes = st.shapes;
    slots.assign(count, TagSlot{});
    facts.assign(count, nullptr);
    for (std::uint32_t k = 0; k < count; ++k) st.cache.prefetch_facts(st.hashes[k]);
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
            if (!s.digits) facts[k] = &st.cache.facts(lowers[k], st.hashes[k], lex);
            // In a title-case headline a capitalized verb is like a sentence's first word: only
            // if WordNet does not know it, or knows it as a name, is it a name ("Woman Killed in
            // Queens"). Nouns keep their capitals, for lines of names look the same. (A number
            // is tagged the same wherever it stands.)
            const bool headline_verb = view.title_case && s.upper_first && facts[k] != nullptr && can_be_verb(*facts[k]);
            slots[k] = word_slot(w, s, lowers[k], initial || view.all_caps || headline_verb, view.all_caps, facts[k], lex);
        }
        initial = false;
    }
    lex.rules().apply(std::span<TagSlot>(slots.data(), count));
    for (std::uint32_t k = 0; k < count; ++k) {
        auto& t = out[first + k];
        t.tag = slots[k].tag;
        lemma_of(seg.tokens[first + k].span.of(text), lowers[k], t.tag, facts[k], lex, t.lemma);
    }
}

} // namespace

namespace detail {

PosTag punctuation_tag(std::string_view t, bool open) noexcept {
    // Most punctuation is one byte: a switch instead of a row of comparisons.
    if (t.size() == 1) {
        switch (t[0]) {
        case ',': return PosTag::comma;
        case '.':
        case '!':
        case '?': return PosTag::period;
        case '(':
        case '[':
        case '{': return PosTag::lrb;
        case ')':
        case ']':
        case '}': return PosTag::rrb;
        case '`': return PosTag::open_quote;
        case '"':
        case '\'': return open ? PosTag::open_quote : PosTag::close_quote;
        case '$': return PosTag::dollar;
        case '#': return PosTag::pound;
        case '%': return PosTag::NN;
        case '&': return PosTag::CC;
        case ':':
        case ';':
        case '-': return PosTag::colon;
        default: return PosTag::SYM;
        }
    }
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
    auto& st = thread_state;
    st.cache.begin(lex);
    std::uint32_t next = 0;
    for (const auto& s : seg.sentences) {
        for (; next < s.first_token && next < seg.tokens.size(); ++next) tag_sentence(text, seg, next, 1, lex, st, out);
        if (s.first_token + s.token_count > seg.tokens.size()) break;
        tag_sentence(text, seg, s.first_token, s.token_count, lex, st, out);
        next = s.first_token + s.token_count;
    }
    for (; next < seg.tokens.size(); ++next) tag_sentence(text, seg, next, 1, lex, st, out);
    return out;
}

} // namespace annals
