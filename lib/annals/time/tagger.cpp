#include "annals/time/tagger.hpp"

#include "annals/core/date.hpp"
#include "annals/time/atoms.hpp"
#include "annals/time/matcher.hpp"
#include "annals/time/resolve.hpp"
#include "annals/time/tables.hpp"
#include "annals/time/tense.hpp"

#include <span>

namespace annals {
namespace {

TimexType type_of(detail::RuleType t) {
    switch (t) {
    case detail::RuleType::time: return TimexType::time;
    case detail::RuleType::duration: return TimexType::duration;
    case detail::RuleType::set: return TimexType::set;
    default: return TimexType::date;
    }
}

/// Only values whose year or direction depends on the verb need the tense.
bool needs_tense(std::string_view v) {
    return v.find("UNDEF-year") != std::string_view::npos || v.find("UNDEF-tense") != std::string_view::npos;
}

} // namespace

TimeTagger::TimeTagger(const std::string& data_dir) : tables_(detail::load_time_tables(data_dir + "/time")) {}
TimeTagger::~TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;

std::vector<Timex> TimeTagger::tag(std::string_view text, const Segmentation& seg,
                                   const std::optional<std::string>& dct, TimeMode mode,
                                   std::vector<Diagnostic>& diags) const {
    auto atoms = detail::atomize(text, seg, *tables_);
    detail::apply_context(atoms);
    const auto candidates = detail::match_rules(atoms, *tables_);

    std::optional<CivilDate> dct_date;
    if (dct)
        if (const auto p = parse_iso_datetime(*dct)) dct_date = p->date;
    detail::Resolver resolver(dct_date, mode);

    std::vector<Timex> out;
    out.reserve(candidates.size());
    for (const auto& c : candidates) {
        const auto& first = atoms.atoms[c.first];
        const Span span{first.begin, atoms.atoms[c.last - 1].end};
        const auto& rule = tables_->rules[c.rule];
        Tense tense = Tense::unknown;
        if (needs_tense(c.value) && first.sentence < seg.sentences.size()) {
            const auto& s = seg.sentences[first.sentence];
            tense = governing_tense(text, std::span<const Token>(seg.tokens).subspan(s.first_token, s.token_count), span);
            // a term ("payable Dec. 7", "by Jan. 14") is set in the past for a later date
            if (tense == Tense::past && c.first > 0 && atoms.has(c.first - 1, detail::Cls::DEADLINE) &&
                atoms.atoms[c.first - 1].sentence == first.sentence)
                tense = Tense::unknown;
        }
        auto r = resolver.resolve(c.value, tense, first.sentence);
        Timex t;
        t.id = "T" + std::to_string(out.size() + 1);
        t.span = span;
        t.sentence = first.sentence;
        t.type = type_of(rule.type);
        t.interval = r.unresolved ? std::nullopt : detail::interval_of(r.value);
        t.value = std::move(r.value);
        t.anchor = r.anchor;
        t.rule = rule.name;
        if (r.unresolved)
            diags.push_back({DiagCode::unresolved_time, span,
                             "no anchor date for '" + std::string(span.of(text)) + "'; left as " + t.value});
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace annals
