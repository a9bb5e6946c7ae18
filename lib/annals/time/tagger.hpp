#pragma once
/// The time stage: finds temporal expressions and normalizes them to TIMEX3 values.

#include "annals/core/diagnostic.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/timex.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

namespace detail {
struct TimeTables;
}

/// Recognizes DATE, TIME, DURATION and SET expressions with the rules of
/// `<data_dir>/time/rules.tsv` and the word tables beside it, then resolves relative values
/// against the document creation time (news) or the last explicit date (narrative).
class TimeTagger {
public:
    /// Loads the tables; throws Error (Errc::bad_data with file:line, or Errc::io).
    explicit TimeTagger(const std::string& data_dir);
    ~TimeTagger();
    TimeTagger(TimeTagger&&) noexcept;
    TimeTagger& operator=(TimeTagger&&) noexcept;

    /// The timexes of `text` (segmented as `seg`) in text order, with ids T1, T2, ...
    /// `dct` is an ISO date or date-time; without it relative expressions keep X digits
    /// and anchor "none". Expressions that could not be resolved add an unresolved_time
    /// diagnostic to `diags`. Never throws on odd text; const and thread-safe.
    [[nodiscard]] std::vector<Timex> tag(std::string_view text, const Segmentation& seg,
                                         const std::optional<std::string>& dct, TimeMode mode,
                                         std::vector<Diagnostic>& diags) const;

private:
    std::shared_ptr<const detail::TimeTables> tables_;
};

} // namespace annals
