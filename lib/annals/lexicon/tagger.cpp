#include "annals/lexicon/tagger.hpp"

#include "annals/lexicon/word_cache.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace annals {

namespace {

using detail::FormFacts;
using detail::KeyHash;
using detail::Shape;
using detail::WordFacts;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Bytes of multi-byte UTF-8 characters count as letters: accented names are words.
bool is_letter(char c) { return is_upper(c) || is_lower(c) || static_cast<unsigned char>(c) >= 0x80; }

/// Typographic punctuation (curly quotes, dashes, ellipsis, guillemets): multi-byte, but no word.
bool unicode_punctuation(std::string_view w) {
    // All of them start with one of two lead bytes: most words are ruled out by the first.
    if (w.size() < 2 || (w[0] != '\xE2' && w[0] != '\xC2')) return false;
    for (const char* p : {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xE2\x80\x94",
                          "\xE2\x80\xA6", "\xC2\xAB", "\xC2\xBB"})
        if (w == p) return true;
    return false;
}

/// Fills a new form's lower case and shape (the first sight of a form: the slow path).
void scan_form(FormFacts& f) {
    const std::string_view w = f.key;
    f.lower.assign(w);
    bool upper = false, lower = false, digit = false, high = false;
    for (auto& c : f.lower) {
        upper |= is_upper(c), lower |= is_lower(c), digit |= is_digit(c);
        high |= static_cast<unsigned char>(c) >= 0x80;
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    // Any letter byte makes a word for the headline test, typographic punctuation included.
    f.word = upper || lower || high;
    f.lower_seen = lower;
    if (unicode_punctuation(w)) return;
    f.shape.letters = f.word;
    f.shape.digits = digit;
    f.shape.all_upper = !lower;
    f.shape.upper_first = !w.empty() && is_upper(w[0]);
}

/// What one thread keeps from call to call: the form and word tables and the sentence buffers,
/// which stop allocating once grown. One thread_local object, reached once per tag() call.
struct ThreadState {
    detail::KeyedTable<FormFacts> forms;
    detail::KeyedTable<WordFacts> words;
    std::uint64_t lexicon_id = 0;
    std::vector<FormFacts*> sentence_forms;
    std::vector<KeyHash> hashes;
    std::vector<TagSlot> slots;
    std::vector<WordFacts*> facts;

    /// Called once per tag() call: the tables are emptied only here, so the pointers they hand
    /// out stay valid for the whole call.
    void begin(const Lexicon& lex) {
        if (lex.id() != lexicon_id || forms.size() >= max_entries || words.size() >= max_entries) {
            forms.clear();
            words.clear();
            lexicon_id = lex.id();
        }
    }
    /// The facts of the token [b, b + n) of `text`, whose key_hash is `k`, worked out on its
    /// first sight.
    FormFacts& form(std::string_view text, std::size_t b, std::size_t n, const KeyHash& k, const Lexicon& lex) {
        // [b, b + n) is a token of the text: no bounds check on the view
        return forms.get(std::string_view(text.data() + b, n), k, [&](FormFacts& f) {
            scan_form(f);
            if (f.shape.letters && !f.shape.digits) f.facts = &word(f.lower, lex);
            f.rule_word = f.facts != nullptr ? f.facts->rule_word : lex.rules().word_id(f.lower);
        });
    }
    WordFacts& word(std::string_view lower, const Lexicon& lex) {
        return words.get(lower, detail::key_hash(lower, 0, lower.size()), [&](WordFacts& w) {
            w.analysis = lex.analyze(lower);
            w.rule_word = lex.rules().word_id(lower);
        });
    }

    static constexpr std::size_t max_entries = 1 << 17; // some 25 MB at most per thread
};

thread_local ThreadState thread_state;

/// The tags whose lemma is the token as written: names, numbers and punctuation.
constexpr TagSet as_written_tags = tag_bit(PosTag::CD) | tag_bit(PosTag::NNP) | tag_bit(PosTag::NNPS) |
                                   tag_bit(PosTag::comma) | tag_bit(PosTag::period) | tag_bit(PosTag::colon) |
                                   tag_bit(PosTag::lrb) | tag_bit(PosTag::rrb) | tag_bit(PosTag::open_quote) |
                                   tag_bit(PosTag::close_quote) | tag_bit(PosTag::dollar) | tag_bit(PosTag::pound);
static_assert(PosTag::pound == static_cast<PosTag>(pos_tag_count - 1), "as_written_tags names every punctuation tag");

/// The lemma of a word as `tag` on its first request: computed, then kept with the word.
[[gnu::noinline]] std::string_view new_word_lemma(WordFacts& facts, PosTag tag, const Lexicon& lex) {
    facts.lemmas.emplace_back(tag, lex.lemma(facts.key, tag));
    return facts.lemmas.back().second;
}

/// The lemma of a word as `tag`, computed once per word and tag (a word has one or two).
std::string_view word_lemma(WordFacts& facts, PosTag tag, const Lexicon& lex) {
    for (const auto& [t, lemma] : facts.lemmas)
        if (t == tag) return lemma;
    return new_word_lemma(facts, tag, lex);
}

/// The lemma of a token of form `f`, whose word's facts are `facts`, as `tag`.
std::string_view form_lemma(FormFacts& f, WordFacts& facts, PosTag tag, const Lexicon& lex) {
    if (!f.lemma_ready || f.lemma_tag != tag) {
        f.lemma.assign(word_lemma(facts, tag, lex));
        f.lemma_tag = tag;
        f.lemma_ready = true;
    }
    return f.lemma;
}

/// Tag of a token with digits: numbers, dates and scores are CD; "10-year" and "3rd" modify
/// nouns (JJ); "F-16" and "G7" are names. `lower` is the lower case of `w`.
PosTag number_tag(std::string_view w, std::string_view lower, const Shape& s) {
    if (!s.letters) return PosTag::CD;
    const auto dash = w.rfind('-');
    if (dash != std::string_view::npos && dash + 1 < w.size() && is_letter(w[dash + 1]) && is_digit(w[0]))
        return PosTag::JJ;
    for (const char* ord : {"st", "nd", "rd", "th"})
        if (lower.size() > 2 && lower.ends_with(ord) && is_digit(lower[lower.size() - 3])) return PosTag::JJ;
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

/// The lexical tag of a capitalized (or headline) word that looks like a name.
void name_slot(const Shape& s, std::string_view lower, WordFacts& facts, const Lexicon& lex, TagSlot& slot) {
    const WordAnalysis& a = facts.analysis;
    // A plural name ("Democrats", "Americans") is the plural of a known noun, and not a
    // name WordNet lists itself (Adams, Wells).
    const bool plural = a.known && lower.size() > 3 && lower.back() == 's' && !lower.ends_with("ss") &&
                        has_tag(a.tags, PosTag::NNS) && !s.all_upper && !wordnet_noun(facts, lower, lex);
    slot.tag = plural ? PosTag::NNPS : PosTag::NNP;
    slot.allowed = (a.known ? a.tags : a.tags & ~open_class_tags) | tag_bit(a.best) | tag_bit(PosTag::NNP) |
                   tag_bit(PosTag::NNPS);
}

/// Sets `slot` to the lexical tag of one word token of form `f` and the tags context may give
/// it.
void word_slot(const FormFacts& f, bool initial, bool headline, const Lexicon& lex, TagSlot& slot) {
    const Shape& s = f.shape;
    slot.lower = f.lower;
    slot.capitalized = s.upper_first;
    if (f.facts == nullptr) {
        slot.tag = number_tag(f.key, f.lower, s);
        slot.allowed = tag_bit(slot.tag) | tag_bit(PosTag::CD) | tag_bit(PosTag::JJ) | tag_bit(PosTag::NNS);
        slot.rule_word = f.rule_word;
        return;
    }
    slot.rule_word = f.facts->rule_word;
    // Most words are in lower case inside a sentence: no name test to run.
    if ((s.upper_first || headline) && looks_like_name(s, *f.facts, f.lower, initial, headline, lex))
        return name_slot(s, f.lower, *f.facts, lex, slot);
    const WordAnalysis& a = f.facts->analysis;
    slot.tag = a.best;
    slot.allowed = a.tags | tag_bit(a.best) | (s.upper_first ? tag_bit(PosTag::NNP) | tag_bit(PosTag::NNPS) : 0);
}

/// The form of every token of a sentence, and what the sentence as a whole looks like (a
/// headline in capitals or in title case).
SentenceView scan_sentence(std::string_view text, const Token* toks, std::uint32_t count, const Lexicon& lex,
                           ThreadState& st) {
    // The buffers only grow: resizing them down and up again would construct their elements anew.
    if (st.sentence_forms.size() < count) st.sentence_forms.resize(count);
    // The vector does not grow in the loop: its data pointer need not be reloaded.
    FormFacts** const forms = st.sentence_forms.data();
    // Most forms are in a table too big for the processor's caches, and finding one is two
    // dependent reads (slot, then entry), each a likely miss. Asking for all the slots of the
    // sentence, then all the entries, before the lookups, makes the misses overlap instead of
    // following one another.
    if (st.hashes.size() < count) st.hashes.resize(count);
    detail::KeyHash* const hashes = st.hashes.data();
    for (std::uint32_t k = 0; k < count; ++k) {
        const auto& span = toks[k].span;
        hashes[k] = detail::key_hash(text, span.begin, span.end - span.begin);
        st.forms.prefetch_slot(hashes[k]);
    }
    for (std::uint32_t k = 0; k < count; ++k) st.forms.prefetch_entry(hashes[k]);
    std::size_t words = 0, capitalized = 0, long_lower = 0;
    bool lower_seen = false;
    for (std::uint32_t k = 0; k < count; ++k) {
        const auto& span = toks[k].span;
        const std::size_t n = span.end - span.begin;
        FormFacts& f = st.form(text, span.begin, n, hashes[k], lex);
        forms[k] = &f;
        if (!f.word) continue;
        ++words;
        lower_seen |= f.lower_seen;
        if (f.shape.upper_first) ++capitalized; // (false for typographic punctuation too)
        // Title case leaves only short function words in lower case (in, of, and, the, with).
        else if (n > 4) ++long_lower;
    }
    return {words >= 2 && !lower_seen, words >= 4 && long_lower == 0 && capitalized * 4 >= words * 3};
}

/// The tag of a punctuation form when it does not depend on its neighbours (most marks), or
/// FormFacts::punct_varies (plain quotes and apostrophes): worked out on the form's first sight.
std::int8_t fixed_punctuation_tag(const FormFacts& f) {
    const std::string_view w = f.key;
    const PosTag opening = detail::punctuation_tag(w, true), closing = detail::punctuation_tag(w, false);
    if (opening != closing || w == "'" || w == "\xE2\x80\x99") return FormFacts::punct_varies;
    return static_cast<std::int8_t>(opening);
}

/// The slot of a token with neither letters nor digits; updates the quote and start state.
void punctuation_slot(std::string_view text, const Token& tok, FormFacts* const* forms, std::uint32_t k, bool& initial,
                      bool& quote_open, TagSlot& slot) {
    FormFacts& f = *forms[k];
    if (f.punct == FormFacts::punct_unknown) f.punct = fixed_punctuation_tag(f);
    slot = TagSlot{};
    slot.lower = f.lower;
    slot.rule_word = f.rule_word;
    if (f.punct >= 0) {
        slot.tag = static_cast<PosTag>(f.punct);
    } else {
        const std::string_view w = f.key;
        const bool space_after =
            tok.span.end >= text.size() || text[tok.span.end] == ' ' || text[tok.span.end] == '\n';
        const bool open =
            w == "\"" ? (tok.space_before && space_after ? !quote_open : tok.space_before) : tok.space_before;
        slot.tag = detail::punctuation_tag(w, open);
        // A lone apostrophe after a plural is the possessive (the players ' union).
        if ((w == "'" || w == "\xE2\x80\x99") && k > 0 &&
            (forms[k - 1]->lower.ends_with("s") || forms[k - 1]->lower.ends_with("z")) && forms[k - 1]->shape.letters)
            slot.tag = PosTag::POS;
    }
    if (slot.tag == PosTag::open_quote || slot.tag == PosTag::close_quote) quote_open = slot.tag == PosTag::open_quote;
    slot.allowed = tag_bit(slot.tag);
    // A sentence starts again after an opening quote, bracket or colon.
    initial = initial || slot.tag == PosTag::open_quote || slot.tag == PosTag::lrb || slot.tag == PosTag::colon;
}

void tag_sentence(std::string_view text, const Segmentation& seg, std::uint32_t first, std::uint32_t count,
                  const Lexicon& lex, ThreadState& st, TaggedToken* out) {
    const Token* toks = seg.tokens.data() + first;
    const auto view = scan_sentence(text, toks, count, lex, st);
    if (st.slots.size() < count) st.slots.resize(count), st.facts.resize(count);
    TagSlot* slots = st.slots.data();
    WordFacts** facts = st.facts.data();
    FormFacts* const* forms = st.sentence_forms.data();
    bool initial = true, quote_open = false;
    for (std::uint32_t k = 0; k < count; ++k) {
        const auto& tok = toks[k];
        FormFacts& f = *forms[k];
        const Shape& s = f.shape;
        facts[k] = nullptr;
        if (!s.letters && !s.digits) {
            punctuation_slot(text, tok, forms, k, initial, quote_open, slots[k]);
            continue;
        }
        if (tok.kind == TokenKind::url || tok.kind == TokenKind::email) {
            slots[k] = {f.lower, tag_bit(PosTag::NN), f.rule_word, PosTag::NN, false};
        } else {
            facts[k] = f.facts;
            // In a title-case headline a capitalized verb is like a sentence's first word: only
            // if WordNet does not know it, or knows it as a name, is it a name ("Woman Killed in
            // Queens"). Nouns keep their capitals, for lines of names look the same. (A number
            // is tagged the same wherever it stands.)
            const bool headline_verb = view.title_case && s.upper_first && f.facts != nullptr && can_be_verb(*f.facts);
            if (initial || view.all_caps || headline_verb) {
                word_slot(f, true, view.all_caps, lex, slots[k]);
            } else {
                // Inside a sentence a form's slot is always the same: worked out once.
                if (!f.plain_ready) word_slot(f, false, false, lex, f.plain), f.plain_ready = true;
                slots[k] = f.plain;
            }
        }
        initial = false;
    }
    lex.rules().apply(std::span<TagSlot>(slots, count));
    for (std::uint32_t k = 0; k < count; ++k) {
        auto& t = out[k];
        t.tag = slots[k].tag;
        // The lemma: as written for names, numbers and punctuation, else the word's own. Appending
        // to the new, empty string is assigning, by the library's shorter path.
        FormFacts& f = *forms[k];
        if (has_tag(as_written_tags, t.tag)) t.lemma.append(f.key);
        else if (facts[k] == nullptr) t.lemma.append(f.lower);
        else t.lemma.append(form_lemma(f, *facts[k], t.tag, lex));
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
    st.begin(lex);
    std::uint32_t next = 0;
    for (const auto& s : seg.sentences) {
        for (; next < s.first_token && next < seg.tokens.size(); ++next)
            tag_sentence(text, seg, next, 1, lex, st, out.data() + next);
        if (s.first_token + s.token_count > seg.tokens.size()) break;
        tag_sentence(text, seg, s.first_token, s.token_count, lex, st, out.data() + s.first_token);
        next = s.first_token + s.token_count;
    }
    for (; next < seg.tokens.size(); ++next) tag_sentence(text, seg, next, 1, lex, st, out.data() + next);
    return out;
}

} // namespace annals
