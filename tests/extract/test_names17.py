"""names17: readings of what a name is from the words beside it (parsed texts with hand-set NER labels)."""
from __future__ import annotations

import pytest

from extract.title_names import name_card_parts


@pytest.mark.parametrize("text, name", [
    # an article-led apposition after the name says what it is, whatever its shape or the tagger's label
    ("Dario Feld left Quanty, the benefits start-up he had co-founded, in 2019.", "Quanty"),
    ("Mirefall, the Dutch publisher behind the Tidewater games, bought the studio.", "Mirefall"),
    ("Hollin signed a deal with Varga Mullins, the horror studio, last year.", "Varga Mullins"),
    ("Pagoverde competes with Cobrafácil, the payments arm of Orlandia, and others.", "Cobrafácil"),
    ("Pagoverde lost ground to Banco Litoral, Brazil's third-largest private bank, this year.", "Banco Litoral"),
])
def test_an_apposition_saying_company_beats_a_person_label(types, text, name):
    assert types(text, {name: "PERSON"})[name] == "COMPANY"


def test_a_person_publisher_stays_a_person(types):
    found = types("Jane Roe, the publisher of the Herald, said so.", {"Jane Roe": "PERSON"})
    assert found["Jane Roe"] == "PERSON"


def test_a_company_noun_the_name_possesses_is_its_company(types):
    text = "Trelawny Holdings, Marisol Duarte's investment group, joined the round."
    found = types(text, {"Trelawny Holdings": "ORG", "Marisol Duarte": "PERSON"})
    assert found["Marisol Duarte"] == "PERSON"


def test_what_has_an_arm_is_a_company(types):
    text = "Pagoverde competes with Cobrafácil, the payments arm of Mercado Austral, in Brazil."
    assert types(text, {"Mercado Austral": "PERSON"})["Mercado Austral"] == "COMPANY"


def test_its_rival_is_a_company(types):
    text = "Hollin is fighting a lawsuit from its chief rival, Tessaract, which accused it of poaching staff."
    assert types(text, {"Tessaract": "PERSON"})["Tessaract"] == "COMPANY"
    assert types("He lost the final to his rival Eberhard Gienger.", {"Eberhard Gienger": "PERSON"})["Eberhard Gienger"] == "PERSON"


def test_a_name_card_names_a_person_and_a_title():
    text = "KEYNOTE\nRenata Okonjo, Chief Technology Officer, Veltrix Systems\nQuorra, Veltrix and Brisa, three firms\n"
    parts = [(text[a:b], text[c:d]) for (a, b), (c, d) in name_card_parts(text)]
    assert parts == [("Renata Okonjo", "Chief Technology Officer")]


def test_a_name_card_line_is_typed_a_person(types):
    text = "PANEL\n\nMarcus Tillbrook, Head of Applied Research, Quorra\nTillbrook built Quorra's agent platform.\n"
    found = types(text, {"Marcus Tillbrook": "ORG", "Quorra": "ORG"})
    assert found["Marcus Tillbrook"] == "PERSON" and "Head" not in found


