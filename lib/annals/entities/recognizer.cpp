#include "annals/entities/recognizer.hpp"

#include "annals/entities/doc_view.hpp"

#include <algorithm>

namespace annals {

EntityRecognizer::EntityRecognizer(const std::string& data_dir, const std::vector<std::string>& dictionaries)
    : gaz_(Gazetteer::load(data_dir, dictionaries)), cues_(EntityCues::load(data_dir)) {}

void EntityRecognizer::recognize(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
                                 const Lexicon& lex, const std::vector<Timex>& timexes, std::vector<Entity>& entities,
                                 std::vector<Relation>& relations) const {
    if (tags.size() != seg.tokens.size()) return;
    std::vector<Span> times;
    times.reserve(timexes.size());
    for (const auto& t : timexes) times.push_back(t.span);
    std::sort(times.begin(), times.end());
    const detail::DocView doc(text, seg, tags, lex, gaz_, cues_, times);
    auto cands = detail::find_candidates(doc);
    detail::build_entities(doc, cands, entities, relations);
}

} // namespace annals
