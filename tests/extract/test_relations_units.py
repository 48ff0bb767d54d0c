"""Units named after their parent ("Google Brain"), models a company's statement introduces, and the
gazetteer's known developers that keep inferred ones honest."""
from __future__ import annotations

import pytest

from extract.gazetteer import GazetteerError, _load, load_gazetteer
from extract.relations import find_relations


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture
def make_known_doc(make_doc, gazetteer):
    """A hand-typed Doc that also carries what ``newsgraph_entities`` leaves for the relation rules."""
    def _make(text, ents):
        doc = make_doc(text, ents)
        doc.user_data["newsgraph_gazetteer"] = gazetteer.fingerprint
        return doc

    return _make


def _triples(doc):
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t1")}


# -- units named after their parent ----------------------------------------------------------------
@pytest.mark.parametrize("text, unit, parent", [
    ("Gomez was an intern at Google Brain, the search company's research unit.", "Google Brain", "Google"),
    ("Amazon Web Services, the retailer's cloud division, signed the contract.", "Amazon Web Services", "Amazon"),
    ("Microsoft AI, a new unit, will build consumer products.", "Microsoft AI", "Microsoft"),
])
def test_unit_named_after_a_known_parent_is_part_of_it(make_known_doc, text, unit, parent):
    doc = make_known_doc(text, {unit: "COMPANY"})
    relations = [r for r in find_relations(doc, "t1") if r.relation == "part_of"]
    assert [(r.source.text, r.target.text) for r in relations] == [(unit, parent)]
    # the parent is a span inside the unit's name, with the gazetteer's canonical name
    assert relations[0].target.canonical == parent
    assert relations[0].target.start == relations[0].source.start


@pytest.mark.parametrize("text, name", [
    ("Google Brain published a paper on transformers.", "Google Brain"),  # no unit word: not a statement
    ("Inflection AI, a research unit of sorts, built Pi.", "Inflection AI"),  # a name's own suffix, one company
    ("Zorblax Research, a unit of the firm, grew.", "Zorblax Research"),  # the parent is not a known company
])
def test_no_unit_without_a_unit_word_a_real_parent_or_a_known_one(make_known_doc, text, name):
    assert not [t for t in _triples(make_known_doc(text, {name: "COMPANY"})) if t[1] == "part_of"]


def test_unit_ends_become_mentions_of_the_article():
    from extract.pipeline import extract_article, load_nlp
    from extract.records import Article

    result = extract_article(load_nlp(), Article("a1", "Gomez interned at Google Brain, the search company's research unit."))
    parts = [r for r in result.relations if r.relation == "part_of"]
    assert [(r.source.text, r.target.text) for r in parts] == [("Google Brain", "Google")]
    spans = {(m.text, m.start, m.end) for m in result.mentions}
    assert ("Google", parts[0].target.start, parts[0].target.end) in spans


# -- a model introduced by its company's own statement ---------------------------------------------
@pytest.mark.parametrize("text, company, model", [
    ("Zorblax grew fast, and the company says Quill-2, a 22B model for lawyers, has been downloaded widely.",
     "Zorblax", "Quill-2"),
    ("Jane Roe, Zorblax's chief technology officer, said a small model known as Quill-2 would run on phones.",
     "Zorblax", "Quill-2"),
    ("Zorblax announced that a new model called Quill-2 would ship in June.", "Zorblax", "Quill-2"),
])
def test_model_introduced_in_a_company_statement_is_its_own(make_known_doc, text, company, model):
    ents = {company: "COMPANY", model: "MODEL", "Jane Roe": "PERSON"}
    relations = [r for r in find_relations(make_known_doc(text, {k: v for k, v in ents.items() if k in text}), "t1")
                 if r.relation == "develops"]
    assert [(r.source.text, r.target.text) for r in relations] == [(company, model)]
    assert relations[0].confidence < 0.6  # an inference, below any stated develops


@pytest.mark.parametrize("text, ents", [
    # the gazetteer knows Llama 2 is Meta's
    ("Microsoft said Llama 2, an open model, will run on Azure.", {"Microsoft": "COMPANY", "Llama 2": "MODEL"}),
    # the definite description does not introduce a model
    ("Zorblax said Quill-2, the model everyone uses, is slow.", {"Zorblax": "COMPANY", "Quill-2": "MODEL"}),
    # a stated developer wins
    ("Zorblax said Quill-2, a model from Nimbus, is fast.", {"Zorblax": "COMPANY", "Nimbus": "COMPANY", "Quill-2": "MODEL"}),
])
def test_no_announced_model_against_known_or_stated_facts(make_known_doc, text, ents):
    got = _triples(make_known_doc(text, ents))
    assert ("Microsoft", "develops", "Llama 2") not in got
    assert ("Zorblax", "develops", "Quill-2") not in got


# -- known developers in the gazetteer ---------------------------------------------------------------
def test_gazetteer_knows_developers_of_families(gazetteer):
    assert gazetteer.developer_of("Llama 3.1 405B") == "Meta"  # the longest known model it starts with
    assert gazetteer.developer_of("GPT-4o") == "OpenAI"
    assert gazetteer.developer_of("Zorb-1") is None


def test_malformed_developer_is_a_gazetteer_error(tmp_path):
    (tmp_path / "models.jsonl").write_text('{"name": "Zorb-1", "type": "model", "developer": ["Zorblax"]}\n')
    with pytest.raises(GazetteerError, match="models.jsonl:1: .*developer"):
        _load(str(tmp_path))


def test_an_organisation_that_comprises_others_is_their_parent(make_doc):
    ents = {"Carrow Health Trust": "ORGANIZATION", "Carrow General Hospital": "ORGANIZATION",
            "Vexa Dental Hospital": "ORGANIZATION", "Vexa Alliance": "ORGANIZATION", "France": "PLACE",
            "Germany": "PLACE", "Carrow Party": "ORGANIZATION"}
    got = _triples(make_doc("The Carrow Health Trust is a public trust. It comprises Carrow General Hospital and the "
                            "Vexa Dental Hospital.", ents))
    assert {("Carrow General Hospital", "part_of", "Carrow Health Trust"),
            ("Vexa Dental Hospital", "part_of", "Carrow Health Trust")} <= got
    got = _triples(make_doc("The Vexa Alliance is composed of the Carrow Party.", ents))
    assert ("Carrow Party", "part_of", "Vexa Alliance") in got
    # places are members of no organisation this way
    got = _triples(make_doc("The Vexa Alliance consists of France and Germany.", ents))
    assert not {t for t in got if t[1] == "part_of"}
