#pragma once
/// A small tense detector for anchoring relative dates. It reads surface cues only
/// (auxiliaries, -ed forms, common irregular past forms); a part-of-speech tagger can
/// replace it behind the same function.

#include "annals/core/span.hpp"
#include "annals/text/segment.hpp"

#include <span>
#include <string_view>

namespace annals {

enum class Tense { unknown, past, present, future };

/// "unknown", "past", "present", "future".
[[nodiscard]] const char* tense_name(Tense t) noexcept;

/// The tense of the verb group that most likely governs the words at `at`, read from the
/// tokens of its sentence (`sentence` indexes into `text`): the nearest cue wins, cues
/// after `at` and reporting verbs (said, told) count as farther away. Future: will, 'll,
/// shall, would, going to, plans to, expected to, scheduled to, set to. Past: had, was,
/// were, did, has/have + participle, -ed forms, common irregular past forms. Present: is,
/// are, am, has, have, does. Pure function, thread-safe.
[[nodiscard]] Tense governing_tense(std::string_view text, std::span<const Token> sentence, Span at);

} // namespace annals
