#include "annals/core/atomic_file.hpp"

#include "annals/core/error.hpp"

#include <unistd.h>

namespace annals {

namespace {

/// The file a write to `path` should replace: the target of a symbolic link (of a chain of
/// them), else `path` itself, also when the link dangles.
std::filesystem::path write_target(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(path, ec)) return path;
    auto target = std::filesystem::canonical(path, ec);
    return ec ? path : target;
}

/// Whether `path` exists and is something other than a regular file (a device, pipe or socket).
bool special_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto st = std::filesystem::status(path, ec);
    return !ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st) &&
           !std::filesystem::is_directory(st);
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path path) : path_(write_target(path)) {
    if (special_file(path_)) {
        in_place_ = true;
        out_.open(path_, std::ios::binary);
        if (!out_) throw Error(Errc::io, path_.string(), "cannot open for writing");
        return;
    }
    tmp_ = path_;
    tmp_ += ".tmp." + std::to_string(::getpid());
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw Error(Errc::io, path_.string(), "cannot create a temporary file beside it");
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !in_place_) {
        out_.close();
        std::error_code ec;
        std::filesystem::remove(tmp_, ec);
    }
}

void AtomicFile::commit() {
    out_.flush();
    if (!out_) throw Error(Errc::io, path_.string(), "write failed");
    out_.close();
    if (!in_place_) {
        std::error_code ec;
        std::filesystem::rename(tmp_, path_, ec);
        if (ec) throw Error(Errc::io, path_.string(), ec.message());
    }
    committed_ = true;
}

} // namespace annals
