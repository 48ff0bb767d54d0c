"""graph.json of a real build keeps to the contract of ../shared/SCHEMA.md (documented in the README)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from extract.records import DEAL_KINDS, DEAL_ROLES, RELATIONS, SYMMETRIC_RELATIONS
from extract.schema import fits
from graph.build import BuildReport, build_graph
from graph.io import graph_to_json_data

REPO = Path(__file__).resolve().parents[1]
NODE_TYPES = {"company", "person", "model", "deal", "product", "organization", "publication", "place"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def sample_graph():
    report = BuildReport()
    G = build_graph([str(REPO / "data" / "articles")], report=report)
    assert report.articles >= 10 and not report.skipped
    texts = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "data" / "articles").glob("*.txt")}
    return graph_to_json_data(G), texts


def test_top_level(sample_graph):
    data, _ = sample_graph
    assert data["directed"] is True and data["multigraph"] is True
    assert {"nodes", "edges", "graph"} <= set(data)
    meta = data["graph"]
    assert meta["tool"] == "newsgraph" and meta["model"] and meta["model_version"]
    assert meta["article_count"] == len(meta["articles"]) >= 10


def test_nodes(sample_graph):
    data, _ = sample_graph
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids))
    for n in data["nodes"]:
        assert isinstance(n["id"], str) and n["id"].startswith(n["type"] + ":"), n
        assert isinstance(n["name"], str) and n["name"].strip() == n["name"] and n["name"]
        assert n["type"] in NODE_TYPES
        assert isinstance(n["aliases"], list) and all(isinstance(a, str) for a in n["aliases"])
        assert n["name"] not in n["aliases"]
        assert isinstance(n["mentions"], int) and n["mentions"] >= 1
        assert isinstance(n["articles"], list) and n["articles"] and set(n["articles"]) <= set(data["graph"]["articles"])
        if "parameters" in n:
            assert n["type"] == "model" and isinstance(n["parameters"], int) and n["parameters"] > 0
        if n["type"] == "deal":
            assert n["kind"] in DEAL_KINDS
            assert n["amount_usd"] is None or isinstance(n["amount_usd"], (int, float))
            assert n["date"] is None or ISO_DATE.match(n["date"]), n["date"]


def test_edges(sample_graph):
    data, texts = sample_graph
    types = {n["id"]: n["type"] for n in data["nodes"]}
    seen_symmetric = set()
    for e in data["edges"]:
        assert e["key"] == e["relation"]
        assert e["relation"] in RELATIONS or e["relation"] == "party"
        assert 0.0 <= e["confidence"] <= 1.0
        assert e["evidence"], e
        for ev in e["evidence"]:
            assert set(ev) == {"article", "sentence", "start", "end"}
            assert texts[ev["article"]][ev["start"]:ev["end"]] == ev["sentence"]
        s, t = types[e["source"]], types[e["target"]]
        if e["relation"] == "party":
            assert s == "deal" and t == "company" and e["role"] in DEAL_ROLES
        else:
            # the relation schema is extract/schema.py's (develops takes products, works_for organisations...)
            assert fits(e["relation"], s, t), e
            if e["relation"] == "competes_with":
                assert s == t
        if e["relation"] in SYMMETRIC_RELATIONS:
            pair = (frozenset((e["source"], e["target"])), e["relation"])
            assert pair not in seen_symmetric, "symmetric relations are stored once"
            seen_symmetric.add(pair)


def test_every_deal_has_two_parties(sample_graph):
    data, _ = sample_graph
    parties = {}
    for e in data["edges"]:
        if e["relation"] == "party":
            parties.setdefault(e["source"], set()).add(e["target"])
    for n in data["nodes"]:
        if n["type"] == "deal":
            assert len(parties.get(n["id"], ())) >= 2, n


def test_round_trips_through_node_link_graph(sample_graph):
    data, _ = sample_graph
    G = nx.node_link_graph(json.loads(json.dumps(data)), edges="edges")
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_edges() == len(data["edges"])
