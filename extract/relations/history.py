"""Ownership told as history, the way backgrounders and encyclopaedic text tell it: "In 1990 Enasa was sold
to Iveco", "Orrin Robotics, now part of Kessling Telecom, ...", "its parent company, Brannock Software",
"following its purchase by Pellmark Foods, Ferrow Analytics ...".

A company sold to another, or bought by it, is part of it afterwards (the gold of news articles counts
that part_of as optional; encyclopaedic gold counts it). Only sales told as done are read: a participle
or a past passive with no modal or future ("will be sold to", "is being acquired" are no history).
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..rules import code_rule
from ..tokens import lemma_word, tokens_where
from .core import COMPANY, Candidate, _conf, _prep_objects, entities_of, subjects_of

#: Verbs whose passive subject passed to the "to" object: "Enasa was sold to Iveco".
SALE_VERBS = frozenset({"sell", "divest"})

#: Verbs whose passive subject was bought by the "by" agent: "Tessaly Labs was acquired by Corvane".
PURCHASE_VERBS = frozenset({"acquire", "buy", "purchase"})

#: Nouns of a purchase whose possessor is the company bought when a "by" names the buyer: "its purchase by Y".
PURCHASE_NOUNS = frozenset({"acquisition", "purchase", "takeover", "buyout", "sale"})

#: Auxiliaries that make a passive no history: "will be sold", "is being acquired", "could be bought".
NOT_DONE = frozenset({"will", "would", "could", "may", "might", "shall", "should", "must", "can", "being"})

#: Nouns for a piece of a company: "This division was later sold to Y" sold a piece of the company the
#: noun refers back to, not the company.
PIECE_NOUNS = frozenset({"division", "unit", "arm", "business", "operation", "asset", "stake", "share", "plant",
                         "factory", "brand", "portfolio", "holding", "department", "subsidiary", "part"})

#: Adverbs that put a "part of Y" in the past: "originally part of the Royal Court".
FORMER_ADVERBS = frozenset({"originally", "formerly", "once", "previously", "initially", "earlier"})

#: What can be sold or bought whole and then be part of its buyer (the schema's sources of part_of).
OWNED_TYPES = (COMPANY, "ORGANIZATION", "PUBLICATION")

#: What can own one (the schema's targets of part_of).
OWNER_TYPES = (COMPANY, "ORGANIZATION")


def _told_as_done(verb: Token) -> bool:
    """A past participle with no modal, future or progressive auxiliary: "was sold", "had been bought",
    "acquired by Y in 2016" (a participle after a name). "will be sold to Y" is not done yet."""
    if verb.tag_ != "VBN":
        return False
    clause = verb.head if verb.dep_ == "conj" else verb
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in NOT_DONE for c in (*verb.children, *clause.children))


def _sold_things(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """What a passive sale verb says was sold: its passive subject, or the name a participle follows
    ("Quillon, sold to Harrowgate in 2019, ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subjects:
        return [e for s in subjects if s.lemma_.lower() not in PIECE_NOUNS for e in entities_of(s, refs)]
    if verb.dep_ in ("acl", "relcl") or (verb.dep_ == "conj" and verb.head.dep_ in ("acl", "relcl")):
        return subjects_of(verb, refs)
    return subjects_of(verb, refs) if verb.dep_ == "conj" else []


def _history_pairs(verb: Token, preps: tuple[str, ...], refs: EntityRefs) -> Iterator[tuple[Span, Span, bool]]:
    """(sold, buyer, via_coref) for a passive sale or purchase verb told as done."""
    if not _told_as_done(verb):
        return
    buyers = [(e, v) for e, v in _prep_objects(verb, preps, refs) if e.label_ in OWNER_TYPES]
    for sold, sv in _sold_things(verb, refs):
        if sold.label_ not in OWNED_TYPES:
            continue
        for buyer, bv in buyers:
            yield sold, buyer, sv or bv


@code_rule
def sold_to_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of (and acquires between companies) from a past sale told in the passive: "In 1990 Enasa was
    sold to Iveco", "Quillon, sold to Harrowgate Bank in 2019, ...". "Harrowgate sold its stake in Quillon"
    (active, a thing sold) and "will be sold to" are no sale of a company."""
    for verb in tokens_where(doc, "LEMMA", tuple(SALE_VERBS)):
        for sold, buyer, via in _history_pairs(verb, ("to",), refs):
            conf = _conf("history.sold_to", via)
            yield Candidate(sold, "part_of", buyer, verb, "history.sold_to", conf)
            yield Candidate(buyer, "acquires", sold, verb, "history.sold_to", conf)


@code_rule
def acquired_by_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from a past purchase told in the passive: "Tessaly Labs, acquired by Corvane Systems in
    2016, ...", "Ferrow Analytics, which was bought by Pellmark Foods last year, ...". The acquires edge
    comes from the acquisition deal the same words make."""
    for verb in tokens_where(doc, "LEMMA", tuple(PURCHASE_VERBS)):
        for sold, buyer, via in _history_pairs(verb, ("by",), refs):
            yield Candidate(sold, "part_of", buyer, verb, "history.acquired_by", _conf("history.acquired_by", via))


def _possessor_of(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Whose purchase the noun tells: its possessor; a fronted "its" ("Following its purchase by Y,
    X moved") stands for the subject of the clause it opens."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return []
    owner = owners[0]
    if owner.pos_ == "PRON":
        prep = noun.head
        clause = prep.head if prep.dep_ == "prep" else None
        if clause is not None and clause.pos_ in ("VERB", "AUX") and prep.i < clause.i:
            return subjects_of(clause, refs)
    return entities_of(owner, refs)


@code_rule
def purchase_by_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """acquires and part_of from a purchase noun whose "by" names the buyer: then its possessor is the
    company bought ("after its acquisition by Harrowgate Bank, Quillon ...", "Quillon's purchase by
    Harrowgate in 2019")."""
    for noun in tokens_where(doc, "LEMMA", tuple(PURCHASE_NOUNS)):
        if noun.pos_ != "NOUN":
            continue
        buyers = [(e, v) for e, v in _prep_objects(noun, ("by",), refs) if e.label_ in OWNER_TYPES]
        if not buyers:
            continue
        for sold, sv in _possessor_of(noun, refs):
            if sold.label_ not in OWNED_TYPES:
                continue
            for buyer, bv in buyers:
                conf = _conf("history.purchase_by", sv or bv)
                yield Candidate(buyer, "acquires", sold, noun, "history.purchase_by", conf)
                yield Candidate(sold, "part_of", buyer, noun, "history.purchase_by", conf)


@code_rule
def now_part_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from "part of Y" set after a name: "Orrin Robotics, now part of Kessling Telecom, ..."
    (the copula form "is now part of" is :func:`extract.relations.models.part_phrase_relations`)."""
    for noun in tokens_where(doc, "DEP", ("appos",)):
        if noun.lower_ != "part" or any(c.lower_ in FORMER_ADVERBS for c in noun.children):
            continue
        parents = [(e, v) for e, v in _prep_objects(noun, ("of",), refs) if e.label_ in OWNER_TYPES]
        for child, cv in entities_of(noun.head, refs):
            if child.label_ not in OWNED_TYPES:
                continue
            for parent, pv in parents:
                yield Candidate(child, "part_of", parent, noun, "history.now_part", _conf("history.now_part", cv or pv))


@code_rule
def parent_company_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from a parent noun with a possessor and a name set beside it: "its parent company, Brannock
    Software", "Aldermoor's parent, Brannock Software". The possessor is the part."""
    for noun in tokens_where(doc, "LEMMA", ("parent", "company", "group", "owner")):
        if noun.pos_ != "NOUN" or not (noun.lower_ in ("parent", "owner") or
                                       any(c.dep_ in ("compound", "amod") and c.lower_ == "parent" for c in noun.children)):
            continue
        parents = [e for c in noun.children if c.dep_ == "appos" for e in entities_of(c, refs)]
        if noun.dep_ == "appos":
            parents += entities_of(noun.head, refs)
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if not owners or not parents:
            continue
        for child, cv in entities_of(owners[0], refs):
            for parent, pv in parents:
                if child.label_ in OWNED_TYPES and parent.label_ in OWNER_TYPES:
                    yield Candidate(child, "part_of", parent, noun, "history.parent_company",
                                    _conf("history.parent_company", cv or pv))


#: The rules of this module, in the order they run (hooked into :data:`extract.relations.admission.RULES`).
HISTORY_RULES = (sold_to_relations, acquired_by_relations, purchase_by_relations, now_part_relations,
                 parent_company_relations)
