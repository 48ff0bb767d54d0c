"""Entity typing rules, on hand-built Docs and spacy.blank("en") so a new model release cannot break them."""
from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc, Span

from extract.components import EntityTyper, clean_span
from extract.entities import (
    boilerplate_ranges, has_company_context, has_person_context, has_strong_model_context, heading_ranges,
    looks_like_person_name, mention_from_span, model_shape_spans, strip_model_stage,
)
from extract.gazetteer import GazetteerError, load_gazetteer


def parsed(blank, words, heads, deps, pos=None, ents=(), spaces=None):
    """A Doc with a hand-written parse: ``heads`` are absolute token indices."""
    doc = Doc(blank.vocab, words=words, spaces=spaces, heads=heads, deps=deps,
              pos=pos or ["PROPN" if w[:1].isupper() else "NOUN" for w in words],
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


# -- name shapes --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Phi-3 Mini beats GP-3.5.", ["Phi-3 Mini", "GP-3.5"]),
    ("MAI-1-preview and MAI-Voice-1 ship.", ["MAI-1-preview", "MAI-Voice-1"]),
    ("Meta released Llama 3.1 405B and Llama 3 70B.", ["Llama 3.1 405B", "Llama 3 70B"]),
    ("Claude 3.5 Sonnet and Gemini 1.0 Ultra compete.", ["Claude 3.5 Sonnet", "Gemini 1.0 Ultra"]),
    ("Mistral Large 2 and GPT-4o mini are out.", ["Mistral Large 2", "GPT-4o mini"]),
    ("Qwen2-72B and Grok-2 lead.", ["Qwen2-72B", "Grok-2"]),
])
def test_model_shapes(blank, text, expected):
    families = frozenset({"Phi", "Llama", "Claude", "Gemini", "Mistral", "GPT", "Grok"})
    doc = blank(text)
    assert [doc.text[s:e] for s, e, _ in model_shape_spans(doc, families)] == expected


def test_spaced_shapes_need_a_known_family(blank):
    doc = blank("Windows 11 shipped on May 6, 2024 with Series 5 and Llama 2.")
    assert [doc.text[s:e] for s, e, _ in model_shape_spans(doc, frozenset({"Llama"}))] == ["Llama 2"]


def test_unknown_hyphen_family_is_flagged_unknown(blank):
    doc = blank("COVID-19 and Zork-7 appeared.")
    assert [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset())] == [
        ("COVID-19", False), ("Zork-7", False)]


def test_release_stage_is_the_same_model():
    assert strip_model_stage("MAI-1-preview") == "MAI-1"
    assert strip_model_stage("Gemini 2.0 Flash experimental") == "Gemini 2.0 Flash"
    assert strip_model_stage("GPT-4 Turbo") == "GPT-4 Turbo"


# -- page furniture -----------------------------------------------------------------

def test_boilerplate_lines():
    text = ("Acme bought Zorb.\nShare this article\nTwitter    Linkedin    Facebook\n"
            "Exit mobile version\nGoogle and Meta compete.\n")
    found = [text[s:e] for s, e in boilerplate_ranges(text)]
    assert found == ["Share this article", "Twitter    Linkedin    Facebook", "Exit mobile version"]


def test_heading_lines_are_title_case_without_final_stop():
    text = "Microsoft Is Going All-In On AI\nMicrosoft is going all-in on AI.\nShort\n"
    assert [text[s:e] for s, e in heading_ranges(text)] == ["Microsoft Is Going All-In On AI", "Short"]


def test_clean_span_trims_junk(blank):
    doc = blank("• “Nvidia’s")
    assert clean_span(doc[:]).text == "Nvidia"
    assert clean_span(blank("the ,")[:]) is None


def test_link_list_span_is_rejected(blank):
    doc = blank("Twitter    Linkedin")
    assert clean_span(doc[:]) is None


def test_person_name_shape(blank):
    assert looks_like_person_name(blank("Fei-Fei Li")[:])
    assert looks_like_person_name(blank("Jensen Huang")[:])
    assert not looks_like_person_name(blank("Acme Robotics Inc.")[:])
    assert not looks_like_person_name(blank("GPT-4")[:])


# -- context rules on hand-built parses ----------------------------------------------

def test_apposition_with_company_noun_makes_a_company(blank):
    # Zorblax , the startup
    doc = parsed(blank, ["Zorblax", ",", "the", "startup", "raised", "money"],
                 [4, 0, 3, 0, 4, 4], ["nsubj", "punct", "det", "appos", "ROOT", "dobj"])
    assert has_company_context(doc[0:1])


def test_possessor_of_role_noun_is_a_company(blank):
    # Zorblax 's CEO Kim Lee spoke
    doc = parsed(blank, ["Zorblax", "'s", "CEO", "Kim", "Lee", "spoke"],
                 [2, 0, 4, 4, 5, 5], ["poss", "case", "compound", "compound", "nsubj", "ROOT"])
    assert has_company_context(doc[0:1])
    assert has_person_context(doc[3:5])


def test_place_modifying_company_is_not_a_company(blank):
    # the US company
    doc = parsed(blank, ["the", "US", "company", "grew"], [2, 2, 3, 3], ["det", "compound", "nsubj", "ROOT"])
    assert has_company_context(doc[1:2])
    assert not has_company_context(doc[1:2], modifier=False)


def test_founded_by_gives_a_person(blank):
    # Acme was founded by Omri Geller
    doc = parsed(blank, ["Acme", "was", "founded", "by", "Omri", "Geller"],
                 [2, 2, 2, 2, 5, 3], ["nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj"],
                 pos=["PROPN", "AUX", "VERB", "ADP", "PROPN", "PROPN"])
    doc[2].lemma_ = "found"
    assert has_person_context(doc[4:6])
    assert has_company_context(doc[0:1])


def test_model_apposition(blank):
    # Poro , a 34B model
    doc = parsed(blank, ["Poro", ",", "a", "34B", "model"], [0, 0, 4, 4, 0],
                 ["ROOT", "punct", "det", "compound", "appos"])
    assert has_strong_model_context(doc[0:1])


# -- the component on hand-built docs ---------------------------------------------------

def test_component_types_gazetteer_names_and_drops_generic_words(blank, blank_typer):
    doc = parsed(blank, ["Microsoft", "trains", "AI", "like", "GPT-4", "."], [1, 1, 1, 1, 3, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                 ents=[(0, 1, "ORG"), (2, 3, "ORG"), (4, 5, "PERSON")])
    doc = blank_typer(doc)
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [
        ("Microsoft", "COMPANY", "Microsoft"), ("GPT-4", "MODEL", "GPT-4")]


def test_component_metonym_only_when_used_as_company(blank, blank_typer):
    # (a metonym refers back to its company, which the article names: here "Microsoft")
    doc = parsed(blank, ["Microsoft", "said", "Redmond", "'s", "team", "met", "people", "in", "Redmond"],
                 [1, 1, 4, 2, 5, 1, 5, 5, 7], ["nsubj", "ROOT", "poss", "case", "nsubj", "ccomp", "dobj", "prep", "pobj"])
    doc = blank_typer(doc)
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [
        ("Microsoft", "COMPANY", "Microsoft"), ("Redmond", "COMPANY", "Microsoft"), ("Redmond", "PLACE", "Redmond")]


def test_component_metonym_after_an_article_is_where_a_company_is_based(blank, blank_typer):
    # "the Redmond company" is a company based in Redmond; coreference decides which (issue 13)
    # (after another company is named since Microsoft, coreference reads the town as a descriptor)
    doc = parsed(blank, ["Microsoft", "met", "Intel", ";", "the", "Redmond", "company", "grew"],
                 [1, 1, 1, 1, 6, 6, 7, 1], ["nsubj", "ROOT", "dobj", "punct", "det", "compound", "nsubj", "conj"])
    doc = blank_typer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Microsoft", "COMPANY"), ("Intel", "COMPANY"), ("Redmond", "PLACE")]


def test_component_unknown_model_shape_needs_context(blank, blank_typer):
    words = ["Zork-7", "is", "a", "new", "model", ".", "COVID-19", "spread", "."]
    doc = Doc(blank.vocab, words=words, heads=[1, 1, 4, 4, 1, 1, 7, 7, 7],
              deps=["nsubj", "ROOT", "det", "amod", "attr", "punct", "nsubj", "ROOT", "punct"],
              sent_starts=[True, False, False, False, False, False, True, False, False])
    doc = blank_typer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Zork-7", "MODEL")]


def test_component_stage_suffix_canonical(blank, blank_typer):
    doc = blank("MAI-1-preview is out")
    doc = blank_typer(doc)
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [("MAI-1-preview", "MODEL", "MAI-1")]


def test_component_drops_share_link_lines(blank, blank_typer):
    doc = blank("Meta rose.\nTwitter    Facebook    Instagram\n")
    doc = blank_typer(doc)
    assert [e.text for e in doc.ents] == ["Meta"]


def test_component_coordinated_names_share_a_type(blank, blank_typer):
    # founded by Arthur Mensch , Guillaume Lample and Timothee Lacroix
    words = ["founded", "by", "Arthur", "Mensch", ",", "Guillaume", "Lample", "and", "Timothee", "Lacroix", "."]
    heads = [0, 0, 3, 1, 3, 6, 3, 6, 9, 6, 0]
    deps = ["ROOT", "agent", "compound", "pobj", "punct", "compound", "conj", "cc", "compound", "conj", "punct"]
    doc = parsed(blank, words, heads, deps, ents=[(2, 4, "PERSON"), (5, 7, "ORG"), (8, 10, "PERSON")])
    doc = blank_typer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Arthur Mensch", "PERSON"), ("Guillaume Lample", "PERSON"), ("Timothee Lacroix", "PERSON")]


@pytest.mark.parametrize("words, expected", [
    (["Acme", "Robotics", "released", "Quill", "."], [("Acme Robotics", "COMPANY")]),
    (["Investors", "in", "Lumen", "AI", "and", "Halcyon", "Labs", "cheered", "."],
     [("Lumen AI", "COMPANY"), ("Halcyon Labs", "COMPANY")]),
    # a field is not a company, and a product word ends no company name without the NER
    (["Generative", "AI", "and", "Acme", "Cloud", "grew", "."], []),
])
def test_component_company_name_shapes_without_ner(blank, blank_typer, words, expected):
    doc = parsed(blank, words, [0] * len(words), ["ROOT"] + ["dep"] * (len(words) - 1))
    doc = blank_typer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected
    assert all(e._.entity_source == "name_shape" for e in doc.ents)


def test_component_field_before_ai_is_no_company_even_from_the_ner(blank, blank_typer):
    doc = parsed(blank, ["Generative", "AI", "is", "hot", "."], [1, 2, 2, 2, 2], ["compound", "nsubj", "ROOT", "acomp", "punct"],
                 ents=[(0, 2, "ORG")])
    assert list(blank_typer(doc).ents) == []


def test_mention_record_from_component(blank, blank_typer):
    doc = blank_typer(blank("Nvidia rose."))
    m = mention_from_span(doc.ents[0], "a1")
    assert (m.text, m.type, m.canonical, m.source, m.start, m.end) == ("Nvidia", "company", "Nvidia", "gazetteer", 0, 6)


# -- gazetteer data -------------------------------------------------------------------

def test_user_gazetteer_folder(tmp_path, blank):
    (tmp_path / "mine.jsonl").write_text(json.dumps({"name": "Zorblax", "type": "company", "aliases": ["Zorb"]}) + "\n")
    (tmp_path / "not_entities.txt").write_text("# comment\nAI\n")
    g = load_gazetteer(tmp_path)
    assert {(e.surface, e.canonical) for e in g.entries} == {("Zorblax", "Zorblax"), ("Zorb", "Zorblax")}
    assert g.not_entities == frozenset({"AI"})
    doc = EntityTyper(blank, gazetteer_dir=str(tmp_path))(blank("Zorb grew."))
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [("Zorb", "COMPANY", "Zorblax")]


def test_malformed_gazetteer_line_names_file_and_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"name": "A", "type": "company"}\n{"name": \n')
    with pytest.raises(GazetteerError, match=r"bad.jsonl:2"):
        load_gazetteer(tmp_path)


def test_gazetteer_fingerprint_changes_with_data(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"name": "A", "type": "company"}) + "\n")
    first = load_gazetteer(tmp_path).fingerprint
    other = tmp_path / "b"
    other.mkdir()
    (other / "a.jsonl").write_text(json.dumps({"name": "B", "type": "company"}) + "\n")
    assert load_gazetteer(other).fingerprint != first


def test_component_failure_leaves_doc_without_entities_and_says_why(blank, monkeypatch):
    typer = EntityTyper(blank)

    def broken(doc):
        raise ValueError("bad span")

    monkeypatch.setattr(typer, "_type", broken)
    doc = typer(blank("Nvidia rose."))
    assert list(doc.ents) == []
    assert doc.user_data["newsgraph_errors"] == ["newsgraph_entities: ValueError: bad span"]


def test_copula_with_company_noun_makes_a_company(blank):
    # Zorblax is the startup
    doc = parsed(blank, ["Zorblax", "is", "the", "startup"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "attr"],
                 pos=["PROPN", "AUX", "DET", "NOUN"])
    doc[1].lemma_ = "be"
    assert has_company_context(doc[0:1])


def test_surname_that_is_also_a_place_word_stays_a_person(blank):
    assert looks_like_person_name(blank("Ann Park")[:])
    assert not looks_like_person_name(blank("Rohn Glacier")[:])

def test_gazetteer_descriptors_and_metonym_places(tmp_path):
    (tmp_path / "companies.jsonl").write_text(
        json.dumps({"name": "Acme", "type": "company", "descriptors": ["Rocket-Sled", "anvil"]}) + "\n"
        + json.dumps({"name": "Zorb", "type": "company"}) + "\n")
    (tmp_path / "metonyms.jsonl").write_text(json.dumps({"name": "Mesa Flats", "company": "Acme"}) + "\n")
    g = load_gazetteer(tmp_path)
    assert g.descriptors == {"Acme": frozenset({"rocket sled", "anvil", "mesa flats"})}
    bad = tmp_path / "bad"  # (a folder is read once per process)
    bad.mkdir()
    (bad / "companies.jsonl").write_text(json.dumps({"name": "A", "type": "company", "descriptors": "x"}) + "\n")
    with pytest.raises(GazetteerError, match="descriptors"):
        load_gazetteer(bad)
