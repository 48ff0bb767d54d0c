"""Acquisitions and deal precision (issue 12, round 8): who bought, and what a purchase names.

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay as it was.
"""
from __future__ import annotations

from extract.coref import entity_refs
from extract.relations import find_relations

C = "COMPANY"


def acquires(make_doc, text, ents):
    doc = make_doc(text, ents)
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == "acquires"}


# --- a singular pronoun stands for one antecedent, not the list it opens ----------------------------

LIST_THEN_IT = {"Brannock": C, "Corvane Labs": C, "Mirela": C, "Quillon": C, "Tessaly Systems": C}


def test_it_after_a_list_of_companies_bought_alone(make_doc):
    text = ("Brannock, Corvane Labs, Mirela and Quillon all design chips of their own; Brannock's Ferro, "
            "for example, comes from Tessaly Systems, the Danish designer it bought in 2015 for $300 million.")
    assert acquires(make_doc, text, LIST_THEN_IT) == {("Brannock", "Tessaly Systems")}


def test_a_list_that_buys_still_buys_together(make_doc):
    # near miss: the list itself is the subject, every member is a buyer
    text = "Brannock and Corvane Labs bought Tessaly Systems in 2015 for $300 million."
    assert acquires(make_doc, text, LIST_THEN_IT) == {("Brannock", "Tessaly Systems"), ("Corvane Labs", "Tessaly Systems")}
