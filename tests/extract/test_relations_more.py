"""Relation rules of extract/relations.py, round 4: unattributed releases, shareholders, appositions in
coordinations, plural pronoun rivals, models named after their company."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Meta": "COMPANY", "Amazon": "COMPANY", "Anthropic": "COMPANY",
    "Quill-2": "MODEL", "Llama 3": "MODEL", "Meta Quill": "MODEL",
}


def _relations(make_doc, text, ents=None):
    ents = ents or {k: v for k, v in ENTS.items() if k in text}
    return list(find_relations(make_doc(text, ents), "t1"))


def _triples(make_doc, text, ents=None):
    return {(r.source.text, r.relation, r.target.text) for r in _relations(make_doc, text, ents)}


# -- a model released without an agent, in a passage about a company --------------------------------
@pytest.mark.parametrize("text", [
    "Zorblax also publishes its own models. Quill-2, released in June, has 13 billion parameters.",
    "Zorblax grew fast last year. Quill-2 was trained on court filings.",
    "Zorblax grew fast last year. Quill-2 has 13 billion parameters and was trained on court filings.",
])
def test_agentless_release_takes_the_passage_company(make_doc, text):
    found = [r for r in _relations(make_doc, text) if r.relation == "develops"]
    assert [(r.source.text, r.target.text) for r in found] == [("Zorblax", "Quill-2")]
    assert found[0].confidence < 0.6  # an inference, below any stated develops


def test_stated_agent_or_developer_wins_over_the_passage_company(make_doc):
    got = _triples(make_doc, "Zorblax grew fast. Quill-2, released by Nimbus in June, has 13 billion parameters.")
    assert ("Zorblax", "develops", "Quill-2") not in got
    got = _triples(make_doc, "Zorblax grew fast. Quill-2, released in June, has 13 billion parameters. "
                             "Nimbus's Quill-2 is popular with banks.")
    assert ("Zorblax", "develops", "Quill-2") not in got


@pytest.mark.parametrize("text", [
    # the model is not the subject the passage introduces
    "Zorblax grew fast. Its sales beat Llama 3, released in April.",
    # its name carries another company's
    "Meta is big. Zorblax grew fast. Meta Quill, released in June, has 13 billion parameters.",
    # the company was named too long ago
    "Zorblax grew fast. Sales rose. Prices fell. Quill-2, released in June, has 13 billion parameters.",
])
def test_agentless_release_needs_a_subject_model_and_a_near_company(make_doc, text):
    assert not any(r.relation == "develops" and r.source.text == "Zorblax" for r in _relations(make_doc, text))


# -- a company that is a shareholder, backer or investor, with or without "in Y" -----------------------
STAKE_ENTS = {"Zorblax": "COMPANY", "Nimbus Ventures": "COMPANY", "Nimbus": "COMPANY", "Google": "COMPANY",
              "Amazon": "COMPANY", "Anthropic": "COMPANY", "Siemens": "COMPANY"}


def _stakes(make_doc, text):
    return {(s, t) for s, r, t in _triples(make_doc, text, {k: v for k, v in STAKE_ENTS.items() if k in text})
            if r == "invests_in"}


def test_shareholder_without_in_takes_what_the_sentence_invests_in(make_doc):
    got = _stakes(make_doc, "Anthropic grew. Google agreed in October to invest up to $2 billion in the company, and "
                            "Nimbus Ventures, the investment arm of Nimbus, is also a shareholder.")
    assert {("Google", "Anthropic"), ("Nimbus Ventures", "Anthropic")} <= got


@pytest.mark.parametrize("text", [
    "Amazon is not Anthropic's only backer. Nimbus Ventures is also a shareholder.",
    "Amazon invested in Anthropic last year. Nimbus Ventures is also an investor.",
    "Anthropic makes chatbots. Nimbus Ventures is a shareholder.",
    "Nimbus Ventures is a stakeholder in Anthropic.",
])
def test_predicate_investor_noun_holds_a_stake_in_the_passage_company(make_doc, text):
    assert ("Nimbus Ventures", "Anthropic") in _stakes(make_doc, text)


def test_stake_from_the_passage_alone_has_a_lower_confidence(make_doc):
    text = "Anthropic makes chatbots. Nimbus Ventures is a shareholder."
    found = [r for r in _relations(make_doc, text, {"Anthropic": "COMPANY", "Nimbus Ventures": "COMPANY"})
             if r.relation == "invests_in"]
    assert found and all(r.confidence < 0.6 for r in found)


@pytest.mark.parametrize("text", [
    "Anthropic grew. Nimbus Ventures is not a shareholder.",
    # money into two companies: which one holds the stake is not said
    "Amazon invested in Anthropic and Zorblax. Nimbus Ventures is also a shareholder.",
    # the company was named too long ago
    "Siemens makes trains. Sales rose. Prices fell. Nimbus Ventures is a shareholder.",
])
def test_unnamed_stake_needs_one_near_company_and_no_negation(make_doc, text):
    assert not any(s == "Nimbus Ventures" for s, _ in _stakes(make_doc, text))


def test_company_counting_another_among_its_backers(make_doc):
    assert ("Google", "Zorblax") in _stakes(make_doc, "Zorblax also counts Google among its backers.")


# -- datelines parsed as subjects, described conjuncts ---------------------------------------------------
GROK_ENTS = {"xAI": "COMPANY", "Elon Musk": "PERSON", "Grok-2 mini": "MODEL", "Grok-2": "MODEL", "PALO ALTO": "PLACE",
             "Calif.": "PLACE", "OpenAI": "COMPANY", "GPT-4o": "MODEL", "Meta": "COMPANY", "Llama 3 8B": "MODEL",
             "Llama 3": "MODEL"}


def _grok(make_doc, text):
    return _triples(make_doc, text, {k: v for k, v in GROK_ENTS.items() if k in text})


def test_dateline_subject_stands_for_the_name_after_the_dash(make_doc):
    got = _grok(make_doc, "PALO ALTO, Calif., Aug. 14, 2024 \u2014 xAI, the startup founded by Elon Musk last year, "
                          "released Grok-2 and a smaller sibling, Grok-2 mini, late on Tuesday.")
    assert {("xAI", "develops", "Grok-2"), ("xAI", "develops", "Grok-2 mini")} <= got
    assert not any(s in ("PALO ALTO", "Calif.") for s, _, _ in got)


def test_described_conjunct_is_the_name_in_its_apposition(make_doc):
    found = [r for r in _relations(make_doc, "Meta released Llama 3 and a smaller sibling, Llama 3 8B, on Monday.",
                                   {"Meta": "COMPANY", "Llama 3 8B": "MODEL", "Llama 3": "MODEL"})
             if r.target.text == "Llama 3 8B"]
    # read off the parse, not through coreference: the confidence of a plain verb statement
    from extract.rules import registry

    assert [(r.source.text, r.relation, r.confidence) for r in found] == [
        ("Meta", "develops", registry()["verb.active"].confidence)]


def test_model_ranking_alongside_others_competes_with_them(make_doc):
    got = _grok(make_doc, "xAI says Grok-2 ranks alongside OpenAI's GPT-4o on several public leaderboards.")
    assert ("Grok-2", "competes_with", "GPT-4o") in got


# -- plural object pronouns for a list of names ---------------------------------------------------------
RIVAL_ENTS = {"OpenAI": "COMPANY", "Anthropic": "COMPANY", "Cohere": "COMPANY", "Nvidia": "COMPANY",
              "Microsoft": "COMPANY", "Google": "COMPANY"}


def _rivals(make_doc, text):
    got = _triples(make_doc, text, {k: v for k, v in RIVAL_ENTS.items() if k in text})
    return {frozenset((s, t)) for s, r, t in got if r == "competes_with"}


@pytest.mark.parametrize("text", [
    "Unlike OpenAI and Anthropic, Cohere does not sell a consumer chatbot, but it fights both of them for corporate contracts.",
    "Unlike OpenAI and Anthropic, Cohere does not sell a chatbot, but it fights them for contracts.",
    "Cohere admires OpenAI and Anthropic and competes with both.",
])
def test_plural_object_pronoun_stands_for_the_list_before_it(make_doc, text):
    assert {frozenset(("Cohere", "OpenAI")), frozenset(("Cohere", "Anthropic"))} <= _rivals(make_doc, text)


def test_plural_pronoun_nearer_a_plural_noun_means_the_noun(make_doc):
    got = _rivals(make_doc, "Microsoft and Google make chips, and Nvidia competes with them.")
    assert not {frozenset(("Nvidia", "Microsoft")), frozenset(("Nvidia", "Google"))} & got


def test_plural_object_pronoun_is_not_a_list_holding_its_own_subject(make_doc):
    from extract.coref import entity_refs
    from extract.relations.core import _plural_pronoun_group

    doc = make_doc("Cohere and OpenAI grew, and Cohere fights them.", {"Cohere": "COMPANY", "OpenAI": "COMPANY"})
    them = next(t for t in doc if t.lower_ == "them")
    assert _plural_pronoun_group(them, entity_refs(doc)) == []
    doc = make_doc("Unlike OpenAI and Anthropic, Cohere fights them.", {k: "COMPANY" for k in ("Cohere", "OpenAI", "Anthropic")})
    them = next(t for t in doc if t.lower_ == "them")
    assert [e.text for e, _ in _plural_pronoun_group(them, entity_refs(doc))] == ["OpenAI", "Anthropic"]


def test_rival_list_after_a_description_subject(make_doc):
    got = _rivals(make_doc, "Cohere grew fast. The Toronto company competes with OpenAI and Anthropic for customers.")
    assert {frozenset(("Cohere", "OpenAI")), frozenset(("Cohere", "Anthropic"))} <= got


# -- a model named after a company of the article ----------------------------------------------------
NAMED_ENTS = {"Zorblax AI": "COMPANY", "Zorblax Large": "MODEL", "Zorblax-2": "MODEL", "Nimbus": "COMPANY",
              "Nimbus Zorblax Mini": "MODEL", "Quill-2": "MODEL", "Meta": "COMPANY", "Zorblax Nano": "MODEL"}


def _named(make_doc, text):
    return _relations(make_doc, text, {k: v for k, v in NAMED_ENTS.items() if k in text})


@pytest.mark.parametrize("model", ["Zorblax Large", "Zorblax-2"])
def test_model_named_after_a_company_of_the_article(make_doc, model):
    text = f"Zorblax AI raised money on Monday. Microsoft brought {model} to its cloud in February. {model} is popular."
    found = [r for r in _named(make_doc, text) if r.relation == "develops"]
    assert [(r.source.text, r.target.text) for r in found] == [("Zorblax AI", model)]
    assert found[0].confidence <= 0.5
    assert found[0].evidence.sentence == f"Microsoft brought {model} to its cloud in February."  # the first mention


def test_model_named_after_a_company_yields_to_a_stated_developer(make_doc):
    got = {(r.source.text, r.relation, r.target.text) for r in _named(
        make_doc, "Zorblax AI raised money. Nimbus released Zorblax Large on Monday.")}
    assert ("Zorblax AI", "develops", "Zorblax Large") not in got
    assert ("Nimbus", "develops", "Zorblax Large") in got


def test_model_name_must_start_with_the_company_name(make_doc):
    got = _named(make_doc, "Zorblax AI raised money. Nimbus Zorblax Mini and Quill-2 are popular with banks.")
    assert not any(r.source.text == "Zorblax AI" for r in got)


# -- object-gap relative clauses and plural descriptions ---------------------------------------------
def test_object_gap_relative_clause_with_a_plural_description(make_doc):
    text = ("Last week Zorblax and Nimbus announced a partnership under which Nimbus will sell Quill-2, "
            "a legal model the two companies are developing together, to banks.")
    got = _triples(make_doc, text)
    assert {("Zorblax", "develops", "Quill-2"), ("Nimbus", "develops", "Quill-2")} <= got



def test_relative_clause_whose_pronoun_is_the_subject_has_no_gap(make_doc):
    got = _triples(make_doc, "Zorblax and Nimbus met. Quill-2 is a model that the two companies sell.",
                   {"Quill-2": "MODEL", "Zorblax": "COMPANY", "Nimbus": "COMPANY"})
    assert not any(rel == "develops" for _, rel, _ in got)


# -- founders hired away, plural titles ----------------------------------------------------------------
def test_founders_a_company_hires_founded_the_other_company_of_the_sentence(make_doc):
    ents = {"Nimbus": "COMPANY", "Zorblax": "COMPANY", "Ada Stone": "PERSON", "Ben Marsh": "PERSON"}
    got = _triples(make_doc, "The deal mirrors Nimbus's arrangement with Zorblax in March, when Nimbus hired "
                             "co-founders Ada Stone and Ben Marsh along with most of the staff.", ents)
    assert {("Ada Stone", "founded", "Zorblax"), ("Ben Marsh", "founded", "Zorblax")} <= got
    assert ("Ada Stone", "founded", "Nimbus") not in got
    # two other companies in the sentence: no guess
    ents["Acme"] = "COMPANY"
    got = _triples(make_doc, "After talks with Zorblax and Acme, Nimbus hired co-founders Ada Stone and Ben Marsh.", ents)
    assert not any(rel == "founded" for _, rel, _ in got)


def test_comparison_verb_that_lost_its_object_takes_the_names_written_after_it(make_doc):
    ents = {"Zorblax": "COMPANY", "Nimbus": "COMPANY", "Meta": "COMPANY", "Quill-2": "MODEL",
            "Llama 2 70B": "MODEL", "Orbit-1": "MODEL"}
    got = _triples(make_doc, "Zorblax released Quill-2, a model that it says outperforms Meta's Llama 2 70B and "
                             "Nimbus's Orbit-1 on standard benchmarks.", ents)
    assert ("Quill-2", "competes_with", "Llama 2 70B") in got
    # possessors are owners, not rivals
    assert not any(rel == "competes_with" and "Meta" in (s, t) for s, rel, t in got)
