"""Peak memory of ``newsgraph build`` as a news stream grows, and of one very long article.

Usage::

    .venv/bin/python benchmarks/memory.py            # 5,000 and 20,000 one-sentence articles
    .venv/bin/python benchmarks/memory.py --full     # and 100,000
    .venv/bin/python benchmarks/memory.py --long     # one synthetic ~5 MB article instead
    .venv/bin/python benchmarks/memory.py --sizes 1000 4000 --no-html-estimate

Every build runs in a fresh ``newsgraph build`` subprocess, started from a small wrapper process
that reports ``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the peak resident memory of the build
process itself (``--jobs 1``; with workers it would be the largest single process). Each size
is built with ``--no-cache`` and with a new cache in the output folder. The printed ratio is the
peak at the largest size over the peak at the smallest, measured in the same run; a build whose
memory is bounded by the number of distinct entities grows far slower than the article count.

The articles
------------
One sentence each, from a handful of news templates ("Acme Robotics acquires Beta Labs.",
"Jane Roe leads Acme Robotics.", "Beta Labs released Zorvex-3."). The names come from a
generated pool that grows the way a news stream's does: each name slot of an article is a new
entity with probability ``min(1, 4 * i ** -0.3)`` at the ``i``-th slot, else a repeat of a
name drawn from earlier slots (so a name is drawn in proportion to how often it was named, a
Yule process). Distinct entities then grow about as ``N ** 0.7`` -- sublinearly, as new
companies and people keep appearing in the news while the famous ones recur -- 4,920 distinct
names at 5,000 articles, 13,136 at 20,000 and 40,808 at 100,000. Names are pseudo-words built from
syllables (with common first names for people and corporate suffixes for companies), so no
gazetteer knows them and NER and the name-shape rules find them as in unfamiliar news.

The long article (``--long``) is ~5 MB of such sentences grouped in paragraphs of eight, with
the names of a 20,000-slot stream: one text that ``extract.pipeline`` parses in pieces.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "tor", "zel", "qua", "dri", "nex", "bo", "sa", "lin", "tek",
             "vo", "ral", "ix", "an", "mor", "pel", "su", "gar", "thi", "ob")
FIRST_NAMES = ("Jane", "John", "Maria", "David", "Sarah", "Michael", "Anna", "Peter", "Laura", "James",
               "Emma", "Daniel", "Sofia", "Thomas", "Olivia", "Robert", "Chen", "Priya", "Ahmed", "Elena")
COMPANY_SUFFIXES = ("Robotics", "Labs", "AI", "Systems", "Technologies", "Networks", "Inc.", "Analytics")
TEMPLATES = (
    ("{company} acquires {company}.", ),
    ("{person} leads {company}.", ),
    ("{company} released {model}.", ),
    ("{company} invested $40 million in {company}.", ),
    ("{person} joined {company} as chief scientist.", ),
    ("{company} partners with {company} on {model}.", ),
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _new_name(kind: str, rng: random.Random) -> str:
    if kind == "company":
        return f"{_word(rng)} {rng.choice(COMPANY_SUFFIXES)}"
    if kind == "person":
        return f"{rng.choice(FIRST_NAMES)} {_word(rng)}"
    return f"{_word(rng)}-{rng.randint(2, 9)}"


class NameStream:
    """Names of one kind, new with probability ``min(1, 4 * i ** -0.3)``, else a repeat in
    proportion to earlier use (see the module docstring)."""

    def __init__(self, kind: str, rng: random.Random):
        self.kind, self.rng, self.used, self.known = kind, rng, [], set()

    def next(self) -> str:
        i = len(self.used) + 1
        if self.rng.random() < min(1.0, 4 * i ** -0.3) or not self.used:
            name = _new_name(self.kind, self.rng)
            while name in self.known:
                name = _new_name(self.kind, self.rng)
            self.known.add(name)
        else:
            name = self.rng.choice(self.used)
        self.used.append(name)
        return name


def sentences(n: int, seed: int = 15):
    """``n`` one-sentence news items and the number of distinct names in them."""
    rng = random.Random(seed)
    streams = {kind: NameStream(kind, rng) for kind in ("company", "person", "model")}
    out = []
    for _ in range(n):
        (template,) = rng.choice(TEMPLATES)
        text = template
        while "{" in text:
            start = text.index("{")
            kind = text[start + 1:text.index("}", start)]
            text = text[:start] + streams[kind].next() + text[text.index("}", start) + 1:]
        out.append(text)
    return out, sum(len(s.known) for s in streams.values())


def write_corpus(n: int, path: Path) -> int:
    texts, distinct = sentences(n)
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": f"m{i:07d}", "title": f"Item {i}", "text": text}) + "\n")
    return distinct


def write_long_article(path: Path, chars: int = 5_000_000) -> int:
    texts, _ = sentences(60_000, seed=16)
    paragraphs, size, i = [], 0, 0
    while size < chars:
        para = " ".join(texts[(i + k) % len(texts)] for k in range(8))
        paragraphs.append(para)
        size += len(para) + 2
        i += 8
    text = "\n\n".join(paragraphs)
    path.write_text(json.dumps({"id": "long", "title": "A very long article", "text": text}) + "\n", encoding="utf-8")
    return len(text)


_WRAPPER = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - started, code)
"""


def measure_build(corpus: Path, out: Path, *, cache: bool, extra: tuple[str, ...] = ()) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one ``newsgraph build`` in a fresh process."""
    command = [PYTHON, "-m", "graph", "build", str(corpus), "-o", str(out), "-q", *extra]
    command += ["--cache", str(out / "cache.sqlite")] if cache else ["--no-cache"]
    result = subprocess.run([PYTHON, "-c", _WRAPPER, *command], capture_output=True, text=True, cwd=REPO)
    kb, seconds, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"build of {corpus} failed ({code}): {result.stderr[-2000:]}")
    return int(kb) / 1024, float(seconds)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="also build 100,000 articles")
    parser.add_argument("--sizes", type=int, nargs="+", help="article counts to build (default 5000 20000)")
    parser.add_argument("--long", action="store_true", help="one ~5 MB article instead of the stream")
    parser.add_argument("--long-chars", type=int, default=5_000_000, help="length of the --long article")
    parser.add_argument("--no-cache-only", action="store_true", help="skip the builds with a cache")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsgraph-memory-") as tmp:
        tmp = Path(tmp)
        if args.long:
            corpus = tmp / "long.jsonl"
            chars = write_long_article(corpus, args.long_chars)
            peak, seconds = measure_build(corpus, tmp / "out-long", cache=False, extra=("--max-article-chars", "0"))
            size = (tmp / "out-long" / "graph.json").stat().st_size / 1e6
            print(f"one article of {chars:,} characters: peak RSS {peak:,.0f} MB, {seconds:,.0f} s wall, "
                  f"graph.json {size:.1f} MB")
            return 0
        sizes = args.sizes or ([5_000, 20_000, 100_000] if args.full else [5_000, 20_000])
        modes = [False] if args.no_cache_only else [False, True]
        peaks: dict[bool, list[float]] = {False: [], True: []}
        for n in sizes:
            corpus = tmp / f"stream-{n}.jsonl"
            distinct = write_corpus(n, corpus)
            for cache in modes:
                out = tmp / f"out-{n}-{'cache' if cache else 'nocache'}"
                peak, seconds = measure_build(corpus, out, cache=cache)
                peaks[cache].append(peak)
                size = {p.name: p.stat().st_size / 1e6 for p in out.iterdir() if p.name.startswith("graph.")}
                print(f"{n:>7,} articles ({distinct:,} distinct names), {'cache   ' if cache else 'no cache'}: "
                      f"peak RSS {peak:6,.0f} MB, {seconds:6,.0f} s; graph.json {size['graph.json']:.1f} MB, "
                      f"graph.html {size.get('graph.html', 0):.1f} MB", flush=True)
        for cache in modes:
            first, last = peaks[cache][0], peaks[cache][-1]
            print(f"growth {'with cache' if cache else 'no cache'}: peak at {sizes[-1]:,} / peak at {sizes[0]:,} "
                  f"= {last / first:.2f}x for {sizes[-1] / sizes[0]:.0f}x the articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
