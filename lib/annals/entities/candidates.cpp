// Finding names: capitalized runs, split and typed by the dictionaries and the cue words.
// Written by hand: no Debian library recognizes names in English text, and the rules need
// the project's own gazetteer, lexicon and tags.
#include "annals/entities/doc_view.hpp"

#include <algorithm>

namespace annals::detail {

namespace {

bool is_plural(std::string_view w) { return w.size() > 3 && w.back() == 's' && !w.ends_with("ss"); }

/// Two or more capitals and nothing else but periods and digits: "NATO", "U.N.", "G7".
bool acronym(std::string_view w) {
    const auto caps = std::count_if(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return caps >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || c == '.' || (c >= '0' && c <= '9') || c == '-';
    });
}

bool initial(std::string_view w) { return w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'; }

/// `l` in lower case.
bool connector(std::string_view l) {
    return l == "of" || l == "the" || l == "and" || l == "for" || l == "to" || l == "on" || l == "&";
}

class RunParser {
public:
    RunParser(const DocView& doc, std::vector<NameCandidate>& out) : doc_(doc), out_(out) {}

    /// Splits the run [first, last) into candidates; returns where scanning goes on (a
    /// dictionary name may reach past the run: "Af-Pak region", "Islamic State group").
    std::uint32_t parse(std::uint32_t first, std::uint32_t last, std::uint32_t sentence_end) {
        const GazEntry* entry = nullptr;
        if (const auto n = doc_.gazetteer_match(first, sentence_end, entry); n >= last - first) {
            add_entry(first, first + n, entry, "gazetteer/name");
            return first + n;
        }
        if (parse_plural_role(first, last) || parse_titled_person(first, last) || parse_headed(first, last)) return last;
        split(first, last);
        return last;
    }

private:
    const DocView& doc_;
    std::vector<NameCandidate>& out_;

    int add(std::uint32_t first, std::uint32_t last, std::string_view type, std::string_view rule) {
        NameCandidate c;
        c.first = first;
        c.last = last;
        c.span = {doc_.seg().tokens[first].span.begin, doc_.core(last - 1).end};
        c.sentence = doc_.sentence_of(first);
        c.type = type;
        c.rule = rule;
        out_.push_back(std::move(c));
        return static_cast<int>(out_.size() - 1);
    }

    int add_entry(std::uint32_t first, std::uint32_t last, const GazEntry* entry, std::string_view rule) {
        const int i = add(first, last, entry->type, rule);
        out_[i].entry = entry;
        out_[i].subtype = entry->subtype;
        return i;
    }

    /// A country's adjective or people noun ("Italian", "Afghans") as a mention of it.
    int add_demonym(std::uint32_t i) {
        const auto* c = doc_.demonym(i);
        if (!c || !c->entry) return -1;
        const int k = add_entry(i, i + 1, c->entry, "gazetteer/demonym");
        out_[k].kind = "demonym";
        return k;
    }

    /// "Ministers of the Global Coalition ...": a group of office holders of an organization.
    bool parse_plural_role(std::uint32_t first, std::uint32_t last) {
        std::uint32_t r = first;
        while (r < last && doc_.cue(r, Cue::role_mod)) ++r;
        if (r >= last || !doc_.cue(r, Cue::role) || !is_plural(doc_.word(r))) return false;
        const int group = add(first, r + 1, "group", "cue/plural-role");
        out_[group].kind = "nominal";
        out_[group].group = doc_.lower_word(r);
        std::uint32_t k = r + 1;
        if (k < last && doc_.lower_word(k) == "of") {
            ++k;
            if (k < last && doc_.lower_word(k) == "the") ++k;
            if (k < last) {
                const auto before = out_.size();
                parse(k, last, last);
                if (out_.size() > before && out_[before].type == "organization") out_[group].member_of = static_cast<int>(before);
            }
        } else if (k < last) {
            parse(k, last, last);
        }
        return true;
    }

    /// The end of a role that begins at token r: role words and their modifiers, and an
    /// "of/for ..." complement up to where the person's name begins.
    std::uint32_t name_start(std::uint32_t r, std::uint32_t last) const {
        std::uint32_t k = r + 1;
        while (k < last && (doc_.cue(k, Cue::role) || doc_.cue(k, Cue::role_mod))) ++k;
        if (k < last && (doc_.lower_word(k) == "of" || doc_.lower_word(k) == "for")) {
            // The name is the longest tail of person words, leaving the complement one word.
            std::uint32_t n = last;
            while (n > k + 2 && doc_.person_word(n - 1)) --n;
            while (n < last && doc_.cue(n, Cue::particle)) ++n;
            // A middle initial follows a first name, common word or not: "Mark T. Ellison".
            if (n > k + 2 && n < last && initial(doc_.word(n))) --n;
            return n;
        }
        return k;
    }

    /// "Italian Minister of Foreign Affairs Luigi Di Maio", "US Secretary of State Antony J.
    /// Blinken", "Gen. David Petraeus": a person with a role, acting for what precedes it.
    bool parse_titled_person(std::uint32_t first, std::uint32_t last) {
        std::uint32_t r = first;
        while (r < last && !doc_.cue(r, Cue::role) && !doc_.cue(r, Cue::honorific)) ++r;
        if (r >= last) return false;
        const bool honorific = doc_.cue(r, Cue::honorific) && !doc_.cue(r, Cue::role);
        const std::uint32_t n = honorific ? r + 1 : name_start(r, last);
        if (n >= last || doc_.cue(last - 1, Cue::org_head)) return false;
        // "Helen Marsh" has a common word in it, "League Baseball" is only common words.
        bool named = false;
        for (auto k = n; k < last; ++k) named |= doc_.person_word(k) && !doc_.cue(k, Cue::particle);
        if (!named) return false;
        if (is_plural(doc_.word(r)) && !honorific) return false;
        std::uint32_t role_first = r;
        while (role_first > first && doc_.cue(role_first - 1, Cue::role_mod)) --role_first;
        const int person = add(n, last, "person", honorific ? "cue/honorific" : "cue/role");
        if (!honorific) {
            const Span role{doc_.seg().tokens[role_first].span.begin, doc_.seg().tokens[n - 1].span.end};
            out_[person].role = role.of(doc_.text());
            out_[person].represents = represented_in_role(role_first, n);
        }
        if (role_first > first) {
            const auto before = out_.size();
            parse(first, role_first, role_first);
            // The last name before the role is who the person acts for: "US", "Italian".
            for (auto k = out_.size(); k > before; --k) {
                const auto& c = out_[k - 1];
                if (c.last == role_first && (c.type == "gpe" || c.type == "organization")) {
                    out_[person].represents = static_cast<int>(k - 1);
                    break;
                }
            }
        }
        return true;
    }

    /// "President of France": a country or body named whole in the role's complement.
    int represented_in_role(std::uint32_t role_first, std::uint32_t name) {
        for (auto k = role_first; k + 1 < name; ++k) {
            const auto w = doc_.lower_word(k);
            if (w != "of" && w != "for") continue;
            auto s = k + 1;
            if (s < name && doc_.lower_word(s) == "the") ++s;
            const GazEntry* entry = nullptr;
            if (s < name && doc_.gazetteer_match(s, name, entry) == name - s &&
                (entry->type == "gpe" || entry->type == "organization"))
                return add_entry(s, name, entry, "gazetteer/name");
        }
        return -1;
    }

    /// Names typed by their head word: "... Party", "Bank of ...", "... Province", "... Airport".
    bool parse_headed(std::uint32_t first, std::uint32_t last) {
        const auto lastw = last - 1;
        if (last - first < 2) return false;
        const bool org_first = doc_.cue(first, Cue::org_first) && doc_.lower_word(first + 1) == "of";
        if (doc_.cue(lastw, Cue::org_head) || org_first) {
            add(first, last, "organization", org_first ? "cue/org-first" : "cue/org-head");
            return true;
        }
        const bool place = doc_.cue(lastw, Cue::place_head);
        if (!place && !doc_.cue(lastw, Cue::fac_head)) return false;
        const GazEntry* entry = nullptr;
        const int k = add(first, last, place ? "location" : "facility", place ? "cue/place-head" : "cue/facility-head");
        if (place && doc_.gazetteer_match(first, lastw, entry) == lastw - first && entry->type != "organization") {
            out_[k].entry = entry;
            out_[k].type = entry->type;
            out_[k].subtype = entry->subtype;
        }
        return true;
    }

    /// A word that says what a name is: a title, an organization, place or facility head.
    bool cued(std::uint32_t k) const {
        return doc_.cue(k, Cue::role) || doc_.cue(k, Cue::role_mod) || doc_.cue(k, Cue::honorific) ||
               doc_.cue(k, Cue::org_head) || doc_.cue(k, Cue::place_head) || doc_.cue(k, Cue::fac_head);
    }

    /// "Michael Green", "Wang Donghai", "Van der Westhuizen": a run of person words in which
    /// the gazetteer finds only single-word towns or regions is a person whose name is also a
    /// place's; so is a run that opens with a name particle.
    bool person_despite_places(std::uint32_t first, std::uint32_t last) const {
        if (last - first < 2 || last - first > 4) return false;
        if (doc_.cue(first, Cue::particle) && doc_.person_word(last - 1)) return true;
        bool place = false, person = false;
        for (auto k = first; k < last; ++k) {
            if (!doc_.is_word(k) || acronym(doc_.word(k))) return false;
            const GazEntry* entry = nullptr;
            if (doc_.gazetteer_match(k, last, entry) == 1 && entry->type != "organization" && entry->subtype != "country" &&
                entry->subtype != "continent") {
                place = true;
                continue;
            }
            if (doc_.gazetteer_match(k, last, entry) > 0 || doc_.demonym(k) || cued(k)) return false;
            person |= doc_.person_word(k);
        }
        return place && person;
    }

    /// "Air France", "Chicago Bulls": a known name with capitalized common words is another
    /// name, of an organization.
    bool organization_around_place(std::uint32_t first, std::uint32_t last) const {
        if (last - first < 2) return false;
        bool known = false;
        for (auto k = first; k < last;) {
            const GazEntry* entry = nullptr;
            if (const auto n = doc_.gazetteer_match(k, last, entry); n > 0) {
                if (entry->type == "organization") return false;
                known = true;
                k += n;
                continue;
            }
            if (!doc_.is_word(k) || doc_.person_word(k) || doc_.demonym(k) ||
                doc_.cue(k, Cue::role) || doc_.cue(k, Cue::role_mod) || connector(doc_.lower_word(k)))
                return false;
            ++k;
        }
        return known;
    }

    /// Dictionary names and country adjectives left to right; what lies between them is an
    /// unknown name.
    void split(std::uint32_t first, std::uint32_t last) {
        if (person_despite_places(first, last)) {
            add(first, last, "person", "name/person-words");
            return;
        }
        if (organization_around_place(first, last)) {
            add(first, last, "organization", "name/around-place");
            return;
        }
        std::uint32_t k = first, unknown = first;
        auto flush = [&](std::uint32_t end) {
            if (unknown < end) add_unknown(unknown, end);
        };
        while (k < last) {
            const GazEntry* entry = nullptr;
            if (const auto n = doc_.gazetteer_match(k, last, entry); n > 0) {
                flush(k);
                add_entry(k, k + n, entry, "gazetteer/name");
                unknown = k += n;
            } else if (doc_.demonym(k)) {
                flush(k);
                add_demonym(k);
                unknown = ++k;
            } else {
                ++k;
            }
        }
        flush(last);
    }

    /// A name in no dictionary: several person words are a person; other runs of several
    /// words an organization; a single word waits for the document to type it.
    void add_unknown(std::uint32_t first, std::uint32_t last) {
        auto edge = [&](std::uint32_t k) { return !doc_.is_word(k) || doc_.cue(k, Cue::particle) || connector(doc_.lower_word(k)); };
        while (first < last && edge(first)) ++first;
        while (last > first && edge(last - 1)) --last;
        if (first >= last) return;
        // A title with no name after it ("Minister of Foreign Affairs", "Mr.") is no entity.
        bool titled = false;
        for (auto k = first; k < last; ++k) titled |= doc_.cue(k, Cue::role) || doc_.cue(k, Cue::honorific);
        if (titled && !doc_.cue(last - 1, Cue::org_head)) return;
        if (last - first == 1) {
            // A lone letter ("B", "N.") is a column head or an initial, not a name.
            const auto w = doc_.word(first);
            if (w.size() == 1 || initial(w)) return;
            add(first, last, "", "name/single");
            return;
        }
        // Two to four capitalized words with nothing that says otherwise are, in news, most
        // often a person: "Helen Marsh", "Mark Butcher", "Ansel Okafor".
        bool person = doc_.person_word(last - 1) || doc_.person_word(first);
        for (auto k = first; k < last && person; ++k) person = doc_.is_word(k) && !acronym(doc_.word(k));
        add(first, last, person ? "person" : "organization", person ? "name/person-words" : "name/words");
    }
};

bool connector_ok(const DocView& doc, std::uint32_t first, std::uint32_t j, std::uint32_t end) {
    const auto w = doc.lower_word(j);
    bool cued = false, has_of = false;
    for (auto k = first; k < j; ++k) {
        cued |= doc.cue(k, Cue::role) || doc.cue(k, Cue::org_first) || doc.cue(k, Cue::org_head) ||
                doc.cue(k, Cue::place_head) || doc.cue(k, Cue::fac_head);
        has_of |= doc.lower_word(k) == "of";
    }
    if (w == "of" || w == "for") return cued;
    if (w == "the") return j > first && doc.lower_word(j - 1) == "of";
    // "Ministry of Industry and Trade", but not "Luigi Di Maio and US Secretary ...": "and"
    // joins the common words of a name, never two people or places.
    if (w == "and") return cued && has_of && !doc.person_word(j - 1) && !doc.person_word(j + 1);
    if (w == "&") return true;
    const GazEntry* entry = nullptr;
    return doc.gazetteer_match(first, end, entry) > j - first + 1;
}

/// The end of the capitalized run that starts at `first`.
std::uint32_t run_end(const DocView& doc, std::uint32_t first, std::uint32_t end) {
    std::uint32_t j = first + 1;
    if (doc.possessive(first)) return j;
    while (j < end) {
        if (doc.seg().tokens[j].newline_before) break;
        if (doc.name_word(j)) {
            if (doc.possessive(j++)) break;
            continue;
        }
        if (doc.is_word(j) && doc.cue(j, Cue::particle)) {
            // "Pieter van den Berg": particles count when a name word follows them.
            auto k = j;
            while (k < end && doc.is_word(k) && doc.cue(k, Cue::particle)) ++k;
            if (k < end && doc.name_word(k)) {
                j = k;
                continue;
            }
            break;
        }
        // "of the" needs the name word after "the": "Ministers of the Arctic Council".
        const bool of_the = j + 2 < end && doc.lower_word(j) == "of" && doc.lower_word(j + 1) == "the" &&
                            doc.name_word(j + 2);
        if (j + 1 < end && doc.is_word(j) && (doc.name_word(j + 1) || of_the) && connector_ok(doc, first, j, end)) {
            j += of_the ? 2 : 1;
            continue;
        }
        break;
    }
    return j;
}

/// Lower-case group nouns: "analysts", "security forces", "foreign fighters".
std::uint32_t group_at(const DocView& doc, std::uint32_t i, std::uint32_t end, std::vector<NameCandidate>& out) {
    const auto max = static_cast<std::uint32_t>(doc.cues().max_group_words());
    const auto text = doc.text();
    for (std::uint32_t n = std::min(max, end - i); n >= 1; --n) {
        // Every group noun is a plural: skip phrases that cannot end in one. (A word's core is
        // never empty and lies inside the text: its last byte is read in place.)
        if (!doc.is_word(i + n - 1) || text[doc.core(i + n - 1).end - 1] != 's') continue;
        bool words = true;
        for (auto k = i; k < i + n && words; ++k) words = doc.is_word(k);
        if (!words) continue;
        const Span s{doc.seg().tokens[i].span.begin, doc.core(i + n - 1).end};
        const auto* name = doc.cues().group(doc.lower(s));
        if (!name) continue;
        NameCandidate c;
        c.first = i;
        c.last = i + n;
        c.span = s;
        c.sentence = doc.sentence_of(i);
        c.kind = "nominal";
        c.type = "group";
        c.group = *name;
        c.rule = "cue/group";
        out.push_back(std::move(c));
        return i + n;
    }
    return i;
}

} // namespace

std::vector<NameCandidate> find_candidates(const DocView& doc) {
    std::vector<NameCandidate> out;
    RunParser parser(doc, out);
    // Every token passes the loop below: its kind, tag and last byte are read through plain
    // pointers, which the calls in other branches do not make the compiler load again.
    const Token* toks = doc.seg().tokens.data();
    const TaggedToken* tags = doc.tag_data();
    const Span* cores = doc.core_data();
    const char* text = doc.text().data();
    const auto max_group = static_cast<std::uint32_t>(doc.cues().max_group_words());
    // group_at() finds nothing unless a word ending in 's' lies within its reach.
    auto plural_ahead = [&](std::uint32_t i, std::uint32_t end) {
        for (auto k = i; k < i + std::min(max_group, end - i); ++k)
            if (toks[k].kind == TokenKind::word && text[cores[k].end - 1] == 's') return true;
        return false;
    };
    for (const auto& sent : doc.seg().sentences) {
        const auto end = sent.first_token + sent.token_count;
        std::uint32_t i = sent.first_token;
        while (i < end) {
            if (doc.name_word(i)) {
                i = parser.parse(i, run_end(doc, i, end), end);
                continue;
            }
            if (toks[i].kind == TokenKind::word) {
                const auto t = tags ? tags[i].tag : PosTag::NN;
                if ((t == PosTag::NNS || ((t == PosTag::JJ || t == PosTag::NN) && i + 1 < end)) && plural_ahead(i, end)) {
                    const auto next = group_at(doc, i, end, out);
                    i = next > i ? next : i + 1;
                    continue;
                }
            }
            ++i;
        }
    }
    return out;
}

} // namespace annals::detail
