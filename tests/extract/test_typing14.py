"""Typing readings of session 14: labels before a colon, accented model names, a model family's tier,
"managing partner" as a role, and names in one coordination that keep their own type on a tie."""
import spacy
from spacy.tokens import Doc, Span

from extract.components import _coordination_types
from extract.entities import _is_role, model_shape_spans
from extract.name_cues import hyphenated_family, is_field_label, tier_model_spans

BLANK = spacy.blank("en")
ENGLISH = frozenset({"guest", "screen", "listener", "question", "price", "host"})


def test_label_words_before_a_colon_are_no_names():
    doc = BLANK("Hosts: Ann Lee. Guest: Bo Li, analyst\nPrice: $99 | Screen: 6.1-inch\n12:05 Listener question: why?")
    labels = [t.text for t in doc if is_field_label(doc[t.i:t.i + 1], ENGLISH)]
    assert labels == ["Guest", "Price", "Screen", "Listener"]


def test_a_speaker_or_a_name_before_a_colon_is_no_label():
    doc = BLANK("Solberg: Yes, we did.\nThe Guest House: a hotel.\nWe met the guest: Bo Li.")
    assert not any(is_field_label(doc[t.i:t.i + 1], ENGLISH) for t in doc if t.is_title)


def test_accented_model_names_have_the_model_shape():
    doc = BLANK("Tarumã Labs released Jatobá-7B and matched Cajú-3 on the tests.")
    assert [doc.text[s:e] for s, e, _ in model_shape_spans(doc, frozenset())] == ["Jatobá-7B", "Cajú-3"]


def test_a_hyphenated_models_family_with_a_tier_is_a_model():
    doc = BLANK("Sarn-4 is large; Sarn Mini runs on a phone, as GPT-4o Mini does.")
    assert hyphenated_family(doc[0:1]) == "Sarn" and hyphenated_family(doc[9:10]) is None
    assert [c[0].text for c in tier_model_spans(doc, [doc[0:1]])] == ["Sarn Mini"]


def test_managing_partner_is_a_role_and_partner_alone_is_not():
    words = ["their", "managing", "partner", "a", "partner"]
    doc = Doc(BLANK.vocab, words=words, heads=[2, 2, 2, 4, 4], deps=["poss", "amod", "ROOT", "det", "ROOT"],
              pos=["PRON", "VERB", "NOUN", "DET", "NOUN"])
    assert _is_role(doc[2]) and not _is_role(doc[4])


def _coordinated(words, heads, deps):
    return Doc(BLANK.vocab, words=words, heads=heads, deps=deps)


def test_two_names_typed_alike_in_a_coordination_keep_their_types():
    doc = _coordinated(["Zorvex", "and", "Quellan", "compete"], [3, 0, 0, 3], ["nsubj", "cc", "conj", "ROOT"])
    kept = [(doc[0:1], "PERSON", "ner", None), (doc[2:3], "COMPANY", "ner", None)]
    assert [c[1] for c in _coordination_types(kept)] == ["PERSON", "COMPANY"]


def test_people_named_in_full_beside_a_fund_stay_people():
    words = ["led", "by", "Mara", "Okafor", ",", "Ivo", "Lind", "and", "Kestrel", "Capital"]
    heads = [0, 0, 3, 1, 3, 6, 3, 6, 9, 6]
    deps = ["ROOT", "agent", "compound", "pobj", "punct", "compound", "conj", "cc", "compound", "conj"]
    doc = _coordinated(words, heads, deps)
    kept = [(doc[2:4], "PERSON", "ner", None), (doc[5:7], "PERSON", "ner", None), (doc[8:10], "COMPANY", "name_shape", None)]
    assert [c[1] for c in _coordination_types(kept)] == ["PERSON", "PERSON", "COMPANY"]


def test_a_person_shaped_name_among_firms_is_a_firm():
    words = ["from", "Sequoia", ",", "Atlassian", "and", "Jane", "Street"]
    heads = [0, 0, 1, 1, 3, 6, 3]
    deps = ["ROOT", "pobj", "punct", "conj", "cc", "compound", "conj"]
    doc = _coordinated(words, heads, deps)
    kept = [(doc[1:2], "COMPANY", "gazetteer", None), (doc[3:4], "COMPANY", "gazetteer", None), (doc[5:7], "PERSON", "ner", None)]
    assert [c[1] for c in _coordination_types(kept)] == ["COMPANY", "COMPANY", "COMPANY"]


def test_a_full_name_typed_a_firm_beside_a_person_is_a_person_on_a_tie():
    doc = _coordinated(["by", "Dov", "Ha", "and", "Lia", "Jones"], [0, 2, 0, 2, 5, 2], ["ROOT", "compound", "pobj", "cc", "compound", "conj"])
    kept = [(doc[1:3], "PERSON", "ner", None), (doc[4:6], "COMPANY", "ner", None)]
    assert [c[1] for c in _coordination_types(kept)] == ["PERSON", "PERSON"]


def test_a_units_letter_written_onto_a_number_is_no_name():
    from extract.components import is_name_fragment
    doc = BLANK("It keeps a 128K context and shoots 4K video at Kestrel K.")
    assert [t.text for t in doc if len(t) == 1 and t.is_upper and is_name_fragment(doc[t.i:t.i + 1])] == ["K", "K"]
    assert not is_name_fragment(doc[len(doc) - 2:len(doc) - 1])


def test_a_plural_noun_that_opens_a_sentence_is_no_name_unless_capitalised_inside_one():
    from extract.name_cues import is_capitalised_plural
    doc = BLANK("Utilities in Ohio say so. Regulators agree. Emirates flew. We took Emirates.")
    english = frozenset({"utility", "regulator", "emirate", "say", "agree"})
    assert [t.text for t in doc if t.is_title and is_capitalised_plural(doc[t.i:t.i + 1], english)] == ["Utilities", "Regulators"]
