"""The extraction cache: JSON round trip, hits and misses, invalidation, and kill-safe writes."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import spacy

from extract.records import (
    Article, Attribute, Deal, DealParty, Evidence, Extraction, Mention, Relation,
)
from graph.cache import (
    ExtractionCache, article_hash, extraction_from_dict, extraction_to_dict, pipeline_fingerprint,
)
from graph.engines import run_extraction

REPO = Path(__file__).resolve().parents[2]


def rich_extraction(article: Article) -> Extraction:
    """One record of every kind, with floats, ints, strings, None and nested tuples."""
    aid = article.id
    nvidia = Mention(aid, "Nvidia", "company", 0, 6, 0, 40, "gazetteer", "Nvidia")
    acme = Mention(aid, "Acme Robotics", "company", 20, 33, 0, 40)
    model = Mention(aid, "Acme-7B", "model", 45, 52, 41, 80, "model_shape")
    ev = Evidence(aid, "Nvidia will invest in Acme Robotics.", 0, 40)
    return Extraction(
        article=article,
        mentions=(nvidia, acme, model),
        relations=(Relation(nvidia, "invests_in", acme, ev, 0.85, "invest_verb"),),
        deals=(Deal(aid, "investment", (DealParty(nvidia, "investor"), DealParty(acme, "investee")), ev,
                    amount_usd=2.5e9, date="2024-05", confidence=0.9, rule="money_object"),
               Deal(aid, "licensing", (DealParty(acme, "licensor"),), ev, amount=3.0, currency="EUR")),
        attributes=(Attribute(model, "parameters", 7_000_000_000, ev), Attribute(model, "context", "128k", ev),
                    Attribute(model, "score", 0.1 + 0.2, ev)),
        warnings=("split into 2 parts",),
    )


def counting_engine():
    """An engine that makes a rich extraction per article and records which it was asked for."""

    class Engine:
        asked: list[str] = []

        def extract(self, articles):
            for article in articles:
                self.asked.append(article.id)
                yield rich_extraction(article)

    return Engine()


def test_json_round_trip_keeps_every_record_and_type():
    x = rich_extraction(Article("a1", "text", title="T", url="https://example.com/a1", date="2024-05-06"))
    back = extraction_from_dict(json.loads(json.dumps(extraction_to_dict(x))))
    assert back == x
    assert isinstance(back.attributes[0].value, int) and isinstance(back.attributes[2].value, float)
    assert isinstance(back.deals[0].parties, tuple)


def test_article_hash_covers_metadata_but_not_path():
    a = Article("a1", "text", title="T", url="u", date="2024")
    assert article_hash(a) == article_hash(Article("a1", "text", title="T", url="u", date="2024", path="x.txt"))
    for changed in (Article("a2", "text", "T", "u", "2024"), Article("a1", "text!", "T", "u", "2024"),
                    Article("a1", "text", "T2", "u", "2024"), Article("a1", "text", "T", "u2", "2024"),
                    Article("a1", "text", "T", "u", "2025")):
        assert article_hash(changed) != article_hash(a)


def test_hits_misses_and_changed_text(tmp_path):
    articles = [Article(f"a{i}", f"Article number {i}.") for i in range(5)]
    path = tmp_path / "cache.sqlite"
    engine = counting_engine()
    with ExtractionCache(path) as cache:
        cold = list(run_extraction(engine, articles, cache=cache, fingerprint="fp", batch_size=2))
        assert (cache.hits, cache.stored) == (0, 5)
    assert sorted(engine.asked) == [a.id for a in articles]

    engine.asked.clear()
    edited = articles[:4] + [Article("a4", "Article number 4, edited."), Article("a5", "A new one.")]
    with ExtractionCache(path) as cache:  # a new connection: what was committed is there
        warm = list(run_extraction(engine, edited, cache=cache, fingerprint="fp", batch_size=2))
        assert (cache.hits, cache.stored) == (4, 2)
    assert sorted(engine.asked) == ["a4", "a5"]
    by_id = {x.article.id: x for x in warm}
    assert sorted(by_id) == ["a0", "a1", "a2", "a3", "a4", "a5"]
    assert by_id["a4"].article.text == "Article number 4, edited."
    assert {x.article.id: x for x in cold}["a0"] == by_id["a0"]


def test_cached_extraction_carries_the_current_path(tmp_path):
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        list(run_extraction(counting_engine(), [Article("a", "t", path="old/a.txt")], cache=cache, fingerprint="fp"))
        (hit,) = run_extraction(counting_engine(), [Article("a", "t", path="new/a.txt")], cache=cache, fingerprint="fp")
        assert cache.hits == 1 and hit.article.path == "new/a.txt"


def _gazetteer(folder: Path, names: list[str]) -> str:
    folder.mkdir()
    lines = [json.dumps({"name": n, "type": "company"}) for n in names]
    (folder / "companies.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(folder)


def test_changed_gazetteer_changes_the_fingerprint_and_invalidates(tmp_path):
    def pipeline(gazetteer_dir):
        nlp = spacy.blank("en")
        nlp.add_pipe("newsgraph_entities", config={"gazetteer_dir": gazetteer_dir})
        return nlp

    before = pipeline_fingerprint(pipeline(_gazetteer(tmp_path / "g1", ["Acme"])))
    assert before == pipeline_fingerprint(pipeline(_gazetteer(tmp_path / "g1copy", ["Acme"])))
    after = pipeline_fingerprint(pipeline(_gazetteer(tmp_path / "g2", ["Acme", "Quillstone"])))
    assert after != before

    articles = [Article("a", "Acme rose."), Article("b", "Quillstone fell.")]
    engine = counting_engine()
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        list(run_extraction(engine, articles, cache=cache, fingerprint=before))
        list(run_extraction(engine, articles, cache=cache, fingerprint=after))
        assert cache.hits == 0 and engine.asked == ["a", "b", "a", "b"]
        assert len(cache) == 4
        assert cache.prune(after) == 2 and len(cache) == 2


def test_fingerprint_follows_the_model_and_its_pipes():
    nlp = spacy.blank("en")
    first = pipeline_fingerprint(nlp)
    nlp.add_pipe("sentencizer")
    assert pipeline_fingerprint(nlp) != first
    other = spacy.blank("en")
    other.meta["version"] = "9.9.9"
    assert pipeline_fingerprint(other) != first


KILLED_BUILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from extract.records import Article, Extraction
    from graph.cache import ExtractionCache
    from graph.engines import run_extraction

    class SlowEngine:
        def extract(self, articles):
            for article in articles:
                time.sleep(0.02)
                yield Extraction(article)

    articles = (Article(f"a{i:04d}", f"Article {i}. " * 50) for i in range(5000))
    with ExtractionCache(sys.argv[1]) as cache:
        for _ in run_extraction(SlowEngine(), articles, cache=cache, fingerprint="fp", batch_size=3):
            pass
""")


def test_a_build_killed_mid_write_leaves_a_usable_cache(tmp_path):
    path = tmp_path / "cache.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(path), str(REPO)])
    try:
        deadline = time.monotonic() + 60
        rows = 0
        while rows < 12 and time.monotonic() < deadline:
            time.sleep(0.05)
            assert proc.poll() is None, "the build ended before it could be killed"
            if path.exists():
                try:
                    with sqlite3.connect(path, timeout=1) as db:
                        rows = db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]
                except sqlite3.OperationalError:  # the table is not created yet
                    rows = 0
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = [Article(f"a{i:04d}", f"Article {i}. " * 50) for i in range(40)]
    engine = counting_engine()
    with ExtractionCache(path) as cache:
        saved = len(cache)
        assert saved >= 12 and saved % 3 == 0  # whole batches only: one transaction each
        done = list(run_extraction(engine, articles, cache=cache, fingerprint="fp", batch_size=3))
        assert cache.hits == min(saved, 40)
    assert sorted(x.article.id for x in done) == [a.id for a in articles]
    assert len(engine.asked) == 40 - min(saved, 40)


def test_cli_build_reuses_its_cache_and_no_cache_writes_none(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import graph.cli

    monkeypatch.setattr(graph.cli, "_write_html", lambda G, path, *rest: None)  # the viewer is not under test here
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Nvidia said on Monday it will buy Run:ai for $700 million.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Mistral AI released Mistral Large 2, a new model.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert "cache: 0 article(s) reused, 2 extracted" in first.output
    assert (out / "cache.sqlite").exists()
    (corpus / "b.txt").write_text("Mistral AI released Mistral Large 2, a new model, on Wednesday.\n", encoding="utf-8")
    again = runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out)])
    assert "cache: 1 article(s) reused, 1 extracted" in again.output
    elsewhere = tmp_path / "elsewhere.sqlite"
    moved = runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out), "--cache", str(elsewhere)])
    assert "cache: 0 article(s) reused, 2 extracted" in moved.output and elsewhere.exists()
    bare = runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(tmp_path / "bare"), "--no-cache"])
    assert bare.exit_code == 0 and "cache:" not in bare.output
    assert not (tmp_path / "bare" / "cache.sqlite").exists()
    assert (tmp_path / "bare" / "graph.json").read_bytes() == (out / "graph.json").read_bytes()
    wrong = runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out), "--scheduler", "tcp://127.0.0.1:1"])
    assert wrong.exit_code == 2 and "--engine dask" in wrong.output
