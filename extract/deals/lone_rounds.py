"""Rounds told with no investor named: "Acme raised $50 million in a Series B round", "Astera Labs went
public in March, raising $713 million". The money changed hands and the reader wants the deal (its
company, amount and date) even though the text names no backer: a deal of one party.

A frame of such a round is incomplete (:func:`~extract.deals.parties._complete` wants an investor), so
:func:`~extract.deals.find.find_deals` hands it here instead of dropping it. A lone round is kept only
where it is news: a stated amount attached to the round, no hedge or negation ("is in talks to raise"), not
a running total ("has raised $20 million so far"), and no other deal of the article already tells a round
of that company (then this telling is the same round, or an earlier one told in passing).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from ..entities import mention_from_span, mention_key
from ..modality import deal_modality
from ..quantities import to_usd
from ..records import Article, Deal, DealParty
from .amounts import _amount, _date
from .frames import _Frame
from .parties import KEEP_CONFIDENCE, _evidence, in_own_phrase

#: Marks the rule of a deal built from a round with no investor.
LONE_ROUND_MARK = "+lone_round"

#: A lone round's confidence is its frame's less this: one party is less than a transaction's two sides.
LONE_ROUND_PENALTY = 0.1

#: Words after a raise that make its amount a running total, not one round ("so far", "to date", "in total").
_TOTAL_WORDS = frozenset({"far", "date", "total", "overall", "altogether", "cumulatively", "since"})

#: Verbs whose subject is the company that takes a round it governs ("Acme closed a $50 million round");
#: another verb's subject ("Amazon anchored a round for X", "A led the round") is a backer or a bystander.
_TAKING_VERBS = frozenset({"raise", "close", "secure", "complete", "announce", "land", "receive", "get", "finalize",
                           "finalise", "confirm", "win", "bag", "net", "obtain", "collect", "pull", "unveil"})

#: Dependencies that open a clause: an amount below one is not the round's ("after the company raised its
#: forecast" below "adding $30 billion to its market value").
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "conj", "parataxis", "xcomp", "csubj"})


def lone_round(frame: _Frame, sent: Span, money: list, article: Article) -> Deal | None:
    """The one-party deal that an incomplete round ``frame`` states, or ``None``.

    Parameters
    ----------
    frame : _Frame
        A deal frame of ``sent`` that lacks a party.
    sent : Span
        Its sentence.
    money : list
        The sentence's amounts (:func:`~extract.deals.amounts._money_in`).
    article : Article
        Names the record and dates a deal whose sentence gives no date.
    """
    if not frame.is_round or frame.parties.has_role("investor"):
        return None
    investees = [(span, via_coref) for span, role, via_coref in frame.parties.roles.values() if role == "investee"]
    if len(investees) != 1 or not _takes_round(frame.trigger, *investees[0]):
        return None
    amount = _amount(frame, [(root, money) for root, money in money if _within_phrase(root, frame.trigger)])
    if amount is None or _running_total(frame, sent):
        return None
    confidence = frame.confidence - LONE_ROUND_PENALTY
    cap = deal_modality(frame.trigger)
    if cap is not None:
        confidence = min(confidence, cap)
    if confidence < KEEP_CONFIDENCE:
        return None
    usd = to_usd(amount)
    return Deal(
        article=article.id,
        kind=frame.kind,
        parties=(DealParty(mention=mention_from_span(investees[0][0], article.id), role="investee"),),
        evidence=_evidence(article.id, sent),
        amount_usd=usd,
        amount=amount.amount if usd is None else None,
        currency=amount.currency if usd is None else None,
        date=_date(frame, sent, article.date) or article.date,
        confidence=round(confidence, 2),
        rule=frame.rule + LONE_ROUND_MARK,
    )


def _takes_round(trigger: Token, investee: Span, via_coref: bool) -> bool:
    """Whether ``investee`` is the company that takes the round ``trigger`` names: the subject of a
    raise ("Acme raised", "went public, raising"), the owner of a round noun ("Acme's round", "the Acme
    round", "a round for Acme") or the subject of a taking verb that governs it ("Acme closed a round")."""
    if trigger.pos_ in ("VERB", "AUX"):
        verbs = [trigger] + ([trigger.head] if trigger.dep_ in ("advcl", "xcomp", "conj") else [])
        subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if trigger.dep_ == "relcl" and investee.start <= trigger.head.i < investee.end:
            return True  # "Aleph Alpha, which raised $500 million"
        if via_coref:
            return any(c.pos_ in ("PRON", "NOUN") for c in subjects)
        return any(investee.start <= c.i < investee.end for c in subjects)
    if via_coref:
        return False
    root = investee.root
    if root.head == trigger and root.dep_ in ("poss", "compound"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head == trigger:
        return True
    verb = trigger.head
    return trigger.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in _TAKING_VERBS and \
        any(c.dep_ == "nsubj" and investee.start <= c.i < investee.end for c in verb.children)


def _within_phrase(token: Token, trigger: Token) -> bool:
    """Whether ``token`` (an amount) belongs to ``trigger``'s own phrase: below it, through no clause."""
    return in_own_phrase(token, trigger, _CLAUSE_DEPS)


def _running_total(frame: _Frame, sent: Span) -> bool:
    """"raised $90 million in total", "$1 billion to date": a company's funding to date, not a round.
    (A present perfect with no time of its own, "has raised $20 million", find_deals reads as a holding.)"""
    verb = frame.trigger
    return any(t.lower_ in _TOTAL_WORDS for t in verb.subtree if t.i > verb.i)


def add_lone_rounds(kept: list[Deal], lone: Iterable[Deal]) -> Iterator[Deal]:
    """``kept`` and, after them, each lone round of a company that is no party of a kept investment deal
    of the article (by name or a longer form of it: "Acme" of "Acme, Inc."), told in a sentence that
    tells no kept investment deal, once per company (the first telling)."""
    yield from kept
    investments = [deal for deal in kept if deal.kind == "investment"]
    told = {_words(mention_key(p.mention)) for deal in investments for p in deal.parties}
    sentences = {deal.evidence.start for deal in investments}
    for deal in lone:
        key = _words(mention_key(deal.parties[0].mention))
        if deal.evidence.start in sentences or any(k[:len(key)] == key or key[:len(k)] == k for k in told):
            continue
        told.add(key)
        yield deal


def _words(name: str) -> tuple[str, ...]:
    """A name's words without punctuation: "helioform robotics, inc." -> ("helioform", "robotics", "inc")."""
    return tuple(w for w in ("".join(ch for ch in word if ch.isalnum()) for word in name.split()) if w)
