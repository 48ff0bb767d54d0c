"""Who the parties of a money deal are (issue 12, money class), over hand-typed entities (``make_doc``):
a person's former employer is background to "the company", and a list the parser made an apposition
("backed by A, B and C") names every investor. Invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.deals import find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Pellworth": C, "Dunmore": C, "Orrin Bank": C, "Brightwater Capital": C, "Quillon": C,
        "Fennick Ventures": C, "Torvane": C, "Corbel Ventures": C, "Tessel Next": C, "Harrow Growth Partners": C,
        "Ana Ruiz": "PERSON", "Leo Marsh": "PERSON"}


def deals_of(make_doc, text):
    return list(find_deals(make_doc(text, ENTS), Article(id="t", text=text)))


# -- a person's former employer is not "the company" -----------------------------------------------------

@pytest.mark.parametrize("text, investee, background", [
    ("Quillon builds sensors for trucks. Founded in 2021 by Leo Marsh and Ana Ruiz, a former research scientist "
     "at Pellworth, the company is headquartered in Oslo and is backed by Brightwater Capital.", "Quillon", "Pellworth"),
    ("Quillon builds sensors for trucks. Founded by Ana Ruiz, the former Pellworth engineer, the company "
     "raised $30 million from Brightwater Capital last year.", "Quillon", "Pellworth"),
])
def test_a_former_employer_in_a_person_s_apposition_is_background(make_doc, text, investee, background):
    [deal] = [d for d in deals_of(make_doc, text) if d.kind == "investment"]
    assert (investee, "investee") in deal.roles
    assert not any(name == background for name, _ in deal.roles)


def test_a_current_employer_may_be_the_company(make_doc):
    text = "In June, Pellworth hired Ana Ruiz, chief executive of Dunmore, and took a licence to the startup's technology."
    licence = next(d for d in deals_of(make_doc, text) if d.kind == "licensing")
    assert licence.roles == {("Pellworth", "licensee"), ("Dunmore", "licensor")}


# -- a list the parser made an apposition ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the parser hangs "Tessel Next and Harrow Growth Partners" on Corbel Ventures as an apposition
    "Founded in 2019, Quillon is based in Oslo and is backed by Corbel Ventures, Tessel Next and Harrow Growth Partners.",
    "Quillon builds software for banks. Founded in 2020, the company is based in Oslo and is backed by Corbel "
    "Ventures, Tessel Next and Harrow Growth Partners.",
])
def test_every_company_of_a_list_is_a_party(make_doc, text):
    [deal] = [d for d in deals_of(make_doc, text) if d.kind == "investment"]
    assert {(name, "investor") for name in ("Corbel Ventures", "Tessel Next", "Harrow Growth Partners")} <= deal.roles
    assert ("Quillon", "investee") in deal.roles


def test_an_apposition_that_renames_is_no_list(make_doc):
    text = "Pellworth's venture arm, Orrin Bank, invested $5 million in Dunmore."
    [deal] = [d for d in deals_of(make_doc, text) if d.kind == "investment"]
    assert ("Dunmore", "investee") in deal.roles
    assert ("Pellworth", "investor") not in deal.roles


# -- "the company" in a long sentence --------------------------------------------------------------------

def test_a_description_means_the_company_its_sentence_is_about(make_doc):
    # the description first resolves to an investor of the same clause; the company it means instead is
    # the one the sentence keeps naming, not the last one named in passing
    text = ("In 2022 Quillon raised money from Torvane, and within months Quillon was fighting lawsuits from "
            "Dunmore, yet in June a group of investors including Brightwater Capital and Fennick Ventures put "
            "$80m into the company.")
    deals = [d for d in deals_of(make_doc, text) if d.kind == "investment" and d.amount_usd == 80e6]
    assert deals and ("Quillon", "investee") in deals[0].roles
