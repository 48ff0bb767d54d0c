"""Unknown companies typed by what the sentence says they do or own (issue 12, round 2: startups).

The NER guesses at names it has never seen: a one-word startup's name comes out a person or a place, or
nothing. Its place in the sentence says company: it raises money, closes a round, competes, owns chips,
investors and a valuation, is "it" to itself. People and places keep their own cues. The sentences are
invented; the NER labels are set by hand, as the statistical NER gives them on such names.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name, label", [
    # the subject of what companies do
    ("Brackwell said it would work with Nvidia on new servers.", "Brackwell", "PERSON"),
    ("Halberd raised $40 million on Monday.", "Halberd", "GPE"),
    ("Drennick competes with Oracle in payroll software.", "Drennick", "PERSON"),
    ("Brackwell laid off a fifth of its engineers in March.", "Brackwell", "PERSON"),
    ("On Tuesday Quenby released a new model for coding.", "Quenby", "PERSON"),
    # "its" in the subject's own clause
    ("Under the deal, Tarvossa will offer its models on Microsoft Azure.", "Tarvossa", "LOC"),
    # the possessor of what companies own
    ("Quenby's latest chip is aimed at Nvidia's data-centre business.", "Quenby", "PERSON"),
    ("Sequoia was among Drennick's backers.", "Drennick", "PERSON"),
    ("Intel and Dell took part in Moravel's $80 million round.", "Moravel", "GPE"),
    # a rival of known companies, the name of a new venture
    ("Investors view Moravel as a rival to Oracle and SAP.", "Moravel", "PERSON"),
    ("Amazon and Nvidia formed a joint venture, Corrabel, to make chips.", "Corrabel", "PERSON"),
    ("Two former Intel engineers set up a startup called Corrabel last year.", "Corrabel", "PERSON"),
])
def test_a_company_role_beats_the_ner_guess(types, text, name, label):
    assert types(text, {name: label})[name] == "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("Velmora closed a $12 million seed round led by Accel.", "Velmora"),
    ("Pennacle is taking on Google and Microsoft in search.", "Pennacle"),
    ("Fernwick AI competes with Cohere in legal software.", "Fernwick AI"),
])
def test_a_name_the_ner_missed_is_found_in_a_company_role(types, text, name):
    assert types(text, {}).get(name) == "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("Mr. Brackwell said it would work with Nvidia on new servers.", "Brackwell"),  # an honorific
    ("Brackwell said he would work with Nvidia on new servers.", "Brackwell"),  # "he"
    ("Drennick and his wife bought a house near Oracle's campus.", "Drennick"),  # no company's act
    ("On Tuesday Drennick released a new single for radio.", "Drennick"),  # a song is no model
])
def test_people_keep_their_cues(types, text, name):
    assert types(text, {name: "PERSON"})[name] == "PERSON"


def test_a_surname_after_a_full_name_stays_a_person(types):
    text = "Elena Marsh runs a small fund. Marsh raised $40 million from Sequoia last year."
    found = types(text, {"Elena Marsh": "PERSON", "Marsh": "PERSON"})
    assert found["Marsh"] == "PERSON"


def test_a_full_name_is_not_searched_for_a_company(types):
    found = types("Jonas Brackwell raised $40 million for the museum.", {})
    assert found.get("Jonas Brackwell") != "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("France raised $5 billion from a bond sale.", "France"),  # a known place
    ("Velmora opened an office in Tarvossa last year.", "Tarvossa"),  # in a place
])
def test_places_stay_places(types, text, name):
    assert types(text, {name: "GPE"})[name] == "PLACE"


@pytest.mark.parametrize("text, name", [
    ("Oracle acquired Velmora for $90 million in cash.", "Velmora"),
    ("Nvidia invested in Tarvossa last spring.", "Tarvossa"),
    ("Intel partnered with Quenby on packaging.", "Quenby"),
])
def test_what_a_known_company_buys_or_backs_is_a_company(types, text, name):
    assert types(text, {name: "PERSON"})[name] == "COMPANY"


def test_whom_a_company_hires_is_no_company(types):
    found = types("Oracle hired Velmora in May.", {"Velmora": "PERSON"})
    assert found["Velmora"] == "PERSON"
