// The documents of a graph as TimeML texts: their kept sentences, found timexes and events.
#include "annals/export/escape.hpp"
#include "annals/export/timeml.hpp"

#include <cctype>
#include <map>

namespace annals {
namespace {

struct Report {
    const VertexBundle* event;
    const EventSource* source;
};

/// What the graph holds of one document.
struct DocParts {
    std::map<std::size_t, std::pair<Span, std::string>> sentences; ///< by sentence number
    std::vector<Report> reports;
};

std::map<std::string, DocParts> collect(const KnowledgeGraph& kg) {
    std::map<std::string, DocParts> docs;
    const Graph& g = kg.graph();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        for (const EventSource& s : g[v].event_sources) {
            DocParts& d = docs[s.doc];
            if (!s.text.empty()) d.sentences.emplace(s.sentence, std::make_pair(s.sentence_span, s.text));
            d.reports.push_back({&g[v], &s});
        }
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            for (const Evidence& x : g[e].evidence)
                if (!x.text.empty()) docs[x.doc].sentences.emplace(x.sentence, std::make_pair(x.sentence_span, x.text));
    }
    return docs;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

/// Where `word` stands in `sentence` as a whole word, at or after `from`; npos if nowhere.
std::size_t find_word(const std::string& sentence, const std::string& word, std::size_t from) {
    if (word.empty()) return std::string::npos;
    for (std::size_t at = sentence.find(word, from); at != std::string::npos; at = sentence.find(word, at + 1)) {
        const bool left = at == 0 || !word_char(sentence[at - 1]);
        const std::size_t end = at + word.size();
        if (left && (end == sentence.size() || !word_char(sentence[end]))) return at;
    }
    return std::string::npos;
}

/// The trigger's span in the text: the first whole-word occurrence in its sentence not
/// taken by an earlier report of the same sentence.
std::optional<Span> place_trigger(const std::string& text, Span sentence, const std::string& trigger,
                                  std::vector<Span>& taken) {
    const std::string s = text.substr(sentence.begin, sentence.end - sentence.begin);
    const std::string word = xml_plain_text(trigger);
    for (std::size_t at = find_word(s, word, 0); at != std::string::npos; at = find_word(s, word, at + 1)) {
        const Span span{sentence.begin + at, sentence.begin + at + word.size()};
        if (std::find(taken.begin(), taken.end(), span) == taken.end()) {
            taken.push_back(span);
            return span;
        }
    }
    return std::nullopt;
}

TimemlText build(const DocInfo& info, const DocParts& parts, const TimexFinder& find_timexes, const EventClassOf& class_of) {
    TimemlText t{info.id, info.dct, info.title, {}, {}, {}};
    std::map<std::size_t, Span> placed; // sentence number -> span in the new text
    std::optional<std::size_t> last;
    for (const auto& [number, sentence] : parts.sentences) {
        if (last) t.text += number == *last + 1 ? " " : "\n\n";
        const std::size_t begin = t.text.size();
        t.text += xml_plain_text(sentence.second);
        placed[number] = Span{begin, t.text.size()};
        last = number;
    }
    t.timexes = find_timexes(Document{info.id, t.text, info.dct, info.title, info.url});
    std::vector<Span> taken;
    for (const Report& r : parts.reports) {
        const auto it = placed.find(r.source->sentence);
        if (it == placed.end()) continue;
        const auto trigger = place_trigger(t.text, it->second, r.source->trigger, taken);
        if (!trigger) continue;
        std::string cls = class_of ? class_of(r.event->type) : std::string();
        t.events.push_back(TimemlEvent{*trigger, it->second, cls.empty() ? "OCCURRENCE" : cls,
                                       r.source->modality == "negated", r.source->value, r.source->time_source});
    }
    std::sort(t.events.begin(), t.events.end(),
              [](const TimemlEvent& a, const TimemlEvent& b) { return a.trigger.begin < b.trigger.begin; });
    return t;
}

} // namespace

TimemlTexts timeml_texts(const KnowledgeGraph& kg, const TimexFinder& find_timexes, const EventClassOf& class_of) {
    const auto parts = collect(kg);
    TimemlTexts out;
    for (const auto& [id, info] : kg.documents) {
        const auto it = parts.find(id);
        if (it == parts.end()) continue;
        if (it->second.sentences.empty()) {
            ++out.without_text;
            continue;
        }
        out.documents.push_back(build(info, it->second, find_timexes, class_of));
    }
    return out;
}

} // namespace annals
