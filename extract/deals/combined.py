"""One deal per arrangement: a licence and a hire of the same two companies told together are one deal.

"Microsoft agreed to pay Inflection $650 million to license its models and hired most of its staff",
"Amazon hired Adept's chief executive and took a licence to the startup's technology": the text tells
one arrangement (a "reverse acqui-hire") in two clauses or sentences, and the project's gold lists it
once, as a licence (``data/README.md``). A hire with no licence of the same pair nearby stays a
``hiring`` deal.
"""
from __future__ import annotations

from dataclasses import replace

from ..entities import mention_key
from ..records import Deal
from .parties import KEEP_CONFIDENCE

#: How many sentences apart a licence and a hire may be told and still be one arrangement:
#: the same sentence, or the next few of one paragraph ("It then agreed to pay Inflection ...").
ARRANGEMENT_WINDOW = 3

#: Marks the rule of a licence that absorbed a hire of the same companies.
WITH_HIRE_MARK = "+with_hire"


def _companies(deal: Deal) -> frozenset[str]:
    return frozenset(mention_key(p.mention) for p in deal.parties)


def _partner_licence(hire: Deal, licences: list[Deal], sentence_of: dict[int, int]) -> Deal | None:
    """The stated licence of ``hire``'s two companies told closest to it, within :data:`ARRANGEMENT_WINDOW`."""
    at = sentence_of.get(hire.evidence.start)
    if at is None:
        return None
    near = [(abs(sentence_of.get(l.evidence.start, -10**6) - at), n) for n, l in enumerate(licences)
            if _companies(l) == _companies(hire) and l.confidence >= KEEP_CONFIDENCE]
    near = [item for item in near if item[0] <= ARRANGEMENT_WINDOW]
    return licences[min(near)[1]] if near else None


def merge_licence_and_hire(deals: list[Deal], sentence_of: dict[int, int]) -> list[Deal]:
    """``deals`` with each stated hire folded into the licence of the same two companies told near it.

    The licence keeps its roles (licensee, licensor) and takes the hire's amount and date where it
    has none, and the surer of the two confidences. A hire that is not stated as happening is
    dropped with its licence only if the licence is stated; a hypothetical licence absorbs nothing.

    Parameters
    ----------
    deals : list of Deal
        The deals of one article, in text order.
    sentence_of : dict
        Sentence start offset (a deal's ``evidence.start``) -> sentence number.

    Examples
    --------
    >>> from extract.records import DealParty, Evidence, Mention
    >>> def deal(kind, roles, sent, amount=None):
    ...     ev = Evidence("a", "", sent * 100, sent * 100 + 50)
    ...     return Deal("a", kind, tuple(DealParty(Mention("a", n, "company", 0, 1, 0, 1), r) for n, r in roles),
    ...                 ev, amount_usd=amount, rule="deal.verb")
    >>> hire = deal("hiring", [("Beta", "employer"), ("Acme", "employer")], 0)
    >>> licence = deal("licensing", [("Acme", "licensee"), ("Beta", "licensor")], 1, 6.5e8)
    >>> [(d.kind, d.amount_usd, d.rule) for d in merge_licence_and_hire([hire, licence], {0: 0, 100: 1})]
    [('licensing', 650000000.0, 'deal.verb+with_hire')]
    >>> far = deal("licensing", [("Acme", "licensee"), ("Beta", "licensor")], 9)
    >>> [d.kind for d in merge_licence_and_hire([hire, far], {0: 0, 900: 9})]
    ['hiring', 'licensing']
    """
    licences = [d for d in deals if d.kind == "licensing"]
    merged: dict[int, Deal] = {id(d): d for d in licences}
    absorbed: set[int] = set()
    for hire in deals:
        if hire.kind != "hiring":
            continue
        licence = _partner_licence(hire, licences, sentence_of)
        if licence is None:
            continue
        current = merged[id(licence)]
        no_amount = current.amount_usd is None and current.amount is None
        merged[id(licence)] = replace(
            current,
            amount_usd=hire.amount_usd if no_amount else current.amount_usd,
            amount=hire.amount if no_amount else current.amount,
            currency=hire.currency if no_amount else current.currency,
            date=current.date or hire.date,
            confidence=max(current.confidence, hire.confidence),
            rule=current.rule if WITH_HIRE_MARK in current.rule else current.rule + WITH_HIRE_MARK,
        )
        absorbed.add(id(hire))
    return [merged.get(id(d), d) for d in deals if id(d) not in absorbed]
