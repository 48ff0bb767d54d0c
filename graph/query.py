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

import difflib
from collections.abc import Iterable

import networkx as nx


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node id of an entity given by id, name or alias (case-insensitive, surrounding spaces ignored).

    An id beats a name, a name beats an alias; among equals (two nodes with the alias "Acme") the most
    mentioned node wins, then the smallest id. ``render --focus`` uses this same function, so the API
    and the viewer always centre on the same node.

    Raises
    ------
    ValueError
        If nothing matches; the message suggests entities whose name holds the word ("Jensen" ->
        "Jensen Huang") or is spelled alike.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:acme-a", name="Acme Labs", aliases=["Acme"], mentions=2)
    >>> G.add_node("company:acme-b", name="Acme Robotics", aliases=["Acme"], mentions=5)
    >>> G.add_node("person:jensen-huang", name="Jensen Huang", aliases=[], mentions=3)
    >>> find_node(G, " acme ")
    'company:acme-b'
    >>> find_node(G, "Jensen")
    Traceback (most recent call last):
    ...
    ValueError: no entity named 'Jensen' in the graph; did you mean Jensen Huang?
    """
    if name in G:
        return name
    wanted = str(name).strip().casefold()
    by_rank: dict[int, list] = {0: [], 1: [], 2: []}
    for node, data in G.nodes(data=True):
        if str(node).casefold() == wanted:
            by_rank[0].append(node)
        elif str(data.get("name", "")).casefold() == wanted:
            by_rank[1].append(node)
        elif any(str(alias).casefold() == wanted for alias in data.get("aliases") or ()):
            by_rank[2].append(node)
    for rank in (0, 1, 2):
        if by_rank[rank]:
            return min(by_rank[rank], key=lambda n: (-_mentions(G.nodes[n]), str(n)))
    close = _close_names(G, wanted)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise ValueError(f"no entity named {name!r} in the graph{hint}")


def _mentions(data: dict) -> int:
    try:
        return int(data.get("mentions") or 0)
    except (TypeError, ValueError):
        return 0


def _close_names(G: nx.MultiDiGraph, wanted: str, limit: int = 3) -> list[str]:
    """Names that hold ``wanted`` as a word, or are spelled like it; the most mentioned first."""
    ranked = sorted(G.nodes(data=True), key=lambda item: (-_mentions(item[1]), str(item[0])))
    names = [str(d.get("name") or n) for n, d in ranked if d.get("type") != "deal"]
    holding = [n for n in names if wanted and wanted in n.casefold().split()]
    alike = difflib.get_close_matches(wanted, [n.casefold() for n in names], n=limit, cutoff=0.75)
    by_folded = {n.casefold(): n for n in reversed(names)}
    found = list(dict.fromkeys(holding + [by_folded[a] for a in alike]))
    return found[:limit]


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
