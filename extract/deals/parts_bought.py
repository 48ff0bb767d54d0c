"""A part of a company bought "from" it (acq8): "bought the business from Toshiba", "completed the purchase
of two integration products from Software AG", "acquired the robotics assets from Ferrant Motors".

The company after "from" sells something it owns; it is a party of the deal (the seller) but is not
bought, and the thing sold (a business, products, assets, "the unit") is no company to look up: a
description such as "the business" names the seller's part here, not a company told about before.
Such a deal carries :data:`extract.deals.backgrounds.UNIT_SOLD_MARK`, so it states no ``acquires`` edge
(a unit or product line is no company of the graph). A company bought from its owner ("bought Kestrel
from Harrowgate", "acquired the start-up from its founders") is not a part and keeps its reading.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_list
from .backgrounds import UNIT_NOUNS
from .parties import _conjuncts, _lemma, _pobjs

#: Nouns that name a company, not a part of one ("the start-up", "the designer", "the firm").
_COMPANY_NOUNS = word_list("entities", "company_nouns") | word_list("entities", "venture_nouns")


def from_sellers(holder: Token, is_company) -> list[Token]:
    """The companies a "from" phrase of ``holder`` (a purchase verb or noun) names: who sold."""
    return [o for c in holder.children if c.dep_ == "prep" and c.lower_ == "from" for o in _pobjs(c) if is_company(o)]


#: Nouns of a part of a company sold on its own besides the unit nouns: product lines, brands, assets.
PART_NOUNS = UNIT_NOUNS | frozenset({"product", "products", "brand", "brands", "asset", "line", "lines", "portfolio"})


def what_is_bought(thing: Token, is_name) -> str | None:
    """What a purchase's object is when it is not a company: ``"part"`` for a part of the seller ("the
    business", "two integration products", "the robotics assets"), ``"goods"`` for things sold as goods
    ("thousands of chips", "servers"); ``None`` for a company ("Kestrel", "the start-up", "its unit, Ashgrove
    Drive", "the rest of Kestrel"). A unit noun counts as a part even where coreference could read it as a
    company ("the business").

    >>> import spacy
    >>> doc = spacy.blank("en")("the business the startup Kestrel chips")
    >>> for t, pos in zip(doc, ("DET", "NOUN", "DET", "NOUN", "PROPN", "NOUN")):
    ...     t.pos_ = pos
    >>> [what_is_bought(doc[i], lambda t: t.text == "Kestrel") for i in (1, 3, 4, 5)]
    ['part', None, None, 'goods']
    """
    if thing.pos_ != "NOUN" or thing.ent_type_ or is_name(thing):
        return None
    if any(c.dep_ == "appos" and is_name(c) for c in thing.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(is_name(o) for o in _pobjs(c)) for c in thing.children):
        return None  # "the rest of Kestrel", "a majority of Quillon": the company is bought
    word = {thing.lower_, _lemma(thing)}
    if word & PART_NOUNS:
        return "part"
    return None if word & _COMPANY_NOUNS else "goods"


def bought_from(holder: Token, things: list[Token], parties) -> str | None:
    """``"part"`` or ``"goods"`` when a purchase verb or noun (``holder``) names a seller after "from" and what
    it bought (``things``, its objects) is no company ("bought the business from Toshiba"); else ``None``.
    The "from" phrase may hang on the thing ("the purchase of two products from Software AG")."""
    is_company = lambda t: parties.company(t) is not None  # noqa: E731
    if not things or not any(from_sellers(h, is_company) for h in (holder, *things)):
        return None
    kinds = {what_is_bought(t, _names_party) for t in things}
    if None in kinds:
        return None
    return "goods" if "goods" in kinds else "part"


def _names_party(token: Token) -> bool:
    """A word of a name that may own or be bought (as :func:`extract.deals.frames._names_party`, which imports this module)."""
    return token.ent_type_ in ("COMPANY", "ORGANIZATION", "PERSON", "PUBLICATION")


def sells_a_part(verb: Token, refs) -> bool:
    """For the relation rules: whether a purchase verb (or noun) buys a part or goods "from" a company ("a consortium
    that bought the business from Toshiba"), so that its object, even a description coreference would read
    as a company, names no company bought."""
    is_company = lambda t: (e := refs.entity_for(t)) is not None and e.label_ == "COMPANY"  # noqa: E731
    if verb.pos_ == "NOUN":  # "the purchase of two products from Software AG"
        objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in _pobjs(c)]
    else:
        objects = [o for c in verb.children if c.dep_ in ("dobj", "obj") for o in _conjuncts(c)]
    if not objects or not any(from_sellers(h, is_company) for h in (verb, *objects)):
        return False
    return all(what_is_bought(o, _names_party) is not None for o in objects)


#: Marks a purchase of a company "from" its owner; each owner's name key follows ``=``, one mark per owner.
FROM_OWNER_MARK = "+from_owner="


def add_owner_sellers(frame, holders) -> None:
    """(deals15) "its purchase of Venafi from Thoma Bravo", "bought Kestrel from Harrowgate": the company
    after "from" owned what was bought and sold it. It is a party of the sale (the seller), but it was not
    bought; the frame's rule names it so that no ``acquires`` edge reaches it (see :func:`owner_sellers`)."""
    for holder in holders:
        for seller in from_sellers(holder, lambda t: frame.parties.company(t) is not None):
            span = frame.parties.company(seller)[0]
            if frame.parties.add(seller, "seller"):
                frame.rule += FROM_OWNER_MARK + _name_key(span)


def owner_sellers(rule: str) -> set[str]:
    """The name keys of the owners a deal's ``rule`` marks as having sold what was bought (not bought).

    >>> sorted(owner_sellers("deal.noun:purchase+from_owner=thoma bravo+listed"))
    ['thoma bravo']
    """
    return {part.split("+", 1)[0] for part in rule.split(FROM_OWNER_MARK)[1:]}


def _name_key(span) -> str:
    """The key :func:`extract.entities.mention_key` gives the mention of ``span``."""
    return (span._.canonical or span.text).lower()


def add_sale_owners(frame) -> None:
    """(deals17) "Globex sold Initech to Hooli", "its sale of Initech, the Texas studio, to Hooli": the
    subject or possessor of a sale owned the company sold and is its seller, but the buyer did not buy it.
    A sale frame gives both one role ("seller"); the frame's rule names the owner so that no ``acquires``
    edge reaches it (see :func:`owner_sellers`). Without a company sold (a unit, goods) nothing changes."""
    trigger, parties = frame.trigger, frame.parties
    if frame.kind != "acquisition" or frame.spec.get("subject") != "seller" or not parties.has_role("buyer"):
        return
    if trigger.pos_ == "VERB":
        things = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    else:
        things = [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for o in _pobjs(c)]
    things = [t for thing in things for t in _conjuncts(thing)]
    things += [c for t in things for c in t.children if c.dep_ == "appos"]  # "its unit, Ashgrove Drive,"
    sold = {_name_key(found[0]) for found in map(parties.company, things) if found is not None}
    if not sold:
        return
    for span, role, _ in list(parties.roles.values()):
        key = _name_key(span)
        if role == "seller" and key not in sold and key not in owner_sellers(frame.rule):
            frame.rule += FROM_OWNER_MARK + key
