#pragma once
/// The one exception type of the library, for broken resources, I/O failures and invalid files.

#include <stdexcept>
#include <string>
#include <string_view>

namespace annals {

/// What went wrong, coarse enough for the CLI to map to exit codes.
enum class Errc {
    io,           ///< a file could not be opened, read or written
    bad_input,    ///< input the tool could not process at all
    bad_data,     ///< a data file (dictionary, ontology, gazetteer) is malformed
    bad_usage,    ///< an argument or option value is invalid
    bad_store,    ///< the store is missing, of another version, or corrupt
    render,       ///< Graphviz failed to lay out or render
    internal,     ///< a broken invariant: a bug in annals
};

/// A short English phrase for each code, from one exhaustive switch.
[[nodiscard]] std::string_view errc_message(Errc code) noexcept;

/// Thrown by the library; `what()` reads "<phrase>: <where>: <detail>".
class Error : public std::runtime_error {
public:
    /// `where` is a file name with an optional ":line"; may be empty.
    Error(Errc code, std::string where, const std::string& detail);
    [[nodiscard]] Errc code() const noexcept { return code_; }
    [[nodiscard]] const std::string& where() const noexcept { return where_; }

private:
    Errc code_;
    std::string where_;
};

} // namespace annals
