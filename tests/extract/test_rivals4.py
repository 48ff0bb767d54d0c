"""Rivals and makers of models (issue 12, round 4), over hand-typed entities (``make_doc``): benchmark
comparisons between models, models released with "made public", and what a model is built on. Invented
sentences."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations

C, M = "COMPANY", "MODEL"
ENTS = {"Quillon": C, "Initech": C, "Vexa": C, "Kestrel-2": M, "Orca-3": M, "Zephyr-4": M, "Lumen-9B": M}


def facts(make_doc, text, relation, ents=ENTS):
    doc = make_doc(text, ents)
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == relation}


def rivals(make_doc, text, ents=ENTS):
    return {frozenset(pair) for pair in facts(make_doc, text, "competes_with", ents)}


# -- benchmark comparisons between models -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the parser reads "Orca-3 matched" as a modifier of the rival's name: read off the surface
    ("Quillon's chief scientist said in May that Orca-3 matched Initech's Zephyr-4 on reasoning.", {("Orca-3", "Zephyr-4")}),
    ("On the lab's own tests, Kestrel-2 scored well ahead of Orca-3, Initech's Zephyr-4 and Lumen-9B on maths.",
     {("Kestrel-2", "Orca-3"), ("Kestrel-2", "Zephyr-4"), ("Kestrel-2", "Lumen-9B")}),
    # a second comparison joined to the first shares its subject
    ("Quillon says Kestrel-2 beats Orca-3 on coding but remains behind Zephyr-4 on maths.",
     {("Kestrel-2", "Orca-3"), ("Kestrel-2", "Zephyr-4")}),
    ("In our tests Lumen-9B finished just behind Zephyr-4 and on par with Orca-3.", {("Lumen-9B", "Zephyr-4")}),
])
def test_a_benchmark_comparison_sets_models_against_each_other(make_doc, text, expected):
    assert {frozenset(pair) for pair in expected} <= rivals(make_doc, text)


@pytest.mark.parametrize("text", [
    "Kestrel-2 does not beat Orca-3 on any test we ran.",
    "Quillon beat estimates again, and its shares sit well ahead of Initech's.",
    "Kestrel-2 was distilled from Orca-3 and switched from Zephyr-4 to Lumen-9B for its evaluations.",
    # a pronoun in a review may mean any model the passage names: a ranking needs a named model
    "We tried Orca-3 and Zephyr-4 on long documents. On coding, it's clearly behind Lumen-9B.",
])
def test_no_rivalry_without_a_comparison_of_two_named_models(make_doc, text):
    found = rivals(make_doc, text)
    assert frozenset(("Kestrel-2", "Orca-3")) not in found and frozenset(("Quillon", "Initech")) not in found
    assert not any("Lumen-9B" in pair for pair in found)


# -- made public --------------------------------------------------------------------------------------

def test_the_company_that_made_a_model_public_develops_it_and_not_the_models_listed_before(make_doc):
    text = "Orca-3 scored ahead of Lumen-9B and Zephyr-4, the model that Vexa's Initech made public last month."
    made = facts(make_doc, text, "develops")
    assert ("Initech", "Zephyr-4") in made
    assert ("Initech", "Lumen-9B") not in made and ("Vexa", "Zephyr-4") not in made


@pytest.mark.parametrize("text, expected", [
    ("Initech made Zephyr-4 public in March under an open licence.", True),
    ("Initech made Zephyr-4 available to its cloud customers in March.", False),
])
def test_made_public_is_a_release_and_made_available_is_not(make_doc, text, expected):
    assert (("Initech", "Zephyr-4") in facts(make_doc, text, "develops")) is expected


# -- what a model is built on is another's -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Quillon published six smaller models built on Initech's Zephyr-4 and Vexa's Orca-3.",
    "Quillon released distilled models trained on Zephyr-4 outputs.",
])
def test_the_models_a_release_is_built_on_are_not_the_releasers(make_doc, text):
    made = facts(make_doc, text, "develops")
    assert ("Quillon", "Zephyr-4") not in made and ("Quillon", "Orca-3") not in made
    assert ("Initech", "Zephyr-4") in made or "Initech" not in text


# -- a company answering a rival with a model; rivals listed after "challengers to A" -------------

@pytest.mark.parametrize("text, expected", [
    ("A week later Initech answered with Zephyr-4, which it says is cheaper to run.", True),
    ("Initech responded in March with Zephyr-4, a cheaper model.", True),
    ("Initech answered with a lawsuit against Vexa.", False),
])
def test_a_company_answering_with_a_model_develops_it(make_doc, text, expected):
    made = facts(make_doc, text, "develops")
    assert (("Initech", "Zephyr-4") in made) is expected
    assert ("Initech", "Vexa") not in made


@pytest.mark.parametrize("text", [
    "Challengers to Quillon such as Orlith and Brindle have raised billions.",
    "Rivals of Vexa such as Orlith and Brindle have raised billions.",
])
def test_challengers_to_a_company_listed_after_such_as_compete_with_it(make_doc, text):
    ents = {"Vexa": C, "Quillon": C, "Orlith": C, "Brindle": C}
    rival = "Vexa" if "Vexa" in text else "Quillon"
    assert {frozenset((rival, "Orlith")), frozenset((rival, "Brindle"))} <= rivals(make_doc, text, ents)


def test_customers_of_a_company_listed_after_such_as_are_no_rivals(make_doc):
    ents = {"Vexa": C, "Orlith": C, "Brindle": C}
    assert not rivals(make_doc, "Customers of Vexa such as Orlith and Brindle have raised prices.", ents)


# -- a family glued to a dotted version, then a tier: a model's name ------------------------------

def test_a_glued_dotted_version_with_a_tier_is_a_model(newsgraph_nlp):
    from extract.pipeline import extract_article
    from extract.records import Article

    text = "Alibaba responded on Thursday with Qwen3.5-Turbo, claiming it beats DeepSeek-V3 on maths."
    extraction = extract_article(newsgraph_nlp, Article("t", text))
    assert ("Qwen3.5-Turbo", "model") in {(m.text, m.type) for m in extraction.mentions}
    assert ("Alibaba", "develops", "Qwen3.5-Turbo") in {(r.source.text, r.relation, r.target.text) for r in extraction.relations}


# -- a company that founds or sets up another owns it ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Vexa Labs was set up in 2023 by Initech, the hedge fund, which still funds it.",
    "Vexa Labs was founded by Initech in 2019 as a research unit.",
    "Vexa Labs, which was established by Initech in 2021, builds robots.",
])
def test_a_company_set_up_by_another_is_part_of_it(make_doc, text):
    ents = {"Vexa Labs": C, "Initech": C}
    assert ("Vexa Labs", "Initech") in facts(make_doc, text, "part_of", ents)


def test_a_company_founded_by_a_person_is_part_of_no_one(make_doc):
    ents = {"Vexa Labs": C, "Mara Quell": "PERSON", "Initech": C}
    text = "Vexa Labs was founded in 2022 by Mara Quell, a former Initech researcher."
    assert not facts(make_doc, text, "part_of", ents)


# -- "X's latest, Y": a company's newest release ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Initech's latest, Zephyr-4, was released on Tuesday.", True),
    ("Initech raised $40 million last year. Its newest is Zephyr-4, a 7B model.", True),
    ("Initech's latest results beat forecasts, helped by Vexa's Zephyr-4.", False),
])
def test_a_companys_latest_names_its_newest_release(make_doc, text, expected):
    assert (("Initech", "Zephyr-4") in facts(make_doc, text, "develops")) is expected


# -- what a headline's model beats is not what its company releases ----------------------------------

def _headline_parsed_as_in_the_wild():
    """ "Initech releases Zephyr-4, an open model it says beats Orca-3 and Lumen-9B", parsed as the parser
    parsed a real headline of this shape: "beats" a noun and "Orca-3" a second object of "releases"."""
    import spacy
    from spacy.tokens import Doc, Span

    words = ["Initech", "releases", "Zephyr-4", ",", "an", "open", "model", "it", "says", "beats", "Orca-3", "and", "Lumen-9B"]
    heads = [1, 1, 1, 1, 6, 6, 1, 8, 6, 1, 1, 10, 10]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "amod", "npadvmod", "nsubj", "relcl", "dobj", "dobj", "cc", "conj"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PRON", "VERB", "NOUN", "PROPN", "CCONJ", "PROPN"]
    tags = ["NNP", "VBZ", "NNP", ",", "DT", "JJ", "NN", "PRP", "VBZ", "NNS", "NNP", "CC", "NNP"]
    lemmas = ["Initech", "release", "Zephyr-4", ",", "an", "open", "model", "it", "say", "beat", "Orca-3", "and", "Lumen-9B"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * 12)
    doc.ents = [Span(doc, 0, 1, "COMPANY"), Span(doc, 2, 3, "MODEL"), Span(doc, 10, 11, "MODEL"), Span(doc, 12, 13, "MODEL")]
    return doc


def test_the_models_a_headline_says_its_model_beats_are_not_released_by_its_company():
    doc = _headline_parsed_as_in_the_wild()
    made = {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == "develops"}
    assert ("Initech", "Zephyr-4") in made
    assert ("Initech", "Orca-3") not in made and ("Initech", "Lumen-9B") not in made


# -- a rivalry verb the tagger read as a noun, with adverbs before its preposition -------------------

def test_competes_read_as_a_noun_still_takes_its_rival_after_adverbs():
    """ "Mistral competes most directly with Meta" as the parser read it in a trade article: "Mistral" a
    modifier of the noun "competes", the rival after two adverbs."""
    import spacy
    from spacy.tokens import Doc, Span

    words = ["Quillon", "competes", "most", "directly", "with", "Vexa", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 1, 4, 1],
              deps=["amod", "ROOT", "advmod", "advmod", "prep", "pobj", "punct"],
              pos=["ADJ", "NOUN", "ADV", "ADV", "ADP", "PROPN", "PUNCT"], tags=["JJ", "NNS", "RBS", "RB", "IN", "NNP", "."],
              lemmas=["quillon", "compete", "most", "directly", "with", "Vexa", "."], sent_starts=[True] + [False] * 6)
    doc.ents = [Span(doc, 0, 1, "COMPANY"), Span(doc, 5, 6, "COMPANY")]
    found = {frozenset((r.source.text, r.target.text)) for r in find_relations(doc, "t", entity_refs(doc))
             if r.relation == "competes_with"}
    assert frozenset(("Quillon", "Vexa")) in found
