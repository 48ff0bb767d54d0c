"""The money and the date of a deal: the amount attached to its trigger (or told in the next sentences
about "the deal"), and the date its sentence gives, resolved against the article's date.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..quantities import Money, iter_dates, iter_money
from ..tokens import doc_text
from .frames import _Frame, _frames
from .parties import _complete, _lemma, _party_key, _word, load_triggers

#: words an amount may hang from on its way up to the frame: "for", "worth", "valued at"...
_AMOUNT_LINKS = frozenset({"worth", "value", "total", "totaling", "amount", "estimate", "reportedly", "cost",
                           "sum", "price", "figure", "fee"})


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _values_a_company(verb: Token) -> bool:
    """ "which *values Quillon* at $4 billion": a valuing verb with an object states what a company is worth.

    That worth is the price of a deal that buys the company, never the size of a round or a stake in it
    ("the financing, which values X at $4 billion"); "a round valued at $50 million" (no object) is the
    round's own size.
    """
    return _lemma(verb) in _VALUING_VERBS and any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _compound_of(token: Token, anchors: set[int], max_steps: int = 3) -> bool:
    """Whether ``token`` is a compound modifier of an anchor, directly or through others ("Series B
    financing round": "B" -> "financing" -> "round")."""
    for _ in range(max_steps):
        if token.dep_ != "compound" or token.head is token:
            return False
        token = token.head
        if token.i in anchors:
            return True
    return False


def _attached(token: Token, anchors: set[int], max_steps: int = 6, worth_is_price: bool = True) -> bool:
    """Whether ``token`` hangs from an anchor through function words only ("for", "worth", "at").

    ``worth_is_price`` false (a deal that buys no company: an investment) stops at a verb that values a
    company: the company's worth is not the deal's amount.
    """
    for _ in range(max_steps):
        if not worth_is_price and token.pos_ in ("VERB", "AUX") and _values_a_company(token):
            return False
        if token.i in anchors:
            return True
        head = token.head
        if head is token:
            return False
        if head.i in anchors or _compound_of(head, anchors):
            return True  # ("a $60 million *seed* round", "a US$85 million *Series B financing* round": the noun's compounds)
        # "for a sum that people close to the deal put at about $400 million": a relative clause
        # that prices the noun leads on to it
        pricing = head.dep_ in ("relcl", "acl") and _lemma(head) in _PRICING_VERBS
        if pricing and not worth_is_price and _values_a_company(head):
            return False
        if not (head.pos_ in ("ADP", "ADV", "NUM", "SYM", "PART", "ADJ") or _lemma(head) in _AMOUNT_LINKS or pricing):
            return False
        token = head
    return False


#: What may stand between an amount and its dollar gloss: "€600 million (about $640m)", "£50m, or $63m,".
_GLOSS_GAP = re.compile(r"\s*[(,]?\s*(?:or|about|around|roughly|some|nearly|approximately|almost|c\.|~|\s)*\s*$",
                        re.IGNORECASE)


def _with_dollar_glosses(found: list[tuple[int, int, Money]], text: str) -> list[tuple[int, int, Money]]:
    """Amounts in another currency followed by their value in dollars carry the dollar value (the one
    the graph records), and the gloss is no amount of its own.

    Examples
    --------
    >>> text = "raised €600 million (about $640m) in a round"
    >>> [(m.amount, m.currency) for _, _, m in _with_dollar_glosses(list(iter_money(text)), text)]
    [(640000000.0, 'USD')]
    >>> text = "raised US$1 billion (about 7.2 billion yuan) in a round"
    >>> [(text[s:e], m.currency) for s, e, m in _with_dollar_glosses(list(iter_money(text)), text)]
    [('US$1 billion (about 7.2 billion yuan', 'USD')]
    >>> text = "raised €600 million in May and $640m in June"
    >>> [m.currency for _, _, m in _with_dollar_glosses(list(iter_money(text)), text)]
    ['EUR', 'USD']
    """
    out: list[tuple[int, int, Money]] = []
    skip = False
    for k, (start, end, money) in enumerate(found):
        if skip:
            skip = False
            continue
        if money.currency != "USD" and k + 1 < len(found) and found[k + 1][2].currency == "USD" \
                and found[k + 1][0] - end <= 16 and _GLOSS_GAP.fullmatch(text[end:found[k + 1][0]]) \
                and text[end:found[k + 1][0]].strip():
            out.append((start, end, found[k + 1][2]))
            skip = True
            continue
        if money.currency == "USD" and k + 1 < len(found) and found[k + 1][2].currency != "USD" \
                and _glossed(text, end, found[k + 1][0], found[k + 1][1]):
            # "US$1 billion (about 7.2 billion yuan)": the dollar figure with its gloss is one amount, and the
            # parser may hang the dollars on the gloss's currency noun, so the span covers both
            out.append((start, found[k + 1][1], money))
            skip = True
            continue
        out.append((start, end, money))
    return out


def _glossed(text: str, end: int, gloss_start: int, gloss_end: int) -> bool:
    """Whether the amount ending at ``end`` is glossed by the one at ``gloss_start``: a bracket or comma
    between, with an "about"/"or" at most, and the gloss closed by a bracket ("$1 billion (about 7.2 billion
    yuan)"; "$1 billion and 7.2 billion yuan" are two amounts)."""
    gap = text[end:gloss_start]
    return gloss_start - end <= 16 and "(" in gap and bool(_GLOSS_GAP.fullmatch(gap)) \
        and text[gloss_end:gloss_end + 2].lstrip().startswith(")")


#: What follows a price of one share ("$95 per share", "$40 a share").
_PER_SHARE = re.compile(r"\s+(?:per|a|each)\s+(?:share|unit)\b", re.I)


def _money_in(sent: Span) -> list[tuple[Token, Money]]:
    doc, base = sent.doc, sent.start_char
    text = doc_text(doc)[base:sent.end_char]  # (Span.text joins the sentence's tokens at each read)
    out = []
    for start, end, money in _with_dollar_glosses(list(iter_money(text)), text):
        if _PER_SHARE.match(text, end):
            continue  # (deals7) "agreed to buy Activision for $95 per share": a price of a share, not of the deal
        root = _span_root(doc, base + start, base + end)
        if root is not None:
            out.append((root, money))
    return out


def _amount(frame: _Frame, money: list[tuple[Token, Money]]) -> Money | None:
    anchors = frame.anchors | _deal_nouns_of(frame) | _agreement_verbs(frame.trigger)
    for root, amount in money:
        if _attached(root, anchors, worth_is_price=_worth_is_price(frame.kind)):
            return amount
    doc = frame.trigger.doc
    verbs = {i for i in anchors if doc[i].pos_ == "VERB"}
    for root, amount in money:
        if root.left_edge.i - 1 in verbs:
            # "Anduril *raised $2.5 billion* earlier this month": an amount written straight after
            # the deal's verb is what the verb moved, however the parser hung it (here from "earlier")
            return amount
    return None


#: Nouns of an agreement, whose making verb's "for $X" prices the deal the agreement is to do.
_AGREEMENT_NOUNS = frozenset({"agreement", "deal", "pact", "contract", "accord"})


def _agreement_verbs(trigger: Token) -> set[int]:
    """The verb that makes the agreement a deal's verb belongs to: in "entered into a definitive
    *agreement to acquire* Fennick, a Cambridge developer, for $210 million" the parser hangs "for
    $210 million" from "entered" (likewise "signed an agreement to buy X for $Y")."""
    noun = trigger.head
    if trigger.dep_ != "acl" or noun.lemma_.lower() not in _AGREEMENT_NOUNS:
        return set()
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head
    verb = noun.head
    return {verb.i} if noun.dep_ in ("dobj", "obj", "prep") and verb.pos_ == "VERB" else set()


def _deal_nouns_of(frame: _Frame) -> set[int]:
    """The deal noun a frame's verb is told "in" or "under": "licensed its models *in a $330 million deal*"."""
    doc, out = frame.trigger.doc, set()
    for i in frame.anchors | {frame.trigger.i}:
        if doc[i].pos_ not in ("VERB", "AUX"):
            continue
        for c in doc[i].children:
            if c.dep_ == "prep" and c.lower_ in ("in", "under", "through", "via"):
                out.update(o.i for o in c.children if o.dep_ == "pobj" and _lemma(o) in _DEAL_ANAPHORS)
            if c.dep_ in ("dobj", "obj"):
                out.update(_deal_nouns_after_description(c, frame.kind))
    return out


def _deal_nouns_after_description(obj: Token, kind: str | None) -> set[int]:
    """ "bought PeopleSoft, the company Duffield had founded, *in a hostile takeover* worth $10 billion": a
    deal noun of the verb's own kind, after the comma that closes a description of the object, tells the
    verb's deal, however the parser hung it on the description's clause ("had founded ... in a takeover").

    Only a noun of the deal's kind or a generic one ("deal", "transaction") counts: what the description's
    own verb did is no takeover.
    """
    doc, out = obj.doc, set()
    words = _OWN_DEAL_NOUNS.get(kind, _GENERIC_ANAPHORS)
    for token in obj.subtree:
        if token.i <= obj.i or token.dep_ != "prep" or token.lower_ != "in" or doc[token.i - 1].text != ",":
            continue
        out.update(o.i for o in token.children if o.dep_ == "pobj" and _lemma(o) in words)
    return out


def _worth_is_price(kind: str | None) -> bool:
    """A company's stated worth prices a deal that buys it, not an investment in it."""
    return kind != "investment"


_DEAL_ANAPHORS = frozenset({"deal", "acquisition", "investment", "transaction", "agreement", "purchase",
                            "round", "takeover", "stake", "license", "licensing", "merger", "buyout", "pact"})


#: Nouns that name a deal of one kind only: "its $23.5 million round" names an investment, never the
#: partnership told just before; "deal", "agreement", "transaction" and "pact" name any kind.
_KIND_ANAPHORS = {
    "investment": frozenset({"investment", "round", "stake"}),
    "acquisition": frozenset({"acquisition", "purchase", "takeover", "merger", "buyout", "stake"}),
    "licensing": frozenset({"license", "licensing"}),
}


def _names_this_deal(noun: Token, kind: str | None, parties: frozenset[str]) -> bool:
    """Whether a definite deal noun of the next sentence can be the deal just told: a noun of its kind (or a
    generic "deal"), and not one that names a company of its own outside the deal ("the $49 billion
    acquisition *of Xilinx*" after "bought Nod.ai for an undisclosed sum" is another purchase)."""
    lemma = _lemma(noun)
    if kind is not None and lemma not in _GENERIC_ANAPHORS and lemma not in _KIND_ANAPHORS.get(kind, frozenset()):
        return False
    own = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "for")
           for o in c.children if o.dep_ == "pobj" and o.ent_type_ == "COMPANY"]
    return not parties or all(_company_key(o) in parties for o in own)


def _company_key(token: Token) -> str:
    """The party key of the company name ``token`` is part of."""
    return next((_party_key(e) for e in token.doc.ents if e.start <= token.i < e.end), token.lower_)


#: Deal nouns that name a deal of any kind.
_GENERIC_ANAPHORS = frozenset({"deal", "transaction", "agreement", "pact"})

#: Per kind, the nouns that can name a deal of that kind: its own and the generic ones (built once).
_OWN_DEAL_NOUNS = {kind: words | _GENERIC_ANAPHORS for kind, words in _KIND_ANAPHORS.items()}


def _amount_in_next(sent: Span, following: Span | None, kind: str | None = None,
                    parties: frozenset[str] = frozenset()) -> Money | None:
    """ "Microsoft bought Y. The deal is worth $X.": the amount of a deal named again with a definite article.

    "The round values X at $4 billion" after an investment is X's worth, not the round's amount. ``parties``
    (their party keys) are the deal's companies: a deal noun naming another company names another deal.
    """
    if following is None:
        return None
    money = _money_in(following)
    if not money:
        return None
    for token in following:
        if _lemma(token) in _DEAL_ANAPHORS and _names_this_deal(token, kind, parties) and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in token.children):
            anchors = {token.i}
            if token.dep_ in ("nsubj", "nsubjpass") and (_worth_is_price(kind) or not _values_a_company(token.head)):
                anchors.add(token.head.i)
            measure = _measure_of(token)
            if measure is not None and measure.dep_ in ("dobj", "obj") and _lemma(measure.head) in _PRICING_VERBS:
                anchors.add(measure.head.i)  # "The Journal put the value of that deal at $2.7bn"
            for root, amount in money:
                if _attached(root, anchors, worth_is_price=_worth_is_price(kind)):
                    return amount
    return None


#: Nouns that measure a deal: "the value of that deal", "the deal's price".
_MEASURE_NOUNS = frozenset({"value", "price", "cost", "worth", "size"})


def _measure_of(anaphor: Token) -> Token | None:
    """The measure noun ``anaphor`` is the owner of: "the *value* of that deal", "the deal's *value*"."""
    head = anaphor.head
    if anaphor.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif anaphor.dep_ != "poss":
        return None
    return head if _lemma(head) in _MEASURE_NOUNS else None


#: How many sentences after a deal a sentence about its payment may come.
LATER_AMOUNT_WINDOW = 4


#: Verbs of a relative clause that price a noun: "a payment that people familiar with the matter *put* at $2.7B".
_PRICING_VERBS = frozenset({"put", "value", "estimate", "peg", "price", "set", "place", "total", "reach"})

#: Verbs that state what a company is worth: "which *values* X at $4 billion".
_VALUING_VERBS = frozenset({"value"})


def _amount_in_later(frame: _Frame, later: list[Span], refs) -> Money | None:
    """The amount of a deal stated a few sentences on, about one of its parties and a noun of its kind.

    "Google agreed to license Character.AI's technology ... Character.AI will receive a licence
    payment that people familiar with the matter put at about $2.7B.": the later sentence names a
    party and a licensing noun ("licence payment") whose amount hangs on it. The search stops at
    a sentence that tells a deal of its own (its money is that deal's).
    """
    triggers = load_triggers()
    kind_of = {w: spec["kind"] for w, spec in triggers["nouns"].items() if not spec.get("generic")}
    kind_of.update(triggers["kind_modifiers"])
    parties = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    for following in later:
        if any(_complete(f) for f in _frames(following, refs)):
            return None
        money = _money_in(following)
        if not money:
            continue
        names_party = any(e.label_ == "COMPANY" and _party_key(e) in parties for e in following.ents)
        for token in following:
            if kind_of.get(_word(token)) != frame.kind:
                continue
            noun = token.head if token.dep_ == "compound" else token
            if not _names_this_deal(noun, None, parties):
                continue  # "the acquisition of Xilinx" after "bought Nod.ai": another purchase's price
            definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                           for c in noun.children)
            if not (names_party or definite):
                continue
            anchors = {token.i, noun.i}
            if noun.dep_ in ("nsubj", "nsubjpass") and (_worth_is_price(frame.kind) or not _values_a_company(noun.head)):
                anchors.add(noun.head.i)
            anchors.update(c.i for c in noun.children if c.dep_ in ("relcl", "acl") and _lemma(c) in _PRICING_VERBS
                           and (_worth_is_price(frame.kind) or not _values_a_company(c)))
            for root, amount in money:
                if _attached(root, anchors, worth_is_price=_worth_is_price(frame.kind)):
                    return amount
    return None


def _clause_tokens(trigger: Token, anchors: set[int]) -> set[int]:
    out = set(anchors) | {trigger.i}
    out.update(t.i for t in trigger.ancestors)
    return out


def _date(frame: _Frame, sent: Span, reference: str | None) -> str | None:
    """A date hanging from the deal's clause (not from another event's clause in the sentence)."""
    clause = _clause_tokens(frame.trigger, frame.anchors)
    doc, base = sent.doc, sent.start_char
    for start, end, iso in iter_dates(sent.text, reference=reference):
        token = _span_root(doc, base + start, base + end)
        if token is None:
            continue
        for _ in range(8):
            if token.i in clause:
                return iso
            head = token.head
            if head is token or head.pos_ in ("VERB", "AUX") and head.i not in clause:
                break
            token = head
    return None
