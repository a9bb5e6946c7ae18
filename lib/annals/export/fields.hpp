#pragma once
// The attributes the table-like exports (GraphML, GEXF, CSV, Cytoscape) give each node and
// edge: one list, so every format carries the same names with the same values.

#include "annals/export/graph_times.hpp"
#include "annals/graph/knowledge_graph.hpp"

#include <array>
#include <optional>
#include <string>

namespace annals::detail {

enum class FieldType { string, integer, real };

struct FieldDef {
    const char* name;
    FieldType type;
};

/// Node attributes. `label` is what a picture shows; `name` the entity name or trigger.
inline constexpr std::array<FieldDef, 16> kNodeFields{{
    {"label", FieldType::string},   {"name", FieldType::string},     {"kind", FieldType::string},
    {"type", FieldType::string},    {"subtype", FieldType::string},  {"lat", FieldType::real},
    {"lon", FieldType::real},       {"aliases", FieldType::string},  {"sources", FieldType::integer},
    {"date", FieldType::string},    {"earliest", FieldType::string}, {"latest", FieldType::string},
    {"modality", FieldType::string}, {"group", FieldType::string},   {"color", FieldType::string},
    {"shape", FieldType::string},
}};

/// Edge attributes.
inline constexpr std::array<FieldDef, 7> kEdgeFields{{
    {"label", FieldType::string},
    {"kind", FieldType::string},
    {"type", FieldType::string},
    {"weight", FieldType::integer},
    {"earliest", FieldType::string},
    {"latest", FieldType::string},
    {"color", FieldType::string},
}};

using NodeValues = std::array<std::optional<std::string>, kNodeFields.size()>;
using EdgeValues = std::array<std::optional<std::string>, kEdgeFields.size()>;

/// The values of a node, aligned with kNodeFields; absent ones are nullopt (aliases are
/// joined with "; ", numbers in their shortest round-trip form).
[[nodiscard]] NodeValues node_values(const VertexBundle& n, const TimeSpan& span);
/// The values of an edge, aligned with kEdgeFields.
[[nodiscard]] EdgeValues edge_values(const EdgeBundle& e, const TimeSpan& span);

/// Index of a field by name in kNodeFields or kEdgeFields.
template <std::size_t N>
constexpr std::size_t field_index(const std::array<FieldDef, N>& fields, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == fields[i].name) return i;
    return N;
}

/// "string", "int" / "integer" and "double": the type names GraphML and GEXF use.
[[nodiscard]] const char* graphml_type(FieldType t) noexcept;
[[nodiscard]] const char* gexf_type(FieldType t) noexcept;

} // namespace annals::detail
