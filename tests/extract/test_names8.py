"""Entity typing on unseen news (issue 12, round 8): a name bought whole is a company's, whoever buys it.
Invented sentences in news shapes."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.name_cues import is_bought_whole


# -- a name bought whole is a company: no person is bought, whatever the buyer ---------------------------
@pytest.mark.parametrize("text, name", [
    # the NER read a two-word name as a person's; the buyer is "it" (the topic company)
    ("The group has grown by acquisition: it bought Blue Lantern for $12 billion in 2019.", "Blue Lantern"),
    # a transcript: the buyer is "we"
    ("When we bought Ferren for about $9 billion, we said we would rebuild its platform.", "Ferren"),
    # a relative clause on a person ("who") buys a company too
    ("Harlan Mose, who bought Quillbeck for $40 million in 2015, sold it last year.", "Quillbeck"),
    # a second object of the buying verb
    ("Tessaly acquired Brightwater and Morrow Lane last spring.", "Morrow Lane"),
])
def test_a_bought_name_is_a_company(types, text, name):
    assert types(text, {name: "PERSON"}).get(name) == "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("Tessaly hired Morrow Lane as its chief financial officer.", "Morrow Lane"),  # hired, not bought
    ("Brightwater said Morrow Lane bought the building in 2019.", "Morrow Lane"),  # the buyer, a person
    ("Mr. Morrow Lane agreed to buy shares in the company.", "Morrow Lane"),
])
def test_near_misses_stay_people(types, text, name):
    assert types(text, {name: "PERSON"}).get(name) == "PERSON"


def test_a_headline_bar_is_no_object(make_doc):
    # "closes Ferren buy | Equity Research Note": the parser may take "buy" for a verb across the bar
    doc = make_doc("Tessaly closes Ferren buy | Equity Research Note", {})
    names = [doc[i:i + 3] for i in range(len(doc) - 2) if doc[i:i + 3].text == "Equity Research Note"]
    assert names and not is_bought_whole(names[0])


def test_an_unlabelled_bought_name_becomes_a_company(nodes_of):
    # the NER may miss the name altogether; the sentence's "he" (of a person) does not stop the cue
    nodes = nodes_of("Tomas Dorran said he had warned them for years; when we bought Pellisade in April, "
                     "he said, the deal was already late.")
    assert ("Pellisade", "company") in nodes


def test_a_renamed_company_bought_under_its_old_name_stays_one_node(nodes_of):
    # "Musk, who bought Twitter" after "X, the network formerly known as Twitter": the renaming outranks the cue
    nodes = nodes_of("Veltrix bought Corra, the app formerly known as Nimbly, in March. Ann Orr, who bought "
                     "Nimbly for $4 billion in 2020, runs both.")
    assert ("Nimbly", "company") not in nodes


# -- investors led by a one-word name: a firm leads them (a person's full name stays a person's) ----------
@pytest.mark.parametrize("text, name", [
    ("The deal came with fresh money from a group of investors led by Quennel and Harwick Capital.", "Quennel"),
    ("Backers led by Ostrava returned for the second round, the company said.", "Ostrava"),
])
def test_a_one_word_leader_of_investors_is_a_firm(types, text, name):
    assert types(text, {name: "ORG"}).get(name) == "COMPANY"


@pytest.mark.parametrize("text, name", [
    ("The money came from a group of investors led by Mara Quint, the former chief executive.", "Mara Quint"),
    ("A group of friends led by Quennel opened the restaurant.", "Quennel"),  # friends, not investors
])
def test_leaders_of_other_groups_stay_people(types, text, name):
    assert types(text, {name: "PERSON"}).get(name) == "PERSON"


# -- a transcript's speaker labels: full names that open turns are people ---------------------------------
def test_a_speaker_label_is_a_person_though_the_tagger_reads_a_firm(types):
    text = ("Operator: Our first question comes from Lorna Vallis-Dunne with Brackett Securities.\n\n"
            "Lorna Vallis-Dunne: Thanks. Can you talk about margins?\n\nTeo Marsh: Sure. They rose.")
    assert types(text, {"Lorna Vallis-Dunne": "ORG", "Brackett Securities": "ORG"}).get("Lorna Vallis-Dunne") == "PERSON"


def test_a_lone_label_line_is_no_transcript(types):
    # a press release's contact block: one label line, no turns
    text = "Kelbeck Robotics said revenue rose.\n\nMarta Quell: Investor Relations\nPhone: 555-0100"
    assert "Marta Quell" not in types(text, {"Marta Quell": "ORG"}) or \
        types(text, {"Marta Quell": "ORG"})["Marta Quell"] != "PERSON"


# -- a distinct company named by extending a known one keeps its name where it comes back -----------------
def test_an_extended_known_name_comes_back_whole(make_doc, typer):
    # "Oracle Health" (a unit named by extending "Oracle") is typed where the NER saw it; where it comes back,
    # the known "Oracle" inside it must not take the mention (then "the Oracle Health unit" says nothing)
    text = ("Analysts asked about Oracle Health and its hospitals. "
            "Separately, the Oracle Health unit signed a new agreement with a hospital group.")
    doc = make_doc(text, {})
    first = next(i for i, t in enumerate(doc) if t.text == "Oracle")
    doc.ents = [Span(doc, first, first + 2, label="ORG")]  # the NER saw only the first one
    doc = typer(doc)
    assert [e.text for e in doc.ents if e.text.startswith("Oracle")] == ["Oracle Health", "Oracle Health"]


# -- a relative clause the parser took for an apposition says nothing of what a name is ---------------------
def test_a_who_clause_read_as_an_apposition_is_no_class_noun(nodes_of):
    # the parser may hang "team" of "who co-led Vantor's safety team" on the name as an apposition
    nodes = nodes_of("She is the latest of several engineers to make that move: Tomas Brenn, who co-led Harrowgate's "
                     "research team, joined Kelbeck in June.")
    assert ("Tomas Brenn", "person") in nodes
