"""Developers read off model families (extract/families.py), on hand-made records."""
from __future__ import annotations

from extract.families import family_relations, model_family
from extract.records import Evidence, Mention, Relation

TEXT = "xAI released Grok-2. Grok-2 mini is smaller. Meta and Nvidia both tuned Llama 3. Llama 3 Swallow is out."


def _m(text, type_, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    sent_start = TEXT.rfind(". ", 0, start)
    sent_start = 0 if sent_start < 0 else sent_start + 2
    return Mention("a", text, type_, start, start + len(text), sent_start, TEXT.index(".", start) + 1)


def _develops(company, model):
    return Relation(company, "develops", model, Evidence("a", "", 0, 0), 0.8, "verb")


def test_member_of_a_family_with_one_developer_gets_it_with_its_own_sentence():
    xai, grok, mini = _m("xAI", "company"), _m("Grok-2", "model"), _m("Grok-2 mini", "model")
    [rel] = family_relations(TEXT, [xai, grok, mini], [_develops(xai, grok)])
    assert (rel.source, rel.relation, rel.target, rel.rule) == (xai, "develops", mini, "model.family")
    assert rel.evidence.sentence == "Grok-2 mini is smaller." == TEXT[rel.evidence.start:rel.evidence.end]
    assert rel.confidence < 0.8


def test_two_developers_of_a_family_or_none_give_nothing():
    meta, nvidia = _m("Meta", "company"), _m("Nvidia", "company")
    llama, swallow = _m("Llama 3", "model"), _m("Llama 3 Swallow", "model")
    assert list(family_relations(TEXT, [llama, swallow], [_develops(meta, llama), _develops(nvidia, llama)])) == []
    assert list(family_relations(TEXT, [llama, swallow], [])) == []


def test_a_model_with_its_own_developer_is_left_alone():
    xai, grok, mini = _m("xAI", "company"), _m("Grok-2", "model"), _m("Grok-2 mini", "model")
    other = _m("Nvidia", "company")
    assert list(family_relations(TEXT, [grok, mini], [_develops(xai, grok), _develops(other, mini)])) == []


def test_model_family_needs_three_letters():
    assert model_family("GPT-4o mini") == "gpt"
    assert model_family("o1") is None and model_family("3.5 Turbo") is None
