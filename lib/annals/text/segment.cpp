#include "annals/text/segment.hpp"

namespace annals {

// Placeholder: one sentence per non-empty line, tokens split on white space.
Segmentation segment(std::string_view text) {
    Segmentation seg;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
        if (i >= text.size()) break;
        Sentence s;
        s.first_token = static_cast<std::uint32_t>(seg.tokens.size());
        s.span.begin = i;
        while (i < text.size() && text[i] != '\n') {
            const std::size_t b = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r') ++i;
            if (i > b) seg.tokens.push_back({{b, i}, TokenKind::word, true, false});
            s.span.end = i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
        }
        s.token_count = static_cast<std::uint32_t>(seg.tokens.size()) - s.first_token;
        seg.sentences.push_back(s);
    }
    return seg;
}

} // namespace annals
