#include "annals/lexicon/wordnet_format.hpp"

#include <array>
#include <charconv>
#include <cstring>

namespace annals::detail {

std::optional<std::size_t> FieldReader::number_general(std::string_view f, int base) noexcept {
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), value, base);
    if (ec != std::errc{} || ptr != f.data() + f.size()) return std::nullopt;
    return value;
}

std::vector<std::uint32_t> index_line_offsets(std::string_view line) {
    FieldReader f(line);
    f.next(); // lemma
    f.next(); // pos
    const auto synset_cnt = f.number();
    const auto p_cnt = f.number();
    if (!synset_cnt || !p_cnt) return {};
    for (std::size_t i = 0; i < *p_cnt; ++i) f.next();
    f.next(); // sense_cnt (the same as synset_cnt)
    f.next(); // tagsense_cnt
    std::vector<std::uint32_t> out;
    out.reserve(*synset_cnt);
    for (std::size_t i = 0; i < *synset_cnt; ++i) {
        const auto off = f.number();
        if (!off) break;
        out.push_back(static_cast<std::uint32_t>(*off));
    }
    return out;
}

std::optional<std::uint32_t> index_line_first_offset(std::string_view line) noexcept {
    FieldReader f(line);
    f.next(); // lemma
    f.next(); // pos
    const auto synset_cnt = f.number();
    const auto p_cnt = f.number();
    if (!synset_cnt || !p_cnt || *synset_cnt == 0) return std::nullopt;
    for (std::size_t i = 0; i < *p_cnt; ++i) f.next();
    f.next(); // sense_cnt
    f.next(); // tagsense_cnt
    const auto off = f.number();
    if (!off) return std::nullopt;
    return static_cast<std::uint32_t>(*off);
}

std::string_view synset_word(std::string_view line, std::string_view lemma) noexcept {
    FieldReader f(line);
    f.next(); // offset
    f.next(); // lexfile
    f.next(); // ss_type
    const auto w_cnt = f.number(16);
    if (!w_cnt) return {};
    for (std::size_t i = 0; i < *w_cnt; ++i) {
        const auto word = f.next();
        if (word_is(word, lemma)) return word;
        f.next(); // lex_id
    }
    return {};
}

bool word_is(std::string_view word, std::string_view lemma) noexcept {
    if (const auto paren = word.find('('); paren != std::string_view::npos) word = word.substr(0, paren);
    if (word.size() != lemma.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = word[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == ' ') c = '_';
        if (c != lemma[i]) return false;
    }
    return true;
}

int synset_lexfile(std::string_view line) noexcept {
    FieldReader f(line);
    f.next();
    const auto n = f.number();
    return n ? static_cast<int>(*n) : -1;
}

std::string_view lexfile_name(int n) noexcept {
    // The lexicographer files of WordNet 3, by number (lexnames(5WN)).
    static constexpr std::array<std::string_view, 45> names = {
        "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
        "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
        "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
        "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
        "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
        "verb.cognition", "verb.communication", "verb.competition", "verb.consumption", "verb.contact",
        "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social",
        "verb.stative", "verb.weather", "adj.ppl"};
    return n >= 0 && static_cast<std::size_t>(n) < names.size() ? names[static_cast<std::size_t>(n)] : "";
}

namespace {
std::optional<WnPos> pos_of(std::string_view s) noexcept {
    if (s == "n") return WnPos::noun;
    if (s == "v") return WnPos::verb;
    if (s == "a" || s == "s") return WnPos::adj;
    if (s == "r") return WnPos::adv;
    return std::nullopt;
}
} // namespace

Synset parse_synset(std::string_view line) {
    Synset s;
    FieldReader f(line);
    f.next(); // offset
    f.next(); // lexfile
    f.next(); // ss_type
    const auto w_cnt = f.number(16);
    if (!w_cnt) return s;
    for (std::size_t i = 0; i < *w_cnt; ++i) {
        s.words.push_back(f.next());
        f.next(); // lex_id
    }
    const auto p_cnt = f.number();
    if (!p_cnt) return s;
    for (std::size_t i = 0; i < *p_cnt; ++i) {
        Pointer p;
        p.symbol = f.next();
        const auto off = f.number();
        const auto pos = pos_of(f.next());
        const auto st = f.number(16);
        if (!off || !pos || !st) break;
        p.offset = static_cast<std::uint32_t>(*off);
        p.pos = *pos;
        p.source = *st >> 8;
        p.target = *st & 0xFF;
        s.pointers.push_back(p);
    }
    return s;
}

namespace {

/// Whether one of the bytes of `x` is a space.
constexpr bool has_space(std::uint64_t x) noexcept {
    const std::uint64_t v = x ^ 0x2020202020202020ULL;
    return ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) != 0;
}

/// The fields of a pointer after its symbol, " 12345678 n 0a0b", when they are written at
/// WordNet's fixed widths (an 8-digit offset, a one-letter part of speech, 4 hex digits) and
/// single-spaced, as in every line of the database: they are then taken in place, without a
/// scan of their bytes. False, with nothing read, for any other layout.
bool fixed_pointer_fields(FieldReader& f, std::string_view& offset, std::string_view& pos) noexcept {
    const auto r = f.rest();
    if (r.size() < 16 || r[0] != ' ' || r[9] != ' ' || r[10] == ' ' || r[11] != ' ' ||
        (r.size() > 16 && r[16] != ' '))
        return false;
    std::uint64_t digits = 0;
    std::uint32_t st = 0;
    std::memcpy(&digits, r.data() + 1, 8);
    std::memcpy(&st, r.data() + 12, 4);
    if (has_space(digits) || has_space(0x4141414100000000ULL | st)) return false;
    offset = r.substr(1, 8);
    pos = r.substr(10, 1);
    f.skip(16);
    return true;
}

} // namespace

namespace {

/// append_noun_hypernyms(); with `ancestor`, the words are checked first: true, with nothing
/// appended, when one of them is `ancestor` (as synset_word() finds it).
bool scan_noun_hypernyms(std::string_view line, const std::string_view* ancestor, std::vector<std::uint32_t>& out) {
    FieldReader f(line);
    f.next(); // offset
    f.next(); // lexfile
    f.next(); // ss_type
    const auto w_cnt = f.number(16);
    if (!w_cnt) return false;
    for (std::size_t i = 0; i < *w_cnt; ++i) {
        const auto word = f.next();
        if (ancestor != nullptr && !word.empty() && word_is(word, *ancestor)) return true;
        f.next(); // lex_id
    }
    const auto p_cnt = f.number();
    if (!p_cnt) return false;
    for (std::size_t i = 0; i < *p_cnt; ++i) {
        const auto symbol = f.next();
        std::string_view offset, pos;
        if (!fixed_pointer_fields(f, offset, pos)) {
            offset = f.next();
            pos = f.next();
            // A pointer cut short ends the list, as in parse_synset().
            if (f.next().empty()) return false;
        }
        if (!pos_of(pos)) return false;
        if ((symbol != "@" && symbol != "@i") || pos != "n") continue;
        FieldReader number(offset);
        const auto off = number.number();
        if (!off) return false;
        out.push_back(static_cast<std::uint32_t>(*off));
    }
    return false;
}

} // namespace

void append_noun_hypernyms(std::string_view line, std::vector<std::uint32_t>& out) {
    scan_noun_hypernyms(line, nullptr, out);
}

bool noun_hypernyms_unless(std::string_view line, std::string_view ancestor, std::vector<std::uint32_t>& out) {
    return scan_noun_hypernyms(line, &ancestor, out);
}

std::string lemma_of(std::string_view word) {
    if (const auto paren = word.find('('); paren != std::string_view::npos) word = word.substr(0, paren);
    return wn_key(word);
}

std::size_t Synset::word_number(std::string_view lemma) const {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (word_is(words[i], lemma)) return i + 1;
    return 0;
}

} // namespace annals::detail
