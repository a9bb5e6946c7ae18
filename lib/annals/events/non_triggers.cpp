#include "annals/events/non_triggers.hpp"

#include "annals/core/data_file.hpp"
#include "annals/core/error.hpp"
#include "annals/events/ontology.hpp"

#include <algorithm>

namespace annals::detail {

namespace {

NonTrigger parse_when(std::string_view s, const std::string& where) {
    NonTrigger r;
    auto words = [&](std::string_view list) {
        for (const auto& w : split_on(list, '|')) {
            if (w.empty()) throw Error(Errc::bad_data, where, "empty word in \"" + std::string(s) + "\"");
            r.words.push_back(w);
        }
    };
    if (s == "always") r.when = NonTrigger::When::always;
    else if (s == "gerund") r.when = NonTrigger::When::gerund;
    else if (s == "participle") r.when = NonTrigger::When::participle;
    else if (s.rfind("before:", 0) == 0) r.when = NonTrigger::When::before, words(s.substr(7));
    else if (s.rfind("gerund-before:", 0) == 0) r.when = NonTrigger::When::gerund_before, words(s.substr(14));
    else throw Error(Errc::bad_data, where, "unknown context \"" + std::string(s) + "\"");
    return r;
}

} // namespace

NonTriggers NonTriggers::load(const std::string& data_dir) {
    NonTriggers out;
    read_data_file(data_dir + "/events/non_triggers.tsv", "annals.events.non_triggers/1", [&](const DataRow& row) {
        (void)phrase_words(row.fields[0], row.where);
        out.rows_[std::string(row.fields[0])].push_back(parse_when(row.fields[1], row.where));
    }, 2);
    return out;
}

bool NonTriggers::excludes(std::string_view lemma, PosTag tag, std::string_view next) const {
    const auto* rows = rows_.find(lemma);
    if (rows == nullptr) return false;
    auto next_is = [&](const NonTrigger& r) { return std::find(r.words.begin(), r.words.end(), next) != r.words.end(); };
    return std::any_of(rows->begin(), rows->end(), [&](const NonTrigger& r) {
        switch (r.when) {
        case NonTrigger::When::always: return true;
        case NonTrigger::When::before: return next_is(r);
        case NonTrigger::When::gerund: return tag == PosTag::VBG;
        case NonTrigger::When::gerund_before: return tag == PosTag::VBG && next_is(r);
        case NonTrigger::When::participle: return tag == PosTag::VBN || tag == PosTag::VBD;
        }
        return false;
    });
}

} // namespace annals::detail
