"""Synthetic news graphs that follow the graph contract (SCHEMA.md), for tests and benchmarks.

The graphs are random but reproducible (seeded), sized at will, and shaped like a news
graph: a few heavily mentioned hubs (preferential attachment), typed nodes with aliases,
deals with ``party`` edges, and every edge carrying evidence sentences that mention both
ends by name or alias.

Examples
--------
>>> G = synthetic_graph(50, seed=1)
>>> G.number_of_nodes()
50
>>> {"company", "person", "deal"} <= {d["type"] for _, d in G.nodes(data=True)}
True
>>> all(d["relation"] == k for _, _, k, d in G.edges(keys=True, data=True))
True
>>> synthetic_graph(50, seed=1).edges == G.edges
True
"""

from __future__ import annotations

import random

import networkx as nx

#: Share of each node type, roughly as in tech news.
TYPE_SHARES = {
    "company": 0.36,
    "person": 0.28,
    "model": 0.14,
    "deal": 0.12,
    "product": 0.04,
    "organization": 0.03,
    "publication": 0.02,
    "place": 0.01,
}

#: relation -> (source type, target type), as in SCHEMA.md.
RELATION_TYPES = {
    "works_for": ("person", "company"),
    "leads": ("person", "company"),
    "founded": ("person", "company"),
    "develops": ("company", "model"),
    "invests_in": ("company", "company"),
    "acquires": ("company", "company"),
    "licenses_from": ("company", "company"),
    "part_of": ("company", "company"),
    "partners_with": ("company", "company"),
    "competes_with": ("model", "model"),
    "party": ("deal", "company"),
}

VERBS = {
    "works_for": "works at",
    "leads": "is the chief executive of",
    "founded": "co-founded",
    "develops": "released",
    "invests_in": "invested in",
    "acquires": "agreed to buy",
    "licenses_from": "licensed technology from",
    "part_of": "is a unit of",
    "partners_with": "partnered with",
    "competes_with": "competes with",
    "party": "involves",
}

DEAL_ROLES = {
    "investment": ("investor", "investee"),
    "acquisition": ("buyer", "seller"),
    "licensing": ("licensee", "licensor"),
    "partnership": ("partner", "partner"),
    "hiring": ("employer", "employer"),
    "other": ("partner", "partner"),
}

_SYLLABLES = ["ra", "to", "vi", "ne", "ka", "lo", "mi", "su", "de", "xa", "po", "li", "qu", "en", "or", "ta"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def _name(rng: random.Random, node_type: str, index: int) -> str:
    # The index keeps names unique, so that search tests can find exactly one node.
    if node_type == "person":
        return f"{_word(rng, 2)} {_word(rng, 3)}{index}"
    if node_type == "model":
        return f"{_word(rng, 2).upper()}-{index}"
    if node_type == "company":
        return f"{_word(rng, 3)}{index} {rng.choice(['AI', 'Labs', 'Systems', 'Inc'])}"
    return f"{_word(rng, 2)} {node_type.capitalize()} {index}"


def synthetic_graph(n_nodes: int, *, edges_per_node: float = 3.0, seed: int = 0,
                    articles: int | None = None) -> nx.MultiDiGraph:
    """Return a random contract-following ``MultiDiGraph`` with ``n_nodes`` nodes.

    Parameters
    ----------
    n_nodes : int
        Number of nodes.
    edges_per_node : float
        Average number of edges per node (the total is ``round(n_nodes * edges_per_node)``,
        fewer if the types leave no room).
    seed : int
        Seed of the random generator; the same seed gives the same graph.
    articles : int, optional
        Number of distinct articles cited (default ``max(5, n_nodes // 4)``).

    Returns
    -------
    networkx.MultiDiGraph
        With ``G.graph["articles"]`` mapping article ids to title, url and date.
    """
    rng = random.Random(seed)
    n_articles = articles or max(5, n_nodes // 4)
    G = nx.MultiDiGraph()
    G.graph["articles"] = {
        f"a{i}": {"title": f"{_word(rng, 3)} news {i}", "url": f"https://news.example/{i}",
                  "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
        for i in range(n_articles)
    }
    article_ids = list(G.graph["articles"])
    types = list(TYPE_SHARES)
    weights = list(TYPE_SHARES.values())
    by_type: dict[str, list[str]] = {t: [] for t in types}
    for index in range(n_nodes):
        # The first nodes of each kind are guaranteed so that every relation has ends.
        node_type = types[index] if index < len(types) else rng.choices(types, weights)[0]
        name = _name(rng, node_type, index)
        node_id = f"{node_type}:{name.lower().replace(' ', '-')}"
        mentions = max(1, int(rng.paretovariate(1.2)))
        attrs = {
            "name": name,
            "type": node_type,
            "aliases": [name.split()[0] + f"#{index}"] if rng.random() < 0.3 else [],
            "mentions": mentions,
            "articles": sorted(rng.sample(article_ids, min(len(article_ids), 1 + mentions // 3))),
        }
        if node_type == "model":
            attrs["parameters"] = rng.choice([None, 7_000_000_000, 70_000_000_000, 500_000_000_000])
            if attrs["parameters"] is None:
                del attrs["parameters"]
        if node_type == "deal":
            attrs["kind"] = rng.choice(list(DEAL_ROLES))
            attrs["amount_usd"] = rng.choice([None, 1e6 * rng.randint(1, 10_000)])
            attrs["date"] = rng.choice([None, "2023", f"2024-{rng.randint(1, 12):02d}",
                                        f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
        G.add_node(node_id, **attrs)
        by_type[node_type].append(node_id)

    # Preferential attachment: a target is drawn from a list where each node appears
    # once per edge it already has, which gives news-like hubs.
    attach: dict[str, list[str]] = {t: list(ids) for t, ids in by_type.items()}
    relations = list(RELATION_TYPES)
    wanted = round(n_nodes * edges_per_node)
    attempts = added = 0
    while added < wanted and attempts < wanted * 5:
        attempts += 1
        relation = rng.choice(relations)
        source_type, target_type = RELATION_TYPES[relation]
        if not by_type[source_type] or not by_type[target_type]:
            continue
        source = rng.choice(by_type[source_type])
        target = rng.choice(attach[target_type])
        if source == target or G.has_edge(source, target, relation):
            continue
        src, tgt = G.nodes[source], G.nodes[target]
        evidence = []
        for _ in range(rng.randint(1, 2)):
            article = rng.choice(article_ids)
            target_surface = rng.choice([tgt["name"], *tgt["aliases"]])
            sentence = f"Reports say {src['name']} {VERBS[relation]} {target_surface} this week."
            start = rng.randint(0, 5000)
            evidence.append({"article": article, "sentence": sentence,
                             "start": start, "end": start + len(sentence)})
        attrs = {"relation": relation, "evidence": evidence, "confidence": round(rng.uniform(0.5, 1.0), 2)}
        if relation == "party":
            first, second = DEAL_ROLES[src["kind"]]
            attrs["role"] = first if G.out_degree(source) == 0 else second
        G.add_edge(source, target, key=relation, **attrs)
        added += 1
        attach[target_type].append(target)
    return G


def example_graph() -> nx.MultiDiGraph:
    """Return a small hand-made graph with every feature the viewer shows.

    Two companies, a person, a model and an investment deal with two parties; evidence
    that names nodes by alias; one article with a URL and one without.

    Examples
    --------
    >>> G = example_graph()
    >>> sorted(d["role"] for _, _, d in G.out_edges("deal:microsoft-inflection-2024", data=True))
    ['investee', 'investor']
    """
    G = nx.MultiDiGraph()
    G.graph["articles"] = {
        "a1": {"title": "Microsoft hires Inflection founders", "url": "https://news.example/a1", "date": "2024-03-19"},
        "a2": {"title": "MAI-1 takes on GPT-4", "url": None, "date": "2024-05-06"},
    }
    G.add_node("company:microsoft", name="Microsoft", type="company", aliases=["Redmond", "MSFT"], mentions=12,
               articles=["a1", "a2"])
    G.add_node("company:inflection-ai", name="Inflection AI", type="company", aliases=["Inflection"], mentions=5,
               articles=["a1"])
    G.add_node("person:mustafa-suleyman", name="Mustafa Suleyman", type="person", aliases=["Suleyman"], mentions=7,
               articles=["a1", "a2"])
    G.add_node("model:mai-1", name="MAI-1", type="model", aliases=[], mentions=4, articles=["a2"],
               parameters=500_000_000_000)
    G.add_node("model:gpt-4", name="GPT-4", type="model", aliases=["GPT4"], mentions=2, articles=["a2"])
    G.add_node("deal:microsoft-inflection-2024", name="Microsoft / Inflection AI investment", type="deal",
               aliases=[], mentions=2, articles=["a1"], kind="investment", amount_usd=650_000_000.0, date="2024-03")
    G.add_node("place:redmond", name="Redmond, Washington", type="place", aliases=[], mentions=1, articles=["a1"])

    def evidence(article, sentence):
        return [{"article": article, "sentence": sentence, "start": 0, "end": len(sentence)}]

    G.add_edge("person:mustafa-suleyman", "company:microsoft", key="leads", relation="leads", confidence=0.9,
               evidence=evidence("a1", "Suleyman will lead Microsoft AI, the company in Redmond said."))
    G.add_edge("person:mustafa-suleyman", "company:inflection-ai", key="founded", relation="founded",
               confidence=0.85, evidence=evidence("a1", "Mustafa Suleyman co-founded Inflection in 2022."))
    G.add_edge("company:microsoft", "model:mai-1", key="develops", relation="develops", confidence=0.8,
               evidence=evidence("a2", "Microsoft is training MAI-1, a model with 500 billion parameters."))
    G.add_edge("model:mai-1", "model:gpt-4", key="competes_with", relation="competes_with", confidence=0.7,
               evidence=evidence("a2", "MAI-1 is meant to compete with GPT-4."))
    G.add_edge("company:microsoft", "company:inflection-ai", key="invests_in", relation="invests_in",
               confidence=0.75, evidence=evidence("a1", "Microsoft paid Inflection $650 million."))
    G.add_edge("deal:microsoft-inflection-2024", "company:microsoft", key="party", relation="party",
               role="investor", confidence=0.75, evidence=evidence("a1", "Microsoft paid Inflection $650 million."))
    G.add_edge("deal:microsoft-inflection-2024", "company:inflection-ai", key="party", relation="party",
               role="investee", confidence=0.75, evidence=evidence("a1", "Microsoft paid Inflection $650 million."))
    return G
