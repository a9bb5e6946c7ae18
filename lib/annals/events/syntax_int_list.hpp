#pragma once
/// A list of ints that keeps its first few in place: the prepositional phrases of a verb group
/// and of a mention's frame are almost always a handful, and each frame copies its verb's,
/// so a heap block per list cost an allocation and a free per verb and per frame. Internal to
/// the event stage.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>

namespace annals::detail {

/// A sequence of ints with room for `inline_capacity` of them inside the object; beyond that
/// they move to the heap. Only what the event stage asks of its lists: push_back, iteration,
/// size, comparison. Not thread-safe (a value type).
class IntList {
public:
    static constexpr std::uint32_t inline_capacity = 6;

    IntList() = default;
    IntList(const IntList& o) { copy_from(o); }
    IntList(IntList&& o) noexcept { take(o); }
    IntList& operator=(const IntList& o) {
        if (this != &o) copy_from(o);
        return *this;
    }
    IntList& operator=(IntList&& o) noexcept {
        if (this != &o) take(o);
        return *this;
    }
    ~IntList() = default;

    void push_back(int v) {
        if (size_ == capacity_) grow();
        data()[size_++] = v;
    }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] int* data() noexcept { return heap_ ? heap_.get() : inline_; }
    [[nodiscard]] const int* data() const noexcept { return heap_ ? heap_.get() : inline_; }
    [[nodiscard]] int* begin() noexcept { return data(); }
    [[nodiscard]] int* end() noexcept { return data() + size_; }
    [[nodiscard]] const int* begin() const noexcept { return data(); }
    [[nodiscard]] const int* end() const noexcept { return data() + size_; }
    [[nodiscard]] int operator[](std::size_t i) const noexcept { return data()[i]; }

    friend bool operator==(const IntList& a, const IntList& b) noexcept {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    void grow() {
        const std::uint32_t cap = 2 * capacity_;
        auto bigger = std::make_unique<int[]>(cap);
        std::copy(begin(), end(), bigger.get());
        heap_ = std::move(bigger);
        capacity_ = cap;
    }
    void copy_from(const IntList& o) {
        // The usual case, both in place: a fixed-size copy, no loop.
        if (!o.heap_ && !heap_) {
            std::copy(std::begin(o.inline_), std::end(o.inline_), inline_);
            size_ = o.size_;
            return;
        }
        if (o.size_ > capacity_) {
            heap_ = std::make_unique<int[]>(o.size_);
            capacity_ = o.size_;
        }
        std::copy(o.begin(), o.end(), data());
        size_ = o.size_;
    }
    void take(IntList& o) noexcept {
        // Mentions holding lists are moved when sorted: the whole object, with no loop.
        heap_ = std::move(o.heap_);
        std::copy(std::begin(o.inline_), std::end(o.inline_), inline_);
        size_ = o.size_;
        capacity_ = o.capacity_;
        o.size_ = 0;
        o.capacity_ = inline_capacity;
    }

    std::uint32_t size_ = 0, capacity_ = inline_capacity;
    int inline_[inline_capacity] = {};
    std::unique_ptr<int[]> heap_;
};

} // namespace annals::detail
