// Writes the stores the export consumer tests read, built directly with their text (the
// pipeline does not yet find entities and events, so extracted stores would be nearly empty).
//   annals_export_fixture tricky STORE                 the graph of tests/unit/test_export_fixture.hpp
//   annals_export_fixture synthetic STORE EVENTS [ACTORS PLACES]   synthetic records merged
#include "../unit/test_export_fixture.hpp"

#include "annals/store/store.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    try {
        const std::string what = argc > 2 ? argv[1] : "";
        if ((what != "tricky" && what != "synthetic") || (what == "synthetic" && argc < 4)) {
            std::fprintf(stderr, "usage: annals_export_fixture tricky STORE | synthetic STORE EVENTS [ACTORS PLACES]\n");
            return 2;
        }
        const std::string path = argv[2];
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        const annals::KnowledgeGraph kg =
            what == "tricky" ? export_fixture::tricky_graph()
                             : export_fixture::synthetic_graph(std::stoul(argv[3]), argc > 4 ? std::stoul(argv[4]) : 2000,
                                                               argc > 5 ? std::stoul(argv[5]) : 200);
        annals::Store(path, true).save(kg);
        std::printf("%s: %zu nodes, %zu edges, %zu documents\n", path.c_str(), kg.node_count(), kg.edge_count(),
                    kg.documents.size());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "annals_export_fixture: %s\n", e.what());
        return 1;
    }
}
