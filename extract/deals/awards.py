"""Contracts awarded by a body that is no company (deals17): "In June the agency awarded OpenAI a one-year
contract worth up to $200 million", "it gave contracts of up to $200 million each to Anthropic, Google and
xAI", "Acme was awarded a $480 million contract".

A government, agency or army is no company of the graph, so the frame of such a contract has one party
and would be dropped; the reader still wants the deal: an ``other`` deal of each company awarded, with the
contract's amount ("up to" included: the ceiling is the figure the text gives) and date. The award verb's
subject must not be a company (a company that awards another a contract makes a two-party deal, read by
the deal frames), the thing awarded a contract noun, and the companies the dative, a "to" phrase of the
verb's own phrase (the parser may hang it on the contract's "ceiling") or, in the passive, the subject.
Hedged or negated awards ("could award", "did not award") give none.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from ..entities import mention_from_span
from ..modality import deal_modality
from ..quantities import iter_dates, to_usd
from ..records import Article, Deal, DealParty
from .amounts import _date, _span_root
from .frames import _Frame
from .parties import KEEP_CONFIDENCE, _conjuncts, _evidence, _pobjs, in_own_phrase

#: The rule of these deals (data/patterns/deals.json).
AWARD_RULE = "deal.award"

#: Verbs that hand a contract to its holder.
_AWARD_VERBS = frozenset({"award", "give", "grant"})

#: Nouns of the thing awarded.
_CONTRACT_NOUNS = frozenset({"contract"})  # (not "award": "gave the award to X" is a prize)

#: Dependencies that open another clause: a company or amount below one belongs to another event.
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "conj", "parataxis", "xcomp", "csubj", "appos"})


def awarded_contracts(sent: Span, refs, money: list, article: Article) -> Iterator[Deal]:
    """The one-party ``other`` deals of the contracts ``sent`` says a non-company awarded.

    ``money`` is the sentence's amounts (:func:`~extract.deals.amounts._money_in`)."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _AWARD_VERBS:
            continue
        frame = _Frame(verb, "other", {}, refs, AWARD_RULE)
        contracts = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _CONTRACT_NOUNS]
        if not contracts or _awarder_is_company(verb, frame):
            continue
        frame.anchors.update(c.i for c in contracts)
        holders = _holders(verb, frame)
        if not holders:
            continue
        confidence = frame.confidence
        cap = deal_modality(verb)
        if cap is not None:
            confidence = min(confidence, cap)
        if confidence < KEEP_CONFIDENCE:
            continue
        amount = next((m for root, m in money if _within(root, verb) and not _within_any(root, holders)), None)
        usd = to_usd(amount) if amount is not None else None
        date = _own_date(verb, sent, article.date) or _date(frame, sent, article.date) or article.date
        for span in holders:
            yield Deal(article=article.id, kind="other",
                       parties=(DealParty(mention=mention_from_span(span, article.id), role="partner"),),
                       evidence=_evidence(article.id, sent), amount_usd=usd,
                       amount=amount.amount if amount is not None and usd is None else None,
                       currency=amount.currency if amount is not None and usd is None else None,
                       date=date, confidence=round(confidence, 2), rule=AWARD_RULE)


def _own_date(verb: Token, sent: Span, reference: str | None) -> str | None:
    """A date within the verb's own phrase: "in May it awarded A ..., and in June it gave B ..." dates each
    award by its own clause (a coordinated verb's clause would otherwise reach the first date)."""
    for start, end, iso in iter_dates(sent.text, reference=reference):
        root = _span_root(sent.doc, sent.start_char + start, sent.start_char + end)
        if root is not None and _within(root, verb):
            return iso
    return None


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, a coordinated verb's taken from the first ("it awarded ..., and gave ...")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ != "conj":
            return subjects
        verb = verb.head


def _awarder_is_company(verb: Token, frame: _Frame) -> bool:
    """Whether a company awards: the active subject, or the passive's "by" agent, names one."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        # (the parser may hang "by the Army" on the contract: "was awarded a contract by the Army")
        holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        agents = [o for h in holders for c in h.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                  for o in c.children if o.dep_ == "pobj"]
    else:
        agents = _subjects(verb)
        if not agents:
            return True  # no awarder told: nothing says it is no company
    # (a pronoun resolved to a company does not count: "it" after "the chief digital office has moved fast"
    # is the office, whatever company coreference last saw; a company awarding under a pronoun still
    # leaves its holder a deal of one side)
    return any(found is not None and not found[1] for found in map(frame.parties.company, agents))


def _holders(verb: Token, frame: _Frame) -> list[Span]:
    """The companies awarded: the dative, a "to" object within the verb's phrase, or the passive subject."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    tokens = [c for c in verb.children if c.dep_ in ("dative", "nsubjpass" if passive else "dative") and c.pos_ != "ADP"]
    # "gave contracts ... to A, B and C" (the parser calls that "to" a dative or a preposition)
    tokens += [o for t in verb.subtree if t.dep_ in ("prep", "dative") and t.lower_ == "to" and _within(t, verb)
               for o in _pobjs(t)]
    spans: list[Span] = []
    for token in (t for holder in tokens for t in _conjuncts(holder)):
        found = frame.parties.company(token)
        if found is not None and not found[1] and all(found[0] != s for s in spans):
            spans.append(found[0])
    return spans


def _within(token: Token, verb: Token) -> bool:
    """Whether ``token`` belongs to ``verb``'s own phrase: below it, through no other clause."""
    return in_own_phrase(token, verb, _CLAUSE_DEPS)


def _within_any(token: Token, spans: list[Span]) -> bool:
    return any(span.start <= t.i < span.end for span in spans for t in [token] + list(token.ancestors))
