"""Deal frames: a trigger verb or noun of ``data/lexicon/deal_triggers.json`` read against the parse,
each syntactic slot (subject, object, possessor, prepositions) giving a party its role; shared roles,
deals that are part of another, and round participants named in the next sentence.
"""
from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Span, Token
from ..tokens import doc_text

from ..lexicon import word_list
from ..modality import deal_modality
from ..quantities import iter_dates, iter_money
from ..rules import confidence as rule_confidence
from .parties import (
    _SUBJECT_DEPS,
    CONFIDENCE_STATE_NOUN,
    NAME_COMPOUND_MARK,
    NOUN_RULE,
    PAYMENT_RULE,
    STANDING_MARK,
    VERB_RULE,
    _complete,
    _conjuncts,
    _lemma,
    _Parties,
    _party_key,
    _pobjs,
    _states_money,
    _word,
    _words,
    load_triggers,
)
from .rounds import closing_support, round_investors
from .backgrounds import UNIT_SOLD_MARK, contact_clause_object, listed_examples, subject_in_time_phrase, taken_private, unit_owner
from .parts_bought import add_owner_sellers, bought_from, from_sellers


#: What a deal is struck "at" that states a company's worth ("at a $12 billion valuation"), not a party.
_VALUATION_NOUNS = frozenset({"valuation", "value"})


def _subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subjects of ``verb``, inherited up through infinitives, coordination and purpose clauses.

    Returns the subject tokens and whether the verb is passive.
    """
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    token = verb
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if subjects and token.dep_ == "relcl" and all(s.tag_ in ("WDT", "WP") for s in subjects):
            return [token.head], passive  # "Nvidia, *which* also invested in X's round": the relative's noun (rounds4)
        if subjects:
            found = _within_clause([s for subj in subjects for s in _conjuncts(subj)], token)
            return (_subjects_in_opening_phrase(token, found) if token is verb else found), passive
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.head.dep_ in ("dobj", "obj") \
                and token.head.head.pos_ == "VERB":
            # "hiring its founders A, B and C and licensing its models": the parser made the second verb a
            # conjunct of the first one's object
            token = token.head.head
            continue
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head is not token:
            token = token.head
            continue
        if token.dep_ in ("acl", "relcl") and token.head is not token:
            # "a deal to acquire Y": the deal's maker; "the company that acquired Y": the company
            head = token.head
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            if token.dep_ == "relcl" and not infinitive:
                return [head], passive
            # (acq5) "struck a deal to buy Y": the parser may call the infinitive a relative clause
            if head.dep_ == "pobj" and head.head.dep_ == "prep":
                head = head.head  # "Apple is in talks to acquire Mistral"
            if head.dep_ in ("dobj", "pobj", "prep", "attr") and head.head.pos_ in ("VERB", "AUX"):
                token = head.head
                continue
        break
    found = _subjects_in_opening_phrase(token)
    if not found:
        swallowed = subject_in_time_phrase(token, _names_party)  # (acq5) "In March Alphabet agreed to buy Wiz"
        found = [swallowed] if swallowed is not None else []
    return found, passive


def _within_clause(subjects: list[Token], verb: Token) -> list[Token]:
    """Subjects not cut off from ``verb`` by a semicolon: in "X co-founded Neeva; Snowflake acquired Neeva"
    the parser may give "acquired" both "Neeva" and "Snowflake" as subjects, but a semicolon ends a clause.
    (acq5) All are kept when every one is cut off."""
    doc = verb.doc
    near = [s for s in subjects if not any(doc[i].text == ";" for i in range(min(s.i, verb.i), max(s.i, verb.i)))]
    return near or subjects


def _subjects_in_opening_phrase(verb: Token, found: list[Token] = ()) -> list[Token]:
    """The subject list the parser hung on an opening phrase: in "At the White House, OpenAI, SoftBank and
    Oracle announced a venture" it made the companies conjuncts of "White House" (or the first names
    modifiers of the last). Only a list ("A, B and C") that runs from the phrase's closing comma up to
    the verb counts; ``found`` are the subjects the parser did give, which must be in it ("After talks
    with A and B, C formed a venture" keeps C alone: no comma before the list)."""
    openings = [c for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod") and c.i < verb.i]
    if not openings:
        return list(found)
    doc, start = verb.doc, verb.i
    while start > 0 and (_names_party(doc[start - 1]) or doc[start - 1].lower_ in (",", "and")):
        start -= 1
    while start < verb.i and not _names_party(doc[start]):
        start += 1  # (the comma that closes the opening phrase)
    stretch = doc[start: verb.i]
    if start == verb.i or doc[start - 1].text != "," or not any(t.lower_ == "and" for t in stretch) \
            or not all(start <= f.i < verb.i for f in found) \
            or not any(o.left_edge.i < start and (o.right_edge.i >= verb.i - 1 or found) for o in openings):
        return list(found)
    return [t for t in stretch if _names_party(t) and not (t.head.i in range(start, verb.i) and _names_party(t.head)
                                                           and t.dep_ in ("compound", "nmod") and t.head.i == t.i + 1)]


def _names_party(token: Token) -> bool:
    """A word of a name that may take part in a deal (a company, person or organisation; not a place or a date)."""
    return token.ent_type_ in ("COMPANY", "ORGANIZATION", "PERSON", "PUBLICATION")


def _agents(verb: Token) -> list[Token]:
    return [o for c in verb.children if c.dep_ == "agent" for o in _pobjs(c)]


def _carrier_chain(trigger: Token) -> list[Token]:
    """The verbs above a verb trigger that carry its arguments: "agreed to pay ... to license"."""
    chain, token = [], trigger
    for _ in range(4):
        if token.dep_ in ("xcomp", "advcl") and token.head.pos_ in ("VERB", "AUX"):
            token = token.head
            chain.append(token)
        else:
            break
    return chain


def _support_verb(noun: Token) -> Token | None:
    """The verb a trigger noun is the object of: "*announced* a partnership", "raised $4B *in* a round"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and head.lower_ in ("in", "into", "for", "to", "with", "through", "via"):
        return head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and head.head.pos_ in ("NUM", "SYM") \
            and head.head.dep_ in ("dobj", "obj") and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head  # "secured $6 billion *in* Series C funding": the parser hangs it on the amount
    if noun.dep_ == "conj":
        return _support_verb(noun.head)
    return closing_support(noun)  # "announced *the close of* a $120 million round" (extract/deals/rounds.py)


def _add_with_participants(parties: _Parties, lead: Token, role: str) -> None:
    """ "led by A, with B and C also participating", "led by A, with participation from B": the
    parser hangs the "with" phrase on the lead investor; its companies are investors too. A participle
    ("with B joining") is a loose reading; "participation from B" says it outright."""
    for c in lead.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for o in _pobjs(c):
                before = set(parties.roles)
                if o.dep_ == "pcomp":
                    for subject in (g for g in o.children if g.dep_ in ("nsubj", "nsubjpass")):
                        parties.add(subject, role)
                else:
                    parties.add(o, role)
                if _lemma(o) != "participation":
                    parties.loose.update(k for k in parties.roles if k not in before)


def _kind_modifier(noun: Token) -> str | None:
    modifiers = load_triggers()["kind_modifiers"]
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and _word(c) in modifiers:
            return modifiers[_word(c)]
    return None


class _Frame:
    """One trigger read against the parse: kind, parties, the tokens money and dates may hang on."""

    def __init__(self, trigger: Token, kind: str, spec: dict, refs, rule: str):
        self.trigger = trigger
        self.kind = kind
        self.spec = spec
        self.parties = _Parties(refs)
        self.anchors: set[int] = {trigger.i}  # tokens an amount may attach to
        self.confidence = rule_confidence(rule)
        self.rule = rule
        # a funding round (not one investor's own stake): later sentences may name more participants
        self.is_round = kind == "investment" and (_word(trigger) in _words("round_words") or is_series_name(trigger))


def _elided_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """Names the parser hung on the verb itself after its object: "AMD bought Nod.ai, a compiler start-up,
    in October 2023, and Mipsology, a French specialist, earlier the same year". A name coordinated with
    the verb that has no verb and no subject of its own is the verb's second object with the verb left
    out (the subject did the same again); "and Gamma sold Delta" makes "sold" the conjunct, not Gamma."""
    if not objects:
        return []
    last = max(o.i for o in objects)
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > last
            and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for g in c.children)]


def _people_object(token: Token) -> Token:
    """The real object behind a partitive: "all of the staff" -> "staff"."""
    if _lemma(token) in _words("partitive_nouns"):
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = _pobjs(c)
                if objs:
                    return objs[0]
    return token


def _in_headline(token: Token) -> bool:
    """Whether ``token`` is on a title or caption line: one without closing punctuation
    ("AMD to buy Silo AI for $665 million")."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start: end if end >= 0 else len(text)].strip()
    return not line or line[-1] not in '.!?"\'\u201d\u2019)'


#: Dependencies of a verb's own time phrase: "*March 2016* — GM buys", "*In January 2021* Cruise raises".
_TIME_DEPS = frozenset({"npadvmod", "prep", "tmod", "obl"})


def _dated_itself(verb: Token) -> bool:
    """Whether the verb's own clause names a calendar date ("March 2016 — GM buys the start-up", "In
    January 2021 Cruise raises $2 billion"): the historic present of timelines and summaries tells the
    event of that date. A date under another verb ("which licenses X, bought Y in 2021") does not count."""
    for c in verb.children:
        if c.dep_ not in _TIME_DEPS or c.i > verb.i and c.dep_ == "prep" and c.lower_ not in ("in", "on"):
            continue
        words = c.doc[c.left_edge.i: c.right_edge.i + 1]
        if any(t.pos_ == "VERB" for t in words) or len(words) > 6:
            continue  # a clause or a long phrase, not a time phrase
        if next(iter(iter_dates(words.text)), None) is not None:
            return True
    return False


def _habitual_present(verb: Token) -> bool:
    """A verb in the simple present outside a headline: "Quillstone *licenses* technology from Sonata",
    "Kestrel *partners* with BMW" describe how things stand. Headlines tell news in the present,
    and "is backed", "has bought", "will buy" carry their time in an auxiliary; a date of the verb's own
    ("March 2016 — GM buys the start-up") makes the present historic: an event (deals14)."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return not _in_headline(verb) and not _dated_itself(verb)


def _relative_money_head(verb: Token) -> Token | None:
    """The amount a relative clause's verb has as its object: "an initial $1.25 billion *that* the
    retailer put into Anthropic", "the $2 billion Google committed" (relative pronoun or none as object)."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ not in ("NUM", "NOUN", "SYM", "PROPN"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if any(c.lower_ not in ("that", "which") for c in objects):
        return None
    head = verb.head
    phrase = head.doc[head.left_edge.i: head.i + 1].text
    return head if next(iter_money(phrase), None) is not None else None


#: Parts of speech a noun phrase right after its verb is made of ("his search startup Neeva").
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})


#: Verbs that say a company has an arrangement rather than strikes one ("has an agreement with").
POSSESSION_VERBS = frozenset({"have", "hold"})


#: Nouns that say what kind of company a name is; the tagger sometimes reads them as verbs ("startup").
_CLASS_NOUNS = word_list("entities", "company_nouns") | word_list("entities", "venture_nouns")


def _company_right_after(verb: Token, parties: "_Parties", max_words: int = 5) -> Token | None:
    """The company named at the end of the words right after ``verb`` when the parse gave it no
    object ("bought his search startup Neeva", with "startup" tagged as a verb): the first company
    within ``max_words`` words of the verb's own subtree, before any preposition, punctuation,
    conjunction or finite verb."""
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + 1 + max_words, verb.right_edge.i + 1)):
        token = doc[j]
        found = parties.company(token)
        if found is not None and not found[1]:
            return token
        # ("bought the chip startup Nuvia": the tagger may call "startup" a past-tense verb)
        finite = token.tag_ in ("VBD", "VBZ", "VBP", "MD") and token.lower_ not in _CLASS_NOUNS
        if finite or (token.pos_ not in _NOUN_PHRASE_POS and token.pos_ != "VERB") or token.dep_ == "prt":
            return None
    return None


#: Objects of "buy" or "acquire" that leave the company they come from unbought (history5).
_NOT_THE_COMPANY = frozenset({"share", "stock", "licence", "license", "right", "customer", "client", "subscriber"})


def _is_stake(token: Token) -> bool:
    """Whether a verb's object is a holding that is a deal noun of its own ("a 49% *stake*")."""
    noun = load_triggers()["nouns"].get(_word(token))
    return noun is not None and noun["kind"] == "investment" and token.pos_ == "NOUN"


def _agreed_with_to(verb: Token) -> bool:
    """ "A agreed with B to offer ...": a "with" phrase and an infinitive of what was agreed, so the
    subject and the "with" companies made an agreement. Without the infinitive "agreed with B" is an
    opinion ("agreed with B that ..."); without "with" the infinitive's own verb tells the deal."""
    has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return has_with and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                            for c in verb.children)


#: Nouns of a price not told: "for an undisclosed sum".
_UNTOLD_PRICE_NOUNS = frozenset({"sum", "amount", "price", "fee", "consideration"})


def _priced(verb: Token) -> bool:
    """(deals15) Whether a verb that buys only when it names a price has a "for" phrase of money: "added Zilla
    Security, a Boston start-up, for an undisclosed sum", "added Kestrel for $90 million" (the parser may hang
    the "for" phrase on the object or its apposition)."""
    holders = [verb] + [o for c in verb.children if c.dep_ in ("dobj", "obj")
                        for o in (c, *[a for a in c.children if a.dep_ == "appos"])]
    prices = [o for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == "for" for o in _pobjs(c)]
    return any(_states_money(o) or _lemma(o) in _UNTOLD_PRICE_NOUNS for o in prices)


def _verb_frame(trigger: Token, spec: dict, refs) -> _Frame | None:
    kind = spec["kind"]
    if spec.get("particle") and not any(c.dep_ == "prt" and c.lower_ == spec["particle"] for c in trigger.children):
        if not taken_private(trigger):
            return None
        spec = load_triggers()["verbs"]["acquire"]  # (acq5) "was taken private by Thoma Bravo": a buyout
    if spec.get("needs_infinitive") and not _agreed_with_to(trigger):
        return None  # "agreed with analysts that ...", "agreed to buy B": no agreement between companies
    if spec.get("needs_price") and not _priced(trigger):
        return None  # "added a second shift", "added Nvidia's chips to its servers": no purchase without a price
    money_head = _relative_money_head(trigger)
    unpriced = False
    if spec.get("needs_money_object") and money_head is None and not any(
            c.dep_ in ("dobj", "obj") and _states_money(c) for c in trigger.children):
        # "put" or "commit" alone is no investment; "poured $13 billion into" is, and "has put money
        # into A and B" says who stands behind them without telling one dated transaction
        unpriced = any(c.dep_ in ("dobj", "obj") and _lemma(c) in _words("money_nouns") for c in trigger.children)
        if not unpriced:
            return None
    frame = _Frame(trigger, kind, spec, refs, VERB_RULE)
    if money_head is not None:
        frame.anchors.add(money_head.i)  # "$1.25 billion that Amazon put into Anthropic": the amount
    frame.rule = f"{VERB_RULE}:{_lemma(trigger)}"
    people = _words("people_nouns")
    objects = [o for c in trigger.children if c.dep_ in ("dobj", "obj") for o in _conjuncts(c)]
    objects = [_people_object(o) for o in objects]
    elided = _elided_objects(trigger, objects) if kind == "acquisition" else []
    objects += elided
    # Buying people is hiring them ("acquired Inflection's staff"): an acqui-hire, not an acquisition.
    # So is buying a company's staff and technology ("acquired Character.AI's technology and staff"):
    # people among things, and no company itself among the objects.
    if kind == "acquisition" and objects and any(_lemma(o) in people for o in objects) and not any(
            frame.parties.company(o) is not None and frame.parties.company(o)[0].root == o for o in objects):
        kind = frame.kind = "hiring"
        spec = load_triggers()["verbs"]["hire"]
        frame.rule += "+people"
    if kind == "acquisition" and objects and all(_is_stake(o) for o in objects):
        return None  # "bought a 49% stake in Y from X": the stake's own frame is the deal (an investment in Y)
    if kind == "acquisition" and objects and all(_lemma(o) in _NOT_THE_COMPANY for o in objects):
        return None  # (history5) "bought shares of Y", "acquired a licence / customers from Y": Y is not bought
    contact = contact_clause_object(trigger) if spec.get("object") and not objects else None
    if contact is not None:
        objects = [contact]  # (acq5) "Red Hat, the company IBM bought for $34 billion": the clause's noun was bought
    subjects, passive = _subject_tokens(trigger)
    if kind == "acquisition" and not subjects and trigger.dep_ == "acl" and trigger.tag_ == "VBN" and _agents(trigger):
        subjects, passive = [trigger.head], True  # (history5) "Quillon, acquired by Y in 2016, ...": the noun was bought
    things = subjects if passive else objects
    sold_from = bought_from(trigger, objects, frame.parties) if kind == "acquisition" and not passive \
        and spec.get("subject") != spec.get("object") else None
    if sold_from == "goods":
        return None  # (acq8) "bought thousands of chips from Dunmore": goods bought, no company
    if sold_from == "part":
        # (acq8) "bought the business from Toshiba": the "from" company sells a part of its own and is
        # not bought; "the business" is that part, not a company told about before
        objects, object_found_as_part = [], True
        frame.rule += UNIT_SOLD_MARK
    else:
        object_found_as_part = False
    # (acq8) "bought Kestrel from Harrowgate": a company bought from its owner; the owner sold it and is not bought
    company_from_owner = sold_from is None and kind == "acquisition" and not passive and bool(objects) \
        and spec.get("subject") != spec.get("object") and bool(from_sellers(trigger, lambda t: frame.parties.company(t) is not None))
    if spec.get("object_owned") and (not things or any(frame.parties.company(o) is not None for o in things)):
        return None  # "integrated Activision into its studio" is no partnership; "Beta's model" is
    if trigger.dep_ == "acl" and not spec.get("object") and not _agents(trigger) \
            and trigger.i > 0 and trigger.doc[trigger.i - 1].text == ",":
        # "Next47, the venture firm owned by Siemens, invested in Kestrel": the parser makes the
        # verb a participle of the subject; a verb without an object role ("invest in") has no
        # passive reading, so the noun it hangs on is its subject
        subjects, passive = [trigger.head], False
    preps = spec.get("preps", {})
    prep_words = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    subject_role = spec.get("subject")
    for prep, role in spec.get("subject_when_prep", {}).items():
        if prep in prep_words:
            subject_role = role
    if passive:
        # "Y was acquired by X": the passive subject is the object, the agent the subject
        for s in subjects:
            frame.parties.add(s, spec.get("passive_subject") or spec.get("object"), owner=True)
        for a in _agents(trigger):
            frame.parties.add(a, subject_role)
    else:
        subject_found = False
        for s in subjects:
            subject_found |= bool(frame.parties.add(s, subject_role))
        if spec.get("needs_infinitive") and not subject_found:
            return None  # "we agreed with B and C to ...", "we" unknown: B and C made no agreement with each other
    object_found = object_found_as_part or passive and frame.parties.has_role(spec.get("passive_subject") or spec.get("object"))
    gapped = kind == "acquisition" and (len([c for c in trigger.children if c.dep_ in ("dobj", "obj")]) > 1 or bool(elided))
    before_objects = set(frame.parties.roles)
    for o in objects:
        if _unit_of_seller(o, spec, frame.parties):
            # (acq5) "Broadcom sold VMware's end-user business to KKR": the subject sells; the unit's owner
            # (a unit of the seller's) is no party of its own, and the buyer did not buy the seller
            object_found = True
            frame.rule += UNIT_SOLD_MARK
            continue
        seller = unit_owner(o, _names_party) if kind == "acquisition" and spec.get("subject") != spec.get("object") else None
        if seller is not None and frame.parties.add(seller, spec.get("object")):
            # (deals7) "bought Intel's NAND flash memory business": Intel sells a unit and is not bought
            object_found = True
            frame.rule += UNIT_SOLD_MARK
            continue
        object_found |= frame.parties.add(o, spec.get("object"), owner=True)
        # "sold its automotive unit, Ashgrove Drive, to Infineon": the unit named in apposition
        # is sold even when its owner ("its") is the seller already
        object_found |= any(frame.parties.company(c) is not None for c in o.children if c.dep_ == "appos")
    if spec.get("object_required") and not object_found:
        return None  # "sold chips to Apple" is a sale of goods, not of a company
    if gapped:
        # (acq5) "bought A in 2016 and B two years later": the parser gives the verb two objects, a list
        new = tuple(k for k in frame.parties.roles if k not in before_objects)
        if len(new) > 1:
            frame.parties.listed.append(new)
    if kind == "acquisition" and spec.get("object") and not passive:
        # (acq5) "bought a string of start-ups, including A and B": each company named as an example
        _add_examples(frame, [e for o in objects if frame.parties.company(o) is None
                              for e in listed_examples(o, _names_party)], spec["object"])
    if spec.get("object") and not passive and not frame.parties.has_role(spec["object"]):
        named = _company_right_after(trigger, frame.parties)
        if named is not None:
            frame.parties.add(named, spec["object"])
            # the class noun read as a verb holds the price ("bought the chip startup Nuvia *for $1.4bn*")
            frame.anchors.update(t.i for t in trigger.doc[trigger.i + 1: named.i] if t.pos_ == "VERB")
    # "invested $13 billion in OpenAI": the parser often hangs the prepositions on the amount
    amounts = [o for c in trigger.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NUM", "SYM")
               for o in (c, *[g for g in c.children if g.dep_ in ("nummod", "quantmod", "compound")])]
    # "raised $50 million at a $12 billion valuation from B": the parser may hang them on the valuation
    valuations = [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "at"
                  for o in _pobjs(c) if _lemma(o) in _VALUATION_NOUNS]
    for holder in (trigger, *amounts, *valuations):
        for c in holder.children:
            # ("was sold *to* Pellworth": the parser may call the "to" phrase a dative)
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and not (c.lower_ == "from" and company_from_owner):
                for o in _pobjs(c):
                    frame.parties.add(o, preps[c.lower_], owner=kind == "hiring")
    if company_from_owner:
        add_owner_sellers(frame, [trigger])  # (deals15) the owner sold it: a party, not bought
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in spec.get("owner_preps", {}):
            # "integrate Beta's model into *Apple's* phones": the owner of the thing, never the thing
            for o in _pobjs(c):
                for owner in (g for g in o.children if g.dep_ == "poss"):
                    frame.parties.add(owner, spec["owner_preps"][c.lower_])
        if c.dep_ == "prt":
            frame.anchors.add(c.i)
    # The verbs that carry the trigger: "agreed to pay $650 million to Inflection to license ..."
    payment_verbs = load_triggers()["payment_verbs"]
    payee_role = load_triggers()["payee_roles"].get(kind)
    for carrier in _carrier_chain(trigger):
        frame.anchors.add(carrier.i)
        if _lemma(carrier) in payment_verbs:
            for c in carrier.children:
                if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                    for o in _pobjs(c):
                        frame.parties.add(o, payee_role)
                elif c.dep_ == "dative":
                    frame.parties.add(c, payee_role)
    present_passive = passive and spec.get("object_owned") and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in trigger.children)
    if unpriced:
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += STANDING_MARK
    elif _habitual_present(trigger) or present_passive:
        # "The company licenses speech technology from Sonata", "Beta's models are integrated into
        # Acme's apps": a standing arrangement, not news of a deal
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+present"
    return frame


def _company_bought_from_owner(noun: Token, parties: _Parties) -> bool:
    """Whether a purchase noun names a company bought ("of" a company, no unit or goods) and, after "from",
    the company that sold it: "the purchase of Venafi from Thoma Bravo" (not "of two products from Software AG")."""
    things = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in _pobjs(c)]
    if not any(parties.company(t) is not None and unit_owner(t, _names_party) is None for t in things):
        return False
    return bool(from_sellers(noun, lambda t: parties.company(t) is not None)) and bought_from(noun, things, parties) is None


def _names_company_sold(noun: Token, parties: _Parties) -> bool:
    """Whether a sale noun's "of" names a company or a company's unit: "its sale of Gearbox, the Texas studio,
    to Take-Two" sells a company; "the sale of its chips to Huawei" or "of 100 missiles to Pakistan" sells goods."""
    return any(parties.company(o) is not None or unit_owner(o, _names_party) is not None
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in _pobjs(c))


def _unit_of_seller(thing: Token, spec: dict, parties: _Parties) -> bool:
    """Whether ``thing`` is a unit whose owner is not the seller the subject already is: a sale verb gives
    subject and object one role ("seller"), so "sold VMware's business" must not make VMware a second
    seller when the subject sold it. A unit named in apposition ("its unit, Ashgrove Drive") is a company."""
    role = spec.get("object")
    if role is None or spec.get("kind") != "acquisition" or spec.get("subject") != role or not parties.has_role(role) or parties.company(thing) is not None:
        return False
    if any(c.dep_ == "appos" and parties.company(c) is not None for c in thing.children):
        return False
    return any(c.dep_ == "poss" and parties.company(c) is not None for c in thing.children)


def _add_examples(frame: _Frame, examples: list[Token], role: str) -> None:
    """Give ``role`` to every company named as an example, as one list (each a deal of its own when the
    kind splits its targets)."""
    before = set(frame.parties.roles)
    for token in examples:
        frame.parties.add(token, role)
    new = tuple(k for k in frame.parties.roles if k not in before)
    if len(new) > 1:
        frame.parties.listed.append(new)
    if new:
        frame.rule += "+examples"


def _add_noun_examples(frame: _Frame, noun: Token) -> None:
    """The companies bought that a plural purchase noun lists: "grew through dozens of acquisitions,
    including A in 2006 and B in 2011" (the buyer the subject of the clause the noun is in), "its
    acquisitions include A and B" (the buyer its possessor)."""
    examples = listed_examples(noun, _names_party)
    if noun.dep_ == "nsubj" and _lemma(noun.head) == "include":
        examples += [o for c in noun.head.children if c.dep_ in ("dobj", "obj") for o in _conjuncts(c)]
    if not examples:
        return
    _add_examples(frame, examples, "seller")
    clause = noun
    while clause.pos_ != "VERB" and clause.dep_ in ("pobj", "prep", "dobj") and clause.head is not clause:
        clause = clause.head
    if not frame.parties.has_role("buyer") and clause.pos_ == "VERB":
        for subject in _subject_tokens(clause)[0]:
            frame.parties.add(subject, "buyer")


def _bought(trigger: Token, table: dict) -> tuple[str, Token, list[Token]] | None:
    """What a payment verb buys: the deal kind, the thing ("right", "capacity") and its suppliers
    (the "from" companies of the thing), from the verb's (or its amount's) "for"/"on" phrase."""
    amounts = [c for c in trigger.children if c.dep_ in ("dobj", "obj") and _states_money(c)]
    amounts = amounts or _amount_before_clause(trigger)[0]
    if not amounts:
        return None  # "pay attention to", "spent years on"
    for holder in (trigger, *amounts):
        for c in holder.children:
            # ("paid $400 million *for* Quillon": the parser may call the "for" phrase a dative)
            if c.dep_ not in ("prep", "dative") or c.lower_ not in table["preps"] or c.dep_ == "dative" and c.lower_ != "for":
                continue
            things = _pobjs(c)
            if c.lower_ == "for" and any(_lemma(t) in _words("people_nouns") for t in things):
                # "pay $2.5 billion for Beta's technology and key employees": buying staff is hiring them,
                # no acquisition (the owner of the staff is the other employer)
                return "hiring", things[0], []
            if c.lower_ == "for" and _lemma(trigger) == "pay" and things and _is_company_bought(things[0]):
                return "acquisition", things[0], []  # (acq5) "paid $2 billion for Quillon in 2019": a purchase of it
            for thing in things:
                # "on memory chips from Dunmore" (the parser may hang "from" on the verb)
                suppliers = [o for h in (thing, trigger) for p in h.children
                             if p.dep_ == "prep" and p.lower_ in table["supplier_preps"] for o in _pobjs(p)]
                kind = table["for_nouns"].get(_lemma(thing)) or ("other" if suppliers else None)
                if kind is not None:
                    return kind, thing, suppliers
    for holder in (trigger, *amounts):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "under"):
                for noun in _pobjs(c):
                    kind = _kind_modifier(noun) if _word(noun) in load_triggers()["nouns"] else None
                    if kind in table["roles"]:
                        return kind, noun, []  # "pay $650 million to Inflection *in a licensing deal*"
    # "pay Beta $120 million to license its models": the parser may hang the infinitive on the amount
    on_amount = [c for a in amounts for c in a.children
                 if c.dep_ in ("relcl", "acl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    for c in (*trigger.children, *on_amount):
        if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and _lemma(c) in table["purpose_verbs"] and c.i > trigger.i:
            # "pay Beta $100 million a year to use its models": the purpose clause is what is bought
            return table["purpose_verbs"][_lemma(c)], c, []
    return None


def _amount_before_clause(verb: Token) -> tuple[list[Token], list[Token]]:
    """(deals15) The amount a payment verb's clause describes, when the amount stands before it as the clause's
    noun ("the $15.3 billion Intel paid for Mobileye", "the $900 million that Quillon paid for it"): the amount
    and, where the parser made the payer the clause's noun with the amount as its modifier ("[the $900
    million Brannock Networks] paid for ..."), that payer. Empty lists when the verb holds its own amount."""
    if verb.dep_ not in ("relcl", "acl") or verb.head is verb:
        return [], []
    head = verb.head
    if head.pos_ in ("NUM", "SYM", "NOUN") and not head.ent_type_ and _states_money(head) \
            and any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return [head], []  # "the $900 million (that) Quillon paid": the clause's own subject pays
    money = [c for c in head.children if c.dep_ == "nummod" and c.i < head.i and _states_money(c)]
    if money and head.ent_type_ == "COMPANY" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return money, [head]
    return [], []


#: Roles of a payment for a company itself ("paid $2 billion for Quillon"): payer and company bought.
_PURCHASE_ROLES = ("buyer", "seller")


def _is_company_bought(thing: Token) -> bool:
    """A company named whole as what a payment was for: "for Quillon", not "for Quillon's technology"."""
    return thing.ent_type_ == "COMPANY" and thing.ent_iob_ in ("B", "I") and \
        not any(c.dep_ in ("case",) for c in thing.children)


def _payment_frame(trigger: Token, refs) -> _Frame | None:
    """ "Acme will pay Beta $100 million for the right to use its models": a licence, Acme the licensee;
    "spend $600 million on computing capacity from Oracle": an 'other' deal with the supplier.

    The payer is the subject; the payee (a dative or "to" object), else the owner of what the right is
    to ("rights to *Beta's* models"), else the supplier ("from Oracle") takes the other role.
    """
    table = load_triggers()["payment_purchases"]
    bought = _bought(trigger, table)
    if bought is None:
        return None
    kind, thing, suppliers = bought
    payer_role, payee_role = table["roles"].get(kind, _PURCHASE_ROLES)
    frame = _Frame(trigger, kind, {"kind": kind}, refs, PAYMENT_RULE)
    frame.rule = f"{PAYMENT_RULE}:{_lemma(trigger)}"
    subjects, passive = _subject_tokens(trigger)
    held, payers = _amount_before_clause(trigger)
    subjects = payers or subjects  # "[the $900 million Brannock] paid for Lumetra"
    frame.anchors.update(a.i for a in held)  # the amount the clause describes is what was paid
    if passive:
        return None  # "Beta was paid $100 million for ...": the payer is not the subject
    for s in subjects:
        frame.parties.add(s, payer_role)
    for c in trigger.children:
        if c.dep_ == "dative":
            frame.parties.add(c, payee_role)
        elif c.dep_ == "prep" and c.lower_ == "to":
            for o in _pobjs(c):
                frame.parties.add(o, payee_role)
    if not frame.parties.has_role(payee_role) or payer_role == payee_role:
        for supplier in suppliers:
            frame.parties.add(supplier, payee_role)
    if kind == "acquisition":
        for company in _conjuncts(thing):
            frame.parties.add(company, payee_role)  # the company paid for is bought ("for Quillon")
    if kind == "hiring" and len(frame.parties.roles) < 2:
        for bought_thing in _conjuncts(thing):
            frame.parties.add(_people_object(bought_thing), payee_role, owner=True)  # "Beta's engineers", "the staff of Beta"
    if not frame.parties.has_role(payee_role) or payer_role == payee_role and len(frame.parties.roles) < 2:
        # "for the right to use *its* models", "for rights to Beta's patents": the owner of what is licensed
        holders = [c for c in thing.children if c.dep_ in ("acl", "relcl", "prep")] + ([thing] if thing.pos_ == "VERB" else [])
        used = [o for c in holders
                for o in (_pobjs(c) if c.dep_ == "prep" else [g for g in c.children if g.dep_ in ("dobj", "obj")])]
        for o in used:
            frame.parties.add(o, payee_role, owner=True)
    for carrier in _carrier_chain(trigger):
        frame.anchors.add(carrier.i)
    if _habitual_present(trigger):
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+present"
    return frame


def _noun_frame(trigger: Token, spec: dict, refs) -> _Frame | None:
    triggers = load_triggers()
    if spec.get("needs_modifier"):
        # "round" alone is too common ("a round of talks"); a funding round says so, has an
        # amount ("a $1 billion round") or is led, joined or raised
        modifiers = {_word(c) for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")}
        modifiers |= {c.lower_ for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")}
        support = _support_verb(trigger)
        funded = support is not None and (_lemma(support) in spec.get("subject_verbs", {}) or _lemma(support) == "raise")
        # "valued at $300 billion after a round led by B": a round someone leads is one of money (rounds4)
        funded = funded or not any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children) and any(
            c.dep_ == "acl" and _lemma(c) in spec.get("acl", {}) and _agents(c) for c in trigger.children)
        priced = any(c.pos_ in ("NUM", "SYM") or c.text in "$€£" for c in trigger.subtree if c.i < trigger.i)
        # "a second round of about $2 billion" (money5)
        priced = priced or any(c.dep_ == "prep" and c.lower_ == "of" and _states_money(o) for c in trigger.children for o in _pobjs(c))
        if not (modifiers & set(spec["needs_modifier"]) or funded or priced):
            return None
    kind = spec["kind"]
    if spec.get("generic"):
        modifier_kind = _kind_modifier(trigger)
        if modifier_kind is None and any(c.dep_ == "compound" and c.pos_ == "NOUN" and refs.entity_for(c) is None
                                         for c in trigger.children):
            modifier_kind = "other"  # "a supply agreement", "a cloud contract": commercial, kind unknown
        purpose = None if modifier_kind else _purpose_of(trigger, triggers["payment_purchases"]["purpose_verbs"])
        if purpose is not None:
            # "signed a deal to use Reddit's data": a licence; the owner of what is used the licensor
            modifier_kind = triggers["payment_purchases"]["purpose_verbs"][_lemma(purpose)]
        kind = modifier_kind or kind
        if kind != spec["kind"]:
            roles = triggers["kind_roles"].get(kind, {})
            spec = dict(spec, subject=roles.get("subject", spec["subject"]),
                        owner=roles.get("subject", spec["owner"]),
                        preps={p: roles.get("other", r) for p, r in spec["preps"].items()})
    frame = _Frame(trigger, kind, spec, refs, NOUN_RULE)
    frame.rule = f"{NOUN_RULE}:{_word(trigger)}"
    if spec.get("generic") and purpose is not None:
        frame.rule += "+purpose"
        other = triggers["kind_roles"].get(kind, {}).get("other")
        for o in (c for c in purpose.children if c.dep_ in ("dobj", "obj")):
            frame.parties.add(o, other, owner=True)
    parties = frame.parties
    # (history5) "Quillon's purchase by Harrowgate": with a "by" buyer, the possessor is the company bought
    bought_owner = kind == "acquisition" and any(c.dep_ == "prep" and c.lower_ == "by" for c in trigger.children)
    for c in trigger.children:
        if c.dep_ == "poss":
            parties.add(c, "seller" if bought_owner else spec.get("owner"))
        elif c.dep_ == "compound" and spec.get("compound"):
            if parties.add(c, spec["compound"]):
                frame.rule += NAME_COMPOUND_MARK  # "Salesforce's Ostrava Analytics deal": the name says not what deal
    preps = spec.get("preps", {})
    owner_preps = spec.get("owner_preps", {})
    # (deals15) "its purchase of Venafi from Thoma Bravo": a company bought from its owner, who sold it
    from_owner = kind == "acquisition" and not bought_owner and _company_bought_from_owner(trigger, parties)
    if from_owner:
        add_owner_sellers(frame, [trigger])
    for c in trigger.children:
        if c.dep_ == "prep" and from_owner and c.lower_ == "from":
            continue
        if c.dep_ == "prep" and (c.lower_ in preps or c.lower_ in owner_preps):
            for o in _pobjs(c):
                seller = unit_owner(o, _names_party) if kind == "acquisition" and c.lower_ == "of" else None
                if seller is not None:
                    # (deals7) "its purchase of Intel's NAND business": Intel sells a unit, and is not bought
                    parties.add(seller, preps["of"])
                    frame.rule += UNIT_SOLD_MARK
                    continue
                if not parties.add(o, preps.get(c.lower_), owner=kind == "hiring"):
                    parties.add(o, owner_preps.get(c.lower_), owner=True)
        elif c.dep_ in ("acl", "relcl") and _lemma(c) in spec.get("acl", {}):
            # "a round led by Amazon"
            frame.anchors.add(c.i)
            for a in _agents(c):
                parties.add(a, spec["acl"][_lemma(c)])
                _add_with_participants(parties, a, spec["acl"][_lemma(c)])
            if _agents(c):
                # "a round led by A, ..., with participation from B": the parser may hang "with" on the participle
                _add_with_participants(parties, c, spec["acl"][_lemma(c)])
    # "a round led by Inovia Capital that included Nvidia, Oracle and Salesforce Ventures"; the
    # parser often hangs the relative clause on the lead investor, which includes no one itself
    holders = [trigger] + [a for c in trigger.children if c.dep_ in ("acl", "relcl") for a in _agents(c)]
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("acl", "relcl") and _lemma(c) in spec.get("acl_objects", {}):
                for o in c.children:
                    if o.dep_ in ("dobj", "obj"):
                        parties.add(o, spec["acl_objects"][_lemma(c)])
    if spec.get("object_required") and not _names_company_sold(trigger, parties):
        return None  # (deals17) "its sale of chips to Huawei" sells goods, no company
    if kind == "acquisition":
        sold_from = bought_from(trigger, [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                                          for o in _pobjs(c)], parties)
        if sold_from == "goods":
            return None  # (acq8) "its purchase of chips from Dunmore": goods bought, no company
        if sold_from == "part":
            frame.rule += UNIT_SOLD_MARK  # (acq8) "the purchase of two products from Software AG"
    if kind == "acquisition" and trigger.tag_ == "NNS":
        _add_noun_examples(frame, trigger)  # (acq5) "grew through dozens of acquisitions, including A and B"
    if spec.get("common_only"):
        # "a joint venture that will invest $100 billion": what the venture puts in is its size
        frame.anchors.update(c.i for c in trigger.children if c.dep_ in ("relcl", "acl")
                             and _lemma(c) in load_triggers()["verbs"] and load_triggers()["verbs"][_lemma(c)]["kind"] == "investment")
    # "announced Stargate, a joint venture that ...": the apposition names the venture itself, which the
    # verb of its name carries
    named_venture = trigger.dep_ == "appos" and bool(spec.get("common_only"))
    if trigger.dep_ == "appos" and not named_venture:
        # "Microsoft, OpenAI's biggest backer": the apposition's head is the noun's subject
        parties.add(trigger.head, spec.get("subject"))
    support = _support_verb(trigger.head if named_venture else trigger)
    event = False
    if support is not None:
        frame.anchors.add(support.i)
        lemma = _lemma(support)
        if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in support.children):
            lemma = "participate"  # "B and C took part in X's round" (rounds4)
        event = lemma in _words("event_verbs") or lemma in spec.get("subject_verbs", {})
        # "the venture *formed by* A and B": the noun's own participle tells the event
        event = event or any(c.dep_ in ("acl", "relcl") and _lemma(c) in _words("event_verbs") and _agents(c)
                             for c in trigger.children)
        # "Apple brings ChatGPT to Siri in partnership with OpenAI": a joint act, not a state
        event = event or (trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and
                          any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
                          and not made_a_named_model(support))
        subject_role = spec.get("subject")
        if lemma in spec.get("subject_verbs", {}):
            subject_role = spec["subject_verbs"][lemma]
        elif lemma in _words("inverse_subject_verbs") and kind == "investment":
            subject_role = "investee" if subject_role == "investor" else subject_role
        for c in support.children:
            if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i > trigger.i and _lemma(c) in spec.get("acl", {}):
                # "raised a $60 million seed round last September, led by A, ... with participation from B":
                # the parser hangs the round's participle on the verb (a loose reading, see _drop_loose)
                frame.anchors.add(c.i)
                before = set(parties.roles)
                for a in _agents(c):
                    parties.add(a, spec["acl"][_lemma(c)])
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in preps:
                        for o in _pobjs(p):
                            parties.add(o, preps[p.lower_])
                parties.loose.update(k for k in parties.roles if k not in before)
        subjects, passive = _subject_tokens(support)
        made_by = spec.get("state") and any(c.dep_ in ("acl", "relcl") and _lemma(c) in spec.get("acl", {}) and _agents(c)
                                            for c in trigger.children)
        if passive:
            for a in _agents(support):
                parties.add(a, subject_role)
                if lemma in spec.get("subject_verbs", {}):
                    _add_with_participants(parties, a, subject_role)
        elif not made_by:  # (who supplies "the venture formed by A and B" is not in it)
            for s in subjects:
                parties.add(s, subject_role)
        taken = kind == "licensing" and (lemma == "take" or lemma in _words("inverse_subject_verbs"))
        for c in support.children:
            if c.dep_ == "prep" and (c.lower_ in preps or c.lower_ in owner_preps) and c.i != trigger.head.i:
                # "took a licence to the startup's technology": the parser hangs the noun's
                # preposition on the verb; a licence taken "to" a company is the company's ("took a
                # licence to Character.AI's models", the name cut off its models by the tokenizer)
                for o in _pobjs(c):
                    if taken and c.lower_ in owner_preps and parties.add(o, owner_preps[c.lower_]):
                        continue
                    if not parties.add(o, preps.get(c.lower_)):
                        parties.add(o, owner_preps.get(c.lower_), owner=True)
    if support is not None and _lemma(support) in spec.get("state_verbs", ()):
        # "ACE retained a 6.1% stake in US Airways": a holding, not a transaction
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += STANDING_MARK
    elif spec.get("state") and not event and not _is_new(trigger):
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+state"
    elif spec.get("generic") and not event and support is not None and _lemma(support) in POSSESSION_VERBS \
            and not _is_new(trigger):
        # (acq8) "it had similar revenue-sharing agreements with A, B and C": arrangements a company has, as
        # "has a partnership with" is, not news of one being struck ("signed an agreement")
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+state"
    elif support is not None and _habitual_present(support) and not _is_new(trigger):
        # "Databricks holds a small stake in Mistral": how things stand, not news of a deal
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+present"
    elif _describes_a_holder(trigger, spec, support):
        # "Nvidia, an investor in Figure, sells ...", "Amazon will remain a minority investor in the
        # startup": who holds a stake, not when it was bought (the invests_in relation still holds)
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += STANDING_MARK
    return frame


def _describes_a_holder(noun: Token, spec: dict, support: Token | None) -> bool:
    """An agent noun of holding ("investor", "backer", "shareholder": the noun names the investor) said
    of a company in apposition or after a copula, with no amount and no verb of becoming one ("became
    an investor", "joined as a backer" tell an event). A description states how things stand."""
    if spec.get("subject") != "investor" or spec.get("owner") != "investee":
        return False
    if noun.dep_ not in ("appos", "attr", "oprd"):
        return False
    if noun.dep_ != "appos" and (support is None or _lemma(support) in _words("becoming_verbs")):
        return False
    return not _states_money(noun)  # "an investor with $50 million in the round" may be news of the round


def _purpose_of(noun: Token, verbs: dict) -> Token | None:
    """The purpose clause of a deal noun ("a deal *to use* Reddit's data"), on the noun or on its verb."""
    holders = [(noun, ("acl", "relcl"))]
    support = _support_verb(noun)
    if support is not None:
        holders.append((support, ("advcl", "xcomp")))
    for holder, deps in holders:
        for c in holder.children:
            if c.dep_ in deps and c.i > noun.i and _lemma(c) in verbs and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                return c
    return None


def _is_new(noun: Token) -> bool:
    """A "new" or "recent" partnership is news of one being formed."""
    return any(c.dep_ == "amod" and c.lower_ in ("new", "recent", "latest", "fresh") for c in noun.children)


#: Letters that name a lettered funding round ("Series B", "Series A-1").
_SERIES_LETTER = re.compile(r"^[A-Ka-k](?:-?\d)?\+?$")


def is_series_name(token: Token) -> bool:
    """Whether ``token`` heads the name of a lettered funding round: "a $48 million Series *B*"
    (the letter heads, "Series" its compound) or "*Series* C" (the letter hangs on "Series")."""
    text = token.text
    # (asked of every token of a sentence: a round's letter is at most four characters, "A-1+")
    if len(text) > 4 and text.lower() != "series" or token.dep_ == "compound":
        return False
    if _SERIES_LETTER.match(text):
        return any(c.dep_ == "compound" and c.lower_ == "series" and c.i == token.i - 1 for c in token.children)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "series" and nxt is not None and _SERIES_LETTER.match(nxt.text) is not None \
        and nxt.head is token


def _joint_project_frame(verb: Token, refs) -> _Frame | None:
    """ "A, B and C will jointly develop chips", "A is building a data centre together with B": companies that
    make something jointly are partners in one project (a partnership of all). "A and B together hold
    two-thirds of the market" is no project: only making, running and funding verbs count."""
    if _lemma(verb) not in _words("joint_project_verbs"):
        return None  # (asked of every verb: the test below, read first, needs no walk of its children)
    # ("together with B", "together in Ohio": the parser hangs "together" on the preposition)
    holders = [verb] + [c for c in verb.children if c.dep_ == "prep"]
    adverbs = [c for h in holders for c in h.children if c.dep_ == "advmod" and c.lower_ in _words("joint_adverbs")]
    # (deals14) "A and B agreed to build a data centre": what companies agree to make, they make together
    agreed = verb.dep_ == "xcomp" and _lemma(verb.head) == "agree"
    if not (adverbs or agreed) or _lemma(verb) not in _words("joint_project_verbs"):
        return None
    frame = _Frame(verb, "partnership", {"kind": "partnership"}, refs, VERB_RULE)
    frame.rule = f"{VERB_RULE}:{_lemma(verb)}" + ("+jointly" if adverbs else "+agreed")
    subjects, passive = _subject_tokens(verb)
    for s in (_agents(verb) if passive else subjects):
        frame.parties.add(s, "partner")
    for holder in (verb, *adverbs):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for o in _pobjs(c):
                    frame.parties.add(o, "partner")
    frame.anchors.update(a.i for a in adverbs)
    if agreed:
        frame.anchors.add(verb.head.i)
    if made_a_named_model(verb):
        frame.confidence = CONFIDENCE_STATE_NOUN  # co-makers: partners, no deal node (see made_a_named_model)
        frame.rule += "+state"
    return frame


#: Labels of what a company makes and names.
_MADE_LABELS = frozenset({"MODEL", "PRODUCT"})


def made_a_named_model(verb: Token) -> bool:
    """A making verb in the past whose work is a named model or product: "A and B jointly released StarCoder",
    "Mistral NeMo, the model that A developed in collaboration with B". The sentence tells who made the
    thing, a history of the model: the makers are partners, but no arrangement is told as news (no deal
    node). "A and B will jointly develop chips" and "A builds X in partnership with B" announce one."""
    if _lemma(verb) not in _words("joint_project_verbs") or verb.tag_ not in ("VBD", "VBN"):
        return False
    made = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if verb.dep_ in ("relcl", "acl"):
        made.append(verb.head)  # "the model that A developed ...": what the clause's noun is
    return any(_names_made_thing(m) for m in made)


def _names_made_thing(token: Token) -> bool:
    """A model or product name, or a noun in apposition to one ("Mistral NeMo, the open 12B model")."""
    if token.ent_type_ in _MADE_LABELS:
        return True
    return token.dep_ == "appos" and token.head.ent_type_ in _MADE_LABELS


def _chosen_partner_frame(noun: Token, refs) -> _Frame | None:
    """ "Anthropic will make AWS its primary training partner", "A named B its preferred cloud provider": a
    company chosen as another's partner or supplier. The two are partners; the choice states how they work
    together, not a transaction of its own (a standing partnership: the relation, no deal node)."""
    verb = noun.head
    own = [c for c in noun.children if c.dep_ == "poss"]
    if not own or noun.dep_ not in ("dobj", "oprd", "attr", "xcomp", "ccomp") or _lemma(verb) not in _words("choosing_verbs"):
        return None
    chosen = [c for c in noun.children if c.dep_ in ("nsubj", "nsubjpass")] + \
             [c for c in verb.children if c.dep_ in ("dobj", "oprd", "nsubj") and c.i < noun.i and c.i > verb.i]
    frame = _Frame(noun, "partnership", {"kind": "partnership"}, refs, NOUN_RULE)
    frame.rule = f"{NOUN_RULE}:{_lemma(noun)}+chosen+state"
    if not any(frame.parties.add(c, "partner") for c in chosen):
        return None
    # "its" is the chooser's, the subject of the verb, never the company chosen (the nearer name); the parser
    # may make the verb a participle of the subject ("Marrow AI named X its partner")
    choosers = _subject_tokens(verb)[0] or ([verb.head] if verb.dep_ == "acl" else [])
    for c in choosers:
        frame.parties.add(c, "partner")
    frame.anchors.add(verb.i)
    frame.confidence = CONFIDENCE_STATE_NOUN
    return frame


def _frames(sent: Span, refs) -> Iterator[_Frame]:
    triggers = load_triggers()
    verbs, nouns = triggers["verbs"], triggers["nouns"]
    payment_verbs = set(triggers["payment_purchases"]["verbs"])
    chosen_partner_nouns = _words("chosen_partner_nouns")
    for token in sent:
        pos = token.pos_  # (read once: every token of every sentence passes here)
        lemma = _lemma(token) if pos == "VERB" else None
        # the word only of nouns: it joins hyphenated pieces, reading the tokens before
        word = _word(token) if pos in ("NOUN", "PROPN") else None
        if pos == "VERB" and lemma in payment_verbs:
            frame = _payment_frame(token, refs)
        elif pos == "VERB" and lemma in verbs:
            frame = _verb_frame(token, verbs[lemma], refs)
        elif pos in ("NOUN", "PROPN") and word in nouns and token.dep_ != "compound" \
                and not (pos == "PROPN" and nouns[word].get("common_only")):
            frame = _noun_frame(token, nouns[word], refs)
        elif is_series_name(token):
            frame = _noun_frame(token, nouns["round"], refs)
        elif pos == "VERB":
            frame = _joint_project_frame(token, refs)
        elif pos == "NOUN" and token.lemma_ in chosen_partner_nouns:
            frame = _chosen_partner_frame(token, refs)
        else:
            continue
        if frame is not None:
            round_investors(frame)  # every investor a round names (extract/deals/rounds.py)
            _drop_loose(frame)
            _share_role(frame)
            yield frame


def _drop_loose(frame: _Frame) -> None:
    """A company read from a loose parse ("with B joining") stays only when the other parties are named
    outright: two weak readings (that parse and a description resolved by coreference) are not a deal."""
    roles = frame.parties.roles
    if frame.parties.loose and any(via for key, (_, _, via) in roles.items() if key not in frame.parties.loose):
        for key in frame.parties.loose:
            roles.pop(key, None)


def _share_role(frame: _Frame) -> None:
    """ "The merger of Square and Enix", "A and B merged": when every party got the same role the
    text does not say who bought whom, so all take the frame's ``shared_role`` ("partner")."""
    shared = frame.spec.get("shared_role")
    roles = frame.parties.roles
    if shared and len(roles) > 1 and len({role for _, role, _ in roles.values()}) == 1:
        for key, (span, _, via_coref) in list(roles.items()):
            roles[key] = (span, shared, via_coref)


#: Roles that act in a deal (they take the subject role of a deal the act is part of).
_ACTING_ROLES = frozenset({"investor", "buyer", "licensee", "employer"})


def _join_host(frame: _Frame, frames: list[_Frame]) -> bool:
    """ "X made an investment in Y *as part of a partnership*": the partnership is between X and Y.

    A trigger noun that is the object of "as part of" (or "under", "within") on a verb takes the
    companies of the stated deal that verb carries, and is stated as that deal is. Returns
    whether it took any.
    """
    noun = frame.trigger
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and _lemma(prep.head) == "part" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "as part of"
    if prep.lower_ not in ("as", "under", "within") or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = prep.head
    host = next((f for f in frames if f is not frame and verb.i in f.anchors | {f.trigger.i} and _complete(f)), None)
    if host is None:
        return False
    roles = load_triggers()["kind_roles"].get(frame.kind, {"subject": "partner", "other": "partner"})
    for key, (span, role, via_coref) in host.parties.roles.items():
        if key not in frame.parties.roles:
            frame.parties.roles[key] = (span, roles["subject"] if role in _ACTING_ROLES else roles["other"], via_coref)
            frame.parties.refs_of[key] = host.parties.refs_of.get(key, noun)
    frame.confidence = host.confidence
    return True


def _raise_before(frame: _Frame, previous: list[_Frame]) -> _Frame | None:
    """ "X raised $40 million. *The round* was led by A, with participation from B.": a definite round
    with investors but no investee continues the previous sentence's raise that named no investor;
    the raiser becomes its investee. Returns that raise (its amount is the round's), else ``None``."""
    if not frame.is_round or frame.parties.has_role("investee") or not frame.parties.has_role("investor"):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in frame.trigger.children):
        return None
    hosts = [f for f in previous if f.kind == "investment" and f.parties.has_role("investee")
             and not f.parties.has_role("investor")]
    if len(hosts) != 1:
        return None
    for key, (span, role, via_coref) in hosts[0].parties.roles.items():
        if role == "investee" and key not in frame.parties.roles:
            frame.parties.roles[key] = (span, role, via_coref)
            frame.parties.refs_of[key] = hosts[0].parties.refs_of.get(key, frame.trigger)
    return hosts[0]


def _listed_companies(head: Token, parties: _Parties) -> list[Token]:
    """Company tokens listed in the noun phrase ``head`` heads, one per company.

    Conjuncts, appositions and name modifiers count ("Cisco Systems, Fujitsu and AMD Ventures",
    "Existing backers Northmoor Capital and Index Ventures"); companies inside the phrase's
    prepositional phrases or clauses do not ("AMD Ventures, the venture arm *of AMD*").
    """
    out, seen, stack = [], set(), [head]
    while stack:
        token = stack.pop()
        found = parties.company(token)
        if found is not None and not found[1] and (found[0].start, found[0].end) not in seen:
            seen.add((found[0].start, found[0].end))
            out.append(token)
        stack.extend(c for c in token.children if c.dep_ in ("conj", "appos", "nmod"))
    return sorted(out, key=lambda t: t.i)


def _add_round_participants(frame: _Frame, following: Span) -> bool:
    """ "X raised $500M in a round led by A. B, C and D also took part.": B, C and D are investors too.

    A participation verb ("took part", "participated", "joined", "also invested") whose subjects
    are companies joins the round of the sentence before when it is about that round: it says
    "also"/"too" or names a round ("joined the round"), and names no other company as the one
    it invests in. Returns whether a company was added.
    """
    verbs = load_triggers()["participation_verbs"]
    round_words = _words("round_words")
    investees = {_party_key(span) for span, role, _ in frame.parties.roles.values() if role == "investee"}
    added = False
    for token in following:
        lemma = _lemma(token)
        if token.pos_ in ("VERB", "AUX") and lemma in _words("round_member_verbs"):
            added |= _add_listed_members(frame, token, investees)
            continue
        if token.pos_ == "VERB" and lemma in load_triggers()["nouns"]["round"]["acl"] and any(
                c.dep_ == "nsubjpass" and _word(c) in round_words and any(
                    d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children) for c in token.children):
            # "X raised $40M ... *The funding was led by A*": the round's lead investor
            for agent in _agents(token):
                for company in _listed_companies(agent, frame.parties):
                    added |= frame.parties.add(company, "investor")
                before = len(frame.parties.roles)
                _add_with_participants(frame.parties, agent, "investor")
                added |= len(frame.parties.roles) > before
            continue
        if token.pos_ not in ("VERB", "AUX") or lemma not in verbs:
            continue
        particle = verbs[lemma]
        if particle and not any(c.dep_ in ("dobj", "prt", "prep") and c.lower_ == particle for c in token.children):
            continue  # "take" only in "take part"
        if deal_modality(token) is not None:
            continue
        # "Existing investors A and B participated": a bare participation verb right after a
        # round can only mean that round
        bare = not any(c.dep_ in ("dobj", "obj", "prep", "prt", "xcomp", "ccomp") for c in token.children)
        about_round = bare or any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in token.children) or any(
            _word(t) in round_words for t in token.subtree if t.i > token.i)
        if not about_round:
            continue
        targets = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "into")
                   for o in _pobjs(c)] + [c for c in token.children if c.dep_ in ("dobj", "obj")]
        other = [frame.parties.company(t) for t in targets]
        if any(found is not None and _party_key(found[0]) not in investees for found in other):
            continue  # "B also invested in Y": another deal
        for subject in _participant_subjects(token):
            for company in _listed_companies(subject, frame.parties):
                added |= frame.parties.add(company, "investor")
    return added


def _add_listed_members(frame: _Frame, verb: Token, investees: set[str]) -> bool:
    """ "Backers in the round included A, B and C", "Other investors include A and B" right after a
    round: the listed companies are its investors. The subject is an investor noun that is no one
    company's ("*Beta's* investors include ...", "investors in Gamma include ..." are another company's)."""
    if deal_modality(verb) is not None:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in _words("round_member_nouns")]
    if not subjects:
        return False
    for subject in subjects:
        owners = [c for c in subject.children if c.dep_ == "poss"]
        owners += [o for c in subject.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "behind") for o in _pobjs(c)]
        for owner in owners:
            found = frame.parties.company(owner)
            if found is not None and _party_key(found[0]) not in investees:
                return False
    listed = [o for c in verb.children if c.dep_ in ("dobj", "obj", "attr") for o in (c, *[g for g in c.children if g.dep_ == "appos"])]
    added = False
    for head in listed:
        for company in _listed_companies(head, frame.parties):
            added |= frame.parties.add(company, "investor")
    return added


def _participant_subjects(verb: Token) -> list[Token]:
    """Subjects of a participation verb and of its elliptical comparisons: "A and B participated,
    *as did* new backer C" (C is the subject of "did", an adverbial clause marked "as")."""
    out = [c for c in verb.children if c.dep_ == "nsubj"]
    for clause in verb.children:
        if clause.dep_ == "advcl" and _lemma(clause) == "do" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            out += [c for c in clause.children if c.dep_ == "nsubj"]
    return out
