"""Model names and their sizes (issue 12, round 12): what makes a phrase a model's name, read through the whole
build on invented text.

- a known model family's word followed in one name by another family's word or a model name is one longer
  model ("Llama Qwen Nano"), whose first family does not say who made it;
- the capitalised subject of "has N parameters" is a model, whatever the NER read in it ("Isaac Q7");
- a one-word name set beside "a/an ... model" after a comma is a model ("released ORCHID, a 9B model");
- a model noun named by a participle with no comma ("a large model code-named Olympus") names a model;
- a language's name before a model noun describes the model and names none ("the Hindi model");
- a relative clause after "X from <maker>" that states a size tells of X ("Wren from Acme, which has 1.5 billion").
"""
from __future__ import annotations

import pytest

B = 1_000_000_000


@pytest.fixture(scope="module")
def graph_of():
    from graph.build import build_graph
    return lambda text: build_graph([text])


def _models(g):
    return {d["name"]: d.get("parameters") for _, d in g.nodes(data=True) if d["type"] == "model"}


def _names(g):
    return {d["name"]: d["type"] for _, d in g.nodes(data=True)}


# -- a language's name before a model noun ---------------------------------------------------------------------------
def test_a_language_before_a_model_noun_names_no_model(graph_of):
    names = _names(graph_of("Sarvik's first release came last year. The seven-billion-parameter Hindi model was "
                            "built on top of Llama 2."))
    assert "Hindi" not in names
