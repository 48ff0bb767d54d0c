"""Who leads or joins a funding round is an investor firm, whatever the NER's person or nationality label:
"Trevelyn led the round", "Brattholm led it" (after a round is named), "a round led by Index with IVP and
Atomico". Hand-built parses, so the tests read the rules, not the tagger."""
import spacy
from spacy.tokens import Doc

from extract.entities import joins_a_round, leads_a_round
from extract.name_cues import round_investor_spans

VOCAB = spacy.blank("en").vocab


def _doc(rows):
    words, heads, deps, pos, lemmas = zip(*rows)
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), lemmas=list(lemmas),
               sent_starts=[True] + [False] * (len(words) - 1))


def test_subject_of_active_led_with_a_round_object_leads_it():
    doc = _doc([("Trevelyn", 1, "nsubj", "PROPN", "Trevelyn"), ("led", 1, "ROOT", "VERB", "lead"),
                ("the", 3, "det", "DET", "the"), ("round", 1, "dobj", "NOUN", "round"), (".", 1, "punct", "PUNCT", ".")])
    assert leads_a_round(doc[0:1])


def test_subject_of_led_with_another_object_leads_no_round():
    doc = _doc([("Marlow", 1, "nsubj", "PROPN", "Marlow"), ("led", 1, "ROOT", "VERB", "lead"),
                ("the", 3, "det", "DET", "the"), ("team", 1, "dobj", "NOUN", "team"), (".", 1, "punct", "PUNCT", ".")])
    assert not leads_a_round(doc[0:1])


def test_led_it_leads_the_round_the_sentence_before_names():
    words = ["Zorbex", "raised", "seed", "funding", ".", "Trevelyn", "led", "it", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 1, 3, 1, 1, 6, 6, 6, 6],
              deps=["nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "VERB", "NOUN", "NOUN", "PUNCT", "PROPN", "VERB", "PRON", "PUNCT"],
              lemmas=["Zorbex", "raise", "seed", "funding", ".", "Trevelyn", "lead", "it", "."],
              sent_starts=[True, False, False, False, False, True, False, False, False])
    assert leads_a_round(doc[5:6])
    # "it" with no round in sight: a team, a company, a march
    doc2 = Doc(VOCAB, words=["Zorbex", "built", "a", "team", ".", "Marlow", "led", "it", "."],
               heads=[1, 1, 3, 1, 1, 6, 6, 6, 6], deps=["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
               pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PRON", "PUNCT"],
               lemmas=["Zorbex", "build", "a", "team", ".", "Marlow", "lead", "it", "."],
               sent_starts=[True, False, False, False, False, True, False, False, False])
    assert not leads_a_round(doc2[5:6])


def _with_list_doc():
    # "a round led by Index with IVP and Atomico"
    return Doc(VOCAB, words=["a", "round", "led", "by", "Index", "with", "IVP", "and", "Atomico"],
               heads=[1, 1, 1, 2, 3, 2, 5, 6, 6], deps=["det", "ROOT", "acl", "agent", "pobj", "prep", "pobj", "cc", "conj"],
               pos=["DET", "NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN"],
               lemmas=["a", "round", "lead", "by", "Index", "with", "IVP", "and", "Atomico"],
               ents=["O", "O", "O", "O", "B-ORG", "O", "O", "O", "B-PERSON"])


def test_names_with_the_rounds_leader_join_it():
    doc = _with_list_doc()
    assert joins_a_round(doc[6:7]) and joins_a_round(doc[8:9])


def test_a_one_word_investor_the_ner_calls_a_person_is_a_firm():
    found = {span.text: label for span, label, _, _ in round_investor_spans(_with_list_doc())}
    assert found == {"IVP": "COMPANY", "Atomico": "COMPANY"}


def test_a_surname_of_a_person_named_in_full_stays_the_persons():
    words = ["Reid", "Hoffman", "invests", ".", "a", "round", "led", "by", "Hoffman"]
    doc = Doc(VOCAB, words=words, heads=[1, 2, 2, 2, 5, 5, 5, 6, 7],
              deps=["compound", "nsubj", "ROOT", "punct", "det", "ROOT", "acl", "agent", "pobj"],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADP", "PROPN"],
              lemmas=["Reid", "Hoffman", "invest", ".", "a", "round", "lead", "by", "Hoffman"],
              ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON"])
    assert round_investor_spans(doc) == []
