"""Names typed by their constructions, models named whole (issue 12, round 5): invented sentences in news shapes."""
from __future__ import annotations

import pytest

from graph.build import build_graph


# -- a list that holds a company typed with confidence lists companies --------------------------------
@pytest.mark.parametrize("text, names", [
    ("Halvex competes with Quindar, Sorrell and Oracle for hospital contracts.", ["Quindar", "Sorrell"]),
    ("Competitors such as Pevrint, Daskor and Amazon have cut prices this year, analysts said.", ["Pevrint", "Daskor"]),
    ("Scale AI, Morvik, Dastell and Labelbox all sell labelled data to the same labs.", ["Morvik", "Dastell"]),
    ("The startup raised $80 million from Sequoia Capital, Lightspeed and Brindle Angel.", ["Brindle Angel"]),
])
def test_names_listed_with_a_known_company_are_companies(nodes_of, text, names):
    nodes = nodes_of(text)
    assert {(n, "company") for n in names} <= nodes
    assert not {n for n in nodes if n[0] in names and n[1] != "company"}


def test_a_surname_of_a_person_in_the_text_is_not_listed_as_a_company(nodes_of):
    nodes = nodes_of("Orvane was co-founded by Dana Whitlock. It raised $90 million from Nvidia, Whitlock and Salesforce.")
    assert ("Whitlock", "company") not in nodes


def test_an_investor_named_beside_a_person_stays_a_person(nodes_of):
    nodes = nodes_of("The round drew Nvidia, Microsoft and the investor Elsa Brannick.")
    assert ("Elsa Brannick", "person") in nodes


# -- a company's place in the sentence ------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Thoma Bravo later bought Vellicor's identity-management business for $2 billion.", "Vellicor"),
    ("Intel's acquisition of Quandrix closed in 2015.", "Quandrix"),
    ("The grid software maker grew through acquisitions, including Sarvo in 2008.", "Sarvo"),
    ("Orvane was taken private in 2019 by Tessmoor and a Canadian pension fund.", "Tessmoor"),
    ("Oracle, which bought Kettridge Engineering last year, reported higher cloud sales.", "Kettridge Engineering"),
    ("Workday said it would buy Pallent for $1 billion.", "Pallent"),
    ("She sold her travel start-up Vimbo to Expedia in 2016.", "Vimbo"),
    ("The seed round was led by Harrow Capital with Dunmore and Larchfield Angels participating.", "Larchfield Angels"),
])
def test_a_company_by_its_place_in_the_sentence(nodes_of, text, name):
    nodes = nodes_of(text)
    assert (name, "company") in nodes
    assert not {n for n in nodes if n[0] == name and n[1] != "company"}


def test_a_persons_business_keeps_the_person(nodes_of):
    nodes = nodes_of("Dorota Halvik's business doubled after she moved it to Lisbon.")
    assert ("Dorota Halvik", "company") not in nodes


def test_who_says_a_person(nodes_of):
    nodes = nodes_of("We founded the firm in 2019 with Oskar Brandvold, who is now our head of research.")
    assert ("Oskar Brandvold", "person") in nodes
    assert not {n for n in nodes if n[0] == "Oskar Brandvold" and n[1] != "person"}


# -- models named whole ---------------------------------------------------------------------------------
def test_a_sized_model_with_a_version_is_one_model(nodes_of):
    nodes = nodes_of("The lab answered a month later with Kestrel 3 40B, trained on 9 trillion tokens.")
    assert ("Kestrel 3 40B", "model") in nodes
    assert not {n for n in nodes if n[0] == "Kestrel"}


def test_a_set_of_models_names_a_model(nodes_of):
    nodes = nodes_of("Samsung released Tangelo, a family of small models for phones, in June.")
    assert ("Tangelo", "model") in nodes
    assert ("Tangelo", "person") not in nodes


def test_a_model_variant_the_tagger_names_whole_is_one_model_and_its_word_alone_is_it(nodes_of):
    nodes = nodes_of("Raters compared systems as different as Llama 4 Scout and a 7-billion-parameter research model. "
                     "Meta said Scout has 17 billion active parameters.")
    assert ("Llama 4 Scout", "model") in nodes
    assert not {n for n in nodes if n[0] in ("Llama 4", "Scout")}


def test_a_headline_verb_is_no_part_of_a_model_name(nodes_of):
    nodes = nodes_of("Pellan Labs Raises $40 Million and Unveils Pellan-X3, a 9-Billion-Parameter Model\n\n"
                     "Pellan Labs today introduced Pellan-X3, a 9-billion-parameter model for radiology reports.")
    assert ("Pellan-X3", "model") in nodes
    assert not {n for n in nodes if n[0].startswith("Unveils")}


def test_an_acronym_of_lower_case_words_is_no_company(nodes_of):
    nodes = nodes_of("Cadrell, a maker of computer aided engineering (CAE) software, sells to CAE buyers in Europe. "
                     "Cadrell competes with Ansys.")
    assert not {n for n in nodes if n[0] == "CAE"}
    assert ("Cadrell", "company") in nodes


def test_an_acronym_of_a_company_name_stays_a_company(nodes_of):
    nodes = nodes_of("Vantor Semiconductor Manufacturing Co (VSMC) said sales rose. VSMC makes chips for Apple.")
    assert any(n[1] == "company" and n[0].startswith("V") for n in nodes)


# -- a company's former name is the company; what was founded is no person ---------------------------------
@pytest.mark.parametrize("text, current, former", [
    ("Founded in 1982 by Ines Marovic as Marovic Numerics, Quellant went public in 1999.", "Quellant", "Marovic Numerics"),
    ("Corvane, founded as Tessel Data Systems in 2004, makes chips for cars.", "Corvane", "Tessel Data Systems"),
    ("Halvex, formerly known as Brightmoor Software, raised $40 million on Tuesday.", "Halvex", "Brightmoor Software"),
])
def test_a_former_name_is_the_company(text, current, former):
    graph = build_graph([text])
    nodes = {d["name"]: d for _, d in graph.nodes(data=True)}
    assert nodes[current]["type"] == "company"
    assert former not in nodes
    assert former in nodes[current]["aliases"]


def test_what_was_founded_is_no_person(nodes_of):
    nodes = nodes_of("Founded in 2011 as a payments start-up, Orvelle now sells software to banks.")
    assert ("Orvelle", "person") not in nodes


def test_a_person_known_by_another_name_is_not_made_a_company(nodes_of):
    nodes = nodes_of("Tessa Marlow, formerly known as Tessa Ward, joined Orvane as chief executive.")
    assert ("Tessa Ward", "company") not in nodes


def test_a_fund_named_after_a_known_company_is_one_company(nodes_of):
    nodes = nodes_of("Varkon raised $90 million from a group that included Google, Nvidia and the OpenAI Startup Fund.")
    assert ("OpenAI Startup Fund", "company") in nodes


@pytest.mark.parametrize("text, name", [
    ("SK Group chairman Chey Tae-won said the chips would ship next year.", "Chey Tae-won"),
    ("Kwak Noh-jung, the chief executive of the chipmaker, told analysts that demand was strong.", "Kwak Noh-jung"),
    ("Hyundai Motor's Chung Eui-sun said the company would invest more.", "Chung Eui-sun"),
])
def test_a_korean_given_name_of_two_syllables_is_part_of_the_persons_name(nodes_of, text, name):
    # the tagger reads the whole name; the name-shape check used to refuse the lower-case second syllable
    assert (name, "person") in nodes_of(text)
