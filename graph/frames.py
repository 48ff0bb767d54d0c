"""The graph as pandas tables, for notebooks: one row per entity, per relation, per deal.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("company:a", name="A", type="company", aliases=[], mentions=2, articles=["x"])
>>> G.add_node("company:b", name="B", type="company", aliases=["Bee"], mentions=1, articles=["x"])
>>> G.add_node("deal:acquisition:a+b", name="A – B acquisition", type="deal", kind="acquisition",
...            amount_usd=5e6, date="2024-05", aliases=[], mentions=1, articles=["x"])
>>> _ = G.add_edge("company:a", "company:b", key="acquires", relation="acquires", confidence=0.8,
...                evidence=[{"article": "x", "sentence": "A bought B.", "start": 0, "end": 11}])
>>> _ = G.add_edge("deal:acquisition:a+b", "company:a", key="party", relation="party", role="buyer", evidence=[])
>>> _ = G.add_edge("deal:acquisition:a+b", "company:b", key="party", relation="party", role="seller", evidence=[])
>>> entities, relations, deals = to_frames(G)
>>> list(entities["name"]), list(relations["relation"]), list(deals["parties"])
(['A', 'B'], ['acquires'], ['A (buyer); B (seller)'])
"""
from __future__ import annotations

import networkx as nx

ENTITY_COLUMNS = ["id", "name", "type", "aliases", "mentions", "articles", "parameters"]
RELATION_COLUMNS = ["source", "source_name", "relation", "target", "target_name", "confidence", "evidence_count",
                    "articles", "evidence"]
DEAL_COLUMNS = ["id", "name", "kind", "amount_usd", "amount", "currency", "date", "parties", "articles", "confidence"]


def _pandas():
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - pandas is a dependency
        raise ImportError("to_frames needs pandas: pip install pandas") from exc
    return pandas


def entities_frame(G: nx.MultiDiGraph):
    """One row per entity node (deals excluded), sorted by mentions, most first."""
    pd = _pandas()
    rows = [{"id": n, **{c: d.get(c) for c in ENTITY_COLUMNS[1:]}} for n, d in G.nodes(data=True) if d.get("type") != "deal"]
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame.sort_values(["mentions", "id"], ascending=[False, True], ignore_index=True)


def relations_frame(G: nx.MultiDiGraph):
    """One row per relation edge (deal ``party`` edges excluded), with its evidence list."""
    pd = _pandas()
    rows = []
    for s, t, key, d in G.edges(keys=True, data=True):
        if d.get("relation", key) == "party":
            continue
        evidence = d.get("evidence") or []
        rows.append({
            "source": s, "source_name": G.nodes[s].get("name", s), "relation": d.get("relation", key),
            "target": t, "target_name": G.nodes[t].get("name", t), "confidence": d.get("confidence"),
            "evidence_count": len(evidence), "articles": sorted({e["article"] for e in evidence}), "evidence": evidence,
        })
    frame = pd.DataFrame(rows, columns=RELATION_COLUMNS)
    return frame.sort_values(["relation", "source", "target"], ignore_index=True)


def deals_frame(G: nx.MultiDiGraph):
    """One row per deal, sorted by date (undated last), with its parties and their roles."""
    pd = _pandas()
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("type") != "deal":
            continue
        parties = sorted((G.nodes[t].get("name", t), e.get("role")) for _, t, k, e in G.out_edges(n, keys=True, data=True)
                         if e.get("relation", k) == "party")
        rows.append({"id": n, **{c: d.get(c) for c in ("name", "kind", "amount_usd", "amount", "currency", "date")},
                     "parties": "; ".join(f"{name} ({role})" for name, role in parties),
                     "articles": d.get("articles"), "confidence": d.get("confidence")})
    frame = pd.DataFrame(rows, columns=DEAL_COLUMNS)
    frame["date"] = frame["date"].astype("object")
    return frame.sort_values(["date", "id"], na_position="last", ignore_index=True)


def to_frames(G: nx.MultiDiGraph):
    """``(entities, relations, deals)`` DataFrames of a graph built by :func:`graph.build_graph`."""
    return entities_frame(G), relations_frame(G), deals_frame(G)
