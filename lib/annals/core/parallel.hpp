#pragma once
/// A minimal parallel loop over indices.

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace annals {

/// Calls fn(i) for every i in [0, n) on up to `threads` threads (the calling thread is one
/// of them). Each thread takes the next unclaimed index, so uneven work still spreads.
/// `fn` must be safe to call concurrently for different i and must not throw.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) fn(i);
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(work);
    work();
}

} // namespace annals
