"""Deals out of frames: :func:`find_deals` keeps the complete frames of an article (two companies with
roles), caps their confidence by modality, adds amounts and dates, and merges tellings of one deal;
:func:`deal_relations` states the relation a kept deal implies between its parties.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Doc

from ..entities import mention_from_span, mention_key
from ..modality import deal_modality
from ..quantities import iter_dates, to_usd
from ..records import Article, Deal, DealParty, Relation
from ..rules import code_rule
from ..rules import confidence as rule_confidence
from .awards import awarded_contracts
from .backgrounds import UNIT_SOLD_MARK, date_right_after
from .clause_partners import add_clause_partners
from .combined import merge_licence_and_hire
from .contracts import add_contract_parties, add_rights_frames
from .joiners import add_joining_partners, joining_text
from .lone_rounds import add_lone_rounds, lone_round
from .parts_bought import add_sale_owners, owner_sellers
from .amounts import (
    LATER_AMOUNT_WINDOW,
    _amount,
    _amount_in_later,
    _amount_in_next,
    _date,
    _money_in,
)
from .frames import _add_round_participants, _Frame, _frames, _join_host, _raise_before
from .rounds import add_sentence_investors, names_new_round, retold_in_body
from .parties import (
    _STANDING_MARKS,
    CONFIDENCE_AMOUNT_BONUS,
    CONFIDENCE_STATE_NOUN,
    DEAL_RELATION_RULE,
    KEEP_CONFIDENCE,
    NAME_COMPOUND_MARK,
    STANDING_MARK,
    _complete,
    _evidence,
    _party_key,
    _refs_for,
)

#: Kinds whose listed targets are separate transactions: "bought A, B and C" is three acquisitions.
_SPLIT_KINDS = {"acquisition": "seller"}


#: Kinds whose listed partners are separate deals when the trigger noun is plural ("partnerships with A and B").
_PAIRED_KINDS = {"partnership": "partner", "other": "partner", "licensing": "licensor"}


def _party_sets(frame: _Frame) -> list[dict]:
    """The parties of each deal a frame states: one set, or one per company a single slot lists
    as the thing acquired ("Iowa Telecom bought Lakedale, Sherbtel and SOMA": three deals, each
    with the buyer). Roles shared by the whole frame (the buyer) go into every set."""
    roles = frame.parties.roles
    target_role = _SPLIT_KINDS.get(frame.kind)
    if target_role is None and frame.trigger.tag_ in ("NNS", "NNPS") and frame.kind in _PAIRED_KINDS:
        # "signed partnerships with A, B and C": one partnership with each ("a partnership with A
        # and B", "A, B and C formed a venture" stay one deal of all)
        target_role = _PAIRED_KINDS[frame.kind]
    if target_role is None:
        return [roles]
    for group in frame.parties.listed:
        members = [k for k in group if k in roles and roles[k][1] == target_role]
        others = [k for k in roles if k not in members]
        if len(members) > 1 and others:
            return [{k: v for k, v in roles.items() if k not in members or k == member} for member in members]
    return [roles]


def _information(deal: Deal) -> tuple:
    return (deal.confidence >= KEEP_CONFIDENCE, deal.amount_usd is not None or deal.amount is not None,
            len(deal.date or ""), deal.confidence, len(deal.parties))


@code_rule
def find_deals(doc: Doc, article: Article, refs=None) -> Iterator[Deal]:
    """The deals stated in a parsed article: one :class:`~extract.records.Deal` per transaction.

    Parameters
    ----------
    doc : Doc
        The parsed article; ``doc.ents`` are our typed entities (COMPANY spans are parties).
    article : Article
        The article (its ``id`` names the records, its ``date`` resolves relative dates and
        dates the deals whose sentence gives none).
    refs : EntityRefs, optional
        Entity references from :func:`extract.coref.entity_refs`; built here when omitted.

    Yields
    ------
    Deal
        In text order. The same deal stated twice in the article (same kind, same
        companies) is yielded once, with the most information found.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> from extract.records import Article
    >>> nlp = spacy.blank("en")
    >>> words = "Microsoft acquired Activision for $ 69 billion .".split()
    >>> heads = [1, 1, 1, 1, 6, 6, 3, 1]
    >>> deps = ["nsubj", "ROOT", "dobj", "prep", "quantmod", "compound", "pobj", "punct"]
    >>> pos = ["PROPN", "VERB", "PROPN", "ADP", "SYM", "NUM", "NUM", "PUNCT"]
    >>> lemmas = ["Microsoft", "acquire", "Activision", "for", "$", "69", "billion", "."]
    >>> doc = Doc(nlp.vocab, words=words, spaces=[True] * 3 + [True, False, True, False, False],
    ...           heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    >>> doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 2, 3, label="COMPANY")]
    >>> deal = next(find_deals(doc, Article(id="a1", text=doc.text)))
    >>> deal.kind, [(p.mention.text, p.role) for p in deal.parties], deal.amount_usd
    ('acquisition', [('Microsoft', 'buyer'), ('Activision', 'seller')], 69000000000.0)
    """
    refs = _refs_for(doc, refs)
    sents = list(doc.sents)
    best: dict[tuple, Deal] = {}
    order: list[tuple] = []
    previous: list[_Frame] = []
    previous_money: list = []
    lone: list[Deal] = []  # rounds with no investor named (lone_rounds)
    for k, sent in enumerate(sents):
        money = _money_in(sent)
        frames = add_rights_frames(list(_frames(sent, refs)), sent, refs)  # rights handed over: a licence (partners6)
        lone.extend(awarded_contracts(sent, refs, money, article))  # "the agency awarded A a contract" (deals17)
        for frame in frames:
            add_clause_partners(frame)  # ", a partnership that ...": the partners its clause names (rivals5)
            add_contract_parties(frame)  # "a contract to supply capacity to B", "deals with A and with B" (partners6)
            add_sale_owners(frame)  # "Globex sold Initech to Hooli": Globex sold, and was not bought (deals17)
            if not _complete(frame) and _join_host(frame, frames):
                frame.rule += "+part_of_host"
                add_sentence_investors(frame)  # the rest of the round's investors, now that it has an investee (money8)
            raised = _raise_before(frame, previous)
            if raised is not None:
                frame.rule += "+previous_sentence_raise"
            # (money5: "Earlier backers A and B took part in a $60 million round in 2022" tells another round)
            if frame.is_round and frame.parties.has_role("investee") and k + 1 < len(sents) \
                    and not names_new_round(sents[k + 1], frame):
                if _add_round_participants(frame, sents[k + 1]):
                    frame.rule += "+next_sentence_participants"
            elif frame.kind == "partnership" and _complete(frame):
                following = joining_text(frame, sent, sents[k + 1] if k + 1 < len(sents) else None)
                if any([add_joining_partners(frame, text) for text in following]):
                    frame.rule += "+joining_partner"
            if not _complete(frame):
                # (a present perfect with no time of its own, "has raised $20 million", is a holding)
                deal = None if _perfect_without_time(frame, sent, article.date) else lone_round(frame, sent, money, article)
                if deal is not None:
                    lone.append(deal)
                continue
            confidence = frame.confidence
            cap = deal_modality(frame.trigger)
            if cap is not None:
                confidence = min(confidence, cap)
            rule = frame.rule
            amount = _amount(frame, money)
            if amount is None and raised is not None:
                amount = _amount(raised, previous_money)
            if amount is None and confidence >= KEEP_CONFIDENCE:
                amount = _amount_in_next(sent, sents[k + 1] if k + 1 < len(sents) else None, frame.kind,
                                         frozenset(_party_key(span) for span, _, _ in frame.parties.roles.values()))
                if amount is not None:
                    rule += "+next_sentence_amount"
                else:
                    amount = _amount_in_later(frame, sents[k + 1: k + 1 + LATER_AMOUNT_WINDOW], refs)
                    if amount is not None:
                        rule += "+later_sentence_amount"
            if amount is None and (frame.spec.get("standing_without_amount") or _perfect_without_time(frame, sent, article.date)
                                   or _perfect_support_without_time(frame, article.date)):
                # "Ostrava is backed by CapitalG", "which had also backed Petrichor", "has invested in
                # Zhipu AI and MiniMax": who stands behind a company, not news of a transaction;
                # "backed Anthropic with $4 billion", "invested in X in March" is one
                confidence = min(confidence, CONFIDENCE_STATE_NOUN)
                rule += STANDING_MARK
            if amount is not None and confidence >= KEEP_CONFIDENCE:
                confidence = min(0.99, confidence + CONFIDENCE_AMOUNT_BONUS)  # a stated price makes a deal surer
            if any(via_coref for _, _, via_coref in frame.parties.roles.values()):
                confidence = round(confidence - 0.05, 2)
            date = _date(frame, sent, article.date) or article.date
            party_sets = _party_sets(frame)
            if len(party_sets) > 1:
                rule += "+listed"
                amount = None  # one price for "A, B and C" is no one company's price
            usd = to_usd(amount) if amount is not None else None
            for roles in party_sets:
                own_date = _listed_date(roles, frame, party_sets, article.date)
                parties = tuple(
                    DealParty(mention=mention_from_span(span, article.id), role=role)
                    for span, role, _ in sorted(roles.values(), key=lambda item: item[0].start)
                )
                deal = Deal(
                    article=article.id,
                    kind=frame.kind,
                    parties=parties,
                    evidence=_evidence(article.id, sent),
                    amount_usd=usd,
                    amount=amount.amount if amount is not None and usd is None else None,
                    currency=amount.currency if amount is not None and usd is None else None,
                    date=own_date or date,
                    confidence=round(confidence, 2),
                    rule=rule,
                )
                parties_key = (frame.kind, frozenset(_party_key(span) for span, _, _ in roles.values()))
                # the same companies in two deals of one kind with different amounts are two deals
                # (Amazon's $1.25 billion and, later, its $2.75 billion in Anthropic)
                key = next((k for k in order if k[:2] == parties_key and same_amount(best[k], deal)),
                           parties_key + (len(order),))
                if key not in best:
                    order.append(key)
                    best[key] = deal
                else:
                    best[key] = _with_dollars(*((deal, best[key]) if _information(deal) > _information(best[key])
                                                else (best[key], deal)))
        previous, previous_money = frames, money
    kept = [best[key] for key in order]
    for n, deal in enumerate(kept):
        for m, other in enumerate(kept):
            if other is not deal and _told_within(other, deal) and other.amount_usd is not None \
                    and deal.amount_usd is None and deal.amount is None:
                # the smaller telling had the amount ("raised $5M" vs "a round led by A")
                kept[n] = deal = replace(deal, amount_usd=other.amount_usd)
    kept = merge_licence_and_hire(kept, {sent.start_char: k for k, sent in enumerate(sents)})
    kept = [deal for deal in kept if not _named_elsewhere(deal, kept) and not _agreed_within(deal, kept)]
    kept = list(add_lone_rounds(kept, lone))
    for deal in kept:
        if not any(_told_within(deal, other) or retold_in_body(deal, other) and same_amount(deal, other)
                   for other in kept if other is not deal):
            yield deal


def _with_dollars(kept: Deal, other: Deal) -> Deal:
    """The telling ``kept`` of a deal, with the dollar amount of another telling of it where ``kept`` states
    its amount in another currency only ("raises €600m" in a title, "€600 million (about $640m)" in the body)."""
    if kept.amount_usd is None and kept.amount is not None and other.amount_usd is not None:
        return replace(kept, amount_usd=other.amount_usd, amount=None, currency=None)
    return kept


def _named_elsewhere(deal: Deal, deals: list[Deal]) -> bool:
    """A deal noun known only by a name in front of it ("Cisco closes $28 billion Splunk deal") whose
    companies make a deal of a told kind in the same article (Cisco's acquisition of Splunk): the same
    deal, not a second one of unknown kind. (acq5)"""
    if deal.kind != "other" or NAME_COMPOUND_MARK not in deal.rule or deal.confidence < KEEP_CONFIDENCE:
        return False
    companies = {mention_key(p.mention) for p in deal.parties}
    return any(other.kind != "other" and other.confidence >= KEEP_CONFIDENCE
               and companies <= {mention_key(p.mention) for p in other.parties} for other in deals)


def _listed_date(roles: dict, frame: _Frame, party_sets: list, reference: str | None) -> str | None:
    """The date one of several listed targets carries after its name ("including A in 2006 and B in
    2011"); none when the frame states one deal."""
    if len(party_sets) < 2:
        return None
    target_role = _SPLIT_KINDS.get(frame.kind)
    targets = [span for span, role, _ in roles.values() if role == target_role]
    return date_right_after(targets[0], reference) if len(targets) == 1 else None


def _perfect_without_time(frame: _Frame, sent, reference: str | None) -> bool:
    """An investment verb in the present perfect with no time of its own ("has invested in A and B",
    "have also invested in it"): a holding the text reports, not a dated transaction."""
    verb = frame.trigger
    if frame.kind != "investment" or verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children):
        return False
    own = _own_time_text(verb)  # (a date of a coordinated clause is not its own)
    return next(iter_dates(own, reference=reference), None) is None


def _own_time_text(verb) -> str:
    """The verb's clause without its "since" phrases: "in which it has invested since 2017" says how long a
    holding has lasted, not when a transaction happened (deals17)."""
    since = {t.i for child in verb.children if child.lower_ == "since" for t in child.subtree}
    return "".join(t.text_with_ws for t in verb.doc[verb.left_edge.i: verb.right_edge.i + 1] if t.i not in since)


def _perfect_support_without_time(frame: _Frame, reference: str | None) -> bool:
    """(deals15) An investment noun whose verb is in the present perfect with no time of its own ("has drawn
    investment from Microsoft", "has taken investment from A and B"): a holding, as with the verb itself."""
    noun = frame.trigger
    if frame.kind != "investment" or noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "obj") or noun.head.pos_ != "VERB":
        return False
    verb = noun.head
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children):
        return False
    own = verb.doc[verb.left_edge.i: verb.right_edge.i + 1].text
    return next(iter_dates(own, reference=reference), None) is None


def same_amount(a: Deal, b: Deal, tolerance: float = 0.1) -> bool:
    """Whether two tellings may be of one deal as far as money goes: either states no amount, or
    both state amounts in one currency within ``tolerance`` of each other ("$13 billion", "some $13B").

    Examples
    --------
    >>> from extract.records import Deal, Evidence
    >>> ev = Evidence("a", "", 0, 0)
    >>> same_amount(Deal("a", "investment", (), ev, amount_usd=13e9), Deal("a", "investment", (), ev, amount_usd=12.9e9))
    True
    >>> same_amount(Deal("a", "investment", (), ev, amount_usd=1.25e9), Deal("a", "investment", (), ev, amount_usd=2.75e9))
    False
    >>> same_amount(Deal("a", "investment", (), ev, amount_usd=1.25e9), Deal("a", "investment", (), ev))
    True
    """
    x = (a.amount_usd, "USD") if a.amount_usd is not None else (a.amount, a.currency)
    y = (b.amount_usd, "USD") if b.amount_usd is not None else (b.amount, b.currency)
    if x[0] is None or y[0] is None:
        return True
    if x[1] != y[1]:
        return True  # no exchange rates: a euro and a dollar figure may be one deal
    return abs(x[0] - y[0]) <= tolerance * max(x[0], y[0])


#: The rule of an agreement told by "A agreed with B to ..." (deal_triggers.json: verb "agree").
AGREEMENT_RULE = "deal.verb:agree"


def _agreed_within(deal: Deal, deals: list[Deal]) -> bool:
    """ "X raised $800 million in a round led by A and B, and agreed with A to build ...": an agreement
    whose companies are all parties of another deal the same sentence tells is that deal's other half
    (one arrangement), not a second deal. (deals14)"""
    if not deal.rule.startswith(AGREEMENT_RULE):
        return False
    companies = {mention_key(p.mention) for p in deal.parties}
    return any(other is not deal and other.evidence == deal.evidence and other.confidence >= KEEP_CONFIDENCE
               and companies <= {mention_key(p.mention) for p in other.parties} for other in deals)


def _told_within(deal: Deal, other: Deal) -> bool:
    """Whether ``other`` is the same deal as ``deal`` told with more parties in the same sentence
    ("X raised $5M in a round led by A": the raise and the round)."""
    if deal.kind != other.kind or deal.evidence != other.evidence or len(deal.parties) >= len(other.parties):
        return False
    keys = {(p.mention.start, p.mention.end) for p in other.parties}
    return all((p.mention.start, p.mention.end) in keys for p in deal.parties)


#: The relation a kept deal states between two of its parties: (kind, source role, relation, target role).
DEAL_RELATIONS = (
    ("acquisition", "buyer", "acquires", "seller"),
    ("investment", "investor", "invests_in", "investee"),
    ("licensing", "licensee", "licenses_from", "licensor"),
    ("partnership", "partner", "partners_with", "partner"),
    # a company that joins a named venture with money invests in it ("Stargate ... MGX is also putting in money")
    ("partnership", "investor", "invests_in", "investee"),
    # a commercial agreement ("a cloud agreement with AWS", "a two-year compute contract with Microsoft",
    # "spend $600 million on capacity from Oracle") makes its companies partners too; "Salesforce's
    # Ostrava Analytics deal" does not say which deal (a name in front of the noun: no edge)
    ("other", "partner", "partners_with", "partner"),
)


@code_rule
def deal_relations(deals, relations=()) -> Iterator[Relation]:
    """The relations that kept deals state between their parties, where no rule stated them already.

    "the Redmond-based company made a investment in the startup as part of a multi-year
    partnership" is a partnership deal; the companies are partners too (``partners_with``),
    whether or not a relation rule read the sentence that way.

    Parameters
    ----------
    deals : iterable of Deal
        Deals of one article; those below :data:`KEEP_CONFIDENCE` (hypothetical, negated)
        state nothing.
    relations : iterable of Relation
        Relations already found in the article: a pair stated by them in the same sentence is
        not stated again.

    Yields
    ------
    Relation
        ``rule`` is ``"deal:<the deal's rule>"``.

    Examples
    --------
    >>> from extract.records import Deal, DealParty, Evidence, Mention
    >>> ev = Evidence("a", "Snowflake bought Neeva.", 0, 23)
    >>> buyer = Mention("a", "Snowflake", "company", 0, 9, 0, 23)
    >>> target = Mention("a", "Neeva", "company", 17, 22, 0, 23)
    >>> deal = Deal("a", "acquisition", (DealParty(buyer, "buyer"), DealParty(target, "seller")), ev)
    >>> [(r.source.text, r.relation, r.target.text) for r in deal_relations([deal])]
    [('Snowflake', 'acquires', 'Neeva')]
    """
    from ..relations.fallback_partners import same_family  # here: extract.relations imports this module (contracts8)
    stated = {(r.relation, mention_key(r.source), mention_key(r.target), r.evidence.start) for r in relations}
    units = {(mention_key(r.source), mention_key(r.target)) for r in relations if r.relation == "part_of"}
    for deal in deals:
        if deal.confidence < KEEP_CONFIDENCE and not _standing_investment(deal) and not _standing_partnership(deal):
            continue
        for kind, source_role, relation, target_role in DEAL_RELATIONS:
            if deal.kind != kind or kind == "other" and NAME_COMPOUND_MARK in deal.rule \
                    or kind == "acquisition" and UNIT_SOLD_MARK in deal.rule:
                continue  # (acq5) a unit sold: the buyer did not acquire its seller
            sources = [p.mention for p in deal.parties if p.role == source_role]
            targets = [p.mention for p in deal.parties if p.role == target_role]
            if kind == "acquisition":
                # "Ashgrove sold its automotive unit, Ashgrove Drive, to Infineon": the buyer acquires the
                # unit, not the parent that sold it (a list of companies bought is split into deals before)
                targets = [t for t in targets if not any((mention_key(u), mention_key(t)) in units for u in targets if u is not t)]
                # (deals15) "its purchase of Venafi from Thoma Bravo": the owner that sold it was not bought
                sold_by = owner_sellers(deal.rule)
                targets = [t for t in targets if mention_key(t) not in sold_by]
            for i, source in enumerate(sources):
                # partners pair up once each ("A, B and C partnered": A-B, A-C, B-C)
                for target in (sources[i + 1:] if source_role == target_role else targets):
                    key = (relation, mention_key(source), mention_key(target), deal.evidence.start)
                    if mention_key(source) == mention_key(target) or key in stated or \
                            relation == "partners_with" and same_family(key[1], key[2]) or \
                            (source_role == target_role and (relation, key[2], key[1], key[3]) in stated):
                        continue
                    stated.add(key)
                    yield Relation(source, relation, target, deal.evidence,
                                   round(deal.confidence * rule_confidence(DEAL_RELATION_RULE), 3),
                                   f"{DEAL_RELATION_RULE}:{deal.rule}")


def _standing_partnership(deal: Deal) -> bool:
    """A partnership told as how things stand ("the joint venture between A and B", "made B its primary
    cloud provider"): no deal node, but the companies are partners. Hypothetical or negated ones are not."""
    return deal.kind == "partnership" and deal.confidence >= CONFIDENCE_STATE_NOUN - 0.05 and "+state" in deal.rule


def _standing_investment(deal: Deal) -> bool:
    """An investment stated as how things stand ("is backed by A and B", "holds a stake in Y"):
    no deal, but the investors do invest in the company. Hypothetical or negated ones are not."""
    return deal.kind == "investment" and deal.confidence >= CONFIDENCE_STATE_NOUN - 0.05 \
        and any(mark in deal.rule for mark in _STANDING_MARKS)
