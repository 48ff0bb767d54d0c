"""Resolution of names found in news (issue 12, round 5): records built by hand, no spaCy."""
from __future__ import annotations

from extract.records import Mention
from graph.resolve import ResolutionRules, resolve

NO_RULES = ResolutionRules()


def mention(article, text, type, start, canonical=None, source="ner"):
    return Mention(article, text, type, start, start + len(text), start, start + 100, source, canonical)


def test_legal_form_is_an_alias_and_the_short_form_news_uses_is_the_name():
    # "Kessrow AI Inc. said ... Kessrow AI plans ... Kessrow AI will": the extractor names the later
    # mentions short forms of "Kessrow AI Inc."; the legal form is the register's name, not the news's
    ms = [mention("a1", "Kessrow AI Inc.", "company", 0, source="context"),
          mention("a1", "Kessrow AI", "company", 100, "Kessrow AI Inc.", "short_form"),
          mention("a1", "Kessrow AI", "company", 200, "Kessrow AI Inc.", "short_form")]
    res = resolve(ms, rules=NO_RULES)
    assert sorted(res.entities) == ["company:kessrow-ai"]
    assert res.entities["company:kessrow-ai"].aliases == ("Kessrow AI Inc.",)


def test_legal_form_loses_the_name_even_where_it_is_the_more_frequent_form():
    ms = [mention("a1", "Bramwell Ltd", "company", 0), mention("a1", "Bramwell Ltd", "company", 100),
          mention("a2", "Bramwell", "company", 0), mention("a3", "Banco Ferro, S.A.", "company", 0),
          mention("a3", "Banco Ferro", "company", 100)]
    names = {e.name for e in resolve(ms, rules=NO_RULES).entities.values()}
    assert names == {"Bramwell", "Banco Ferro"}


def test_a_name_only_known_with_its_legal_form_keeps_it():
    res = resolve([mention("a1", "Kelvane Inc.", "company", 0)], rules=NO_RULES)
    assert [e.name for e in res.entities.values()] == ["Kelvane Inc."]
