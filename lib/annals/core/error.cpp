#include "annals/core/error.hpp"

namespace annals {

std::string_view errc_message(Errc code) noexcept {
    switch (code) {
    case Errc::io: return "cannot read or write";
    case Errc::bad_input: return "bad input";
    case Errc::bad_data: return "bad data file";
    case Errc::bad_usage: return "bad usage";
    case Errc::bad_store: return "bad store";
    case Errc::render: return "rendering failed";
    case Errc::internal: return "internal error";
    }
    return "error";
}

namespace {
std::string compose(Errc code, const std::string& where, const std::string& detail) {
    std::string out(errc_message(code));
    if (!where.empty()) out += ": " + where;
    if (!detail.empty()) out += ": " + detail;
    return out;
}
} // namespace

Error::Error(Errc code, std::string where, const std::string& detail)
    : std::runtime_error(compose(code, where, detail)), code_(code), where_(std::move(where)) {}

} // namespace annals
