"""The people fallback (issue 12, round 5b): a person written with a job title whom no other rule gave an
employer works for the sentence's one company. Names are invented; entities are typed by hand so the rule
is tested, not NER."""
from __future__ import annotations

from extract.relations import find_relations
from extract.rules import RULE_SEPARATOR, rule_name

ENTS = {
    "Initech": "COMPANY", "Globex": "COMPANY", "Corvex": "COMPANY", "Daily Planet": "PUBLICATION",
    "Jane Roe": "PERSON", "Tom Hale": "PERSON", "Hana Ito": "PERSON", "Julia Brandt": "PERSON",
    "United States": "PLACE", "Rina Patel": "PERSON",
}
RULE = "title.fallback_sentence"


def _relations(make_doc, text):
    ents = {k: v for k, v in ENTS.items() if k in text}
    return list(find_relations(make_doc(text, ents), "t1"))


def _triples(make_doc, text):
    return {(r.source.text, r.relation, r.target.text) for r in _relations(make_doc, text)}


def test_a_titled_person_works_for_the_sentences_one_company(make_doc):
    got = _relations(make_doc, "Tom Hale, a senior engineer, said Initech would ship the chip in May.")
    found = [r for r in got if (r.source.text, r.relation, r.target.text) == ("Tom Hale", "works_for", "Initech")]
    assert found and rule_name(found[0].rule.split(RULE_SEPARATOR)[0]) == RULE


def test_a_head_title_leads_and_a_field_head_works_for(make_doc):
    assert ("Hana Ito", "leads", "Initech") in _triples(make_doc, "The president, Hana Ito, told staff that Initech would cut 200 jobs.")
    got = _triples(make_doc, "Marketing director Julia Brandt said Corvex sales rose 12 percent.")
    assert ("Julia Brandt", "works_for", "Corvex") in got and ("Julia Brandt", "leads", "Corvex") not in got


def test_two_companies_or_a_publication_give_nothing(make_doc):
    assert not {("Tom Hale", "works_for", "Initech"), ("Tom Hale", "works_for", "Globex")} & _triples(
        make_doc, "Tom Hale, a senior engineer, said Initech would beat Globex.")
    assert ("Tom Hale", "works_for", "Initech") not in _triples(
        make_doc, "Tom Hale, a senior engineer, told the Daily Planet that Initech would appeal.")


def test_a_person_with_a_stated_employer_gets_no_fallback(make_doc):
    got = _triples(make_doc, "Tom Hale works for Globex. Tom Hale, a senior engineer, said Initech would appeal.")
    assert ("Tom Hale", "works_for", "Globex") in got
    assert ("Tom Hale", "works_for", "Initech") not in got


def test_outside_voices_and_heads_of_state_are_not_employees(make_doc):
    assert ("Rina Patel", "works_for", "Corvex") not in _triples(make_doc, "Analyst Rina Patel said Corvex shares were undervalued.")
    assert ("Tom Hale", "leads", "Corvex") not in _triples(make_doc, "An attempt to buy Corvex was blocked by President Tom Hale.")
    assert ("Tom Hale", "leads", "Corvex") not in _triples(
        make_doc, "Tunes were loved by United States President Tom Hale, a fan of Corvex.")


def test_a_title_that_names_its_own_company_is_left_to_the_title_rules(make_doc):
    # an unresolved possessor, or the company inside the title's own phrase, is not the employer
    assert ("Jane Roe", "works_for", "Initech") not in _triples(make_doc, "Its chief engineer, Jane Roe, said Initech would pay.")
    assert ("Jane Roe", "works_for", "Initech") not in _triples(make_doc, "Jane Roe, an engineer trained by Initech, spoke.")


def test_a_former_title_without_its_company_gives_nothing(make_doc):
    assert ("Jane Roe", "leads", "Initech") not in _triples(make_doc, "Under former chief executive Jane Roe, Initech lost money.")


def test_a_company_read_as_a_counterpart_is_not_the_employer(make_doc):
    got = _triples(make_doc, "Globex makes chips. Tom Hale, a senior engineer, said it had acquired Initech in May.")
    assert ("Tom Hale", "works_for", "Initech") not in got
