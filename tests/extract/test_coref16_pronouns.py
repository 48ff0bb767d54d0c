"""Pronoun readings (coref16): a subject pronoun continues the entity the sentence before already called by a
subject pronoun (not the owner of a later clause's subject), and an object pronoun is never its own clause's
subject (that would be "itself"). Invented texts."""
from __future__ import annotations

C, P = "COMPANY", "PERSON"


def test_a_subject_pronoun_continues_the_pronoun_chain(make_doc, referent):
    text = ("Marlowe Pay raised $40 million in March. In 2024 it bought Tessaly Data, a Manila start-up, for "
            "$12 million; Tessaly's founder now leads the Philippine business. In June it signed a deal with Orbis Bank.")
    doc = make_doc(text, {"Marlowe Pay": C, "Tessaly Data": C, "Tessaly": C, "Orbis Bank": C})
    assert referent(doc, "it", 1) == "Marlowe Pay"


def test_a_named_subject_still_wins_without_a_pronoun_chain(make_doc, referent):
    text = "Marlowe Pay met Orbis Bank in May. Orbis Bank then hired 40 engineers. In June it opened a branch."
    doc = make_doc(text, {"Marlowe Pay": C, "Orbis Bank": C})
    assert referent(doc, "it") == "Orbis Bank"


def test_an_object_pronoun_is_not_its_own_clause_subject(make_doc, referent):
    text = "Tessaly said on Monday that Marlowe Pay had bought it outright for $12 million."
    doc = make_doc(text, {"Tessaly": C, "Marlowe Pay": C})
    assert referent(doc, "it") == "Tessaly"
