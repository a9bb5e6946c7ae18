#pragma once
/// Parallel loops: a minimal loop over indices, and a pool of long-lived workers that hands
/// results back in submission order.

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
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

/// Runs `work(In&&) -> Out` on `threads` worker threads that live as long as the pool (so
/// their thread_local caches stay warm), and hands every result back on the submitting
/// thread in submission order. At most `window` items, and at most `max_weight` summed
/// weight (but always at least one item), are in flight, which bounds memory: when the
/// window is full, submit() first waits for the oldest result and passes it to `sink`.
/// An exception thrown by `work` is rethrown by the submit() or finish() that would have
/// passed that item's result on; results after it are dropped. Not thread-safe itself: one
/// thread submits; the destructor stops and joins the workers (after their current item).
template <class In, class Out>
class OrderedPool {
public:
    /// `threads` >= 1 and `window` >= 1 (smaller values are raised to 1).
    OrderedPool(unsigned threads, std::size_t window, std::size_t max_weight, std::function<Out(In&&)> work)
        : work_(std::move(work)), slots_(std::max<std::size_t>(window, 1)), max_weight_(max_weight) {
        const unsigned n = std::max(threads, 1u);
        workers_.reserve(n);
        for (unsigned t = 0; t < n; ++t) workers_.emplace_back([this] { run_worker(); });
    }
    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;
    ~OrderedPool() {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        work_ready_.notify_all();
        for (auto& w : workers_) w.join();
    }

    /// Queues `item` (of `weight`, e.g. its bytes); first passes finished results to
    /// `sink(Out&&)`, oldest first, while the window is full.
    template <class Sink>
    void submit(In item, std::size_t weight, Sink&& sink) {
        std::unique_lock lock(mutex_);
        while (tail_ - head_ >= slots_.size() || (tail_ > head_ && weight_ + weight > max_weight_))
            emit_batch(lock, sink);
        Slot& s = slots_[tail_ % slots_.size()];
        s.in.emplace(std::move(item));
        s.weight = weight;
        weight_ += weight;
        ++tail_;
        lock.unlock();
        work_ready_.notify_one();
    }

    /// Passes every remaining result to `sink(Out&&)` in submission order.
    template <class Sink>
    void finish(Sink&& sink) {
        std::unique_lock lock(mutex_);
        while (head_ < tail_) emit_batch(lock, sink);
    }

private:
    struct Slot {
        std::optional<In> in;
        std::optional<Out> out;
        std::exception_ptr error;
        std::size_t weight = 0;
        bool done = false;
    };

    // Waits until the oldest item and the one half a window after it (or the newest, if
    // fewer are in flight) are finished, then hands on every finished item from the oldest
    // on. Waking once per half window rather than once per item keeps the submitting thread
    // from taking a worker's core for every document: with as many workers as cores, each
    // wake-up was a context switch (some 12,000 futex calls over 10,000 documents on two
    // threads).
    template <class Sink>
    void emit_batch(std::unique_lock<std::mutex>& lock, Sink& sink) {
        const std::size_t batch = std::max<std::size_t>(slots_.size() / 2, 1);
        awaited_ = std::min(head_ + batch, tail_) - 1;
        const Slot& first = slots_[head_ % slots_.size()];
        const Slot& last = slots_[awaited_ % slots_.size()];
        // Both: items may finish out of order, and the oldest must go first.
        head_done_.wait(lock, [&] { return first.done && last.done; });
        while (head_ < tail_ && slots_[head_ % slots_.size()].done) emit_head(lock, sink);
    }

    // Frees the oldest item's slot, which is finished, and hands its result on with the lock
    // released, so workers go on while the sink writes.
    template <class Sink>
    void emit_head(std::unique_lock<std::mutex>& lock, Sink& sink) {
        Slot& s = slots_[head_ % slots_.size()];
        std::optional<Out> out = std::move(s.out);
        const std::exception_ptr error = std::move(s.error);
        s.out.reset();
        s.error = nullptr;
        s.done = false;
        weight_ -= s.weight;
        ++head_;
        lock.unlock();
        if (error) std::rethrow_exception(error);
        sink(std::move(*out));
        lock.lock();
    }

    void run_worker() {
        std::unique_lock lock(mutex_);
        for (;;) {
            work_ready_.wait(lock, [&] { return stop_ || claimed_ < tail_; });
            if (stop_) return;
            const std::size_t seq = claimed_++;
            Slot& s = slots_[seq % slots_.size()];
            In item = std::move(*s.in);
            s.in.reset();
            lock.unlock();
            std::optional<Out> out;
            std::exception_ptr error;
            try {
                out.emplace(work_(std::move(item)));
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            s.out = std::move(out);
            s.error = error;
            s.done = true;
            if (seq == awaited_ || seq == head_) head_done_.notify_one();
        }
    }

    std::function<Out(In&&)> work_;
    std::vector<Slot> slots_; // item `seq` lives in slots_[seq % size] until it is handed on
    std::size_t max_weight_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable head_done_;
    std::size_t head_ = 0;    // next item to hand on
    std::size_t awaited_ = 0; // the item the submitting thread waits for
    std::size_t claimed_ = 0; // next item a worker takes
    std::size_t tail_ = 0;    // next item submitted
    std::size_t weight_ = 0;  // summed weight of items in [head_, tail_)
    bool stop_ = false;
    std::vector<std::thread> workers_;
};

} // namespace annals
