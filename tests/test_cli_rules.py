"""`newsgraph rules` lists the registry; `report.json` counts the edges each rule produced."""
from __future__ import annotations

import json

from click.testing import CliRunner

from extract.rules import registry
from graph.cli import main


def test_rules_lists_every_rule_with_its_confidence_and_first_example():
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0, result.output
    assert f"{len(registry())} rules" in result.output
    assert "title.attached" in result.output and "0.85" in result.output
    assert "-> Jensen Huang leads Nvidia" in result.output


def test_rules_for_one_relation_lists_only_rules_that_yield_it():
    result = CliRunner().invoke(main, ["rules", "--relation", "founded", "--json"])
    assert result.exit_code == 0, result.output
    rules = json.loads(result.output)
    assert rules and all("founded" in r["yields"] for r in rules)
    assert "title.founder_hired_away" in {r["name"] for r in rules}


def test_an_unknown_relation_is_a_usage_error_with_a_suggestion():
    result = CliRunner().invoke(main, ["rules", "--relation", "fonded"])
    assert result.exit_code == 2
    assert "did you mean founded" in result.output


def test_report_counts_edges_per_rule(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text("Microsoft acquired Activision for $69 billion in 2023.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(tmp_path / "out"), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["rules"]["deal.verb"]["deals"] == 1
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    edges = [e for e in graph["edges"] if e["relation"] == "acquires"]
    assert edges and sum(report["rules"][r]["edges"] for r in report["rules"]) >= len(edges)
