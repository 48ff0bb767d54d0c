"""Typed entity spans: the labels our components put on ``doc.ents`` and their records.

After :func:`extract.pipeline.load_nlp`'s components have run, ``doc.ents`` holds only our
typed entities, labelled with the upper-case type names of :data:`LABEL_TYPES`, and each
entity span carries ``span._.canonical`` (the gazetteer's canonical name, or ``None``) and
``span._.entity_source`` (the rule that typed it).
"""
from __future__ import annotations

from spacy.tokens import Span

from .records import Mention

#: doc.ents label -> record type
LABEL_TYPES = {
    "COMPANY": "company",
    "PERSON": "person",
    "MODEL": "model",
    "PRODUCT": "product",
    "ORGANIZATION": "organization",
    "PUBLICATION": "publication",
    "PLACE": "place",
}
TYPE_LABELS = {v: k for k, v in LABEL_TYPES.items()}

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)
if not Span.has_extension("entity_source"):
    Span.set_extension("entity_source", default="ner")


def mention_from_span(span: Span, article_id: str) -> Mention:
    """The :class:`~extract.records.Mention` record of a typed entity span.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Nvidia's CEO Jensen Huang spoke.")
    >>> doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 3, 5, label="PERSON")]
    >>> m = mention_from_span(doc.ents[1], "a1")
    >>> (m.text, m.type, m.start, m.end)
    ('Jensen Huang', 'person', 13, 25)
    """
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return Mention(
        article=article_id,
        text=span.text,
        type=LABEL_TYPES.get(span.label_, span.label_.lower()),
        start=span.start_char,
        end=span.end_char,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        source=span._.entity_source,
        canonical=span._.canonical,
    )
