"""Who competes with whom (issue 12): ground lost to a rival, rivals named as examples, rivals of a view.

Invented sentences parsed by the real model with hand-typed entities (``make_doc``).
"""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations

C = "COMPANY"
ENTS = {"Quillon": C, "Torvane Energy": C, "Fennick Ventures": C}


def rivals(make_doc, text):
    doc = make_doc(text, ENTS)
    return {frozenset((r.source.text, r.target.text)) for r in find_relations(doc, "t", entity_refs(doc))
            if r.relation == "competes_with"}


@pytest.mark.parametrize("text", [
    "Quillon has lost market share to Torvane Energy in Europe.",
    "Quillon said it would cut 900 jobs after losing ground to Torvane Energy in networking chips.",
    "Quillon did not cut prices despite losing customers to Torvane Energy.",
])
def test_ground_lost_to_a_rival(make_doc, text):
    assert frozenset(("Quillon", "Torvane Energy")) in rivals(make_doc, text)


def test_a_cancelling_main_verb_still_cancels_its_own_clause(make_doc):
    assert rivals(make_doc, "Quillon cut ties with Torvane Energy and stopped competing with it.") == set()


def test_people_lost_to_a_company_are_no_rivalry(make_doc):
    assert rivals(make_doc, "Quillon lost two engineers to Torvane Energy last year.") == set()


def test_rivals_named_as_examples_of_a_plural_noun(make_doc):
    text = "Analysts view Quillon as competing most directly with the chip vendors, notably Torvane Energy and Fennick Ventures."
    got = rivals(make_doc, text)
    assert {frozenset(("Quillon", "Torvane Energy")), frozenset(("Quillon", "Fennick Ventures"))} <= got
