#include "annals/eval/pos.hpp"

#include "annals/lexicon/tagger.hpp"

#include <algorithm>
#include <ctime>
#include <unordered_map>

namespace annals {

PosScores& PosScores::operator+=(const PosScores& o) noexcept {
    documents += o.documents;
    sentences += o.sentences;
    tokens += o.tokens;
    correct += o.correct;
    unaligned += o.unaligned;
    bytes += o.bytes;
    seconds += o.seconds;
    return *this;
}

namespace {

/// CPU time of the calling thread: on a shared machine wall time measures the neighbours too.
double thread_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string_view normalized(std::string_view tag) {
    if (tag == "``" || tag == "''" || tag == "\"") return "\"";
    if (tag == "-LRB-") return "(";
    if (tag == "-RRB-") return ")";
    return tag;
}

bool same_tag(std::string_view gold, std::string_view system) {
    // A few corpus tags are alternatives ("NN|SYM"): any of them counts.
    for (std::size_t b = 0;;) {
        const auto e = gold.find('|', b);
        if (normalized(gold.substr(b, e == std::string_view::npos ? e : e - b)) == normalized(system)) return true;
        if (e == std::string_view::npos) return false;
        b = e + 1;
    }
}

std::string context_words(const conll::ConllSentence& s, std::size_t i) {
    std::string out;
    const std::size_t from = i >= 3 ? i - 3 : 0, to = std::min(s.tokens.size(), i + 4);
    for (std::size_t k = from; k < to; ++k) {
        if (!out.empty()) out += ' ';
        out += k == i ? "[" + s.tokens[k].word + "]" : s.tokens[k].word;
    }
    return out;
}

} // namespace

PosEvaluation score_pos(const conll::ConllDocument& doc, const Lexicon& lex, PosTokens tokens) {
    PosEvaluation ev;
    const double t0 = thread_seconds();
    const auto seg = tokens == PosTokens::gold ? conll::gold_segmentation(doc) : segment(doc.text);
    const auto tagged = tag(doc.text, seg, lex);
    ev.scores.seconds = thread_seconds() - t0;
    ev.scores.documents = 1;
    ev.scores.bytes = doc.text.size();
    std::unordered_map<std::size_t, std::size_t> by_begin;
    for (std::size_t i = 0; i < seg.tokens.size(); ++i) by_begin.emplace(seg.tokens[i].span.begin, i);
    for (const auto& s : doc.sentences) {
        ++ev.scores.sentences;
        for (std::size_t i = 0; i < s.tokens.size(); ++i) {
            const auto& g = s.tokens[i];
            ++ev.scores.tokens;
            const auto it = by_begin.find(g.span.begin);
            if (it == by_begin.end() || seg.tokens[it->second].span != g.span) {
                ++ev.scores.unaligned;
                ev.errors.push_back({g.word, g.pos, "(unaligned)", context_words(s, i)});
                continue;
            }
            const auto sys = pos_tag_name(tagged[it->second].tag);
            if (same_tag(g.pos, sys)) ++ev.scores.correct;
            else ev.errors.push_back({g.word, g.pos, std::string(sys), context_words(s, i)});
        }
    }
    return ev;
}

std::vector<Confusion> confusions(const std::vector<PosError>& errors, std::size_t examples) {
    std::vector<Confusion> out;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (const auto& e : errors) {
        const auto [it, fresh] = index.try_emplace({e.gold, e.system}, out.size());
        if (fresh) out.push_back({e.gold, e.system, 0, {}});
        auto& c = out[it->second];
        ++c.count;
        if (c.examples.size() < examples) c.examples.push_back(&e);
    }
    std::stable_sort(out.begin(), out.end(), [](const Confusion& a, const Confusion& b) { return a.count > b.count; });
    return out;
}

} // namespace annals
