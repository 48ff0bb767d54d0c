"""Ownership fallbacks (issue 12, round 9): part_of read off a frame rather than one construction.

:func:`named_prefix_parts` reads a unit's name: where an article names a company ("Nintendo") and,
elsewhere, a second company whose name is the first one's followed by a business line or a place ("Nintendo
Australia", "Ubisoft Pictures", "Google Cloud"), the second is a unit of the first. The gazetteer rule
``part.named_unit`` does this for known companies in sentences that speak of units; this one needs no
gazetteer but the parent's own mention in the same article, and runs only for pairs no rule related.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc, Span

from ..coref import EntityRefs
from ..gazetteer import gazetteer_of
from ..rules import code_rule
from .core import COMPANY, Candidate, _conf, _name_key

#: Companies only: on encyclopaedic text an organisation's name often starts with another's that is
#: no parent ("USC Thornton Symphony", "Confederate States Army"), so organisations are left to the rules
UNIT_LABELS = PARENT_LABELS = frozenset({COMPANY})

#: More words after the parent's name make a title or a product, not a unit ("Microsoft Open Specification Promise")
MAX_UNIT_WORDS = 2

#: Words a unit's name adds to its parent's: a business line ("Sony Pictures", "Google Cloud", "Oracle Health",
#: "AMD Ventures"). Read as a closed list because a name that runs on with other words is as often the
#: firm's own full name ("Helioform Robotics", "Coatue Management") or a product typed as a company
#: ("Toyota Aurion", "Oracle Database"), which measured wrong on the read corpora.
UNIT_NAME_WORDS = frozenset({"ventures", "research", "cloud", "health", "foundry", "pictures", "studios", "studio",
                             "films", "film", "television", "tv", "entertainment", "interactive", "music", "records",
                             "games", "gaming", "media", "financial", "web", "services"})


def _rest_is_unit_name(rest: Span, places: frozenset) -> bool:
    """Whether the words after the parent's name make a unit's name: at most two capitalised words, each
    a business line or a place ("Nintendo Australia": a country's subsidiary).

    >>> import spacy
    >>> doc = spacy.blank("en")("Nintendo Australia Sony Pictures Coatue Management")
    >>> [_rest_is_unit_name(doc[i:i + 1], frozenset({"Australia"})) for i in (1, 3, 5)]
    [True, True, False]
    """
    if len(rest) > MAX_UNIT_WORDS or not all(t.text[:1].isupper() for t in rest):
        return False
    return all(t.lower_ in UNIT_NAME_WORDS or t.text in places for t in rest)


@code_rule
def named_prefix_parts(doc: Doc, refs: EntityRefs, existing: Iterable[Candidate] = ()) -> Iterator[Candidate]:
    """part_of from a unit's name whose first words are another company the article names on its own.

    Only the longest such parent counts, once per unit, and only where no rule related the two names.
    """
    related = {frozenset((_name_key(c.source), _name_key(c.target))) for c in existing}
    parents = {}
    for ent in doc.ents:
        if ent.label_ in PARENT_LABELS and (ent._.canonical or ent.text) == ent.text:
            parents.setdefault(ent.text, ent)  # a short name standing for a longer one is no parent of it
    gazetteer = gazetteer_of(doc)
    places = frozenset(e.surface for e in gazetteer.entries if e.type == "place") if gazetteer is not None else frozenset()
    done = set()
    for ent in doc.ents:
        if ent.label_ not in UNIT_LABELS or len(ent) < 2 or ent.text in done:
            continue
        for size in range(len(ent) - 1, 0, -1):
            parent = parents.get(ent[:size].text)
            if parent is None or ent[size - 1].is_punct or not _rest_is_unit_name(ent[size:], places):
                continue
            if frozenset((_name_key(ent), _name_key(parent))) in related or ent._.canonical == parent.text:
                break
            done.add(ent.text)
            span = Span(doc, ent.start, ent.start + size, label=parent.label_)
            span._.canonical = parent._.canonical or parent.text
            span._.entity_source = "named_part"
            yield Candidate(ent, "part_of", span, ent.root, "part.named_prefix", _conf("part.named_prefix", False))
            break
