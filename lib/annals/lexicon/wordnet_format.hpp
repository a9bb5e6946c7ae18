#pragma once
/// Parsing of WordNet's text formats (wndb(5WN)): index lines, synset lines, lexicographer
/// file numbers. Internal to the lexicon stage.

#include "annals/lexicon/wordnet.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::detail {

/// Splits a line into space-separated fields, one at a time. Inline: start-up reads some
/// 400,000 lines through it, a few bytes per field, and a call per field cost as much as the
/// field's bytes.
class FieldReader {
public:
    explicit FieldReader(std::string_view line) noexcept : p_(line.data()), end_(line.data() + line.size()) {}
    /// The next field, or "" at the end.
    std::string_view next() noexcept {
        // Fields are a few bytes long: plain loops beat find_first_not_of and memchr calls here.
        const char* p = p_;
        while (p != end_ && *p == ' ') ++p;
        const char* e = p;
        while (e != end_ && *e != ' ') ++e;
        p_ = e;
        return std::string_view(p, static_cast<std::size_t>(e - p));
    }
    /// The next field read as a decimal number (or hexadecimal), nullopt when it is not one.
    std::optional<std::size_t> number(int base = 10) noexcept {
        const auto f = next();
        if (f.empty()) return std::nullopt;
        // Decimal fields short enough not to overflow: the common case, read without from_chars.
        if (base == 10 && f.size() <= 18) {
            std::size_t value = 0;
            for (const char c : f) {
                if (c < '0' || c > '9') return std::nullopt;
                value = value * 10 + static_cast<std::size_t>(c - '0');
            }
            return value;
        }
        // Hexadecimal fields (word counts, source/target numbers) are two to four digits.
        if (base == 16 && f.size() <= 15) {
            std::size_t value = 0;
            for (const char c : f) {
                std::size_t d = 0;
                if (c >= '0' && c <= '9') d = static_cast<std::size_t>(c - '0');
                else if (c >= 'a' && c <= 'f') d = static_cast<std::size_t>(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F') d = static_cast<std::size_t>(c - 'A' + 10);
                else return std::nullopt;
                value = value * 16 + d;
            }
            return value;
        }
        return number_general(f, base);
    }
    /// The bytes not read yet.
    [[nodiscard]] std::string_view rest() const noexcept {
        return std::string_view(p_, static_cast<std::size_t>(end_ - p_));
    }
    /// Skips `n` bytes (at most the rest).
    void skip(std::size_t n) noexcept { p_ += std::min(n, static_cast<std::size_t>(end_ - p_)); }

private:
    static std::optional<std::size_t> number_general(std::string_view f, int base) noexcept;

    const char* p_;
    const char* end_;
};

/// The synset offsets of an index line ("lemma pos synset_cnt p_cnt [ptr...] sense_cnt
/// tagsense_cnt offset..."), in sense order; empty when the line is malformed.
[[nodiscard]] std::vector<std::uint32_t> index_line_offsets(std::string_view line);

/// The first synset offset of an index line (the most frequent sense), or nullopt when the
/// line is malformed or lists none: index_line_offsets(line).front() without the vector.
[[nodiscard]] std::optional<std::uint32_t> index_line_first_offset(std::string_view line) noexcept;

/// The word of a data.* line that is `lemma` (compared as word_is does), as written; "" when
/// none is. Reads only the words, not the pointers.
[[nodiscard]] std::string_view synset_word(std::string_view line, std::string_view lemma) noexcept;

/// True when the synset word `word` is `lemma` once written as lemma_of() writes it
/// (lower case, '_' for ' ', no marker such as "(a)"); allocates nothing.
[[nodiscard]] bool word_is(std::string_view word, std::string_view lemma) noexcept;

/// The lexicographer file number of a synset line (its second field), or -1.
[[nodiscard]] int synset_lexfile(std::string_view line) noexcept;

/// The name of lexicographer file `n` ("noun.event"), or "" when out of range.
[[nodiscard]] std::string_view lexfile_name(int n) noexcept;

struct Pointer {
    std::string_view symbol;
    std::uint32_t offset = 0;
    WnPos pos = WnPos::noun;
    std::size_t source = 0, target = 0; ///< word numbers, 0 for the whole synset
};

struct Synset {
    std::vector<std::string_view> words; ///< as written: capitals kept, "(a)" markers kept
    std::vector<Pointer> pointers;
    /// The 1-based number of `lemma` among the words (compared as wn_key), 0 when absent.
    [[nodiscard]] std::size_t word_number(std::string_view lemma) const;
};

/// Parses the words and pointers of a data.* line; a malformed line yields what was read.
[[nodiscard]] Synset parse_synset(std::string_view line);

/// Appends the noun hypernyms ("@" and "@i" pointers to nouns) of a data.noun line to `out`,
/// in the order parse_synset() lists them. Reads no other pointer's numbers: a general
/// synset has hundreds of hyponym pointers, and a hypernym walk asks only for these.
void append_noun_hypernyms(std::string_view line, std::vector<std::uint32_t>& out);

/// One step of a hypernym walk over a data.noun line: true when one of its words is
/// `ancestor` (synset_word(line, ancestor) is not empty), else what append_noun_hypernyms()
/// appends is appended and the result is false. Reads the words once.
bool noun_hypernyms_unless(std::string_view line, std::string_view ancestor, std::vector<std::uint32_t>& out);

/// A synset word as a lemma: lower case, without an adjective marker such as "(a)".
[[nodiscard]] std::string lemma_of(std::string_view word);

} // namespace annals::detail
