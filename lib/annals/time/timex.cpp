#include "annals/time/timex.hpp"

namespace annals {

const char* timex_type_name(TimexType t) noexcept {
    switch (t) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
    }
    return "DATE";
}

const char* timex_anchor_name(TimexAnchor a) noexcept {
    switch (a) {
    case TimexAnchor::dct: return "dct";
    case TimexAnchor::previous: return "previous";
    case TimexAnchor::absolute: return "absolute";
    case TimexAnchor::none: return "none";
    }
    return "none";
}

} // namespace annals
