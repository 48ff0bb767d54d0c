"""Entity names and types (issue 12, round 12): readings of general English about which spans name companies
and people. Invented sentences in news shapes; the NER labels are set by hand (``types``), as the model may give
any of them."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from extract.name_cues import coordinated_names, is_round_name, is_surname_over_cue, with_first_of_three_names


# -- a funding round's name is never a name: "Series A and Series B companies" -----------------------------
@pytest.mark.parametrize("text, ner", [
    ("Harlow Capital invests in Series A and Series B companies across Europe.", {"Series B": "ORG"}),
    ("Tessmer raised a $20 million Pre-Series A from angels last month.", {"Pre-Series A": "ORG"}),
    ("Quorin said the Series C was led by Bellmark Ventures.", {"Series C": "ORG"}),
])
def test_a_round_is_no_name(types, text, ner):
    typed = types(text, ner)
    assert not any(name.startswith(("Series", "Pre-Series")) for name in typed), typed


def test_round_names(blank):
    doc = blank("It backs Series B companies, and Series Capital backs it.")
    assert is_round_name(doc[2:4]) and is_round_name(doc[2:3])
    assert not is_round_name(doc[7:9])  # a firm named "Series Capital"


def test_a_kind_of_article_is_no_name(types):
    typed = types("Q&A: Vantis's founder on building a law model\nThe company raised $21 million.", {"Q&A": "ORG"})
    assert "Q&A" not in typed


# -- a lone surname of a full name in the article is that person, whatever a cue beside it says ----------
@pytest.mark.parametrize("text, ner", [
    ("Wen-Jie Koh took over as chief executive in March. Koh, a veteran chip investor, replaced Paul Abbott.",
     {"Wen-Jie Koh": "PERSON", "Koh": "PERSON", "Paul Abbott": "PERSON"}),
    ("Mara Lindqvist left Corvane in May. Kestrel Labs, the start-up Lindqvist runs, raised $30 million.",
     {"Mara Lindqvist": "PERSON", "Lindqvist": "PERSON", "Corvane": "ORG", "Kestrel Labs": "ORG"}),
])
def test_a_surname_is_the_person_named_in_full(types, text, ner):
    surname = [name for name in ner if " " not in name and ner[name] == "PERSON"][0]
    assert types(text, ner).get(surname) == "PERSON"


def test_a_surname_over_a_cue_but_not_a_company_short_form(blank):
    doc = blank("Wen-Jie Koh spoke.")
    person = doc[0:4]
    assert is_surname_over_cue(person, "COMPANY", "context")
    assert not is_surname_over_cue(person, "COMPANY", "short_form")  # "Tinkoff" of "Tinkoff Bank"
    assert not is_surname_over_cue(person, "COMPANY", "class_noun")  # "Velluti is a bicycle maker": his company
    assert not is_surname_over_cue(person, "COMPANY", "gazetteer")


# -- a known company's name inside a longer one, whatever cue typed the longer -----------------------------
def test_a_known_name_inside_a_longer_name_a_role_typed(types):
    typed = types("Mara Lind was an engineer at Casewell until Harrowby Reuters bought that company last year.",
                  {"Mara Lind": "PERSON", "Casewell": "ORG", "Harrowby Reuters": "ORG"})
    assert typed.get("Harrowby Reuters") == "COMPANY" and "Reuters" not in typed


# -- "Seed" ends a firm's name as "Ventures" and "Capital" do ---------------------------------------------
def test_a_name_ending_in_seed_is_a_firm(types):
    typed = types("Existing investor Gannel Moor Seed, which led the seed round in 2023, joined the round.",
                  {"Gannel Moor Seed": "PERSON"})
    assert typed.get("Gannel Moor Seed") == "COMPANY"


def test_a_seed_name_that_goes_on_is_the_longer_name(types):
    typed = types("Bellhaven Partners joined existing investors Saltfen Ventures and Ridgemoor Seed Fund in the round.",
                  {"Ridgemoor Seed Fund": "ORG"})
    assert typed.get("Ridgemoor Seed Fund") == "COMPANY" and "Ridgemoor Seed" not in typed


# -- "Vistra and Talen": two single names joined by "and" are two names --------------------------------------
def test_two_single_names_joined_by_and_are_two(types):
    typed = types("Its rivals, among them Brenvale and Tarrow, have seen their share prices multiply.",
                  {"Brenvale and Tarrow": "ORG"})
    assert "Brenvale" in typed and "Tarrow" in typed and "Brenvale and Tarrow" not in typed


def test_coordinated_names_keep_longer_names(blank):
    doc = blank("the Competition and Markets Authority and Skye and Arran")
    assert [s.text for s in coordinated_names(Span(doc, 1, 5, label="ORG"))] == ["Competition and Markets Authority"]
    assert [s.text for s in coordinated_names(Span(doc, 6, 9, label="ORG"))] == ["Skye", "Arran"]
    assert [s.text for s in coordinated_names(Span(doc, 6, 9, label="GPE"))] == ["Skye and Arran"]  # a place


# -- three name words: "Vipul Ved Prakash" read as "Ved Prakash" -------------------------------------------
def _three_names(blank, first):
    words = [first, "Ved", "Prakash", ",", "its", "co-founder", ",", "left"]
    return Doc(blank.vocab, words=words, heads=[2, 2, 7, 2, 5, 2, 2, 7],
               deps=["compound", "compound", "nsubj", "punct", "poss", "appos", "punct", "ROOT"],
               pos=["PROPN", "PROPN", "PROPN", "PUNCT", "PRON", "NOUN", "PUNCT", "VERB"])


def test_the_first_of_three_name_words(blank):
    english = frozenset({"drummer", "officer", "co-founder"})
    assert with_first_of_three_names(_three_names(blank, "Tarun")[1:3], english).text == "Tarun Ved Prakash"
    assert with_first_of_three_names(_three_names(blank, "Drummer")[1:3], english).text == "Ved Prakash"  # a title
    assert with_first_of_three_names(_three_names(blank, "Tarun")[1:3], frozenset()).text == "Ved Prakash"  # no word lists


# -- "Meta Platforms" is the company's formal name, no unit of it --------------------------------------------
def test_platforms_is_a_formal_name_word():
    from extract.records import Mention
    from graph.resolve import ResolutionRules, resolve

    def m(text, start, canonical=None, source="gazetteer"):
        return Mention("a1", text, "company", start, start + len(text), 0, 99, source, canonical)
    ms = [m("Halvern Platforms", 0, "Halvern"), m("Halvern", 40, "Halvern")]
    res = resolve(ms, rules=ResolutionRules())
    assert len({res.entity_of(x) for x in ms}) == 1


# -- an unknown firm's name without its firm word is the firm: "Peak XV Partners ... Peak XV" ----------------
def test_a_firm_without_its_firm_word(typed_entities):
    typed = typed_entities("The round drew Harrow Crest Partners and Bellmark Ventures. Harrow Crest had also backed "
                           "its seed round.", {"Harrow Crest Partners": "ORG", "Harrow Crest": "ORG", "Bellmark Ventures": "ORG"})
    assert typed.get("Harrow Crest") == ("COMPANY", "Harrow Crest Partners")


# -- "a Series A led by X": a round named by its letter is a round ------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("This month the company announced a €40 million Series A led by Pardeck, with Kilmar Ventures joining.", "Pardeck"),
    ("In January it raised a further $100 million in a Series B led by Greyvale, with Corvane among the participants.", "Greyvale"),
])
def test_the_leader_of_a_lettered_round_is_a_firm(types, text, name):
    assert types(text, {name: "PERSON"}).get(name) == "COMPANY"


def test_a_firm_name_and_another_name_are_two(types):
    typed = types("It raised $350 million in a Series A led by Q Capital and Tessel Forge, with Corvane also investing.",
                  {"Q Capital and Tessel Forge": "ORG", "Corvane": "ORG"})
    assert typed.get("Q Capital") == "COMPANY" and typed.get("Tessel Forge") == "COMPANY"


def test_the_middle_word_of_three_names_alone_is_the_person(types):
    typed = types("Gregorio Pacheco Leyes was president from 1884. Pacheco won a disputed election.",
                  {"Gregorio Pacheco Leyes": "PERSON", "Pacheco": "ORG"})
    assert typed.get("Pacheco") == "PERSON"
