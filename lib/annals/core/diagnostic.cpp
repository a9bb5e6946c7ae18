#include "annals/core/diagnostic.hpp"

namespace annals {

// One exhaustive switch: a new code without a name does not compile under -Werror=switch.
std::string_view diag_code_name(DiagCode code) noexcept {
    switch (code) {
    case DiagCode::invalid_utf8: return "invalid_utf8";
    case DiagCode::binary_file: return "binary_file";
    case DiagCode::empty_document: return "empty_document";
    case DiagCode::malformed_jsonl: return "malformed_jsonl";
    case DiagCode::not_an_object: return "not_an_object";
    case DiagCode::missing_text: return "missing_text";
    case DiagCode::bad_field: return "bad_field";
    case DiagCode::bad_date: return "bad_date";
    case DiagCode::unreadable: return "unreadable";
    case DiagCode::long_sentence: return "long_sentence";
    case DiagCode::unresolved_time: return "unresolved_time";
    case DiagCode::unknown_name: return "unknown_name";
    }
    return "unknown";
}

std::string Location::str() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    if (byte) out += ": byte " + std::to_string(*byte);
    return out;
}

} // namespace annals
