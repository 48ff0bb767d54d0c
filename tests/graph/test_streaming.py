"""A build in memory bounded by its distinct names: records spilled to disk, resolution from
per-name tables, graph.json written piece by piece, long articles parsed a few pieces at a time."""
from __future__ import annotations

import gc
import json
import math
import random
import weakref

import networkx as nx
import pytest
import spacy
from spacy.language import Language

from extract import pipeline
from extract.records import Article, Evidence, Extraction, Mention, Relation
from graph.build import RecordSpill, assemble_graph
from graph.io.node_link import graph_to_json_data, write_json
from graph.resolve import ResolutionRules, resolve, resolve_articles

NO_RULES = ResolutionRules()

COMPANIES = ["Acme Robotics", "Acme", "Beta Labs", "Beta Labs Inc.", "Gamma", "Open AI", "OpenAI"]
PEOPLE = ["Jane Roe", "Roe", "Jane", "John Roe", "Ann Lee", "Lee", "Mr. Lee", "Anne Lee"]


def _article_mentions(n: int, rng: random.Random) -> tuple[Mention, ...]:
    """A few company and person names, in full and short, at increasing offsets."""
    article, offset, found = f"a{n:04d}", 0, []
    for _ in range(rng.randint(1, 6)):
        kind, names = rng.choice([("company", COMPANIES), ("person", PEOPLE), ("organization", ["Roe", "Lee"])])
        text = rng.choice(names)
        found.append(Mention(article, text, kind, offset, offset + len(text), offset, offset + 80))
        offset += len(text) + rng.randint(5, 90)
    return tuple(found)


def _corpus(articles: int, seed: int = 7) -> list[tuple[Mention, ...]]:
    rng = random.Random(seed)
    return [_article_mentions(n, rng) for n in range(articles)]


@pytest.mark.parametrize("seed", range(6))
def test_per_name_resolution_gives_each_mention_the_entity_of_resolve(seed):
    corpus = _corpus(60, seed)
    flat = [m for ms in corpus for m in ms]
    random.Random(seed).shuffle(flat)
    whole = resolve(flat, rules=NO_RULES)
    streamed = resolve_articles(lambda: iter(corpus), rules=NO_RULES)
    assert streamed.entities == whole.entities
    assert streamed.merges == whole.merges
    for ms in corpus:
        assert streamed.entities_in(ms) == {m: whole.entity_of(m) for m in ms if whole.entity_of(m)}


def test_per_name_resolution_agrees_on_units_and_companies_named_after_founders():
    # the unit's first article comes before the one that names it apart from its parent, and the
    # company named after its founder is typed on a cue in one article, by the tagger in another
    def known(article, text, start, sentence, canonical):
        return Mention(article, text, "company", start, start + len(text), sentence, sentence + 200, "gazetteer", canonical)

    def found(article, text, type, start, source="ner"):
        return Mention(article, text, type, start, start + len(text), 0, 500, source)

    corpus = [
        (known("a1", "Samsung Electronics", 0, 0, "Samsung"), known("a1", "Samsung", 300, 250, "Samsung")),
        (known("a2", "Samsung Electronics", 20, 0, "Samsung"), known("a2", "Samsung", 60, 0, "Samsung")),
        (found("a3", "Cimatti", "company", 0, "class_noun"), found("a3", "Marco Cimatti", "person", 30),
         found("a3", "Cimatti", "company", 60)),
        (found("a4", "Marco Cimatti", "person", 0), found("a4", "Cimatti", "company", 30)),
    ]
    flat = [m for ms in corpus for m in ms][::-1]
    whole = resolve(flat, rules=NO_RULES)
    streamed = resolve_articles(lambda: iter(corpus), rules=NO_RULES)
    assert streamed.entities == whole.entities and streamed.merges == whole.merges
    for ms in corpus:
        assert streamed.entities_in(ms) == {m: whole.entity_of(m) for m in ms}
    assert whole.entity_of(corpus[0][0]) == "company:samsung-electronics"
    assert [whole.entity_of(m) for m in corpus[2]] == ["company:cimatti", "person:marco-cimatti", "company:cimatti"]
    assert whole.entity_of(corpus[3][1]) == "person:marco-cimatti"  # the tagger alone: his surname


def test_resolution_keeps_no_mention_once_counted():
    # Before, resolve() kept every Mention (in its per-mention items and in by_mention): memory grew
    # with the mentions of the corpus, not with its names.
    alive = []

    def articles():
        for ms in _corpus(300):
            fresh = tuple(Mention(**{f: getattr(m, f) for f in m.__dataclass_fields__}) for m in ms)
            alive.extend(weakref.ref(m) for m in fresh)
            yield fresh

    resolution = resolve_articles(articles, rules=NO_RULES)
    gc.collect()
    assert alive and not any(ref() is not None for ref in alive)
    assert not resolution.by_mention
    assert sum(e.mentions for e in resolution.entities.values()) == sum(len(ms) for ms in _corpus(300))


def test_resolution_tables_grow_with_the_names_not_the_articles():
    small = resolve_articles(lambda: iter(_corpus(100)), rules=NO_RULES)
    large = resolve_articles(lambda: iter(_corpus(1000)), rules=NO_RULES)
    assert len(large.resolver.forms) == len(small.resolver.forms) <= len(COMPANIES) + 2 * len(PEOPLE)
    assert len(large.resolver.root_ids) == len(small.resolver.root_ids)


def _extractions(corpus) -> list[Extraction]:
    records = []
    for ms in corpus:
        article = ms[0].article
        text = " ".join(m.text for m in ms)
        relations = tuple(
            Relation(a, "works_for", b, Evidence(article, text, 0, len(text)), 0.6, "test.rule")
            for a, b in zip(ms, ms[1:]) if a.type == "person" and b.type == "company"
        )
        records.append(Extraction(Article(article, text, title=f"T {article}"), mentions=ms, relations=relations,
                                  warnings=("a warning",) if len(ms) == 1 else ()))
    return records


def _json(G) -> str:
    return json.dumps(graph_to_json_data(G), ensure_ascii=False, indent=1)


def test_graph_from_the_spill_is_the_graph_from_the_records():
    records = _extractions(_corpus(120))
    records.append(records[3])  # an article id twice: its records count as one article's
    expected = assemble_graph(list(reversed(records)), rules=NO_RULES)
    with RecordSpill() as spill:
        spill.extend(records)
        assert len(spill) == len(records)
        streamed = assemble_graph(spill, rules=NO_RULES)
    assert expected.number_of_edges() > 0
    assert _json(streamed) == _json(expected)


def test_spill_file_is_removed(tmp_path):
    with RecordSpill(tmp_path) as spill:
        spill.extend(_extractions(_corpus(3)))
        assert list(tmp_path.iterdir())
    assert not list(tmp_path.iterdir())


def test_write_json_streams_the_text_json_dumps_gives(tmp_path):
    G = nx.MultiDiGraph(articles={"a": {"text": "Ünïcode \"quoted\"\n" * 5000}})
    G.add_node("company:a", name="Äpfel", score=0.1, aliases=[], n=None)
    G.add_edge("company:a", "company:a", key="part_of", evidence=[{"start": 1}] * 3)
    path = tmp_path / "graph.json"
    write_json(G, path)
    assert path.read_text(encoding="utf-8") == json.dumps(graph_to_json_data(G), ensure_ascii=False, indent=1) + "\n"
    G.nodes["company:a"]["score"] = math.nan
    with pytest.raises(ValueError, match="NaN"):
        write_json(G, path)
    assert json.loads(path.read_text(encoding="utf-8"))["nodes"][0]["score"] == 0.1  # the old file is kept
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


class _Batches:
    """A pipe that takes its input a batch at a time, as the tagger and parser do."""

    def __call__(self, doc):
        return doc

    def pipe(self, docs, batch_size=128):
        for batch in spacy.util.minibatch(docs, size=batch_size):
            yield from batch


@Language.factory("test_streaming_batches")
def _make_batches(nlp, name):
    return _Batches()


def test_long_article_is_parsed_a_few_pieces_at_a_time(monkeypatch):
    # Before, one nlp.pipe ran over every piece with batch_size pieces held at once (16 pieces of
    # 20,000 characters here; 64 in a build): a 5 MB article took 4 GB.
    nlp = spacy.blank("en")
    nlp.add_pipe("test_streaming_batches")
    taken, given, in_flight = [0], [0], []
    real_pipe = nlp.pipe

    def spying_pipe(texts, **kwargs):
        if not kwargs.get("as_tuples"):  # spaCy's own inner call for the texts of (text, context) pairs
            yield from real_pipe(texts, **kwargs)
            return

        def counted():
            for text, context in texts:
                taken[0] += len(text)
                yield text, context
        for doc, context in real_pipe(counted(), **kwargs):
            in_flight.append(taken[0] - given[0])
            given[0] += len(doc.text)
            yield doc, context

    monkeypatch.setattr(nlp, "pipe", spying_pipe)
    paragraph = "Acme Robotics acquires Beta Labs. Jane Roe leads Acme. " * 20
    text = "\n\n".join([paragraph] * 400)  # 440,000 characters, 22 pieces
    article = Article("long", text)
    (extraction,) = pipeline.extract(nlp, [article], batch_size=16)
    assert extraction.article is article
    assert given[0] == len(text)
    assert max(in_flight) <= pipeline.MAX_BATCH_CHARS


def _networkx_graphml(H) -> bytes:
    import io

    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(H)
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue()


def _odd_graph():
    G = nx.MultiDiGraph(id="g1", title="x\ud800 & <y>")  # a graph id, a lone surrogate, markup
    G.add_node("a", name="Ä\ud800", n=1, f=0.5, b=True, aliases=["A"])
    G.add_node("b")
    G.add_edge("a", "b", key="k")
    return G


@pytest.mark.parametrize("make", [lambda: _odd_graph(), lambda: nx.MultiDiGraph(),
                                  lambda: __import__("synthetic").synthetic_graph(200, seed=3)])
def test_graphml_is_streamed_as_networkx_writes_it(make, monkeypatch):
    # networkx's writer holds an element per node, edge and value (100 MB more than the graph at
    # 20,000 articles); the streamed file must be the same bytes
    import io
    import pathlib

    from graph.io import graphml

    monkeypatch.syspath_prepend(str(pathlib.Path(__file__).parent))
    flat_for_networkx, _ = graphml.flat_copy(make())
    flat_for_us, _ = graphml.flat_copy(make())
    streamed = io.BytesIO()
    graphml._dump_streamed(flat_for_us, streamed)
    assert streamed.getvalue() == _networkx_graphml(flat_for_networkx)
