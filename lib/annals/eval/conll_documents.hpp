#pragma once
/// Document boundaries of CoNLL-2003 files that lost their -DOCSTART- lines: each Reuters
/// story opens with a headline and then a dateline such as "LONDON 1996-08-30".

#include "annals/eval/conll_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annals::conll {

/// The ISO date of `s` when it is a dateline: at most eight tokens, the last a valid
/// YYYY-MM-DD date. Pure function.
[[nodiscard]] std::optional<std::string> dateline_date(const ConllSentence& s);

/// Splits `doc` so that each piece starts with the sentence before a dateline (the story's
/// headline); no piece is shorter than two sentences. A document already split at
/// -DOCSTART- has its one dateline as its second sentence and is returned whole. Texts and spans are rebuilt
/// the way read_conll_file builds them. Pure function.
[[nodiscard]] std::vector<ConllDocument> split_at_datelines(const ConllDocument& doc);

/// The date of the first dateline among the first three sentences of `doc`, as a DCT.
[[nodiscard]] std::optional<std::string> document_date(const ConllDocument& doc);

} // namespace annals::conll
