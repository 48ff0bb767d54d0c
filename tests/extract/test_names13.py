"""Entity names and types (round 13): readings of general English about which spans name companies. Invented
sentences in news shapes; the NER labels are set by hand (``types``), as the model may give any of them."""
from __future__ import annotations

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
