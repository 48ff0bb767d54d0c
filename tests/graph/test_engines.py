"""Engines give the same graph.json bytes: one process, two processes, Dask, and a warm cache.

Also: texts above ``nlp.max_length`` are split on paragraph breaks with offsets into the
whole article.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from extract.pipeline import extract, load_nlp, split_text
from extract.records import Article
from graph.build import build_graph
from graph.cache import ExtractionCache
from graph.engines import LocalEngine, make_engine, run_extraction
from graph.io import write_json

REPO = Path(__file__).resolve().parents[2]
ARTICLE_FILES = ["amazon_anthropic_investment.txt", "cohere_funding_round.txt", "meta_llama_3_1.txt",
                 "mistral_large_2.txt", "xai_grok_2.txt"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def articles():
    folder = REPO / "data" / "articles"
    found = [folder / name for name in ARTICLE_FILES if (folder / name).exists()]
    if len(found) < 3:
        pytest.skip("the sample articles of data/articles are missing")
    return [Article(p.name, p.read_text(encoding="utf-8")) for p in found]


def graph_bytes(G, tmp_path, name) -> bytes:
    path = tmp_path / f"{name}.json"
    write_json(G, path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def local_bytes(nlp, articles, tmp_path_factory):
    return graph_bytes(build_graph(articles, nlp=nlp), tmp_path_factory.mktemp("local"), "jobs1")


def test_two_processes_give_the_same_bytes(nlp, articles, local_bytes, tmp_path):
    # reversed input order too: the graph must not depend on which worker finished first
    G = build_graph(list(reversed(articles)), nlp=nlp, jobs=2)
    assert graph_bytes(G, tmp_path, "jobs2") == local_bytes


def test_local_engine_yields_records_in_input_order(nlp, articles):
    ids = [x.article.id for x in LocalEngine(nlp, jobs=2).extract(articles * 5)]
    assert ids == [a.id for a in articles * 5]


def test_warm_cache_rebuild_gives_the_same_bytes_and_parses_only_new_articles(nlp, articles, local_bytes, tmp_path):
    path = tmp_path / "cache.sqlite"
    with ExtractionCache(path) as cache:
        build_graph(articles[:-1], nlp=nlp, cache=cache)
        assert (cache.hits, cache.stored) == (0, len(articles) - 1)
    with ExtractionCache(path) as cache:
        G = build_graph(articles, nlp=nlp, cache=cache)
        assert (cache.hits, cache.stored) == (len(articles) - 1, 1)
    assert graph_bytes(G, tmp_path, "warm") == local_bytes
    G = build_graph(articles, nlp=nlp, cache=path)  # a path works too
    assert graph_bytes(G, tmp_path, "warm-path") == local_bytes


def test_engine_names():
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark", None)
    with pytest.raises(ValueError, match="dask"):
        make_engine("local", None, scheduler="tcp://127.0.0.1:8786")


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask[distributed] is not installed")
def test_dask_gives_the_same_bytes(nlp, articles, local_bytes, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        G = build_graph(articles, nlp=nlp, engine="dask", scheduler=cluster.scheduler_address)
    assert graph_bytes(G, tmp_path, "dask") == local_bytes


def test_split_text_cuts_at_paragraph_breaks():
    paragraphs = [f"Paragraph {i} says something about Nvidia and OpenAI." for i in range(30)]
    text = "\n\n".join(paragraphs)
    pieces = split_text(text, 200)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(len(chunk) <= 200 for _, chunk in pieces)
    assert all(text[offset:offset + len(chunk)] == chunk for offset, chunk in pieces)
    assert all(chunk.endswith("\n\n") for _, chunk in pieces[:-1])
    # no paragraph break in reach: cut at a line break, then at a space, never inside a word
    assert split_text("aaaa bbbb\ncccc dddd", 12) == [(0, "aaaa bbbb\n"), (10, "cccc dddd")]
    assert split_text("aaaa bbbb cccc", 11) == [(0, "aaaa bbbb "), (10, "cccc")]


def test_long_article_is_split_with_offsets_into_the_whole_text(nlp, articles):
    text = "\n\n".join(a.text.strip() for a in articles)
    article = Article("long", text)
    whole = next(extract(nlp, [article]))
    saved = nlp.max_length
    nlp.max_length = 2500
    try:
        assert len(split_text(text, nlp.max_length)) >= 3
        split = next(extract(nlp, [article]))
    finally:
        nlp.max_length = saved
    assert split.article == article
    assert max(m.start for m in split.mentions) > 2 * 2500  # the last part was read too
    for m in split.mentions:
        assert text[m.start:m.end] == m.text
        assert m.sent_start <= m.start < m.end <= m.sent_end
    for r in split.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.sentence
    for d in split.deals:
        assert text[d.evidence.start:d.evidence.end] == d.evidence.sentence
    # paragraph breaks are where the article cuts anyway: most mentions agree with the unsplit parse
    same = {(m.start, m.text) for m in whole.mentions} & {(m.start, m.text) for m in split.mentions}
    assert len(same) >= 0.8 * len(whole.mentions)
