#include "annals/eval/conll_reader.hpp"

#include "annals/core/error.hpp"

#include <algorithm>
#include <fstream>

namespace annals::conll {

namespace {

std::vector<std::string> split_spaces(const std::string& line) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < line.size();) {
        const auto e = std::min(line.find(' ', b), line.size());
        if (e > b) out.push_back(line.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

void add_token(ConllDocument& doc, std::vector<std::string> cols) {
    auto& s = doc.sentences.back();
    if (!s.tokens.empty()) doc.text += ' ';
    else if (!doc.text.empty()) doc.text += '\n';
    const std::size_t begin = doc.text.size();
    doc.text += cols[0];
    ConllToken t{std::move(cols[0]), std::move(cols[1]), std::move(cols[2]), std::move(cols[3]), {begin, doc.text.size()}};
    if (s.tokens.empty()) s.span.begin = begin;
    s.span.end = t.span.end;
    s.tokens.push_back(std::move(t));
}

TokenKind kind_of(std::string_view w) {
    const bool digit = std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool alpha = std::any_of(w.begin(), w.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    });
    if (alpha) return TokenKind::word;
    if (digit) return TokenKind::number;
    return TokenKind::punct;
}

} // namespace

std::vector<ConllDocument> read_conll_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, path, "cannot open");
    std::vector<ConllDocument> docs;
    std::string line;
    std::size_t line_no = 0;
    bool in_sentence = false;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto cols = split_spaces(line);
        if (cols.empty()) {
            in_sentence = false;
            continue;
        }
        if (cols[0] == "-DOCSTART-") {
            docs.emplace_back();
            in_sentence = false;
            continue;
        }
        if (cols.size() < 4)
            throw Error(Errc::bad_input, path + ":" + std::to_string(line_no), "expected word POS chunk NER");
        if (docs.empty()) docs.emplace_back();
        if (!in_sentence) docs.back().sentences.emplace_back();
        in_sentence = true;
        add_token(docs.back(), std::move(cols));
    }
    if (in.bad()) throw Error(Errc::io, path, "read error");
    std::erase_if(docs, [](const ConllDocument& d) { return d.sentences.empty(); });
    return docs;
}

Segmentation gold_segmentation(const ConllDocument& doc) {
    Segmentation seg;
    for (const auto& s : doc.sentences) {
        Sentence out{s.span, static_cast<std::uint32_t>(seg.tokens.size()), static_cast<std::uint32_t>(s.tokens.size())};
        for (const auto& t : s.tokens) {
            const bool first = seg.tokens.empty();
            const bool newline = !first && &t == &s.tokens.front();
            seg.tokens.push_back({t.span, kind_of(t.word), true, newline});
        }
        seg.sentences.push_back(out);
    }
    return seg;
}

} // namespace annals::conll
