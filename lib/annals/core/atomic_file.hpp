#pragma once
/// Files that appear whole or not at all.

#include <filesystem>
#include <fstream>

namespace annals {

/// Writes to a temporary file beside `path` and renames it over `path` on commit(), so an
/// interrupted or failed run never leaves a half-written file and never clobbers the old
/// one. Without commit() the temporary file is removed. Throws Error(Errc::io) on failure.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    [[nodiscard]] std::ostream& stream() noexcept { return out_; }
    /// Flushes, checks for write errors and renames into place.
    void commit();

private:
    std::filesystem::path path_;
    std::filesystem::path tmp_;
    std::ofstream out_;
    bool committed_ = false;
};

} // namespace annals
