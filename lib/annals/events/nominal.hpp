#pragma once
/// What WordNet says about a common noun, as the event stage asks it: whether it names an event
/// (after EVITA: nouns whose senses lie mostly under acts, events, processes and phenomena and
/// that derive from a verb), and what kind of thing it names. Internal to the event stage.

#include "annals/lexicon/lexicon.hpp"

#include <string_view>

namespace annals::detail {

struct NounFacts {
    bool event = false;        ///< most of its senses are events and it derives from a verb
    bool maybe_event = false;  ///< its first sense is an event (weaker evidence)
    bool person = false;       ///< first sense under noun.person ("minister", "fighters")
    bool group = false;        ///< first sense under noun.group ("coalition", "forces")
    bool location = false;     ///< first sense under noun.location ("province", "region")
    bool state = false;        ///< first sense under noun.state ("crisis", "chaos")
    bool known = false;        ///< WordNet lists it as a noun
    std::string_view first_lexfile; ///< "noun.act", ...; empty when unknown
};

/// The facts of a lower-case noun lemma. Answers are cached per thread (WordNet's synset lines
/// are parsed on the first question only). Thread-safe.
[[nodiscard]] NounFacts noun_facts(const Lexicon& lex, std::string_view lemma);

/// Whether one of the first three noun senses of `lemma` lies under `ancestor` (cached per
/// thread). Thread-safe.
[[nodiscard]] bool noun_has_hypernym(const Lexicon& lex, std::string_view lemma, std::string_view ancestor);

} // namespace annals::detail
