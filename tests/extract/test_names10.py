"""Entity typing on unseen news (issue 12, round 10): what the text says a name is. Invented sentences in
news shapes; the NER labels are set by hand (``types``), as the model may give any of them."""
from __future__ import annotations

import pytest


# -- a name between an article and a company noun is where the company is, not which one ----------------
@pytest.mark.parametrize("text, name, label", [
    ("Corbel Labs, the Dresden image-model start-up founded by two physicists, raised $30 million.", "Dresden", "ORG"),
    ("Talvera, the Tampere model developer led by its founder, sells mainly to banks.", "Tampere", "ORG"),
    ("Lawmakers worried about the Qatari company's ties to Moscow.", "Qatari", "ORG"),
    ("Brenmoor, a Graz company building warehouse robots, was sold.", "Graz", "GPE"),
])
def test_a_place_before_a_company_noun_is_no_company(types, text, name, label):
    assert types(text, {name: label}).get(name) == "PLACE"


@pytest.mark.parametrize("text, name", [
    ("The deal was signed by the Tessaly unit that makes sensors.", "Tessaly"),  # a part: its owner
    ("Ostrava, a Vellora subsidiary, opened a plant.", "Vellora"),
    ("Harlow Robotics said the Corbel company would close.", "Harlow Robotics"),  # not before the noun
])
def test_owners_and_other_names_stay_companies(types, text, name):
    assert types(text, {name: "ORG"}).get(name) == "COMPANY"


def test_a_peoples_adjective_stays_no_name(types):
    # "the Portuguese company Vellora": the NER's NORP adjective is no place node
    assert "Portuguese" not in types("The Portuguese company Vellora cut 300 jobs.", {"Portuguese": "NORP"})


# -- a capitalised name ending in "Management", "Energy" or "Health" is a company, where the NER missed it ----
@pytest.mark.parametrize("text, name, ner", [
    ("The round also drew the founder of Pellam and Brookvale Management.", "Brookvale Management", {}),
    ("The utility signed agreements with Orrin Power and Quessant Energy to study two sites.", "Quessant Energy", {}),
    # not "July Harwick Health": a date before the name is none of it
    ("In July Harwick Health completed its purchase of a protein-design start-up.", "Harwick Health", {"July": "DATE"}),
    ("Shares of Talvera Energy rose 4% on Monday.", "Talvera Energy", {}),
])
def test_a_name_ending_in_a_field_word_is_a_company(types, text, name, ner):
    assert types(text, ner).get(name) == "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("The forest is owned by the Bureau of Land Management.", "Land Management"),  # a piece of a longer name
    ("He was named Coordinator for International Energy Affairs.", "International Energy"),  # the name goes on
    ("The beacons are Bluetooth Low Energy devices.", "Bluetooth Low Energy"),  # a name of a product's kind
    ("The fund invests in Renewable Energy across Europe.", "Renewable Energy"),  # an adjective, a field
])
def test_fields_and_pieces_of_names_are_no_companies(types, text, name):
    assert types(text, {}).get(name) != "COMPANY"


# -- a name the NER missed right after a company noun is a company: "the Portuguese company Tekever" ---------
@pytest.mark.parametrize("text, name", [
    ("Quillon, a Munich drone maker, and the Portuguese company Vellmar are also bidding.", "Vellmar"),
    ("Tollis's subsidiary Marrowgate developed the model with two universities.", "Marrowgate"),
    ("Shares of the chipmaker Harrowgate rose 6% in early trading.", "Harrowgate"),
])
def test_a_name_after_a_company_noun_is_a_company(types, text, name):
    assert types(text, {}).get(name) == "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("It is the startup Ostrander founded in 2015.", "Ostrander"),  # the founder, the subject of a clause on the noun
    ("Ostrander sold the company in 2019.", "Ostrander"),  # no noun before the name
])
def test_a_clause_subject_after_a_company_noun_is_no_company(types, text, name):
    assert types(text, {}).get(name) != "COMPANY"
