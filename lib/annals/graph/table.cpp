#include "annals/graph/table.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdlib>

namespace annals {
namespace {

std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

/// Line breaks and tabs inside a cell would break the alignment.
std::string flat(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

bool is_numeric(const Table& t, std::size_t c) { return c < t.numeric.size() && t.numeric[c]; }

} // namespace

std::string render_text(const Table& t) {
    std::vector<std::size_t> w(t.columns.size(), 0);
    for (std::size_t c = 0; c < t.columns.size(); ++c) w[c] = width(t.columns[c]);
    for (const auto& r : t.rows)
        for (std::size_t c = 0; c < r.size() && c < w.size(); ++c) w[c] = std::max(w[c], width(flat(r[c])));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < w.size(); ++c) {
            const std::string cell = c < cells.size() ? flat(cells[c]) : std::string();
            const std::string pad(w[c] - width(cell), ' ');
            if (c + 1 == w.size()) out += is_numeric(t, c) ? pad + cell : cell;
            else out += (is_numeric(t, c) ? pad + cell : cell + pad) + "  ";
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string out = line(t.columns);
    std::vector<std::string> rule;
    for (const std::size_t n : w) rule.emplace_back(n, '-');
    out += line(rule);
    for (const auto& r : t.rows) out += line(r);
    return out;
}

std::string render_json(const Table& t) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartArray();
    for (const auto& r : t.rows) {
        w.StartObject();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            w.Key(t.columns[c].c_str());
            const std::string cell = c < r.size() ? r[c] : std::string();
            char* end = nullptr;
            const double v = is_numeric(t, c) && !cell.empty() ? std::strtod(cell.c_str(), &end) : 0;
            if (end && *end == '\0') {
                if (cell.find_first_of(".eE") == std::string::npos) w.Int64(std::strtoll(cell.c_str(), nullptr, 10));
                else w.Double(v);
            } else if (is_numeric(t, c) && cell.empty()) {
                w.Null();
            } else {
                w.String(cell.c_str(), static_cast<rapidjson::SizeType>(cell.size()));
            }
        }
        w.EndObject();
    }
    w.EndArray();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::string render_csv(const Table& t) {
    auto field = [](const std::string& s) {
        if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
        std::string out = "\"";
        for (char c : s) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    };
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + field(cells[c]);
        return out + "\r\n";
    };
    std::string out = line(t.columns);
    for (const auto& r : t.rows) out += line(r);
    return out;
}

std::string render(const Table& t, TableFormat f) {
    switch (f) {
    case TableFormat::text: return render_text(t);
    case TableFormat::json: return render_json(t);
    case TableFormat::csv: return render_csv(t);
    }
    return render_text(t);
}

} // namespace annals
