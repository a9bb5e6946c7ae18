#pragma once
/// A scratch folder of this test process's own, under the system temporary folder. ctest runs
/// test cases as separate processes at once, and two checkouts may run their tests on one
/// machine: a fixed temporary path would be written by one while another reads it.

#include <filesystem>
#include <string>

#include <unistd.h>

namespace annals::test {

/// The folder, made on first use and removed with its contents when the process ends.
inline const std::filesystem::path& scratch_dir() {
    struct Dir {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("annals-tests-" + std::to_string(::getpid()));
        Dir() { std::filesystem::create_directories(path); }
        ~Dir() {
            std::error_code ec; // a destructor at exit: nothing to report to
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Dir dir;
    return dir.path;
}

} // namespace annals::test
