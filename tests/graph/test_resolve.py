"""Entity resolution on hand-built Mention records (no spaCy)."""
from __future__ import annotations

import csv
import json
import random

import pytest

from extract.records import Mention
from graph import resolve as resolve_module
from graph.names import compact_key, is_spelling_variant, normalise_name, strip_honorifics
from graph.resolve import (
    Pin,
    Resolution,
    ResolutionRules,
    entity_id,
    load_rules,
    resolve,
    write_merges_csv,
)

NO_RULES = ResolutionRules()


def mention(article, text, type, start=0, canonical=None, source="ner"):
    return Mention(article, text, type, start, start + len(text), 0, 500, source, canonical)


class Corpus:
    """Builds mentions article by article with increasing offsets (first mention first)."""

    def __init__(self):
        self.mentions: list[Mention] = []
        self._offset: dict[str, int] = {}

    def add(self, article, text, type, canonical=None, source="ner", times=1):
        for _ in range(times):
            start = self._offset.get(article, 0)
            self._offset[article] = start + len(text) + 10
            self.mentions.append(mention(article, text, type, start, canonical, source))
        return self


def names(res: Resolution) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in res.entities.values()}


def entity_named(res: Resolution, name: str):
    (hit,) = [e for e in res.entities.values() if e.name == name]
    return hit


def rule_of(res: Resolution, surface: str) -> str:
    (hit,) = [g.rule for g in res.merges if g.surface == surface]
    return hit


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("text, key", [
    ("Microsoft", "microsoft"),
    ("MICROSOFT\u2019s", "microsoft"),
    ("Microsoft Corp.", "microsoft"),
    ("Microsoft Corporation", "microsoft"),
    ("Alphabet, Inc.", "alphabet"),
    ("Acme Holdings Ltd", "acme holdings"),
    ("Stability AI Ltd.", "stability ai"),
    ("  Open\u00a0 AI  ", "open ai"),
    ("GPT\u20134", "gpt-4"),
    ("\u201cPhi-3 Mini\u201d", "phi-3 mini"),
    ("\uff27\uff30\uff34-4", "gpt-4"),  # full-width letters (NFKC)
    ("Co.", "co"),
])
def test_normalise_name(text, key):
    assert normalise_name(text) == key


def test_compact_key_ignores_hyphen_or_space_but_keeps_versions():
    assert compact_key("Llama-3") == compact_key("Llama 3") == compact_key("LLaMA3")
    assert compact_key("Llama 3.1") != compact_key("Llama 3")
    assert compact_key("GPT-4o") != compact_key("GPT-4")


@pytest.mark.parametrize("type, name, expected", [
    ("company", "Microsoft", "company:microsoft"),
    ("model", "GPT-4", "model:gpt-4"),
    ("model", "GPT-3.5", "model:gpt-3.5"),
    ("person", "Mustafa Suleyman", "person:mustafa-suleyman"),
    ("company", "Inflection AI", "company:inflection-ai"),
    ("person", "Zoë Dupré", "person:zoë-dupré"),
    ("company", "Yahoo!", "company:yahoo"),
])
def test_entity_id(type, name, expected):
    assert entity_id(type, name) == expected


def test_strip_honorifics():
    assert strip_honorifics("Uncle Jensen") == "Jensen"
    assert strip_honorifics("Dr. Fei-Fei Li") == "Fei-Fei Li"
    assert strip_honorifics("Sir") == "Sir"


@pytest.mark.parametrize("a, b, same", [
    ("sulayman", "suleyman", True),
    ("altman", "altmann", True),
    ("zuckerberg", "zuckerman", False),
    ("huang", "wang", False),
    ("cohere", "coherent", False),
    ("small", "smalls", False),  # size word
    ("llama3", "llama2", False),  # versions
])
def test_is_spelling_variant(a, b, same):
    assert is_spelling_variant(a, b) is same


# --------------------------------------------------------------------------- exact, normalised, gazetteer


def test_exact_and_normalised_names_merge():
    c = Corpus()
    c.add("a1", "Microsoft", "company", times=3)
    c.add("a1", "MICROSOFT", "company")
    c.add("a2", "Microsoft Corp.", "company")
    c.add("a2", "Microsoft\u2019s", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert list(res.entities) == ["company:microsoft"]
    ms = res.entities["company:microsoft"]
    assert (ms.name, ms.mentions, ms.articles) == ("Microsoft", 6, ("a1", "a2"))
    # case and possessive variants are not aliases; a suffix form is
    assert ms.aliases == ("Microsoft Corp.",)
    assert rule_of(res, "MICROSOFT") == "exact"
    assert rule_of(res, "Microsoft\u2019s") == "normalised"
    assert rule_of(res, "Microsoft Corp.") == "normalised"
    assert all(res.entity_of(m) == "company:microsoft" for m in c.mentions)


def test_hyphen_and_space_spellings_of_a_model_merge():
    c = Corpus().add("a1", "Phi-3 Mini", "model", times=2).add("a2", "Phi-3-mini", "model")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Phi-3 Mini", "model")}
    assert rule_of(res, "Phi-3-mini") == "normalised"


def test_gazetteer_and_metonym_canonical_names():
    c = Corpus()
    c.add("a1", "Redmond", "company", canonical="Microsoft", source="metonym")
    c.add("a1", "MSFT", "company", canonical="Microsoft", source="gazetteer")
    c.add("a2", "Microsoft", "company", canonical="Microsoft", source="gazetteer")
    res = resolve(c.mentions, rules=NO_RULES)
    ms = res.entities["company:microsoft"]
    assert ms.aliases == ("MSFT", "Redmond")
    assert rule_of(res, "Redmond") == "metonym"
    assert rule_of(res, "MSFT") == "gazetteer"


def test_gazetteer_name_is_the_display_name_even_when_rarer():
    c = Corpus()
    c.add("a1", "OPENAI", "company", times=4)
    c.add("a1", "openai", "company", canonical="OpenAI", source="gazetteer")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("OpenAI", "company")}


# --------------------------------------------------------------------------- person short forms


def test_person_last_name_in_same_article():
    c = Corpus().add("a1", "Mustafa Suleyman", "person").add("a1", "Suleyman", "person", times=2)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Mustafa Suleyman", "person")}
    assert rule_of(res, "Suleyman") == "short_form"


def test_person_first_name_and_nickname_when_no_last_name_matches():
    c = Corpus()
    c.add("a1", "Jensen Huang", "person")
    c.add("a1", "Uncle Jensen", "person")
    c.add("a1", "Mr. Huang", "person")
    c.add("a1", "Jensen", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    huang = entity_named(res, "Jensen Huang")
    assert len(res.entities) == 1
    assert huang.aliases == ("Jensen", "Mr. Huang", "Uncle Jensen")
    assert huang.mentions == 4


def test_ambiguous_person_short_form_stays_separate():
    c = Corpus()
    c.add("a1", "Jane Smith", "person").add("a1", "John Smith", "person").add("a1", "Smith", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Jane Smith", "person"), ("John Smith", "person"), ("Smith", "person")}
    assert res.merges == []


def test_last_name_wins_over_first_name():
    # "Jordan" is the last name of one person and the first name of another
    c = Corpus().add("a1", "Michael Jordan", "person").add("a1", "Jordan Peele", "person")
    c.add("a1", "Jordan", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert res.entity_of(c.mentions[-1]) == "person:michael-jordan"


def test_short_form_does_not_take_a_person_from_another_article_when_its_own_has_one():
    c = Corpus()
    c.add("a1", "Sam Altman", "person")
    c.add("a2", "Jack Altman", "person").add("a2", "Altman", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert res.entity_of(c.mentions[-1]) == "person:jack-altman"


def test_surname_with_particle():
    c = Corpus().add("a1", "Daniel De Freitas", "person").add("a1", "De Freitas", "person")
    c.add("a1", "Freitas", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Daniel De Freitas", "person")}
    assert rule_of(res, "De Freitas") == "short_form"


def test_lone_surname_typed_as_company_joins_the_person():
    c = Corpus().add("a1", "Nick Frosst", "person").add("a1", "Frosst", "company", times=2)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Nick Frosst", "person")}
    assert rule_of(res, "Frosst") == "short_form"


def test_company_named_after_a_person_stays_a_company():
    c = Corpus().add("a1", "Michael Dell", "person").add("a1", "Dell", "company")
    c.add("a2", "Dell", "company", times=2)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Michael Dell", "person"), ("Dell", "company")}
    # and a gazetteer name is never taken for a surname
    c = Corpus().add("a1", "Michael Dell", "person").add("a1", "Dell", "company", canonical="Dell", source="gazetteer")
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("Michael Dell", "person"), ("Dell", "company")}


def test_company_typed_on_a_cue_keeps_the_taggers_mentions_of_its_name():
    # "Cimatti was an Italian manufacturer ... Marco Cimatti founded ... Cimatti produced the City-Bike":
    # the cue typed the first "Cimatti" a company, the tagger the others; all are the company
    c = Corpus().add("a1", "Cimatti", "company", source="class_noun").add("a1", "Marco Cimatti", "person")
    c.add("a1", "Cimatti", "company", times=2)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Marco Cimatti", "person"), ("Cimatti", "company")}
    company = entity_named(res, "Cimatti")
    assert [res.entity_of(m) for m in c.mentions if m.text == "Cimatti"] == [company.id] * 3
    assert company.mentions == 3 and not res.merges


def test_person_context_short_form_beside_a_company_of_the_name():
    # "Dell, the computer maker ... Michael Dell said ... Dell added": the person-typed "Dell" is his
    c = Corpus().add("a1", "Dell", "company", source="class_noun").add("a1", "Michael Dell", "person")
    c.add("a1", "Dell", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Michael Dell", "person"), ("Dell", "company")}
    person, company = entity_named(res, "Michael Dell"), entity_named(res, "Dell")
    assert [res.entity_of(m) for m in c.mentions] == [company.id, person.id, person.id]
    assert rule_of(res, "Dell") == "short_form"


def test_cross_article_short_form_when_unique_in_corpus():
    c = Corpus()
    c.add("a1", "Mustafa Suleyman", "person")
    c.add("a2", "Satya Nadella", "person").add("a2", "Suleyman", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert res.entity_of(c.mentions[-1]) == "person:mustafa-suleyman"
    assert entity_named(res, "Mustafa Suleyman").articles == ("a1", "a2")


def test_cross_article_short_form_not_when_ambiguous_in_corpus():
    c = Corpus()
    c.add("a1", "Sam Altman", "person").add("a2", "Jack Altman", "person").add("a3", "Altman", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert res.entity_of(c.mentions[-1]) == "person:altman"


def test_short_form_spelled_differently_in_its_article():
    c = Corpus().add("a1", "Mustafa Sulayman", "person").add("a1", "Suleyman", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert len(res.entities) == 1
    assert rule_of(res, "Suleyman") == "spelling_variant"


# --------------------------------------------------------------------------- company short forms


def test_company_short_form_with_suffix_like_words():
    c = Corpus().add("a1", "Inflection AI", "company").add("a1", "Inflection", "company", times=3)
    c.add("a2", "Inflection AI", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Inflection AI", "company")}
    assert rule_of(res, "Inflection") == "short_form"


def test_company_short_form_of_an_industries_or_energy_name():
    # "Anduril Industries, the Californian defence company ... Anduril alone raised": one company
    c = Corpus().add("a1", "Anduril Industries", "company").add("a1", "Anduril", "company", times=2)
    c.add("a2", "Talen Energy", "company").add("a2", "Talen", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Anduril Industries", "company"), ("Talen Energy", "company")}
    assert rule_of(res, "Anduril") == rule_of(res, "Talen") == "short_form"


def test_company_short_form_not_to_a_division_named_after():
    # No gazetteer, no forbid: the data alone keep Microsoft apart from Microsoft AI,
    # because articles name Microsoft first.
    c = Corpus()
    for article in ("a1", "a2"):
        c.add(article, "Microsoft", "company", times=5).add(article, "Microsoft AI", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Microsoft", "company"), ("Microsoft AI", "company")}


def _known(article, text, start, sentence, canonical):
    """A gazetteer-typed company mention in the sentence starting at `sentence`."""
    return Mention(article, text, "company", start, start + len(text), sentence, sentence + 200, "gazetteer", canonical)


def test_gazetteer_unit_named_apart_from_its_parent_in_one_sentence_is_its_own_company():
    # "... produced by Samsung Electronics, a division of Samsung": the gazetteer lists the unit
    # under its parent, the sentence names them as two (and can relate them: part_of)
    ms = [_known("a1", "Samsung Electronics", 20, 0, "Samsung"), _known("a1", "Samsung", 60, 0, "Samsung"),
          _known("a1", "Samsung", 300, 250, "Samsung"),
          _known("a2", "Samsung Electronics", 0, 0, "Samsung")]  # the unit, in an article that names it alone
    res = resolve(ms, rules=NO_RULES)
    assert names(res) == {("Samsung Electronics", "company"), ("Samsung", "company")}
    unit, parent = entity_named(res, "Samsung Electronics"), entity_named(res, "Samsung")
    assert [res.entity_of(m) for m in ms] == [unit.id, parent.id, parent.id, unit.id]
    assert not res.merges


def test_gazetteer_alias_stays_merged_unless_one_sentence_names_both_apart():
    # in different sentences, next to each other ("Samsung Electronics (Samsung)"), or when the
    # longer name only adds suffix-like words ("Dell Technologies ... on Dell PowerEdge servers")
    for ms in (
        [_known("a1", "Samsung Electronics", 0, 0, "Samsung"), _known("a1", "Samsung", 100, 90, "Samsung")],
        [_known("a1", "Samsung Electronics", 0, 0, "Samsung"), _known("a1", "Samsung", 21, 0, "Samsung")],
        [_known("a1", "Dell Technologies", 0, 0, "Dell"), _known("a1", "Dell", 60, 0, "Dell")],
    ):
        res = resolve(ms, rules=NO_RULES)
        assert len(res.entities) == 1, ms
        assert [g.rule for g in res.merges] == ["gazetteer"]


def test_company_short_form_not_when_mostly_mentioned_alone():
    c = Corpus()
    c.add("a1", "Meta AI", "company").add("a1", "Meta", "company")
    for article in ("a2", "a3"):
        c.add(article, "Meta", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Meta", "company"), ("Meta AI", "company")}


def test_company_short_form_not_when_gazetteer_knows_it():
    c = Corpus()
    c.add("a1", "Meta AI", "company").add("a1", "Meta", "company", canonical="Meta", source="gazetteer")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Meta", "company"), ("Meta AI", "company")}


def test_ambiguous_company_short_form_stays_separate():
    c = Corpus().add("a1", "Acme AI", "company").add("a1", "Acme Labs", "company").add("a1", "Acme", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert len(res.entities) == 3


def test_company_short_form_only_before_suffix_like_words():
    c = Corpus().add("a1", "Google DeepMind", "company").add("a1", "Google", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Google DeepMind", "company"), ("Google", "company")}


# --------------------------------------------------------------------------- spelling variants


def test_person_spelling_variants_across_articles():
    c = Corpus()
    c.add("a1", "Mustafa Sulayman", "person").add("a1", "Sulayman", "person").add("a1", "Suleyman", "person", times=3)
    c.add("a2", "Mustafa Suleyman", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert len(res.entities) == 1
    ent = res.entities["person:mustafa-suleyman"]
    # tie on full forms: the spelling its short forms use more often wins
    assert ent.name == "Mustafa Suleyman"
    assert ent.aliases == ("Mustafa Sulayman", "Sulayman", "Suleyman")
    assert rule_of(res, "Mustafa Sulayman") == "spelling_variant"
    assert ent.mentions == 6


def test_company_spelling_variant_of_a_known_name():
    c = Corpus().add("a1", "Nvidia", "company", canonical="Nvidia", source="gazetteer", times=3)
    c.add("a2", "Nvidea", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Nvidia", "company")}
    assert rule_of(res, "Nvidea") == "spelling_variant"


def test_multi_word_company_spelling_variant():
    c = Corpus().add("a1", "Boston Dynamics", "company", times=2).add("a2", "Boston Dinamics", "company")
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("Boston Dynamics", "company")}


@pytest.mark.parametrize("a, b", [("Wagner", "Warner"), ("Cameron", "Cameroon"), ("Nvidia", "Nvidea")])
def test_unknown_one_word_companies_are_not_spelling_variants(a, b):
    c = Corpus().add("a1", a, "company", times=3).add("a2", b, "company")
    assert len(resolve(c.mentions, rules=NO_RULES).entities) == 2


def test_names_equal_without_spaces_join_only_within_a_type():
    c = Corpus().add("a1", "Open AI", "company").add("a2", "OpenAI", "company", times=2)
    c.add("a3", "Flo Rida", "person").add("a4", "Florida", "place", times=3)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("OpenAI", "company"), ("Flo Rida", "person"), ("Florida", "place")}
    assert rule_of(res, "Open AI") == "normalised"


def test_accents_do_not_matter():
    c = Corpus().add("a1", "Santa Elena de Uair\u00e9n", "place", times=2).add("a2", "Santa Elena de Uairen", "place")
    assert len(resolve(c.mentions, rules=NO_RULES).entities) == 1


@pytest.mark.parametrize("a, b, type", [
    ("Jensen Huang", "Jensen Wang", "person"),
    ("Mark Zuckerberg", "Mark Zuckerman", "person"),
    ("Cohere", "Coherent", "company"),
    ("GPT-4", "GPT-4o", "model"),
    ("GPT-4", "GPT-4 Turbo", "model"),
    ("GPT-4o", "GPT-4 Turbo", "model"),
    ("Phi-3 Mini", "Phi-3 Small", "model"),
    ("Llama 3", "Llama 3.1", "model"),
    ("Gemini 1.5 Pro", "Gemini 1.5 Flash", "model"),
    ("Mistral Large", "Mistral Largo", "model"),  # models are never fuzzy-merged
    ("Acme Systems 2", "Acme Systems 3", "company"),
    ("Rolling Stone", "Rolling Stones", "company"),
    ("Microsoft", "Microsoft AI", "company"),
])
def test_distinct_names_never_merge(a, b, type):
    c = Corpus().add("a1", a, type, times=2).add("a2", b, type)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {(a, type), (b, type)}
    assert res.merges == []


def test_two_spellings_of_a_full_name_in_one_article_are_two_people():
    c = Corpus().add("a1", "Christina Smith", "person").add("a1", "Christine Smith", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert len(res.entities) == 2


def test_unknown_spelling_of_a_gazetteer_name_in_one_article_is_a_typo():
    c = Corpus().add("a1", "Mustafa Sulayman", "person")
    c.add("a1", "Mustafa Suleyman", "person", canonical="Mustafa Suleyman", source="gazetteer")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Mustafa Suleyman", "person")}
    assert rule_of(res, "Mustafa Sulayman") == "spelling_variant"


def test_two_gazetteer_names_are_never_fuzzy_merged():
    c = Corpus()
    c.add("a1", "Anthropic", "company", canonical="Anthropic", source="gazetteer")
    c.add("a2", "Anthropics", "company", canonical="Anthropics", source="gazetteer")
    res = resolve(c.mentions, rules=NO_RULES)
    assert len(res.entities) == 2


# --------------------------------------------------------------------------- pins and forbids


def test_pin_renames_and_retypes():
    rules = ResolutionRules(pins=(Pin("GP-3.5", "GPT-3.5", "model"),))
    c = Corpus().add("a1", "GPT-3.5", "model").add("a2", "GP-3.5", "product", times=2)
    res = resolve(c.mentions, rules=rules)
    assert names(res) == {("GPT-3.5", "model")}
    assert entity_named(res, "GPT-3.5").aliases == ("GP-3.5",)
    assert rule_of(res, "GP-3.5") == "pin"


def test_forbid_beats_gazetteer():
    rules = ResolutionRules(forbids=(("Microsoft", "Microsoft AI"),))
    c = Corpus().add("a1", "Microsoft AI", "company", canonical="Microsoft", source="gazetteer")
    c.add("a1", "Microsoft", "company")
    res = resolve(c.mentions, rules=rules)
    assert names(res) == {("Microsoft", "company"), ("Microsoft AI", "company")}


def test_forbid_beats_company_short_form():
    c = Corpus().add("a1", "Inflection AI", "company").add("a1", "Inflection", "company")
    rules = ResolutionRules(forbids=(("inflection", "INFLECTION AI"),))
    assert len(resolve(c.mentions, rules=rules).entities) == 2


def test_forbid_beats_person_short_form_and_spelling_variant():
    c = Corpus().add("a1", "Mustafa Sulayman", "person").add("a1", "Sulayman", "person")
    c.add("a2", "Mustafa Suleyman", "person")
    rules = ResolutionRules(forbids=(("Sulayman", "Mustafa Sulayman"), ("Mustafa Suleyman", "Mustafa Sulayman")))
    res = resolve(c.mentions, rules=rules)
    assert len(res.entities) == 3


def test_forbid_holds_through_a_chain_of_merges():
    # a ~ b by spelling and b ~ c by spelling, but a and c are forbidden together
    c = Corpus().add("a1", "Anna Kowalska", "person").add("a2", "Anna Kowalski", "person")
    c.add("a3", "Anna Kowalsky", "person")
    rules = ResolutionRules(forbids=(("Anna Kowalska", "Anna Kowalsky"),))
    res = resolve(c.mentions, rules=rules)
    ka, ky = res.entity_of(c.mentions[0]), res.entity_of(c.mentions[2])
    assert ka != ky


def test_load_rules_default_file_and_errors(tmp_path):
    rules = load_rules()
    assert Pin("GP-3.5", "GPT-3.5", "model") in rules.pins
    assert ("Microsoft", "Microsoft AI") in rules.forbids

    path = tmp_path / "merges.json"
    path.write_text(json.dumps({"pin": [{"surface": "X1", "entity": "Y1"}], "forbid": [["A", "B"]]}))
    assert load_rules(path) == ResolutionRules(pins=(Pin("X1", "Y1"),), forbids=(("A", "B"),))
    for bad in ({"pins": []}, {"pin": [{"surface": "X"}]}, {"forbid": [["A"]]},
                {"pin": [{"surface": "X", "entity": "Y", "type": "planet"}]},
                {"pin": [{"surface": "X", "entity": "Y"}, {"surface": "x", "entity": "Z"}]}):
        path.write_text(json.dumps(bad))
        with pytest.raises(ValueError):
            load_rules(path)
    path.write_text("{not json")
    with pytest.raises(ValueError):
        load_rules(path)
    with pytest.raises(FileNotFoundError):
        load_rules(tmp_path / "missing.json")


def test_default_rules_are_used_when_none_given():
    c = Corpus().add("a1", "GP-3.5", "model")
    assert names(resolve(c.mentions)) == {("GPT-3.5", "model")}


# --------------------------------------------------------------------------- types and names


def test_type_vote_majority_and_rule():
    c = Corpus().add("a1", "Gemini", "model", times=3).add("a2", "Gemini", "product", times=2)
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Gemini", "model")}
    (row,) = res.merges
    assert (row.surface, row.rule, row.articles) == ("Gemini", "type_vote", ("a2",))


def test_gazetteer_typed_mentions_outweigh_others():
    c = Corpus().add("a1", "Gemini", "product", times=5)
    c.add("a2", "Gemini", "model", canonical="Gemini", source="gazetteer")
    res = resolve(c.mentions, rules=NO_RULES)
    assert names(res) == {("Gemini", "model")}


def test_display_name_most_frequent_then_longest_then_alphabetical():
    c = Corpus().add("a1", "Acme Robotics", "company", times=2).add("a2", "Acme-Robotics", "company")
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("Acme Robotics", "company")}
    c = Corpus().add("a1", "Open AI", "company").add("a2", "OpenAI", "company")
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("Open AI", "company")}
    c = Corpus().add("a1", "DeepMind", "company").add("a2", "Deepmind", "company")
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("DeepMind", "company")}


def test_display_name_prefers_prose_casing_to_dateline_capitals():
    c = Corpus()
    for article in ("a1", "a2"):
        c.add(article, "SAN FRANCISCO", "place")
    c.add("a3", "San Francisco", "place").add("a3", "NASA", "organization").add("a4", "Nasa", "organization", times=2)
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("San Francisco", "place"), ("Nasa", "organization")}
    c = Corpus().add("a1", "AMD", "company", times=2).add("a2", "Amd", "company")
    assert names(resolve(c.mentions, rules=NO_RULES)) == {("AMD", "company")}


def test_one_changed_letter_of_five_is_another_word():
    c = Corpus().add("a1", "Bosch", "company", canonical="Bosch", source="gazetteer").add("a1", "Busch", "company")
    assert len(resolve(c.mentions, rules=NO_RULES).entities) == 2


def test_dropped_mentions_have_no_entity():
    c = Corpus().add("a1", "\u201c...\u201d", "company").add("a1", "Nvidia", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert res.entity_of(c.mentions[0]) is None
    assert res.entity_of(c.mentions[1]) == "company:nvidia"
    assert res.entity_of(mention("zz", "Nvidia", "company")) is None  # not an input


def test_id_collision_is_numbered():
    # two entities with one slug: kept apart by a forbid
    c = Corpus().add("a1", "Acme!", "company").add("a2", "Acme?", "company")
    rules = ResolutionRules(forbids=(("Acme!", "Acme?"),))
    # both names have the same compact key, so a forbid cannot split them: one entity
    assert len(resolve(c.mentions, rules=rules).entities) == 1
    c = Corpus().add("a1", "C++", "company").add("a2", "C", "company")
    res = resolve(c.mentions, rules=NO_RULES)
    assert sorted(res.entities) == ["company:c", "company:c-2"]


# --------------------------------------------------------------------------- determinism, output, scale


def _seed_like_corpus() -> list[Mention]:
    c = Corpus()
    c.add("a1", "Microsoft", "company", canonical="Microsoft", source="gazetteer", times=4)
    c.add("a1", "Mustafa Sulayman", "person").add("a1", "Microsoft AI", "company")
    c.add("a1", "Inflection AI", "company").add("a1", "Sulayman", "person")
    c.add("a1", "Inflection", "company", times=2).add("a1", "Redmond", "company", canonical="Microsoft", source="metonym")
    c.add("a1", "GP-3.5", "model").add("a1", "Phi-3 Mini", "model", times=3).add("a1", "Suleyman", "person", times=3)
    c.add("a1", "Jensen Huang", "person").add("a1", "Uncle Jensen", "person").add("a1", "Nvidia", "company")
    c.add("a2", "Microsoft", "company", canonical="Microsoft", source="gazetteer", times=2)
    c.add("a2", "Mustafa Suleyman", "person").add("a2", "Inflection AI", "company").add("a2", "Microsoft AI", "company")
    c.add("a2", "MAI-1-preview", "model").add("a2", "MAI-1", "model", times=3).add("a2", "Gemini", "product")
    c.add("a1", "Gemini", "model", times=2)
    return c.mentions


def test_seed_like_corpus():
    res = resolve(_seed_like_corpus(), rules=load_rules())
    assert names(res) == {
        ("Microsoft", "company"), ("Microsoft AI", "company"), ("Inflection AI", "company"),
        ("Nvidia", "company"), ("Mustafa Suleyman", "person"), ("Jensen Huang", "person"),
        ("GPT-3.5", "model"), ("Phi-3 Mini", "model"), ("MAI-1", "model"), ("Gemini", "model"),
    }
    rows = {(g.surface, g.entity_id, g.rule) for g in res.merges}
    assert rows == {
        ("Redmond", "company:microsoft", "metonym"),
        ("Inflection", "company:inflection-ai", "short_form"),
        ("Mustafa Sulayman", "person:mustafa-suleyman", "spelling_variant"),
        ("Sulayman", "person:mustafa-suleyman", "short_form"),
        ("Suleyman", "person:mustafa-suleyman", "short_form"),
        ("Uncle Jensen", "person:jensen-huang", "short_form"),
        ("GP-3.5", "model:gpt-3.5", "pin"),
        ("MAI-1-preview", "model:mai-1", "pin"),
        ("Gemini", "model:gemini", "type_vote"),
    }


def test_same_result_in_any_order_and_across_runs():
    mentions = _seed_like_corpus()
    reference = resolve(mentions, rules=load_rules())
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        res = resolve(shuffled, rules=load_rules())
        assert res.entities == reference.entities
        assert list(res.entities) == list(reference.entities)
        assert res.merges == reference.merges
        assert res.by_mention == reference.by_mention


def test_write_merges_csv(tmp_path):
    res = resolve(_seed_like_corpus(), rules=load_rules())
    out = tmp_path / "out" / "merges.csv"
    write_merges_csv(res, out)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["surface", "entity_id", "entity_name", "rule", "articles"]
    body = rows[1:]
    assert len(body) == len(res.merges)
    assert body == sorted(body, key=lambda r: (r[1], r[0], r[3]))
    assert ["Suleyman", "person:mustafa-suleyman", "Mustafa Suleyman", "short_form", "a1"] in body
    assert ["Gemini", "model:gemini", "Gemini", "type_vote", "a2"] in body
    assert [p.name for p in out.parent.iterdir()] == ["merges.csv"]  # no temporary file left


def test_merges_csv_joins_articles(tmp_path):
    c = Corpus()
    for article in ("b", "a"):
        c.add(article, "Satya Nadella", "person").add(article, "Nadella", "person")
    out = tmp_path / "merges.csv"
    write_merges_csv(resolve(c.mentions, rules=NO_RULES), out)
    assert out.read_text(encoding="utf-8").splitlines()[1] == "Nadella,person:satya-nadella,Satya Nadella,short_form,a|b"


def test_spelling_variant_comparisons_are_blocked(monkeypatch):
    # 3000 distinct people: comparing all pairs would take millions of similarity calls.
    calls = 0
    real = resolve_module.is_spelling_variant

    def counting(a, b, **kw):
        nonlocal calls
        calls += 1
        return real(a, b, **kw)

    monkeypatch.setattr(resolve_module, "is_spelling_variant", counting)
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    c = Corpus()
    for i in range(3000):
        first = "".join(rng.choice(letters) for _ in range(6))
        last = "".join(rng.choice(letters) for _ in range(8))
        c.add(f"a{i % 300}", f"{first.title()} {last.title()}", "person")
    res = resolve(c.mentions, rules=NO_RULES)
    assert len(res.entities) == 3000
    assert calls < 3000


def test_shared_surname_goes_to_the_person_named_last():
    from extract.records import Mention
    from graph.resolve import resolve

    def m(text, start):  # one sentence per 20 characters
        return Mention("a1", text, "person", start, start + len(text), start, start + 19, "ner", None)

    mentions = [m("Dario Amodei", 0), m("Daniela Amodei", 20), m("Amodei", 40),
                m("Dario Amodei", 60), m("Amodei", 80)]
    res = resolve(mentions, rules=None)
    assert res.entity_of(mentions[2]) == res.entity_of(mentions[1])
    assert res.entity_of(mentions[4]) == res.entity_of(mentions[0])
    assert len({e.name for e in res.entities.values()}) == 2


def test_shared_surname_before_any_full_name_stays_apart():
    from extract.records import Mention
    from graph.resolve import resolve

    def m(text, start):
        return Mention("a1", text, "person", start, start + len(text), start, start + 19, "ner", None)

    mentions = [m("Amodei", 0), m("Dario Amodei", 20), m("Daniela Amodei", 40)]
    res = resolve(mentions, rules=None)
    assert res.entity_of(mentions[0]) not in (res.entity_of(mentions[1]), res.entity_of(mentions[2]))
