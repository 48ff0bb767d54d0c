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
