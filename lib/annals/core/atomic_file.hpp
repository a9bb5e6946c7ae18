#pragma once
/// Files that appear whole or not at all.

#include <filesystem>
#include <fstream>

namespace annals {

/// Writes to a temporary file beside `path` and renames it over `path` on commit(), so an
/// interrupted or failed run never leaves a half-written file and never clobbers the old
/// one. Without commit() the temporary file is removed. Throws Error(Errc::io) on failure.
///
/// A symbolic link is written through: the file it names is replaced and the link stays. A
/// path that names something other than a regular file (/dev/null, /dev/stdout, a named pipe)
/// is written in place, as there is no file to keep whole: renaming over it would replace
/// the device or pipe with a regular file.
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
    bool in_place_ = false; ///< writing straight to path_, which is no regular file
    bool committed_ = false;
};

} // namespace annals
