"""A noun that "who" describes is a person's: "Pieter Levels, the indie developer who built a game" is no
company although "developer" often says company ("Tallon, the developer that built the game" is one)."""
import spacy
from spacy.tokens import Doc

from extract.entities import described_by_who, has_company_context

VOCAB = spacy.blank("en").vocab


def _apposed(relative):
    # "Ana Ruiz , the developer who/that built it , spoke"
    words = ["Ana", "Ruiz", ",", "the", "developer", relative, "built", "it", ",", "spoke"]
    return Doc(VOCAB, words=words, heads=[1, 9, 1, 4, 1, 6, 4, 6, 1, 9],
               deps=["compound", "nsubj", "punct", "det", "appos", "nsubj", "relcl", "dobj", "punct", "ROOT"],
               pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PRON", "VERB", "PRON", "PUNCT", "VERB"],
               lemmas=["Ana", "Ruiz", ",", "the", "developer", relative, "build", "it", ",", "speak"])


def test_who_makes_the_apposed_noun_a_persons():
    doc = _apposed("who")
    assert described_by_who(doc[4])
    assert not has_company_context(doc[0:2])


def test_that_leaves_the_company_noun_a_companys():
    doc = _apposed("that")
    assert not described_by_who(doc[4])
    assert has_company_context(doc[0:2])
