#pragma once
/// The event ontology: event types with their ACE 2005, PLOVER and CAMEO codes, and the word
/// classes that trigger constraints name. Both are read from data files a user can read and
/// extend (events/ontology.tsv, events/classes.tsv; formats in lib/data/events/README.md).

#include "annals/core/data_file.hpp"
#include "annals/events/word_map.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// One event type (a row of ontology.tsv).
struct EventType {
    std::string name;        ///< lowercase dotted: "contact.meet"
    std::string description;
    std::string ace;         ///< ACE 2005 "Type:Subtype", or empty
    std::string plover;      ///< PLOVER type, upper case, or empty
    std::string cameo;       ///< CAMEO root code, two digits "01".."20", or empty
    std::vector<std::string> roles; ///< argument roles, lowercase
    std::string timeml_class;       ///< the class a trigger of this type usually takes
    std::string where;              ///< "file:line" of the row

    /// The codes that are set, keyed "ace", "plover", "cameo" (the shape of Event::codes).
    [[nodiscard]] std::map<std::string, std::string> codes() const;
};

/// One member of a word class: what an argument must be for the class to hold.
struct ClassMember {
    enum class Kind { entity, subtype, lexfile, hypernym, lemma, word_class };
    Kind kind = Kind::lemma;
    std::string value; ///< entity type, subtype, lexicographer file, noun, lemma or class name
};

/// A named word class (a row of classes.tsv); holds when any member holds.
struct WordClass {
    std::string name;
    std::vector<ClassMember> members;
    std::string where; ///< "file:line"
};

/// The loaded ontology. Immutable after loading: every const member is safe to call from
/// several threads at once.
class Ontology {
public:
    /// Reads `<data_dir>/events/ontology.tsv` and `<data_dir>/events/classes.tsv`.
    /// Throws Error(Errc::io) for an unreadable file and Error(Errc::bad_data, "file:line") for a
    /// malformed row, a duplicate name or a missing `other` type.
    [[nodiscard]] static Ontology load(const std::string& data_dir);

    /// Reads the type files, then the class files, in order; later files add to earlier ones
    /// (a name defined twice is an error). Same errors as load().
    [[nodiscard]] static Ontology load_files(const std::vector<std::string>& type_files,
                                             const std::vector<std::string>& class_files);

    /// The type of that name, or nullptr.
    [[nodiscard]] const EventType* find(std::string_view name) const noexcept;
    /// Every type in file order.
    [[nodiscard]] const std::vector<EventType>& types() const noexcept { return types_; }
    /// The word class of that name, or nullptr.
    [[nodiscard]] const WordClass* word_class(std::string_view name) const noexcept;
    /// Every word class in file order.
    [[nodiscard]] const std::vector<WordClass>& word_classes() const noexcept { return classes_; }

    /// True for the seven TimeML event classes (OCCURRENCE, REPORTING, STATE, I_ACTION,
    /// I_STATE, ASPECTUAL, PERCEPTION).
    [[nodiscard]] static bool is_timeml_class(std::string_view s) noexcept;

private:
    void add_types(const std::string& path);
    void add_classes(const std::string& path);

    std::vector<EventType> types_;
    detail::WordIndex<std::size_t> type_index_;
    std::vector<WordClass> classes_;
    detail::WordIndex<std::size_t> class_index_;
};

namespace detail {

/// One row of an event data table: its tab-separated fields and "file:line".
using EventRow = DataRow;

/// read_data_file with a fixed number of columns.
inline void read_event_table(const std::string& path, std::string_view format, std::size_t columns,
                             const std::function<void(const EventRow&)>& row) {
    read_data_file(path, format, row, columns);
}

/// Splits on `sep`, keeping empty pieces.
[[nodiscard]] std::vector<std::string> split_on(std::string_view s, char sep);

/// The field with "-" read as empty.
[[nodiscard]] std::string_view optional_field(std::string_view f) noexcept;

/// Splits a lower-case word or phrase into its words; throws Error(Errc::bad_data, where) when
/// it is empty, has upper-case letters, tabs or doubled, leading or trailing spaces.
[[nodiscard]] std::vector<std::string> phrase_words(std::string_view phrase, const std::string& where);

} // namespace detail

} // namespace annals
