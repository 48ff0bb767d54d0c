"""What notebook users reach for after building: an entity's neighbourhood, a part of the graph, an edge's evidence.

Graph in, graph (or plain data) out; the input graph is never changed.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, name, t in [("company:a", "Acme", "company"), ("person:k", "Kim Lee", "person"), ("model:z", "Zork-7", "model")]:
...     G.add_node(n, name=name, type=t, aliases=["Acme Inc."] if n == "company:a" else [], mentions=1, articles=["x"])
>>> _ = G.add_edge("person:k", "company:a", key="leads", relation="leads", evidence=[{"article": "x", "sentence": "Kim Lee runs Acme.", "start": 0, "end": 18}])
>>> _ = G.add_edge("company:a", "model:z", key="develops", relation="develops", evidence=[])
>>> find_node(G, "acme inc.")
'company:a'
>>> sorted(neighbourhood(G, "Kim Lee", depth=1))
['company:a', 'person:k']
>>> sorted(subgraph(G, types={"company", "model"}).edges(keys=True))
[('company:a', 'model:z', 'develops')]
>>> [e["sentence"] for e in evidence(G, "Kim Lee", "Acme", relation="leads")]
['Kim Lee runs Acme.']
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node id of an entity given by id, name or alias (case-insensitive); ``ValueError`` if none."""
    if name in G:
        return name
    wanted = name.casefold()
    for n, d in sorted(G.nodes(data=True)):
        if d.get("name", "").casefold() == wanted:
            return n
    for n, d in sorted(G.nodes(data=True)):
        if any(a.casefold() == wanted for a in d.get("aliases") or ()):
            return n
    raise ValueError(f"no entity named {name!r} in the graph")


def neighbourhood(G: nx.MultiDiGraph, name: str, *, depth: int = 1) -> nx.MultiDiGraph:
    """The subgraph of the nodes within ``depth`` hops of an entity, edges in either direction."""
    centre = find_node(G, name)
    nodes = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    return G.subgraph(nodes).copy()


def subgraph(G: nx.MultiDiGraph, *, types: Iterable[str] | None = None,
             relations: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The part of the graph with only some node types and/or relations (deal ``party`` edges count as ``party``)."""
    types = set(types) if types is not None else None
    relations = set(relations) if relations is not None else None
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if types is None or d.get("type") in types)
    H.add_edges_from((s, t, k, d) for s, t, k, d in G.edges(keys=True, data=True)
                     if s in H and t in H and (relations is None or d.get("relation", k) in relations))
    return H


def evidence(G: nx.MultiDiGraph, source: str, target: str, *, relation: str | None = None) -> list[dict]:
    """Every evidence sentence of the edges between two entities (both directions), optionally of one relation."""
    s, t = find_node(G, source), find_node(G, target)
    found = []
    for a, b in ((s, t), (t, s)):
        for key, d in (G.get_edge_data(a, b) or {}).items():
            if relation is None or d.get("relation", key) == relation:
                found.extend(d.get("evidence") or [])
    return found
