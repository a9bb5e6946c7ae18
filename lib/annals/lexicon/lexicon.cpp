#include "annals/lexicon/lexicon.hpp"

#include "annals/core/error.hpp"
#include "annals/core/data_file.hpp"
#include "annals/lexicon/string_table.hpp"
#include "annals/pipeline.hpp"

#include <array>
#include <bit>
#include <atomic>
#include <deque>

namespace annals {

namespace {

struct ClosedEntry {
    PosTag best = PosTag::NN;
    TagSet tags = 0;
    std::string_view lemma; ///< empty: the word itself
};

struct Suffix {
    PosTag best = PosTag::NN;
    TagSet tags = 0;
};

// Irregular verb forms: whether a form is a past tense and/or a past participle.
constexpr std::uint8_t irregular_past = 1, irregular_participle = 2;

// Nouns are weighted up against verbs: SemCor tags every verb occurrence (auxiliaries aside),
// so raw counts favour verbs, while a word with both readings is more often a noun in news.
constexpr double noun_weight = 1.5;

std::atomic<std::uint64_t> next_lexicon_id{1};

std::vector<std::string_view> split_bar(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0;;) {
        const auto e = s.find('|', b);
        out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

std::pair<PosTag, TagSet> parse_tags(std::string_view list, const std::string& where) {
    std::pair<PosTag, TagSet> out{PosTag::NN, 0};
    bool first = true;
    for (const auto name : split_bar(list)) {
        const auto t = parse_pos_tag(name);
        if (!t) throw Error(Errc::bad_data, where, "unknown tag \"" + std::string(name) + "\"");
        if (first) out.first = *t;
        first = false;
        out.second |= tag_bit(*t);
    }
    return out;
}

/// A byte loop: for the one- to three-byte suffixes asked about, cheaper than a call to memcmp.
bool ends_with(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    const char* tail = s.data() + (s.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (tail[i] != suffix[i]) return false;
    return true;
}

} // namespace

struct Lexicon::Impl {
    WordNet wordnet;
    ContextRules rules;
    std::deque<std::string> strings; ///< owns the bytes the tables' keys view
    detail::StringTable closed_words;
    std::vector<ClosedEntry> closed;
    detail::StringTable irregular_forms;
    std::vector<std::uint8_t> irregular;
    detail::StringTable suffix_keys;
    std::vector<Suffix> suffixes;
    std::size_t longest_suffix = 0;
    std::uint64_t serial = next_lexicon_id++;

    explicit Impl(const std::string& wordnet_dir) : wordnet(wordnet_dir) {}

    std::string_view keep(std::string_view s) { return strings.emplace_back(s); }
    void load_closed(const std::string& path);
    void load_irregular(const std::string& path);
    void load_suffixes(const std::string& path);
    [[nodiscard]] WordAnalysis analyze_open(std::string_view lower) const;
    [[nodiscard]] WordAnalysis guess(std::string_view lower) const;
    [[nodiscard]] TagSet verb_tags(std::string_view form, Inflection infl) const;
};

void Lexicon::Impl::load_closed(const std::string& path) {
    detail::read_data_file(path, "annals.lexicon.closed_class/1", [&](const detail::DataRow& row) {
        if (row.fields.size() < 2 || row.fields.size() > 3 || row.fields[0].empty())
            throw Error(Errc::bad_data, row.where, "expected word<TAB>tags[<TAB>lemma]");
        const auto id = closed_words.insert(keep(row.fields[0]));
        if (id < closed.size()) throw Error(Errc::bad_data, row.where, "repeated word");
        const auto [best, tags] = parse_tags(row.fields[1], row.where);
        closed.push_back({best, tags, row.fields.size() == 3 ? keep(row.fields[2]) : std::string_view{}});
    });
}

void Lexicon::Impl::load_irregular(const std::string& path) {
    auto add = [&](std::string_view form, std::uint8_t flag) {
        const auto id = irregular_forms.insert(keep(form));
        if (id == irregular.size()) irregular.push_back(0);
        irregular[id] |= flag;
    };
    detail::read_data_file(path, "annals.lexicon.irregular_verbs/1", [&](const detail::DataRow& row) {
        if (row.fields.size() != 3) throw Error(Errc::bad_data, row.where, "expected base<TAB>past<TAB>participle");
        for (const auto f : split_bar(row.fields[1])) add(f, irregular_past);
        for (const auto f : split_bar(row.fields[2])) add(f, irregular_participle);
    });
}

void Lexicon::Impl::load_suffixes(const std::string& path) {
    detail::read_data_file(path, "annals.lexicon.suffixes/1", [&](const detail::DataRow& row) {
        if (row.fields.size() != 2 || row.fields[0].empty())
            throw Error(Errc::bad_data, row.where, "expected suffix<TAB>tags");
        const auto id = suffix_keys.insert(keep(row.fields[0]));
        if (id < suffixes.size()) throw Error(Errc::bad_data, row.where, "repeated suffix");
        const auto [best, tags] = parse_tags(row.fields[1], row.where);
        suffixes.push_back({best, tags});
        longest_suffix = std::max(longest_suffix, row.fields[0].size());
    });
}

TagSet Lexicon::Impl::verb_tags(std::string_view form, Inflection infl) const {
    const auto irr = irregular_forms.find(form);
    const TagSet irregular_tags = irr == detail::StringTable::npos
                                      ? 0
                                      : (irregular[irr] & irregular_past ? tag_bit(PosTag::VBD) : 0) |
                                            (irregular[irr] & irregular_participle ? tag_bit(PosTag::VBN) : 0);
    switch (infl) {
    // A base form may also be a past tense or participle (hit, put, set, come, beat).
    case Inflection::base: return tag_bit(PosTag::VB) | tag_bit(PosTag::VBP) | irregular_tags;
    case Inflection::third_person: return tag_bit(PosTag::VBZ);
    case Inflection::past: return tag_bit(PosTag::VBD) | tag_bit(PosTag::VBN);
    case Inflection::gerund: return tag_bit(PosTag::VBG);
    default: break;
    }
    if (ends_with(form, "ing")) return tag_bit(PosTag::VBG);
    if (irregular_tags != 0) return irregular_tags;
    if (ends_with(form, "s")) return tag_bit(PosTag::VBZ);
    return tag_bit(PosTag::VBD) | tag_bit(PosTag::VBN);
}

namespace {

TagSet tags_for(WnPos pos, Inflection infl, std::string_view form) {
    const bool sup = ends_with(form, "st");
    switch (pos) {
    case WnPos::noun: return tag_bit(infl == Inflection::base ? PosTag::NN : PosTag::NNS);
    case WnPos::adj:
        if (infl == Inflection::base) return tag_bit(PosTag::JJ);
        return tag_bit(infl == Inflection::superlative || (infl == Inflection::irregular && sup) ? PosTag::JJS
                                                                                                : PosTag::JJR);
    case WnPos::adv:
        if (infl == Inflection::base) return tag_bit(PosTag::RB);
        return tag_bit(sup ? PosTag::RBS : PosTag::RBR);
    case WnPos::verb: break;
    }
    return 0;
}

// Within one part of speech, the tags a form can take are not equally likely: a base verb is
// more often VB than VBP, an -ed form more often a past tense than a participle.
double tag_share(PosTag t) {
    switch (t) {
    case PosTag::VBP: return 0.8;
    case PosTag::VBN: return 0.9;
    default: return 1.0;
    }
}

} // namespace

WordAnalysis Lexicon::Impl::analyze_open(std::string_view lower) const {
    std::array<double, pos_tag_count> score{};
    WordAnalysis a;
    std::array<BaseForms, wn_pos_count> forms;
    wordnet.all_base_forms(lower, forms);
    for (std::size_t p = 0; p < wn_pos_count; ++p) {
        const auto pos = static_cast<WnPos>(p);
        for (const auto& f : forms[p]) {
            double w = 1.0 + f.tagged + 0.5 * f.senses;
            if (pos == WnPos::noun) w *= noun_weight;
            const TagSet tags = pos == WnPos::verb ? verb_tags(lower, f.inflection) : tags_for(pos, f.inflection, lower);
            a.tags |= tags;
            for (TagSet b = tags; b != 0; b &= b - 1) {
                const auto t = static_cast<std::size_t>(std::countr_zero(b));
                score[t] = std::max(score[t], w * tag_share(static_cast<PosTag>(t)));
            }
        }
    }
    if (a.tags == 0) return a;
    // A plural WordNet also lists as a lemma ("troops", "arms") is still a plural when it is
    // the regular plural of another noun.
    if (has_tag(a.tags, PosTag::NN) && has_tag(a.tags, PosTag::NNS) && ends_with(lower, "s")) {
        score[static_cast<std::size_t>(PosTag::NNS)] =
            std::max(score[static_cast<std::size_t>(PosTag::NNS)], score[static_cast<std::size_t>(PosTag::NN)]) + 1;
    }
    a.known = true;
    std::size_t best = 0;
    for (std::size_t t = 1; t < pos_tag_count; ++t)
        if (score[t] > score[best]) best = t;
    a.best = static_cast<PosTag>(best);
    return a;
}

WordAnalysis Lexicon::Impl::guess(std::string_view lower) const {
    WordAnalysis a;
    a.tags = open_class_tags;
    if (const auto dash = lower.rfind('-'); dash != std::string_view::npos && dash + 1 < lower.size()) {
        // Hyphenated compounds modify nouns (long-term, two-day) unless they end in a plural.
        const auto last = analyze_open(lower.substr(dash + 1));
        a.best = last.known && last.best == PosTag::NNS ? PosTag::NNS : PosTag::JJ;
        return a;
    }
    for (std::size_t n = std::min(longest_suffix, lower.size() > 2 ? lower.size() - 2 : 0); n > 0; --n) {
        const auto id = suffix_keys.find(lower.substr(lower.size() - n));
        if (id == detail::StringTable::npos) continue;
        a.best = suffixes[id].best;
        return a;
    }
    a.best = PosTag::NN;
    return a;
}

Lexicon::Lexicon(const LexiconOptions& opts) {
    const auto data = (opts.data_dir.empty() ? default_data_dir() : opts.data_dir) + "/lexicon/";
    impl_ = std::make_unique<Impl>(opts.wordnet_dir.empty() ? default_wordnet_dir() : opts.wordnet_dir);
    impl_->load_closed(data + "closed_class.tsv");
    impl_->load_irregular(data + "irregular_verbs.tsv");
    impl_->load_suffixes(data + "suffixes.tsv");
    impl_->rules = ContextRules::load(data + "context_rules.tsv");
}

Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

WordAnalysis Lexicon::analyze(std::string_view lower) const {
    if (const auto id = impl_->closed_words.find(lower); id != detail::StringTable::npos) {
        const auto& e = impl_->closed[id];
        return {e.best, e.tags, true, true};
    }
    auto a = impl_->analyze_open(lower);
    return a.known ? a : impl_->guess(lower);
}

std::string_view Lexicon::closed_lemma(std::string_view lower) const noexcept {
    const auto id = impl_->closed_words.find(lower);
    return id == detail::StringTable::npos ? std::string_view{} : impl_->closed[id].lemma;
}

std::uint64_t Lexicon::id() const noexcept { return impl_->serial; }
const WordNet& Lexicon::wordnet() const noexcept { return impl_->wordnet; }
const ContextRules& Lexicon::rules() const noexcept { return impl_->rules; }

} // namespace annals
