"""People shapes of real news (issue 12, people round 2): plural titles over a list of names, founders in a
passive relative clause, "a veteran of X", a pronoun-owned title set by the appointer, "joined X from Y",
"Y, where she ran the team", and a title given up "as CEO" with its successor. Names are invented; entities
are typed by hand so the rules are tested, not NER."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Quillstone": "COMPANY", "Halvard": "COMPANY",
    "Brindle Labs": "COMPANY", "Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Tobin Reyd": "PERSON",
}


def _triples(make_doc, text):
    ents = {k: v for k, v in ENTS.items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


# -- a plural title is said of every name of the list ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Zorblax was set up in 2020 by Orrin Dyer and Mara Quell, both former engineers at Nimbus.",
    "Zorblax hired two former Nimbus engineers, Orrin Dyer and Mara Quell, last year.",
])
def test_plural_title_over_a_list(make_doc, text):
    got = _triples(make_doc, text)
    assert {("Orrin Dyer", "works_for", "Nimbus"), ("Mara Quell", "works_for", "Nimbus")} <= got


def test_singular_title_stays_with_its_name(make_doc):
    got = _triples(make_doc, "Zorblax hired Orrin Dyer and Mara Quell, a former engineer at Nimbus.")
    assert ("Mara Quell", "works_for", "Nimbus") in got
    assert ("Orrin Dyer", "works_for", "Nimbus") not in got


# -- founders told in a passive relative clause ------------------------------------------------------------
def test_founders_in_a_passive_relative_clause(make_doc):
    got = _triples(make_doc, "Zorblax, which was started by two former Nimbus engineers, Orrin Dyer and Mara Quell, "
                             "makes robots.")
    assert {("Orrin Dyer", "founded", "Zorblax"), ("Mara Quell", "founded", "Zorblax"),
            ("Orrin Dyer", "works_for", "Nimbus"), ("Mara Quell", "works_for", "Nimbus")} <= got


def test_active_relative_clause_names_no_founder(make_doc):
    got = _triples(make_doc, "Zorblax, which started a service with Orrin Dyer, makes robots.")
    assert ("Orrin Dyer", "founded", "Zorblax") not in got


# -- "a veteran of X", and "its new president" of the one who names ----------------------------------------
def test_veteran_of_works_for_and_its_title_is_the_appointers(make_doc):
    got = _triples(make_doc, "Zorblax named Orrin Dyer, a veteran of Nimbus and Quillstone, its new president.")
    assert {("Orrin Dyer", "works_for", "Nimbus"), ("Orrin Dyer", "works_for", "Quillstone"),
            ("Orrin Dyer", "leads", "Zorblax")} <= got
    assert ("Orrin Dyer", "leads", "Nimbus") not in got
    assert ("Orrin Dyer", "leads", "Quillstone") not in got


# -- the employer a person came from, and a "where" clause on it --------------------------------------------
@pytest.mark.parametrize("text", [
    "Mara Quell joined Zorblax from Nimbus in May.",
    "Zorblax hired Mara Quell from Nimbus last year.",
    "Mara Quell joined Zorblax from Nimbus, where she ran the robotics team.",
])
def test_joined_from(make_doc, text):
    assert ("Mara Quell", "works_for", "Nimbus") in _triples(make_doc, text)


def test_where_clause_on_a_company(make_doc):
    got = _triples(make_doc, "Before that Mara Quell was at Nimbus, where she led the search group.")
    assert ("Mara Quell", "works_for", "Nimbus") in got


def test_money_from_is_no_employer(make_doc):
    got = _triples(make_doc, "The money came from Nimbus, Mara Quell said.")
    assert ("Mara Quell", "works_for", "Nimbus") not in got


# -- a title given up "as CEO", and the successor ------------------------------------------------------------
def test_stepping_down_as_ceo_and_the_successor(make_doc):
    got = _triples(make_doc, "Zorblax founder Mara Quell is stepping down as CEO and will be replaced by "
                             "Orrin Dyer, its finance chief.")
    assert {("Mara Quell", "founded", "Zorblax"), ("Mara Quell", "leads", "Zorblax"),
            ("Orrin Dyer", "leads", "Zorblax")} <= got


def test_former_company_before_the_name_is_not_the_bare_titles(make_doc):
    got = _triples(make_doc, "Zorblax makes robots. Former Nimbus engineer Mara Quell is stepping down as CEO.")
    assert ("Mara Quell", "leads", "Nimbus") not in got


# -- "my co-founder": the speaking founder's company ---------------------------------------------------------
def test_my_cofounder_founded_the_speakers_company(make_doc):
    got = _triples(make_doc, 'Mara Quell left Nimbus in 2019 to start Zorblax. "Orrin Dyer, my co-founder, wrote '
                             'the code," Mara Quell said.')
    assert ("Orrin Dyer", "founded", "Zorblax") in got
    assert ("Orrin Dyer", "founded", "Nimbus") not in got


# -- an analyst's beat at a firm -------------------------------------------------------------------------------
def test_covers_at_a_firm(make_doc):
    got = _triples(make_doc, '"Demand is soft," said Mara Quell, who covers software at Halvard.')
    assert ("Mara Quell", "works_for", "Halvard") in got


# -- one of a group of founders -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mara Quell, one of the co-founders of Zorblax, said demand rose.",
    "Mara Quell is one of Zorblax's founders.",
    "Mara Quell was among the founders of Zorblax.",
    "Zorblax, whose founders include Mara Quell and Orrin Dyer, makes robots.",
])
def test_one_of_the_founders(make_doc, text):
    assert ("Mara Quell", "founded", "Zorblax") in _triples(make_doc, text)


def test_one_of_its_directors_works_there(make_doc):
    got = _triples(make_doc, "Mara Quell, one of Zorblax's directors, said demand rose.")
    assert ("Mara Quell", "works_for", "Zorblax") in got
    assert ("Mara Quell", "leads", "Zorblax") not in got


# -- past jobs: "previously at", hired away or fired "from" ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mara Quell, previously at Nimbus, joined Zorblax.",
    "Zorblax hired Mara Quell as its chief operating officer; she was most recently at Nimbus.",
    "Mara Quell was hired away from Nimbus by Zorblax.",
    "Mara Quell, who was fired from Nimbus last year, joined Zorblax.",
])
def test_past_job_at_a_company(make_doc, text):
    assert ("Mara Quell", "works_for", "Nimbus") in _triples(make_doc, text)


@pytest.mark.parametrize("text", [
    "Mara Quell was at Nimbus earlier in the day.",
    "Mara Quell defected from Nimbus to Zorblax's party.",
])
def test_no_job_from_a_visit_or_a_defection(make_doc, text):
    assert ("Mara Quell", "works_for", "Nimbus") not in _triples(make_doc, text)
