#pragma once
/// The hash maps the event stage's word lists are indexed by. Internal to the event stage.

#include "annals/core/word_index.hpp"

#include <functional>
#include <string>
#include <unordered_map>

namespace annals::detail {

/// A map from a word (or a phrase) to what a list says of it. Nothing iterates it in an order
/// that reaches the output.
template <class V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

} // namespace annals::detail
