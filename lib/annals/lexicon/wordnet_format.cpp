#include "annals/lexicon/wordnet_format.hpp"

#include <array>
#include <charconv>

namespace annals::detail {

std::string_view FieldReader::next() noexcept {
    // Fields are a few bytes long: plain loops beat find_first_not_of and memchr calls here,
    // and start-up reads some 400,000 lines through this.
    const char* p = rest_.data();
    const char* const end = p + rest_.size();
    while (p != end && *p == ' ') ++p;
    const char* e = p;
    while (e != end && *e != ' ') ++e;
    rest_ = std::string_view(e, static_cast<std::size_t>(end - e));
    return std::string_view(p, static_cast<std::size_t>(e - p));
}

std::optional<std::size_t> FieldReader::number(int base) noexcept {
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

void append_noun_hypernyms(std::string_view line, std::vector<std::uint32_t>& out) {
    FieldReader f(line);
    f.next(); // offset
    f.next(); // lexfile
    f.next(); // ss_type
    const auto w_cnt = f.number(16);
    if (!w_cnt) return;
    for (std::size_t i = 0; i < 2 * *w_cnt; ++i) f.next(); // word, lex_id
    const auto p_cnt = f.number();
    if (!p_cnt) return;
    for (std::size_t i = 0; i < *p_cnt; ++i) {
        const auto symbol = f.next();
        const auto offset = f.next();
        const auto pos = f.next();
        // A pointer cut short ends the list, as in parse_synset().
        if (f.next().empty() || !pos_of(pos)) return;
        if ((symbol != "@" && symbol != "@i") || pos != "n") continue;
        FieldReader number(offset);
        const auto off = number.number();
        if (!off) return;
        out.push_back(static_cast<std::uint32_t>(*off));
    }
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
