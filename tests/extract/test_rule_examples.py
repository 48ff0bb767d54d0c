"""Every example of every registered rule runs: its triples (or deals) come out *from that rule*, and
the ones it must not give do not come out at all."""
from __future__ import annotations

import pytest

from extract.examples import example_problems
from extract.rules import registry

CASES = [(rule.name, i) for rule in registry().values() for i in range(len(rule.examples))]


@pytest.mark.parametrize("name,index", CASES, ids=[f"{n}#{i}" for n, i in CASES])
def test_rule_example_holds(newsgraph_nlp, name, index):
    rule = registry()[name]
    assert example_problems(newsgraph_nlp, rule, rule.examples[index]) == []
