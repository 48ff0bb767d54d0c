"""Names found, split and joined right (issue 12, round 5): invented sentences in news shapes."""
from __future__ import annotations

import pytest



@pytest.mark.parametrize("text, names", [
    ("Corvane was founded in 2021 by Marek and Ilona Vostrikov, siblings who left Tessaly together.",
     ["Marek Vostrikov", "Ilona Vostrikov"]),
    ("The round was led by Quarry Capital, whose partners Nadia and Omar Belkacem sit on the board.",
     ["Nadia Belkacem", "Omar Belkacem"]),
])
def test_coordinated_given_names_share_the_surname(nodes_of, text, names):
    nodes = nodes_of(text)
    assert {(n, "person") for n in names} <= nodes
    assert not {n for n in nodes if n[0] in ("Marek", "Nadia")}


def test_two_full_names_stay_two_and_a_lone_company_is_no_person(nodes_of):
    assert {("Sofia Marren", "person"), ("Jonas Pettersen", "person")} <= nodes_of(
        "Ravel Labs was founded by Sofia Marren and Jonas Pettersen in 2020.")
    # "Corvane" stands alone elsewhere: a company's name, not a given name sharing "Vostrikov"
    nodes = nodes_of("Corvane raised $5 million. The deal was signed by Corvane and Ilona Vostrikov on Monday.")
    assert not any(n[0] == "Corvane Vostrikov" for n in nodes)


def test_given_name_the_tagger_cut_is_kept(nodes_of):
    nodes = nodes_of("Q&A: Tidewell Silicon's Renata Solberg on inference chips\n\n"
                     "Renata Solberg spent nine years at AMD before leaving in 2021 to co-found Tidewell Silicon, "
                     "an Austin start-up.\n\nSolberg: We make one thing.")
    assert ("Renata Solberg", "person") in nodes
    assert not any(n[0] == "Solberg" for n in nodes)


@pytest.mark.parametrize("text, firm", [
    ("\"The deal makes sense,\" said Carla Benning, an analyst with Fennmoor.", "Fennmoor"),
    ("Shares rose 4%, according to Tomas Reyel, a strategist with Halbrook Securities.", "Halbrook Securities"),
])
def test_staff_with_a_firm_name_a_company(nodes_of, text, firm):
    assert (firm, "company") in nodes_of(text)


@pytest.mark.parametrize("text, buyer", [
    ("Tessaly agreed to sell its games studio to Korrin for $300 million.", "Korrin"),
    ("The unit was sold to Dravosk last year.", "Dravosk"),
])
def test_buyer_of_a_business_is_a_company(nodes_of, text, buyer):
    assert (buyer, "company") in nodes_of(text)


def test_legal_form_is_an_alias(nodes_of):
    nodes = nodes_of("Kessrow AI Inc. said on Monday it raised $40 million. Kessrow AI plans to hire 50 engineers, "
                     "and Kessrow AI will open an office in Berlin.")
    assert ("Kessrow AI", "company") in nodes and ("Kessrow AI Inc.", "company") not in nodes


def test_tier_word_after_a_model_family_is_a_model_of_its_own(nodes_of):
    nodes = nodes_of("Brontel released Corvid Large, a model for long documents, and Corvid Mini.")
    assert {("Corvid Large", "model"), ("Corvid Mini", "model")} <= nodes


@pytest.mark.parametrize("text, person", [
    ("Caldor Ashby married the actress Mina Ferrow in 1962.", "Caldor Ashby"),
    ("Vantrell is married to Orla Penhallow, a former member of the federal parliament.", "Vantrell"),
    ("The incumbent, independent Peter Marlowe, died on election day.", "Peter Marlowe"),
])
def test_people_s_verbs_type_a_person(nodes_of, text, person):
    nodes = nodes_of(text)
    assert (person, "person") in nodes
    assert not any(n[0] == person and n[1] != "person" for n in nodes)


def test_part_of_a_hyphenated_name_is_no_mention_of_its_own(nodes_of):
    # the NER typed the second "High-Vantage"; its last word is no surname to find in the first
    nodes = nodes_of("The hedge fund High-Vantage backs the lab, and High-Vantage owns most of its chips.")
    assert not any(n[0] == "Vantage" for n in nodes)


def test_given_name_kept_where_only_the_surname_was_found_later(nodes_of):
    # the NER finds only "Solheim" (the interview turn); the full name before it is found by that surname
    nodes = nodes_of("\"Training is a sideshow\": Brekka Labs's Ingrid Solheim on building AI chips in Bergen\n\n"
                     "Ingrid Solheim spent twelve years designing processors at Arm and three at Graphcore before she "
                     "co-founded Brekka Labs in Bergen in 2022 with Lars Nyhus, a former Nordic Semiconductor engineer.\n\n"
                     "Solheim: We ship in May.")
    assert ("Ingrid Solheim", "person") in nodes and not any(n[0] == "Solheim" for n in nodes)


def test_a_month_before_a_surname_is_no_given_name(nodes_of):
    nodes = nodes_of("Stellaris was founded by the former banker Emrys Kovalchyk. In March Kovalchyk stepped down as chief executive.")
    assert not any(n[0].startswith("March") for n in nodes)
