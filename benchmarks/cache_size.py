"""How big and how fast is the extraction cache, against the previous layout, in one run?

    .venv/bin/python benchmarks/cache_size.py [--docs 1000] [--tiny-copies 20]

Parses the first ``--docs`` articles of ``../shared/corpus/wiki/articles.jsonl`` (whole intros) and
the first sentence of each (tiny articles, copied ``--tiny-copies`` times under new ids, as a corpus of
many short news items), then stores every extraction in a fresh cache of the current layout
(:class:`graph.cache.ExtractionCache`: zlib records without the article, binary keys) and of the
previous one (JSON text under hex keys, rebuilt here as it was), in batches of 64 as a build does,
and reads them all back, three times interleaved. Prints each file's size, bytes per article, write and read seconds, and
the ratios current / previous (best of the three).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract.pipeline import extract, load_nlp  # noqa: E402
from extract.records import Article  # noqa: E402
from graph.cache import ExtractionCache, article_hash, extraction_from_dict, extraction_to_dict  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "wiki" / "articles.jsonl"
BATCH = 64
ROUNDS = 3


class PreviousLayout:
    """The cache as it was before this change (layout 1), for the baseline: JSON text, hex keys."""

    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS extraction (fingerprint TEXT NOT NULL, article_hash TEXT NOT NULL,"
                        " article_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (fingerprint, article_hash)) WITHOUT ROWID")

    def put_many(self, fingerprint, extractions):
        rows = [(fingerprint, article_hash(x.article), x.article.id,
                 json.dumps(extraction_to_dict(x), ensure_ascii=False, separators=(",", ":"))) for x in extractions]
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?)", rows)
        self.db.execute("COMMIT")

    def get_many(self, fingerprint, articles):
        by_hash = {article_hash(a): a for a in articles}
        rows = self.db.execute(f"SELECT article_hash, data FROM extraction WHERE fingerprint = ? AND article_hash IN "
                               f"({','.join('?' * len(by_hash))})", [fingerprint, *by_hash])
        return {key: extraction_from_dict(json.loads(data), by_hash[key]) for key, data in rows}

    def close(self):
        self.db.close()


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text[: end + 1] if end > 0 else text[:200]


def copies(extractions, n: int):
    """The extractions again under ``n`` sets of new article ids (the id is inside every record)."""
    out = []
    for k in range(n):
        for x in extractions:
            data = json.loads(json.dumps(extraction_to_dict(x)).replace(json.dumps(x.article.id),
                                                                      json.dumps(f"{x.article.id}~{k}")))
            out.append(extraction_from_dict(data))
    return out


def measure(store_class, path, extractions) -> dict:
    started = time.perf_counter()  # opening included: the current layout creates its file at the first write
    store = store_class(path)
    for start in range(0, len(extractions), BATCH):
        store.put_many("fp", extractions[start:start + BATCH])
    written = time.perf_counter() - started
    store.close()
    size = os.path.getsize(path)
    store = store_class(path)
    articles = [x.article for x in extractions]
    started = time.perf_counter()
    found = 0
    for start in range(0, len(articles), BATCH):
        found += len(store.get_many("fp", articles[start:start + BATCH]))
    read = time.perf_counter() - started
    store.close()
    assert found == len(extractions), (found, len(extractions))
    return {"bytes": size, "write": written, "read": read}


def report(name: str, extractions) -> None:
    json_bytes = sum(len(json.dumps(extraction_to_dict(x), ensure_ascii=False, separators=(",", ":")).encode())
                     for x in extractions)
    runs = {PreviousLayout: [], ExtractionCache: []}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(ROUNDS):  # interleaved, best of each: a busy machine favours neither
            for store_class, found in runs.items():
                found.append(measure(store_class, Path(folder) / f"{store_class.__name__}-{round_}.sqlite", extractions))
    old, new = ({key: min(m[key] for m in found) for key in found[0]} for found in runs.values())
    n = len(extractions)
    print(f"\n{name}: {n:,} articles, {json_bytes / n:,.0f} bytes of record JSON per article")
    print(f"  {'':10} {'file':>10} {'per article':>12} {'x JSON':>7} {'write s':>8} {'read s':>8}")
    for label, m in (("previous", old), ("current", new)):
        print(f"  {label:10} {m['bytes'] / 1e6:8.2f} MB {m['bytes'] / n:10,.0f} B {m['bytes'] / json_bytes:7.2f}"
              f" {m['write']:8.2f} {m['read']:8.2f}")
    print(f"  current / previous: size {new['bytes'] / old['bytes']:.2f}, write {new['write'] / old['write']:.2f}, "
          f"read {new['read'] / old['read']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--tiny-copies", type=int, default=20)
    args = parser.parse_args()
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")][: args.docs]
    nlp = load_nlp()
    started = time.perf_counter()
    whole = list(extract(nlp, (Article(r["id"], r["text"], title=r.get("title")) for r in rows)))
    tiny = list(extract(nlp, (Article(f"tiny-{r['id']}", first_sentence(r["text"])) for r in rows)))
    print(f"parsed {len(whole)} articles and {len(tiny)} first sentences in {time.perf_counter() - started:.0f} s")
    report("wiki intros", whole)
    report(f"tiny articles (first sentences, x{args.tiny_copies})", copies(tiny, args.tiny_copies))


if __name__ == "__main__":
    main()
