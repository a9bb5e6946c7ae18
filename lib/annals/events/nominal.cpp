#include "annals/events/nominal.hpp"

#include "annals/events/word_map.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace annals::detail {

namespace {

bool eventive_file(std::string_view f) {
    return f == "noun.act" || f == "noun.event" || f == "noun.process" || f == "noun.phenomenon";
}

NounFacts compute(const Lexicon& lex, std::string_view lemma) {
    NounFacts f;
    const auto& wn = lex.wordnet();
    const auto key = wn_key(lemma);
    const auto files = wn.sense_lexicographer_files(key, WnPos::noun);
    if (files.empty()) return f;
    f.known = true;
    f.first_lexfile = files.front();
    f.person = files.front() == "noun.person";
    f.group = files.front() == "noun.group";
    f.location = files.front() == "noun.location";
    f.state = files.front() == "noun.state";
    const auto eventive = static_cast<double>(std::count_if(files.begin(), files.end(), eventive_file));
    const double share = eventive / static_cast<double>(files.size());
    // A first sense among states and phenomena ("crisis", "chaos", "weather") names a condition
    // rather than an occurrence.
    f.maybe_event = files.front() == "noun.act" || files.front() == "noun.event" || files.front() == "noun.process";
    if (!f.maybe_event) return f;
    // A nominalization (it has a verb among its derivations) whose senses are mostly events
    // names an event; a noun all of whose senses are events does too. Derivations cost tens
    // of thousands of instructions a word: asked only when the share leaves the answer open.
    if (share >= 0.99 || share < 0.5) {
        f.event = share >= 0.99;
        return f;
    }
    bool deverbal = false;
    for (const auto& d : wn.derivations(key, WnPos::noun))
        if (d.pos == WnPos::verb) {
            deverbal = true;
            break;
        }
    f.event = (deverbal && share >= 0.5) || share >= 0.99;
    return f;
}

/// Answers per lemma for one lexicon, kept by a thread from document to document. Lemmas of
/// up to 16 bytes (nearly all) are probed as packed words, which costs a third of hashing a
/// string and comparing it through memcmp; longer ones go to a map.
template <class V>
class LemmaCache {
public:
    template <class F>
    V get(const Lexicon& lex, std::string_view key, F&& make) {
        if (lex.id() != lexicon_id_ || long_.size() > max_long) {
            short_.clear();
            long_.clear();
            lexicon_id_ = lex.id();
        }
        if (ShortWord w; ShortWord::pack(key, w)) return short_.get(w, make);
        if (const auto it = long_.find(key); it != long_.end()) return it->second;
        return long_.emplace(std::string(key), make()).first->second;
    }

private:
    static constexpr std::size_t max_long = 200000;
    std::uint64_t lexicon_id_ = 0;
    ShortWordMemo<V> short_;
    WordMap<V> long_;
};

} // namespace

NounFacts noun_facts(const Lexicon& lex, std::string_view lemma) {
    thread_local LemmaCache<NounFacts> cache;
    return cache.get(lex, lemma, [&] { return compute(lex, lemma); });
}

bool noun_has_hypernym(const Lexicon& lex, std::string_view lemma, std::string_view ancestor) {
    thread_local LemmaCache<bool> cache;
    thread_local std::string key;
    key.assign(lemma);
    key += '\t';
    key += ancestor;
    return cache.get(lex, key, [&] { return lex.wordnet().has_hypernym(wn_key(lemma), wn_key(ancestor)); });
}

} // namespace annals::detail
