"""part_of (issue 12, round 9): a second predicate noun conjoined to the first, and units named after a
company the same article names.

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay as it was.
"""
from __future__ import annotations

from extract.coref import entity_refs
from extract.relations import find_relations

C = "COMPANY"


def relations(make_doc, text, ents, relation):
    doc = make_doc(text, ents)
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == relation}


# --- "X is a ... company and a subsidiary of Y": the conjoined predicate noun describes X too ---------

PAIR = {"Quillon": C, "Torvane Group": C, "Brannock Systems": C}


def test_subsidiary_conjoined_to_the_first_predicate_noun(make_doc):
    text = "Quillon is a freight company founded in 1974 and a subsidiary of Torvane Group."
    assert relations(make_doc, text, PAIR, "part_of") == {("Quillon", "Torvane Group")}


def test_rival_conjoined_to_the_first_predicate_noun(make_doc):
    text = "Quillon is a supplier of Torvane Group and a rival of Brannock Systems."
    assert ("Quillon", "Brannock Systems") in relations(make_doc, text, PAIR, "competes_with")


def test_or_does_not_conjoin_a_statement(make_doc):
    # near miss: "a company or a subsidiary" says neither for sure
    text = "Quillon is a freight company or a subsidiary of Torvane Group."
    assert relations(make_doc, text, PAIR, "part_of") == set()
