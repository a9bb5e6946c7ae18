#include "annals/entities/doc_view.hpp"

#include <algorithm>

namespace annals::detail {

namespace {

bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

/// The span without a possessive ending: 's and ’s, or a lone apostrophe after s ("Forces'").
Span strip_possessive(Span s, std::string_view text) {
    const auto w = s.of(text);
    for (std::string_view tail : {"'s", "\u2019s", "'S"})
        if (w.size() > tail.size() + 1 && w.ends_with(tail)) return {s.begin, s.end - tail.size()};
    for (std::string_view tail : {"s'", "s\u2019"})
        if (w.size() > tail.size() + 1 && w.ends_with(tail)) return {s.begin, s.end - (tail.size() - 1)};
    return s;
}

} // namespace

DocView::DocView(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
                 const Lexicon& lex, const Gazetteer& gaz, const EntityCues& cues, const std::vector<Span>& times)
    : text_(text), seg_(seg), tags_(tags), lex_(lex), gaz_(gaz), cues_(cues) {
    blocked_.assign(seg.tokens.size(), false);
    for (std::size_t i = 0, t = 0; i < seg.tokens.size() && t < times.size();) {
        if (seg.tokens[i].span.end <= times[t].begin) ++i;
        else if (times[t].end <= seg.tokens[i].span.begin) ++t;
        else blocked_[i++] = true;
    }
    cores_.reserve(seg.tokens.size());
    for (const auto& t : seg.tokens)
        cores_.push_back(t.kind == TokenKind::word ? strip_possessive(t.span, text) : t.span);
    sentence_of_.assign(seg.tokens.size(), 0);
    headline_.assign(seg.sentences.size(), false);
    for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
        const auto& sent = seg.sentences[s];
        std::size_t words = 0, lower = 0, long_lower = 0;
        for (auto i = sent.first_token; i < sent.first_token + sent.token_count; ++i) {
            sentence_of_[i] = s;
            if (!is_word(i)) continue;
            const auto w = token(i);
            ++words;
            if (lower_ascii(w.front())) {
                ++lower;
                if (w.size() >= 4) ++long_lower;
            }
        }
        const bool no_lower_word = std::none_of(text.begin() + static_cast<std::ptrdiff_t>(sent.span.begin),
                                                text.begin() + static_cast<std::ptrdiff_t>(sent.span.end), lower_ascii);
        headline_[s] = words >= 2 && (no_lower_word || (words >= 4 && long_lower == 0 && lower * 3 < words));
    }
}

std::string_view DocView::token(std::uint32_t i) const noexcept { return seg_.tokens[i].span.of(text_); }

bool DocView::is_word(std::uint32_t i) const noexcept { return seg_.tokens[i].kind == TokenKind::word; }

bool DocView::common_word(std::string_view word) const {
    const auto lower = ascii_lower(word);
    const auto a = lex_.analyze(lower);
    if (!a.known) return false;
    // "International" is first a noun naming a body, but also an adjective: common.
    constexpr TagSet other = tag_bit(PosTag::JJ) | tag_bit(PosTag::VB) | tag_bit(PosTag::VBD) | tag_bit(PosTag::VBN) |
                             tag_bit(PosTag::VBZ) | tag_bit(PosTag::VBP) | tag_bit(PosTag::RB);
    return a.closed || (a.tags & other) != 0 || !lex_.wordnet().is_proper_noun(lower);
}

bool DocView::name_word(std::uint32_t i) const {
    if (!is_word(i) || blocked_[i]) return false;
    const auto w = word(i);
    const bool cap = upper_ascii(w.front()) || static_cast<unsigned char>(w.front()) >= 0xC0;
    if (!cap) {
        // "al-Qaeda", "wal-Muslimin": a lower-case particle joined to a capitalized name.
        const auto dash = w.find('-');
        return dash != std::string_view::npos && dash + 1 < w.size() && upper_ascii(w[dash + 1]) &&
               !in_headline(i) && i != seg_.sentences[sentence_of_[i]].first_token;
    }
    if (in_headline(i)) {
        if (lex_.analyze(ascii_lower(w)).closed) return false;
        return gaz_.may_start(w) || !common_word(w) || cues_.is(w, Cue::org_head);
    }
    const auto& sent = seg_.sentences[sentence_of_[i]];
    const bool initial = i == sent.first_token ||
                         (i > sent.first_token && !is_word(i - 1) && i - 1 == sent.first_token);
    if (!initial) return true;
    const auto t = tag(i);
    if (t == PosTag::NNP || t == PosTag::NNPS) return true;
    // "The" starts a sentence far more often than "The Hague".
    const GazEntry* entry = nullptr;
    const auto end = sent.first_token + sent.token_count;
    return gaz_.may_start(w) && gazetteer_match(i, end, entry) >= (lex_.analyze(ascii_lower(w)).closed ? 2U : 1U);
}

bool DocView::person_word(std::uint32_t i) const {
    const auto w = word(i);
    if (cues_.is(w, Cue::particle)) return true;
    if (w.size() == 2 && upper_ascii(w[0]) && w[1] == '.') return true;
    return !common_word(w);
}

std::uint32_t DocView::gazetteer_match(std::uint32_t first, std::uint32_t limit, const GazEntry*& entry) const {
    entry = nullptr;
    if (!is_word(first) || !gaz_.may_start(word(first))) return 0;
    const auto max_words = gaz_.max_words();
    std::uint32_t last = first, spaces = 0;
    std::uint32_t best = 0;
    // Grow the window token by token; a name ends at a word, and never crosses a possessive
    // except at its end.
    for (std::uint32_t j = first; j < limit; ++j) {
        if (j > first && seg_.tokens[j].space_before && ++spaces >= max_words) break;
        if (seg_.tokens[j].blank_line_before && j > first) break;
        last = j;
        if (!is_word(last) && seg_.tokens[last].kind != TokenKind::number) continue;
        const Span s{seg_.tokens[first].span.begin, cores_[last].end};
        if (const auto* e = gaz_.find_best(s.of(text_))) {
            entry = e;
            best = last - first + 1;
        }
        if (possessive(last)) break;
    }
    return best;
}

} // namespace annals::detail
