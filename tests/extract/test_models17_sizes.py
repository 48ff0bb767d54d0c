"""Sizes read in session 17 (models17): "a model of N parameters", and a collection's total given to the
system named before the collection noun."""
from extract.deals import find_attributes

C, M = "COMPANY", "MODEL"
B = 1_000_000_000


def sizes(make_doc, text, ents):
    doc = make_doc(text, ents)
    return [(a.mention.text, a.value) for a in find_attributes(doc, "t")]


def test_model_of_a_count_of_parameters(make_doc):
    text = "Orbelle's research system pairs Strand Video, a model of 30 billion parameters, with a sound tool."
    assert sizes(make_doc, text, {"Orbelle": C, "Strand Video": M}) == [("Strand Video", 30 * B)]


def test_collection_of_models_in_total_sizes_the_named_system(make_doc):
    text = "Its Beacon 2.0 system, a constellation of models with about 2.1 trillion parameters in total, is the largest."
    assert sizes(make_doc, text, {"Beacon 2.0": M}) == [("Beacon 2.0", 2100 * B)]


def test_unnamed_model_of_a_count_sizes_nothing(make_doc):
    text = "Orbelle said it is training a model of a trillion parameters, and Strand Video ships next week."
    assert sizes(make_doc, text, {"Orbelle": C, "Strand Video": M}) == []
