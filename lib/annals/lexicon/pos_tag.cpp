#include "annals/lexicon/pos_tag.hpp"

#include <array>

namespace annals {

namespace {
constexpr std::array<std::string_view, pos_tag_count> names = {
    "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS",
    "DT", "PDT", "IN", "CC", "CD", "PRP", "PRP$", "MD", "TO", "WDT", "WP", "WP$", "WRB", "EX", "POS", "RP",
    "UH", "FW", "SYM", "LS", ",", ".", ":", "(", ")", "``", "''", "$", "#"};
} // namespace

std::string_view pos_tag_name(PosTag tag) noexcept { return names[static_cast<std::size_t>(tag)]; }

std::optional<PosTag> parse_pos_tag(std::string_view name) noexcept {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<PosTag>(i);
    if (name == "-LRB-") return PosTag::lrb;
    if (name == "-RRB-") return PosTag::rrb;
    if (name == "\"") return PosTag::close_quote;
    return std::nullopt;
}

} // namespace annals
