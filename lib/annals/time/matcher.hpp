#pragma once
/// The first pass: the rules of rules.tsv matched over the atoms, leftmost-longest.

#include "annals/time/atoms.hpp"
#include "annals/time/tables.hpp"

#include <string>
#include <vector>

namespace annals::detail {

/// One match: atoms [first, last) form the extent; `value` is the rule's value with the
/// captured words filled in, possibly underspecified (UNDEF-...).
struct Candidate {
    std::uint32_t first = 0, last = 0;
    std::uint32_t rule = 0;
    std::string value;
};

/// Matches every rule at every atom; at each position the longest match wins (the earlier
/// rule on a tie) and matching resumes after it. Matches of NONE rules are not returned.
/// Pure function.
[[nodiscard]] std::vector<Candidate> match_rules(const AtomText& at, const TimeTables& t);

} // namespace annals::detail
