"""Readings of names and their resolution (task names14): units, cut and glued names, merges.

Hand-built inputs only: a blank English pipeline for the span readings, Mention records for resolution.
"""
import spacy

from extract.components import _joined_adjacent_companies, _with_capitalised_the, is_unit_of_its_first_word
from extract.records import Mention
from graph.names import strip_honorifics
from graph.resolve import ResolutionRules, initials, resolve

NLP = spacy.blank("en")


def _m(text, start, type_="company", sentence=None, source="ner", canonical=None, article="a1"):
    sent = (start // 100) * 100 if sentence is None else sentence
    return Mention(article, text, type_, start, start + len(text), sent, sent + 99, source, canonical)


def _names(res):
    return sorted(e.name for e in res.entities.values())


# -- a unit and its parent ---------------------------------------------------------------------------

def test_a_unit_described_as_its_first_words_unit_is_no_full_name_of_it():
    doc = NLP("Marlow Digital, the software arm of Marlow, grew. Pellin Systems, a unit of Vask, grew.")
    assert is_unit_of_its_first_word(doc[0:2])
    assert not is_unit_of_its_first_word(doc[11:13])  # a unit of another company says nothing of "Pellin"


def test_a_longer_name_without_a_unit_description_is_no_unit():
    doc = NLP("Corvane Software, which makes identity tools, agreed to be bought. Corvane rose.")
    assert not is_unit_of_its_first_word(doc[0:2])


# -- cut and glued names -----------------------------------------------------------------------------

def test_two_company_names_side_by_side_are_one_name():
    doc = NLP("Talvik Energia and Brenn , Osk signed")
    kept = [(doc[0:1], "COMPANY", "ner", None), (doc[1:2], "COMPANY", "role", None),
            (doc[3:4], "COMPANY", "ner", None), (doc[5:6], "COMPANY", "ner", None)]
    assert [c[0].text for c in _joined_adjacent_companies(kept)] == ["Talvik Energia", "Brenn", "Osk"]


def test_a_known_company_after_another_stays_a_name_of_its_own():
    doc = NLP("Talvik Nvidia deal")
    kept = [(doc[0:1], "COMPANY", "ner", None), (doc[1:2], "COMPANY", "gazetteer", "Nvidia")]
    assert _joined_adjacent_companies(kept) == kept


def test_a_capital_the_inside_a_sentence_opens_the_name():
    doc = NLP("They founded a new company , The Quill Company . The Quill Company grew")
    kept = [(doc[7:9], "COMPANY", "ner", None), (doc[11:13], "COMPANY", "ner", None)]
    assert [c[0].text for c in _with_capitalised_the(kept)] == ["The Quill Company", "Quill Company"]


def test_a_royal_title_before_a_full_name_is_no_part_of_it():
    assert strip_honorifics("Crown Prince Faisal bin Tariq") == "Faisal bin Tariq"
    assert strip_honorifics("King Tariq") == "King Tariq"  # one called by one name keeps the title
    assert strip_honorifics("Queen Elowen II") == "Queen Elowen II"  # and a regnal number keeps it


def test_the_article_is_no_word_of_a_name_of_one_type():
    ms = [_m("The Quill", 0, "publication"), _m("Quill", 240, "place")]
    assert sorted((e.name, e.type) for e in resolve(ms, rules=ResolutionRules()).entities.values()) == [
        ("Quill", "place"), ("The Quill", "publication")]


def test_an_acronym_takes_the_type_of_the_name_it_stands_for():
    ms = [_m("Northern Grid Council", 0, "organization"), _m("NGC", 120), _m("NGC", 240)]
    assert [(e.name, e.type) for e in resolve(ms, rules=ResolutionRules()).entities.values()] == [
        ("Northern Grid Council", "organization")]


def test_the_name_written_with_the_is_the_display_name():
    ms = [_m("Quill Company", 0), _m("The Quill Company", 120), _m("Quill Company", 240)]
    assert _names(resolve(ms, rules=ResolutionRules())) == ["The Quill Company"]


# -- merges ------------------------------------------------------------------------------------------

def test_a_middle_name_in_one_article_is_the_same_person():
    ms = [_m("Harold Brenner", 0, "person"), _m("Harold Brenner", 120, "person"),
          _m("Harold Ives Brenner", 240, "person"), _m("Brenner", 360, "person")]
    assert _names(resolve(ms, rules=ResolutionRules())) == ["Harold Brenner"]


def test_a_middle_name_in_another_article_is_another_person():
    ms = [_m("Harold Brenner", 0, "person"), _m("Harold Ives Brenner", 0, "person", article="a2")]
    assert _names(resolve(ms, rules=ResolutionRules())) == ["Harold Brenner", "Harold Ives Brenner"]


def test_an_acronym_of_a_name_named_before_it_is_that_name():
    assert initials("Northern Grid Partners") == "NGP"
    ms = [_m("Northern Grid Partners", 0), _m("NGP", 120), _m("NGP", 240)]
    assert _names(resolve(ms, rules=ResolutionRules())) == ["Northern Grid Partners"]


def test_an_acronym_before_the_name_or_of_two_names_stays_apart():
    before = [_m("NGP", 0), _m("Northern Grid Partners", 120)]
    assert len(resolve(before, rules=ResolutionRules()).entities) == 2
    two = [_m("Northern Grid Partners", 0), _m("NGP", 120),
           _m("National Gas Pipelines", 0, article="a2"), _m("NGP", 120, article="a2")]
    assert len(resolve(two, rules=ResolutionRules()).entities) == 3


def test_a_shared_surname_goes_to_the_person_the_article_names_most():
    ms = [_m("Irena Valk", 0, "person"), _m("Irena Valk", 120, "person"), _m("Piet Valk", 240, "person"),
          _m("Valk", 360, "person")]
    res = resolve(ms, rules=ResolutionRules())
    assert res.entity_of(ms[3]) == res.entity_of(ms[0])
