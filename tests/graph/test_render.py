"""The HTML viewer without a browser: page structure, safety, views, layout, files."""

from __future__ import annotations

import html
import json
import math
import os
import re
import stat

import networkx as nx
import pytest

from graph.layout import has_igraph, layout_positions, overlapping_pairs
from graph.render import (MAX_NODES, PAGE_ARTICLES_PER_NODE, PAGE_EDGES_PER_NODE, PAGE_EVIDENCE_PER_EDGE, find_node, json_for_script, node_box,
                          node_label, node_size, page_nodes, render_html, show, subgraph_view, write_html)
from tests.graph.synthetic import example_graph, synthetic_graph

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "\"'><svg onload=window.__pwned=1>",
    "line\u2028separator\u2029 & </script>",
]


def graph_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert match, "the page has no graph-data block"
    return json.loads(match.group(1))


def test_page_is_self_contained_with_strict_csp():
    page = render_html(example_graph(), title="Seeds")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert "default-src 'none'" in csp and "img-src data: blob:" in csp
    script_sources = re.findall(r"script-src ([^;]+)", csp)[0].split()
    assert len(script_sources) == 2 and all(s.startswith("'sha256-") for s in script_sources)
    assert "unsafe-eval" not in csp
    # Nothing that would make the browser fetch: no src/href attributes on tags, no <link>.
    assert not re.search(r"<(script|img|iframe|link)[^>]*\s(src|href)=", page, re.I)
    assert "<link" not in page.lower()
    assert "vis.Network" in page and "graph-data" in page


def test_graph_data_round_trips_and_untrusted_text_stays_inert():
    G = nx.MultiDiGraph()
    G.graph["articles"] = {"a1": {"title": PAYLOADS[0], "url": "javascript:window.__pwned=1", "date": "2024"}}
    for i, text in enumerate(PAYLOADS):
        G.add_node(f"x{i}", name=text, type="company", aliases=[text + "!"], mentions=1, articles=["a1"])
    G.add_edge("x0", "x1", key="acquires", relation="acquires", confidence=1.0,
               evidence=[{"article": "a1", "sentence": " ".join(PAYLOADS), "start": 0, "end": 9}])
    page = render_html(G, title=PAYLOADS[1])
    for text in PAYLOADS:
        assert text not in page
    body = page.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&\u2028\u2029") & set(body)
    data = graph_data(page)
    assert [n["name"] for n in data["nodes"]] == PAYLOADS
    assert data["edges"][0]["evidence"][0]["sentence"] == " ".join(PAYLOADS)
    assert data["articles"]["a1"]["url"] == "javascript:window.__pwned=1"  # shown as text by the page
    assert f"<title>{html.escape(PAYLOADS[1])}</title>" in page


def test_json_for_script_escapes_html_and_line_separators():
    text = json_for_script({"s": "</script>&\u2028\u2029"})
    assert text == '{"s":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}'
    assert json.loads(text) == {"s": "</script>&\u2028\u2029"}


def test_payload_carries_positions_deals_and_party_roles():
    data = graph_data(render_html(example_graph()))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in nodes.values())
    deal = nodes["deal:microsoft-inflection-2024"]
    assert (deal["kind"], deal["amount_usd"], deal["date"]) == ("investment", 650_000_000.0, "2024-03")
    roles = {e["to"]: e["role"] for e in data["edges"] if e["relation"] == "party"}
    assert roles == {"company:microsoft": "investor", "company:inflection-ai": "investee"}
    assert nodes["model:mai-1"]["parameters"] == 500_000_000_000
    assert data["meta"]["types"] == ["company", "deal", "model", "person", "place"]
    assert data["articles"]["a2"] == {"title": "MAI-1 takes on GPT-4", "date": "2024-05-06"}


@pytest.mark.parametrize("text", ["company:microsoft", "MICROSOFT", "redmond", " msft "])
def test_focus_matches_id_name_or_alias_case_insensitively(text):
    assert find_node(example_graph(), text) == "company:microsoft"


def test_focus_prefers_name_over_alias():
    G = example_graph()
    # "Redmond" is an alias of Microsoft but also a prefix of the place's name; exact names win.
    G.nodes["place:redmond"]["name"] = "Redmond"
    assert find_node(G, "redmond") == "place:redmond"


def test_unknown_focus_raises_one_line_value_error():
    with pytest.raises(ValueError) as error:
        render_html(example_graph(), focus="Nobody Inc")
    assert "\n" not in str(error.value) and "Nobody Inc" in str(error.value)


def test_subgraph_view_depth_types_and_relations():
    G = example_graph()
    one_hop = subgraph_view(G, focus="MAI-1", depth=1)
    assert set(one_hop) == {"model:mai-1", "company:microsoft", "model:gpt-4"}
    assert set(subgraph_view(G, focus="MAI-1", depth=0)) == {"model:mai-1"}
    assert "person:mustafa-suleyman" in subgraph_view(G, focus="MAI-1", depth=2)
    companies = subgraph_view(G, types=["company"])
    assert {d["type"] for _, d in companies.nodes(data=True)} == {"company"}
    assert [k for _, _, k in companies.edges(keys=True)] == ["invests_in"]
    leads_only = subgraph_view(G, relations={"leads"})
    assert G.number_of_nodes() == leads_only.number_of_nodes()
    assert [k for _, _, k in leads_only.edges(keys=True)] == ["leads"]
    # the focus is kept even when its type is filtered out
    assert "person:mustafa-suleyman" in subgraph_view(G, focus="Suleyman", types=["company"])
    assert G.number_of_edges() == 7  # the input is untouched


def test_max_nodes_keeps_the_most_mentioned_and_the_focus():
    G = example_graph()
    data = graph_data(render_html(G, max_nodes=2))
    assert {n["id"] for n in data["nodes"]} == {"company:microsoft", "person:mustafa-suleyman"}
    data = graph_data(render_html(G, max_nodes=2, focus="GPT-4", depth=2))
    assert "model:gpt-4" in {n["id"] for n in data["nodes"]} and len(data["nodes"]) == 2
    assert data["meta"]["focus"] == "model:gpt-4"


def test_write_html_is_atomic_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "view.html"
    target.write_text("old")
    write_html(example_graph(), target, title="t")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
    assert stat.S_IMODE(os.stat(target).st_mode) & 0o600 == 0o600


def test_write_html_failure_keeps_the_old_file(tmp_path):
    target = tmp_path / "view.html"
    target.write_text("old")
    with pytest.raises(ValueError):
        write_html(example_graph(), target, focus="nobody")
    assert target.read_text() == "old" and len(list(tmp_path.iterdir())) == 1


def test_show_wraps_the_escaped_page_in_a_sandboxed_iframe():
    pytest.importorskip("IPython")
    shown = show(example_graph(), title="Notebook <view>")
    markup = shown.data if hasattr(shown, "data") else repr(shown)
    assert markup.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts allow-downloads"' in markup
    srcdoc = re.search(r'srcdoc="([^"]*)"', markup).group(1)
    assert "<" not in srcdoc and "&lt;!DOCTYPE html&gt;" in srcdoc
    assert html.unescape(srcdoc) == render_html(example_graph(), title="Notebook <view>")
    assert "iframe" in repr(shown) or "HTML" in repr(shown)


def test_seeds_sized_page_stays_small():
    # The seed corpus gives a graph of a few dozen nodes; 150 nodes with evidence is ample.
    page = render_html(synthetic_graph(150, seed=3))
    assert len(page.encode("utf-8")) < 1_500_000


def test_layout_is_deterministic_and_finite_for_both_backends():
    G = synthetic_graph(400, seed=5)
    backends = ["numpy"] + (["igraph"] if has_igraph() else [])
    for backend in backends:
        first = layout_positions(G, seed=2, backend=backend)
        assert first == layout_positions(G, seed=2, backend=backend)
        assert set(first) == set(G)
        assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())
        # nodes are spread out: the typical node's nearest neighbour is a good part of a unit away
        points = list(first.values())
        nearest = sorted(min(math.dist(p, q) for q in points if q is not p) for p in points)
        assert nearest[len(nearest) // 2] > 0.15, backend


def test_layout_does_not_depend_on_insertion_order():
    G = synthetic_graph(120, seed=4)
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert layout_positions(G, seed=0) == layout_positions(H, seed=0)
    # the page's layout too (label boxes, planned zoom): the same graph gives the same positions
    def page_positions(graph):
        return {n["id"]: (n["x"], n["y"]) for n in graph_data(render_html(graph))["nodes"]}

    assert page_positions(G) == page_positions(H)


def test_layout_rejects_unknown_backend():
    with pytest.raises(ValueError, match="backend"):
        layout_positions(nx.path_graph(3), backend="spring")


def test_layout_boxes_never_overlap_and_unconnected_nodes_go_below():
    G = synthetic_graph(400, seed=6)
    G.add_nodes_from((f"place:lonely-{i}", {"name": f"Lonely {i}", "type": "place", "mentions": 1}) for i in range(9))
    boxes = {n: node_box(node_size(G.nodes[n].get("mentions", 0)), node_label(G.nodes[n], n)) for n in G}
    positions = layout_positions(G, boxes=boxes, edge_length=120, aspect=1.2, seed=1)
    assert overlapping_pairs(positions, boxes) == []
    lonely = [n for n in G if G.degree(n) == 0]
    assert len(lonely) >= 9
    lowest_connected = max(positions[n][1] + boxes[n][3] for n in G if G.degree(n) > 0)
    assert all(positions[n][1] + boxes[n][1] > lowest_connected for n in lonely)


@pytest.mark.parametrize("aspect", [0.8, 1.2, 2.0])
def test_components_are_packed_to_the_aspect_ratio(aspect):
    G = nx.Graph()
    for c in range(60):  # sixty small components of 2 to 7 nodes
        nx.add_path(G, [f"c{c}-{i}" for i in range(2 + c % 6)])
    boxes = {n: (-30.0, -10.0, 30.0, 25.0) for n in G}
    positions = layout_positions(G, boxes=boxes, edge_length=100, aspect=aspect, seed=0)
    assert overlapping_pairs(positions, boxes) == []
    xs = [positions[n][0] + b for n in G for b in (boxes[n][0], boxes[n][2])]
    ys = [positions[n][1] + b for n in G for b in (boxes[n][1], boxes[n][3])]
    ratio = (max(xs) - min(xs)) / (max(ys) - min(ys))
    assert aspect / 1.5 <= ratio <= aspect * 1.5


def test_remove_overlaps_separates_stacked_boxes():
    import numpy as np

    from graph.layout import remove_overlaps

    extents = np.tile([-20.0, -5.0, 20.0, 5.0], (50, 1))
    moved = remove_overlaps(np.zeros((50, 2)), extents)
    positions = {i: tuple(moved[i]) for i in range(50)}
    assert overlapping_pairs(positions, {i: tuple(extents[i]) for i in range(50)}) == []


def test_page_carries_article_texts_inert_and_a_corpus_header():
    G = example_graph()
    G.graph["article_count"] = 2
    G.graph["articles"]["a1"]["text"] = "Microsoft hired them. " + PAYLOADS[0]
    page = render_html(G, corpus="seeds/articles", built="2026-12-06")
    assert "<title>seeds/articles \u2014 newsgraph</title>" in page
    assert "seeds/articles \u00b7 2 articles \u00b7 6 entities \u00b7 1 deal \u00b7 built 2026-12-06" in page
    block = re.search(r'<script type="application/json" id="article-texts">(.*?)</script>', page, re.S).group(1)
    assert PAYLOADS[0] not in page
    assert json.loads(block) == {"a1": G.graph["articles"]["a1"]["text"]}
    # the texts are not in the graph data (which the page parses at once)
    assert "text" not in graph_data(page)["articles"]["a1"]


def test_payload_labels_and_sizes():
    data = graph_data(render_html(example_graph()))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["deal:microsoft-inflection-2024"]["label"] == "investment $650M"
    assert nodes["company:microsoft"]["label"] == "Microsoft"
    assert nodes["company:microsoft"]["size"] > nodes["model:gpt-4"]["size"]
    evidence = next(e for e in data["edges"] if e["relation"] == "leads")["evidence"][0]
    assert set(evidence) == {"article", "sentence", "start", "end"}


def test_the_page_carries_the_one_relation_schema():
    import networkx as nx

    from extract.schema import schema_data
    from graph.render import graph_payload as page_data

    G = nx.MultiDiGraph()
    G.add_node("company:a", name="A", type="company", mentions=1, articles=[], aliases=[])
    G.add_node("company:b", name="B", type="company", mentions=1, articles=[], aliases=[])
    G.add_edge("company:a", "company:b", key="partners_with", relation="partners_with", evidence=[], confidence=0.9)
    assert page_data(G)["meta"]["schema"] == schema_data()
    assert page_data(G)["meta"]["schema"]["partners_with"]["symmetric"] is True


# ---- the page cap (issue 15): a year of news gives a page a browser can open ------------------------


def news_year_graph(n_articles: int, seed: int = 0) -> nx.MultiDiGraph:
    """A synthetic graph of ``n_articles`` one-sentence articles (one node per article, as a
    20,000-article build of one-sentence articles gave about as many entities), texts included."""
    G = synthetic_graph(n_articles, articles=n_articles, seed=seed)
    for article, info in G.graph["articles"].items():
        info["text"] = f"Reports say the company behind {article} agreed to buy a rival this week, it said on Monday."
    return G


def page_texts(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="article-texts">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_twenty_thousand_articles_render_to_at_most_ten_megabytes_by_default():
    # Before the cap: 27.7 MB (the build of 20,000 one-sentence articles: 25.7 MB).
    G = news_year_graph(20_000)
    page = render_html(G)
    assert len(page.encode("utf-8")) <= 10_000_000
    data = graph_data(page)
    capped = data["meta"]["capped"]
    assert capped["of_nodes"] == 20_000 and capped["nodes"] == len(data["nodes"]) <= MAX_NODES
    assert capped["of_edges"] == G.number_of_edges() and capped["edges"] == len(data["edges"])
    assert "2,000 most mentioned of 20,000" in capped["note"] and "--focus" in capped["note"]
    # texts only for the articles that the embedded evidence cites
    cited = {ev["article"] for edge in data["edges"] for ev in edge["evidence"]}
    assert set(page_texts(page)) == cited


def test_page_nodes_are_the_most_mentioned_with_deals_and_their_parties():
    G = synthetic_graph(600, seed=2)
    chosen = page_nodes(G, 100)
    assert len(chosen) == 100 and chosen == page_nodes(G, 100)  # deterministic
    for deal in (n for n in chosen if G.nodes[n]["type"] == "deal"):
        parties = {v for _, v, k in G.out_edges(deal, keys=True) if k == "party"}
        assert parties <= set(chosen), deal
    # every node left out is at most as mentioned as the least mentioned non-deal node kept, unless it is a
    # deal whose parties did not fit (or a party pulled in by a deal)
    pulled = {v for n in chosen if G.nodes[n]["type"] == "deal"
              for _, v, k in G.out_edges(n, keys=True) if k == "party"}
    floor = min(G.nodes[n]["mentions"] for n in chosen if G.nodes[n]["type"] != "deal" and n not in pulled)
    assert all(G.nodes[n]["mentions"] <= floor for n in G if n not in chosen and G.nodes[n]["type"] != "deal")
    # ties are broken by id, whatever the insertion order
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(sorted(G.nodes(data=True), reverse=True))
    shuffled.add_edges_from(G.edges(keys=True, data=True))
    assert page_nodes(shuffled, 100) == chosen


def test_a_capped_page_caps_evidence_and_articles_and_says_how_many_are_left_out():
    G = example_graph()
    G.graph["articles"].update({f"x{i}": {"title": f"Story {i}", "text": f"Story {i}."} for i in range(150)})
    G.graph["articles"]["a1"]["text"] = "Microsoft paid Inflection $650 million."
    many = [{"article": f"x{i}", "sentence": f"Story {i}.", "start": 0, "end": 9} for i in range(25)]
    G.edges["company:microsoft", "company:inflection-ai", "invests_in"]["evidence"] = many
    G.nodes["company:microsoft"]["articles"] += [f"x{i}" for i in range(150)]
    page = render_html(G, max_nodes=3)
    data = graph_data(page)
    edge = next(e for e in data["edges"] if e["relation"] == "invests_in")
    assert len(edge["evidence"]) == PAGE_EVIDENCE_PER_EDGE and edge["evidence_left_out"] == 25 - PAGE_EVIDENCE_PER_EDGE
    microsoft = next(n for n in data["nodes"] if n["id"] == "company:microsoft")
    assert len(microsoft["articles"]) == PAGE_ARTICLES_PER_NODE
    assert microsoft["articles_left_out"] == 152 - PAGE_ARTICLES_PER_NODE
    assert set(page_texts(page)) == {ev["article"] for e in data["edges"] for ev in e["evidence"]}
    assert data["meta"]["capped"]["of_nodes"] == 7
    # the same graph uncapped keeps everything, and a page under the cap says nothing about a cap
    for uncapped in (render_html(G, max_nodes=0), render_html(G, max_nodes=7), render_html(G, max_nodes=None)):
        data = graph_data(uncapped)
        assert "capped" not in data["meta"] and len(data["nodes"]) == 7
        edge = next(e for e in data["edges"] if e["relation"] == "invests_in")
        assert len(edge["evidence"]) == 25 and "evidence_left_out" not in edge
    with pytest.raises(ValueError, match="max_nodes"):
        render_html(G, max_nodes=-1)


def test_a_capped_page_keeps_the_best_attested_edges_and_every_party_edge():
    # The nodes of a capped page are bounded, but the edges among the most mentioned grow with the
    # articles (a 100,000-article build: an 18 MB page at 2,000 nodes); a page keeps at most
    # PAGE_EDGES_PER_NODE per node shown, the best attested first, and always a deal's party edges.
    G = synthetic_graph(600, seed=2)
    top = page_nodes(G, 50)
    people = [n for n in top if G.nodes[n]["type"] != "deal"]
    for i, u in enumerate(people):
        for j, v in enumerate(people[i + 1:], i + 1):
            evidence = [{"article": "a1", "sentence": "S.", "start": 0, "end": 2}] * (1 + (i * 7 + j) % 5)
            G.add_edge(u, v, key="competes_with", relation="competes_with", evidence=evidence, confidence=0.5)
    among = sum(1 for u, v in G.edges() if u in top and v in top)
    assert among > PAGE_EDGES_PER_NODE * 50
    data = graph_data(render_html(G, max_nodes=50))
    assert {n["id"] for n in data["nodes"]} == set(top)
    assert len(data["edges"]) == PAGE_EDGES_PER_NODE * 50
    kept = {(e["from"], e["to"], e["relation"]) for e in data["edges"]}
    parties = {(u, v, k) for u in top if G.nodes[u]["type"] == "deal" for _, v, k in G.out_edges(u, keys=True) if k == "party"}
    assert parties and parties <= kept
    weakest_kept = min(len(e["evidence"]) for e in data["edges"] if e["relation"] != "party")
    dropped = [d for u, v, k, d in G.edges(keys=True, data=True)
               if u in top and v in top and (u, v, k) not in kept]
    assert dropped and all(len(d["evidence"]) <= weakest_kept for d in dropped)
    capped = data["meta"]["capped"]
    assert f"the {len(data['edges']):,} best attested of their {among:,} relations" in capped["note"]


def test_a_page_under_the_cap_is_the_page_of_before():
    # the cap changes nothing for graphs that fit: same data, same texts
    G = synthetic_graph(300, seed=9)
    assert graph_data(render_html(G, built="2026-01-01")) == graph_data(render_html(G, built="2026-01-01", max_nodes=0))


def test_focus_and_types_reach_any_node_of_the_full_graph():
    G = synthetic_graph(3000, seed=4)
    shown = set(page_nodes(G, MAX_NODES))
    outside = min((n for n in G if n not in shown and G.degree(n)), key=lambda n: (G.nodes[n]["mentions"], n))
    data = graph_data(render_html(G, focus=outside))
    assert outside in {n["id"] for n in data["nodes"]} and data["meta"]["focus"] == outside
    places = {n for n, d in G.nodes(data=True) if d["type"] == "place"}
    assert places - shown  # some places are not in the default page ...
    data = graph_data(render_html(G, types=["place"]))
    assert {n["id"] for n in data["nodes"]} == places  # ... and --types reaches all of them
    companies = sum(1 for _, d in G.nodes(data=True) if d["type"] == "company")
    note = graph_data(render_html(G, types=["company"], max_nodes=10))["meta"]["capped"]["note"]
    assert note.startswith(f"Showing the 10 most mentioned of {companies:,} matching entities and deals")


def test_render_command_caps_the_page_and_says_so(tmp_path):
    from click.testing import CliRunner

    from graph.cli import MAX_PAGE_NODES, main
    from graph.io import write_json

    assert MAX_PAGE_NODES == MAX_NODES
    G = synthetic_graph(400, seed=1)
    source = tmp_path / "graph.json"
    write_json(G, source)
    target = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(target), "--max-nodes", "50"])
    assert result.exit_code == 0, result.output
    data = graph_data(target.read_text(encoding="utf-8"))
    assert len(data["nodes"]) <= 50 and data["meta"]["capped"]["of_nodes"] == 400
    assert f"Showing the {len(data['nodes'])} most mentioned of 400" in result.output
    assert str(source) in data["meta"]["capped"]["note"]
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(target), "--max-nodes", "0"])
    assert result.exit_code == 0 and "Showing" not in result.output
    assert len(graph_data(target.read_text(encoding="utf-8"))["nodes"]) == 400
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(target), "--max-nodes", "-3"])
    assert result.exit_code == 2 and "--max-nodes" in result.output


def test_build_max_nodes_caps_graph_html_and_reports_it(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    (tmp_path / "in.txt").write_text("Nvidia's CEO Jensen Huang said Nvidia will invest in Acme Robotics Inc.\n",
                                     encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in.txt"), "-o", str(out), "--no-cache",
                                       "--max-nodes", "1"])
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    total = len(graph["nodes"])
    assert total > 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["page"]["nodes"] == 1 and report["page"]["of_nodes"] == total
    assert f"graph.html: Showing the 1 most mentioned of {total}" in result.output
    assert str(out / "graph.json") in report["page"]["note"]
    assert len(graph_data((out / "graph.html").read_text(encoding="utf-8"))["nodes"]) == 1
    # under the cap: nothing said, the report has no page entry
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in.txt"), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0 and "graph.html:" not in result.output
    assert "page" not in json.loads((out / "report.json").read_text(encoding="utf-8"))
