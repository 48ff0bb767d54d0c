"""people14: readings of succession, of a participle's agent and its "its", of a title introducing a name, of
"joins us" and of a timeline's present "found". Names are invented; entities are typed by hand so the rules
are tested, not NER."""
from __future__ import annotations

from extract.relations import find_relations

ENTS = {
    "Veltrix Systems": "COMPANY", "Harvala Networks": "COMPANY", "Solvane Energy": "COMPANY", "Brennock Oil": "COMPANY",
    "Corvane Systems": "COMPANY", "Initech": "COMPANY", "Globex": "COMPANY", "Tallow": "COMPANY", "Brightwave": "COMPANY",
    "Ora Demsky": "PERSON", "Tamar Oren": "PERSON", "Eero Saarinen": "PERSON", "Dana Whitlock": "PERSON",
    "Rhea Castellan": "PERSON", "Jo Marsh": "PERSON", "Ilya Brandt": "PERSON", "Jane Roe": "PERSON", "John Doe": "PERSON",
    "Mira Kessel": "PERSON", "Marta Ilic": "PERSON", "Texas": "PLACE",
}


def _triples(make_doc, text):
    ents = {k: v for k, v in ENTS.items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


def test_a_successor_named_with_as_takes_the_office_at_the_predecessors_company(make_doc):
    got = _triples(make_doc, "Ora Demsky founded Veltrix Systems in 2004. In 2023 Tamar Oren, previously its chief "
                             "operating officer, succeeded her as chief executive.")
    assert ("Tamar Oren", "leads", "Veltrix Systems") in got


def test_an_active_successor_takes_the_objects_title(make_doc):
    got = _triples(make_doc, "Harvala Networks says Eero Saarinen, its chief executive since 2019, will step down and "
                             "that Dana Whitlock will replace him in May.")
    assert ("Dana Whitlock", "leads", "Harvala Networks") in got


def test_its_in_a_participles_agent_is_the_described_company(make_doc):
    got = _triples(make_doc, "Brennock Oil said it would build gas plants in Texas. Solvane Energy, a solar developer "
                             "led by its founder Rhea Castellan, raised $300 million in March.")
    assert ("Rhea Castellan", "founded", "Solvane Energy") in got
    assert ("Rhea Castellan", "founded", "Brennock Oil") not in got


def test_the_engineer_before_a_name_gives_no_passage_employer(make_doc):
    got = _triples(make_doc, "Jo Marsh joined Corvane Systems in 1990 and ran its chip lab. The rule, which the engineer "
                             "Ilya Brandt named Marsh's Law, still holds.")
    assert not any(s == "Ilya Brandt" for s, _, _ in got)


def test_a_timelines_present_found(make_doc):
    got = _triples(make_doc, "2016 - Jane Roe and John Doe found Initech, initially to sell a printer kit.")
    assert {("Jane Roe", "founded", "Initech"), ("John Doe", "founded", "Initech")} <= got


def test_found_before_a_clause_is_find(make_doc):
    got = _triples(make_doc, "Auditors say Jane Roe found Initech had overstated its revenue.")
    assert ("Jane Roe", "founded", "Initech") not in got


def test_a_plural_description_is_said_of_every_listed_name(make_doc):
    got = _triples(make_doc, "Initech was founded by Jane Roe and John Doe, a married couple who spent years at Globex.")
    assert {("Jane Roe", "works_for", "Globex"), ("John Doe", "works_for", "Globex")} <= got


def test_a_title_after_run_by_is_not_held_at_another_company(make_doc):
    # the thing run is named but not typed a company: neither the previous subject nor the sentence's backer is it
    got = _triples(make_doc, "Tallow raised $40 million in May. A month earlier Quorl, the Pittsburgh start-up run by "
                             "co-founder and chief executive Mira Kessel, raised $95 million from Brightwave.")
    assert not any(s == "Mira Kessel" and t in ("Tallow", "Brightwave") for s, _, t in got)
