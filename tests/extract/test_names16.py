"""names16: name cards ("Anton Osika, Lovable") and last words no surname is ("Walden Catalyst")."""
import spacy

from extract.components import _is_name_card, _is_name_line
from extract.entities import is_no_surname, looks_like_person_name

NLP = spacy.blank("en")


def test_name_card_line_names_a_person():
    doc = NLP("Five founders to know\nMina Holt, Zorblax\nHolt runs Zorblax.\nBy Ada Renn, staff writer")
    assert _is_name_line(doc[5:7], "PERSON")
    assert _is_name_line(doc[16:18], "PERSON")
    assert not _is_name_line(doc[5:7], "ORG")


def test_name_card_is_no_sentence():
    assert _is_name_card("Tobias Marquart, Quendrel", "Tobias Marquart")
    assert _is_name_card("Lena Dufresne, formerly Caldora", "Lena Dufresne")
    assert not _is_name_card("Tobias Marquart, who runs Quendrel, said the round closed.", "Tobias Marquart")
    assert not _is_name_card("The rise of Tobias Marquart, Quendrel", "Tobias Marquart")


def test_no_surname_last_words():
    assert [is_no_surname(w) for w in ("Catalyst", "Kapital", "Equity", "Autonomy", "Analytics", "Biology")] == [True] * 6
    assert not any(is_no_surname(w) for w in ("Huang", "Mendez", "Kellogg", "Rhodes", "Brody", "Baker", "City"))


def test_firm_names_do_not_look_like_people():
    doc = NLP("Orrel Catalyst and Varnholt Autonomy hired Ingrid Solheim")
    assert not looks_like_person_name(doc[0:2])
    assert not looks_like_person_name(doc[3:5])
    assert looks_like_person_name(doc[6:8])


def test_full_name_before_and_shares_no_surname():
    from extract.name_cues import shared_surname_spans
    doc = NLP("Then Mina Holt and Ada Renn left .")
    for t, pos, dep, head in [(1, "PROPN", "compound", 2), (2, "PROPN", "nsubj", 6), (4, "PROPN", "compound", 5), (5, "PROPN", "conj", 2)]:
        doc[t].pos_, doc[t].dep_, doc[t].head = pos, dep, doc[head]
    full = [(doc[1:3], "COMPANY", "ner", None), (doc[4:6], "PERSON", "ner", None)]
    assert shared_surname_spans(doc, full) == []
    # a lone given name before "and" still shares the surname ("Dario and Daniela Amodei")
    doc = NLP("then Dario and Ada Renn left .")
    for t, pos, dep, head in [(1, "PROPN", "nsubj", 5), (3, "PROPN", "compound", 4), (4, "PROPN", "conj", 1)]:
        doc[t].pos_, doc[t].dep_, doc[t].head = pos, dep, doc[head]
    assert [c[3] for c in shared_surname_spans(doc, [(doc[3:5], "PERSON", "ner", None)])] == ["Dario Renn"]
