"""Resolution of names found in news (issue 12, round 4): records built by hand, no spaCy."""
from __future__ import annotations

from extract.records import Mention
from graph.resolve import ResolutionRules, resolve

NO_RULES = ResolutionRules()


def mention(article, text, type, start, canonical=None, source="ner"):
    return Mention(article, text, type, start, start + len(text), start, start + 100, source, canonical)


def test_extractor_short_form_does_not_keep_a_shortened_company_apart():
    # "Corvane Lab, the company she founded ... Corvane Systems closed a round ... Corvane said":
    # the extractor names "Corvane" a short form of the nearest "Corvane Systems"; that is no curated
    # name, so "Corvane Systems" is still the short form of the gazetteer's "Corvane Systems Lab"
    ms = [
        mention("a1", "Corvane Systems Lab", "company", 0, "Corvane Systems Lab", "gazetteer"),
        mention("a1", "Corvane Systems", "company", 200),
        mention("a1", "Corvane", "company", 400, "Corvane Systems", "short_form"),
    ]
    res = resolve(ms, rules=NO_RULES)
    assert sorted(res.entities) == ["company:corvane-systems-lab"]
    assert set(res.entities["company:corvane-systems-lab"].aliases) == {"Corvane Systems", "Corvane"}


def test_two_curated_names_stay_apart():
    # both names are the gazetteer's: it knows them as two companies
    ms = [
        mention("a1", "Corvane Systems Lab", "company", 0, "Corvane Systems Lab", "gazetteer"),
        mention("a1", "Corvane Systems", "company", 200, "Corvane Systems", "gazetteer"),
    ]
    assert sorted(resolve(ms, rules=NO_RULES).entities) == ["company:corvane-systems", "company:corvane-systems-lab"]


def test_company_called_by_its_name_without_the_first_word():
    # "Deutsche Fernwerk licensed ... Fernwerk's IT arm ... Fernwerk shares fell": one company
    ms = [mention("a1", "Deutsche Fernwerk", "company", 0), mention("a1", "Fernwerk", "company", 300),
          mention("a1", "Fernwerk", "company", 600)]
    res = resolve(ms, rules=NO_RULES)
    assert sorted(res.entities) == ["company:deutsche-fernwerk"]
    assert res.entities["company:deutsche-fernwerk"].aliases == ("Fernwerk",)


def test_dropped_first_word_keeps_apart_a_suffix_a_parent_s_unit_and_a_name_named_first():
    ms = [mention("a1", "Kelvane AI", "company", 0), mention("a1", "AI", "company", 100),
          # "Varnex" is a company of the article: "Varnex Reality Labs" is its unit, not "Reality Labs"
          mention("a2", "Varnex", "company", 0), mention("a2", "Varnex Reality Labs", "company", 100),
          mention("a2", "Reality Labs", "company", 300),
          # the short name came first: a company of its own
          mention("a3", "Orlith", "company", 0), mention("a3", "Nordic Orlith", "company", 100)]
    names = {e.name for e in resolve(ms, rules=NO_RULES).entities.values()}
    assert {"AI", "Reality Labs", "Orlith", "Nordic Orlith"} <= names
