"""The command line, end to end, through click's CliRunner."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main

REPO = Path(__file__).resolve().parents[1]

ARTICLE = (
    "Acme Robotics Inc. buys Zorblax\n\n"
    "SAN FRANCISCO, May 6, 2024 — Acme Robotics Inc. said on Monday it agreed to acquire Zorblax for "
    "$120 million. Nvidia's CEO Jensen Huang called the deal smart. "
    "Zorblax, the startup founded by Kim Lee, develops Zork-7, a small language model. Acme competes with Google and OpenAI.\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    (root / "in").mkdir()
    (root / "in" / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "in" / "empty.txt").write_text("", encoding="utf-8")
    (root / "in" / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Suleyman said Microsoft will invest in OpenAI.", "date": "2024-03-19"}) + "\n"
        + "{not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(root / "in"), "-o", str(root / "out")])
    return root / "out", result


def test_build_writes_every_output(built):
    out, result = built
    assert result.exit_code == 0, result.output
    for name in ("graph.json", "graph.graphml", "graph.html", "merges.csv", "report.json"):
        assert (out / name).stat().st_size > 0, name


def test_build_summary_and_skips_are_reported(built):
    out, result = built
    assert "articles: 2 read, 2 skipped" in result.output
    assert "empty.txt" in result.output and "feed.jsonl:2" in result.output
    report = json.loads((out / "report.json").read_text())
    assert report["articles_read"] == 2 and report["articles_skipped"] == 2
    assert {s["path"].split("/")[-1] for s in report["skipped"]} == {"empty.txt", "feed.jsonl:2"}


def test_build_graph_content(built):
    out, _ = built
    data = json.loads((out / "graph.json").read_text())
    G = nx.node_link_graph(data, edges="edges")
    assert any(d["name"].startswith("Acme Robotics") and d["type"] == "company" for _, d in G.nodes(data=True))
    names = {d["name"]: n for n, d in G.nodes(data=True)}
    assert G.nodes[names["Jensen Huang"]]["type"] == "person"
    assert G.has_edge(names["Jensen Huang"], names["Nvidia"], key="leads")
    deals = [d for _, d in G.nodes(data=True) if d["type"] == "deal"]
    assert any(d["kind"] == "acquisition" and d["amount_usd"] == 120_000_000 and d["date"] == "2024-05-06" for d in deals)
    assert G.has_edge(names["Kim Lee"], names["Zorblax"], key="founded")
    assert G.has_edge(names["Acme Robotics Inc."], names["Zorblax"], key="acquires")
    assert {names["Google"], names["OpenAI"]} <= set(G.successors(names["Acme Robotics Inc."])) | set(G.predecessors(names["Acme Robotics Inc."]))
    for *_, d in G.edges(data=True):
        assert d["evidence"], d
        for ev in d["evidence"]:
            assert ev["sentence"] and ev["end"] > ev["start"]


def test_merges_csv_has_rules(built):
    out, _ = built
    rows = list(csv.DictReader((out / "merges.csv").open(encoding="utf-8")))
    assert rows == [] or set(rows[0]) >= {"surface", "entity_id", "rule", "articles"}


def test_strict_fails_after_writing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Microsoft invests in OpenAI.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--strict", "-q"])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "graph.json").exists()
    assert "binary" in result.output


def test_unknown_model_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--model", "no_such_pipeline", "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("newsgraph: error: cannot load spaCy pipeline 'no_such_pipeline'")
    assert "Traceback" not in result.output


def test_eval_command(built):
    out, _ = built
    gold = {"entities": [{"name": "Jensen Huang", "type": "person"}, {"name": "Nvidia", "type": "company"}],
            "relations": [{"source": "Jensen Huang", "relation": "leads", "target": "Nvidia"}], "deals": []}
    gold_path = out.parent / "gold.json"
    gold_path.write_text(json.dumps(gold))
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold_path), str(out / "graph.json"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["relation"]["tp"] == 1


def test_eval_bad_gold_is_one_line_error(built, tmp_path):
    out, _ = built
    bad = tmp_path / "gold.json"
    bad.write_text(json.dumps({"entities": [], "relations": [{"source": "X", "relation": "leads", "target": "Y"}]}))
    result = CliRunner().invoke(main, ["eval", "--gold", str(bad), str(out / "graph.json")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("newsgraph: error:")


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["eval", "--help"]])
def test_help(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_usage_error_exit_code():
    assert CliRunner().invoke(main, ["build"]).exit_code == 2


def test_max_article_chars_skips_longer_articles_and_0_keeps_them(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "short.txt").write_text("Nvidia's CEO Jensen Huang spoke.", encoding="utf-8")
    out = tmp_path / "out"
    limit = len(ARTICLE) - 1
    limited = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(out), "--no-cache", "-q",
                                        "--max-article-chars", str(limit)])
    assert limited.exit_code == 0, limited.output
    reason = f"article too long: {len(ARTICLE):,} characters > {limit:,} (raise with --max-article-chars)"
    assert limited.stderr == f"skipped {tmp_path / 'in' / 'long.txt'}: {reason}\n"
    assert list(json.loads((out / "graph.json").read_text())["graph"]["articles"]) == ["short.txt"]

    unlimited = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(out), "--no-cache", "-q",
                                          "--max-article-chars", "0"])
    assert unlimited.exit_code == 0 and unlimited.stderr == "", unlimited.output
    assert sorted(json.loads((out / "graph.json").read_text())["graph"]["articles"]) == ["long.txt", "short.txt"]


def test_negative_max_article_chars_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "--max-article-chars", "-1"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--max-article-chars" in result.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt, name", [("graphml", "graph.graphml"), ("gexf", "graph.gexf"), ("neo4j", "graph.cypher"),
                                       ("csv", "csv"), ("json", "copy.json")])
def test_export_round_trips(built, tmp_path, fmt, name):
    from graph import io as graph_io

    out, _ = built
    target = tmp_path / name
    result = CliRunner().invoke(main, ["export", str(out / "graph.json"), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    original = graph_io.read_json(out / "graph.json")
    readers = {"graphml": graph_io.read_graphml, "gexf": graph_io.read_gexf, "json": graph_io.read_json,
               "csv": graph_io.read_csv}
    if fmt == "neo4j":
        assert "MERGE" in target.read_text(encoding="utf-8")
        return
    back = readers[fmt](target)
    assert set(back.nodes) == set(original.nodes)
    assert sorted(back.edges(keys=True)) == sorted(original.edges(keys=True))


def test_stats(built):
    out, _ = built
    result = CliRunner().invoke(main, ["stats", str(out / "graph.json"), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("articles: 2\n") and "entities: " in result.output


@pytest.mark.parametrize("command", ["export", "stats"])
def test_subcommand_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_render_focus(built, tmp_path):
    out, _ = built
    target = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["render", str(out / "graph.json"), "-o", str(target), "--focus", "Nvidia",
                                       "--depth", "1", "--types", "company,person"])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>") and "Jensen Huang" in page


def test_render_unknown_focus_is_one_line_error(built, tmp_path):
    out, _ = built
    result = CliRunner().invoke(main, ["render", str(out / "graph.json"), "-o", str(tmp_path / "v.html"), "--focus", "Nobody"])
    assert result.exit_code == 1
    assert result.output.startswith("newsgraph: error:") and result.output.count("\n") == 1


def test_a_failing_rule_costs_one_article_not_the_build(tmp_path, monkeypatch):
    """A bug in one rule is reported as a warning for that article; the others still make the graph."""
    import extract.pipeline as pipeline

    real = pipeline.extract_doc

    def flaky(doc, article):
        if "Zorblax" in article.text:
            raise RuntimeError("rule bug")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "extract_doc", flaky)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Nvidia's CEO Jensen Huang spoke.", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "warning a.txt: extraction failed: RuntimeError: rule bug" in result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["warnings"] == [{"article": "a.txt", "warning": "extraction failed: RuntimeError: rule bug"}]
    G = nx.node_link_graph(json.loads((tmp_path / "out" / "graph.json").read_text()), edges="edges")
    assert "person:jensen-huang" in G and not any("Zorblax" in d.get("name", "") for _, d in G.nodes(data=True))
