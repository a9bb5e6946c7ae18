#include "annals/core/data_file.hpp"

#include "annals/core/error.hpp"

#include <fstream>
#include <sstream>

namespace annals::detail {

void read_data_file(const std::string& path, std::string_view format, const std::function<void(const DataRow&)>& row,
                    std::size_t columns) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, path, "cannot open the data file");
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    const std::string expected = "# format: " + std::string(format);
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < text.size();) {
        auto nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + at, nl - at);
        at = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_no == 1) {
            if (line != expected) throw Error(Errc::bad_data, path + ":1", "expected \"" + expected + "\"");
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        DataRow r;
        r.where = path + ":" + std::to_string(line_no);
        for (std::size_t b = 0;;) {
            const auto tab = line.find('\t', b);
            r.fields.push_back(line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b));
            if (tab == std::string_view::npos) break;
            b = tab + 1;
        }
        if (columns != 0 && r.fields.size() != columns)
            throw Error(Errc::bad_data, r.where,
                        "expected " + std::to_string(columns) + " tab-separated fields, found " +
                            std::to_string(r.fields.size()));
        row(r);
    }
    if (line_no == 0) throw Error(Errc::bad_data, path, "empty data file");
}

} // namespace annals::detail
