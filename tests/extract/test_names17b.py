"""names17b: names typed by the lists they stand in and the officers they have."""
import spacy
from spacy.tokens import Doc

from extract.components import _among_companies
from extract.entities import is_chief_officer

VOCAB = spacy.blank("en").vocab


def _doc(words, lemmas=None):
    return Doc(VOCAB, words=words, lemmas=lemmas or [w.lower() for w in words], sent_starts=[True] + [False] * (len(words) - 1))


def test_a_place_or_one_word_person_among_a_business_s_customers_is_a_company():
    doc = _doc("Quellon counts Vardex and Orimo among its customers .".split(),
               "quellon count vardex and orimo among its customer .".split())
    partner = [(doc[2:3], "COMPANY", "ner", None)]
    assert _among_companies(doc[4:5], "PERSON", partner, False)
    assert _among_companies(doc[4:5], "PLACE", partner, True)


def test_no_counterpart_list_no_person_in_full_and_no_person_partner():
    doc = _doc("Quellon works with Vardex and Orimo .".split())
    partner = [(doc[3:4], "COMPANY", "gazetteer", None)]
    assert not _among_companies(doc[5:6], "PLACE", partner, True)  # (no customers, investors or round)
    doc = _doc("Quellon counts Vardex and Dana Roe among its investors .".split(),
               "quellon count vardex and dana roe among its investor .".split())
    assert not _among_companies(doc[4:6], "PERSON", [(doc[2:3], "COMPANY", "ner", None)], False)
    assert not _among_companies(doc[2:3], "PLACE", [(doc[4:6], "PERSON", "ner", None)], True)


def test_a_chief_executive_or_officer_is_a_business_s():
    doc = Doc(VOCAB, words="the chief executive of Zorbex".split(), heads=[2, 2, 2, 2, 3],
              deps=["det", "amod", "ROOT", "prep", "pobj"])
    assert is_chief_officer(doc[2])
    doc = Doc(VOCAB, words="the mayor of Tollan".split(), heads=[1, 1, 1, 2], deps=["det", "ROOT", "prep", "pobj"])
    assert not is_chief_officer(doc[1])
