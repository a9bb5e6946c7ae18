#pragma once
/// A read-only memory map of a whole file.

#include <string>
#include <string_view>

namespace annals::detail {

/// Maps a file read-only for the object's lifetime. The WordNet data files are 22 MB: mapping
/// them costs no load time, and only the pages of synsets actually looked at are read.
/// `whole`: the caller will read every byte, so the pages are read in at once (fewer faults).
/// Throws Error(Errc::io) when the file cannot be opened or mapped. Reads are thread-safe.
class MappedFile {
public:
    explicit MappedFile(const std::string& path, bool whole = false);
    ~MappedFile();
    MappedFile(MappedFile&& o) noexcept;
    MappedFile& operator=(MappedFile&& o) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    void release() noexcept;

    std::string path_;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace annals::detail
