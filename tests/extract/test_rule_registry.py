"""The rule registry's contract: unique names, known relations, confidences in (0, 1], examples for
every rule, code rules backed by a registered generator, patterns the DependencyMatcher accepts."""
from __future__ import annotations

import json

import pytest
import spacy

import extract.deals  # noqa: F401  (registers its code rules)
import extract.families  # noqa: F401
import extract.relations  # noqa: F401
from extract.relations.patterns import build_matcher, dependency_rules, pattern_relations
from extract.rules import CODE_RULES, RuleError, parse_rule, read_rule_file, registry
from extract.schema import RELATIONS

GOOD = {"name": "test.rule", "yields": ["acquires"], "confidence": 0.7, "kind": "code", "code": "verb_relations",
        "examples": [{"text": "Snowflake bought Neeva.", "gives": [["Snowflake", "acquires", "Neeva"]]}]}


def test_every_rule_has_a_known_output_a_confidence_and_an_example():
    rules = registry()
    assert len(rules) >= 40
    for rule in rules.values():
        assert rule.yields and 0 < rule.confidence <= 1 and rule.examples, rule.name
        assert "." in rule.name, "names are family.construction"


def test_code_rules_name_registered_generators_and_every_generator_has_rules():
    named = {rule.code for rule in registry().values() if rule.kind == "code"}
    assert named <= set(CODE_RULES), named - set(CODE_RULES)
    assert set(CODE_RULES) - named <= {pattern_relations.__name__}


def test_every_relation_has_a_rule():
    yielded = {y for rule in registry().values() for y in rule.yields}
    assert set(RELATIONS) <= yielded


@pytest.mark.parametrize("change,message", [
    ({"yields": ["bought"]}, "unknown relation"),
    ({"confidence": 0}, "outside (0, 1]"),
    ({"confidence": 1.2}, "outside (0, 1]"),
    ({"examples": []}, "at least one example"),
    ({"kind": "regex"}, "kind"),
    ({"code": None}, "names its generator"),
    ({"examples": [{"text": "A and B.", "gives": [["A", "partners_with", "B"]]}]}, "not a relation the rule yields"),
    ({"kind": "dependency", "pattern": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "buy"}}], "source": "v",
      "target": "buyer", "trigger": "v"}, "no node 'buyer'"),
])
def test_a_broken_rule_is_refused_with_its_name(change, message):
    with pytest.raises(RuleError, match="test.rule") as err:
        parse_rule({**GOOD, **change}, "test")
    assert message in str(err.value)


def test_two_rules_with_one_name_are_refused(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"rules": [GOOD]}))
    (tmp_path / "b.json").write_text(json.dumps({"rules": [GOOD]}))
    with pytest.raises(RuleError, match="defined twice"):
        registry(str(tmp_path))


def test_a_malformed_file_names_its_path(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(RuleError, match="bad.json"):
        read_rule_file(path)


def test_a_pattern_the_dependency_matcher_rejects_is_refused():
    rule = parse_rule({**GOOD, "kind": "dependency", "source": "v", "target": "o", "trigger": "v", "pattern": [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "buy"}},
        {"LEFT_ID": "v", "REL_OP": "<<>>", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": "dobj"}},
    ]}, "test")
    with pytest.raises(RuleError, match="test.rule: the DependencyMatcher rejects"):
        build_matcher(spacy.blank("en").vocab, [rule])


def test_every_registered_pattern_is_accepted():
    build_matcher(spacy.blank("en").vocab, dependency_rules())


def test_every_registered_pattern_can_be_walked():
    from extract.relations.patterns import expand_macros
    from extract.relations.treematch import TreePattern

    for rule in dependency_rules():
        TreePattern(expand_macros(list(rule.pattern)))
