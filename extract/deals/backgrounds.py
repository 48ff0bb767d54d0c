"""Acquisitions told in passing, the way backgrounders and analyses tell a company's history:

- the companies a class noun lists as examples: "bought a string of start-ups, including A and B",
  "grew through dozens of acquisitions, including A in 2006 and B in 2011", "acquired several companies,
  such as A and B" (each one an acquisition of its own, see :data:`extract.deals.find._SPLIT_KINDS`);
- a contact relative clause: "Red Hat, the open-source company IBM bought for $34 billion" (no "that":
  the clause's missing object is the noun it hangs on);
- "taken private by Y", "Y took X private": a buyout;
- a time phrase with no comma that swallowed the subject: "In March Alphabet agreed to buy Wiz" (the
  parser reads "March Alphabet" as the object of "In").

Each helper reads the parse around one trigger and returns tokens for
:class:`extract.deals.parties._Parties` to resolve; none decides a role itself.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import word_list
from ..quantities import iter_dates

#: Marks the rule of a sale of a unit ("Broadcom sold VMware's end-user business to KKR"): a deal between
#: seller and buyer, but the buyer acquires the unit, not the seller (no acquires edge).
UNIT_SOLD_MARK = "+unit_sold"

#: Prepositions that introduce examples of a class noun ("start-ups, including A"; "such as" is "as").
EXAMPLE_PREPS = frozenset({"including", "as", "like"})

#: Words that may sit between listed examples when the parser broke the list: "A in 2006 and B in 2011".
_LIST_GLUE = frozenset({",", "and", "in", "as", "well", "for", "about", "$", "its", "the"})

#: Words of an opening time phrase ("In March", "In 2022", "Last year") that cannot be part of a name.
_TIME_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december", "year", "month", "week"})


def _is_example_prep(token: Token) -> bool:
    """ "including", "like", or the "as" of "such as" ("companies, such as A")."""
    if token.dep_ != "prep" or token.lower_ not in EXAMPLE_PREPS:
        return False
    return token.lower_ != "as" or any(c.lower_ == "such" for c in token.children) or \
        (token.i > 0 and token.doc[token.i - 1].lower_ == "such")


#: Class nouns of what a purchase lists beside the lexicon's company nouns: "rivals like A", "dozens of
#: acquisitions, including A" ("bought chips, like Meta" lists no company bought).
_BOUGHT_CLASS_NOUNS = frozenset({"rival", "competitor", "peer", "player", "brand", "acquisition", "purchase",
                                 "takeover", "deal", "target", "asset"})


@lru_cache(maxsize=1)
def _company_nouns() -> frozenset[str]:
    return word_list("entities", "company_nouns") | _BOUGHT_CLASS_NOUNS


def _names_companies(noun: Token) -> bool:
    """A class noun of companies ("start-ups", "firms", "rivals", "acquisitions")."""
    doc = noun.doc
    if noun.lower_ in ("ups", "up") and noun.i >= 2 and doc[noun.i - 2].lower_ == "start":
        return True  # ("start-ups" is split "start - ups")
    return noun.lemma_.lower() in _company_nouns() or noun.lower_ in _company_nouns()


def _example_heads(noun: Token) -> list[Token]:
    """The "including" phrases of a class noun, or of the plural its quantity word counts ("a string *of*
    start-ups, including", "dozens *of* acquisitions, including")."""
    holders = [noun] + [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)  # the trigger noun under its quantity: "dozens of acquisitions"
    if not any(_names_companies(h) for h in holders):
        return []
    found = [c for h in holders for c in h.children if _is_example_prep(c)]
    if found:
        return found
    # the parser may hang the "including" on the verb: "grew through dozens of acquisitions, including A"
    top = noun
    while top.dep_ in ("pobj", "prep") and top.head.pos_ != "VERB" and top.head is not top:
        top = top.head
    if top.dep_ not in ("prep", "dobj", "obj") or top.head.pos_ != "VERB":
        return []
    verb = top.head
    end = max(t.right_edge.i for t in (noun, *holders))
    return [c for c in verb.children if _is_example_prep(c) and c.i > end
            and all(t.is_punct for t in noun.doc[end + 1: c.i])]


def _broken_list(first: Token, is_name) -> list[Token]:
    """Names that carry on a list after ``first`` where the parser lost the coordination: in "including A
    in 2006 and B in 2011" it may hang "B" on the verb. Only names joined by commas, "and", and dates or
    amounts in between count; any other word ends the list."""
    doc, out, i = first.doc, [], first.right_edge.i + 1
    end = first.sent.end
    while i < end:
        token = doc[i]
        if is_name(token):
            head = token
            while head.head.i != head.i and is_name(head.head) and head.head.i > head.i:
                head = head.head  # the last word of the name ("B Labs")
            out.append(head)
            i = head.i + 1
        elif token.lower_ in _LIST_GLUE or token.like_num or token.lower_ in _TIME_WORDS or token.pos_ == "SYM":
            i += 1
        else:
            break
    return out


def listed_examples(noun: Token, is_name) -> list[Token]:
    """The name tokens a class noun lists as examples ("start-ups, including A and B"): each pobj with
    its conjuncts, and names that carry the list on where the parser broke it. ``is_name`` tells a
    token of a party's name."""
    out: list[Token] = []
    for prep in _example_heads(noun):
        objects = [o for o in prep.children if o.dep_ in ("pobj", "dobj")]
        for o in objects:
            listed = [o] + [c for c in o.conjuncts]
            out += listed
            out += [t for t in _broken_list(max(listed, key=lambda t: t.i), is_name) if t not in out]
    return out


def contact_clause_object(verb: Token) -> Token | None:
    """The object a relative clause without "that" leaves out: in "Red Hat, the company IBM bought for
    $34 billion" it is "company" (the clause's noun), and Red Hat, the name it is set beside, was bought.
    A clause with an object of its own, a relative word, or a stranded preposition ("the firm IBM invested
    in") has none, nor a description with no name beside it ("the team Databricks bought last year")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "obj", "nsubjpass") or c.tag_ in ("WDT", "WP") for c in verb.children):
        return None
    if any(c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in verb.children):
        return None
    noun = verb.head
    if noun.pos_ == "PROPN":
        return noun
    # only a description set beside a name: "the team Databricks bought" alone is no company to resolve
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else None


def taken_private(verb: Token) -> bool:
    """ "was taken private by Y", "Y took X private": a buyout, whose subject (or agent) buys."""
    return verb.lemma_.lower() == "take" and any(
        c.dep_ in ("oprd", "acomp", "advmod", "ccomp", "xcomp") and c.lower_ == "private" for c in verb.children)


def subject_in_time_phrase(verb: Token, is_name) -> Token | None:
    """The subject an opening time phrase without a comma swallowed: "In March Alphabet agreed to buy
    Wiz" is parsed "In [March Alphabet]". Only for a finite verb with no subject of its own, whose first
    child phrase starts the sentence, ends right before the verb, and starts with a time word."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        if prep.i != verb.sent.start or prep.right_edge.i + 1 not in (verb.i, verb.i - 1):
            continue
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if not objects or prep.i + 1 >= verb.i:
            continue
        first = verb.doc[prep.i + 1]
        if (first.lower_ in _TIME_WORDS or first.like_num) and is_name(objects[0]) and objects[0].i > first.i:
            return objects[0]
    return None


def date_right_after(span, reference: str | None) -> str | None:
    """The date a listed company carries right after its name: "including A in 2006 and B in 2011" gives A
    2006 and B 2011 ("in" and a date within the next four words, before any other word).

    >>> import spacy
    >>> doc = spacy.blank("en")("including Fluxa in 2006 and Brava in May 2011")
    >>> date_right_after(doc[1:2], None), date_right_after(doc[5:6], None)
    ('2006', '2011-05')
    """
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "in":
        return None
    stretch = doc[span.end: min(span.end + 4, len(doc))]
    for start, _, iso in iter_dates(stretch.text, reference=reference):
        if start <= len(stretch[:2].text):
            return iso
    return None


#: Nouns for a part of a company that is sold on its own ("Intel's NAND flash memory *business*").
UNIT_NOUNS = frozenset({"business", "businesses", "unit", "units", "division", "divisions", "arm", "operations",
                        "assets", "segment", "subsidiary"})


def unit_owner(thing: Token, is_company) -> Token | None:
    """The possessor of a unit bought: "purchase of *Intel*'s NAND flash memory business" buys a part of
    Intel, so Intel is the seller (not "NAND", a word inside the unit's description, nor a company the
    noun "business" could refer back to). ``None`` unless ``thing`` is a unit noun whose possessor
    ``is_company`` and which is not itself a company's name ("Tessaly Systems" is bought whole).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "purchase of Intel 's flash business".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 5, 2, 5, 1],
    ...           deps=["ROOT", "prep", "poss", "case", "compound", "pobj"], pos=["NOUN", "ADP", "PROPN", "PART", "NOUN", "NOUN"])
    >>> unit_owner(doc[5], lambda t: t.text == "Intel").text, unit_owner(doc[2], lambda t: True)
    ('Intel', None)
    """
    if thing.pos_ != "NOUN" or thing.lower_ not in UNIT_NOUNS or thing.ent_type_:
        return None
    return next((c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON" and is_company(c)), None)
