#include "annals/timeml/reader.hpp"

#include "annals/core/error.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace annals::timeml {
namespace {

constexpr std::string_view kLinkTags[] = {"MAKEINSTANCE", "TLINK", "SLINK", "ALINK"};

Element element_of(const pugi::xml_node& node) {
    Element e;
    e.tag = node.name();
    for (const auto& a : node.attributes()) e.attrs.emplace_back(a.name(), a.value());
    return e;
}

// Appends the character data under `node` to `text`, recording each element's span.
void collect(const pugi::xml_node& node, std::string& text, std::vector<Element>& out) {
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        } else if (child.type() == pugi::node_element) {
            const std::size_t index = out.size();
            out.push_back(element_of(child));
            const std::size_t begin = text.size();
            collect(child, text, out);
            out[index].span = {begin, text.size()};
        }
    }
}

std::optional<Element> find_creation_time(const pugi::xml_node& root) {
    const auto node = root.find_node([](const pugi::xml_node& n) {
        return std::string_view(n.name()) == "TIMEX3" &&
               std::string_view(n.attribute("functionInDocument").value()) == "CREATION_TIME";
    });
    if (!node) return std::nullopt;
    return element_of(node);
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace

std::string_view Element::attr(std::string_view name) const noexcept {
    for (const auto& [k, v] : attrs)
        if (k == name) return v;
    return {};
}

std::vector<const Element*> TimemlDocument::all(std::string_view tag) const {
    std::vector<const Element*> out;
    for (const auto& e : elements)
        if (e.tag == tag) out.push_back(&e);
    return out;
}

TimemlDocument parse_timeml(std::string_view xml, const std::string& name) {
    pugi::xml_document dom;
    // Whitespace-only character data between tags is part of the text: keep it.
    const auto result = dom.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                        pugi::encoding_utf8);
    if (!result) {
        // People look for lines; the byte offset stays for tools.
        const auto size = static_cast<std::ptrdiff_t>(xml.size());
        const auto line = 1 + std::count(xml.begin(), xml.begin() + std::clamp<std::ptrdiff_t>(result.offset, 0, size), '\n');
        throw Error(Errc::bad_input, name + ":" + std::to_string(line),
                    std::string("malformed XML at byte ") + std::to_string(result.offset) + ": " + result.description());
    }
    const auto text_node = dom.find_node([](const pugi::xml_node& n) { return std::string_view(n.name()) == "TEXT"; });
    if (!text_node) throw Error(Errc::bad_input, name, "no TEXT element");
    TimemlDocument doc;
    collect(text_node, doc.text, doc.elements);
    doc.dct_timex = find_creation_time(dom);
    if (doc.dct_timex) doc.dct = std::string(doc.dct_timex->attr("value"));
    for (const char* tag : {"DOCID", "DOCNO"}) {
        if (const auto n = dom.find_node([&](const pugi::xml_node& x) { return std::string_view(x.name()) == tag; })) {
            doc.id = trimmed(n.text().get());
            if (doc.id.empty()) doc.id = trimmed(n.child_value());
            if (!doc.id.empty()) break;
        }
    }
    if (doc.id.empty()) doc.id = std::filesystem::path(name).stem().string();
    for (const auto& node : dom.first_child().children()) {
        const std::string_view tag = node.name();
        if (std::find(std::begin(kLinkTags), std::end(kLinkTags), tag) != std::end(kLinkTags))
            doc.links.push_back(element_of(node));
    }
    return doc;
}

TimemlDocument read_timeml_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, path.string(), "cannot open");
    const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_timeml(xml, path.string());
}

std::vector<std::filesystem::path> list_timeml_files(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    for (const auto& input : inputs) {
        const fs::path p(input);
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::recursive_directory_iterator(p, ec))
                if (entry.is_regular_file() && entry.path().extension() == ".tml") files.push_back(entry.path());
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

} // namespace annals::timeml
