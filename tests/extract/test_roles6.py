"""Unknown companies typed by a role only a company takes (issue 12, round 6): the buyer of a company,
in its own clause or through a relative clause on it, and the employer named by a possessive before a
speaker's name. Invented sentences, parsed, with hand-set NER labels (``make_doc``)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, ner, name", [
    # the subject of buying a company, through a relative clause ("reported" alone would say publication)
    ("Harrowgate Bank, which acquired Quillon in 2015, reported higher profits on Tuesday.",
     {"Harrowgate Bank": "ORG", "Quillon": "ORG"}, "Harrowgate Bank"),
    ("Analysts expect Corrindale, which took over Pevrin Systems last year, to cut jobs.",
     {"Corrindale": "ORG", "Pevrin Systems": "ORG"}, "Corrindale"),
    # in its own clause, the bought company a name or a company noun
    ("Marvessa bought Tollin Foods in 2008 and closed its Ohio plant.", {"Marvessa": "ORG", "Tollin Foods": "ORG"}, "Marvessa"),
    ("Ostrel has purchased a small software company in Lyon.", {"Ostrel": "ORG"}, "Ostrel"),
    # the employer of a named speaker
    ("Dravecko's Marta Lund said the chips would ship in May.", {"Dravecko": "ORG", "Marta Lund": "PERSON"}, "Dravecko"),
    ("\"We are growing fast,\" Halvane Silicon's Ottilie Brandsma told reporters.",
     {"Halvane Silicon": "ORG", "Ottilie Brandsma": "PERSON"}, "Halvane Silicon"),
])
def test_a_company_role_types_an_unknown_name_company(types, text, ner, name):
    assert types(text, ner)[name] == "COMPANY"


@pytest.mark.parametrize("text, ner, name, label", [
    # an organisation's own word outranks the role
    ("The Ministry of Defence, which acquired Quillon in 2015, reported a loss.",
     {"Ministry of Defence": "ORG", "Quillon": "ORG"}, "Ministry of Defence", "ORGANIZATION"),
    ("Oxford University's Jane Roe said the results were clear.", {"Oxford University": "ORG", "Jane Roe": "PERSON"},
     "Oxford University", "ORGANIZATION"),
    # buying what is no company, a possessive before no speaker: no company role
    ("Tarrow, which bought a house in Kent, reported the sale.", {"Tarrow": "ORG"}, "Tarrow", "PUBLICATION"),
    ("Dravecko's Marta Lund visited the museum in May.", {"Dravecko": "ORG", "Marta Lund": "PERSON"}, "Dravecko", "ORGANIZATION"),
])
def test_near_misses_keep_their_type(types, text, ner, name, label):
    assert types(text, ner)[name] == label


@pytest.mark.parametrize("text, ner, name, label", [
    # a name sold whole is a company, and so is its buyer, whatever the tagger says of either
    ("In 1990 Enosa was sold to Ivreco.", {"Enosa": "GPE", "Ivreco": "PERSON"}, "Ivreco", "COMPANY"),
    # a person's transfer says nothing of the buyer
    ("Ronaldo was sold to Juventus in 2018.", {"Ronaldo": "PERSON", "Juventus": "PERSON"}, "Juventus", "PERSON"),
])
def test_the_buyer_of_a_sold_name(types, text, ner, name, label):
    assert types(text, ner)[name] == label
