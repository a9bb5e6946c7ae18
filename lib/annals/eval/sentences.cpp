#include "annals/eval/sentences.hpp"

#include "annals/text/segment.hpp"

#include <algorithm>
#include <iterator>

namespace annals {
namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

std::size_t trimmed_end(std::string_view text, const Span& s) noexcept {
    std::size_t e = std::min(s.end, text.size());
    while (e > s.begin && is_space(text[e - 1])) --e;
    return e;
}

std::vector<std::size_t> boundaries(std::string_view text, const std::vector<Span>& spans) {
    std::vector<std::size_t> out;
    out.reserve(spans.size());
    for (const auto& s : spans)
        if (const auto e = trimmed_end(text, s); e > s.begin) out.push_back(e);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool is_continuation(std::string_view text, std::size_t i) noexcept {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

// `width` bytes each side of `at`, cut at UTF-8 boundaries, line breaks shown as "\n".
std::string boundary_context(std::string_view text, std::size_t at, std::size_t width = 60) {
    std::size_t b = at > width ? at - width : 0;
    while (b > 0 && is_continuation(text, b)) --b;
    std::size_t e = std::min(text.size(), at + width);
    while (e < text.size() && is_continuation(text, e)) ++e;
    std::string out;
    for (std::size_t i = b; i < e; ++i) {
        if (i == at) out += " | ";
        if (text[i] == '\n') out += "\\n";
        else out += text[i] == '\t' || text[i] == '\r' ? ' ' : text[i];
    }
    if (at == e) out += " | ";
    return out;
}

} // namespace

SentenceScores& SentenceScores::operator+=(const SentenceScores& o) noexcept {
    all += o.all;
    inner += o.inner;
    documents += o.documents;
    return *this;
}

SentenceEvaluation score_sentence_boundaries(const std::string& doc_id, std::string_view text,
                                             const std::vector<Span>& gold, const std::vector<Span>& system) {
    SentenceEvaluation ev;
    ev.scores.documents = 1;
    const auto g = boundaries(text, gold);
    const auto s = boundaries(text, system);
    const std::size_t text_end = trimmed_end(text, Span{0, text.size()});
    auto count = [&](Prf& p, bool inner) {
        auto keep = [&](std::size_t b) { return !inner || b != text_end; };
        for (const auto b : g) {
            if (!keep(b)) continue;
            ++p.gold;
            if (std::binary_search(s.begin(), s.end(), b)) ++p.gold_matched;
        }
        for (const auto b : s) {
            if (!keep(b)) continue;
            ++p.system;
            if (std::binary_search(g.begin(), g.end(), b)) ++p.system_matched;
        }
    };
    count(ev.scores.all, false);
    count(ev.scores.inner, true);
    // Errors in text order: misses and false alarms interleaved.
    std::vector<std::size_t> diff;
    std::set_symmetric_difference(g.begin(), g.end(), s.begin(), s.end(), std::back_inserter(diff));
    for (const auto b : diff) {
        const bool miss = std::binary_search(g.begin(), g.end(), b);
        ev.errors.push_back({doc_id, miss ? "miss" : "false_alarm", b, boundary_context(text, b)});
    }
    return ev;
}

std::vector<Span> gold_sentence_spans(const timeml::TimemlDocument& gold) {
    std::vector<Span> out;
    for (const auto* e : gold.all("s")) out.push_back(e->span);
    return out;
}

SentenceEvaluation score_sentences(const timeml::TimemlDocument& gold) {
    const auto seg = segment(gold.text);
    std::vector<Span> system;
    system.reserve(seg.sentences.size());
    for (const auto& s : seg.sentences) system.push_back(s.span);
    return score_sentence_boundaries(gold.id, gold.text, gold_sentence_spans(gold), system);
}

} // namespace annals
