#pragma once
// The resources the entity tests share, each loaded once per test binary.

#include "annals/entities/recognizer.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"

#include <string>
#include <vector>

namespace annals::test {

inline const std::string kEntitiesDataDir = ANNALS_SOURCE_DIR "/lib/data";

inline const Lexicon& entities_lexicon() {
    static const Lexicon lex(LexiconOptions{kEntitiesDataDir, {}});
    return lex;
}

inline const EntityRecognizer& entities_recognizer() {
    static const EntityRecognizer r(kEntitiesDataDir);
    return r;
}

/// The entities of `text` after every stage before them (document time 2031-05-14).
inline std::vector<Entity> recognized_entities(const std::string& text) {
    static const TimeTagger time(kEntitiesDataDir);
    const auto seg = segment(text);
    const auto tags = tag(text, seg, entities_lexicon());
    std::vector<Diagnostic> diags;
    const auto timexes = time.tag(text, seg, std::string("2031-05-14"), TimeMode::news, diags);
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    entities_recognizer().recognize(text, seg, tags, entities_lexicon(), timexes, entities, relations);
    return entities;
}

} // namespace annals::test
