#pragma once
/// Query results as a table of strings, rendered as aligned text, JSON or CSV.

#include <string>
#include <vector>

namespace annals {

/// Rows of cells under named columns. Columns marked numeric are written as JSON numbers.
struct Table {
    std::vector<std::string> columns;
    std::vector<bool> numeric; ///< same length as columns (missing entries mean text)
    std::vector<std::vector<std::string>> rows;
};

enum class TableFormat { text, json, csv };

/// Aligned columns with a header line and a rule; widths count UTF-8 code points.
[[nodiscard]] std::string render_text(const Table& t);
/// A JSON array of objects, one per row, keys in column order.
[[nodiscard]] std::string render_json(const Table& t);
/// RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled.
[[nodiscard]] std::string render_csv(const Table& t);
/// One of the three.
[[nodiscard]] std::string render(const Table& t, TableFormat f);

} // namespace annals
