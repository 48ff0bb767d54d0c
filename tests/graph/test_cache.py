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
import warnings
import zlib
from pathlib import Path

import pytest
import spacy

from extract.records import (
    Article, Attribute, Deal, DealParty, Evidence, Extraction, Mention, Relation,
)
from graph.cache import (
    ExtractionCache, article_hash, extraction_from_dict, extraction_to_dict, pipeline_fingerprint, prune_cache,
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

    # the viewer is not under test here
    monkeypatch.setattr(graph.cli, "_write_html", lambda G, path, *rest: Path(path).write_text("<html>"))
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


# --------------------------------------------------------------------------- issue 15: damage, layout, pruning

def filled_cache(path, n=3):
    articles = [Article(f"a{i}", f"Article number {i}.") for i in range(n)]
    with ExtractionCache(path) as cache:
        cache.put_many("fp", [rich_extraction(a) for a in articles])
    return articles


@pytest.mark.parametrize("bad", [
    b"garbage",  # not zlib (the first layout's error: "Expecting value: line 1 column 1")
    "text, not bytes",
    b"",
    zlib.compress(b'{"mentions": 3}'),  # zlib, without the preset dictionary
    3,
])
def test_a_bad_row_is_a_cache_miss_and_is_replaced(tmp_path, bad):
    path = tmp_path / "cache.sqlite"
    articles = filled_cache(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE extraction SET data = ?", (bad,))
    engine = counting_engine()
    with ExtractionCache(path) as cache:
        done = list(run_extraction(engine, articles, cache=cache, fingerprint="fp"))
        assert cache.hits == 0 and cache.stored == 3 and not cache.set_aside
    assert sorted(engine.asked) == ["a0", "a1", "a2"] and [x.article for x in done] == articles
    with ExtractionCache(path) as cache:  # the re-parsed records replaced the bad rows
        assert len(cache.get_many("fp", articles)) == 3


def damage_pages(path):
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page but the first (the schema)
    path.write_bytes(bytes(data))


def wrong_shape(path):
    path.unlink()
    with sqlite3.connect(path) as db:  # our table's name, but not its columns
        db.execute("CREATE TABLE fingerprint (id INTEGER PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE extraction (fingerprint, article_hash)")
        db.execute("PRAGMA user_version = 2")


@pytest.mark.parametrize("damage, says", [
    (lambda p: p.write_bytes(b"not a database " * 500), "file is not a database"),
    (damage_pages, "database disk image is malformed"),
    (wrong_shape, "the extraction table has the columns ['fingerprint', 'article_hash']"),
    (lambda p: (p.unlink(), sqlite3.connect(p).execute("CREATE TABLE notes (x)").connection.commit()),
     "not a newsgraph cache"),
])
def test_a_damaged_cache_is_set_aside_with_one_line_and_rebuilt(tmp_path, damage, says):
    path = tmp_path / "cache.sqlite"
    articles = filled_cache(path)
    damage(path)
    lines = []
    engine = counting_engine()
    with ExtractionCache(path, warn=lines.append) as cache:
        done = list(run_extraction(engine, articles, cache=cache, fingerprint="fp"))
    aside = f"{path}.damaged-1"
    assert len(lines) == 1 and says in lines[0] and str(path) in lines[0] and aside in lines[0], lines
    assert os.path.exists(aside)
    assert len(done) == 3 and sorted(engine.asked) == ["a0", "a1", "a2"]
    with ExtractionCache(path, warn=lines.append) as cache:  # the new cache is whole
        assert len(cache.get_many("fp", articles)) == 3
    damage(path)
    with ExtractionCache(path, warn=lines.append) as cache:
        cache.get_many("fp", articles)
    assert os.path.exists(f"{path}.damaged-2") and len(lines) == 2


def test_a_cache_of_the_first_layout_is_rebuilt_silently_never_misread(tmp_path):
    path = tmp_path / "cache.sqlite"
    article = Article("a1", "Nvidia rose.")
    key = article_hash(article)
    with sqlite3.connect(path) as db:  # newsgraph 1's layout, with a row under the key the article has now
        db.execute("CREATE TABLE extraction (fingerprint TEXT NOT NULL, article_hash TEXT NOT NULL, article_id TEXT"
                   " NOT NULL, data TEXT NOT NULL, PRIMARY KEY (fingerprint, article_hash)) WITHOUT ROWID")
        db.execute("INSERT INTO extraction VALUES (?, ?, ?, ?)",
                   ("fp", key, "a1", json.dumps(extraction_to_dict(rich_extraction(Article("a1", "other"))))))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with ExtractionCache(path) as cache:
            assert cache.get_many("fp", [article]) == {} and len(cache) == 0 and not cache.set_aside
            cache.put_many("fp", [rich_extraction(article)])
            assert cache.get_many("fp", [article])[key] == rich_extraction(article)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite"]


def test_the_cache_file_is_created_only_when_a_record_is_stored(tmp_path):
    path = tmp_path / "sub" / "cache.sqlite"
    with ExtractionCache(path) as cache:
        assert cache.get_many("fp", [Article("a", "x")]) == {} and len(cache) == 0 and cache.prune("fp") == 0
    assert not path.parent.exists()
    filled_cache(path, n=1)
    assert path.exists()


def test_close_leaves_no_grown_wal_even_with_another_connection_open(tmp_path):
    path = tmp_path / "cache.sqlite"
    filled_cache(path, n=1)
    other = sqlite3.connect(path)  # a second reader: SQLite then keeps the WAL when the writer closes
    try:
        other.execute("SELECT COUNT(*) FROM extraction").fetchone()
        articles = [Article(f"b{i}", f"Article {i}. " * 200) for i in range(200)]
        with ExtractionCache(path) as cache:
            cache.put_many("fp", [rich_extraction(a) for a in articles])
        wal = tmp_path / "cache.sqlite-wal"
        assert not wal.exists() or wal.stat().st_size == 0
    finally:
        other.close()


def test_a_full_disk_while_storing_names_the_cache(tmp_path):
    path = tmp_path / "cache.sqlite"
    filled_cache(path, n=1)
    with ExtractionCache(path) as cache:
        cache._db.execute("PRAGMA max_page_count = 8")  # the file may not grow: as a full disk for SQLite
        with pytest.raises(sqlite3.Error, match=f"cannot write the cache {path}: database or disk is full"):
            cache.put_many("fp", [rich_extraction(Article(f"c{i}", f"Article {i}. " * 300)) for i in range(50)])
        assert len(cache) == 1  # the batch's transaction left nothing behind


def test_records_are_stored_compressed_and_without_the_article_text(tmp_path):
    path = tmp_path / "cache.sqlite"
    article = Article("a1", "Nvidia will invest in Acme Robotics. " * 200)
    with ExtractionCache(path) as cache:
        cache.put_many("fp", [rich_extraction(article)])
        (blob,) = cache._db.execute("SELECT data FROM extraction").fetchone()
    as_json = json.dumps(extraction_to_dict(rich_extraction(article)), separators=(",", ":"))
    assert len(blob) * 10 < len(as_json)


def test_prune_drops_other_fingerprints_and_articles_no_longer_in_the_inputs(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Article {name}.\n", encoding="utf-8")
    from extract.ingest import read_articles

    articles = list(read_articles([corpus]))
    path = tmp_path / "cache.sqlite"
    with ExtractionCache(path) as cache:
        cache.put_many("now", [rich_extraction(a) for a in articles])
        cache.put_many("before", [rich_extraction(a) for a in articles])
    (corpus / "c.txt").unlink()
    counted = prune_cache(path, [corpus], fingerprint="now", apply=False)
    assert (counted.other_fingerprints, counted.not_in_inputs, counted.kept, counted.applied) == (3, 1, 2, False)
    with ExtractionCache(path) as cache:
        assert len(cache) == 6
    done = prune_cache(path, [corpus], fingerprint="now")
    assert (done.other_fingerprints, done.not_in_inputs, done.kept) == (3, 1, 2)
    assert done.bytes_after <= done.bytes_before
    with ExtractionCache(path) as cache:
        assert len(cache) == 2 and len(cache.get_many("now", articles[:2])) == 2
    assert "removed 1 entry of articles no longer in the inputs and 3 of other pipeline versions" in done.lines()[0]


def test_cli_cache_prune_prints_what_went_and_the_sizes(tmp_path):
    from click.testing import CliRunner

    import graph.cli

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Nvidia said on Monday it will buy Run:ai for $700 million.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Mistral AI released Mistral Large 2, a new model.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    with ExtractionCache(out / "cache.sqlite") as cache:
        cache.put_many("an older pipeline", [rich_extraction(Article("old", "Old text."))])
    (corpus / "b.txt").unlink()
    shown = runner.invoke(graph.cli.main, ["cache", str(corpus), "-o", str(out)])
    assert shown.exit_code == 0, shown.output
    assert "would remove (run with --prune) 1 entry of articles no longer in the inputs and 1 of other" in shown.output
    pruned = runner.invoke(graph.cli.main, ["cache", str(corpus), "--cache", str(out / "cache.sqlite"), "--prune"])
    assert pruned.exit_code == 0, pruned.output
    assert "removed 1 entry of articles no longer in the inputs and 1 of other pipeline versions; 1 kept" in pruned.output
    assert "KB before" in pruned.output and "KB after" in pruned.output
    again = runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out)])
    assert "cache: 1 article(s) reused, 0 extracted" in again.output
    # inputs that give no article (an empty argument, a mistyped folder) prune nothing: as build, which
    # then writes nothing; an empty argument is no path at all (never the current folder)
    for nothing in ("", str(tmp_path / "typo")):
        refused = runner.invoke(graph.cli.main, ["cache", nothing, "-o", str(out), "--prune"])
        assert refused.exit_code == 1 and "no articles read (1 input(s) skipped); nothing pruned" in refused.output
    assert "cache: 1 article(s) reused, 0 extracted" in runner.invoke(graph.cli.main, ["build", str(corpus), "-o", str(out)]).output
    missing = runner.invoke(graph.cli.main, ["cache", str(corpus), "-o", str(tmp_path / "nowhere"), "--prune"])
    assert missing.exit_code == 1 and missing.output == f"newsgraph: error: no cache at {tmp_path / 'nowhere' / 'cache.sqlite'}\n"


def test_a_damaged_cache_goes_aside_with_its_wal_and_shm(tmp_path):
    path = tmp_path / "cache.sqlite"
    articles = filled_cache(path)
    other = sqlite3.connect(path)  # holds the WAL and shared-memory files open, with rows only in the WAL
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("INSERT INTO fingerprint (value) VALUES ('another')")
        other.commit()
        assert (tmp_path / "cache.sqlite-wal").stat().st_size > 0
        damage_pages(path)
        lines = []
        with ExtractionCache(path, warn=lines.append) as cache:
            assert cache.get_many("fp", articles) == {}
        assert len(lines) == 1 and "malformed" in lines[0]
        names = sorted(p.name for p in tmp_path.iterdir())
        assert {"cache.sqlite.damaged-1", "cache.sqlite.damaged-1-wal", "cache.sqlite.damaged-1-shm"} <= set(names)
    finally:
        other.close()
