"""Readings of session 17 (models17): model names led by their maker's name, and the develops they give."""
import spacy
from spacy.tokens import Span

from extract.entities import maker_word_before, maker_named_alone
from extract.product_names import maker_family_spans
from extract.relations.models import _named_after_company


def test_maker_named_alone_leads_the_model_name():
    text = "Ostrava Ledger 9B is the core. We at Ostrava built it; Ostrava's team also ships Ostrava Ledger Mini."
    start = text.index("Ledger 9B")
    assert text[maker_word_before(text, start, frozenset()):start + len("Ledger 9B")] == "Ostrava Ledger 9B"


def test_sentence_start_word_is_no_maker():
    text = "Meanwhile Ledger 9B shipped. Ledger 9B is fast, meanwhile. Meanwhile, it grew."
    assert maker_word_before(text, text.index("Ledger 9B"), frozenset()) is None
    assert not maker_named_alone(text, "Meanwhile", 0)


def test_product_line_beside_its_sized_models_is_a_family():
    doc = spacy.blank("en")("How Ostrava Ledger works. Ostrava Ledger 9B and Ostrava Ledger Mini run here.")
    cands = [(doc[1:3], "COMPANY", "ner", None), (doc[5:8], "MODEL", "model_shape", None),
             (doc[9:12], "MODEL", "model_shape", None)]
    assert [s.text for s, *_ in maker_family_spans(doc, cands)] == ["Ostrava Ledger"]


def test_model_named_with_its_makers_first_word():
    doc = spacy.blank("en")("Ostrava Learning built Ostrava Ledger 9B.")
    assert _named_after_company(Span(doc, 3, 6, label="MODEL"), Span(doc, 0, 2, label="COMPANY"))


def test_name_glued_to_lm_is_a_language_model():
    from extract.product_names import glued_lm_spans
    doc = spacy.blank("en")("Nairobi's Tessaro shipped KitaLM-2 beside OpenELM; the HELM benchmark and Realm Corp are not models.")
    assert [s.text for s, *_ in glued_lm_spans(doc, doc.text)] == ["KitaLM-2", "OpenELM"]


def test_family_word_and_letter_code_is_a_model_of_the_family():
    from extract.product_names import family_code_spans
    doc = spacy.blank("en")("Quill sells Orra-Med 70B; it released Orra X5 in May.")
    model = doc.char_span(doc.text.index("Orra-Med"), doc.text.index(" 70B") + 4)
    assert [s.text for s, *_ in family_code_spans(doc, [(model, "MODEL", "model_shape", None)])] == ["Orra X5"]
    assert family_code_spans(doc, []) == []


def test_company_possessive_before_name_and_version_is_its_model():
    from extract.product_names import owned_versioned_model_spans
    doc = spacy.blank("en")("Orra-7B is a model. Quill's Vela 3, launched in May, makes video.")
    cands = [(doc[0:1], "MODEL", "model_shape", None), (doc[5:6], "COMPANY", "ner", None)]
    assert [s.text for s, *_ in owned_versioned_model_spans(doc, cands)] == ["Vela 3"]
    # no surely named model in the article: no reading
    assert owned_versioned_model_spans(doc, cands[1:]) == []
