#include "annals/text/segment_lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

// These lists are compiled in rather than read from lib/data: they are facts of English
// orthography, small and stable, and keeping them in code leaves segment() a pure function
// with no data folder to find. Each table is sorted (checked at compile time) and searched
// by binary search.

namespace annals::detail {
namespace {

using C = AbbrevClass;

constexpr std::pair<std::string_view, AbbrevClass> kAbbreviations[] = {
    {"Adm", C::title}, {"Ala", C::postfix}, {"Amb", C::title}, {"Apr", C::month}, {"Apt", C::number},
    {"Ariz", C::postfix}, {"Ark", C::postfix}, {"Art", C::number}, {"Arts", C::number}, {"Assn", C::postfix},
    {"Atty", C::title}, {"Aug", C::month}, {"Ave", C::postfix}, {"Blvd", C::postfix}, {"Brig", C::title},
    {"Bros", C::postfix}, {"Calif", C::postfix}, {"Capt", C::title}, {"Cdr", C::title}, {"Ch", C::number},
    {"Cmdr", C::title}, {"Co", C::postfix}, {"Col", C::title}, {"Colo", C::postfix}, {"Cols", C::title},
    {"Cong", C::title}, {"Conn", C::postfix}, {"Corp", C::postfix}, {"Cos", C::postfix}, {"Cpl", C::title},
    {"Dec", C::month}, {"Del", C::postfix}, {"Dept", C::postfix}, {"Det", C::title}, {"Dist", C::postfix},
    {"Dr", C::title}, {"Drs", C::title}, {"Esq", C::postfix}, {"Feb", C::month}, {"Fig", C::number},
    {"Figs", C::number}, {"Fla", C::postfix}, {"Fr", C::title}, {"Ft", C::title}, {"Ga", C::postfix},
    {"Gen", C::title}, {"Gens", C::title}, {"Gov", C::title}, {"Govs", C::title}, {"Govt", C::postfix},
    {"Hon", C::title}, {"Hwy", C::postfix}, {"Ill", C::postfix}, {"Inc", C::postfix}, {"Ind", C::postfix},
    {"Insp", C::title}, {"Intl", C::postfix}, {"Jan", C::month}, {"Jr", C::postfix}, {"Jul", C::month},
    {"Jun", C::month}, {"Kan", C::postfix}, {"Kans", C::postfix}, {"Ky", C::postfix}, {"La", C::postfix},
    {"Lt", C::title}, {"Ltd", C::postfix}, {"Maj", C::title}, {"Mar", C::month}, {"Mass", C::postfix},
    {"Md", C::postfix}, {"Messrs", C::title}, {"Mfg", C::postfix}, {"Mich", C::postfix},
    {"Minn", C::postfix}, {"Miss", C::postfix}, {"Mlle", C::title}, {"Mme", C::title}, {"Mmes", C::title},
    {"Mo", C::postfix}, {"Mont", C::postfix}, {"Mr", C::title}, {"Mrs", C::title}, {"Ms", C::title},
    {"Msgr", C::title}, {"Mt", C::title}, {"Mx", C::title}, {"Natl", C::postfix}, {"Neb", C::postfix},
    {"Nebr", C::postfix}, {"Nev", C::postfix}, {"No", C::number}, {"Nos", C::number}, {"Nov", C::month},
    {"Oct", C::month}, {"Okla", C::postfix}, {"Ore", C::postfix}, {"Pa", C::postfix}, {"Para", C::number},
    {"Pkwy", C::postfix}, {"Pres", C::title}, {"Prof", C::title}, {"Profs", C::title}, {"Pt", C::title},
    {"Pvt", C::title}, {"Rd", C::postfix}, {"Rep", C::title}, {"Reps", C::title}, {"Rev", C::title},
    {"Rt", C::title}, {"Rte", C::number}, {"Sec", C::title}, {"Secs", C::title}, {"Sen", C::title},
    {"Sens", C::title}, {"Sep", C::month}, {"Sept", C::month}, {"Sgt", C::title}, {"Spc", C::title},
    {"Sr", C::postfix}, {"St", C::title}, {"Sta", C::title}, {"Ste", C::title}, {"Supt", C::title},
    {"Tenn", C::postfix}, {"Tex", C::postfix}, {"Twp", C::postfix}, {"Univ", C::postfix}, {"Va", C::postfix},
    {"Vol", C::number}, {"Vols", C::number}, {"Vt", C::postfix}, {"Wash", C::postfix}, {"Wis", C::postfix},
    {"Wyo", C::postfix}, {"al", C::final_}, {"approx", C::title}, {"ca", C::title}, {"cf", C::title},
    {"e.g", C::title}, {"etc", C::final_}, {"i.e", C::title}, {"no", C::number}, {"p", C::number}, {"pp", C::number},
    {"v", C::title}, {"viz", C::title}, {"vs", C::title},
};

constexpr std::string_view kSentenceStarters[] = {
    "A", "About", "According", "Across", "After", "Again", "Against", "All", "Already", "Also", "Although",
    "Among", "An", "And", "Another", "Any", "Anyone", "Are", "As", "At", "Because", "Before", "Both", "But",
    "By", "Can", "Could", "Despite", "Did", "Do", "Does", "During", "Each", "Earlier", "Either", "Even",
    "Every", "Few", "For", "From", "Had", "Has", "Have", "He", "Her", "Here", "Hers", "His", "How",
    "However", "I", "If", "In", "Indeed", "Instead", "Is", "It", "Its", "Just", "Last", "Later", "Many",
    "Meanwhile", "More", "Moreover", "Most", "Much", "My", "Neither", "Never", "Nevertheless", "No", "None",
    "Nor", "Not", "Nothing", "Now", "Of", "On", "Once", "One", "Only", "Or", "Other", "Others", "Our",
    "Over", "Perhaps", "Several", "She", "Should", "Since", "So", "Some", "Still", "Such", "That", "The",
    "Their", "Then", "There", "Therefore", "These", "They", "This", "Those", "Though", "Thus", "To", "Today",
    "Under", "Unlike", "Until", "We", "Were", "What", "When", "Where", "Whether", "Which", "While", "Who",
    "Whom", "Why", "Will", "With", "Within", "Without", "Would", "Yesterday", "Yet", "You", "Your",
};

constexpr std::string_view kFunctionWords[] = {
    "a", "about", "above", "after", "against", "all", "along", "also", "amid", "among", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "during", "each", "either", "for", "from", "had", "has", "have",
    "having", "her", "his", "if", "in", "including", "into", "is", "its", "may", "might", "more", "most",
    "must", "my", "neither", "no", "nor", "not", "of", "on", "onto", "or", "our", "over", "per", "said",
    "says", "shall", "should", "since", "so", "some", "such", "than", "that", "the", "their", "then",
    "these", "this", "those", "through", "to", "toward", "towards", "under", "until", "upon", "very", "via",
    "was", "were", "when", "where", "whether", "which", "while", "who", "whom", "whose", "will", "with",
    "within", "without", "would",
};

constexpr std::string_view kTitleSmallWords[] = {
    "a", "about", "after", "against", "amid", "an", "and", "as", "at", "but", "by", "for", "from", "in",
    "into", "nor", "of", "off", "on", "onto", "or", "out", "over", "per", "the", "to", "up", "via", "vs",
    "with",
};

constexpr bool by_key(const std::pair<std::string_view, AbbrevClass>& a,
                      const std::pair<std::string_view, AbbrevClass>& b) {
    return a.first < b.first;
}
static_assert(std::is_sorted(std::begin(kAbbreviations), std::end(kAbbreviations), by_key));
static_assert(std::is_sorted(std::begin(kSentenceStarters), std::end(kSentenceStarters)));
static_assert(std::is_sorted(std::begin(kFunctionWords), std::end(kFunctionWords)));
static_assert(std::is_sorted(std::begin(kTitleSmallWords), std::end(kTitleSmallWords)));

template <std::size_t N>
bool contains(const std::string_view (&table)[N], std::string_view w) noexcept {
    return std::binary_search(std::begin(table), std::end(table), w);
}

// Bit n of entry c: some abbreviation starts with byte c and has n bytes. The title-case
// lookup of an ALL-CAPS word keeps its first byte and length, so one test turns away nearly
// every word before the binary search: this runs on every word that a period follows.
constexpr std::array<std::uint32_t, 128> kAbbrevShapes = [] {
    std::array<std::uint32_t, 128> t{};
    for (const auto& [w, cls] : kAbbreviations) t[static_cast<unsigned char>(w[0])] |= std::uint32_t{1} << w.size();
    return t;
}();
static_assert(std::all_of(std::begin(kAbbreviations), std::end(kAbbreviations),
                          [](const auto& e) { return !e.first.empty() && e.first.size() < 32 && e.first[0] > 0; }));

bool may_be_abbreviation(std::string_view w) noexcept {
    if (w.empty() || w.size() >= 32) return false;
    const auto c = static_cast<unsigned char>(w[0]);
    return c < 128 && (kAbbrevShapes[c] >> w.size() & 1U) != 0;
}

AbbrevClass find_abbreviation(std::string_view w) noexcept {
    const auto* it = std::lower_bound(std::begin(kAbbreviations), std::end(kAbbreviations), w,
                                      [](const auto& e, std::string_view k) { return e.first < k; });
    return it != std::end(kAbbreviations) && it->first == w ? it->second : AbbrevClass::none;
}

bool is_all_caps(std::string_view w) noexcept {
    if (w.size() < 2) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
}

// "MR" -> "Mr", "THE" -> "The": the title-case form of an ASCII ALL-CAPS word that fits in
// `buf`; empty when it does not fit.
std::string_view title_case(std::string_view w, std::array<char, 16>& buf) noexcept {
    if (w.size() > buf.size()) return {};
    for (std::size_t i = 0; i < w.size(); ++i)
        buf[i] = i == 0 || w[i] < 'A' || w[i] > 'Z' ? w[i] : static_cast<char>(w[i] - 'A' + 'a');
    return {buf.data(), w.size()};
}

} // namespace

AbbrevClass abbreviation_class(std::string_view word) noexcept {
    if (!may_be_abbreviation(word)) return AbbrevClass::none;
    const auto c = find_abbreviation(word);
    if (c != AbbrevClass::none || !is_all_caps(word)) return c;
    std::array<char, 16> buf{};
    return find_abbreviation(title_case(word, buf));
}

bool is_sentence_starter(std::string_view word) noexcept {
    if (contains(kSentenceStarters, word)) return true;
    if (!is_all_caps(word)) return false;
    std::array<char, 16> buf{};
    return contains(kSentenceStarters, title_case(word, buf));
}

bool is_function_word(std::string_view word) noexcept { return contains(kFunctionWords, word); }

bool is_title_small_word(std::string_view word) noexcept { return contains(kTitleSmallWords, word); }

} // namespace annals::detail
