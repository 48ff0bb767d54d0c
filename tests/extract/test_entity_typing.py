"""Typing and boundaries of NER spans in ``newsgraph_entities``: parsed texts with hand-set NER labels."""
from __future__ import annotations

import pytest

from extract.components import EntityTyper


@pytest.fixture(scope="module")
def typer(parser_nlp):
    return EntityTyper(parser_nlp)


def types(typer, make_doc, text, ner):
    """``{entity text: label}`` after the typer has retyped the hand-set NER labels ``ner``."""
    doc = typer(make_doc(text, ner))
    return {ent.text: ent.label_ for ent in doc.ents}


@pytest.mark.parametrize("text, name", [
    # the NER's person label loses to an apposition with a company noun, hyphenated or not
    ("Acme has licensed the models of Fathom Reasoning, a Zurich start-up spun out of a university.", "Fathom Reasoning"),
    ("Acme will sell its automotive unit, Ashgrove Drive, to Infineon for $520 million.", "Ashgrove Drive"),
    ("DeepSeek is funded by the Hangzhou hedge fund High-Flyer, people said.", "High-Flyer"),
    # one works at a company, and a company has analysts
    ("The deal is expensive, said Lukas Brandt, who covers software at Berenberg.", "Berenberg"),
    ("Berenberg analysts cut their forecast on Tuesday.", "Berenberg"),
])
def test_company_context_beats_a_person_label(typer, make_doc, text, name):
    assert types(typer, make_doc, text, {name: "PERSON"})[name] == "COMPANY"


def test_looking_at_someone_is_no_workplace(typer, make_doc):
    found = types(typer, make_doc, "The crowd looked at Brandt and laughed.", {"Brandt": "PERSON"})
    assert found["Brandt"] == "PERSON"


def test_a_span_never_crosses_a_comma(typer, make_doc):
    text = "Yara Haddad runs the firm. We spoke to Haddad, Sablecrest's chief executive, about it."
    found = types(typer, make_doc, text, {"Yara Haddad": "PERSON", "Haddad, Sablecrest": "ORG"})
    assert "Haddad, Sablecrest" not in found and found["Haddad"] == "PERSON"


def test_a_list_of_fields_across_a_comma_is_no_name(typer, make_doc):
    text = "Its units were Industrial Technology and Science, Systems of Engagement and Insight."
    assert types(typer, make_doc, text, {"Industrial Technology and Science, Systems of Engagement": "ORG"}) == {}


def test_a_comma_before_a_legal_form_stays_in_the_name(typer, make_doc):
    found = types(typer, make_doc, "Infogrames renamed itself Atari, SA in 2009.", {"Atari, SA": "ORG"})
    assert found == {"Atari, SA": "COMPANY"}


def test_a_lone_first_name_is_the_person(typer, make_doc):
    text = "Marcus Ellery, my co-founder, lived in Suwon. Marcus ran the compiler team at Arm."
    found = types(typer, make_doc, text, {"Marcus Ellery": "PERSON", "Marcus": "ORG", "Arm": "ORG"})
    assert found["Marcus"] == "PERSON" and found["Arm"] == "COMPANY"


def test_a_heading_type_loses_to_the_body(typer, parser_nlp):
    text = ("The second act of Leila Farrokh\n\nLeila Farrokh still keeps a box of hearing aids on her desk. "
            "Her chip startup raised $60 million in funding from investors, and its revenue and profit grew.")
    doc = parser_nlp(text)
    doc.ents = [doc.char_span(18, 31, label="ORG"), doc.char_span(33, 46, label="PERSON")]
    assert [(ent.text, ent.label_) for ent in typer(doc).ents] == [("Leila Farrokh", "PERSON")] * 2


@pytest.mark.parametrize("text, name", [
    ("Chief Financial Officer Sunita Deshpande said margins rose.", "Chief Financial"),
    ("Marigold Compute (NASDAQ: MGLD), which rents out chips, grew.", "MGLD"),
    ("The company would concentrate on its AG-X line of switches.", "AG"),
    ("For older titles, see List of Enix games.", "List of Enix"),
])
def test_name_fragments_are_no_entities(typer, make_doc, text, name):
    assert name not in types(typer, make_doc, text, {name: "ORG"})


def test_title_words_before_a_role_noun_are_no_company(typer, make_doc):
    found = types(typer, make_doc, "On the call, Chief Financial Officer Sunita Deshpande said margins rose.",
                  {"Sunita Deshpande": "PERSON"})
    assert found == {"Sunita Deshpande": "PERSON"}


def test_a_company_name_joined_to_another_by_a_hyphen_is_kept(typer, make_doc):
    found = types(typer, make_doc, "The Microsoft-OpenAI partnership grew.", {"Microsoft": "ORG", "OpenAI": "ORG"})
    assert found == {"Microsoft": "COMPANY", "OpenAI": "COMPANY"}


@pytest.mark.parametrize("text, model", [
    ("Q: What is next?\n\nA: Sable-7B, later this year.", "Sable-7B"),  # a parameter count says model
    ("It was distilled from Alibaba's Qwen2.5-32B last year.", "Qwen2.5-32B"),  # a versioned family
    ("It beats OpenAI's o1-mini on two maths benchmarks.", "o1-mini"),  # a known model and a tier
])
def test_model_names(typer, make_doc, text, model):
    assert types(typer, make_doc, text, {})[model] == "MODEL"


def test_a_determiner_and_a_size_is_no_model(typer, make_doc):
    assert "The 70B" not in types(typer, make_doc, '"The 70B model is the real thing," she said.', {})


def test_a_publication_name_inside_a_longer_name_is_part_of_it(typer, make_doc):
    text = "Bloomberg L.P. sells terminals. It was founded by Michael Bloomberg in 1981, Bloomberg reported."
    found = types(typer, make_doc, text, {"Bloomberg L.P.": "ORG", "Michael Bloomberg": "PERSON"})
    assert found == {"Bloomberg L.P.": "COMPANY", "Michael Bloomberg": "PERSON", "Bloomberg": "PUBLICATION"}


def test_a_company_name_without_its_legal_form_is_the_company(typer, make_doc):
    text = ("The division was sold to Alpha Toolex AB of Sweden. "
            "Both Europafilm plating equipment and Alpha Toolex pressing equipment is still used.")
    found = types(typer, make_doc, text, {"Alpha Toolex AB": "ORG", "Alpha Toolex": "PERSON"})
    assert found["Alpha Toolex AB"] == found["Alpha Toolex"] == "COMPANY"


@pytest.mark.parametrize("name", ["Symbotic", "Codeium", "Lambda", "Arm", "Jefferies", "CapitalG", "Swisscom", "T-Systems"])
def test_well_known_companies_are_in_the_gazetteer(typer, make_doc, name):
    assert types(typer, make_doc, f"Acme competes with {name} in Europe.", {})[name] == "COMPANY"


@pytest.mark.parametrize("text, name", [
    # a one-word name held as a workplace by a title is an institution, also down a list hung on the title
    ("Orrin Dyer is a football coach. He is currently the manager of Kestrelby, a post he held twice.", "Kestrelby"),
    ("He was visiting professor at Carrowmore (2007), Lindqvist (2011) and Tavener (2013).", "Lindqvist"),
])
def test_a_one_word_workplace_of_a_title_is_an_organisation(typer, make_doc, text, name):
    assert types(typer, make_doc, text, {name: "PERSON"})[name] == "ORGANIZATION"


def test_a_full_name_after_a_title_stays_a_person(typer, make_doc):
    found = types(typer, make_doc, "She was an assistant to Orrin Dyer at the clinic.", {"Orrin Dyer": "PERSON"})
    assert found["Orrin Dyer"] == "PERSON"


def test_a_one_word_maker_of_a_product_is_a_company(typer, make_doc):
    found = types(typer, make_doc, "Zorbex is an arcade game developed and published by Kestrelby in 1976.",
                  {"Kestrelby": "PERSON"})
    assert found["Kestrelby"] == "COMPANY"


def test_whoever_is_replaced_in_a_role_is_a_person(typer, make_doc):
    found = types(typer, make_doc, "In 2008 the party chose Mara Quell to replace Orrin Dyer as president.",
                  {"Mara Quell": "PERSON", "Orrin Dyer": "GPE"})
    assert found["Orrin Dyer"] == "PERSON"


# -- a founder's name is a person, not the company named after him (issue 12) --------------------------

@pytest.mark.parametrize("text, person, company", [
    ("Michael Dell said the company would cut jobs.", "Michael Dell", "Dell"),
    ("Henry Ford built cars in Detroit.", "Henry Ford", "Ford"),
    ("William Boeing started the firm in Seattle.", "William Boeing", "Boeing"),
    ("Years later Walt Disney opened the park.", "Walt Disney", "Disney"),
])
def test_a_known_company_name_ending_a_person_name_is_the_surname(typer, make_doc, text, person, company):
    found = types(typer, make_doc, text, {person: "PERSON"})
    assert found[person] == "PERSON" and company not in found


def test_the_bare_company_name_beside_the_founder_stays_the_company(typer, make_doc):
    text = "Dell's servers sold well, Michael Dell said, and Dell will hire."
    doc = typer(make_doc(text, {"Michael Dell": "PERSON"}))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Dell", "COMPANY"), ("Michael Dell", "PERSON"), ("Dell", "COMPANY")]


def test_a_job_title_the_ner_took_into_a_founder_name_is_left_out(typer, make_doc):
    found = types(typer, make_doc, "Founder Walt Disney opened the park.", {"Founder Walt Disney": "PERSON"})
    assert found == {"Walt Disney": "PERSON"}


@pytest.mark.parametrize("text, ner", [
    # a legal form or a company noun right after the name says the company
    ("Walt Disney Co. raised prices.", {"Walt Disney": "PERSON"}),
    ("The Walt Disney company raised prices.", {"Walt Disney": "PERSON"}),
    # a given name that is itself a known name is no given name
    ("Analysts at Goldman Sachs expect prices to fall.", {"Goldman Sachs": "PERSON"}),
])
def test_an_explicit_company_reading_keeps_the_company(typer, make_doc, text, ner):
    found = types(typer, make_doc, text, ner)
    assert not any(label == "PERSON" for label in found.values()), found


@pytest.mark.parametrize("text, expected", [
    ("Michael Dell said the company would cut jobs.", [("Michael Dell", "PERSON")]),
    ("Henry Ford built cars in Detroit.", [("Henry Ford", "PERSON"), ("Detroit", "PLACE")]),
    ("CEO Michael Dell told Reuters that Dell will grow.",
     [("Michael Dell", "PERSON"), ("Reuters", "COMPANY"), ("Dell", "COMPANY")]),
    ("Dell Inc. reported earnings.", [("Dell", "COMPANY")]),
])
def test_founder_names_with_the_real_model(newsgraph_nlp, text, expected):
    assert [(e.text, e.label_) for e in newsgraph_nlp(text).ents] == expected
