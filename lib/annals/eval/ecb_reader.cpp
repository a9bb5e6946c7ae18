#include "annals/eval/ecb_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <unordered_map>

namespace annals::ecb {
namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, path.string(), "cannot open");
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(Errc::io, path.string(), "read error");
    return data;
}

// "name:line" of a byte offset; pugixml reports offsets, people read lines.
std::string where(std::string_view xml, const std::string& name, std::ptrdiff_t offset) {
    const auto end =
        static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(xml.size())));
    const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(end), '\n');
    return name + ":" + std::to_string(line);
}

template <class Int> bool parse_number(std::string_view s, Int& out) {
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

void read_tokens(const pugi::xml_node& root, std::string_view xml, const std::string& name, EcbDocument& doc) {
    bool first = true;
    std::size_t previous = 0;
    for (const auto& node : root.children("token")) {
        EcbToken t;
        t.id = node.attribute("t_id").value();
        if (!parse_number(node.attribute("sentence").value(), t.sentence) || t.id.empty())
            throw Error(Errc::bad_input, where(xml, name, node.offset_debug()),
                        "token without t_id or numeric sentence");
        // The corpus gives its sentences; each becomes a paragraph of its own, so headlines,
        // bylines and datelines are not run into the sentence after them.
        if (!first) doc.text += t.sentence == previous ? " " : "\n\n";
        const std::size_t begin = doc.text.size();
        doc.text += node.child_value();
        t.span = {begin, doc.text.size()};
        doc.tokens.push_back(std::move(t));
        previous = doc.tokens.back().sentence;
        first = false;
    }
}

void read_markables(const pugi::xml_node& root, std::string_view xml, const std::string& name, EcbDocument& doc) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) index.emplace(doc.tokens[i].id, i);
    for (const auto& node : root.child("Markables").children()) {
        if (node.type() != pugi::node_element) continue;
        EcbMarkable m{node.name(), node.attribute("m_id").value(), {}};
        for (const auto& anchor : node.children("token_anchor")) {
            const auto it = index.find(anchor.attribute("t_id").value());
            if (it == index.end())
                throw Error(Errc::bad_input, where(xml, name, anchor.offset_debug()),
                            "token_anchor names an unknown token \"" + std::string(anchor.attribute("t_id").value()) +
                                "\"");
            m.tokens.push_back(it->second);
        }
        if (m.tokens.empty()) continue;
        std::sort(m.tokens.begin(), m.tokens.end());
        m.tokens.erase(std::unique(m.tokens.begin(), m.tokens.end()), m.tokens.end());
        doc.markables.push_back(std::move(m));
    }
}

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The fields of a CSV line, blanks around each removed (the published list has a few).
std::vector<std::string_view> split_commas(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0;;) {
        const auto e = line.find(',', b);
        out.push_back(trim(line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

} // namespace

EcbDocument parse_ecb(std::string_view xml, const std::string& name) {
    pugi::xml_document dom;
    const auto result = dom.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result)
        throw Error(Errc::bad_input, where(xml, name, result.offset),
                    std::string("malformed XML: ") + result.description());
    const auto root = dom.child("Document");
    if (!root) throw Error(Errc::bad_input, name, "no Document element");
    EcbDocument doc;
    doc.name = std::filesystem::path(name).stem().string();
    read_tokens(root, xml, name, doc);
    read_markables(root, xml, name, doc);
    return doc;
}

EcbDocument read_ecb_file(const std::filesystem::path& path) {
    return parse_ecb(read_all(path), path.string());
}

std::vector<std::filesystem::path> list_ecb_files(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    for (const auto& input : inputs) {
        const fs::path p(input);
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::recursive_directory_iterator(p, ec))
                if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else if (fs::is_regular_file(p, ec)) {
            out.push_back(p);
        } else {
            throw Error(Errc::io, input, "no such file or folder");
        }
    }
    return out;
}

SentenceList parse_sentence_list(std::string_view csv, const std::string& name) {
    SentenceList out;
    std::size_t line_no = 0;
    for (std::size_t b = 0; b < csv.size();) {
        const auto e = std::min(csv.find('\n', b), csv.size());
        std::string_view line = csv.substr(b, e - b);
        b = e + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || (line_no == 1 && line.starts_with("Topic"))) continue;
        const auto cols = split_commas(line);
        std::size_t sentence = 0;
        if (cols.size() != 3 || cols[0].empty() || cols[1].empty() || !parse_number(cols[2], sentence)) {
            out.problems.emplace_back(Errc::bad_input, name + ":" + std::to_string(line_no),
                                      "expected Topic,File,Sentence Number");
            continue;
        }
        out.sentences[std::string(cols[0]) + "_" + std::string(cols[1])].insert(sentence);
    }
    return out;
}

SentenceList read_sentence_list(const std::filesystem::path& path) {
    return parse_sentence_list(read_all(path), path.string());
}

} // namespace annals::ecb
