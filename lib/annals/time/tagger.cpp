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
    // each "UNDEF-" once, then what follows it
    constexpr std::string_view undef = "UNDEF-";
    for (auto at = v.find(undef); at != std::string_view::npos; at = v.find(undef, at + 1)) {
        const auto rest = v.substr(at + undef.size());
        for (const std::string_view k : {"year", "wdyear", "tense", "nth", "easter", "focus", "qend"})
            if (rest.starts_with(k)) return true;
    }
    return false;
}

/// Whether a day-precise date precedes, in sentence `sentence`, the timexes found so far.
bool day_before_in_sentence(const std::vector<Timex>& out, std::size_t sentence) {
    for (auto it = out.rbegin(); it != out.rend() && it->sentence == sentence; ++it) {
        const auto p = detail::parse_point(it->value);
        if (p && p->gran == 'D' && it->type != TimexType::duration && it->type != TimexType::set) return true;
    }
    return false;
}

/// A clock time with no day before it in its sentence takes the day of the first
/// day-precise date after it in the sentence ("at 10 a.m. (0800 GMT) on Friday").
void take_day_from_later_date(std::vector<Timex>& out, const std::vector<std::size_t>& floating) {
    for (const auto i : floating) {
        auto& t = out[i];
        const auto tpos = t.value.find('T');
        if (tpos == std::string::npos) continue;
        for (auto j = i + 1; j < out.size() && out[j].sentence == t.sentence; ++j) {
            const auto p = detail::parse_point(out[j].value);
            if (!p || p->gran != 'D' || out[j].type == TimexType::duration || out[j].type == TimexType::set) continue;
            t.value = format_date(p->first) + t.value.substr(tpos);
            t.anchor = TimexAnchor::previous;
            t.interval = detail::interval_of(t.value);
            break;
        }
    }
}

} // namespace

TimeTagger::TimeTagger(const std::string& data_dir) : tables_(detail::load_time_tables(data_dir + "/time")) {}
TimeTagger::~TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;

std::vector<Timex> TimeTagger::tag(std::string_view text, const Segmentation& seg,
                                   const std::optional<std::string>& dct, TimeMode mode,
                                   std::vector<Diagnostic>& diags) const {
    // one buffer per thread, reused document after document: tag is const and called
    // from several threads at once, and the atoms never leave this call
    thread_local detail::AtomText atoms;
    detail::atomize(text, seg, *tables_, atoms);
    detail::apply_context(atoms);
    const auto candidates = detail::match_rules(atoms, *tables_);

    std::optional<CivilDate> dct_date;
    if (dct)
        if (const auto p = parse_iso_datetime(*dct)) dct_date = p->date;
    detail::Resolver resolver(dct_date, mode);

    std::vector<Timex> out;
    out.reserve(candidates.size());
    std::vector<std::size_t> floating; // clock times that found no day before them
    for (const auto& c : candidates) {
        const auto& first = atoms.atoms[c.first];
        const Span span{first.begin, atoms.atoms[c.last - 1].end};
        const auto& rule = tables_->rules[c.rule];
        Tense tense = Tense::unknown;
        const bool after_word = c.first > 0 && atoms.atoms[c.first - 1].sentence == first.sentence;
        const bool term = after_word && atoms.has(c.first - 1, detail::Cls::DEADLINE);
        // "since March": what a span reaches back to lies before the time of writing
        const bool since = after_word && atoms.is(c.first - 1, "since");
        if (needs_tense(c.value) && first.sentence < seg.sentences.size()) {
            const auto& s = seg.sentences[first.sentence];
            tense = governing_tense(text, std::span<const Token>(seg.tokens).subspan(s.first_token, s.token_count), span);
            // a term ("payable Dec. 7", "by Jan. 14") is set in the past for a later date
            if (tense == Tense::past && term) tense = Tense::unknown;
            if (since) tense = Tense::past;
        }
        // "Tuesday's vote": the possessive names an event of its own, not the verb's, so
        // the nearest such weekday is meant
        const bool possessive = c.value.starts_with("UNDEF-tense-weekday") && atoms.is(c.last, "'s") &&
                                atoms.atoms[c.last].sentence == first.sentence;
        if (possessive) tense = Tense::unknown;
        using Lead = detail::Resolver::Lead;
        const Lead lead = term ? Lead::term : since ? Lead::since : possessive ? Lead::possessive : Lead::none;
        auto r = resolver.resolve(c.value, tense, first.sentence, lead);
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
        if (c.value.starts_with("UNDEF-clock") && !day_before_in_sentence(out, first.sentence)) floating.push_back(out.size());
        out.push_back(std::move(t));
    }
    take_day_from_later_date(out, floating);
    return out;
}

} // namespace annals
