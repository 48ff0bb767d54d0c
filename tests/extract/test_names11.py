"""Entity typing on unseen news (issue 12, round 11): people and companies typed the wrong way round.
Invented sentences in news shapes; the NER labels are set by hand (``types``), as the model may give any of them."""
from __future__ import annotations

import pytest


# -- what was founded "by" someone is no person: "Pellora, founded by two dropouts" ----------------------
@pytest.mark.parametrize("text, name", [
    ("The youngest chip start-up is Pellora, founded by three Stanford dropouts, which raised $120 million.", "Pellora"),
    ("Vantis, co-founded by Mina Kessler in 2019, sells inference chips to cloud companies.", "Vantis"),
    ("Quorin was founded by two former Corvane engineers and raised $40 million last year.", "Quorin"),
    ("Investors like Tessmer, established by a former banker, which backed the software company.", "Tessmer"),
])
def test_a_name_founded_by_someone_is_a_company(types, text, name):
    assert types(text, {name: "PERSON"}).get(name) == "COMPANY"


def test_outside_business_text_a_founded_name_is_an_organisation(types):
    text = "Tirrel, founded by a village priest in 1850, still runs the choir."
    assert types(text, {"Tirrel": "PERSON"}).get("Tirrel") == "ORGANIZATION"


@pytest.mark.parametrize("text, name", [
    ("Mina Kessler, who founded Vantis, raised $40 million for the chip company.", "Mina Kessler"),  # the founder
    ("Paula Grant, the founder of Quorin, said the company raised $40 million.", "Paula Grant"),
    ("Kessler, funded by a scholarship, later built a chip company that raised $5 million.", "Kessler"),  # funded
    ("Kessler founded Vantis after she left Corvane, the chip company.", "Kessler"),  # the founder, active
])
def test_founders_and_other_people_stay_people(types, text, name):
    assert types(text, {name: "PERSON"}).get(name) == "PERSON"
