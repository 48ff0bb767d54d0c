"""The tree walk finds what spaCy's DependencyMatcher finds, for every registered pattern."""
from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from extract.relations.patterns import dependency_rules, expand_macros
from extract.relations.treematch import TreePattern, UnsupportedPattern

TEXTS = [
    "Initech is best known for phones such as the Vega and the Nova, and Globex is known for its Orbit tablets.",
    "The tablet plays Initech's online offerings, such as Vega Music and Vega Video, and Globex's games including Orbit.",
    "Acme's products like Zephyr sold well, but Acme was not known for them; its rivals, such as Globex, were.",
    "She is known for her work at Initech, whose devices include the Vega.",
]


def _spacy_matches(nlp, pattern, doc):
    matcher = DependencyMatcher(nlp.vocab)
    matcher.add("p", [pattern])
    return sorted(tuple(ids) for _, ids in matcher(doc))


def _walk_matches(pattern, doc):
    return sorted(tuple(t.i for t in m) for m in TreePattern(pattern).matches(doc))


@pytest.mark.parametrize("rule", dependency_rules(), ids=lambda r: r.name)
def test_the_walk_and_the_dependency_matcher_agree(newsgraph_nlp, rule):
    pattern = expand_macros(list(rule.pattern))
    texts = TEXTS + [e.text for e in rule.examples]
    found = 0
    for doc in newsgraph_nlp.pipe(texts):
        expected = _spacy_matches(newsgraph_nlp, pattern, doc)
        assert _walk_matches(pattern, doc) == expected, doc.text
        found += len(expected)
    assert found, "the texts should exercise the pattern"


def test_an_operator_the_walk_does_not_evaluate_is_refused():
    with pytest.raises(UnsupportedPattern, match="operator"):
        TreePattern([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": "buy"}},
                     {"LEFT_ID": "a", "REL_OP": ">>", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": "dobj"}}])
