#pragma once
/// Reader of CoNLL-2003 files ("word POS chunk NER" per line, a blank line between sentences,
/// -DOCSTART- lines between documents).

#include "annals/core/span.hpp"
#include "annals/text/segment.hpp"

#include <string>
#include <vector>

namespace annals::conll {

/// One token with its gold columns and its span in the document text.
struct ConllToken {
    std::string word, pos, chunk, ner;
    Span span;
};

struct ConllSentence {
    std::vector<ConllToken> tokens;
    Span span;
};

/// One document: the text built from the tokens (single spaces between tokens, a line break
/// between sentences) and its sentences.
struct ConllDocument {
    std::string text;
    std::vector<ConllSentence> sentences;
};

/// Reads a CoNLL-2003 file; lines with fewer than four columns are an error. Without any
/// -DOCSTART- line the whole file is one document. Throws Error (Errc::io when the file cannot
/// be read, Errc::bad_input with file:line when a line is malformed).
[[nodiscard]] std::vector<ConllDocument> read_conll_file(const std::string& path);

/// The gold tokenization and sentence split of a document as a Segmentation, so a stage can
/// be scored without segmentation errors. Pure function.
[[nodiscard]] Segmentation gold_segmentation(const ConllDocument& doc);

} // namespace annals::conll
