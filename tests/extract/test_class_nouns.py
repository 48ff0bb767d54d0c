"""Entity kinds said by a common noun beside a name ("Chrome, a browser", "the band Metallica"),
organisations' head words, and posts that are no people: parsed texts with hand-set NER labels."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.entities import class_noun_type, is_post_title


@pytest.mark.parametrize("text, name, label, want", [
    # products: software, devices, vehicles, weapons, games
    ("Chrome, a browser developed by Google, is free.", "Chrome", "ORG", "PRODUCT"),
    ("Roketsan makes guided missiles such as Cirit and UMTAS.", "UMTAS", "ORG", "PRODUCT"),
    ("The Avalon is a full-size car produced by Toyota.", "Avalon", "GPE", "PRODUCT"),
    ("Arkanoid is a video game released by Taito in 1986.", "Arkanoid", "ORG", "PRODUCT"),
    # organisations that are no companies: bands, parties, universities, teams
    ("Load is the sixth album by the American heavy metal band Metallica.", "Metallica", "GPE", "ORGANIZATION"),
    ("Fianna Fail, a political party in Ireland, won the vote.", "Fianna Fail", "PERSON", "ORGANIZATION"),
    ("Galatasaray is a football club based in Istanbul.", "Galatasaray", "PERSON", "ORGANIZATION"),
    ("She studied at the University of Oxford in 1990.", "University of Oxford", "GPE", "ORGANIZATION"),
    # publications and broadcasters
    ("The Sacramento Bee is a daily newspaper published in Sacramento.", "Sacramento Bee", "ORG", "PUBLICATION"),
    # people by their occupation
    ("Martina McBride, an American singer, recorded it in 1995.", "Martina McBride", "ORG", "PERSON"),
])
def test_a_common_noun_beside_a_name_says_what_it_is(types, text, name, label, want):
    assert types(text, {name: label}).get(name) == want


@pytest.mark.parametrize("text, name, label", [
    ("Robot Jox is a 1990 science fiction film directed by Stuart Gordon.", "Robot Jox", "PERSON"),
    ("Unknown Pleasures is the debut album by Joy Division.", "Unknown Pleasures", "PERSON"),
    ("Extreme Makeover is an American reality television series.", "Extreme Makeover", "ORG"),
])
def test_works_are_no_entities_anywhere_in_the_text(types, text, name, label):
    text = f"{text} Fans still love {name}."
    assert name not in types(text, {name: label})


def test_company_nouns_and_names_stay_apart(types):
    # "Division" of "Joy Division" is a word of a name, no company noun
    found = types("Joy Division was formed by singer Ian Curtis and drummer Stephen Morris.",
                  {"Ian Curtis": "PERSON", "Stephen Morris": "PERSON", "Joy Division": "ORG"})
    assert found["Ian Curtis"] == "PERSON" and found["Stephen Morris"] == "PERSON"
    # "the startup Kai-Fu Lee founded": the name is the subject of a relative clause, not the startup
    found = types("01.AI, the startup Kai-Fu Lee founded in 2023, makes Yi.", {"Kai-Fu Lee": "PERSON"})
    assert found["Kai-Fu Lee"] == "PERSON"
    # "a company like Nvidia" compares; only a plural noun lists ("companies like Nvidia")
    found = types("Microsoft may need a partner like Nvidia (\u201cUncle Jensen\u201d, a joke) to do so.",
                  {"Uncle Jensen": "PERSON"})
    assert found["Uncle Jensen"] == "PERSON"


def test_one_of_a_plural_noun(types):
    found = types("Its success helped Sega become one of the leading video game companies.", {"Sega": "PERSON"})
    assert found["Sega"] == "COMPANY"


def test_posts_are_no_people(types):
    found = types("She has been a Teachta Dala for Dublin West since 2011.", {"Teachta Dala": "PERSON"})
    assert "Teachta Dala" not in found


def test_class_noun_type_on_hand_built_parses():
    vocab = spacy.blank("en").vocab
    # "the band Metallica played": a noun just before the name
    doc = Doc(vocab, words=["the", "band", "Metallica", "played"], heads=[2, 2, 3, 3],
              deps=["det", "compound", "nsubj", "ROOT"], pos=["DET", "NOUN", "PROPN", "VERB"])
    assert class_noun_type(doc[2:3]) == "ORGANIZATION"
    # "Pong and Breakout are games": coordinated names share the copula's complement
    doc = Doc(vocab, words=["Pong", "and", "Breakout", "are", "games"], heads=[3, 0, 0, 3, 3],
              deps=["nsubj", "cc", "conj", "ROOT", "attr"], pos=["PROPN", "CCONJ", "PROPN", "AUX", "NOUN"],
              lemmas=["Pong", "and", "Breakout", "be", "game"])
    assert class_noun_type(doc[2:3]) == "PRODUCT"
    # two nouns that disagree say nothing
    doc = Doc(vocab, words=["X", ",", "a", "band", ",", "is", "a", "film"], heads=[5, 0, 3, 0, 0, 5, 7, 5],
              deps=["nsubj", "punct", "det", "appos", "punct", "ROOT", "det", "attr"],
              pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "AUX", "DET", "NOUN"], lemmas=["X", ",", "a", "band", ",", "be", "a", "film"])
    assert class_noun_type(doc[0:1]) is None


def test_post_title_needs_an_article_or_a_post_verb():
    nlp = spacy.blank("en")
    doc = nlp("He was an Lord Mayor .")
    assert is_post_title(doc[3:5])
    doc = nlp("John Smith spoke .")
    assert not is_post_title(doc[0:2])


@pytest.mark.parametrize("text, name, label, want", [
    ("Chrome, developed by Google, is free.", "Chrome", "ORG", "PRODUCT"),
    ("The Galaxy S was manufactured by Samsung in Korea.", "Galaxy S", "ORG", "PRODUCT"),
    ("Mono can be run on many operating systems including Android and Solaris.", "Solaris", "GPE", "PRODUCT"),
    ("Parts of the Nexus Q were reused for a device known as Chromecast.", "Chromecast", "ORG", "PRODUCT"),
    ("HMS Ardent was sunk in 1982.", "HMS Ardent", "ORG", "PRODUCT"),
])
def test_products_by_participles_lists_and_ship_prefixes(types, text, name, label, want):
    assert types(text, {name: label}).get(name) == want


@pytest.mark.parametrize("text, name, label", [
    ("Jaws, directed by Steven Spielberg, opened in 1975.", "Jaws", "PERSON"),
    ("He won the USSR State Prize in 1980.", "USSR State Prize", "ORG"),
    ("He fought in the American Civil War as a boy.", "American Civil War", "ORG"),
])
def test_works_events_and_awards_are_no_entities(types, text, name, label):
    assert name not in types(text, {name: label})


def test_occupations_by_their_ending(types):
    found = types("Georg Jochmann was a German internist and bacteriologist.", {"Georg Jochmann": "ORG"})
    assert found["Georg Jochmann"] == "PERSON"


def test_newspapers_by_their_last_word(types):
    found = types("She was an editor at the Yorkshire Post and later at the New York Times.",
                  {"Yorkshire Post": "ORG", "New York Times": "GPE"})
    assert found == {"Yorkshire Post": "PUBLICATION", "New York Times": "PUBLICATION"}


def test_the_object_of_a_making_verb_with_a_named_maker_is_a_product(types):
    found = types("Taito released Arkanoid in 1986.", {"Taito": "ORG", "Arkanoid": "ORG"})
    assert found["Arkanoid"] == "PRODUCT"


def test_places_by_their_noun(types):
    found = types("Representatives of the town of Ripton wrote to the Air Force.", {"Ripton": "ORG"})
    assert found["Ripton"] == "PLACE"
    found = types("Ripton, a town in Vermont, has 600 people.", {"Ripton": "PERSON"})
    assert found["Ripton"] == "PLACE"


def test_a_participle_right_after_a_name_is_no_cue(types):
    text = "The Catechism is a volume on the teachings of the Catholic Church written by John Hardon."
    found = types(text, {"Catholic Church": "ORG", "John Hardon": "PERSON"})
    assert found.get("Catholic Church") == "ORGANIZATION"


def test_a_work_stays_out_under_its_short_name_too(types):
    text = ("The Catholic Catechism is a major work on the teachings of the Church. "
            "The Catechism was written at the request of the Pope.")
    found = types(text + " The Catholic Catechism remains in print.", {"Catholic Catechism": "PERSON"})
    assert "Catholic Catechism" not in found and "Catechism" not in found
