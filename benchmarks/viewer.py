"""Time the HTML viewer against pyvis defaults on synthetic graphs (3 edges per node).

For 1k, 5k and 20k nodes prints, for ours and for a pyvis ``Network()`` filled with
``add_nodes``/``add_edges`` and physics left at its default:

- Python time to build the page (ours includes the layout),
- browser time to first draw (first ``afterDrawing``) and to interactive (ours: first draw,
  physics is off; pyvis: ``stabilizationIterationsDone`` then a draw), from navigation start,
- ours: the slowest redraw while panning (ten ``moveTo`` + ``redraw`` steps after one warm-up redraw),
- the ratio pyvis / ours for time to interactive (Python + browser).

Each pyvis step is capped at ``--limit`` seconds and reported as "> limit". pyvis pages
are written with ``cdn_resources="in_line"`` (its default "local" loads vis-network from a
CDN, which is unreachable offline); the Bootstrap CDN links it still holds are aborted.

Then, for synthetic news of 5k and 20k one-sentence articles (one node per article, texts
included), the page capped at ``--max-nodes`` (default: the build's) against the uncapped page, in
the same run: page size, Python time, browser time to first draw, and the ratios uncapped / capped.

Run from the repository root: ``python benchmarks/viewer.py [--sizes 1000 5000 20000]
[--articles 5000 20000] [--max-nodes N ...]``; ``--sizes`` or ``--articles`` with no number skips
that table. Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.render import MAX_NODES, write_html  # noqa: E402
from tests.graph.synthetic import synthetic_graph  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

TIMING_HOOK = """<script>
window.__timings = {firstDraw: null, stabilized: null, interactive: null};
network.once("afterDrawing", function () { window.__timings.firstDraw = performance.now(); });
network.once("stabilizationIterationsDone", function () {
  window.__timings.stabilized = performance.now();
  network.once("afterDrawing", function () { window.__timings.interactive = performance.now(); });
});
</script></body>"""


def build_pyvis(n_nodes: int, path: str) -> None:
    """Build and write the pyvis page the way its docs show (run in a child process)."""
    from pyvis.network import Network

    G = synthetic_graph(n_nodes, seed=0)
    net = Network(cdn_resources="in_line")
    ids = list(G.nodes)
    net.add_nodes(ids, label=[G.nodes[n]["name"] for n in ids], title=[G.nodes[n]["type"] for n in ids])
    net.add_edges([(u, v) for u, v in G.edges()])
    page = net.generate_html()
    Path(path).write_text(page.replace("</body>", TIMING_HOOK, 1), encoding="utf-8")


def timed_in_child(target, args, limit: float) -> float | None:
    """Run ``target(*args)`` in a child process; return seconds, or None past ``limit``."""
    child = multiprocessing.Process(target=target, args=args)
    start = time.perf_counter()
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return time.perf_counter() - start if child.exitcode == 0 else None


def browser_times(browser, path: Path, ready: str, limit: float, pan: bool = False) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    try:
        page.goto(path.as_uri(), timeout=limit * 1000)
        page.wait_for_function(ready, timeout=limit * 1000)
        if pan:
            return page.evaluate("""() => {
                const net = newsgraph.network, start = net.getViewPosition(), steps = [];
                net.redraw();  // warm-up: the first frame measures every label once
                for (let i = 1; i <= 10; i++) {
                    const t = performance.now();
                    net.moveTo({position: {x: start.x + 40 * i, y: start.y + 20 * i}});
                    net.redraw();
                    steps.push(performance.now() - t);
                }
                return {firstDraw: newsgraph.timings.firstDraw, interactive: newsgraph.timings.firstDraw,
                        pan: Math.max(...steps), shown: newsgraph.shownNodeIds().length};
            }""")
        return page.evaluate("window.__timings")
    except Exception:  # a timeout: report "> limit", and how far pyvis's stabilisation got
        try:
            return {"iterations": page.evaluate(
                "typeof network === 'undefined' ? null : network.physics.stabilizationIterations")}
        except Exception:
            return {}
    finally:
        page.close()


def news_graph(n_articles: int):
    """Synthetic news: ``n_articles`` one-sentence articles, one node per article (a 20,000-article
    build of one-sentence articles gave a 25.7 MB page; this graph's uncapped page is 27.7 MB)."""
    G = synthetic_graph(n_articles, articles=n_articles, seed=0)
    for article, info in G.graph["articles"].items():
        info["text"] = f"Reports say the company behind {article} agreed to buy a rival this week, it said on Monday."
    return G


def page_row(browser, G, path: Path, max_nodes: int, limit: float) -> dict:
    """Size, Python time and browser first draw of ``G``'s page capped at ``max_nodes`` (0: all)."""
    start = time.perf_counter()
    write_html(G, path, max_nodes=max_nodes)
    python = time.perf_counter() - start
    drawn = browser_times(browser, path, "window.newsgraph && newsgraph.timings.firstDraw", limit, pan=True)
    return {"size": path.stat().st_size, "python": python, "draw": drawn.get("firstDraw"), "pan": drawn.get("pan")}


def capped_table(browser, folder: str, sizes: list[int], caps: list[int], limit: float) -> None:
    print(f"\n{'articles':>8} {'max-nodes':>9} | {'size':>8} {'python':>8} {'draw':>8} {'pan':>7} | "
          f"{'size ratio':>10} {'ready ratio':>11}   (ratios: uncapped / capped, same run)")
    for n_articles in sizes:
        G = news_graph(n_articles)
        rows = {}
        for cap in [0, *caps]:
            rows[cap] = page_row(browser, G, Path(folder) / f"news-{n_articles}-{cap}.html", cap, limit)
        full = rows[0]

        def ready(row):  # Python + browser, seconds
            return row["python"] + (row["draw"] if row["draw"] is not None else float("nan")) / 1000

        for cap, row in rows.items():
            draw = "-" if row["draw"] is None else f"{row['draw'] / 1000:.2f} s"
            pan = "-" if row["pan"] is None else f"{row['pan']:.0f} ms"
            print(f"{n_articles:>8} {cap or 'all':>9} | {row['size'] / 1e6:>6.1f}MB {row['python']:>6.2f} s "
                  f"{draw:>8} {pan:>7} | {full['size'] / row['size']:>9.1f}x {ready(full) / ready(row):>10.1f}x",
                  flush=True)


def seconds(value: float | None, limit: float) -> str:
    return f"> {limit:.0f} s" if value is None else f"{value:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000])
    parser.add_argument("--limit", type=float, default=60.0, help="cap per pyvis step, seconds")
    parser.add_argument("--articles", type=int, nargs="*", default=[5000, 20000],
                        help="sizes of the capped-page table, in one-sentence articles")
    parser.add_argument("--max-nodes", type=int, nargs="+", default=[MAX_NODES], help="caps to compare with all")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        if options.sizes:
            print(f"{'nodes':>6} {'edges':>6} | {'ours py':>8} {'draw':>7} {'ready':>7} {'pan':>7} {'shown':>6} "
                  f"{'size':>7} | {'pyvis py':>9} {'draw':>9} {'ready':>9} | ratio")
        for n_nodes in options.sizes:
            G = synthetic_graph(n_nodes, seed=0)
            ours = Path(folder) / f"ours-{n_nodes}.html"
            start = time.perf_counter()
            write_html(G, ours, title=f"synthetic {n_nodes}", max_nodes=0)  # every node, as pyvis gets
            ours_python = time.perf_counter() - start
            ours_browser = browser_times(browser, ours, "window.newsgraph && newsgraph.timings.firstDraw",
                                         options.limit, pan=True)
            theirs = Path(folder) / f"pyvis-{n_nodes}.html"
            pyvis_python = timed_in_child(build_pyvis, (n_nodes, str(theirs)), options.limit)
            pyvis_browser = {}
            if pyvis_python is not None:
                pyvis_browser = browser_times(browser, theirs, "window.__timings && __timings.interactive",
                                              options.limit)
            ours_total = ours_python + ours_browser.get("interactive", float("nan")) / 1000
            pyvis_ready = pyvis_browser.get("interactive")
            ratio = (f"{(pyvis_python + pyvis_ready / 1000) / ours_total:.1f}x" if pyvis_ready
                     else f"> {(options.limit + (pyvis_python or 0)) / ours_total:.0f}x")

            def ms(value):
                return "-" if value is None else f"{value / 1000:.2f} s"

            print(f"{n_nodes:>6} {G.number_of_edges():>6} | {ours_python:>6.2f} s {ms(ours_browser.get('firstDraw')):>7} "
                  f"{ms(ours_browser.get('interactive')):>7} {ours_browser.get('pan', float('nan')):>4.0f} ms "
                  f"{ours_browser.get('shown', 0):>6} {ours.stat().st_size / 1e6:>5.1f}MB | "
                  f"{seconds(pyvis_python, options.limit):>9} "
                  f"{ms(pyvis_browser.get('firstDraw')) if pyvis_python else '-':>9} "
                  f"{ms(pyvis_ready) if pyvis_ready else ('> %.0f s' % options.limit if pyvis_python else '-'):>9} | "
                  f"{ratio}" + (f" (pyvis stabilisation at iteration {pyvis_browser['iterations']} of 1000"
                                f" after {options.limit:.0f} s)" if pyvis_browser.get("iterations") else ""),
                  flush=True)
        if options.articles:
            capped_table(browser, folder, options.articles, options.max_nodes, options.limit)
        browser.close()


if __name__ == "__main__":
    main()
