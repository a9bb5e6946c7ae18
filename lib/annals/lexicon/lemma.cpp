// Lexicon::lemma and its fallbacks for words WordNet does not know.
#include "annals/lexicon/lexicon.hpp"

#include <array>
#include <optional>

namespace annals {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower_case(std::string_view word) {
    std::string out(word);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<WnPos> wn_pos_of(PosTag t) {
    if (t == PosTag::NN || t == PosTag::NNS) return WnPos::noun;
    if (is_verb(t)) return WnPos::verb;
    if (is_adjective(t)) return WnPos::adj;
    if (is_adverb(t)) return WnPos::adv;
    return std::nullopt;
}

/// The inflections that fit a tag, best first (a second entry equal to the first is a pad).
std::array<Inflection, 2> inflections_for(PosTag t) {
    using I = Inflection;
    switch (t) {
    case PosTag::NNS: return {I::plural, I::irregular};
    case PosTag::VBZ: return {I::third_person, I::irregular};
    case PosTag::VBD:
    case PosTag::VBN: return {I::irregular, I::past};
    case PosTag::VBG: return {I::gerund, I::gerund};
    case PosTag::JJR:
    case PosTag::RBR: return {I::irregular, I::comparative};
    case PosTag::JJS:
    case PosTag::RBS: return {I::irregular, I::superlative};
    default: return {I::base, I::base};
    }
}

/// Strips a regular ending from a word WordNet does not know: a guess, right for most.
std::string strip_ending(std::string lower, PosTag t) {
    auto cut = [&](std::size_t n) { lower.resize(lower.size() - n); };
    auto undouble = [&] {
        const auto n = lower.size();
        if (n >= 3 && lower[n - 1] == lower[n - 2] && std::string_view("bdgmnprt").find(lower[n - 1]) != std::string_view::npos)
            lower.pop_back();
    };
    if (t == PosTag::NNS || t == PosTag::VBZ) {
        if (ends_with(lower, "ies")) cut(3), lower += 'y';
        else if (ends_with(lower, "sses") || ends_with(lower, "xes") || ends_with(lower, "ches") || ends_with(lower, "shes"))
            cut(2);
        else if (ends_with(lower, "s") && !ends_with(lower, "ss")) cut(1);
    } else if (t == PosTag::VBD || t == PosTag::VBN) {
        if (ends_with(lower, "ied")) cut(3), lower += 'y';
        else if (ends_with(lower, "ed")) cut(2), undouble();
    } else if (t == PosTag::VBG && ends_with(lower, "ing") && lower.size() > 5) {
        cut(3), undouble();
    }
    return lower;
}

} // namespace

std::string Lexicon::lemma(std::string_view word, PosTag tag) const {
    if (tag == PosTag::NNP || tag == PosTag::NNPS) return std::string(word);
    auto lower = lower_case(word);
    const auto pos = wn_pos_of(tag);
    if (!pos) return lower;
    const auto forms = wordnet().base_forms(lower, *pos);
    for (const auto want : inflections_for(tag))
        for (const auto& f : forms)
            if (f.inflection == want) return std::string(f.lemma);
    if (const auto closed = closed_lemma(lower); !closed.empty()) return std::string(closed);
    if (!forms.empty()) return std::string(forms.begin()->lemma);
    return strip_ending(std::move(lower), tag);
}

} // namespace annals
