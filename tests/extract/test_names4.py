"""Names found and typed in news shapes (issue 12, round 4). Invented sentences, parsed, with hand-set
NER labels (``make_doc``) so that no model release's NER decides."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, ner, word", [
    # a story's kicker in capitals at a line's start
    ("ANALYSIS: Why Brontel is buying chips\n\nBrontel Systems agreed to buy chips from Varnex.", {"ANALYSIS": "ORG"}, "ANALYSIS"),
    ("EXCLUSIVE-Orlith hires banks for a listing\n\nOrlith Robotics has hired banks.", {"EXCLUSIVE": "ORG"}, "EXCLUSIVE"),
    # a press release's defined term
    ('Kelvane Inc. ("the Company") said the Company expects revenue to grow.', {"Company": "ORG"}, "Company"),
    # an analyst's rating
    ("We reiterate our Outperform rating on Halvane and raise our target.", {"Outperform": "PERSON"}, "Outperform"),
    ("The bank kept its Overweight rating on the stock.", {"Overweight": "ORG"}, "Overweight"),
])
def test_words_the_tagger_took_for_names_name_no_one(types, text, ner, word):
    assert word not in types(text, ner)


def test_an_all_capital_name_before_a_colon_stays_a_name(types):
    # "IBM: results beat forecasts": a company in a headline, no section label
    assert types("IBM: results beat forecasts\n\nIBM said revenue grew.", {"IBM": "ORG"}).get("IBM") == "COMPANY"


def test_a_rating_agency_before_rating_stays_a_company(types):
    assert "Fitch" in types("The Fitch rating was cut on Monday.", {"Fitch": "ORG"})


@pytest.mark.parametrize("text, name", [
    ("Alibaba answered with Qwen3.5-Max on Wednesday, saying it beats rival models.", "Qwen3.5-Max"),
    ("Zhipu released GLM5-Plus, a model it says rivals larger systems.", "GLM5-Plus"),
    ("The largest of the distilled models is DeepSeek-R4-Distill-Llama-70B.", "DeepSeek-R4-Distill-Llama-70B"),
    ("Moonshot released Kimi-K3, a model for agents.", "Kimi-K3"),
])
def test_model_names_with_versions_and_suffixes(newsgraph_nlp, text, name):
    assert {ent.text: ent.label_ for ent in newsgraph_nlp(text).ents}.get(name) == "MODEL"


def test_a_model_s_code_alone_is_the_model(typed_entities):
    text = "Varnex released Varnex-R4, a reasoning model. Alongside R4, it published smaller models. Analysts called R4 cheap."
    found = typed_entities(text, {"Alongside R4": "ORG", "R4": "ORG"})
    assert found.get("R4") == ("MODEL", "Varnex-R4")
    assert "Alongside R4" not in found


def test_a_person_named_before_an_apposition_across_a_comma(types):
    # the tagger ran the name on into "Character": the full name before the comma is the person
    text = "Dana Roewood, Acme's general counsel, became interim chief executive."
    assert types(text, {"Dana Roewood, Acme": "PERSON"}).get("Dana Roewood") == "PERSON"
    # a list across commas stays no name
    found = types("It sells Cloud Storage, Data Tools and more.", {"Cloud Storage, Data Tools": "PERSON"})
    assert not any("," in name for name in found) and "Cloud Storage" not in found


def test_an_unknown_name_beside_a_class_noun_apposition(types):
    text = "Quillmark was set up in 2023 by Corvo-Lane, the quantitative hedge fund founded by Ada Brenner."
    assert types(text, {"Ada Brenner": "PERSON"}).get("Corvo-Lane") == "COMPANY"


def test_a_gapped_subject_before_a_role_is_the_person(types):
    text = ("Quillmark was founded by Anna Brecht and Jonas Feldmann. Brecht is chief scientist and Feldmann "
            "chief technology officer.")
    found = types(text, {"Anna Brecht": "PERSON", "Jonas Feldmann": "PERSON", "Brecht": "PERSON",
                                          "Feldmann": "PERSON"})
    assert found.get("Feldmann") == "PERSON"
    # a company before a role, with no clause left out, stays the company
    found = types("Helena Voss is a Varnex chief technology officer.", {"Helena Voss": "PERSON", "Varnex": "ORG"})
    assert found.get("Varnex") == "COMPANY"


def test_a_long_title_case_headline_names_only_what_the_body_names(types):
    text = ("Varnex AI Launches Its First Model Family and Closes $120 Million Series B Round to Bring Private "
            "Language Models to Regulated Industries\n\nVarnex AI said on Monday it had raised $120 million.")
    found = types(text, {"Varnex AI": "ORG", "Regulated Industries": "ORG"})
    assert "Regulated Industries" not in found and found.get("Varnex AI") == "COMPANY"


def test_a_name_before_a_business_role_is_the_company_whatever_people_the_tagger_saw(types):
    text = "The board replaced her with Emmett Shear, the former Twitch boss, within days."
    assert types(text, {"Emmett Shear": "PERSON", "Twitch": "NORP"}).get("Twitch") == "COMPANY"
    # a party before a party's role stays no company
    assert "Tory" not in types("The Tory leader resigned on Monday.", {"Tory": "NORP"})


def test_a_name_ending_in_health_is_no_person(types):
    # "Oscar Health", "Brennick Health": a company's last word, whatever the tagger said
    text = "Brennick Health runs summarisation on patient records for hospitals."
    assert types(text, {"Brennick Health": "PERSON"}).get("Brennick Health") == "COMPANY"
