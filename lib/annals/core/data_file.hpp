#pragma once
/// The one reader of the project's TSV data files: format line check, rows with their line numbers.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::detail {

/// One data row: its tab-separated fields and where it came from (for error messages).
struct DataRow {
    std::vector<std::string_view> fields;
    std::string where; ///< "file:line"
};

/// Reads `path`, checks that its first line is "# format: <format>", then calls `row` for each
/// line that is neither blank nor a '#' comment, after checking it has `columns` fields (any
/// number when 0). Throws Error(Errc::io) when the file cannot be read and
/// Error(Errc::bad_data, "file:line") for a wrong format line or field count; `row` may throw
/// its own Error(Errc::bad_data, row.where, ...).
void read_data_file(const std::string& path, std::string_view format, const std::function<void(const DataRow&)>& row,
                    std::size_t columns = 0);

} // namespace annals::detail
