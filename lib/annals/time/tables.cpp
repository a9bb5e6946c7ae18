#include "annals/time/tables.hpp"

#include <atomic>

#include "annals/core/error.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>

namespace annals::detail {
namespace {

constexpr std::array<std::string_view, cls_count> cls_names = {
    "MONTH", "WEEKDAY", "WEEKDAYS", "NUMW", "NUMMUL", "ORD", "QVAGUE", "UNIT", "UNITS", "SEASON", "POD",
    "AMPM", "TZ", "CLOSED", "LABEL", "TITLEHEAD", "REL", "RELOFF", "QN", "HN", "DECADEW", "ORD4",
    "QUANTLIKE", "MONTHPREV", "DEADLINE", "INT", "DEC", "ORDNUM", "YEAR", "CLOCK", "ISODATE", "SLASHDATE", "DECADE",
    "YEARSPAN", "CONTENT", "NUM", "NUMA", "HOUR", "DAY", "ORDX", "UNITX", "YEARW",
};

constexpr std::array<std::string_view, 8> word_files = {
    "months.tsv", "weekdays.tsv", "numbers.tsv", "units.tsv",
    "seasons_daytimes.tsv", "clock.tsv", "context.tsv", "relative.tsv",
};

constexpr std::string_view words_format = "# format: annals.time.words/1";
constexpr std::string_view rules_format = "# format: annals.time.rules/1";
constexpr std::size_t max_flats_per_rule = 20000;

std::optional<Cls> cls_by_name(std::string_view name) {
    for (std::size_t i = 0; i < cls_count; ++i)
        if (cls_names[i] == name) return static_cast<Cls>(i);
    return std::nullopt;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            if (sep != ' ' || i > b) out.emplace_back(s.substr(b, i - b));
            b = i + 1;
        }
    return out;
}

bool is_upper_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

/// Reads a table file: checks the format line, returns the data rows with their line numbers.
std::vector<std::pair<std::size_t, std::string>> read_rows(const std::string& path, std::string_view format) {
    std::ifstream in(path);
    if (!in) throw Error(Errc::io, path, "cannot open the time table");
    std::vector<std::pair<std::size_t, std::string>> rows;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (n == 1 && line != format)
            throw Error(Errc::bad_data, path + ":1", "expected '" + std::string(format) + "'");
        if (line.empty() || line[0] == '#') continue;
        rows.emplace_back(n, line);
    }
    if (n == 0) throw Error(Errc::bad_data, path, "empty file");
    return rows;
}

/// The word classes a composed class starts with, for the index.
std::uint64_t start_classes(std::uint64_t classes) {
    std::uint64_t out = classes;
    const auto has = [&](Cls c) { return (classes & cls_bit(c)) != 0; };
    if (has(Cls::NUM) || has(Cls::NUMA)) out |= cls_bit(Cls::INT) | cls_bit(Cls::DEC) | cls_bit(Cls::NUMW);
    if (has(Cls::HOUR)) out |= cls_bit(Cls::INT) | cls_bit(Cls::NUMW);
    if (has(Cls::DAY)) out |= cls_bit(Cls::INT) | cls_bit(Cls::ORDNUM) | cls_bit(Cls::ORD);
    if (has(Cls::ORDX)) out |= cls_bit(Cls::ORDNUM) | cls_bit(Cls::ORD);
    if (has(Cls::UNITX)) out |= cls_bit(Cls::UNIT) | cls_bit(Cls::UNITS);
    if (has(Cls::YEARW)) out |= cls_bit(Cls::NUMW);
    return out;
}

// ---- pattern compilation: tokens -> flat sequences of items (elements and [ ] markers)

struct Item {
    Elem elem;
    int marker = 0; ///< 0: element; 1: '['; 2: ']'
};
using Seq = std::vector<Item>;

class PatternCompiler {
public:
    PatternCompiler(TimeTables& t, std::string where) : t_(t), where_(std::move(where)) {}

    std::vector<Seq> compile(const std::vector<std::string>& tokens) {
        pos_ = 0;
        toks_ = &tokens;
        auto out = parse_alt();
        if (pos_ != tokens.size()) fail("unbalanced ')' in pattern");
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& msg) const { throw Error(Errc::bad_data, where_, msg); }

    std::vector<Seq> parse_alt() {
        std::vector<Seq> all = parse_seq();
        while (pos_ < toks_->size() && (*toks_)[pos_] == "|") {
            ++pos_;
            auto more = parse_seq();
            all.insert(all.end(), more.begin(), more.end());
        }
        return all;
    }

    std::vector<Seq> parse_seq() {
        std::vector<Seq> acc{Seq{}};
        while (pos_ < toks_->size()) {
            const std::string& tok = (*toks_)[pos_];
            if (tok == "|" || tok == ")" || tok == ")?") break;
            ++pos_;
            std::vector<Seq> piece;
            bool optional = false;
            if (tok == "(") {
                piece = parse_alt();
                if (pos_ >= toks_->size()) fail("missing ')' in pattern");
                optional = (*toks_)[pos_] == ")?";
                ++pos_;
            } else if (tok == "[" || tok == "]") {
                Item it;
                it.marker = tok == "[" ? 1 : 2;
                piece.push_back(Seq{it});
            } else {
                std::string_view body = tok;
                if (body.size() > 1 && body.back() == '?') {
                    optional = true;
                    body.remove_suffix(1);
                }
                piece.push_back(Seq{Item{element(body), 0}});
            }
            if (optional) piece.push_back(Seq{});
            std::vector<Seq> next;
            for (const auto& a : acc)
                for (const auto& b : piece) {
                    Seq s = a;
                    s.insert(s.end(), b.begin(), b.end());
                    next.push_back(std::move(s));
                }
            if (next.size() > max_flats_per_rule) fail("pattern expands to too many alternatives");
            acc = std::move(next);
        }
        return acc;
    }

    Elem element(std::string_view tok) {
        Elem e;
        if (!tok.empty() && tok[0] == '!') {
            e.negative = true;
            tok.remove_prefix(1);
        }
        for (const auto& part : split(tok, '|')) {
            if (part.empty()) fail("empty alternative in '" + std::string(tok) + "'");
            if (is_upper_name(part)) {
                const auto c = cls_by_name(part);
                if (!c) fail("unknown class " + part);
                e.classes |= cls_bit(*c);
            } else {
                e.literals.push_back(literal_id(part));
            }
        }
        e.start = start_classes(e.classes);
        e.starts_with_a = (e.classes & (cls_bit(Cls::NUMA) | cls_bit(Cls::NUM))) != 0;
        return e;
    }

    int literal_id(const std::string& word) {
        auto& info = t_.words[word];
        if (info.literal < 0) {
            info.literal = static_cast<int>(t_.literal_names.size());
            t_.literal_names.push_back(word);
        }
        return info.literal;
    }

    TimeTables& t_;
    std::string where_;
    const std::vector<std::string>* toks_ = nullptr;
    std::size_t pos_ = 0;
};

std::vector<TemplatePart> compile_template(std::string_view v, const std::string& where) {
    std::vector<TemplatePart> parts;
    if (v == "-") return parts;
    std::size_t i = 0;
    while (i < v.size()) {
        if (v[i] == '{') {
            const auto close = v.find('}', i);
            if (close == std::string_view::npos) throw Error(Errc::bad_data, where, "unclosed '{' in value");
            const auto c = cls_by_name(v.substr(i + 1, close - i - 1));
            if (!c) throw Error(Errc::bad_data, where, "unknown class in value: " + std::string(v.substr(i, close - i + 1)));
            parts.push_back({{}, static_cast<int>(*c)});
            i = close + 1;
        } else {
            const auto open = std::min(v.find('{', i), v.size());
            parts.push_back({std::string(v.substr(i, open - i)), -1});
            i = open;
        }
    }
    return parts;
}

RuleType rule_type(std::string_view s, const std::string& where) {
    if (s == "DATE") return RuleType::date;
    if (s == "TIME") return RuleType::time;
    if (s == "DURATION") return RuleType::duration;
    if (s == "SET") return RuleType::set;
    if (s == "NONE") return RuleType::none;
    throw Error(Errc::bad_data, where, "unknown type " + std::string(s));
}

/// Elem's operator==, with the one-word fields first and the literals compared in a loop: the
/// root of the trie has many children, and each new pattern is compared with them.
bool same_elem(const Elem& a, const Elem& b) {
    if (a.classes != b.classes || a.negative != b.negative || a.start != b.start || a.starts_with_a != b.starts_with_a ||
        a.literals.size() != b.literals.size())
        return false;
    for (std::size_t i = 0; i < a.literals.size(); ++i)
        if (a.literals[i] != b.literals[i]) return false;
    return true;
}

void add_flat(TimeTables& t, std::uint32_t rule, const Seq& seq, const std::string& where) {
    FlatPattern f;
    f.rule = rule;
    int part = seq.end() != std::find_if(seq.begin(), seq.end(), [](const Item& i) { return i.marker == 1; }) ? 0 : 1;
    for (const auto& it : seq) {
        if (it.marker == 1) { part = 1; continue; }
        if (it.marker == 2) { part = 2; continue; }
        (part == 0 ? f.before : part == 1 ? f.body : f.after).push_back(it.elem);
    }
    if (f.body.empty()) return; // an all-optional pattern's empty expansion
    for (const auto& e : f.body)
        if (e.negative) throw Error(Errc::bad_data, where, "a negative element must be outside [ ]");
    const auto id = static_cast<std::uint32_t>(t.flats.size());
    if (t.trie.empty()) t.trie.emplace_back();
    std::uint32_t node = 0;
    bool fresh_root_child = false;
    for (std::size_t k = 0; k < f.body.size(); ++k) {
        const auto& kids = t.trie[node].children;
        const auto it = std::find_if(kids.begin(), kids.end(), [&](std::uint32_t c) { return same_elem(t.trie[c].elem, f.body[k]); });
        if (it != kids.end()) {
            node = *it;
            continue;
        }
        const auto child = static_cast<std::uint32_t>(t.trie.size());
        TrieNode fresh;
        fresh.elem = f.body[k];
        t.trie.push_back(std::move(fresh));
        t.trie[node].children.push_back(child);
        if (node == 0) fresh_root_child = true;
        node = child;
    }
    t.trie[node].flats.push_back(id);
    t.flats.push_back(std::move(f));
    if (!fresh_root_child) return;
    const auto root_child = t.trie[0].children.back();
    const Elem& first = t.trie[root_child].elem;
    auto index_literal = [&](int lit) {
        if (lit < 0) return;
        if (t.by_literal.size() <= static_cast<std::size_t>(lit)) t.by_literal.resize(static_cast<std::size_t>(lit) + 1);
        t.by_literal[static_cast<std::size_t>(lit)].push_back(root_child);
    };
    for (int lit : first.literals) index_literal(lit);
    if (first.classes & (cls_bit(Cls::NUMA) | cls_bit(Cls::NUM))) // "a" for one, and in "a dozen"
        for (const char* w : {"a", "an"}) index_literal(t.words[w].literal);
    const auto starts = start_classes(first.classes);
    for (std::size_t c = 0; c < cls_count; ++c)
        if (starts & (std::uint64_t{1} << c)) t.by_class[c].push_back(root_child);
}

void load_words(TimeTables& t, const std::string& path) {
    for (const auto& [n, line] : read_rows(path, words_format)) {
        const std::string where = path + ":" + std::to_string(n);
        const auto cols = split(line, '\t');
        if (cols.size() < 3 || cols.size() > 4 || cols[0].empty())
            throw Error(Errc::bad_data, where, "expected word<TAB>class<TAB>value[<TAB>flags]");
        const auto c = cls_by_name(cols[1]);
        if (!c || *c >= first_shape_cls) throw Error(Errc::bad_data, where, "unknown word class " + cols[1]);
        if (cols.size() == 4 && cols[3] != "ambiguous") throw Error(Errc::bad_data, where, "unknown flag " + cols[3]);
        if (std::any_of(cols[0].begin(), cols[0].end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
            throw Error(Errc::bad_data, where, "words are lower case");
        auto& info = t.words[cols[0]];
        if (info.classes & cls_bit(*c)) continue; // the same word listed twice for a class
        info.entries.push_back({*c, cols.size() == 4, cols[2]});
        info.ambiguous = info.ambiguous || cols.size() == 4;
        info.classes |= cls_bit(*c);
    }
}

void load_rules(TimeTables& t, const std::string& path) {
    std::map<std::string, std::string> macros;
    for (const auto& [n, line] : read_rows(path, rules_format)) {
        const std::string where = path + ":" + std::to_string(n);
        const auto cols = split(line, '\t');
        if (cols.size() == 2 && cols[0].size() > 1 && cols[0][0] == '@') {
            macros[cols[0]] = cols[1];
            continue;
        }
        if (cols.size() != 4) throw Error(Errc::bad_data, where, "expected name<TAB>type<TAB>pattern<TAB>value");
        std::vector<std::string> tokens;
        for (auto& tok : split(cols[2], ' ')) {
            if (tok[0] != '@') { tokens.push_back(tok); continue; }
            const bool opt = tok.size() > 1 && tok.back() == '?';
            const auto m = macros.find(opt ? tok.substr(0, tok.size() - 1) : tok);
            if (m == macros.end()) throw Error(Errc::bad_data, where, "unknown macro " + tok);
            tokens.emplace_back("(");
            for (auto& mt : split(m->second, ' ')) tokens.push_back(mt);
            tokens.emplace_back(opt ? ")?" : ")");
        }
        Rule r;
        r.name = cols[0];
        r.type = rule_type(cols[1], where);
        r.value = compile_template(cols[3], where);
        r.source = where;
        const auto rule_id = static_cast<std::uint32_t>(t.rules.size());
        t.rules.push_back(std::move(r));
        PatternCompiler pc(t, where);
        for (const auto& seq : pc.compile(tokens)) add_flat(t, rule_id, seq, where);
    }
}

} // namespace

std::string_view cls_name(Cls c) noexcept { return cls_names[static_cast<std::size_t>(c)]; }

const WordInfo* TimeTables::find_unindexed(std::string_view lower) const {
    const auto it = words.find(lower);
    return it == words.end() ? nullptr : &it->second;
}

void TimeTables::build_index() {
    std::size_t n = 16;
    while (n < words.size() * 4) n *= 2;
    slots.assign(n, Slot{});
    slot_mask = n - 1;
    for (const auto& [key, info] : words) {
        const std::size_t hash = StringHash{}(key);
        std::size_t i = hash & slot_mask;
        while (slots[i].info) i = (i + 1) & slot_mask;
        slots[i] = Slot{key, &info, hash, head_of(key)};
    }
}

void TimeTables::build_child_dispatch() {
    for (auto& node : trie) {
        node.child_literals.clear();
        node.child_starts.clear();
        node.any_child_start = 0;
        for (std::uint32_t k = 0; k < node.children.size(); ++k) {
            const Elem& e = trie[node.children[k]].elem;
            for (const int lit : e.literals) node.child_literals.emplace_back(lit, k);
            if (e.starts_with_a)
                for (const int lit : {literal_a, literal_an})
                    if (lit >= 0) node.child_literals.emplace_back(lit, k);
            if (e.start) node.child_starts.emplace_back(e.start, k);
            node.any_child_start |= e.start;
        }
        node.single_word = (node.elem.classes >> static_cast<unsigned>(first_composed_cls)) == 0;
        std::sort(node.child_literals.begin(), node.child_literals.end());
        node.child_literals.erase(std::unique(node.child_literals.begin(), node.child_literals.end()), node.child_literals.end());
    }
}

std::shared_ptr<const TimeTables> load_time_tables(const std::string& dir) {
    auto t = std::make_shared<TimeTables>();
    static std::atomic<std::uint64_t> loaded{0};
    t->serial = ++loaded;
    for (const auto f : word_files) load_words(*t, dir + "/" + std::string(f));
    // "a" and "an" stand for one in NUMA; register them before the rules are indexed.
    for (const char* w : {"a", "an"}) {
        auto& info = t->words[w];
        if (info.literal < 0) {
            info.literal = static_cast<int>(t->literal_names.size());
            t->literal_names.emplace_back(w);
        }
    }
    t->literal_a = t->words["a"].literal;
    t->literal_an = t->words["an"].literal;
    load_rules(*t, dir + "/rules.tsv");
    t->by_literal.resize(t->literal_names.size());
    t->build_index();
    t->build_child_dispatch();
    for (std::size_t c = 0; c < cls_count; ++c)
        if (!t->by_class[c].empty()) t->starting_classes |= std::uint64_t{1} << c;
    return t;
}

} // namespace annals::detail
