"""Sizes told of a family (issue 12): lists "in sizes of ...", a family noun after the name, and the
largest member, which is the family's size (a reader asking how big Ravelin is hears the flagship).

Invented sentences parsed by the real model with hand-typed entities (``make_doc``).
"""
from __future__ import annotations

import pytest

from extract.deals import find_attributes

C, M = "COMPANY", "MODEL"
B = 1_000_000_000


def sizes(make_doc, text, ents):
    doc = make_doc(text, ents)
    return [(a.mention.text, a.value) for a in find_attributes(doc, "t")]


@pytest.mark.parametrize("text", [
    "Ostwind AI released Ravelin in sizes of 7 billion, 13 billion and 70 billion parameters.",
    "Ravelin ships in sizes of 7B and 70B parameters.",
])
def test_a_list_in_sizes_of_gives_the_family_its_largest(make_doc, text):
    assert sizes(make_doc, text, {"Ostwind AI": C, "Ravelin": M}) == [("Ravelin", 70 * B)]


@pytest.mark.parametrize("noun", ["family", "series", "line"])
def test_a_family_noun_after_the_name(make_doc, noun):
    text = f"Brightloom's Tamarind {noun} comes in 8B, 27B and 70B versions."
    assert sizes(make_doc, text, {"Brightloom": C, "Tamarind": M}) == [("Tamarind", 70 * B)]


@pytest.mark.parametrize("text", [
    "The largest version of Ravelin has 236 billion parameters, Ostwind AI said.",
    "The biggest Ravelin model has 236 billion parameters.",
])
def test_the_largest_member_is_the_family_size(make_doc, text):
    assert sizes(make_doc, text, {"Ostwind AI": C, "Ravelin": M}) == [("Ravelin", 236 * B)]


@pytest.mark.parametrize("text", [
    "The smallest version of Ravelin has 2 billion parameters.",
    "The smallest Ravelin model has 2 billion parameters.",
    "Ravelin is half the size of a model of 70 billion parameters.",
])
def test_a_small_member_or_a_comparison_sizes_no_family(make_doc, text):
    assert sizes(make_doc, text, {"Ravelin": M}) == []
