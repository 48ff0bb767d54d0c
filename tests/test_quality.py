"""Extraction quality bars, measured with our own scorer (graph/evaluate.py, same rules as ../shared/eval/score.py).

The seeds bars are the project's; the sample-corpus floors guard against regressions. The held-out set
in tests/data/heldout was never tuned to until session 6, tests/data/heldout2 until session 7, tests/data/heldout3
until session 8, tests/data/heldout4 until session 9; tests/data/heldout5 is the one nobody who writes rules reads.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.pipeline import load_nlp
from graph.build import build_graph
from graph.evaluate import evaluate

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _score(nlp, articles, gold):
    G = build_graph([str(articles)], nlp=nlp)
    return evaluate(json.loads(Path(gold).read_text(encoding="utf-8")), G), G


def test_seed_bars(nlp, shared_dir):
    seeds = shared_dir / "corpus" / "seeds"
    result, G = _score(nlp, seeds / "articles", seeds / "gold.json")
    assert result.entity.f1 >= 0.95, result.problems  # the bars are 0.90 and 0.75; we are at 1.0 and 1.0
    assert result.relation.f1 >= 0.90, result.problems
    assert result.deal.tp == 2 and result.deal.fp == 0
    assert result.deal_amount_accuracy == 1.0
    assert result.attribute_accuracy == 1.0
    assert result.evidence_coverage == 1.0


def test_sample_corpus_floor(nlp):
    result, _ = _score(nlp, REPO / "data" / "articles", REPO / "data" / "gold.json")
    # just under the measured 1.00 / 1.00 / 1.00: a drop here is a regression to look at
    assert result.entity.f1 >= 0.97, result.problems
    assert result.relation.f1 >= 0.97, result.problems
    assert result.deal.f1 >= 0.97, result.problems
    assert result.evidence_coverage == 1.0


def test_heldout_floor(nlp):
    """Text the rules were not tuned to: a floor well below the tuned corpora, to catch collapses."""
    held = REPO / "tests" / "data" / "heldout"
    result, _ = _score(nlp, held / "articles", held / "gold.json")
    # measured 0.995 / 0.931 / 1.0 (session 8; it was 0.885 / 0.644 / 0.842 while never tuned to)
    assert result.entity.f1 >= 0.97, result.problems
    assert result.relation.f1 >= 0.93, result.problems
    assert result.deal.f1 >= 0.95, result.problems
    assert result.evidence_coverage == 1.0


def test_heldout2_floor(nlp):
    """The second held-out news corpus (tests/data/heldout2, written in session 6 by an engineer who
    read no rule); read for development since session 7."""
    held = REPO / "tests" / "data" / "heldout2"
    result, _ = _score(nlp, held / "articles", held / "gold.json")
    # measured 0.982 / 0.907 / 0.902 in session 8 (0.938 / 0.680 / 0.577 while never tuned to)
    assert result.entity.f1 >= 0.96, result.problems
    assert result.relation.f1 >= 0.90, result.problems
    assert result.deal.f1 >= 0.88, result.problems
    assert result.evidence_coverage == 1.0


def test_heldout3_floor(nlp):
    """The third held-out news corpus (tests/data/heldout3, written in session 7 by an engineer who read
    no rule, gold committed before the first build); read for development since session 8."""
    held = REPO / "tests" / "data" / "heldout3"
    result, _ = _score(nlp, held / "articles", held / "gold.json")
    # measured 0.976 / 0.908 / 0.902 at the end of session 8 (0.905 / 0.699 / 0.554 while never tuned to)
    assert result.entity.f1 >= 0.96, result.problems
    assert result.relation.f1 >= 0.90, result.problems
    assert result.deal.f1 >= 0.88, result.problems
    assert result.evidence_coverage == 1.0


def test_heldout4_floor(nlp):
    """A fourth held-out news corpus (tests/data/heldout4, written in session 8 by an engineer who read
    no rule, gold committed before the first build, six registers the earlier sets lack); read by rule
    writers since session 9."""
    held = REPO / "tests" / "data" / "heldout4"
    result, _ = _score(nlp, held / "articles", held / "gold.json")
    # measured 0.908 / 0.589 / 0.551 on its first build (session 8, main cb8b0fe), 0.916 / 0.635 / 0.592
    # at the end of session 8 (never tuned), 0.974 / 0.851 / 0.711 after session 9's first round (read)
    assert result.entity.f1 >= 0.95, result.problems
    assert result.relation.f1 >= 0.82, result.problems
    assert result.deal.f1 >= 0.68, result.problems
    assert result.evidence_coverage == 1.0


def test_heldout5_floor(nlp):
    """A fifth never-tuned news corpus (tests/data/heldout5, written in session 9 by an engineer who read
    no rule, gold committed before the first build, four registers the earlier sets lack): nobody who writes
    rules reads it, so it keeps measuring what the read corpora no longer can."""
    held = REPO / "tests" / "data" / "heldout5"
    result, _ = _score(nlp, held / "articles", held / "gold.json")
    # measured 0.883 / 0.575 / 0.448 on its first build (session 9, main 259a3cf), 0.896 / 0.627 / 0.448 (sizes
    # 15 of 20) at the end of session 9
    assert result.entity.f1 >= 0.88, result.problems
    assert result.relation.f1 >= 0.61, result.problems
    assert result.deal.f1 >= 0.43, result.problems
    assert result.evidence_coverage == 1.0
