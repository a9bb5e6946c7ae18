#include "annals/export/graphviz_guard.hpp"

#include <graphviz/cgraph.h>

namespace annals::detail {
namespace {

std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

// Only touched while the lock is held.
std::string& collected() {
    static std::string s;
    return s;
}
agusererrf& previous_handler() {
    static agusererrf f = nullptr;
    return f;
}
agerrlevel_t& previous_level() {
    static agerrlevel_t l = AGWARN;
    return l;
}

int collect(char* message) {
    collected() += message ? message : "";
    return 0;
}

} // namespace

GraphvizGuard::GraphvizGuard() : lock_(graphviz_mutex()) {
    collected().clear();
    previous_handler() = agseterrf(collect);
    previous_level() = agseterr(AGWARN);
    agreseterrors();
}

GraphvizGuard::~GraphvizGuard() {
    agseterrf(previous_handler());
    agseterr(previous_level());
}

const std::string& GraphvizGuard::messages() const noexcept { return collected(); }

} // namespace annals::detail
