"""Entity names and types (round 13): readings of general English about which spans name companies. Invented
sentences in news shapes; the NER labels are set by hand (``types``), as the model may give any of them."""
from __future__ import annotations

import pytest

from extract.name_cues import business_unit_name


# -- a town standing for a company refers back to a company the article names --------------------------------
def test_a_metonym_stands_for_its_company_when_the_article_names_it(typed_entities):
    typed = typed_entities("Microsoft said on Monday that the Redmond company would spend more on chips.",
                           {"Microsoft": "ORG", "Redmond": "GPE"})
    assert typed["Redmond"] == ("COMPANY", "Microsoft")


def test_a_town_before_a_company_noun_describes_the_articles_company(types):
    # no Meta in the article: "the Menlo Park firm" is Quellbrook, the company the obituary is about
    typed = types("Dana Orlik founded Quellbrook in Menlo Park in 1990. The Menlo Park firm sold memory chips.",
                  {"Dana Orlik": "PERSON", "Quellbrook": "ORG", "Menlo Park": "GPE"})
    assert typed.get("Menlo Park") == "PLACE"


def test_a_town_description_set_beside_a_name_describes_that_name(types):
    typed = types("Meta builds models. Harrow Ventures, the Menlo Park firm founded by Ada Lindt, led the round.",
                  {"Meta": "ORG", "Harrow Ventures": "ORG", "Ada Lindt": "PERSON", "Menlo Park": "GPE"})
    assert typed.get("Menlo Park") == "PLACE"


# -- the arm of a business is a business; so is what a business owns -----------------------------------------
@pytest.mark.parametrize("text, ner, name", [
    ("The start-up runs on Zentrow, the cloud arm of the Pellard group.", {"Zentrow": "GPE", "Pellard": "ORG"}, "Zentrow"),
    ("Falvino, the investment unit of Ardent Holdings, led the round.", {"Falvino": "PERSON"}, "Falvino"),
    ("It sold a stake to Vardek Group, the owner of Marrowby, last year.", {"Vardek Group": "ORG", "Marrowby": "GPE"},
     "Marrowby"),
])
def test_a_unit_or_holding_of_a_company_is_a_company(types, text, ner, name):
    assert types(text, ner).get(name) == "COMPANY"


def test_what_no_company_owns_or_holds_says_nothing(blank):
    doc = blank("Orla Kemp, the owner of Brackley, spoke. Hallam Lab, a division of the Institute of Ageing, opened.")
    assert not business_unit_name(doc[6:7])  # a person may own "Brackley"
    assert not business_unit_name(doc[9:11])  # a unit of an institute: no company
