"""part_of (issue 12, round 9): a second predicate noun conjoined to the first, and units named after a
company the same article names.

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay as it was.
"""
from __future__ import annotations

from extract.coref import entity_refs
from extract.gazetteer import load_gazetteer
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


# --- a unit named after a company the article names on its own --------------------------------------

UNITS = {"Vexa": C, "Vexa Australia": C, "Vexa Pictures": C, "Quillon": C, "Quillon Management": C,
         "Quillon Robotics": C, "Quillon Fund 2": C}


def test_regional_unit_of_a_company_the_article_names(make_doc):
    # the place comes from the gazetteer the typer used
    text = "Vexa shipped the console in March. Vexa Australia said it would not sell it there."
    doc = make_doc(text, UNITS)
    doc.user_data["newsgraph_gazetteer"] = load_gazetteer().fingerprint
    found = {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == "part_of"}
    assert found == {("Vexa Australia", "Vexa")}


def test_studio_unit_of_a_company_the_article_names(make_doc):
    text = "Vexa makes games. Vexa Pictures hired 40 writers this year."
    assert relations(make_doc, text, UNITS, "part_of") == {("Vexa Pictures", "Vexa")}


def test_unit_needs_the_parent_named_on_its_own(make_doc):
    # near miss: the article never names Vexa alone
    text = "Vexa Australia opened a store in Perth."
    assert relations(make_doc, text, UNITS, "part_of") == set()


def test_words_that_complete_a_firm_name_make_no_unit(make_doc):
    # near misses: a management firm, a start-up's trade word, a successor fund
    text = ("Quillon backs start-ups. Quillon Management raised money, Quillon Robotics hired staff "
            "and Quillon Fund 2 closed.")
    assert relations(make_doc, text, UNITS, "part_of") == set()
