"""One negation and hedging module for relations and deals: the same words deny or hedge both."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.modality import CONFIDENCE_HYPOTHETICAL, CONFIDENCE_NEGATED, deal_modality, is_hedged, is_negated

NLP = spacy.blank("en")


def _head_verb_doc(head_word: str, head_lemma: str, head_pos: str = "VERB") -> Doc:
    """ "Apple <head> to acquire Mistral": the trigger "acquire" is an xcomp of the head verb."""
    words = ["Apple", head_word, "to", "acquire", "Mistral"]
    return Doc(NLP.vocab, words=words, heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "aux", "xcomp", "dobj"],
               pos=["PROPN", head_pos, "PART", "VERB", "PROPN"], lemmas=["Apple", head_lemma, "to", "acquire", "Mistral"])


@pytest.mark.parametrize("word,lemma", [("refused", "refuse"), ("failed", "fail"), ("scrapped", "scrap"),
                                        ("cancelled", "cancel"), ("quit", "quit"), ("rejected", "reject")])
def test_a_cancelling_verb_denies_a_relation_and_a_deal_alike(word, lemma):
    doc = _head_verb_doc(word, lemma)
    assert is_negated(doc[3])
    assert deal_modality(doc[3]) == CONFIDENCE_NEGATED


@pytest.mark.parametrize("word,lemma", [("plans", "plan"), ("seeks", "seek"), ("explores", "explore"),
                                        ("wants", "want"), ("hopes", "hope")])
def test_a_hypothetical_verb_hedges_a_relation_and_caps_a_deal(word, lemma):
    doc = _head_verb_doc(word, lemma)
    assert is_hedged(doc[3]) and not is_negated(doc[3])
    assert deal_modality(doc[3]) == CONFIDENCE_HYPOTHETICAL


def test_a_plain_statement_is_neither():
    doc = _head_verb_doc("agreed", "agree")
    assert not is_negated(doc[3]) and not is_hedged(doc[3]) and deal_modality(doc[3]) is None


def test_a_reported_future_is_hedged_for_a_relation_but_still_a_deal():
    # "Nvidia said it would buy Run:ai": an announcement, not a hypothesis
    words = ["Nvidia", "said", "it", "would", "buy", "Runai"]
    doc = Doc(NLP.vocab, words=words, heads=[1, 1, 4, 4, 1, 4], deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"],
              pos=["PROPN", "VERB", "PRON", "AUX", "VERB", "PROPN"], lemmas=["Nvidia", "say", "it", "would", "buy", "Runai"])
    assert is_hedged(doc[4])
    assert deal_modality(doc[4]) is None
