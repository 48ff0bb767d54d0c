"""The HTML viewer in headless Chromium: offline loading, search, filters, panels, safety.

Needs Debian's /usr/bin/chromium and the playwright package (never `playwright install`);
skips cleanly without them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import networkx as nx
import pytest

from graph.render import LOD_NODES, write_html
from tests.graph.synthetic import example_graph, synthetic_graph

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="needs the playwright package"),
]

XSS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "\"'><svg onload=window.__pwned=1>",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Viewer:
    """A loaded page plus what it logged and requested."""

    def __init__(self, browser, path: Path):
        self.url = path.as_uri()
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)
        self.page.wait_for_function("window.newsgraph && window.newsgraph.timings.firstDraw !== null")

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def panel_text(self) -> str:
        return self.page.inner_text("#panel")


@pytest.fixture
def open_viewer(browser, tmp_path):
    opened = []

    def open_graph(G: nx.MultiDiGraph, **kwargs) -> Viewer:
        path = tmp_path / f"view{len(opened)}.html"
        write_html(G, path, **kwargs)
        viewer = Viewer(browser, path)
        opened.append(viewer)
        return viewer

    yield open_graph
    for viewer in opened:
        viewer.page.close()


def test_loads_offline_without_errors_or_requests(open_viewer):
    viewer = open_viewer(example_graph(), title="Seeds")
    assert viewer.errors == []
    assert viewer.requests == [viewer.url]
    assert viewer.page.title() == "Seeds"
    assert sorted(viewer.js("newsgraph.shownNodeIds()")) == sorted(example_graph().nodes)
    assert "Showing 7 of 7 matching nodes" in viewer.page.inner_text("#counts")
    legend = viewer.page.inner_text("#type-filters")
    for node_type in ("company", "deal", "model", "person", "place"):
        assert node_type in legend


def test_search_by_alias_centres_and_selects_the_node(open_viewer):
    viewer = open_viewer(example_graph())
    viewer.page.fill("#search", "redm")
    suggestions = viewer.page.inner_text("#suggestions")
    assert "Redmond" in suggestions and "alias of Microsoft" in suggestions
    viewer.page.press("#search", "Enter")
    assert viewer.js("newsgraph.network.getSelectedNodes()") == ["company:microsoft"]
    centre = viewer.js("newsgraph.network.getViewPosition()")
    node = viewer.js("newsgraph.network.getPositions(['company:microsoft'])['company:microsoft']")
    assert abs(centre["x"] - node["x"]) < 1 and abs(centre["y"] - node["y"]) < 1
    assert viewer.page.inner_text("#panel h2") == "Microsoft"
    assert viewer.errors == []


def test_filters_hide_nodes_and_update_counts(open_viewer):
    viewer = open_viewer(example_graph())
    viewer.page.uncheck("#type-filters li[data-type=person] input")
    shown = viewer.js("newsgraph.shownNodeIds()")
    assert "person:mustafa-suleyman" not in shown and len(shown) == 6
    assert viewer.js("newsgraph.network.body.data.nodes.length") == 6
    counts = viewer.page.inner_text("#counts")
    assert "Showing 6 of 6 matching nodes (7 in all)" in counts and "5 of 5 matching edges" in counts
    assert viewer.page.inner_text("#type-filters li[data-type=person] .count") == "0"

    viewer.page.uncheck("#relation-filters li[data-relation=party] input")
    assert "3 of 3 matching edges" in viewer.page.inner_text("#counts")

    viewer.page.fill("#min-mentions", "5")
    assert sorted(viewer.js("newsgraph.shownNodeIds()")) == ["company:inflection-ai", "company:microsoft"]

    viewer.page.fill("#min-mentions", "0")
    viewer.page.fill("#date-from", "2025")
    assert "deal:microsoft-inflection-2024" not in viewer.js("newsgraph.shownNodeIds()")
    viewer.page.fill("#date-from", "2024-01")
    viewer.page.fill("#date-to", "2024-03")
    assert "deal:microsoft-inflection-2024" in viewer.js("newsgraph.shownNodeIds()")
    assert viewer.errors == []


def test_mouse_click_on_a_node_fills_the_panel(open_viewer):
    viewer = open_viewer(example_graph())
    x, y = viewer.js("""(id) => {
        const net = newsgraph.network;
        const dom = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y];
    }""", "company:microsoft")
    viewer.page.mouse.click(x, y)
    assert viewer.js("newsgraph.network.getSelectedNodes()") == ["company:microsoft"]
    panel = viewer.panel_text()
    for text in ("Microsoft", "company", "Redmond, MSFT", "12", "Microsoft hires Inflection founders",
                 "MAI-1 takes on GPT-4", "leads", "Mustafa Suleyman", "develops"):
        assert text in panel
    links = viewer.js("Array.from(document.querySelectorAll('#panel a')).map(a => [a.textContent, a.href])")
    assert links == [["Microsoft hires Inflection founders", "https://news.example/a1"]]
    # the neighbourhood stays lit, the rest is dimmed
    colours = viewer.js("""() => Object.fromEntries(newsgraph.network.body.data.nodes.get()
        .map(n => [n.id, n.color.background]))""")
    assert colours["place:redmond"] == "#e8e8e8" and colours["model:mai-1"] != "#e8e8e8"
    assert viewer.errors == []


def test_edge_click_lists_evidence_with_highlighted_mentions(open_viewer):
    viewer = open_viewer(example_graph())
    edge = viewer.js("newsgraph.findEdge('person:mustafa-suleyman', 'company:microsoft', 'leads')")
    viewer.js("(id) => newsgraph.selectEdge(id)", edge)
    assert viewer.js("newsgraph.network.getSelectedEdges()") == [edge]
    marks = viewer.js("Array.from(document.querySelectorAll('#panel .evidence mark')).map(m => m.textContent)")
    assert marks == ["Suleyman", "Microsoft", "Redmond"]
    sentence = viewer.page.inner_text("#panel .evidence .sentence")
    assert sentence == "Suleyman will lead Microsoft AI, the company in Redmond said."
    assert "Microsoft hires Inflection founders" in viewer.page.inner_text("#panel .evidence .source")


def test_deal_click_shows_kind_amount_date_and_parties(open_viewer):
    viewer = open_viewer(example_graph())
    viewer.js("newsgraph.select('deal:microsoft-inflection-2024')")
    panel = viewer.panel_text()
    assert "investment" in panel and "$650 million" in panel and "2024-03" in panel
    parties = viewer.js("Array.from(document.querySelectorAll('#panel .parties li')).map(li => li.textContent)")
    assert sorted(parties) == ["Inflection AI \u2014 investee", "Microsoft \u2014 investor"]
    viewer.page.click("#panel .parties button >> text=Inflection AI")
    assert viewer.js("newsgraph.network.getSelectedNodes()") == ["company:inflection-ai"]


def test_physics_fit_and_png_export(open_viewer):
    viewer = open_viewer(example_graph())
    viewer.page.click("#physics")
    assert viewer.page.inner_text("#physics") == "Physics: on"
    assert viewer.js("newsgraph.network.physics.options.enabled") is True
    viewer.page.click("#physics")
    assert viewer.js("newsgraph.network.physics.options.enabled") is False
    viewer.js("newsgraph.network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")
    viewer.page.click("#fit")
    assert viewer.js("newsgraph.network.getScale()") < 3
    with viewer.page.expect_download() as download:
        viewer.page.click("#export-png")
    assert download.value.suggested_filename == "newsgraph.png"
    assert viewer.js("document.getElementById('png-link').href").startswith("data:image/png;base64,")
    assert viewer.errors == []


def xss_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["articles"] = {
        f"a{i}": {"title": payload, "url": XSS[2] if i % 2 else payload, "date": payload}
        for i, payload in enumerate(XSS)
    }
    for i, payload in enumerate(XSS):
        G.add_node(f"company:x{i}", name=payload, type="company", aliases=[f"alias {payload}"],
                   mentions=i + 1, articles=list(G.graph["articles"]))
    G.add_node("deal:x", name=XSS[3], type="deal", kind=XSS[0], amount_usd=None, date=XSS[1],
               aliases=[], mentions=1, articles=["a0"])
    sentence = " and ".join(XSS)
    evidence = [{"article": f"a{i}", "sentence": sentence, "start": 0, "end": len(sentence)} for i in range(4)]
    G.add_edge("company:x0", "company:x1", key="acquires", relation="acquires", confidence=0.9, evidence=evidence)
    G.add_edge("company:x2", "company:x3", key="partners_with", relation="partners_with", confidence=0.9,
               evidence=evidence)
    G.add_edge("deal:x", "company:x3", key="party", relation="party", role=XSS[1], confidence=0.9,
               evidence=evidence)
    return G


def test_untrusted_text_never_runs_and_shows_as_text(open_viewer):
    viewer = open_viewer(xss_graph(), title=XSS[0])
    assert viewer.page.title() == XSS[0]
    viewer.page.fill("#search", "<script>")
    viewer.page.press("#search", "Enter")
    assert viewer.js("newsgraph.network.getSelectedNodes()") == ["company:x0"]
    assert XSS[0] in viewer.panel_text()
    for i, payload in enumerate(XSS):
        viewer.js("(id) => newsgraph.select(id)", f"company:x{i}")
        panel = viewer.panel_text()
        assert payload in panel and f"alias {payload}" in panel
        for title in XSS:
            assert title in panel
    # no link was made from a javascript: or relative URL
    assert viewer.js("document.querySelectorAll('#panel a').length") == 0
    viewer.js("newsgraph.select('deal:x')")
    assert XSS[0] in viewer.panel_text() and XSS[1] in viewer.panel_text()
    for relation in ("acquires", "partners_with", "party"):
        edge = viewer.js("""(relation) => newsgraph.shownEdgeIds().find(
            id => newsgraph.network.body.data.edges.get(id).label.startsWith(relation))""", relation)
        viewer.js("(id) => newsgraph.selectEdge(id)", edge)
        sentences = viewer.js("Array.from(document.querySelectorAll('#panel .sentence')).map(p => p.textContent)")
        assert sentences == [" and ".join(XSS)] * 4
        assert viewer.js("document.querySelectorAll('#panel .sentence mark').length") >= 2
        assert viewer.js("document.querySelectorAll('#panel script, #panel img, #panel svg').length") == 0
    # tooltips are plain text too
    titles = viewer.js("newsgraph.network.body.data.nodes.get().map(n => n.title)")
    assert all(isinstance(title, str) for title in titles)
    assert viewer.js("window.__pwned") is None
    assert viewer.requests == [viewer.url]
    assert viewer.errors == []


def test_large_graph_draws_the_most_mentioned_and_reveals_on_search(open_viewer):
    G = synthetic_graph(LOD_NODES + 700, seed=7)
    viewer = open_viewer(G)
    shown = set(viewer.js("newsgraph.shownNodeIds()"))
    assert len(shown) == LOD_NODES
    ranked = sorted(G.nodes, key=lambda n: (-G.nodes[n]["mentions"], n))
    assert ranked[0] in shown
    hidden = next(n for n in reversed(ranked) if n not in shown)
    assert viewer.js("(name) => newsgraph.search(name)", G.nodes[hidden]["name"]) == hidden
    shown_after = set(viewer.js("newsgraph.shownNodeIds()"))
    assert hidden in shown_after and set(nx.all_neighbors(G, hidden)) <= shown_after
    assert viewer.js("document.getElementById('lod-note').hidden") is False
    # a filter that leaves fewer nodes than the limit shows all of them
    viewer.page.fill("#min-mentions", "3")
    wanted = {n for n, d in G.nodes(data=True) if d["mentions"] >= 3} | {hidden}
    assert len(wanted) <= LOD_NODES
    assert set(viewer.js("newsgraph.shownNodeIds()")) == wanted
    assert viewer.errors == []
