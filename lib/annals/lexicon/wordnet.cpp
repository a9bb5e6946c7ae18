#include "annals/lexicon/wordnet.hpp"

#include "annals/core/error.hpp"
#include "annals/lexicon/wordnet_format.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <optional>

// Layout. The index files (6 MB, 147,000 lemmas) are mapped and read once into a compact
// open-addressing table whose keys are views into the mapping, with 32 bytes of facts per
// lemma: no string is copied and nothing is allocated per lemma. The data files (22 MB) are
// only mapped (paging them in at load costs more than the few hundred faults a run takes); a
// synset line is parsed when a caller asks for lexicographer files or
// derivations, which later stages do for a few words per sentence. Loading costs about
// 80-110 ms of CPU and some 22 MB resident; parsing every synset up front would cost several
// times that for facts most runs never read.

namespace annals {

namespace {

constexpr std::array<std::string_view, wn_pos_count> file_suffix = {"noun", "verb", "adj", "adv"};

/// One lemma's facts per part of speech; 32 bytes for about 147,000 lemmas.
struct LemmaEntry {
    std::array<std::uint16_t, wn_pos_count> senses{};
    std::array<std::uint16_t, wn_pos_count> tagged{};
    std::array<std::uint32_t, wn_pos_count> index_line{}; ///< byte offset of its index.* line
};

/// An exception list: form -> lemmas (views into the mapped .exc file).
struct ExceptionList {
    detail::StringTable forms;
    std::vector<std::array<std::string_view, 3>> lemmas;
};

struct Rule {
    std::string_view suffix, ending;
    Inflection inflection;
};

// Morphy's detachment rules (WordNet morph.c), in its order.
constexpr std::array<Rule, 8> noun_rules = {{{"s", "", Inflection::plural},
                                             {"ses", "s", Inflection::plural},
                                             {"xes", "x", Inflection::plural},
                                             {"zes", "z", Inflection::plural},
                                             {"ches", "ch", Inflection::plural},
                                             {"shes", "sh", Inflection::plural},
                                             {"men", "man", Inflection::plural},
                                             {"ies", "y", Inflection::plural}}};
constexpr std::array<Rule, 8> verb_rules = {{{"s", "", Inflection::third_person},
                                             {"ies", "y", Inflection::third_person},
                                             {"es", "e", Inflection::third_person},
                                             {"es", "", Inflection::third_person},
                                             {"ed", "e", Inflection::past},
                                             {"ed", "", Inflection::past},
                                             {"ing", "e", Inflection::gerund},
                                             {"ing", "", Inflection::gerund}}};
constexpr std::array<Rule, 4> adj_rules = {{{"er", "", Inflection::comparative},
                                            {"est", "", Inflection::superlative},
                                            {"er", "e", Inflection::comparative},
                                            {"est", "e", Inflection::superlative}}};

/// A byte loop: for the one- to four-byte suffixes of morphy's rules, cheaper than the call
/// to memcmp a comparison of views makes.
bool ends_with(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    const char* tail = s.data() + (s.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (tail[i] != suffix[i]) return false;
    return true;
}

/// Calls fn(candidate, inflection) for every form morphy's detachment rules make of `word` as
/// `pos`, in the rules' order; the candidate is valid during the call only.
template <class Fn>
void for_each_detached(std::string_view word, WnPos pos, Fn&& fn) {
    const Rule* first = nullptr;
    std::size_t n = 0;
    switch (pos) {
    case WnPos::noun:
        // Morphy leaves nouns in -ss (glass, boss) and very short words alone.
        if (ends_with(word, "ss") || word.size() <= 2) return;
        first = noun_rules.data(), n = noun_rules.size();
        break;
    case WnPos::verb: first = verb_rules.data(), n = verb_rules.size(); break;
    case WnPos::adj: first = adj_rules.data(), n = adj_rules.size(); break;
    case WnPos::adv: return;
    }
    // Left uninitialized: only the bytes a candidate is made of are read, and zeroing the
    // buffer cost as much as the candidates it holds (four calls for every new word).
    std::array<char, 96> buf;
    for (std::size_t r = 0; r < n; ++r) {
        const Rule& rule = first[r];
        if (!ends_with(word, rule.suffix) || word.size() <= rule.suffix.size()) continue;
        const auto stem = word.size() - rule.suffix.size();
        if (stem + rule.ending.size() > buf.size()) continue;
        std::copy_n(word.data(), stem, buf.data());
        std::copy_n(rule.ending.data(), rule.ending.size(), buf.data() + stem);
        fn(std::string_view(buf.data(), stem + rule.ending.size()), rule.inflection);
    }
}

} // namespace

struct WordNet::Impl {
    std::string dir;
    std::array<detail::MappedFile, wn_pos_count> index, data, exc;
    detail::StringTable lemmas;
    std::vector<LemmaEntry> entries;
    std::array<ExceptionList, wn_pos_count> exceptions;

    Impl(std::string folder, std::array<detail::MappedFile, wn_pos_count> i,
         std::array<detail::MappedFile, wn_pos_count> d, std::array<detail::MappedFile, wn_pos_count> e)
        : dir(std::move(folder)), index(std::move(i)), data(std::move(d)), exc(std::move(e)) {}

    void read_index(WnPos pos);
    void read_exceptions(WnPos pos);
    void read_counts(const std::string& path);
    [[nodiscard]] const LemmaEntry* find(std::string_view lemma) const noexcept {
        const auto id = lemmas.find(lemma);
        return id == detail::StringTable::npos ? nullptr : &entries[id];
    }
    [[nodiscard]] std::vector<std::uint32_t> synsets(std::string_view lemma, WnPos pos) const;
    [[nodiscard]] std::string_view synset_line(WnPos pos, std::uint32_t offset) const;
    void add(BaseForms& out, std::string_view candidate, WnPos pos, Inflection infl) const noexcept {
        add_id(out, lemmas.find(candidate), pos, infl);
    }
    void add_id(BaseForms& out, std::uint32_t id, WnPos pos, Inflection infl) const noexcept;
};

namespace {

std::array<detail::MappedFile, wn_pos_count> map_all(const std::string& dir, std::string_view stem, bool prefix,
                                                     bool whole) {
    auto path = [&](std::size_t p) {
        return dir + "/" + (prefix ? std::string(stem) + std::string(file_suffix[p])
                                   : std::string(file_suffix[p]) + std::string(stem));
    };
    return {detail::MappedFile(path(0), whole), detail::MappedFile(path(1), whole),
            detail::MappedFile(path(2), whole), detail::MappedFile(path(3), whole)};
}

/// The position of the first space of `s` (its size when none), eight bytes at a time: the
/// lemmas of the index files, some 150,000 read at every start-up, are ten bytes and more.
std::size_t first_space(std::string_view s) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t x;
        std::memcpy(&x, s.data() + i, 8);
        const std::uint64_t v = x ^ (ones * ' ');
        // the lowest flagged byte is the first space (higher flags may be false)
        if (const std::uint64_t hit = (v - ones) & ~v & highs; hit != 0)
            return i + static_cast<std::size_t>(std::countr_zero(hit) / 8);
    }
    while (i < s.size() && s[i] != ' ') ++i;
    return i;
}

/// The synset count of an index line whose lemma ends at `lemma_end`, when the line is laid out
/// as WordNet writes every one ("lemma p 12 ..."): one space, a one-letter part of speech, one
/// space, at most 18 digits. nullopt for any other layout, which FieldReader then reads.
std::optional<std::size_t> index_count(std::string_view line, std::size_t lemma_end) noexcept {
    const auto b = lemma_end + 3;
    if (b >= line.size() || line[lemma_end + 1] == ' ' || line[lemma_end + 2] != ' ') return std::nullopt;
    std::size_t value = 0, e = b;
    for (; e < line.size() && e - b < 18 && line[e] >= '0' && line[e] <= '9'; ++e)
        value = value * 10 + static_cast<std::size_t>(line[e] - '0');
    if (e == b || (e < line.size() && line[e] != ' ')) return std::nullopt;
    return value;
}

} // namespace

void WordNet::Impl::read_index(WnPos pos) {
    const auto p = static_cast<std::size_t>(pos);
    const auto text = index[p].text();
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto nl = std::min(text.find('\n', at), text.size());
        const auto line = text.substr(at, nl - at);
        ++line_no;
        // Lines that start with a space are the licence header.
        if (!line.empty() && line[0] != ' ') {
            const auto lemma = line.substr(0, first_space(line));
            auto count = index_count(line, lemma.size());
            if (!count) {
                detail::FieldReader f(line.substr(lemma.size()));
                f.next(); // pos
                count = f.number();
            }
            if (lemma.empty() || !count)
                throw Error(Errc::bad_data, index[p].path() + ":" + std::to_string(line_no), "malformed index line");
            const auto id = lemmas.insert(lemma);
            if (id == entries.size()) entries.emplace_back();
            auto& e = entries[id];
            e.senses[p] = static_cast<std::uint16_t>(std::min<std::size_t>(*count, 0xFFFF));
            e.index_line[p] = static_cast<std::uint32_t>(at);
        }
        at = nl + 1;
    }
}

void WordNet::Impl::read_exceptions(WnPos pos) {
    auto& list = exceptions[static_cast<std::size_t>(pos)];
    const auto text = exc[static_cast<std::size_t>(pos)].text();
    for (std::size_t at = 0; at < text.size();) {
        const auto nl = std::min(text.find('\n', at), text.size());
        detail::FieldReader f(text.substr(at, nl - at));
        at = nl + 1;
        const auto form = f.next();
        if (form.empty()) continue;
        const auto id = list.forms.insert(form);
        if (id < list.lemmas.size()) continue; // a repeated form: the first line wins
        list.lemmas.emplace_back();
        for (auto& slot : list.lemmas.back()) slot = f.next();
    }
}

void WordNet::Impl::read_counts(const std::string& path) {
    // cntlist.rev is optional: without it every tagged count is 0.
    if (!std::filesystem::exists(path)) return;
    const detail::MappedFile file(path, true);
    const auto text = file.text();
    std::string_view last_lemma;
    std::uint32_t last_id = detail::StringTable::npos - 1; // no lemma looked up yet
    for (std::size_t at = 0; at < text.size();) {
        const auto nl = std::min(text.find('\n', at), text.size());
        const auto line = text.substr(at, nl - at);
        at = nl + 1;
        // A line starts with its key (lemma%sense key), found as the index lemmas are.
        const std::size_t key_end = !line.empty() && line[0] != ' ' ? first_space(line) : 0;
        detail::FieldReader f(line.substr(key_end));
        const auto key = key_end > 0 ? line.substr(0, key_end) : f.next();
        f.next(); // sense number
        const auto count = f.number();
        const auto pct = key.find('%');
        if (pct == std::string_view::npos || pct + 1 >= key.size() || !count) continue;
        const int ss_type = key[pct + 1] - '0';
        if (ss_type < 1 || ss_type > 5) continue;
        const auto p = static_cast<std::size_t>(ss_type == 5 ? 2 : ss_type - 1);
        // The file is sorted: a lemma's senses follow one another, and it is looked up once.
        const auto lemma = key.substr(0, pct);
        if (lemma != last_lemma || last_id == detail::StringTable::npos - 1) {
            last_lemma = lemma;
            last_id = lemmas.find(lemma);
        }
        const auto id = last_id;
        if (id == detail::StringTable::npos) continue;
        auto& slot = entries[id].tagged[p];
        slot = static_cast<std::uint16_t>(std::min<std::size_t>(slot + *count, 0xFFFF));
    }
}

std::vector<std::uint32_t> WordNet::Impl::synsets(std::string_view lemma, WnPos pos) const {
    const auto p = static_cast<std::size_t>(pos);
    const auto* e = find(lemma);
    if (e == nullptr || e->senses[p] == 0) return {};
    const auto text = index[p].text();
    const auto at = e->index_line[p];
    const auto line = text.substr(at, std::min(text.find('\n', at), text.size()) - at);
    return detail::index_line_offsets(line);
}

std::string_view WordNet::Impl::synset_line(WnPos pos, std::uint32_t offset) const {
    const auto text = data[static_cast<std::size_t>(pos)].text();
    if (offset >= text.size()) return {};
    return text.substr(offset, std::min(text.find('\n', offset), text.size()) - offset);
}

void WordNet::Impl::add_id(BaseForms& out, std::uint32_t id, WnPos pos, Inflection infl) const noexcept {
    if (id == detail::StringTable::npos || entries[id].senses[static_cast<std::size_t>(pos)] == 0) return;
    const auto lemma = lemmas.key(id);
    for (const auto& f : out)
        if (f.lemma == lemma) return;
    const auto p = static_cast<std::size_t>(pos);
    if (out.count < out.items.size()) out.items[out.count++] = {lemma, infl, entries[id].senses[p], entries[id].tagged[p]};
}

WordNet::WordNet(const std::string& dir) {
    if (!std::filesystem::is_regular_file(dir + "/index.noun"))
        throw Error(Errc::io, dir,
                    "no WordNet database here (index.noun is missing); install Debian's wordnet-base "
                    "or name the folder of a WordNet 3 dict");
    impl_ = std::make_unique<Impl>(dir, map_all(dir, "index.", true, true), map_all(dir, "data.", true, false),
                                   map_all(dir, ".exc", false, true));
    impl_->lemmas.reserve(160000);
    impl_->entries.reserve(160000);
    for (std::size_t p = 0; p < wn_pos_count; ++p) {
        impl_->read_index(static_cast<WnPos>(p));
        impl_->read_exceptions(static_cast<WnPos>(p));
    }
    impl_->read_counts(dir + "/cntlist.rev");
}

WordNet::~WordNet() = default;
WordNet::WordNet(WordNet&&) noexcept = default;
WordNet& WordNet::operator=(WordNet&&) noexcept = default;

bool WordNet::contains(std::string_view lemma, WnPos pos) const noexcept { return sense_count(lemma, pos) > 0; }

unsigned WordNet::sense_count(std::string_view lemma, WnPos pos) const noexcept {
    const auto* e = impl_->find(lemma);
    return e == nullptr ? 0 : e->senses[static_cast<std::size_t>(pos)];
}

unsigned WordNet::tagged_count(std::string_view lemma, WnPos pos) const noexcept {
    const auto* e = impl_->find(lemma);
    return e == nullptr ? 0 : e->tagged[static_cast<std::size_t>(pos)];
}

BaseForms WordNet::base_forms(std::string_view word, WnPos pos) const noexcept {
    BaseForms out;
    const auto p = static_cast<std::size_t>(pos);
    const auto& list = impl_->exceptions[p];
    if (const auto id = list.forms.find(word); id != detail::StringTable::npos)
        for (const auto lemma : list.lemmas[id])
            if (!lemma.empty()) impl_->add(out, lemma, pos, Inflection::irregular);
    impl_->add(out, word, pos, Inflection::base);
    for_each_detached(word, pos, [&](std::string_view candidate, Inflection infl) {
        impl_->add(out, candidate, pos, infl);
    });
    return out;
}

void WordNet::all_base_forms(std::string_view word, std::array<BaseForms, wn_pos_count>& out) const noexcept {
    // Every candidate of every part of speech first, each hashed once and its slot prefetched,
    // so that the lookups below wait on memory together rather than one after another.
    // No member initializers: the array below is then not filled with twenty defaults per
    // call; every member of a candidate is set before it is read (id in the second loop,
    // before a later equal candidate copies it).
    struct Candidate {
        std::string_view text;
        std::uint64_t hash;
        std::uint32_t id;
        std::size_t same_as; ///< index of an earlier equal candidate, or its own index
        Inflection inflection;
        WnPos pos;
    };
    // Morphy has at most 8 + 8 + 4 rules, and no candidate is longer than 96 bytes.
    std::array<Candidate, 20> cands;
    std::array<char, 20 * 98> bytes;
    std::size_t n = 0, used = 0;
    const auto h = detail::string_hash(word);
    impl_->lemmas.prefetch_hash(h);
    for (std::size_t p = 0; p < wn_pos_count; ++p) {
        impl_->exceptions[p].forms.prefetch_hash(h);
        for_each_detached(word, static_cast<WnPos>(p), [&](std::string_view c, Inflection infl) {
            if (n == cands.size() || used + c.size() > bytes.size()) return;
            auto& x = cands[n];
            x.text = std::string_view(std::copy_n(c.data(), c.size(), bytes.data() + used) - c.size(), c.size());
            used += c.size();
            x.hash = detail::string_hash(x.text);
            x.same_as = n;
            for (std::size_t k = 0; k < n; ++k)
                if (cands[k].hash == x.hash && cands[k].text == x.text) {
                    x.same_as = k;
                    break;
                }
            if (x.same_as == n) impl_->lemmas.prefetch_hash(x.hash);
            x.inflection = infl;
            x.pos = static_cast<WnPos>(p);
            ++n;
        });
    }
    const auto word_id = impl_->lemmas.find(word, h);
    std::size_t k = 0;
    for (std::size_t p = 0; p < wn_pos_count; ++p) {
        const auto pos = static_cast<WnPos>(p);
        auto& forms = out[p];
        forms.count = 0;
        const auto& list = impl_->exceptions[p];
        if (const auto id = list.forms.find(word, h); id != detail::StringTable::npos)
            for (const auto lemma : list.lemmas[id])
                if (!lemma.empty()) impl_->add(forms, lemma, pos, Inflection::irregular);
        impl_->add_id(forms, word_id, pos, Inflection::base);
        for (; k < n && cands[k].pos == pos; ++k) {
            auto& c = cands[k];
            if (c.same_as != k) c.id = cands[c.same_as].id;
            else c.id = impl_->lemmas.find(c.text, c.hash);
            impl_->add_id(forms, c.id, pos, c.inflection);
        }
    }
}

void WordNet::prefetch_base_forms(std::string_view word) const noexcept {
    impl_->lemmas.prefetch(word);
    for (std::size_t p = 0; p < wn_pos_count; ++p) {
        impl_->exceptions[p].forms.prefetch(word);
        for_each_detached(word, static_cast<WnPos>(p),
                          [&](std::string_view candidate, Inflection) { impl_->lemmas.prefetch(candidate); });
    }
}

std::vector<std::string_view> WordNet::lexicographer_files(std::string_view lemma, WnPos pos) const {
    std::vector<std::string_view> out;
    for (const auto offset : impl_->synsets(lemma, pos)) {
        const auto name = detail::lexfile_name(detail::synset_lexfile(impl_->synset_line(pos, offset)));
        if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

std::vector<std::string_view> WordNet::sense_lexicographer_files(std::string_view lemma, WnPos pos) const {
    std::vector<std::string_view> out;
    for (const auto offset : impl_->synsets(lemma, pos))
        out.push_back(detail::lexfile_name(detail::synset_lexfile(impl_->synset_line(pos, offset))));
    return out;
}

bool WordNet::has_hypernym(std::string_view lemma, std::string_view ancestor, std::size_t max_senses) const {
    auto senses = impl_->synsets(lemma, WnPos::noun);
    if (senses.size() > max_senses) senses.resize(max_senses);
    // The senses themselves do not count, only what lies above them.
    std::vector<std::uint32_t> todo, seen;
    for (const auto offset : senses) detail::append_noun_hypernyms(impl_->synset_line(WnPos::noun, offset), todo);
    // Noun hierarchies are about 20 levels deep and rarely branch: a few dozen synsets at most.
    while (!todo.empty() && seen.size() < 256) {
        const auto offset = todo.back();
        todo.pop_back();
        if (std::find(seen.begin(), seen.end(), offset) != seen.end()) continue;
        seen.push_back(offset);
        if (detail::noun_hypernyms_unless(impl_->synset_line(WnPos::noun, offset), ancestor, todo)) return true;
    }
    return false;
}

bool WordNet::is_proper_noun(std::string_view lemma) const {
    // Only the first sense's words are read: the entity stage asks this of many words.
    const auto* e = impl_->find(lemma);
    constexpr auto noun = static_cast<std::size_t>(WnPos::noun);
    if (e == nullptr || e->senses[noun] == 0) return false;
    const auto text = impl_->index[noun].text();
    const auto at = e->index_line[noun];
    const auto first = detail::index_line_first_offset(text.substr(at, std::min(text.find('\n', at), text.size()) - at));
    if (!first) return false;
    const auto word = detail::synset_word(impl_->synset_line(WnPos::noun, *first), lemma);
    return !word.empty() && word.front() >= 'A' && word.front() <= 'Z';
}

std::vector<Derivation> WordNet::derivations(std::string_view lemma, WnPos pos) const {
    std::vector<Derivation> out;
    for (const auto offset : impl_->synsets(lemma, pos)) {
        const auto synset = detail::parse_synset(impl_->synset_line(pos, offset));
        const auto word_no = synset.word_number(lemma);
        for (const auto& ptr : synset.pointers) {
            if (ptr.symbol != "+" || ptr.source != word_no) continue;
            const auto target = detail::parse_synset(impl_->synset_line(ptr.pos, ptr.offset));
            if (ptr.target == 0 || ptr.target > target.words.size()) continue;
            Derivation d{detail::lemma_of(target.words[ptr.target - 1]), ptr.pos};
            if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(std::move(d));
        }
    }
    return out;
}

std::string_view wn_pos_name(WnPos pos) noexcept {
    switch (pos) {
    case WnPos::noun: return "n";
    case WnPos::verb: return "v";
    case WnPos::adj: return "a";
    case WnPos::adv: return "r";
    }
    return "?";
}

std::string wn_key(std::string_view word) {
    std::string out(word);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == ' ') c = '_';
    }
    return out;
}

std::string default_wordnet_dir() {
    if (const char* env = std::getenv("WNSEARCHDIR"); env != nullptr && *env != '\0') return env;
    return "/usr/share/wordnet";
}

} // namespace annals
