"""Model names as 2024-25 news writes them (issue 12, round 10): names in lower case ("sable-oss-20b",
"k4-mini"), a lower-case checkpoint after a family ("Wren large-v3"). Invented sentences over the full pipeline."""
from __future__ import annotations

import pytest

from extract.pipeline import extract_article
from extract.records import Article


def extraction(nlp, text):
    return extract_article(nlp, Article("t", text))


def models(nlp, text):
    return {m.text for m in extraction(nlp, text).mentions if m.type == "model"}


def develops(nlp, text):
    return {(r.source.text, r.target.text) for r in extraction(nlp, text).relations if r.relation == "develops"}


@pytest.mark.parametrize("text, names", [
    ("Microsoft released sable-oss-120b and sable-oss-20b, its first open-weight models, on Tuesday.",
     {"sable-oss-120b", "sable-oss-20b"}),
    ("Developers can now download wren-3-8b from the company's site.", {"wren-3-8b"}),
    ("OpenAI said k4-mini, its new reasoning model, beats o1 on maths tests.", {"k4-mini"}),
    ("The hospital tested Wren large-v3 against two commercial transcription services.", {"Wren large-v3"}),
])
def test_lower_case_names_are_models(newsgraph_nlp, text, names):
    assert names <= models(newsgraph_nlp, text)


def test_a_lower_case_name_keeps_its_developer(newsgraph_nlp):
    text = "Microsoft released sable-oss-120b and sable-oss-20b in August."
    assert {("Microsoft", "sable-oss-120b"), ("Microsoft", "sable-oss-20b")} <= develops(newsgraph_nlp, text)


@pytest.mark.parametrize("text, not_names", [
    # a tier on a letter-and-digit word without any model in sight is no name ("a v2-pro plan")
    ("The shop sells the x2-pro blender for $99.", {"x2-pro"}),
    # paths, addresses and file names are no names
    ("Send requests to api.example.com/v1/k4-mini and read docs/wren-3-8b.md first.", {"k4-mini", "wren-3-8b"}),
    # a hyphenated count is no name
    ("The bill passed 52-48b in the first reading.", {"52-48b"}),
])
def test_lower_case_near_misses(newsgraph_nlp, text, not_names):
    assert not (not_names & models(newsgraph_nlp, text))


def sizes(nlp, text):
    return {(a.mention.text, a.value) for a in extraction(nlp, text).attributes if a.name == "parameters"}


MAKER_TEXT = ("Pellucid Labs was founded in Lisbon in 2023. Its flagship, Pellucid Voice 3B, has three billion "
              "parameters. Our smaller model, Pellucid Voice Mini, has 600 million parameters and runs on a phone.")


def test_a_maker_word_in_front_of_an_unknown_family_is_part_of_the_name(newsgraph_nlp):
    assert {"Pellucid Voice 3B", "Pellucid Voice Mini"} <= models(newsgraph_nlp, MAKER_TEXT)
    assert not {"Voice 3B", "Voice Mini"} & models(newsgraph_nlp, MAKER_TEXT)
    assert {("Pellucid Voice 3B", 3_000_000_000), ("Pellucid Voice Mini", 600_000_000)} <= sizes(newsgraph_nlp, MAKER_TEXT)


@pytest.mark.parametrize("text, name", [
    # a known family after a company's name is the name without its maker
    ("Meta said Meta Llama 3 8B runs on a laptop, unlike Acme Labs' own models.", "Llama 3 8B"),
    # a word that names no maker in the text stays out of the name
    ("In tests Orbit Voice 3B beat two rivals, Acme Labs said.", "Voice 3B"),
])
def test_no_maker_word_no_longer_name(newsgraph_nlp, text, name):
    assert name in models(newsgraph_nlp, text)


@pytest.mark.parametrize("text, want", [
    # one word between the count and "parameters" still states a count in parameters: the name is a model
    ("Quenby AI's KLM-4.5 arrived in July with 355 billion total parameters.", ("KLM-4.5", 355_000_000_000)),
    # a bare count after a model's name, once the passage has said it counts parameters
    ("Orrin-2-small, with 7 billion parameters, and Orrin-2-medium, with 14 billion, ship in May.",
     ("Orrin-2-medium", 14_000_000_000)),
    ("KLM-4.5 has 355 billion parameters, alongside a lighter KLM-4.5-Air at 106 billion.",
     ("KLM-4.5-Air", 106_000_000_000)),
    ("Sarn-4 has 70 billion parameters. Sarn-4-Lite, with 8 billion, is the model for phones.",
     ("Sarn-4-Lite", 8_000_000_000)),
])
def test_sizes_a_passage_has_said_it_counts(newsgraph_nlp, text, want):
    assert want in sizes(newsgraph_nlp, text)


@pytest.mark.parametrize("text, model", [
    # nothing in the passage says parameters: a bare count is money, users or anything else
    ("Orrin-2-medium, with 14 billion, ships in May, Brindle AI said of the model.", "Orrin-2-medium"),
    ("Sarn-4 has 70 billion parameters. Sarn-4-Lite, with 8 billion users, is the model for phones.", "Sarn-4-Lite"),
    ("Sarn-4 has 70 billion parameters. Sarn-4-Lite, with 8 billion tokens of context, is the model for phones.", "Sarn-4-Lite"),
])
def test_bare_counts_that_are_no_sizes(newsgraph_nlp, text, model):
    assert not any(m == model for m, _ in sizes(newsgraph_nlp, text))


def rivals(nlp, text):
    return {frozenset((r.source.text, r.target.text)) for r in extraction(nlp, text).relations if r.relation == "competes_with"}


def test_nearness_sets_models_against_each_other(newsgraph_nlp):
    text = ("On Brindle AI's own figures, Orrin-9B scored 71% on the reading exam, close to Sarn-70B and to Quenby AI's "
            "Velto-12B. Orrin-9B also came within two points of Tessa-34B.")
    found = rivals(newsgraph_nlp, text)
    assert {frozenset(("Orrin-9B", m)) for m in ("Sarn-70B", "Velto-12B", "Tessa-34B")} <= found


def test_the_model_behind_a_product_is_no_rival(newsgraph_nlp):
    # "behind" on a noun says what a product runs on, not a ranking
    text = "Orrin-9B scored 71%, close to Sarn-70B, the model behind the free version of Kite-8B."
    found = rivals(newsgraph_nlp, text)
    assert frozenset(("Orrin-9B", "Sarn-70B")) in found
    assert frozenset(("Orrin-9B", "Kite-8B")) not in found


def test_nearness_words_in_other_senses(newsgraph_nlp):
    text = "The deal to license Orrin-9B closed within weeks of the Sarn-70B launch, people close to Brindle AI said."
    assert frozenset(("Orrin-9B", "Sarn-70B")) not in rivals(newsgraph_nlp, text)


def test_a_versioned_name_before_its_size_in_parentheses(newsgraph_nlp):
    text = "Tallowmere AI released Tallow-3 today.\n- Tallow-3 Edge (1.5B): small enough to run on a laptop GPU"
    assert "Tallow-3 Edge" in models(newsgraph_nlp, text)
    assert ("Tallow-3 Edge", 1_500_000_000) in sizes(newsgraph_nlp, text)


def test_a_fund_before_a_figure_in_parentheses_is_no_model(newsgraph_nlp):
    assert not models(newsgraph_nlp, "The company sold bonds to the Orbit-2 Fund (1.5B) in May.")


def test_a_plural_model_noun_describes_no_one_name(newsgraph_nlp):
    # a digest's headline: "weights" in apposition describes no "Week"
    text = "The Week in AI: open weights from Brindle AI, a $2bn Quenby Labs and a new browser\n\nGood morning."
    assert "Week" not in models(newsgraph_nlp, text)


def test_a_singular_model_noun_in_apposition_still_describes(newsgraph_nlp):
    assert "Kestrel" in models(newsgraph_nlp, "Brindle AI trained Kestrel, a model for contract review, on its own data.")
