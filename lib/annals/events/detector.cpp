#include "annals/events/detector.hpp"

#include "annals/events/detector_detail.hpp"

#include <algorithm>

namespace annals {

namespace detail {

namespace {

bool capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

/// The first and last token of a byte span, or none when no token lies inside it.
std::pair<int, int> token_range(const Segmentation& seg, const Span& span) {
    const auto& toks = seg.tokens;
    const auto it = std::lower_bound(toks.begin(), toks.end(), span.begin,
                                     [](const Token& t, std::size_t b) { return t.span.end <= b; });
    int first = none, last = none;
    for (auto t = it; t != toks.end() && t->span.begin < span.end; ++t) {
        const int i = static_cast<int>(t - toks.begin());
        if (first == none) first = i;
        last = i;
    }
    return {first, last};
}

} // namespace

DocContext make_context(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
                        const Lexicon& lex, const std::vector<Entity>& entities, const std::vector<Timex>& timexes,
                        const std::optional<std::string>& dct, const WordFlagTable& flags) {
    DocContext doc;
    doc.text = text;
    doc.seg = &seg;
    doc.tags = &tags;
    doc.lex = &lex;
    doc.entities = &entities;
    doc.timexes = &timexes;
    if (dct && dct->size() >= 10) doc.dct = dct->substr(0, 10);
    // What ascii_lower gives, written branch-free so that the compiler vectorizes it: the
    // whole text is lowered once per document.
    doc.lower_text.assign(text);
    for (auto& c : doc.lower_text) c = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? ('a' - 'A') : 0));
    const auto n = seg.tokens.size();
    doc.entity_of.assign(n, none);
    doc.mention_first.assign(n, none);
    doc.name_end.assign(n, 0);
    doc.timex_of.assign(n, none);
    flags.token_flags(doc.lower_text, seg.tokens, tags, doc.word_flags);
    for (std::size_t e = 0; e < entities.size(); ++e)
        for (const auto& m : entities[e].mentions) {
            const auto [first, last] = token_range(seg, m.span);
            if (first == none) continue;
            for (int t = first; t <= last; ++t) {
                doc.entity_of[static_cast<std::size_t>(t)] = static_cast<int>(e);
                doc.mention_first[static_cast<std::size_t>(t)] = first;
            }
            // A capitalized name of several words stays whole in the parse.
            if (last > first && capitalized(m.text))
                doc.name_end[static_cast<std::size_t>(first)] = static_cast<std::uint32_t>(last + 1);
        }
    for (std::size_t x = 0; x < timexes.size(); ++x) {
        const auto [first, last] = token_range(seg, timexes[x].span);
        if (first == none) continue;
        for (int t = first; t <= last; ++t) doc.timex_of[static_cast<std::size_t>(t)] = static_cast<int>(x);
    }
    return doc;
}

} // namespace detail

EventDetector::EventDetector(const std::string& data_dir, const std::vector<std::string>& extra_triggers) {
    auto ontology = Ontology::load(data_dir);
    auto triggers = TriggerLexicon::load(ontology, data_dir, extra_triggers);
    auto cues = ModalityCues::load(data_dir);
    auto non_triggers = detail::NonTriggers::load(data_dir);
    res_ = std::make_unique<detail::EventResources>(
        detail::EventResources{std::move(ontology), std::move(triggers), std::move(cues), std::move(non_triggers), {}, {}});
    // The tokens' flags tell which words may start a cue or a terminator.
    for (const auto& c : res_->cues.cues()) {
        if (c.match_lemma) res_->flags.add_lemma(c.words.front(), detail::wf_lemma_cue);
        else res_->flags.add_form(c.words.front(), detail::wf_form_cue);
    }
    for (const auto& t : res_->cues.terminators()) res_->flags.add_form(t.words.front(), detail::wf_terminator);
    res_->types.reserve(res_->ontology.types().size());
    for (const auto& t : res_->ontology.types()) res_->types.push_back(detail::type_info(t));
}

EventDetector::~EventDetector() = default;
EventDetector::EventDetector(EventDetector&&) noexcept = default;
EventDetector& EventDetector::operator=(EventDetector&&) noexcept = default;

void EventDetector::detect(const EventInput& in, std::vector<Event>& events, std::vector<Relation>& relations) const {
    if (in.tags.size() != in.seg.tokens.size()) return;
    const auto doc = detail::make_context(in.text, in.seg, in.tags, in.lex, in.entities, in.timexes, in.dct, res_->flags);
    const detail::SyntaxInput syntax_in{in.text, &in.seg, &in.tags, &doc.name_end, &doc.word_flags};
    std::vector<detail::SentenceEvents> sentences(in.seg.sentences.size());
    for (std::size_t s = 0; s < in.seg.sentences.size(); ++s) {
        const auto& sent = in.seg.sentences[s];
        if (sent.first_token + sent.token_count > in.seg.tokens.size()) break;
        auto& se = sentences[s];
        se.sentence = s;
        se.syntax = detail::parse_sentence(syntax_in, sent);
        detail::find_mentions(doc, *res_, se);
        detail::assign_modality(doc, *res_, se);
    }
    auto found = detail::build_events(doc, *res_, sentences);
    std::vector<detail::MentionRef> refs;
    refs.reserve(found.size());
    for (const auto& s : sentences)
        for (std::size_t m = 0; m < s.mentions.size(); ++m) refs.push_back({s.sentence, static_cast<int>(m)});
    detail::assign_explicit_times(doc, sentences, refs, found);
    const auto heads = detail::coreference_heads(sentences, refs, found);
    detail::assign_other_times(doc, sentences, refs, heads, found);
    const auto first_new = relations.size();
    detail::merge_and_relate(doc, sentences, heads, found, relations);
    const std::size_t base = events.size();
    for (std::size_t i = 0; i < found.size(); ++i) found[i].id = "V" + std::to_string(base + i + 1);
    // An Event is large: take the whole vector when the caller's is empty (the usual case).
    if (events.empty()) {
        events = std::move(found);
    } else {
        events.reserve(base + found.size());
        for (auto& e : found) events.push_back(std::move(e));
    }
    // Relations name events by their position in `found`; turn those into ids.
    for (auto r = relations.begin() + static_cast<std::ptrdiff_t>(first_new); r != relations.end(); ++r)
        if (r->event && !r->event->empty() && r->event->front() == '#')
            r->event = "V" + std::to_string(base + std::stoul(r->event->substr(1)) + 1);
}

} // namespace annals
