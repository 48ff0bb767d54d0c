"""Time to read pathological HTML pages at two sizes, and the ratio: linear time reads twice the page
in about twice the time (a ratio near 2); quadratic time takes about four times as long.

Usage::

    .venv/bin/python benchmarks/hostile_html.py              # pages of ~20,000 and ~40,000 constructs
    .venv/bin/python benchmarks/hostile_html.py --n 50000    # n and 2n

Each page is read by :func:`extract.ingest.html_to_article` (tokenizer, open-element stack,
paragraphs, metadata), best of three runs. The baseline is an ordinary page of the same size
(paragraphs of text, :func:`plain_page`) measured in the same run, so that the ``x plain`` column says what the
markup costs on top of reading that many bytes. Before issue 15, ``misnested`` at 20,000 took
25-32 s and ``unclosed comments`` 6 s (21 s at 40,000): quadratic (html.parser rescanned the
rest of the page for every unclosed construct; every stray end tag looked through every open one).
"""
from __future__ import annotations

import argparse
import time

from extract.ingest import html_to_article

LEAD = "<p>Amazon invests in Anthropic.</p>"
PARAGRAPH = "<p>Arm sued Qualcomm over Nuvia licences.</p>"


def plain_page(chars: int) -> str:
    """An ordinary page of about ``chars`` characters: the baseline."""
    return LEAD + PARAGRAPH * max(1, chars // len(PARAGRAPH))


PAGES = {
    "misnested": lambda n: LEAD + "<b>" * n + "x" + "</i>" * n,
    "deeply nested": lambda n: LEAD + "<div>" * n + "x" + "</div>" * n,
    "svg titles": lambda n: LEAD + "<svg>" * n + "<title>x</title>" * n,
    "unclosed comments": lambda n: LEAD + "<!--" * n,
    "unclosed tags": lambda n: LEAD + "<a" * n,
    "unclosed quotes": lambda n: LEAD + '<a x="' * n,
    "unclosed end tags": lambda n: LEAD + "</" * n,
    "CDATA openers": lambda n: LEAD + "<![CDATA[" * n,
    "processing instructions": lambda n: LEAD + "<?" * n,
    "unclosed scripts": lambda n: LEAD + "<script>" * n,
    "many attributes": lambda n: LEAD + "<a " + "x=1 " * n + ">",
    "entities": lambda n: LEAD + "<p>" + "&amp;&#" * n + "</p>",
}


def best_time(page: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        html_to_article(page, article_id="page.html")
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="constructs in the smaller page (default 20,000)")
    n = parser.parse_args().n
    print(f"{'page':24s} {'KB at n':>8s} {'s at n':>8s} {'s at 2n':>8s} {'2n / n':>7s} {'x plain':>8s}")
    for name, make in PAGES.items():
        small, large = make(n), make(2 * n)
        t_small, t_large = best_time(small), best_time(large)
        baseline = best_time(plain_page(len(small)))
        print(f"{name:24s} {len(small) / 1000:8.0f} {t_small:8.3f} {t_large:8.3f} {t_large / t_small:7.2f} "
              f"{t_small / baseline:8.2f}")
    print("2n / n near 2 is linear, near 4 quadratic; x plain: time over an ordinary page of the same size")


if __name__ == "__main__":
    main()
