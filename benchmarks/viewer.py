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

Run from the repository root: ``python benchmarks/viewer.py [--sizes 1000 5000 20000]``.
Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.render import write_html  # noqa: E402
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


def seconds(value: float | None, limit: float) -> str:
    return f"> {limit:.0f} s" if value is None else f"{value:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--limit", type=float, default=60.0, help="cap per pyvis step, seconds")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print(f"{'nodes':>6} {'edges':>6} | {'ours py':>8} {'draw':>7} {'ready':>7} {'pan':>7} {'shown':>6} "
              f"{'size':>7} | {'pyvis py':>9} {'draw':>9} {'ready':>9} | ratio")
        for n_nodes in options.sizes:
            G = synthetic_graph(n_nodes, seed=0)
            ours = Path(folder) / f"ours-{n_nodes}.html"
            start = time.perf_counter()
            write_html(G, ours, title=f"synthetic {n_nodes}")
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
        browser.close()


if __name__ == "__main__":
    main()
