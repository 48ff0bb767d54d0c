"""Property-based tests: extraction over arbitrary Unicode never raises, every offset it
reports points into the article text, and the graph built from it survives JSON.

The texts mix news-like sentences with random Unicode, emoji, right-to-left script,
zero-width and control characters, because real scraped articles hold all of these.
Texts are passed to the pipeline raw (not through ``extract.ingest.clean_text``): plain
strings given to :func:`graph.build.build_graph` reach the pipeline that way.
"""
from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract_article, load_nlp
from extract.records import Article
from graph.build import assemble_graph
from graph.io import write_json

#: 500 examples per property (issue 4); no deadline, since spaCy's first call on a new
#: vocabulary entry is slower than the rest.
PROPERTY_SETTINGS = settings(max_examples=500, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Sentences of the kind the rules look for: names, titles, money, dates, model sizes.
NEWS_SENTENCES = (
    "Nvidia's CEO Jensen Huang said Nvidia will invest $2 billion in Acme Robotics Inc.",
    "Microsoft agreed to acquire Zorblax for $120 million on May 6, 2024.",
    "OpenAI released GPT-4o, a 70B-parameter model, and competes with Google.",
    "Mistral AI raised €600 million led by General Catalyst.",
    "Kim Lee, who founded Zorblax in 2019, now works for Amazon.",
    "Anthropic partners with Amazon Web Services to train Claude 3.5 Sonnet.",
    "Meta Platforms licensed its Llama 3.1 405B model to Dell.",
    "Alibaba's Qwen2-72B rivals Llama 3 70B, analysts at Gartner said.",
    "“We are thrilled,” said Sam Altman, chief executive of OpenAI.",
    "Société Générale's head of AI, Zoë Dupont, joined Hugging Face.",
    "Apple and OpenAI announced a partnership at WWDC in June 2024.",
    "He said it will buy them.",
)
EMOJI = ("🚀", "👩‍💻", "🇺🇸", "❤️", "🧑🏽‍🔬", "\U0001F916", "✨")
RTL = ("شركة إنفيديا", "אנבידיה הודיעה", "\u202bمايكروسوفت\u202c", "\u200fOpenAI\u200f", "فارسی\u200cنویسی")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e", "\u2066", "\u2069")
CONTROL = ("\x00", "\x07", "\x0b", "\x0c", "\r", "\r\n", "\x1b[0m", "\x7f", "\x85", "\u2028", "\u2029", "\t")
SEPARATORS = (" ", "  ", "\n", "\n\n", ". ", ", ", "'s ", "’s ", " — ", "\"", "“", "”", "(", ")", "$", "%")

random_unicode = st.text(max_size=300)
news_piece = st.one_of(
    st.sampled_from(NEWS_SENTENCES),
    st.sampled_from(NEWS_SENTENCES).map(lambda s: s[: len(s) // 2]),  # cut mid-sentence
    st.sampled_from(EMOJI),
    st.sampled_from(RTL),
    st.sampled_from(INVISIBLE),
    st.sampled_from(CONTROL),
    st.sampled_from(SEPARATORS),
    st.text(max_size=12),
    st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Po", "Sc"]), max_size=20),
)
news_like = st.lists(news_piece, max_size=14).map("".join).map(lambda text: text[:300])
article_text = st.one_of(news_like, random_unicode)


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def _all_mentions(extraction):
    yield from extraction.mentions
    for rel in extraction.relations:
        yield rel.source
        yield rel.target
    for deal in extraction.deals:
        for party in deal.parties:
            yield party.mention
    for attr in extraction.attributes:
        yield attr.mention


def _all_evidence(extraction):
    for record in (*extraction.relations, *extraction.deals, *extraction.attributes):
        yield record.evidence


@PROPERTY_SETTINGS
@given(text=article_text)
def test_extraction_never_raises_and_every_offset_points_into_the_text(nlp, text):
    article = Article("prop.txt", text)
    extraction = extract_article(nlp, article)
    assert extraction.article is article
    event(f"relations: {min(len(extraction.relations), 2)}")
    event(f"deals: {min(len(extraction.deals), 1)}")
    for m in _all_mentions(extraction):
        assert m.article == "prop.txt"
        assert m.text and text[m.start:m.end] == m.text, (m, text[m.start:m.end])
        assert 0 <= m.sent_start <= m.start < m.end <= m.sent_end <= len(text), m
    for ev in _all_evidence(extraction):
        assert ev.article == "prop.txt"
        assert ev.sentence and text[ev.start:ev.end] == ev.sentence, (ev, text[ev.start:ev.end])


def _strict_json(text: str):
    """``json.loads`` that refuses NaN and Infinity, which are not JSON (other readers choke)."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@PROPERTY_SETTINGS
@given(texts=st.lists(news_like, min_size=1, max_size=3))
def test_graph_json_round_trips_through_networkx(nlp, texts):
    extractions = [extract_article(nlp, Article(f"a{n}.txt", text)) for n, text in enumerate(texts)]
    G = assemble_graph(extractions, metadata={"tool": "newsgraph"})
    event(f"graph edges: {min(G.number_of_edges(), 3)}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.json"
        write_json(G, path)
        data = _strict_json(path.read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    assert isinstance(H, nx.MultiDiGraph)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True), key=repr) == sorted(G.edges(keys=True), key=repr)
    for u, v, key, attrs in G.edges(keys=True, data=True):
        assert H.edges[u, v, key] == attrs
        for ev in attrs["evidence"]:
            article_text = texts[int(ev["article"][1:-4])]
            assert article_text[ev["start"]:ev["end"]] == ev["sentence"]
        assert 0.0 <= attrs["confidence"] <= 1.0
    for _, attrs in G.nodes(data=True):
        assert attrs["type"] and attrs["name"]
        for value in attrs.values():
            assert not (isinstance(value, float) and not math.isfinite(value)), attrs
