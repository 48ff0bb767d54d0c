"""Products typed as products (issue 12, makers): names that modify a product noun as no maker's name
does, and whole names a product class noun describes where the NER took only part of them.
Invented sentences, parsed, with hand-set NER labels (``make_doc``) so that no model release's NER
decides; a few through the whole pipeline."""
from __future__ import annotations

import pytest

from extract.records import Article


@pytest.mark.parametrize("text, ner, want", [
    # coordinated names before a product noun: two weapons, not two people
    ("Orvell also supplies guidance kits for Zarn and Kestrel missiles.",
     {"Zarn": "PERSON", "Kestrel": "PERSON"}, {"Zarn": "PRODUCT", "Kestrel": "PRODUCT"}),
    # brands of cars the NER read as organisations
    ("By 1960 the Marlow and Dunmere cars had replaced most imports.",
     {"Marlow": "ORG", "Dunmere": "ORG"}, {"Marlow": "PRODUCT", "Dunmere": "PRODUCT"}),
])
def test_coordinated_names_before_a_product_noun_are_products(types, text, ner, want):
    got = types(text, ner)
    assert {name: got.get(name) for name in want} == want


def test_a_name_with_a_model_code_before_a_product_noun_is_a_product(types):
    got = types("The game was later ported to the Quellbox 7600 console.", {"Quellbox 7600": "ORG"})
    assert got.get("Quellbox 7600") == "PRODUCT"


def test_a_whole_name_described_as_a_product_is_one_product(types):
    # the NER took "Brimley" alone; the copula describes "Brimley Q"
    got = types("Brimley Q is a discontinued handheld console developed by Initech.", {"Brimley": "ORG"})
    assert got.get("Brimley Q") == "PRODUCT"
    assert "Brimley" not in got


@pytest.mark.parametrize("text, ner, name", [
    # a maker's name before its products' plural noun is the maker's
    ("Initech phones sold well last year.", {"Initech": "ORG"}, "Initech"),
    # known companies stay companies, coordinated or not
    ("Nvidia and AMD chips power most servers.", {"Nvidia": "ORG", "AMD": "ORG"}, "AMD"),
])
def test_a_maker_before_a_product_noun_is_no_product(types, text, ner, name):
    assert types(text, ner).get(name) != "PRODUCT"


def test_a_product_mention_does_not_flip_the_company_of_the_same_name(types):
    # the company named by a class noun stays a company; its console, a longer name, is a product
    text = "Zentro, a toy company, sold the Zentro 64 console and later the Zentro and Vell consoles."
    got = types(text, {"Zentro": "ORG", "Zentro 64": "ORG", "Vell": "ORG"})
    assert got.get("Zentro") == "COMPANY"
    assert got.get("Zentro 64") == "PRODUCT"


@pytest.mark.parametrize("text, name", [
    ("Orvell builds parts for the Zarn and Kestrel missiles used by several navies.", "Kestrel"),
    ("Brimley Q is a discontinued digital media player developed by Initech.", "Brimley Q"),
])
def test_products_through_the_whole_pipeline(newsgraph_nlp, text, name):
    from extract.pipeline import extract_article

    result = extract_article(newsgraph_nlp, Article("p1", text))
    assert (name, "product") in {(m.text, m.type) for m in result.mentions}


@pytest.mark.parametrize("text, ner, name", [
    ("The idea found new life in Velmar's 1986 Brickfall, which had many imitators.", {"Velmar": "ORG", "Brickfall": "ORG"}, "Brickfall"),
    ("It is the sequel to 2004's Zorn Legends.", {"Zorn Legends": "ORG"}, "Zorn Legends"),
])
def test_a_name_dated_by_a_possessive_is_a_product(types, text, ner, name):
    assert types(text, ner).get(name) == "PRODUCT"


def test_a_person_dated_by_a_possessive_stays_a_person(types):
    got = types("The crowd cheered 2019's Mara Quint at the final.", {"Mara Quint": "PERSON"})
    assert got.get("Mara Quint") == "PERSON"


def test_a_name_opening_a_sentence_before_is_a_product_noun_is_a_product(types):
    # the parser reads "Beyond" as a preposition; the words right before "is a ... game" are the name
    text = "Beyond Dusk & Dawn is a 2005 action-adventure video game developed by Initech."
    assert types(text, {"Beyond Dusk & Dawn": "ORG"}).get("Beyond Dusk & Dawn") == "PRODUCT"


def test_a_definition_holds_where_the_ner_guessed_a_company_at_another_mention(make_doc):
    from extract.product_names import product_name_spans

    doc = make_doc("Beyond Dusk & Dawn is a 2005 action-adventure video game. Stinger and Rapier missiles sold. "
                   "Beyond Dusk & Dawn was acclaimed. Rapier grew.", {})
    starts = [t.i for t in doc if t.text == "Beyond"]
    name = [doc[i : i + 4] for i in starts]
    rapier = [doc[t.i : t.i + 1] for t in doc if t.text == "Rapier"]
    assert [s.text for s in name + rapier] == ["Beyond Dusk & Dawn"] * 2 + ["Rapier"] * 2
    # (the NER's guesses in business text: every mention a company)
    guesses = [(span, "COMPANY", "ner", None) for span in name + rapier]
    found = {(span.text, span.start) for span, *_ in product_name_spans(doc, guesses)}
    assert ("Beyond Dusk & Dawn", 0) in found        # defined: a product whatever was guessed elsewhere
    assert (rapier[0].text, rapier[0].start) not in found   # a list's cue yields to the guess at another mention



def test_names_listed_before_an_acronym_plural_are_products(types):
    text = "Its cores are shared with Wren Lake, Pike Lake and Heron Lake CPUs."
    got = types(text, {"Wren Lake": "LOC", "Pike Lake": "LOC", "Heron Lake": "LOC"})
    assert [got.get(n) for n in ("Wren Lake", "Pike Lake", "Heron Lake")] == ["PRODUCT"] * 3


@pytest.mark.parametrize("text, ner, name", [
    # a player and his instrument in parentheses: no product
    ("The quintet was Edda Marlo (violin) and Tomas Vell Ruiz (guitar).", {"Tomas Vell Ruiz": "PERSON"}, "Tomas Vell Ruiz"),
    # fighters are people as often as aircraft, and a league's game is no product
    ("Troops hunted the Zarqan and Velmi fighters in the hills.", {"Zarqan": "ORG", "Velmi": "ORG"}, "Velmi"),
    ("It was the first official NFL playoff game.", {"NFL": "ORG"}, "NFL"),
])
def test_nouns_that_name_people_or_sports_make_no_products(types, text, ner, name):
    assert types(text, ner).get(name) != "PRODUCT"


@pytest.mark.parametrize("text, name", [
    ("The port ran on PlayStation 3, Wii and Xbox 360.", "Xbox 360"),
    ("Most users moved from Windows 8.1 to Windows 10.", "Windows 8.1"),
    ("The latest phones are the Samsung Galaxy S9 and its larger sibling.", "Samsung Galaxy S9"),
])
def test_a_known_name_with_a_model_code_is_a_product_of_its_own(types, text, name):
    got = types(text, {})
    assert got.get(name) == "PRODUCT"


def test_a_known_company_before_a_round_a_quarter_or_a_count_stays_the_company(types):
    got = types("Samsung led the Series B, and Google 10 years ago reported Q3 sales.", {})
    assert got.get("Samsung") == "COMPANY" and got.get("Google") == "COMPANY"
    got = types("The phone was shown at Google I/O last week.", {})
    assert "Google I" not in got


def test_names_of_a_product_family_found_elsewhere_are_products(types):
    # "Samsung Galaxy S9" is a product (a known maker and a model code): "Galaxy" names a family
    text = ("The latest phones are the Samsung Galaxy S9 and its larger sibling. Samsung later announced "
            "the Galaxy Tab S in June, after the Samsung Galaxy Note in 2011.")
    got = types(text, {"Galaxy Tab S": "ORG", "Samsung Galaxy Note": "ORG"})
    assert got.get("Galaxy Tab S") == "PRODUCT" and got.get("Samsung Galaxy Note") == "PRODUCT"
    assert got.get("Samsung") == "COMPANY"


def test_no_family_without_a_product_of_two_words(types):
    got = types("Galaxy Tab S was the name of a firm that Samsung bought.", {"Galaxy Tab S": "ORG"})
    assert got.get("Galaxy Tab S") != "PRODUCT"


def test_a_known_maker_before_a_product_the_ner_found_stays_apart(types):
    # the NER read "Q400" as a product: "Airbus Q400" is the maker and its product, not one name
    got = types("The airport can take the Airbus Q400 and larger aircraft.", {"Q400": "PRODUCT"})
    assert got.get("Airbus") == "COMPANY" and got.get("Q400") == "PRODUCT"
