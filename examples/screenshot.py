"""Screenshot the viewer with Playwright and Debian's chromium (never a downloaded browser).

Builds the seed corpus (``../shared/corpus/seeds/articles``) into a temporary folder and
saves ``examples/viewer.png`` at 1440 x 900, the picture in the README. Give ``--html`` to
shoot an existing page instead, and ``--select NODE`` / ``--article ID`` to show a
selection or the reader.

Run from the repository root: ``python examples/screenshot.py [--html out/graph.html] [-o PNG]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds" / "articles"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def build_seeds(folder: Path) -> Path:
    """Build the seed corpus with the command line; return the page."""
    newsgraph = Path(sys.executable).with_name("newsgraph")
    command = [str(newsgraph)] if newsgraph.exists() else [sys.executable, "-m", "graph.cli"]
    subprocess.run([*command, "build", str(SEEDS), "-o", str(folder), "-q", "--no-cache"], check=True, cwd=ROOT)
    return folder / "graph.html"


def shoot(page_path: Path, out: Path, *, select: str | None = None, article: str | None = None,
          width: int = 1440, height: int = 900) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.newsgraph && newsgraph.timings.firstDraw !== null")
        if select:
            page.evaluate("(text) => newsgraph.search(text)", select)
        if article:
            page.evaluate("(id) => newsgraph.openArticle(id, null)", article)
        page.wait_for_timeout(200)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, help="an existing viewer page (default: build the seeds)")
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "examples" / "viewer.png")
    parser.add_argument("--select", help="search for this entity before the shot")
    parser.add_argument("--article", help="open this article in the reader before the shot")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page = options.html or build_seeds(Path(folder))
        shoot(page, options.out, select=options.select, article=options.article)
    print(f"wrote {options.out}")


if __name__ == "__main__":
    main()
