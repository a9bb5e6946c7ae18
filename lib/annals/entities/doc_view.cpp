#include "annals/entities/doc_view.hpp"

#include "annals/core/word_bytes.hpp"
#include "annals/core/word_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace annals::detail {

namespace {

bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

/// `out` = ascii_lower(text), byte for byte: the whole text of every document goes through it.
/// A plain byte loop without branches, which the optimizer turns into 16-byte vector steps
/// (faster than a hand-written eight-bytes-at-a-time loop, and written once, not copied first).
void lower_ascii_into(std::string_view text, std::string& out) {
    out.resize(text.size());
    const char* src = text.data();
    char* dst = out.data();
    const std::size_t n = text.size();
    for (std::size_t k = 0; k < n; ++k) {
        const auto u = static_cast<unsigned char>(src[k]);
        dst[k] = static_cast<char>(u + (static_cast<unsigned char>(u - 'A') < 26 ? 'a' - 'A' : 0));
    }
}

/// The last bytes a possessive ending may have ('s, 'S, s', and the last byte of ’): a table
/// read instead of four compares for every word.
constexpr std::array<bool, 256> possessive_back = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {'s', 'S', '\'', '\x99'}) t[c] = true;
    return t;
}();

bool may_end_possessive(char back) noexcept { return possessive_back[static_cast<unsigned char>(back)]; }

/// The span without a possessive ending: 's and ’s, or a lone apostrophe after s ("Forces'").
Span strip_possessive(Span s, std::string_view text) {
    // Asked of every word: most end in none of the tails' last bytes. (Token spans lie inside
    // the text, so no bounds check is needed to read the last byte.)
    const char back = s.end > s.begin ? text[s.end - 1] : '\0';
    if (!may_end_possessive(back)) return s;
    const auto w = s.of(text);
    for (std::string_view tail : {"'s", "\u2019s", "'S"})
        if (w.size() > tail.size() + 1 && w.ends_with(tail)) return {s.begin, s.end - tail.size()};
    for (std::string_view tail : {"s'", "s\u2019"})
        if (w.size() > tail.size() + 1 && w.ends_with(tail)) return {s.begin, s.end - (tail.size() - 1)};
    return s;
}

/// The index of the first '-' in w[0, n), or n. Asked of nearly every lower-case word, which
/// almost never has one: eight bytes a step (a byte loop cost a compare and a branch a byte).
std::size_t first_dash(const char* w, std::size_t n) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (std::size_t k = 0; k < n; k += 8) {
        const std::size_t m = n - k < 8 ? n - k : 8;
        // Zero bytes where the dashes are; the padding (zero) bytes become '-' ^ 0, not zero.
        const std::uint64_t x = load_tail(w + k, m) ^ (ones * '-');
        // The lowest flagged byte is exact (borrows only flag bytes above a zero byte).
        if (const std::uint64_t z = (x - ones) & ~x & highs; z != 0) {
            const std::size_t at = k + static_cast<std::size_t>(std::countr_zero(z)) / 8;
            return at < n ? at : n;
        }
    }
    return n;
}

/// What DocView::shape_name_word() needs of a document, as plain pointers: the loop over every
/// token stores bytes, which the compiler must assume may change any member it reads through.
struct ShapeInput {
    std::string_view text;
    const Token* tokens;
    const Span* cores;
    const std::uint8_t* headline;
    const std::uint8_t* blocked;
    const TaggedToken* tags; ///< nullptr: no tags (every token a noun)
};

/// DocView::shape_name_word() of token i of the sentence starting at token `first`.
/// `dash_in(begin, n)` is the offset of the first '-' in the n bytes of the text at `begin`, or n.
template <class DashIn>
std::int8_t shape_name_word_of(const ShapeInput& in, std::uint32_t i, std::uint32_t first, DashIn&& dash_in) {
    if (in.tokens[i].kind != TokenKind::word || in.blocked[i]) return 0;
    // The core of a word token is never empty and lies inside the text: read it in place.
    const char* w = in.text.data() + in.cores[i].begin;
    const std::size_t size = in.cores[i].size();
    if (size == 1) return 0; // a lone letter: a column head, a list mark, "A"
    const bool cap = upper_ascii(w[0]) || static_cast<unsigned char>(w[0]) >= 0xC0;
    if (!cap) {
        // "al-Qaeda", "wal-Muslimin": a lower-case particle joined to a capitalized name. The
        // first dash decides; one in the last byte has nothing after it.
        if (in.headline[i] || i == first) return 0;
        const auto dash = dash_in(in.cores[i].begin, size - 1);
        return dash < size - 1 && upper_ascii(w[dash + 1]) ? 1 : 0;
    }
    if (in.headline[i]) return -1;
    const bool initial = i == first || (i > first && in.tokens[i - 1].kind != TokenKind::word && i - 1 == first);
    if (!initial) return 1;
    const auto t = in.tags ? in.tags[i].tag : PosTag::NN;
    return t == PosTag::NNP || t == PosTag::NNPS ? 1 : -1;
}

} // namespace

DocView::DocView(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
                 const Lexicon& lex, const Gazetteer& gaz, const EntityCues& cues, const std::vector<Span>& times)
    : text_(text), seg_(seg), tags_(tags), lex_(lex), gaz_(gaz), cues_(cues) {
    const auto n = seg.tokens.size();
    blocked_.assign(n, 0);
    for (std::size_t i = 0, t = 0; i < n && t < times.size();) {
        if (seg.tokens[i].span.end <= times[t].begin) {
            // Tokens end in text order: jump over every one ending before the time expression
            // begins, instead of stepping through the (mostly time-free) text token by token.
            const auto from = seg.tokens.begin() + static_cast<std::ptrdiff_t>(i);
            const auto begin = times[t].begin;
            i = static_cast<std::size_t>(std::partition_point(from, seg.tokens.end(), [begin](const Token& tok) {
                                             return tok.span.end <= begin;
                                         }) - seg.tokens.begin());
        } else if (times[t].end <= seg.tokens[i].span.begin) {
            ++t;
        } else {
            blocked_[i++] = 1;
        }
    }
    // clear() then resize(): value-initialized trivial elements are zeroed in one block.
    if (matches_.size() < n) matches_.resize(n);
    matched_.assign(n, 0);
    match_pool_.clear();
    common_.assign(n, -1);
    if (demonyms_.size() < n) demonyms_.resize(n);
    demonym_known_.assign(n, 0);
    cues_of_.assign(n, 0);
    starts_.assign(n, -1);
    plain_.assign(n, -1);
    // Lower-cased once per document: every gazetteer window and cue lookup is a view into it.
    lower_ascii_into(text, lowered_);
    cores_.resize(n);
    sentence_of_.clear();
    sentence_of_.resize(n);
    headline_.assign(n, 0);
    name_.assign(n, -1);
    for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
        const auto& sent = seg.sentences[s];
        const auto end = sent.first_token + sent.token_count;
        for (auto i = sent.first_token; i < end; ++i) sentence_of_[i] = static_cast<std::uint32_t>(s);
        // Each line on its own: a score table or a capitals line inside a longer "sentence".
        for (auto line = sent.first_token; line < end;) {
            auto stop = line + 1;
            while (stop < end && !seg.tokens[stop].newline_before) ++stop;
            mark_headline(line, stop);
            line = stop;
        }
    }
    // Every token's core, and in one pass with it name_word() (asked of nearly every token:
    // most answers follow from the token alone), which reads the token's own core.
    Span* cores = cores_.data();
    const Token* toks = seg.tokens.data();
    auto core_of = [&](std::size_t i) {
        const Span span = toks[i].span;
        if (toks[i].kind != TokenKind::word || span.empty()) return span;
        // Most words end in none of the possessive tails' last bytes: no call for them.
        if (!may_end_possessive(text[span.end - 1])) return span;
        return strip_possessive(span, text);
    };
    const ShapeInput in{text, toks, cores, headline_.data(), blocked_.data(), tags.empty() ? nullptr : tags.data()};
    std::int8_t* names = name_.data();
    // Every lower-case word is asked whether it holds a dash ("al-Qaeda"); few do. The text's
    // dashes are found once (memchr skips the rest many bytes a step) and the words, met in
    // text order, walk along them: no pass over each word's bytes.
    auto& dashes = scratch_.dashes;
    dashes.clear();
    for (const char *p = text.data(), *stop = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '-', static_cast<std::size_t>(stop - p)))) != nullptr; ++p)
        dashes.push_back(static_cast<std::size_t>(p - text.data()));
    dashes.push_back(text.size()); // a sentinel past every word
    const std::size_t* next_dash = dashes.data();
    auto dash_in = [&next_dash, &dashes](std::size_t begin, std::size_t count) {
        // Words come in text order; should one not, the walk starts again where it belongs.
        if (next_dash != dashes.data() && next_dash[-1] >= begin)
            next_dash = &*std::lower_bound(dashes.begin(), dashes.end(), begin);
        while (*next_dash < begin) ++next_dash;
        return *next_dash - begin < count ? *next_dash - begin : count;
    };
    std::uint32_t covered = 0; // tokens before this have their core
    for (const auto& sent : seg.sentences) {
        const auto end = sent.first_token + sent.token_count;
        for (auto i = covered; i < sent.first_token; ++i) cores[i] = core_of(i);
        for (auto i = sent.first_token; i < end; ++i) {
            // Not a word: no possessive to strip and no name (the common case after words).
            if (toks[i].kind != TokenKind::word) {
                cores[i] = toks[i].span;
                names[i] = 0;
                continue;
            }
            cores[i] = core_of(i);
            names[i] = shape_name_word_of(in, i, sent.first_token, dash_in);
        }
        covered = std::max(covered, end);
    }
    for (auto i = covered; i < n; ++i) cores[i] = core_of(i);
}

void DocView::mark_headline(std::uint32_t first, std::uint32_t last) {
    std::size_t words = 0, lower = 0, long_lower = 0;
    bool any_lower = false;
    const Token* toks = seg_.tokens.data();
    for (auto i = first; i < last; ++i) {
        // Token spans lie inside the text and are never empty: read in place.
        const std::string_view w(text_.data() + toks[i].span.begin, toks[i].span.size());
        if (!any_lower) any_lower = std::any_of(w.begin(), w.end(), lower_ascii);
        if (toks[i].kind != TokenKind::word) continue;
        ++words;
        if (lower_ascii(w.front())) {
            ++lower;
            if (w.size() >= 4) ++long_lower;
        }
        // A long lower-case word in a line with lower case: no headline (headline_ is false).
        if (any_lower && long_lower > 0) return;
    }
    const bool headline = words >= 2 && (!any_lower || (words >= 4 && long_lower == 0 && lower * 3 < words));
    std::fill(headline_.begin() + first, headline_.begin() + last, headline ? 1 : 0);
}

DocView::Scratch& DocView::thread_scratch() {
    thread_local Scratch scratch;
    return scratch;
}

bool DocView::plain(Span s) const noexcept { return plain_from(s, s.begin); }

bool DocView::plain_from(Span s, std::size_t from) const noexcept {
    if (s.empty() || text_[s.begin] == ' ' || text_[s.end - 1] == ' ') return false;
    // A space is never first or last (above), so its neighbours lie inside the span.
    for (std::size_t k = from; k < s.end; ++k) {
        const auto u = static_cast<unsigned char>(text_[k]);
        if (u > ' ' && u < 0x80) continue;
        if (u != ' ' || text_[k - 1] == ' ' || text_[k - 1] == '-' || text_[k + 1] == '-') return false;
    }
    return true;
}

bool DocView::plain_token(std::uint32_t i) const noexcept {
    if (plain_[i] < 0) plain_[i] = plain(cores_[i]) ? 1 : 0;
    return plain_[i] == 1;
}

bool DocView::may_start(std::uint32_t i) const {
    if (starts_[i] < 0) starts_[i] = (plain_token(i) ? gaz_.may_start_folded(lower_word(i)) : gaz_.may_start(word(i))) ? 1 : 0;
    return starts_[i] == 1;
}

namespace {

/// Per thread, the answers of common_word() for one lexicon: the lexicon's morphology is the
/// costly part of the entity stage, and the same words come back in every document. Open
/// addressing, asked with views; bounded: emptied when it grows past its limit.
struct CommonCache {
    std::uint64_t lexicon = 0;
    WordIndex<bool> words;
};

} // namespace

bool DocView::common_word(std::string_view word) const {
    thread_local std::string lower; // the word asked, lowered into a reused buffer
    lower.assign(word);
    for (char& c : lower)
        if (upper_ascii(c)) c = static_cast<char>(c - 'A' + 'a');
    return common_lowered(lower);
}

bool DocView::common_lowered(std::string_view lower) const {
    thread_local CommonCache cache;
    if (cache.lexicon != lex_.id() || cache.words.size() > 200000) {
        cache.words = WordIndex<bool>();
        cache.lexicon = lex_.id();
    }
    if (const auto* known = cache.words.find(lower)) return *known;
    thread_local std::string key;
    key.assign(lower);
    const bool common = lexicon_common_word(key);
    cache.words.emplace(lower, common);
    return common;
}

bool DocView::lexicon_common_word(const std::string& lower) const {
    const auto a = lex_.analyze(lower);
    if (!a.known) return false;
    // "International" is first a noun naming a body, but also an adjective: common.
    constexpr TagSet other = tag_bit(PosTag::JJ) | tag_bit(PosTag::VB) | tag_bit(PosTag::VBD) | tag_bit(PosTag::VBN) |
                             tag_bit(PosTag::VBZ) | tag_bit(PosTag::VBP) | tag_bit(PosTag::RB);
    return a.closed || (a.tags & other) != 0 || !lex_.wordnet().is_proper_noun(lower);
}

std::int8_t DocView::shape_name_word(std::uint32_t i) const noexcept {
    const ShapeInput in{text_, seg_.tokens.data(), cores_.data(), headline_.data(), blocked_.data(),
                        tags_.empty() ? nullptr : tags_.data()};
    // Asked out of text order: the word's own bytes are read.
    const char* text = text_.data();
    return shape_name_word_of(in, i, seg_.sentences[sentence_of_[i]].first_token,
                              [text](std::size_t begin, std::size_t count) { return first_dash(text + begin, count); });
}

bool DocView::looked_up_name_word(std::uint32_t i) const {
    const bool yes = [&] {
        if (const auto shape = shape_name_word(i); shape >= 0) return shape == 1;
        if (in_headline(i)) {
            if (!lex_.closed_lemma(lower_word(i)).empty()) return false;
            return may_start(i) || !common_lowered(lower_word(i)) || cue(i, Cue::org_head);
        }
        // A capitalized word opening a sentence: "The" starts one far more often than "The Hague".
        const auto& sent = seg_.sentences[sentence_of_[i]];
        const GazEntry* entry = nullptr;
        const auto end = sent.first_token + sent.token_count;
        return may_start(i) && gazetteer_match(i, end, entry) >= (lex_.closed_lemma(lower_word(i)).empty() ? 1U : 2U);
    }();
    name_[i] = yes ? 1 : 0;
    return yes;
}

bool DocView::person_word(std::uint32_t i) const {
    const auto w = word(i);
    if (cue(i, Cue::particle)) return true;
    if (w.size() == 2 && upper_ascii(w[0]) && w[1] == '.') return true;
    if (common_[i] < 0) common_[i] = common_lowered(lower_word(i)) ? 1 : 0;
    return common_[i] == 0;
}

const CountryInfo* DocView::looked_up_demonym(std::uint32_t i) const {
    demonym_known_[i] = 1;
    // Written for every token asked: the table keeps the last document's entries.
    demonyms_[i] = !is_word(i)       ? nullptr
                   : plain_token(i) ? gaz_.country_by_demonym_folded(word(i), lower_word(i))
                                    : gaz_.country_by_demonym(word(i));
    return demonyms_[i];
}

std::uint16_t DocView::looked_up_cues(std::uint32_t i) const {
    cues_of_[i] = static_cast<std::uint16_t>(0x8000U | cues_.bits(word(i), lower_word(i)));
    return cues_of_[i];
}

void DocView::compute_matches(std::uint32_t first) const {
    auto& slot = matches_[first];
    matched_[first] = 1;
    slot.begin = static_cast<std::uint32_t>(match_pool_.size());
    if (is_word(first) && may_start(first)) find_matches(first);
    slot.count = static_cast<std::uint32_t>(match_pool_.size()) - slot.begin;
}

void DocView::find_matches(std::uint32_t first) const {
    const auto max_words = gaz_.max_words();
    const auto end = seg_.sentences[sentence_of_[first]].first_token + seg_.sentences[sentence_of_[first]].token_count;
    std::uint32_t spaces = 0;
    // plain() of each window from the bytes the last one did not have: a byte's test reads
    // only it and its neighbours, which a longer window of the same start keeps.
    std::size_t checked = seg_.tokens[first].span.begin;
    bool prefix_plain = true;
    // Grow the window token by token; a name ends at a word, never crosses a possessive except
    // at its end, and the window stops where no dictionary name continues it.
    for (std::uint32_t j = first; j < end; ++j) {
        if (j > first && seg_.tokens[j].space_before && ++spaces >= max_words) break;
        if (seg_.tokens[j].blank_line_before && j > first) break;
        if (!is_word(j) && seg_.tokens[j].kind != TokenKind::number) continue;
        // Most windows are plain ASCII: then the lowered text is already their folded form.
        const Span span{seg_.tokens[first].span.begin, cores_[j].end};
        const auto window = span.of(text_);
        const bool is_plain = prefix_plain && plain_from(span, checked);
        // A window ending in a space fails on that alone; its other bytes are not yet vouched for.
        if (text_[span.end - 1] != ' ') {
            checked = span.end;
            prefix_plain = is_plain;
        }
        bool continues = false; // for plain windows, found with the name in one lookup
        const auto* e = is_plain ? gaz_.find_best_folded(window, lower(span), continues) : gaz_.find_best(window);
        if (e) match_pool_.emplace_back(j - first + 1, e);
        if (possessive(j)) break;
        if (j + 1 < end && seg_.tokens[j + 1].space_before && !(is_plain ? continues : gaz_.may_continue(window))) break;
    }
}

} // namespace annals::detail
