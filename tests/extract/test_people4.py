"""People constructions of news (issue 12, people round 4): founders told with "co-founded ... with", a clause
said of a list of names, a company's founders hired by another company, a description set off by commas,
"a X co-founder", a founder's "its", "the company she founded and runs", people a plural noun includes,
and former jobs told by a stint, by time spent doing something, by "formerly a ... at" and by moving to a
company. Names are invented; entities are typed by hand so the rules are tested, not NER."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Quillstone": "COMPANY", "Halvard": "COMPANY",
    "Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Tobin Reyd": "PERSON", "Dyer": "PERSON",
}


def _triples(make_doc, text):
    ents = {k: v for k, v in ENTS.items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


def test_a_clause_on_a_noun_is_not_negated_by_the_main_verb(make_doc):
    got = _triples(make_doc, "Zorblax, which Orrin Dyer had co-founded in 2022 with Mara Quell, did not disappear.")
    assert ("Mara Quell", "founded", "Zorblax") in got


def test_a_clause_after_a_list_of_names_holds_for_each(make_doc):
    got = _triples(make_doc, "Orrin Dyer and Mara Quell, who had left Nimbus in 2021 to found Zorblax, returned to Halvard.")
    assert {("Orrin Dyer", "founded", "Zorblax"), ("Mara Quell", "founded", "Zorblax"),
            ("Orrin Dyer", "works_for", "Nimbus"), ("Mara Quell", "works_for", "Nimbus")} <= got


def test_a_clause_after_a_described_name_holds_for_that_name_only(make_doc):
    got = _triples(make_doc, "Zorblax was set up in 2021 by Orrin Dyer, a former Halvard engineer, and Mara Quell, "
                             "who ran the search group at Nimbus for a decade.")
    assert ("Mara Quell", "works_for", "Nimbus") in got
    assert ("Orrin Dyer", "works_for", "Nimbus") not in got


def test_moving_to_a_company(make_doc):
    got = _triples(make_doc, "Tobin Reyd, a Nimbus co-founder who had defected to Halvard only months earlier, spoke.")
    assert ("Tobin Reyd", "works_for", "Halvard") in got
    assert ("Tobin Reyd", "founded", "Nimbus") in got


def test_founders_hired_by_another_company_founded_their_own(make_doc):
    got = _triples(make_doc, "Later Nimbus repeated the move with Zorblax, a robotics start-up, hiring its founders "
                             "Orrin Dyer and Mara Quell and licensing the company's models.")
    assert ("Orrin Dyer", "founded", "Zorblax") in got
    assert ("Orrin Dyer", "founded", "Nimbus") not in got


def test_a_description_closed_by_commas_names_the_company_before_it(make_doc):
    got = _triples(make_doc, "Nimbus in December abandoned its $20 billion plan to buy Zorblax, the design software "
                             "start-up led by Orrin Dyer, after regulators raised objections.")
    assert ("Orrin Dyer", "leads", "Zorblax") in got
    assert ("Orrin Dyer", "leads", "Nimbus") not in got


def test_a_founders_its_is_the_company_founded(make_doc):
    got = _triples(make_doc, "Zorblax was founded in 2023 by Orrin Dyer, a former researcher at Nimbus who is now "
                             "its chief executive.")
    assert ("Orrin Dyer", "leads", "Zorblax") in got
    assert ("Orrin Dyer", "leads", "Nimbus") not in got


def test_people_a_plural_noun_includes(make_doc):
    got = _triples(make_doc, "Zorblax, which was founded in 2021 by former Nimbus executives including Orrin Dyer "
                             "and Mara Quell, said it would grow.")
    assert {("Orrin Dyer", "founded", "Zorblax"), ("Mara Quell", "founded", "Zorblax"),
            ("Orrin Dyer", "works_for", "Nimbus"), ("Mara Quell", "works_for", "Nimbus")} <= got


@pytest.mark.parametrize("text,company", [
    ("After a stint leading product at Nimbus, Orrin Dyer joined Zorblax as chief operating officer.", "Nimbus"),
    ("Orrin Dyer spent twelve years designing processors at Nimbus before he started Zorblax.", "Nimbus"),
    ("Zorblax was founded by Orrin Dyer, formerly an engineering lead at Nimbus, in 2022.", "Nimbus"),
    ("After four years at Nimbus, Orrin Dyer co-founded Zorblax in 2021.", "Nimbus"),
])
def test_former_jobs(make_doc, text, company):
    assert ("Orrin Dyer", "works_for", company) in _triples(make_doc, text)


def test_writing_about_a_company_is_no_job(make_doc):
    got = _triples(make_doc, "Orrin Dyer spent three years writing about Nimbus for a magazine.")
    assert ("Orrin Dyer", "works_for", "Nimbus") not in got


def test_founders_in_apposition_who_came_from_a_company(make_doc):
    got = _triples(make_doc, "The startup's two founders, Orrin Dyer and Mara Quell, both came from Nimbus.")
    assert {("Orrin Dyer", "works_for", "Nimbus"), ("Mara Quell", "works_for", "Nimbus")} <= got


def test_under_a_chief_executive_the_clause_names_the_company(make_doc):
    got = _triples(make_doc, "Under chief executive Orrin Dyer, Zorblax has tripled its revenue.")
    assert ("Orrin Dyer", "leads", "Zorblax") in got


def test_a_gapped_copula_gives_the_second_person_the_title(make_doc):
    text = "Zorblax was founded in 2023 by Orrin Dyer and Mara Quell. Dyer is chief scientist and Quell chief technology officer."
    ents = {"Zorblax": "COMPANY", "Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Dyer": "PERSON", "Quell": "PERSON"}
    got = {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}
    assert ("Quell", "works_for", "Zorblax") in got
    assert ("Dyer", "works_for", "Quell") not in got
