"""probes17 readings: a possessor names a product noun's maker; a one-word company's name, a hyphen and a
capitalised word name its model line."""
import spacy
from spacy.tokens import Doc, Span

from extract.product_names import modifies_product_noun
from extract.relations.models import _named_after_company

VOCAB = spacy.blank("en").vocab


def _possessed(possessor_pos, possessor):
    words = ["It", "sells", possessor, "Zorn", "chips", "."]
    return Doc(VOCAB, words=words, heads=[1, 1, 4, 4, 1, 1],
               deps=["nsubj", "ROOT", "poss", "compound", "dobj", "punct"],
               pos=["PRON", "VERB", possessor_pos, "PROPN", "NOUN", "PUNCT"],
               lemmas=["it", "sell", possessor.lower(), "Zorn", "chip", "."])


def test_possessive_pronoun_names_the_maker():
    assert modifies_product_noun(_possessed("PRON", "its")[3:4])


def test_named_possessor_names_the_maker():
    assert modifies_product_noun(_possessed("PROPN", "Acme")[3:4])


def test_no_possessor_no_article_is_no_product_cue():
    doc = Doc(VOCAB, words=["It", "sells", "Zorn", "chips", "."], heads=[1, 1, 3, 1, 1],
              deps=["nsubj", "ROOT", "compound", "dobj", "punct"], pos=["PRON", "VERB", "PROPN", "NOUN", "PUNCT"],
              lemmas=["it", "sell", "Zorn", "chip", "."])
    assert not modifies_product_noun(doc[2:3])


def test_hyphened_line_word_after_one_word_company():
    doc = spacy.blank("en")("Kaveri AI Kaveri-Nano Fathom Reasoning Fathom-Mini")
    assert _named_after_company(doc[2:5], Span(doc, 0, 2, label="COMPANY"))
    assert not _named_after_company(doc[7:10], Span(doc, 5, 7, label="COMPANY"))
