"""Model names and sizes in the shapes model-launch news uses (issue 12, round 7). Invented sentences, read
through the whole build: a size is only found when the name is found whole and typed a model."""
from __future__ import annotations

import pytest

B = 1_000_000_000


@pytest.fixture(scope="module")
def sizes_of():
    """``sizes_of(text)``: {model name: parameters} of every model node ``build_graph`` makes of one text."""
    from graph.build import build_graph

    def _sizes(text):
        return {d["name"]: d.get("parameters") for _, d in build_graph([text]).nodes(data=True) if d["type"] == "model"}
    return _sizes


# -- a mixture of experts' name keeps its active share: "30B-A3B" is 30B in all, 3B active -------------------
@pytest.mark.parametrize("text, name, size", [
    ("Quillon AI released Tallow-3 30B-A3B on Monday, an open model for coding agents.", "Tallow-3 30B-A3B", 30 * B),
    ("Dunmore's Harrow 235B-A22B tops the open leaderboard this week.", "Harrow 235B-A22B", 235 * B),
    ("Developers can download Quarry-2-30B-A3B from the lab's site.", "Quarry-2-30B-A3B", 30 * B),
])
def test_a_mixture_of_experts_name_is_whole_and_sized_by_its_total(sizes_of, text, name, size):
    assert sizes_of(text).get(name) == size


def test_the_active_share_alone_is_no_model_size(sizes_of):
    sizes = sizes_of("Dunmore's Harrow 235B-A22B tops the open leaderboard this week.")
    assert 22 * B not in sizes.values()


# -- a count in parameters says the model-shaped name of its sentence is a model ----------------------------
@pytest.mark.parametrize("text, name, size", [
    ("Osprey Labs introduced Alder-1, which weighs in at 12 billion parameters.", "Alder-1", 12 * B),
    ("Key releases this week:\n\n* Pellam-2: a 14-billion-parameter model for contract review.", "Pellam-2", 14 * B),
])
def test_a_name_in_a_sentence_stating_parameters_is_a_model(sizes_of, text, name, size):
    assert sizes_of(text).get(name) == size


@pytest.mark.parametrize("text, name", [
    ("Osprey Labs introduced Alder-1, which was trained on 12 billion tokens.", "Alder-1"),
    ("Alder-1 costs $2 per million tokens and ran on 16,000 GPUs.", "Alder-1"),
])
def test_other_counts_make_no_model(sizes_of, text, name):
    assert name not in sizes_of(text)


# -- a spaced name of an unknown family ("Orbit 2 Mini") is a model where its sentence states parameters ------
def test_a_spaced_name_stating_parameters_is_a_model(sizes_of):
    assert sizes_of("Acme's Orbit 2 Mini packs 3.8 billion parameters into a model small enough for a laptop.") \
        .get("Orbit 2 Mini") == 3_800_000_000


def test_a_spaced_name_without_parameters_is_no_model(sizes_of):
    assert "Orbit 2 Mini" not in sizes_of("Acme's Orbit 2 Mini packs 3.8 billion pixels into a small screen.")


# -- a lower- or camel-case name that a sized model noun describes -------------------------------------------
@pytest.mark.parametrize("text, name, size", [
    ("NTK Labs unveiled tsukimi, a 7-billion-parameter language model tuned for Japanese.", "tsukimi", 7 * B),
    ("The startup's model, called quokka, has 2 billion parameters.", "quokka", 2 * B),
    ("Larkspur released nanoWren, a 1.5B model, under an Apache licence.", "nanoWren", 1_500_000_000),
])
def test_a_lower_case_name_described_as_a_sized_model(sizes_of, text, name, size):
    assert sizes_of(text).get(name) == size


@pytest.mark.parametrize("text", [
    "Larkspur released its flagship, a 70B model, under an Apache licence.",   # an owner: a common noun
    "NTK Labs unveiled tsukimi, a language model tuned for Japanese.",          # no size stated: not ours to guess
])
def test_no_lower_case_model_without_a_name_and_a_size(sizes_of, text):
    assert not [n for n in sizes_of(text) if n[:1].islower()]


# -- the name before a family noun, in a sentence stating sizes, is a model: the family's size is its largest --
def test_a_family_told_in_sizes_is_a_model(sizes_of):
    assert sizes_of("Brightmoor's Gannet family comes in 2B and 9B sizes.").get("Gannet") == 9 * B


@pytest.mark.parametrize("text", [
    "The Harwick family sold 40 million shares in Brightmoor for $2B last year.",
    "The Harwick family has run Brightmoor for 2 generations.",
])
def test_a_family_without_model_sizes_is_no_model(sizes_of, text):
    assert "Harwick" not in sizes_of(text)
