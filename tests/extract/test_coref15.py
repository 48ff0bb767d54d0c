"""A name that only describes a thing is said in passing (coref15): within its sentence, "the Velt
personal computer" or "the Korvo-owned lab" does not make Velt or Korvo what a later "it" or "the company"
means; the company the sentence is about does. A name on its own people or conduct ("a Velt spokesperson",
"a broader Velt strategy") still is. Invented texts."""
from __future__ import annotations


C = "COMPANY"


def test_a_name_on_a_product_is_no_antecedent(make_doc, referent):
    text = ("Brantel's processor was picked for the Velt personal computer in 1981, "
            "and the company left the memory market soon after.")
    doc = make_doc(text, {"Brantel": C, "Velt": C})
    assert referent(doc, "company") == "Brantel"


def test_an_owned_compound_describes_the_company_not_its_owner(make_doc, referent):
    text = "Qorvane opens its chatbot to the public.\nKorvo-owned company says its model beats regional rivals."
    doc = make_doc(text, {"Qorvane": C, "Korvo": C})
    assert referent(doc, "its", 1) == "Qorvane"


def test_a_name_on_its_own_spokesperson_stays(make_doc, referent):
    doc = make_doc("A Velt spokesperson said the company would appeal.", {"Velt": C})
    assert referent(doc, "company") == "Velt"


def test_a_modifying_name_is_the_last_resort(make_doc, referent):
    # nothing else in reach: the name is still the best guess
    doc = make_doc("The Velt personal computer sold well, and it hired 400 people.", {"Velt": C})
    assert referent(doc, "it") == "Velt"


def test_an_owned_apposition_is_not_the_owner_or_the_topic(make_doc, referent):
    # the apposition's own name is unknown to the typer here: no guess at the owner or the story's topic
    text = ("Velt leads the market. Tarro, the Korvo-owned developer of a shuttle, and Brantel compete with Velt.")
    doc = make_doc(text, {"Velt": C, "Korvo": C, "Brantel": C})
    assert referent(doc, "developer") is None
