#include "annals/time/tense.hpp"

#include "annals/core/word_index.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <cstdint>
#include <vector>

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

// Words that announce what is to come when "to" follows ("plans to", "is likely to").
constexpr auto future_leads = std::to_array<std::string_view>({
    "going", "plans", "plan", "planned", "planning", "slated", "expected", "expects", "expect", "scheduled",
    "likely", "poised", "ready", "set", "due", "intends", "aims", "hopes",
});

// Past participles spelled as present forms, past after has/have ("have come down").
constexpr auto same_participle = std::to_array<std::string_view>({
    "come", "become", "overcome", "run", "put", "set", "cut", "hit", "let", "cost", "beat", "read", "spread",
    "shut", "quit", "hurt", "burst", "cast", "forecast", "broadcast", "split", "upset",
});

// Words ending in -ed that are not past forms.
constexpr auto not_ed_past = std::to_array<std::string_view>({
    "hundred", "indeed", "need", "speed", "seed", "feed", "bed", "red", "shed", "weed", "breed", "greed",
    "creed", "naked", "sacred", "wicked",
});

constexpr auto reporting = std::to_array<std::string_view>({"said", "says", "told", "added", "stated", "reported"});

enum class Cue { none, past, present, future, perfect_aux, future_lead, infinitive_be };

/// The lower-cased letters and apostrophes of a token, up to the first other character
/// after a letter, into `s` (reused).
void lower_word(std::string_view w, std::string& s) {
    // the first run of letters and apostrophes, copied at once and then lowered in place
    const auto kept = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; };
    std::size_t b = 0;
    while (b < w.size() && !kept(w[b])) ++b;
    std::size_t e = b;
    while (e < w.size() && kept(w[e])) ++e;
    s.assign(w.data() + b, e - b);
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
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

/// Words that may stand between an auxiliary and its participle ("was not paid", "has
/// already left", "will be paid").
bool adverb_between(std::string_view w) {
    static constexpr auto words = std::to_array<std::string_view>({
        "not", "n't", "be", "been", "being", "never", "also", "already", "just", "still", "since", "once", "long",
        "newly", "recently", "previously", "widely", "largely", "partly", "fully", "officially", "formally",
        "publicly", "quickly", "finally", "originally", "initially", "reportedly", "allegedly", "apparently",
    });
    return in(words, w);
}

bool is_determiner(std::string_view w) {
    return w == "a" || w == "an" || w == "the" || w == "its" || w == "their" || w == "his" || w == "her" ||
           w == "our" || w == "your" || w == "my" || w == "this" || w == "these" || w == "those" ||
           w == "some" || w == "any" || w == "no" || w == "each" || w == "every";
}

bool is_auxiliary(std::string_view w) {
    return w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" ||
           w == "will" || w == "would" || w == "has" || w == "have" || w == "had" || w == "shall" || w == "may" ||
           w == "might" || w == "can" || w == "could" || w == "should" || w == "must" || w.ends_with("'ll");
}

/// The cue of every listed word, looked up once instead of list by list. A word in several
/// lists takes the cue of the first: future, future lead (future when "to" follows),
/// perfect auxiliary, present, past. Most words of a sentence are in no list: the index turns
/// them away by their first byte and length before hashing.
const detail::WordIndex<Cue>& cue_table() {
    static const auto table = [] {
        detail::WordIndex<Cue> t;
        for (const std::string_view w : {"will", "won't", "shall", "would", "wo", "may", "might"}) t.emplace(w, Cue::future);
        for (const auto w : future_leads) t.emplace(w, Cue::future_lead);
        for (const std::string_view w : {"has", "have"}) t.emplace(w, Cue::perfect_aux);
        for (const std::string_view w : {"is", "are", "am", "does", "do", "can"}) t.emplace(w, Cue::present);
        for (const auto w : irregular_past) t.emplace(w, Cue::past);
        return t;
    }();
    return table;
}

Cue cue_of(std::string_view w) {
    if (w.ends_with("'ll")) return Cue::future;
    if (const Cue* cue = cue_table().find(w)) return *cue;
    if (ed_form(w)) return Cue::past;
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

namespace {

/// The lower-cased words of a sentence, made when first asked for: the search for a cue
/// stops near the expression, so most of a long sentence is never read.
class SentenceWords {
public:
    /// The word buffers are per thread and kept from call to call (one call per expression
    /// that needs a tense), so their strings are allocated once, not once per call.
    SentenceWords(std::string_view text, std::span<const Token> sentence)
        : text_(text), sentence_(sentence), words_(buffer()), made_(made_buffer()) {
        if (words_.size() < sentence.size()) words_.resize(sentence.size());
        made_.assign(sentence.size(), 0);
    }
    std::size_t size() const { return sentence_.size(); }
    /// A view (not the string): comparing a std::string with a literal calls memcmp even
    /// when the lengths differ, and the cue tests below compare each word with dozens.
    std::string_view operator[](std::size_t k) {
        if (!made_[k]) {
            lower_word(sentence_[k].span.of(text_), words_[k]);
            made_[k] = 1;
        }
        return words_[k];
    }
    bool capital(std::size_t k) const {
        const auto raw = sentence_[k].span.of(text_);
        return !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z';
    }

private:
    static std::vector<std::string>& buffer() {
        thread_local std::vector<std::string> words;
        return words;
    }
    static std::vector<char>& made_buffer() {
        thread_local std::vector<char> made;
        return made;
    }

    std::string_view text_;
    std::span<const Token> sentence_;
    std::vector<std::string>& words_;
    std::vector<char>& made_;
};

} // namespace

Tense governing_tense(std::string_view text, std::span<const Token> sentence, Span at) {
    SentenceWords words(text, sentence);
    std::size_t at_first = sentence.size(), at_last = 0;
    for (std::size_t k = 0; k < sentence.size(); ++k) {
        const auto& tok = sentence[k];
        if (tok.span.end > at.begin && tok.span.begin < at.end) {
            at_first = std::min(at_first, k);
            at_last = k;
        }
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
        // "were planning to", "was due to": the auxiliary carries no tense of its own here
        if ((cue == Cue::past || cue == Cue::present) && is_auxiliary(words[k]) && cue_of(next) == Cue::future_lead &&
            next != "set" && next != "plans" && next != "plan")
            return;
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
            // "plans" and "plan" are nouns unless "to" follows ("vacation plans for ...")
            const bool noun = (words[k] == "plans" || words[k] == "plan") && next != "to";
            // "had been due to expire Friday", "had planned to": a plan given up or overtaken
            const bool overtaken = prev == "had" || (prev == "been" && k > 1 && words[k - 2] == "had");
            if (overtaken) t = Tense::past;
            else if (noun) return;
            else if (passive || next == "to" || looks_ahead) t = Tense::future;
            else if (ed_form(words[k])) t = Tense::past;
            break;
        }
        case Cue::perfect_aux: {
            const std::string_view part = adverb_between(next) && next != "been" ? next2 : next;
            t = (cue_of(part) == Cue::past || in(same_participle, part) || next == "been") ? Tense::past : Tense::present;
            break;
        }
        case Cue::present: t = (next == "going" && next2 == "to") ? Tense::future : Tense::present; break;
        case Cue::infinitive_be: t = Tense::future; break;
        case Cue::past: {
            // a capitalized -ed word mid-sentence is a name (United States), not a verb
            if (k > 0 && words.capital(k)) return;
            // after a determiner an -ed word is an adjective ("a still unspecified date",
            // "the revised plan"), and so is an un-...-ed word ("undisclosed terms")
            if (ed_form(words[k]) && (words[k].starts_with("un") || (k >= 1 && is_determiner(words[k - 1])) ||
                                      (k >= 2 && is_determiner(words[k - 2]) && adverb_between(words[k - 1]))))
                return;
            // a participle after an auxiliary takes its tense from the auxiliary ("will be
            // paid", "was not paid"); "are statements made" is a past form after a noun
            if (k >= 1 && is_auxiliary(words[k - 1])) return;
            if (k >= 2 && is_auxiliary(words[k - 2]) && adverb_between(words[k - 1])) return;
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
    // costs only grow with distance: the search in each direction stops at the cost of the
    // best cue found so far (a later cue of equal cost would not replace it)
    long penalty = 0;
    for (std::size_t k = at_first; k-- > 0;) {
        const auto tok = sentence[k].span.of(text);
        if (ends_sentence(tok)) break;
        if (clause_break(words[k]) || clause_break(tok)) penalty += 3;
        const long cost = static_cast<long>(at_first - k) + penalty;
        if (cost >= best_cost) break;
        consider(k, cost, false);
    }
    penalty = 1;
    for (std::size_t k = at_last + 1; k < sentence.size(); ++k) {
        const auto prev_tok = sentence[k - 1].span.of(text);
        if (ends_sentence(prev_tok)) break;
        if (clause_break(words[k]) || clause_break(prev_tok)) penalty += 3;
        const long cost = static_cast<long>(k - at_last) + penalty;
        if (cost >= best_cost) break;
        consider(k, cost, true);
    }
    return best;
}

} // namespace annals
