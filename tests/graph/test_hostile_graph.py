"""Issue 15: a hostile or hand-edited graph.json gives one line naming the first bad field, never a
traceback, in every command that reads it and in the library; exports of hostile strings stay valid."""
from __future__ import annotations

import copy
import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.io import (
    GraphFileError,
    parse_neo4j_script,
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
from graph.io import validate
from graph.io.node_link import graph_to_json_data, json_data_to_graph
from graph.resolve import Merge, Resolution, write_merges_csv
from tests.graph.synthetic import example_graph, synthetic_graph

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "data" / "gold.json"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def base():
    """Node-link data of a contract-following graph: nodes[0] is a company with every node field."""
    data = graph_to_json_data(example_graph())
    assert data["nodes"][0]["type"] == "company" and "mentions" in data["nodes"][0]
    return data


def _set(path, value):
    """An edit of node-link data: set the field at `path` (keys and indexes) to `value`."""
    def edit(data):
        *parents, last = path
        target = data
        for step in parents:
            target = target[step]
        target[last] = value
    return edit


def _delete(path):
    def edit(data):
        *parents, last = path
        target = data
        for step in parents:
            target = target[step]
        del target[last]
    return edit


# (what is broken, edit of the valid data, the one line expected after "<path>: ")
BREAKS = [
    ("aliases a number", _set(["nodes", 0, "aliases"], 5), "nodes[0].aliases: expected a list of strings, got 5"),
    ("articles a number", _set(["nodes", 0, "articles"], 5), "nodes[0].articles: expected a list of strings, got 5"),
    ("an alias a number", _set(["nodes", 0, "aliases"], ["ok", 7]), "nodes[0].aliases[1]: expected a string, got 7"),
    ("evidence a number", _set(["edges", 0, "evidence"], 7),
     "edges[0].evidence: expected a list of evidence objects, got 7"),
    ("evidence start negative", _set(["edges", 0, "evidence", 0, "start"], -1),
     "edges[0].evidence[0].start: expected a whole number ≥ 0, got -1"),
    ("graph.articles a list", _set(["graph", "articles"], [1, 2]),
     "graph.articles: expected an object of article id -> article, got a list"),
    ("an article's text a number", _set(["graph", "articles", "a1"], {"title": "T", "text": 3}),
     'graph.articles["a1"].text: expected a string or null, got 3'),
    ("an edge without target", _delete(["edges", 0, "target"]), "edges[0].target: missing"),
    ("a node without id", _delete(["nodes", 1, "id"]), "nodes[1].id: missing"),
    ("a node id an object", _set(["nodes", 0, "id"], {"a": 1}), "nodes[0].id: expected a string, got an object"),
    ("a node id a list", _set(["nodes", 0, "id"], ["x"]), "nodes[0].id: expected a string, got a list"),
    ("a node not an object", _set(["nodes", 2], 5), "nodes[2]: expected an object, got 5"),
    ("an edge to an undeclared node", _set(["edges", 0, "target"], "company:nowhere"),
     'edges[0].target: expected the id of a node, got "company:nowhere"'),
    ("two nodes of one id", lambda d: d["nodes"].append({"id": d["nodes"][0]["id"]}),
     "nodes[7].id: expected an id no other node has, got \"company:inflection-ai\" (also nodes[0])"),
    ("name a list", _set(["nodes", 0, "name"], ["a"]), "nodes[0].name: expected a string, got a list"),
    ("type a list", _set(["nodes", 0, "type"], ["company"]), "nodes[0].type: expected a string, got a list"),
    ("mentions true", _set(["nodes", 0, "mentions"], True), "nodes[0].mentions: expected a whole number ≥ 0, got true"),
    ("confidence above 1", _set(["edges", 0, "confidence"], 7.5),
     "edges[0].confidence: expected a number from 0 to 1, got 7.5"),
    ("nodes an object", _set(["nodes"], {}), "nodes: expected a list of node objects, got an object"),
    ("no edges", _delete(["edges"]), "edges: missing (node-link data has an 'edges' or 'links' list)"),
]
COMMANDS = [("stats",), ("render", "-o", "{out}/view.html"), ("export", "-f", "csv", "-o", "{out}/csv"),
            ("eval", "--gold", str(GOLD))]


def _command(command, out):
    return [part.format(out=out) for part in command]


def _assert_one_line_error(result, expected):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output == f"newsgraph: error: {expected}\n"


@pytest.mark.parametrize("what, edit, message", BREAKS, ids=[b[0] for b in BREAKS])
def test_a_hostile_graph_json_gives_one_line_naming_the_field(tmp_path, base, what, edit, message):
    edit(base)
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(base), encoding="utf-8")
    with pytest.raises(GraphFileError) as info:
        read_json(path)
    assert str(info.value) == f"{path}: {message}"
    assert isinstance(info.value, ValueError)
    for command in COMMANDS:
        _assert_one_line_error(invoke(*_command(command, tmp_path), path), f"{path}: {message}")
    assert not (tmp_path / "view.html").exists() and not (tmp_path / "csv").exists()


def test_in_memory_node_link_data_is_checked_too(base):
    base["nodes"][0]["aliases"] = 3
    with pytest.raises(GraphFileError, match=r"^nodes\[0\]\.aliases: expected a list of strings, got 3$"):
        json_data_to_graph(base)


@pytest.mark.parametrize("text, message", [
    ('{"nodes": [{"id": "a", "mentions": 1e400}], "edges": []}',
     "nodes[0].mentions: expected a whole number ≥ 0, got 1e400"),
    ('{"nodes": [{"id": "a", "future": {"x": [1, -1e999]}}], "edges": []}',
     "nodes[0].future.x[1]: expected a finite number, got -1e999"),
    ('{"nodes": [{"id": "a", "confidence": NaN}], "edges": []}',
     "nodes[0].confidence: expected a number from 0 to 1, got NaN"),
    ('{"nodes": [{"id": "a", "future": Infinity}], "edges": []}',
     "nodes[0].future: expected a finite number, got Infinity"),
    ('{"nodes": [{"id": "a", "name": "x\\ud800"}], "edges": []}',
     "nodes[0].name: expected Unicode text, got a lone surrogate (\\ud800-\\udfff)"),
    ('{"nodes": [{"id": "a", "future": {"k\\udc00": 1}}], "edges": []}',
     'nodes[0].future."k\\udc00": expected a Unicode name, got a lone surrogate'),
    ("[1, 2]", "node-link data: expected an object, got a list"),
])
def test_numbers_and_text_no_file_can_hold_are_named(tmp_path, text, message):
    path = tmp_path / "graph.json"
    path.write_text(text, encoding="utf-8")
    for command in COMMANDS:
        _assert_one_line_error(invoke(*_command(command, tmp_path), path), f"{path}: {message}")


def test_a_valid_emoji_escape_is_not_a_lone_surrogate(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text('{"nodes": [{"id": "a", "name": "\\ud83d\\ude80"}], "edges": []}', encoding="utf-8")
    assert read_json(path).nodes["a"]["name"] == "\U0001F680"


def test_a_deeply_nested_array_is_not_a_recursion_error(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text('{"nodes": [], "edges": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    expected = f"{path} is not a graph.json (JSON nested too deeply to read); give the graph.json that newsgraph build wrote"
    with pytest.raises(GraphFileError, match="nested too deeply"):
        read_json(path)
    for command in COMMANDS:
        _assert_one_line_error(invoke(*_command(command, tmp_path), path), expected)


def test_unknown_fields_are_allowed_whatever_they_hold(tmp_path, base):
    base["nodes"][0]["future_field"] = [[{"deep": None}], 1e300]
    base["edges"][0]["weight_v2"] = {"a": [1, 2]}
    base["graph"]["new_metadata"] = ["x"]
    base["newer_top_level"] = 1
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(base), encoding="utf-8")
    G = read_json(path)
    assert G.nodes[base["nodes"][0]["id"]]["future_field"] == [[{"deep": None}], 1e300]
    assert invoke("stats", path).exit_code == 0


@pytest.mark.parametrize("G", [example_graph(), synthetic_graph(400, seed=3)], ids=["example", "synthetic"])
def test_graphs_our_writer_writes_pass(tmp_path, G):
    write_json(G, tmp_path / "graph.json")
    assert nx.utils.graphs_equal(read_json(tmp_path / "graph.json"), G)


@pytest.fixture(scope="module", params=["seeds", "data"])
def corpus_build(request, tmp_path_factory):
    """graph.json of a real build (the seeds corpus in ../shared, data/), and the corpus's gold."""
    if request.param == "seeds":
        folder = ROOT.parent / "shared" / "corpus" / "seeds"
        if not (folder / "gold.json").exists():
            pytest.skip("../shared is not beside the repository")
        articles, gold = folder / "articles", folder / "gold.json"
    else:
        articles, gold = ROOT / "data" / "articles", GOLD
    out = tmp_path_factory.mktemp(f"{request.param}-build")
    result = invoke("build", articles, "-o", out, "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return out / "graph.json", gold


def test_a_real_build_passes_every_reading_command(corpus_build, tmp_path):
    path, gold = corpus_build
    validate.load_graph_json(path)
    commands = [("stats",), ("render", "-o", f"{tmp_path}/view.html"), ("export", "-f", "csv", "-o", f"{tmp_path}/csv"),
                ("eval", "--gold", gold)]
    for command in commands:
        result = invoke(*command, path)
        assert result.exit_code == 0, result.output


def _count_values(data):
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        count += 1
        stack.extend(value.values() if isinstance(value, dict) else value if isinstance(value, list) else ())
    return count


def test_checking_is_linear_and_walks_each_value_once(monkeypatch):
    """Counting checks, not seconds: twice the graph, twice the checks (no quadratic step, no re-walk)."""
    calls = 0
    original = validate._problem

    def counting(value, expect):
        nonlocal calls
        calls += 1
        return original(value, expect)

    monkeypatch.setattr(validate, "_problem", counting)
    counts = []
    for n in (500, 1000):
        data = graph_to_json_data(synthetic_graph(n, seed=1))
        values = _count_values(data)
        calls = 0
        validate.check_graph_data(data)
        counts.append(calls)
        assert calls <= values  # each value at most once
    assert counts[1] <= 2.5 * counts[0]


def test_checking_does_not_copy_the_data(base):
    nodes, edges = base["nodes"], base["edges"]
    before = copy.deepcopy(base)
    validate.check_graph_data(base)
    assert base == before and base["nodes"] is nodes and base["edges"] is edges


# --- exports of hostile strings --------------------------------------------------------------

HOSTILE = ['a"b', "a'b", "a`b", "a\\b", "a\nb", "a\r\nb", "a;b", "a//b", "a/*b*/", "\x00\x01\x1f", "\u2028",
           "\ufffe\uffff", "=1+1", "@SUM(A1)", "-2", "+3", "\ttab", "\rcr", "<script>x</script>&amp;", "]]>"]


@pytest.fixture()
def hostile():
    """Node ids, names, types, relations, keys, attribute names and values made of HOSTILE strings."""
    G = nx.MultiDiGraph(**{f"g{h}": h for h in HOSTILE})
    for h in HOSTILE:
        G.add_node(h, id=h, name=h, type=h, aliases=[h], mentions=1, articles=[h], **{f"x{h}": h})
    for i, h in enumerate(HOSTILE):
        G.add_edge(HOSTILE[i], HOSTILE[(i + 1) % len(HOSTILE)], key=h, relation=h, role=h,
                   evidence=[{"article": h, "sentence": h, "start": 0, "end": 1}], **{f"y{h}": h})
    return G


def test_xml_exports_of_hostile_strings_parse_and_read_back(tmp_path, hostile):
    for write, read in ((write_graphml, read_graphml), (write_gexf, read_gexf)):
        path = tmp_path / write.__name__
        write(hostile, path)
        ET.parse(path)  # well-formed XML 1.0: no forbidden character reached the file
        R = read(path)
        assert nx.utils.graphs_equal(R, hostile) and R.graph == hostile.graph, write.__name__


def test_networkx_reads_the_xml_exports_of_hostile_strings(tmp_path, hostile):
    write_graphml(hostile, tmp_path / "g.graphml")
    write_gexf(hostile, tmp_path / "g.gexf")
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == len(HOSTILE)
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == len(HOSTILE)


def test_csv_and_json_exports_of_hostile_strings_are_valid(tmp_path, hostile):
    write_json(hostile, tmp_path / "graph.json")
    json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert nx.utils.graphs_equal(read_json(tmp_path / "graph.json", id_attribute=True), hostile)
    write_csv(hostile, tmp_path / "csv")
    for name, rows in (("nodes.csv", len(HOSTILE)), ("edges.csv", len(HOSTILE))):
        with open(tmp_path / "csv" / name, encoding="utf-8", newline="") as handle:
            table = list(csv.reader(handle))
        assert len(table) == rows + 1 and len({len(row) for row in table}) == 1
        assert not [cell for row in table for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert nx.utils.graphs_equal(read_csv(tmp_path / "csv"), hostile)


def test_neo4j_export_of_hostile_strings_reads_back(tmp_path, hostile):
    write_neo4j(hostile, tmp_path / "g.cypher")
    script = (tmp_path / "g.cypher").read_text(encoding="utf-8")
    statements = script.split(";\n")  # a naive splitter: every piece is whole
    assert len(statements) == script.count(";\n") + 1
    assert all(";" not in s for s in statements)
    assert not any(c in script for c in "\x00\x01\x1f\u2028")
    R = parse_neo4j_script(tmp_path / "g.cypher")
    assert nx.utils.graphs_equal(R, hostile)


def test_export_command_of_a_hostile_but_valid_graph_json_writes_valid_files(tmp_path, hostile):
    write_json(hostile, tmp_path / "graph.json")
    for fmt, name in (("graphml", "g.graphml"), ("gexf", "g.gexf"), ("neo4j", "g.cypher"), ("json", "g.json")):
        result = invoke("export", tmp_path / "graph.json", "-f", fmt, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
    ET.parse(tmp_path / "g.graphml")
    ET.parse(tmp_path / "g.gexf")
    parse_neo4j_script(tmp_path / "g.cypher")
    json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))


# --- merges.csv ------------------------------------------------------------------------------

def test_merges_csv_neutralises_formulas_as_export_csv_does(tmp_path):
    starts = ["@Acme Inc", "-Minus Inc", "=HYPERLINK(1)", "+Plus", "\tTab Co", "\rCR Co"]
    merges = [Merge(surface, f"company:c{i}", surface, "short_form", (f"={i}",)) for i, surface in enumerate(starts)]
    merges.append(Merge("Plain", "company:plain", "Plain Inc", "short_form", ("a1", "a2")))
    write_merges_csv(Resolution(entities={}, merges=merges), tmp_path / "merges.csv")
    with open(tmp_path / "merges.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert ["Plain", "company:plain", "Plain Inc", "short_form", "a1|a2"] in rows
    # what was neutralised reads back with json.loads, as in export csv
    assert sorted(json.loads(row[0]) for row in rows[1:] if row[0].startswith('"')) == sorted(starts)
