"""Score newsgraph on the wiki dev gold: real Wikipedia business intros nobody tuned to.

Usage::

    .venv/bin/python benchmarks/wiki_dev.py          # scores
    .venv/bin/python benchmarks/wiki_dev.py -v       # and every miss and false positive
    .venv/bin/python benchmarks/wiki_dev.py -o out/wiki   # keep the build (graph.json, report.json...)

Writes the articles that ``tests/data/wiki/gold.json`` lists (its ``articles``) from
``SHARED/corpus/wiki/articles.jsonl`` to a temporary JSONL file, builds it with this
environment's ``newsgraph build --no-cache -q``, and prints what ``SHARED/eval/score.py``
says about the graph. ``SHARED`` is ``$NEWSGRAPH_SHARED`` if set, else ``../shared`` beside the
repository; the texts are not in the repository, so without it the script exits with an error.
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
GOLD = REPO / "tests" / "data" / "wiki" / "gold.json"


def shared_root() -> Path:
    """``$NEWSGRAPH_SHARED`` if set, else ``../shared`` beside the repository."""
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


def chosen_rows(corpus: Path, ids: list[str]) -> list[dict]:
    """The rows of ``corpus`` (JSON lines with ``id``) whose id is in ``ids``, in the order of ``ids``.

    Raises
    ------
    LookupError
        If an id is not in the corpus.
    """
    wanted = set(ids)
    by_id = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("id") in wanted:
                by_id[row["id"]] = row
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise LookupError(f"{len(missing)} gold article(s) not in {corpus}: {', '.join(missing)}")
    return [by_id[i] for i in ids]


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def run(cmd: list[str]) -> None:
    """Run ``cmd``; on failure exit with its stderr as the message."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.stdout:
        print(done.stdout, end="")
    if done.returncode:
        sys.exit(f"wiki_dev: {Path(cmd[0]).name} {cmd[1]} failed (exit {done.returncode}): {done.stderr.strip()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false positive (score.py -v)")
    ap.add_argument("-o", "--out", type=Path, default=None, help="keep the build in this folder (default: a temporary one)")
    args = ap.parse_args(argv)

    shared = shared_root()
    corpus, scorer = shared / "corpus" / "wiki" / "articles.jsonl", shared / "eval" / "score.py"
    for needed in (corpus, scorer):
        if not needed.is_file():
            sys.exit(f"wiki_dev: {needed} not found; the wiki texts and the scorer live in ../shared beside "
                     "the repository (or set NEWSGRAPH_SHARED to that folder)")
    newsgraph = Path(sys.executable).parent / "newsgraph"
    if not newsgraph.exists():
        sys.exit(f"wiki_dev: {newsgraph} not found; run this script with the project's venv Python")

    ids = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    try:
        rows = chosen_rows(corpus, ids)
    except LookupError as err:
        sys.exit(f"wiki_dev: {err}")
    with tempfile.TemporaryDirectory(prefix="newsgraph-wiki-dev-") as tmp:
        articles, out = Path(tmp) / "wiki_dev.jsonl", args.out or Path(tmp) / "out"
        write_jsonl(rows, articles)
        print(f"wiki dev: {len(rows)} articles, {sum(len(r['text'].split()) for r in rows)} words", flush=True)
        run([str(newsgraph), "build", str(articles), "-o", str(out), "--no-cache", "-q"])
        run([sys.executable, str(scorer), "--gold", str(GOLD), "--graph", str(out / "graph.json"),
             *(["-v"] if args.verbose else [])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
