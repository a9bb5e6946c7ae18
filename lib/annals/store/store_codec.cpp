#include "annals/store/store_codec.hpp"

namespace annals::detail {

VertexBundle read_entity(const Stmt& st, int c) {
    VertexBundle n;
    n.key = st.text(c);
    n.kind = st.text(c + 1) == "place" ? NodeKind::place : NodeKind::actor;
    n.name = st.text(c + 2);
    n.type = st.text(c + 3);
    n.subtype = st.opt_text(c + 4);
    n.geo = read_geo(st, c + 5);
    n.aliases = split_aliases(st.text(c + 7));
    n.source_count = uz(st.int64(c + 8));
    return n;
}

VertexBundle read_event(const Stmt& st, int c) {
    VertexBundle n;
    n.kind = NodeKind::event;
    n.key = st.text(c);
    n.type = st.text(c + 1);
    n.name = st.text(c + 2);
    n.time_value = st.text(c + 3);
    n.interval = read_interval(st, c + 4);
    n.time_source = st.text(c + 6);
    n.modality = st.text(c + 7);
    n.source_count = uz(st.int64(c + 9));
    return n;
}

EventSource read_event_source(const Stmt& st, int c) {
    EventSource s;
    s.doc = st.text(c);
    s.event = st.text(c + 1);
    s.dct = st.opt_text(c + 2);
    s.sentence = uz(st.int64(c + 3));
    s.sentence_span = Span{uz(st.int64(c + 4)), uz(st.int64(c + 5))};
    s.text = st.text(c + 6);
    s.trigger = st.text(c + 7);
    s.rule = st.text(c + 8);
    s.value = st.text(c + 9);
    s.interval = read_interval(st, c + 10);
    s.time_source = st.text(c + 12);
    s.modality = st.text(c + 13);
    s.confidence = st.real(c + 14);
    return s;
}

Evidence read_evidence(const Stmt& st, int c) {
    return Evidence{st.text(c),     st.opt_text(c + 1), uz(st.int64(c + 2)), Span{uz(st.int64(c + 3)), uz(st.int64(c + 4))},
                    st.text(c + 5), st.text(c + 6),     st.opt_text(c + 7)};
}

} // namespace annals::detail
