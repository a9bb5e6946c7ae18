#pragma once
/// Reader of ECB+ documents (tokens and markables, the CROMER XML format) and of the list of
/// sentences annotated with coreference (ECBplus_coreference_sentences.csv).

#include "annals/core/error.hpp"
#include "annals/core/span.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace annals::ecb {

/// One token with its sentence number (as in the file, 0-based) and its span in the text.
struct EcbToken {
    std::string id; ///< t_id
    std::size_t sentence = 0;
    Span span;
};

/// One mention: its tag (ACTION_OCCURRENCE, LOC_GEO, ...) and the tokens it is anchored to,
/// as indices into EcbDocument::tokens, ascending.
struct EcbMarkable {
    std::string tag;
    std::string id; ///< m_id
    std::vector<std::size_t> tokens;
};

/// One document: the text built from its tokens (single spaces between tokens, a line break
/// between sentences), its tokens in file order and its anchored markables. Markables
/// without token anchors (the instance descriptors of coreference) are not kept.
struct EcbDocument {
    std::string name; ///< the file name without .xml, as the sentence list names it: "1_10ecbplus"
    std::string text;
    std::vector<EcbToken> tokens;
    std::vector<EcbMarkable> markables;
};

/// Parses one ECB+ document from memory. `name` is the file path, used in messages and (its
/// stem) as the document name. Throws Error(Errc::bad_input) with "name:line" for malformed
/// XML, a token without a numeric sentence, or an anchor naming an unknown token.
[[nodiscard]] EcbDocument parse_ecb(std::string_view xml, const std::string& name);

/// Reads and parses one file. Throws Error(Errc::io) when it cannot be read.
[[nodiscard]] EcbDocument read_ecb_file(const std::filesystem::path& path);

/// Every `.xml` file under the given files and folders, each folder sorted; throws
/// Error(Errc::io) for a path that does not exist.
[[nodiscard]] std::vector<std::filesystem::path> list_ecb_files(const std::vector<std::string>& inputs);

/// The annotated sentences of each document, by document name ("1_10ecbplus"), and the lines
/// that could not be read (each an Error with "file:line"; reading goes on after them).
struct SentenceList {
    std::map<std::string, std::set<std::size_t>, std::less<>> sentences;
    std::vector<Error> problems;
};

/// Reads the "Topic,File,Sentence Number" CSV. Throws Error(Errc::io) when it cannot be read.
[[nodiscard]] SentenceList read_sentence_list(const std::filesystem::path& path);

/// Parses the CSV from memory; `name` is used in messages. Pure function.
[[nodiscard]] SentenceList parse_sentence_list(std::string_view csv, const std::string& name);

} // namespace annals::ecb
