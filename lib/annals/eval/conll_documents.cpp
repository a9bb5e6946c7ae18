#include "annals/eval/conll_documents.hpp"

#include "annals/core/date.hpp"

#include <algorithm>

namespace annals::conll {
namespace {

constexpr std::size_t kMaxDatelineTokens = 8;

bool is_dateline(const ConllSentence& s) {
    return dateline_date(s).has_value();
}

// Appends `s` to `doc` with the separators read_conll_file uses, moving its spans.
void append_sentence(ConllDocument& doc, const ConllSentence& s, const std::string& from_text) {
    if (!doc.text.empty()) doc.text += '\n';
    const std::size_t begin = doc.text.size();
    doc.text.append(from_text, s.span.begin, s.span.size());
    ConllSentence out = s;
    out.span = {begin, doc.text.size()};
    for (auto& t : out.tokens) t.span = {t.span.begin - s.span.begin + begin, t.span.end - s.span.begin + begin};
    doc.sentences.push_back(std::move(out));
}

} // namespace

std::optional<std::string> dateline_date(const ConllSentence& s) {
    if (s.tokens.empty() || s.tokens.size() > kMaxDatelineTokens) return std::nullopt;
    const auto& last = s.tokens.back().word;
    if (last.size() != 10 || last[4] != '-' || last[7] != '-') return std::nullopt;
    if (!parse_iso_datetime(last)) return std::nullopt;
    return last;
}

std::vector<ConllDocument> split_at_datelines(const ConllDocument& doc) {
    std::vector<std::size_t> starts{0};
    // A story has at least a headline and a dateline, so a piece never holds less than two
    // sentences. A byline between headline and dateline is taken for the headline, so that
    // headline ends the story before: a small loss, and the first story of a file keeps both.
    for (std::size_t i = 1; i < doc.sentences.size(); ++i)
        if (is_dateline(doc.sentences[i]) && i - 1 >= starts.back() + 2) starts.push_back(i - 1);
    if (starts.size() == 1) return {doc};
    starts.push_back(doc.sentences.size());
    std::vector<ConllDocument> out;
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        ConllDocument piece;
        for (std::size_t i = starts[k]; i < starts[k + 1]; ++i) append_sentence(piece, doc.sentences[i], doc.text);
        out.push_back(std::move(piece));
    }
    return out;
}

std::optional<std::string> document_date(const ConllDocument& doc) {
    for (std::size_t i = 0; i < doc.sentences.size() && i < 3; ++i)
        if (auto d = dateline_date(doc.sentences[i])) return d;
    return std::nullopt;
}

} // namespace annals::conll
