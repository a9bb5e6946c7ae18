#pragma once
// What the benchmarks share.

#include <time.h>

namespace annals::bench {

/// CPU time of the calling thread: unlike wall time, not inflated when other processes share
/// the cores.
inline double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

} // namespace annals::bench
