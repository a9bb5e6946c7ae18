// What is not a time: context decisions over the atoms of a document, one function per
// ambiguous kind of word. Each keeps or drops a class; the rules then see only what is left.
#include "annals/time/atoms.hpp"

namespace annals::detail {
namespace {

bool same_sentence(const AtomText& at, std::size_t i, std::size_t j) {
    return i < at.atoms.size() && j < at.atoms.size() && at.atoms[i].sentence == at.atoms[j].sentence;
}

/// The atom before i in the same sentence, or npos.
std::size_t prev(const AtomText& at, std::size_t i) {
    return i > 0 && same_sentence(at, i - 1, i) ? i - 1 : std::string_view::npos;
}
std::size_t next(const AtomText& at, std::size_t i) {
    return same_sentence(at, i + 1, i) ? i + 1 : std::string_view::npos;
}

bool is_word(const AtomText& at, std::size_t i) { return i < at.atoms.size() && at.atoms[i].alpha; }
bool lowercase_word(const AtomText& at, std::size_t i) { return is_word(at, i) && !at.atoms[i].cap; }
bool numberish(const AtomText& at, std::size_t i) {
    return at.has(i, Cls::INT) || at.has(i, Cls::ORDNUM) || at.has(i, Cls::NUMW) || at.has(i, Cls::ORD);
}
bool four_digit_year_shape(const AtomText& at, std::size_t i) {
    const Atom& a = at.atoms[i];
    return at.has(i, Cls::INT) && !a.comma_number && a.end - a.begin == 4 && a.number >= 1000 && a.number <= 2099;
}

bool is_currency(std::string_view w) {
    return w == "$" || w == "#" || w == "\xC2\xA3" || w == "\xE2\x82\xAC" || w == "\xC2\xA5" || w == "+";
}

/// A bare four-digit number is a year unless something makes it a quantity or a label:
/// "in 2014", "the 2000 election" and "2014." are years; "2000 troops", "section 2014",
/// "$2000" and "2000%" are not. Numbers with commas (2,000) never get here.
bool is_year(const AtomText& at, std::size_t i) {
    const std::size_t p = prev(at, i), n = next(at, i);
    const bool has_p = p != std::string_view::npos, has_n = n != std::string_view::npos;
    if (has_p && (at.has(p, Cls::LABEL) || is_currency(at.word(p)))) return false;
    // "2000 years" counts; "the 1988 quarter" is a year's quarter (a count takes the plural)
    if (has_n && (at.is(n, "%") || at.has(n, Cls::UNITS) || at.is(n, "percent"))) return false;
    if (has_n && at.has(n, Cls::UNIT) && !(has_p && (at.is(p, "the") || at.is(p, "its")))) return false;
    if (has_p && (at.has(p, Cls::MONTH) || at.has(p, Cls::SEASON))) return true;
    const bool introduced = has_p && (at.has(p, Cls::MONTHPREV) || at.is(p, "fiscal") || at.is(p, "fy") ||
                                      at.is(p, "year") || at.is(p, "'s"));
    if (has_n && lowercase_word(at, n) && !at.has(n, Cls::CLOSED)) {
        // a noun after it: a year only as a modifier ("the 2000 election", "in 2014 prices")
        for (const char* w : {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})
            if (has_p && at.is(p, w)) return true;
        return introduced;
    }
    return introduced || at.atoms[i].number >= 1900;
}

/// May and March are months when written as names next to a date or after a word that
/// introduces one ("in May", "May 5", "early March"); not "may" the modal, not "March" the
/// verb or noun, not a surname ("Theresa May").
bool ambiguous_month_ok(const AtomText& at, std::size_t i) {
    if (!at.atoms[i].cap) return false;
    const std::size_t p = prev(at, i), n = next(at, i);
    if (n != std::string_view::npos && (numberish(at, n) || at.has(n, Cls::YEAR) || four_digit_year_shape(at, n)))
        return true;
    // a capitalized word after it makes it a first name ("Jan Kavan", "May Ling")
    if (n != std::string_view::npos && at.atoms[n].alpha && at.atoms[n].cap) return false;
    if (p == std::string_view::npos) return false;
    // the first word of a sentence is capitalized whatever it is ("In March, ...")
    const bool first_word = prev(at, p) == std::string_view::npos;
    if (lowercase_word(at, p) || (first_word && is_word(at, p))) {
        if (at.has(p, Cls::MONTHPREV)) return true;
        // "the March accession": a month before a noun
        return at.is(p, "the") && lowercase_word(at, n) && !at.has(n, Cls::CLOSED);
    }
    return at.is(p, "-") || (at.is(p, ",") && numberish(at, prev(at, p)));
}

/// Abbreviations such as "Sun." or "Wed." are weekdays only before a date or a comma.
bool ambiguous_weekday_ok(const AtomText& at, std::size_t i) {
    const std::size_t n = next(at, i);
    return at.atoms[i].cap && n != std::string_view::npos && (at.has(n, Cls::MONTH) || numberish(at, n) || at.is(n, ","));
}

/// "fall" is the season after a word that introduces a season (this fall, last fall, in
/// the fall, early fall) or before a year; not the verb ("prices fall") nor the noun of
/// "the fall of the city" or "a fall in prices".
bool fall_is_season(const AtomText& at, std::size_t i) {
    const std::size_t p = prev(at, i), n = next(at, i);
    if (n != std::string_view::npos && four_digit_year_shape(at, n)) return true;
    if (n != std::string_view::npos && at.is(n, "of")) {
        const std::size_t nn = next(at, n);
        return nn != std::string_view::npos && four_digit_year_shape(at, nn);
    }
    if (p == std::string_view::npos) return false;
    for (const char* w : {"this", "last", "next", "early", "late", "mid", "that", "each", "every", "until", "since", "during", "-"})
        if (at.is(p, w)) return true;
    if (at.is(p, "the")) {
        if (n == std::string_view::npos || !is_word(at, n)) return true;
        for (const char* w : {"and", "or", "when", "semester", "term", "season", "session", "before", "after"})
            if (at.is(n, w)) return true;
    }
    return false;
}

/// "second" is a unit after a number or "a"/"per"/"every" and not before a noun ("a second
/// term" is an ordinal).
bool second_is_unit(const AtomText& at, std::size_t i) {
    const std::size_t p = prev(at, i), n = next(at, i);
    if (p == std::string_view::npos) return false;
    const bool counted = numberish(at, p) || at.is(p, "a") || at.is(p, "one") || at.is(p, "per") ||
                         at.is(p, "every") || at.is(p, "each") || at.is(p, "split");
    if (!counted) return false;
    return n == std::string_view::npos || !lowercase_word(at, n) || at.has(n, Cls::CLOSED) || at.is(n, "later") ||
           at.is(n, "ago") || at.is(n, "earlier");
}

void drop(Atom& a, Cls c) { a.classes &= ~cls_bit(c); }

} // namespace

void apply_context(AtomText& at) {
    // The later passes concern few atoms (REL words, INT numbers): the first pass lists them,
    // so that those passes visit only these instead of every atom again. Nothing after the
    // first pass adds REL or INT, so the lists hold every atom the passes could act on.
    thread_local std::vector<std::uint32_t> rel, ints;
    rel.clear();
    ints.clear();
    // atomize() listed the atoms this pass decides about (and took the decisions that need no
    // neighbours: CONTENT, TITLEHEAD)
    for (const std::size_t i : at.context) {
        Atom& a = at.atoms[i];
        if (a.classes & (cls_bit(Cls::REL) | cls_bit(Cls::INT))) {
            if (a.classes & cls_bit(Cls::REL)) rel.push_back(static_cast<std::uint32_t>(i));
            if (a.classes & cls_bit(Cls::INT)) ints.push_back(static_cast<std::uint32_t>(i));
        }
        if (!a.info || !a.info->ambiguous) continue;
        for (const auto& e : a.info->entries) {
            if (!e.ambiguous) continue;
            bool ok = true;
            switch (e.cls) {
            case Cls::MONTH: ok = ambiguous_month_ok(at, i); break;
            case Cls::WEEKDAY: ok = ambiguous_weekday_ok(at, i); break;
            case Cls::SEASON: ok = fall_is_season(at, i); break;
            case Cls::UNIT: ok = second_is_unit(at, i); break;
            default: break;
            }
            if (!ok) drop(a, e.cls);
        }
    }
    // "This Week", "Next Year" in title case inside a sentence name a programme or a work
    for (const std::size_t i : rel)
        if (i >= 1 && i + 1 < at.atoms.size() && (at.atoms[i].classes & cls_bit(Cls::REL)) && at.atoms[i].cap &&
            same_sentence(at, i, i + 1) && at.atoms[i + 1].cap && at.has(i + 1, Cls::UNIT) &&
            prev(at, i) != std::string_view::npos)
            for (const auto k : {i, i + 1}) at.atoms[k].classes = 0;
    // years last: "the 1988 second quarter" needs "second" decided first
    for (const std::size_t i : ints)
        if ((at.atoms[i].classes & cls_bit(Cls::INT)) && four_digit_year_shape(at, i) && is_year(at, i))
            at.atoms[i].classes |= cls_bit(Cls::YEAR);
}

} // namespace annals::detail
