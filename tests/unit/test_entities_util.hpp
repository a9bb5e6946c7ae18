#pragma once
// The resources the entity tests share, each loaded once per test binary.

#include "annals/entities/recognizer.hpp"
#include "annals/lexicon/lexicon.hpp"

#include <string>

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

} // namespace annals::test
