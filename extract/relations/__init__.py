"""Typed relations between entities, from the dependency parse.

:func:`find_relations` runs small rule families over a parsed Doc whose ``doc.ents`` are our
typed entities, each a generator of candidate edges in the style of textacy's
``extract.triples``:

* :func:`title_relations` - job titles in appositions, compounds, possessives, copulas and
  "as" phrases: "Nvidia's CEO Jensen Huang", "Jensen Huang, Nvidia's chief executive",
  "Mustafa Suleyman, DeepMind co-founder and former CEO of Inflection AI";
* :func:`possessive_relations` - "OpenAI's GPT-4" (develops), "Google's DeepMind unit" (part_of);
* :func:`verb_relations` - verbs, active and passive, with their subjects found through
  coordination, control ("hired X to lead Y"), relative clauses and coreference;
* :func:`noun_relations` - nominalisations and role nouns: "its investment in OpenAI",
  "the collaboration between Microsoft and OpenAI", "under development by Microsoft",
  "OpenAI, the maker of ChatGPT", "a division of Alphabet".

Every candidate is then checked centrally: both ends typed entities of the types the relation
takes, no self-loop, no negated trigger ("not", "never", "cut ties"); hedges ("could",
"reportedly", "is expected to") lower the confidence but keep the edge. Trigger words live in
``data/patterns/relation_triggers.json``.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Span
>>> nlp = spacy.blank("en")
>>> doc = nlp("OpenAI 's GPT-4")
>>> doc[2].head, doc[2].dep_ = doc[2], "ROOT"
>>> doc[0].head, doc[0].dep_ = doc[2], "poss"
>>> doc[1].head, doc[1].dep_ = doc[0], "case"
>>> doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 2, 3, label="MODEL")]
>>> [(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "a1")]
[('OpenAI', 'develops', 'GPT-4')]
"""
from .admission import FALLBACK_RULES, RULES, find_relations
from .core import (
           Candidate,
           crosses_line_break,
           entities_of,
           is_hedged,
           is_negated,
           subjects_of,
           surface_list,
)

__all__ = ["find_relations", "RULES", "FALLBACK_RULES", "Candidate", "entities_of", "subjects_of", "surface_list",
           "is_negated", "is_hedged", "crosses_line_break"]
