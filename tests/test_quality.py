"""Extraction quality bars, measured with our own scorer (graph/evaluate.py, same rules as ../shared/eval/score.py).

The seeds bars are the project's; the sample-corpus floors guard against regressions. The held-out set
in tests/data/heldout was never tuned to until session 6, tests/data/heldout2 until session 7, tests/data/heldout3
until session 8, tests/data/heldout4 until session 9, tests/data/heldout5 until session 10, tests/data/heldout6
until session 11, tests/data/heldout7 until session 12, tests/data/heldout8 and heldout9 until session 13,
tests/data/heldout10 and heldout11 until session 14, tests/data/heldout12 and heldout13 until session 15;
tests/data/heldout14 (a gate: its totals were read after each merge of session 15) and tests/data/heldout15
(measured only at the start and the end of session 15) were written in session 15 by engineers who read no rule.
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


#: Floors (entity, relation, deal F1) of the held-out news corpora, each written by an engineer who read no
#: rule, with its gold committed before the first build; each is read for development from the session
#: after the one it measured; heldout14 and heldout15 are the ones nobody who writes rules reads. A floor sits a little
#: under the last measurement, to catch a regression, not to record progress.
HELD_OUT_FLOORS = {
    # 0.885 / 0.644 / 0.842 while never tuned to; read since session 6; 0.995 / 0.966 / 1.0 in session 10
    "heldout": (0.97, 0.94, 0.95),
    # written in session 6: 0.938 / 0.680 / 0.577 while never tuned to; read since session 7; 0.982 / 0.937 / 0.923
    "heldout2": (0.96, 0.91, 0.90),
    # written in session 7: 0.905 / 0.699 / 0.554 while never tuned to; read since session 8; 0.978 / 0.932 / 0.902
    "heldout3": (0.96, 0.91, 0.88),
    # written in session 8: 0.908 / 0.589 / 0.551 on its first build, 0.916 / 0.635 / 0.592 at the end of
    # session 8; read since session 9: 0.974 / 0.888 / 0.767 in session 10
    "heldout4": (0.95, 0.86, 0.74),
    # written in session 9: 0.883 / 0.575 / 0.448 on its first build (main 259a3cf), 0.896 / 0.627 / 0.448
    # (sizes 15 of 20) at the end of session 9; read since session 10: 0.912 / 0.732 / 0.636 (sizes 16 of 20),
    # 0.914 / 0.742 / 0.657 (sizes 17 of 20) in session 11, 0.921 / 0.784 / 0.754 in session 12,
    # 0.923 / 0.790 / 0.771 in session 13
    "heldout5": (0.90, 0.77, 0.75),
    # written in session 10: 0.888 / 0.618 / 0.494 (sizes 14 of 22) on its first build (main b506fd9),
    # 0.888 / 0.645 / 0.487 at the end of session 10; read since session 11: 0.943 / 0.767 / 0.525 (sizes 19 of 22),
    # 0.965 / 0.797 / 0.525 (sizes 20 of 22) in session 12, 0.970 / 0.799 / 0.550 in session 13
    "heldout6": (0.95, 0.78, 0.53),
    # written in session 11: 0.897 / 0.712 / 0.600 (sizes 10 of 16) on its first build (main 30e6a08),
    # 0.899 / 0.723 / 0.613 (sizes 10 of 16) at the end of session 11; read since session 12: 0.965 / 0.852 / 0.852
    # (sizes 15 of 16)
    "heldout7": (0.95, 0.83, 0.83),
    # written in session 12 (a gate: totals read after each merge): 0.833 / 0.516 / 0.389 (sizes 7 of 10) on its
    # first build (main dfb6b7a), 0.839 / 0.543 / 0.432 (sizes 7 of 10) at the end of session 12 (this scorer
    # without --neutral-unscored gives 0.537 in relations); read since session 13: 0.909 / 0.810 / 0.750 (sizes 9 of 10)
    "heldout8": (0.89, 0.79, 0.72),
    # written in session 12, measured only at its end: 0.857 / 0.695 / 0.512 (sizes 5 of 12) on its first build
    # (main dfb6b7a), 0.861 / 0.708 / 0.537 (sizes 6 of 12) at the end of session 12; read since session 13:
    # 0.910 / 0.789 / 0.652 (sizes 6 of 12)
    "heldout9": (0.89, 0.77, 0.63),
    # written in session 13 (a gate: totals read after each merge): 0.862 / 0.621 / 0.500 (sizes 12 of 14) on its
    # first build (main a399cf8), 0.880 / 0.639 / 0.500 (sizes 13 of 14) at the end of session 13; read since
    # session 14: 0.904 / 0.669 / 0.565 (sizes 14 of 14), 0.936 / 0.759 / 0.565 in session 15
    "heldout10": (0.91, 0.73, 0.53),
    # written in session 13, measured at its start and end only: 0.813 / 0.611 / 0.711 (sizes 7 of 14) on its first
    # build (main a399cf8), 0.819 / 0.617 / 0.711 (sizes 7 of 14) at the end of session 13; read since session 14:
    # 0.927 / 0.724 / 0.756 (sizes 11 of 14), 0.937 / 0.733 / 0.800 in session 15
    "heldout11": (0.91, 0.70, 0.77),
    # written in session 14 (a gate: totals read after each merge): 0.800 / 0.530 / 0.511 (sizes 6 of 12) on its
    # first build (main f4821b3), 0.804 / 0.541 / 0.542 (sizes 6 of 12) at the end of session 14; read since
    # session 15: 0.899 / 0.702 / 0.667 (sizes 12 of 12)
    "heldout12": (0.87, 0.67, 0.63),
    # written in session 14, measured at its start and end only: 0.832 / 0.576 / 0.486 (sizes 9 of 13) on its first
    # build (main f4821b3), 0.845 / 0.608 / 0.486 (sizes 9 of 13) at the end of session 14; read since session 15:
    # 0.918 / 0.757 / 0.696 (sizes 12 of 13)
    "heldout13": (0.89, 0.72, 0.66),
    # written in session 15 (a gate: totals read after each merge): 0.880 / 0.652 / 0.533 (sizes 9 of 14) on its
    # first build (main a8ba2d7), 0.886 / 0.652 / 0.565 (sizes 9 of 14) at the end of session 15
    "heldout14": (0.86, 0.62, 0.53),
    # written in session 15, measured at its start and end only: 0.867 / 0.671 / 0.611 (sizes 8 of 10) on its first
    # build (main a8ba2d7), 0.876 / 0.709 / 0.611 (sizes 8 of 10) at the end of session 15
    "heldout15": (0.85, 0.68, 0.58),
}


@pytest.mark.parametrize("corpus", sorted(HELD_OUT_FLOORS))
def test_held_out_floor(nlp, corpus):
    held = REPO / "tests" / "data" / corpus
    result, _ = _score(nlp, held / "articles", held / "gold.json")
    entity, relation, deal = HELD_OUT_FLOORS[corpus]
    assert result.entity.f1 >= entity, result.problems
    assert result.relation.f1 >= relation, result.problems
    assert result.deal.f1 >= deal, result.problems
    assert result.evidence_coverage == 1.0
