#pragma once
/// The stages wired together: a Document in, an Extraction out.

#include "annals/core/document.hpp"
#include "annals/record/extraction.hpp"
#include "annals/time/timex.hpp"

#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace annals {

struct PipelineOptions {
    /// Folder of the data files (lib/data in a build tree, share/annals installed);
    /// empty means default_data_dir().
    std::string data_dir;
    /// How relative dates are anchored: on the DCT (news) or the last explicit date (narrative).
    TimeMode mode = TimeMode::news;
    /// User actor dictionaries (the format of data_dir/actors/actors.tsv), loaded after the
    /// project's own, in this order.
    std::vector<std::string> dictionaries;
    /// User trigger files (the format of data_dir/events/triggers.tsv); their rows are tried
    /// before the project's own.
    std::vector<std::string> triggers;
};

/// The data folder: $ANNALS_DATA_DIR if set, else the one fixed at build time.
[[nodiscard]] std::string default_data_dir();

/// Runs every stage over a document. Construction loads the data files and throws Error
/// (Errc::bad_data with file:line) when one is broken. extract() is const and thread-safe:
/// one Pipeline serves any number of threads.
class Pipeline {
public:
    explicit Pipeline(PipelineOptions opts = {});
    ~Pipeline();
    Pipeline(Pipeline&&) noexcept;
    Pipeline& operator=(Pipeline&&) noexcept;

    /// Never throws on odd text: what cannot be analysed becomes a diagnostic.
    [[nodiscard]] Extraction extract(Document doc) const;

    /// The records extract() gives for each document, worked out stage by stage: every
    /// document through segmentation, then every one through the time stage, and so on,
    /// which is faster than one at a time. A stage's exception is kept with its document
    /// (whose record then holds only the document); the others go on.
    struct Batch {
        std::vector<Extraction> records;        ///< in the order of the documents
        std::vector<std::exception_ptr> errors; ///< per document, null when it went through
    };
    [[nodiscard]] Batch extract_batch(std::vector<Document> docs) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace annals
