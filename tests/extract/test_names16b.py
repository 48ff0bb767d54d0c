"""names16b: readings of names (place + "AI" says where, not whose)."""
from extract.components import names_a_place, place_stems

PLACES = frozenset({"Europe", "Asia", "Abu Dhabi", "China", "Japan", "Canada", "San Francisco"})
STEMS = place_stems(PLACES)


def test_place_adjective_or_region_before_ai_is_no_company_name():
    for words in (["European"], ["Japanese"], ["Canadian"], ["Asia-Pacific"], ["Abu", "Dhabi"], ["San", "Francisco"]):
        assert names_a_place(words, PLACES, STEMS), words


def test_a_name_before_ai_stays_a_name():
    for words in (["Quillstone"], ["Mistral"], ["Euro"], ["Chin"], ["Halcyon", "Labs"], ["Open-Vela"]):
        assert not names_a_place(words, PLACES, STEMS), words


def test_typer_takes_no_company_from_a_place_before_ai(types):
    got = types("The deal with the Abu Dhabi AI group was signed by Quillstone AI.", [("Abu Dhabi AI", "ORG"), ("Quillstone AI", "ORG")])
    assert "Abu Dhabi AI" not in got
    assert got.get("Quillstone AI") == "COMPANY"


def _doc(words, heads, deps, pos):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_firm_noun_joined_to_a_name_is_its_class():
    from extract.components import _named_by_noun_before

    # "The venture firm Tallis Rook led the round": the name in apposition to "firm"
    doc = _doc(["The", "venture", "firm", "Tallis", "Rook", "led", "the", "round"], [2, 2, 5, 4, 2, 5, 7, 5],
               ["det", "compound", "nsubj", "compound", "appos", "ROOT", "det", "dobj"],
               ["DET", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "DET", "NOUN"])
    assert _named_by_noun_before(doc[3:5])
    # "owned by hedge fund Brightmoor Kell": "fund" (tagged PROPN) the name's compound
    doc = _doc(["owned", "by", "hedge", "fund", "Brightmoor", "Kell"], [0, 0, 3, 5, 5, 1],
               ["ROOT", "agent", "compound", "compound", "compound", "pobj"], ["VERB", "ADP", "PROPN", "PROPN", "PROPN", "PROPN"])
    assert _named_by_noun_before(doc[4:6])


def test_name_subject_of_a_clause_on_the_noun_is_not_of_its_class():
    from extract.components import _named_by_noun_before

    # "The startup Mei Zhao founded raised": the noun is what "founded" lacks, the name its subject
    doc = _doc(["The", "startup", "Mei", "Zhao", "founded", "raised"], [1, 3, 3, 4, 4, 4],
               ["det", "compound", "compound", "nsubj", "ROOT", "dep"], ["DET", "NOUN", "PROPN", "PROPN", "VERB", "VERB"])
    assert not _named_by_noun_before(doc[2:4])
