#include "annals/core/atomic_file.hpp"

#include "annals/core/error.hpp"

#include <unistd.h>

namespace annals {

AtomicFile::AtomicFile(std::filesystem::path path) : path_(std::move(path)) {
    tmp_ = path_;
    tmp_ += ".tmp." + std::to_string(::getpid());
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw Error(Errc::io, path_.string(), "cannot create a temporary file beside it");
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        out_.close();
        std::error_code ec;
        std::filesystem::remove(tmp_, ec);
    }
}

void AtomicFile::commit() {
    out_.flush();
    if (!out_) throw Error(Errc::io, path_.string(), "write failed");
    out_.close();
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) throw Error(Errc::io, path_.string(), ec.message());
    committed_ = true;
}

} // namespace annals
