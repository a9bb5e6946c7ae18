#include "annals/time/tense.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace annals {
namespace {

// Irregular simple past forms and past participles that are not also common present forms
// (put, set, cut, hit, read, let, cost, beat are left out: they read as either).
constexpr auto irregular_past = std::to_array<std::string_view>({
    "arose", "arisen", "ate", "eaten", "awoke", "became", "began", "begun", "bent", "bet", "bit", "bitten",
    "bled", "blew", "blown", "bore", "borne", "bought", "bound", "broke", "broken", "brought", "built",
    "burnt", "came", "caught", "chose", "chosen", "clung", "crept", "dealt", "did", "done", "drew", "drawn",
    "drank", "drunk", "drove", "driven", "dug", "fed", "fell", "fallen", "felt", "fled", "flew", "flown",
    "forbade", "forgot", "forgotten", "forgave", "forgiven", "fought", "found", "froze", "frozen", "gave",
    "given", "gone", "got", "gotten", "grew", "grown", "had", "heard", "held", "hid", "hidden", "hung",
    "kept", "knew", "known", "laid", "led", "left", "lent", "lit", "lost", "made", "meant", "met", "overcame",
    "paid", "ran", "rang", "rode", "ridden", "rose", "risen", "said", "sang", "sank", "sat", "saw", "seen",
    "sought", "sold", "sent", "shook", "shaken", "shot", "shown", "shrank", "slept", "slid", "spoke",
    "spoken", "sped", "spent", "spun", "sprang", "stood", "stole", "stolen", "struck", "stuck", "stung",
    "strode", "strove", "swept", "swore", "sworn", "swam", "swung", "taught", "took", "taken", "told",
    "thought", "threw", "thrown", "tore", "torn", "understood", "undertook", "upheld", "was", "went",
    "were", "withdrew", "withdrawn", "withheld", "woke", "won", "wore", "worn", "wound", "wrote", "written",
    "been",
});

// Words ending in -ed that are not past forms.
constexpr auto not_ed_past = std::to_array<std::string_view>({
    "hundred", "indeed", "need", "speed", "seed", "feed", "bed", "red", "shed", "weed", "breed", "greed",
    "creed", "naked", "sacred", "wicked",
});

constexpr auto reporting = std::to_array<std::string_view>({"said", "says", "told", "added", "stated", "reported"});

enum class Cue { none, past, present, future, perfect_aux, future_lead, infinitive_be };

std::string lower_word(std::string_view w) {
    std::string s;
    for (char c : w) {
        if ((c >= 'a' && c <= 'z') || c == '\'') s += c;
        else if (c >= 'A' && c <= 'Z') s += static_cast<char>(c - 'A' + 'a');
        else if (!s.empty()) break;
    }
    return s;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool ed_form(std::string_view w) {
    if (w.size() < 5 || w.substr(w.size() - 2) != "ed") return false;
    if (w.size() >= 3 && w.substr(w.size() - 3) == "eed") return false;
    return !in(not_ed_past, w);
}

bool is_auxiliary(std::string_view w) {
    return w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" ||
           w == "will" || w == "would" || w == "has" || w == "have" || w == "had" || w == "shall" || w == "may" ||
           w == "might" || w == "can" || w == "could" || w == "should" || w == "must" || w.ends_with("'ll");
}

Cue cue_of(std::string_view w) {
    if (w == "will" || w.ends_with("'ll") || w == "won't" || w == "shall" || w == "would" || w == "wo" || w == "may" || w == "might")
        return Cue::future;
    if (w == "going" || w == "plans" || w == "plan" || w == "planned" || w == "planning" || w == "slated" ||
        w == "expected" || w == "scheduled" ||
        w == "set" || w == "due" || w == "intends" || w == "aims" || w == "hopes")
        return Cue::future_lead; // future when "to" follows
    if (w == "has" || w == "have") return Cue::perfect_aux;
    if (w == "is" || w == "are" || w == "am" || w == "does" || w == "do" || w == "can") return Cue::present;
    if (in(irregular_past, w) || ed_form(w)) return Cue::past;
    return Cue::none;
}

} // namespace

const char* tense_name(Tense t) noexcept {
    switch (t) {
    case Tense::unknown: return "unknown";
    case Tense::past: return "past";
    case Tense::present: return "present";
    case Tense::future: return "future";
    }
    return "unknown";
}

namespace {

/// Whether a token closes a sentence inside a longer span: it ends in . ? or ! and is not an
/// abbreviation (short capitalized words, dotted initials). Segmenters that split sentences
/// already make this redundant; it keeps the detector inside one sentence either way.
bool ends_sentence(std::string_view tok) {
    if (tok.empty()) return false;
    const char last = tok.back();
    if (last == '?' || last == '!') return true;
    if (last != '.') return false;
    const auto body = tok.substr(0, tok.size() - 1);
    if (body.empty()) return true;
    if (body.find('.') != std::string_view::npos) return false;
    const bool capital = body[0] >= 'A' && body[0] <= 'Z';
    return !(capital && body.size() <= 4);
}

bool clause_break(std::string_view tok) {
    return tok == "that" || tok.ends_with(",") || tok.ends_with(";") || tok == "," || tok == ";" || tok == "--";
}

} // namespace

Tense governing_tense(std::string_view text, std::span<const Token> sentence, Span at) {
    std::vector<std::string> words;
    std::vector<bool> capital;
    words.reserve(sentence.size());
    std::size_t at_first = sentence.size(), at_last = 0;
    for (std::size_t k = 0; k < sentence.size(); ++k) {
        const auto& tok = sentence[k];
        if (tok.span.end > at.begin && tok.span.begin < at.end) {
            at_first = std::min(at_first, k);
            at_last = k;
        }
        words.push_back(lower_word(tok.span.of(text)));
        const auto raw = tok.span.of(text);
        capital.push_back(!raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z');
    }
    if (at_first == sentence.size()) return Tense::unknown;
    Tense best = Tense::unknown;
    long best_cost = 1L << 30;
    auto consider = [&](std::size_t k, long cost, bool after) {
        Cue cue = cue_of(words[k]);
        if (words[k] == "be" && k > 0 && words[k - 1] == "to") cue = Cue::infinitive_be; // "to be published"
        if (cue == Cue::none) return;
        const std::string_view next = k + 1 < words.size() ? std::string_view(words[k + 1]) : std::string_view{};
        const std::string_view next2 = k + 2 < words.size() ? std::string_view(words[k + 2]) : std::string_view{};
        Tense t = Tense::unknown;
        switch (cue) {
        case Cue::future: t = Tense::future; break;
        case Cue::future_lead: {
            // "is expected in December", "expected to", "plans to": future; "planned to": past
            const std::string_view prev = k > 0 ? std::string_view(words[k - 1]) : std::string_view{};
            const bool passive = prev == "is" || prev == "are" || prev == "be" || prev == "been" || prev == "was" ||
                                 prev == "were" || prev == "being";
            // planning and scheduling words look ahead whatever their tense ("planned a rally on Saturday")
            const bool looks_ahead = words[k] == "planned" || words[k] == "planning" || words[k] == "scheduled" ||
                                     words[k] == "slated" || words[k] == "plans" || words[k] == "plan";
            if (passive || next == "to" || looks_ahead) t = Tense::future;
            else if (ed_form(words[k])) t = Tense::past;
            break;
        }
        case Cue::perfect_aux:
            t = (cue_of(next) == Cue::past || (next == "not" && cue_of(next2) == Cue::past) || next == "been")
                    ? Tense::past : Tense::present;
            break;
        case Cue::present: t = (next == "going" && next2 == "to") ? Tense::future : Tense::present; break;
        case Cue::infinitive_be: t = Tense::future; break;
        case Cue::past: {
            // a capitalized -ed word mid-sentence is a name (United States), not a verb
            if (k > 0 && capital[k]) return;
            // a participle after an auxiliary takes its tense from the auxiliary ("will be paid")
            for (std::size_t back = 1; back <= 2 && back <= k; ++back)
                if (is_auxiliary(words[k - back])) return;
            t = Tense::past;
            break;
        }
        case Cue::none: break;
        }
        if (t == Tense::unknown) return;
        if (after && in(reporting, words[k])) cost += 4;
        if (cost < best_cost) {
            best_cost = cost;
            best = t;
        }
    };
    long penalty = 0;
    for (std::size_t k = at_first; k-- > 0;) {
        const auto tok = sentence[k].span.of(text);
        if (ends_sentence(tok)) break;
        if (clause_break(words[k]) || clause_break(tok)) penalty += 3;
        consider(k, static_cast<long>(at_first - k) + penalty, false);
    }
    penalty = 1;
    for (std::size_t k = at_last + 1; k < sentence.size(); ++k) {
        const auto prev_tok = sentence[k - 1].span.of(text);
        if (ends_sentence(prev_tok)) break;
        if (clause_break(words[k]) || clause_break(prev_tok)) penalty += 3;
        consider(k, static_cast<long>(k - at_last) + penalty, true);
    }
    return best;
}

} // namespace annals
