"""Resolution of one company's names (issue 12, round 6): a known company and its full name with a leading word."""
from __future__ import annotations

from extract.records import Mention
from graph.resolve import ResolutionRules, resolve

NO_RULES = ResolutionRules()


def mention(article, text, type, start, canonical=None, source="ner"):
    return Mention(article, text, type, start, start + len(text), start, start + 100, source, canonical)


def _entities(ms):
    return {e.name: e for e in resolve(ms, rules=NO_RULES).entities.values()}


def test_a_known_company_named_first_in_a_headline_is_its_full_name_later():
    # "Tarvo jumps" in a headline, "Elsa Tarvo rose 11%" in the body: the gazetteer's short name, one company
    ms = [mention("a1", "Tarvo", "company", 10, canonical="Tarvo", source="gazetteer"),
          mention("a1", "Elsa Tarvo", "company", 400, source="name_extension")]
    names = {e.name for e in _entities(ms).values()}
    assert len(names) == 1


def test_a_known_company_stays_apart_from_a_longer_name_led_by_another_company():
    # "Tarvo" and "Quell Tarvo", where "Quell" is a company of the article: a parent and its unit
    ms = [mention("a1", "Quell", "company", 0, canonical="Quell", source="gazetteer"),
          mention("a1", "Tarvo", "company", 10, canonical="Tarvo", source="gazetteer"),
          mention("a1", "Quell Tarvo", "company", 400, source="name_extension")]
    assert {"Tarvo", "Quell Tarvo"} <= set(_entities(ms))


def test_an_unknown_short_name_named_first_stays_its_own_company():
    ms = [mention("a3", "Orlith", "company", 0), mention("a3", "Nordic Orlith", "company", 100)]
    assert {"Orlith", "Nordic Orlith"} <= set(_entities(ms))


def test_a_former_name_goes_to_the_current_one():
    # the extractor names the current company of a former name as its canonical ("Kioxia, formerly Toshiba Memory")
    ms = [mention("a1", "Pellucid", "company", 0), mention("a1", "Varga Memory", "company", 20, canonical="Pellucid"),
          mention("a1", "Varga", "company", 200)]
    entities = _entities(ms)
    assert "Varga Memory" in entities["Pellucid"].aliases
    assert "Varga" in entities
