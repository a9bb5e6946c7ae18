#pragma once
// Graphviz keeps global state (error handler, plugin tables): every use of cgraph or gvc in
// annals holds this guard, which also collects Graphviz's messages instead of letting it
// print them.

#include <mutex>
#include <string>

namespace annals::detail {

/// Holds the process-wide Graphviz lock and routes Graphviz's messages into messages()
/// for its lifetime; restores the previous handler on destruction.
class GraphvizGuard {
public:
    GraphvizGuard();
    ~GraphvizGuard();
    GraphvizGuard(const GraphvizGuard&) = delete;
    GraphvizGuard& operator=(const GraphvizGuard&) = delete;

    /// Everything Graphviz said since the guard was taken, one message per line.
    [[nodiscard]] const std::string& messages() const noexcept;

private:
    std::unique_lock<std::mutex> lock_;
};

} // namespace annals::detail
