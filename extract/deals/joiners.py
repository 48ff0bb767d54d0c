"""A company joining a partnership told just before: "A, B and C formed a joint venture. D is also putting
in money", "D will also contribute", "D joins as a partner", "D later joined the consortium".

The joining clause names no deal of its own (no company it invests in or partners with), so the text
means the deal just told: the company becomes one more partner of it. Funding rounds have their own
reading of the next sentence (:func:`extract.deals.frames._add_round_participants`).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..modality import deal_modality
from .frames import _Frame, _listed_companies, _participant_subjects
from .parties import _lemma, _party_key, _pobjs, load_triggers

#: What a company joins a partnership "as" ("joins as a partner", "came in as an investor").
_MEMBER_NOUNS = frozenset({"partner", "member", "investor", "backer", "shareholder", "co-investor", "participant"})

#: Verbs that put money in with a particle ("is also putting in money", "will put up capital").
_MONEY_PARTICLES = {"put": ("in", "up"), "pump": ("in",), "chip": ("in",)}


@lru_cache(maxsize=None)
def _deal_nouns() -> frozenset[str]:
    """Nouns that name a partnership (venture, consortium, alliance...): what a company "joins"."""
    return frozenset(word for word, spec in load_triggers()["nouns"].items() if spec.get("kind") == "partnership")


def _joining_verb(token: Token) -> bool:
    """A verb that says its subject takes part: "take part", "participate", "contribute", "invest",
    "join", "put in money"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = _lemma(token)
    particles = _MONEY_PARTICLES.get(lemma)
    if particles and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles for c in token.children):
        return True
    verbs = load_triggers()["participation_verbs"]
    if lemma not in verbs:
        return False
    particle = verbs[lemma]
    return not particle or any(c.dep_ in ("dobj", "prt", "prep") and c.lower_ == particle for c in token.children)


def _about_the_deal(verb: Token) -> bool:
    """Whether the joining clause means the deal just told: "also"/"too", "as a partner", or a
    definite partnership noun as what is joined ("joined the consortium", "took part in the venture")."""
    if any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [o for c in verb.children if c.dep_ == "prep" for o in _pobjs(c)]
    for obj in objects:
        if obj.head.lower_ == "as" and _lemma(obj) in _MEMBER_NOUNS:
            return True
        if _lemma(obj) in _deal_nouns() and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in obj.children):
            return True
    return False


def _names_another_deal(verb: Token, frame: _Frame) -> bool:
    """ "D also invested in E", "D also partnered with E": the clause has a deal of its own."""
    members = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    targets = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    targets += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "with") for o in _pobjs(c)]
    for target in targets:
        found = frame.parties.company(target)
        if found is not None and _party_key(found[0]) not in members:
            return True
    return False


def add_joining_partners(frame: _Frame, following: Span) -> bool:
    """Add to a partnership ``frame`` the companies the ``following`` text says join it.

    Parameters
    ----------
    frame : _Frame
        A complete partnership frame (two partners or more) of the sentence before.
    following : Span
        The next sentence (or the rest of the frame's sentence after a semicolon).

    Returns
    -------
    bool
        Whether a company was added, as a ``partner``.
    """
    if frame.kind != "partnership":
        return False
    added = False
    for token in following:
        if not _joining_verb(token) or token in frame.trigger.subtree:
            continue
        if deal_modality(token) is not None or not _about_the_deal(token) or _names_another_deal(token, frame):
            continue
        venture = _named_venture(frame.trigger, frame) if _puts_money(token) else None
        for subject in _participant_subjects(token):
            for company in _listed_companies(subject, frame.parties):
                # money put into a venture with a name of its own is an investment in it
                added |= frame.parties.add(company, "investor" if venture is not None else "partner")
        if added and venture is not None:
            frame.parties.add(venture, "investee")
    return added


#: Joining verbs that put money in: the joiner invests in a venture that has a name of its own.
_MONEY_VERBS = frozenset({"put", "pump", "chip", "invest", "co-invest", "coinvest", "contribute", "back"})


def _puts_money(verb: Token) -> bool:
    return _lemma(verb) in _MONEY_VERBS


def _named_venture(noun: Token, frame: _Frame) -> Token | None:
    """The company a venture noun names ("a joint venture called Stargate", "Helion, a joint venture"),
    if it is none of the frame's partners."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    candidates = [g for c in noun.children if c.dep_ == "acl" and _lemma(c) in ("call", "name", "dub")
                  for g in c.children if g.dep_ in ("oprd", "attr", "dobj", "xcomp")]
    candidates += [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        candidates.append(noun.head)
    members = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    for candidate in candidates:
        found = frame.parties.company(candidate)
        if found is not None and not found[1] and _party_key(found[0]) not in members:
            return candidate
    return None


def joining_text(frame: _Frame, sent: Span, next_sent: Span | None) -> list[Span]:
    """Where a company joining ``frame`` may be told: the clauses after a semicolon that follows the
    trigger in its own sentence ("A and B formed a venture; C will also invest"), and the next sentence."""
    out = []
    semicolon = next((t for t in sent if t.i > frame.trigger.i and t.text == ";"), None)
    if semicolon is not None and semicolon.i + 1 < sent.end:
        out.append(sent.doc[semicolon.i + 1: sent.end])
    if next_sent is not None:
        out.append(next_sent)
    return out

