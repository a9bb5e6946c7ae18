#pragma once
/// What the parts of the event stage share while they work on one document. Internal.

#include "annals/entities/entity.hpp"
#include "annals/events/event.hpp"
#include "annals/events/modality_cues.hpp"
#include "annals/events/non_triggers.hpp"
#include "annals/events/ontology.hpp"
#include "annals/events/syntax.hpp"
#include "annals/events/trigger_lexicon.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/time/timex.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annals::detail {

/// The document as the event stage reads it, with token-level indexes of entities and timexes.
struct DocContext {
    std::string_view text;
    const Segmentation* seg = nullptr;
    const std::vector<TaggedToken>* tags = nullptr;
    const Lexicon* lex = nullptr;
    const std::vector<Entity>* entities = nullptr;
    const std::vector<Timex>* timexes = nullptr;
    std::optional<std::string> dct;                ///< YYYY-MM-DD, when known
    std::vector<int> entity_of;                    ///< per token: entity index, or none
    std::vector<int> mention_first;                ///< per token: first token of its mention, or none
    std::vector<std::uint32_t> name_end;           ///< per token: end of the capitalized name starting there
    std::vector<int> timex_of;                     ///< per token: timex index, or none
    std::vector<std::uint32_t> word_flags;         ///< per token: WordFlagTable::flags(form, lemma)
    /// The text in lower case (ASCII letters only, so every token span holds): form() reads
    /// it, where lower-casing a copy of each word would cost an allocation per token.
    std::string lower_text;

    [[nodiscard]] PosTag tag(std::uint32_t i) const noexcept { return (*tags)[i].tag; }
    [[nodiscard]] const std::string& lemma(std::uint32_t i) const noexcept { return (*tags)[i].lemma; }
    [[nodiscard]] std::string_view word(std::uint32_t i) const noexcept { return seg->tokens[i].span.of(text); }
    /// The lower-case text of token `i` (what ascii_lower(word(i)) gives).
    [[nodiscard]] std::string_view form(std::uint32_t i) const noexcept { return seg->tokens[i].span.of(lower_text); }
    /// Whether token `i` has one of the WordFlag `bits`.
    [[nodiscard]] bool has(std::uint32_t i, std::uint32_t bits) const noexcept { return (word_flags[i] & bits) != 0; }
    [[nodiscard]] const Entity* entity(int e) const noexcept {
        return e == none ? nullptr : &(*entities)[static_cast<std::size_t>(e)];
    }
};

/// Indexes the mentions and timexes of a document by token.
[[nodiscard]] DocContext make_context(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
                                      const Lexicon& lex, const std::vector<Entity>& entities,
                                      const std::vector<Timex>& timexes, const std::optional<std::string>& dct,
                                      const WordFlagTable& flags);

/// The syntactic frame an event reads its constraints and arguments from.
struct Frame {
    int subject = none;       ///< noun group of the (surface) subject, or of a noun's possessor
    int object = none;        ///< noun group of the direct object
    std::vector<int> pps;     ///< noun groups governed by prepositions
    std::vector<int> subject_entities; ///< entities named inside a nominal trigger's own group ("US withdrawal")
    bool passive = false;
    bool infinitive_complement = false; ///< the verb governs a to-infinitive
};

/// One event mention found in a sentence. Its words are views of the document's tags and of
/// the loaded resources (both outlive the mention), which spares a string copy per field.
struct EventMention {
    std::uint32_t token = 0, last_token = 0; ///< the trigger's tokens (a phrase may span several)
    TriggerPos pos = TriggerPos::verb;
    int verb = none;          ///< its verb group (verbs), or the light verb's group (nouns)
    int noun = none;          ///< its noun group (nouns)
    std::string_view lemma;
    Frame frame;
    std::string_view type = "other", cls = "OCCURRENCE", rule;
    double confidence = 0.5;
    const LightVerb* light = nullptr; ///< set on a noun whose event a light verb handed over
    int handed_to = none;     ///< on a light verb: the mention of the noun it hands its event to
    int governor = none;      ///< the mention whose complement this one is (agreed to *withdraw*)
    std::string_view modality = "asserted";
};

/// The mentions of one sentence and its parse.
struct SentenceEvents {
    std::size_t sentence = 0;
    SentenceSyntax syntax;
    std::vector<EventMention> mentions;
};

/// The roles the syntactic slots of an event type's mentions take.
struct TypeRoles {
    std::string_view agent = "agent";
    std::string_view patient = "patient";
    bool symmetric = false; ///< meetings, fights, agreements: every side is a participant
    bool motion = false;    ///< the type has an origin (withdrawals, deployments, expulsions)
};

/// What build_events needs of an event type, worked out once when the detector loads.
struct TypeInfo {
    TypeRoles roles;
    std::map<std::string, std::string> codes; ///< EventType::codes()
};

/// The TypeInfo of `t`.
[[nodiscard]] TypeInfo type_info(const EventType& t);

/// The loaded resources.
struct EventResources {
    Ontology ontology;
    TriggerLexicon triggers;
    ModalityCues cues;
    NonTriggers non_triggers;
    std::vector<TypeInfo> types; ///< per type of ontology.types(), same order
    WordFlagTable flags;         ///< with the first words of the cues and terminators

    /// The info of a type of `ontology`.
    [[nodiscard]] const TypeInfo& info(const EventType* t) const noexcept {
        return types[static_cast<std::size_t>(t - ontology.types().data())];
    }
};

/// Finds the event mentions of a parsed sentence (verbs, nouns, adjectives, light verbs) with
/// their frames, then types and classes them from the trigger lexicon.
void find_mentions(const DocContext& doc, const EventResources& res, SentenceEvents& out);

/// Whether noun group `ng` satisfies a constraint value list (classes of the ontology, lemmas).
[[nodiscard]] bool slot_matches(const DocContext& doc, const SentenceSyntax& syn, int ng,
                                const std::vector<ConstraintValue>& values, const Ontology& onto);

/// The same for a list of entities (a nominal trigger's actor modifiers): only entity and
/// subtype members of the classes can hold.
[[nodiscard]] bool entities_match(const DocContext& doc, const std::vector<int>& entities,
                                  const std::vector<ConstraintValue>& values, const Ontology& onto);

/// The entities a noun group stands for: its head's entity for each member of a coordination;
/// for a head that names a person or group by role ("the ministers of the coalition"), the
/// entity of its of-phrase; else the actors named in its modifiers ("ISIS-K fighters").
[[nodiscard]] std::vector<int> entities_of(const DocContext& doc, const SentenceSyntax& syn, int ng);

/// The places a noun group names: its entities that are places, else places named in its
/// modifiers ("the Middle East region") or its of-phrase ("eastern provinces of Afghanistan").
[[nodiscard]] std::vector<int> places_of(const DocContext& doc, const SentenceSyntax& syn, int ng);

/// entities_of() written into `out`, which must be empty: for callers that ask for many groups
/// and keep one vector for them.
void entities_into(const DocContext& doc, const SentenceSyntax& syn, int ng, std::vector<int>& out);

/// places_of() written into `out`, which must be empty.
void places_into(const DocContext& doc, const SentenceSyntax& syn, int ng, std::vector<int>& out);

/// Sets each mention's modality from the cue lists and its verb group.
void assign_modality(const DocContext& doc, const EventResources& res, SentenceEvents& s);

/// Builds the Event records of the mentions of every sentence (arguments, place), in text order.
[[nodiscard]] std::vector<Event> build_events(const DocContext& doc, const EventResources& res,
                                              std::vector<SentenceEvents>& sentences);

/// Where the event of a mention is: its sentence and its index among the sentence's mentions.
struct MentionRef {
    std::size_t sentence = 0;
    int mention = none;
};

/// For each event (refs[i] is its mention), the earliest event it corefers with (itself when
/// none): nominal mentions of the same type with the same lemma, or a definite mention ("the
/// meeting"), whose dates and places do not disagree. Needs explicit times already set.
[[nodiscard]] std::vector<int> coreference_heads(const std::vector<SentenceEvents>& sentences,
                                                 const std::vector<MentionRef>& refs, const std::vector<Event>& events);

/// Sets the explicit time of every event whose clause or phrase holds a dating timex.
void assign_explicit_times(const DocContext& doc, const std::vector<SentenceEvents>& sentences,
                           const std::vector<MentionRef>& refs, std::vector<Event>& events);

/// Shares explicit times inside coreference chains, then dates the rest: inherited from a
/// containing or governing event, else from tense (before or after the document date), else none.
void assign_other_times(const DocContext& doc, const std::vector<SentenceEvents>& sentences,
                        const std::vector<MentionRef>& refs, const std::vector<int>& heads, std::vector<Event>& events);

/// Merges every event into its coreference head (further mentions, arguments, place, time), then
/// derives the relations events state (met_with, opposes, present_in) and those "against"
/// phrases state. Relations name events as "#<index into the merged events>".
void merge_and_relate(const DocContext& doc, const std::vector<SentenceEvents>& sentences, const std::vector<int>& heads,
                      std::vector<Event>& events, std::vector<Relation>& relations);

} // namespace annals::detail
