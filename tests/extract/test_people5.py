"""People constructions of news (issue 12, people round 5): a description after the last name of a list
("co-founded by A, B and C, the X founder") belongs to that name only; "with NAME as TITLE" gives NAME the
title at the clause's company; a title "at" an employer that the parser hangs on "became" or "was named";
and the one removed "as chief executive" held the office. Names are invented; entities are typed by hand so
the rules are tested, not NER."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Quillstone": "COMPANY", "Halvard Capital": "COMPANY", "Dyer": "PERSON",
    "Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Tobin Reyd": "PERSON", "Jane Roe": "PERSON",
}


def _triples(make_doc, text):
    ents = {k: v for k, v in ENTS.items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


def _parsed_triples(nlp, text):
    """Relations of ``text`` with the full pipeline's own entities: the parser hangs a description after a
    list on the list's middle name when the names are typed by our NER, not when typed by hand."""
    from extract.pipeline import extract_doc
    from extract.records import Article

    got = extract_doc(nlp(text), Article(id="t1", text=text)).relations
    return {(r.source.text, r.relation, r.target.text) for r in got}


def test_a_description_after_a_list_belongs_to_its_last_name(newsgraph_nlp):
    got = _parsed_triples(newsgraph_nlp, "Cerebra Systems was co-founded by Laura Benson, James Porter and Mark "
                                         "Ellis, the Stripe founder.")
    assert ("Mark Ellis", "founded", "Stripe") in got
    assert not {("James Porter", "founded", "Stripe"), ("Laura Benson", "founded", "Stripe")} & got


def test_a_title_after_a_list_of_board_members_is_the_last_ones(newsgraph_nlp):
    got = _parsed_triples(newsgraph_nlp, "The board includes Helen Marsh, Victor Hale and Robert Price, the chief "
                                         "executive of Oracle.")
    assert ("Robert Price", "leads", "Oracle") in got
    assert not {("Helen Marsh", "leads", "Oracle"), ("Victor Hale", "leads", "Oracle")} & got


def test_with_name_as_title_takes_the_company_of_the_clauses_other_title(make_doc):
    got = _triples(make_doc, "Jane Roe took over as Zorblax's chief executive, with Tobin Reyd as president.")
    assert {("Jane Roe", "leads", "Zorblax"), ("Tobin Reyd", "leads", "Zorblax")} <= got


def test_with_name_as_title_takes_the_clauses_company(make_doc):
    got = _triples(make_doc, "Nimbus will be run by Jane Roe, with Orrin Dyer as chairman.")
    assert ("Orrin Dyer", "leads", "Nimbus") in got


def test_with_name_as_a_role_that_is_no_office_gives_nothing(make_doc):
    got = _triples(make_doc, "Jane Roe spoke at the Nimbus conference, with Orrin Dyer as moderator.")
    assert not {r for r in got if r[0] == "Orrin Dyer"}


def test_a_title_at_an_employer_hung_on_became(make_doc):
    got = _triples(make_doc, "Jane Roe later became a partner at Halvard Capital. In 2019 Mara Quell became chief "
                             "scientist at Nimbus.")
    assert {("Jane Roe", "works_for", "Halvard Capital"), ("Mara Quell", "works_for", "Nimbus")} <= got


def test_became_something_at_a_company_that_is_no_title(make_doc):
    got = _triples(make_doc, "Mara Quell became a customer at Nimbus in 2019.")
    assert ("Mara Quell", "works_for", "Nimbus") not in got


def test_the_one_removed_as_chief_executive_held_the_office(make_doc):
    got = _triples(make_doc, "In 2023 the board of Nimbus voted to remove Jane Roe as chief executive of Nimbus.")
    assert ("Jane Roe", "leads", "Nimbus") in got


def test_the_one_ousted_as_bare_chief_executive_led_the_articles_company(make_doc):
    got = _triples(make_doc, "Nimbus makes chips. In 2023 its board ousted Jane Roe as chief executive.")
    assert ("Jane Roe", "leads", "Nimbus") in got


def test_to_co_found_gives_the_clauses_subject_and_every_with_person(make_doc):
    got = _triples(make_doc, "In 2015 Jane Roe left Nimbus to co-found Zorblax with Orrin Dyer, Mara Quell and others.")
    assert {("Jane Roe", "founded", "Zorblax"), ("Orrin Dyer", "founded", "Zorblax"),
            ("Mara Quell", "founded", "Zorblax")} <= got


def test_to_co_found_after_a_gerund_climbs_to_the_subject(make_doc):
    got = _triples(make_doc, "Jane Roe spent nine years at Nimbus, most recently as a vice president for graphics, "
                             "before leaving in 2021 to co-found Zorblax, a chip start-up.")
    assert ("Jane Roe", "founded", "Zorblax") in got


def test_to_co_found_with_money_from_someone_is_no_co_founder(make_doc):
    got = _triples(make_doc, "Jane Roe left Nimbus to co-found Zorblax with money from Orrin Dyer.")
    assert ("Jane Roe", "founded", "Zorblax") in got
    assert ("Orrin Dyer", "founded", "Zorblax") not in got


def test_the_three_stand_for_the_three_people_listed_before(make_doc):
    got = _triples(make_doc, "In 2012 Jane Roe, Orrin Dyer and Mara Quell built a speech model. The three formed a "
                             "small company, Zorblax, which Nimbus bought a year later.")
    assert {("Jane Roe", "founded", "Zorblax"), ("Orrin Dyer", "founded", "Zorblax"),
            ("Mara Quell", "founded", "Zorblax")} <= got


def test_the_pair_stands_for_a_pair_and_a_pronoun_counts(make_doc):
    got = _triples(make_doc, "Jane Roe studied under Orrin Dyer. In 2019 she and Dyer met again, and the pair "
                             "founded Zorblax.")
    assert {("Jane Roe", "founded", "Zorblax"), ("Dyer", "founded", "Zorblax")} <= got  # (names merge later)


def test_a_group_of_another_size_is_not_the_list(make_doc):
    got = _triples(make_doc, "Jane Roe, Orrin Dyer and Mara Quell met at Nimbus. The two founded Zorblax in 2019.")
    assert not {r for r in got if r[1] == "founded"}


def test_a_group_of_companies_founds_nothing(make_doc):
    got = _triples(make_doc, "Nimbus and Quillstone signed a deal in May. The two formed a joint venture, Zorblax.")
    assert not {r for r in got if r[1] == "founded"}


def test_going_to_a_company_to_do_a_job_is_working_there(make_doc):
    got = _triples(make_doc, "Meta bought a stake in Nimbus, and Jane Roe, Nimbus's founder, went to Quillstone to "
                             "lead its superintelligence effort.")
    assert ("Jane Roe", "works_for", "Quillstone") in got


def test_going_to_a_company_for_anything_else_is_not(make_doc):
    got = _triples(make_doc, "Jane Roe went to Quillstone to pitch her idea, and Orrin Dyer went to Nimbus's event.")
    assert not {r for r in got if r[1] == "works_for"}


def test_each_with_name_has_its_own_title(make_doc):
    got = _triples(make_doc, "Jane Roe took over as Zorblax's chief executive, with Orrin Dyer as president and "
                             "Mara Quell as chief scientist.")
    assert {("Orrin Dyer", "leads", "Zorblax"), ("Mara Quell", "works_for", "Zorblax")} <= got
    assert ("Mara Quell", "leads", "Zorblax") not in got


def test_a_with_list_goes_on_past_a_described_co_founder(newsgraph_nlp):
    got = _parsed_triples(newsgraph_nlp, "Marta Quinn left Nvidia in 2021. Kittering Labs, which she co-founded with "
                                         "Tomás Reyes, her former manager at Nvidia, and Ada Lindgren, a Qualcomm audio "
                                         "engineer, is building a hearing chip.")
    assert {("Tomás Reyes", "founded", "Kittering Labs"), ("Ada Lindgren", "founded", "Kittering Labs")} <= got


def test_a_with_list_ends_at_a_verb(newsgraph_nlp):
    got = _parsed_triples(newsgraph_nlp, "Sarah Mitchell co-founded Cerebra Systems with David Chen, her former "
                                         "manager at Oracle, and sold it to Laura Benson in 2020.")
    assert ("Laura Benson", "founded", "Cerebra Systems") not in got


def test_a_co_founder_with_after_the_companys_description(make_doc):
    got = _triples(make_doc, "Jane Roe co-founded Zorblax, an ad-free search engine, with Orrin Dyer.")
    assert ("Orrin Dyer", "founded", "Zorblax") in got


def test_a_description_with_an_office_is_no_co_founder(make_doc):
    got = _triples(make_doc, "Jane Roe co-founded Zorblax, a search engine with offices in Paris and Nimbus as its "
                             "backer.")
    assert not {r for r in got if r[1] == "founded" and r[0] != "Jane Roe"}


@pytest.mark.parametrize("text", [
    "Nimbus's engineering director, Jane Roe, said the chip was late.",
    "Jane Roe, Nimbus's creative director, left in May.",
    "Nimbus's research head Jane Roe said the model was ready.",
])
def test_a_field_written_before_director_or_head_is_a_job_not_the_company(make_doc, text):
    # as "director of engineering at Nimbus" already was: one job among the company's
    got = _triples(make_doc, text)
    assert ("Jane Roe", "works_for", "Nimbus") in got and ("Jane Roe", "leads", "Nimbus") not in got


@pytest.mark.parametrize("text", [
    "Nimbus's managing director, Jane Roe, said the chip was late.",
    "Nimbus's new director, Jane Roe, said the chip was late.",
    "Nimbus's acting head, Jane Roe, said the chip was late.",
])
def test_a_title_word_or_a_time_before_director_still_leads(make_doc, text):
    assert ("Jane Roe", "leads", "Nimbus") in _triples(make_doc, text)
