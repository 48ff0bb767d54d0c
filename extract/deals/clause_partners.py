"""A partnership noun that sums up the clause it follows: "Google Cloud said SSI would use its chips, *a
partnership* that the two companies described as a compute agreement", "A will run its models on B's
cloud *under a multi-year agreement*". The noun names no partner of its own; the two companies the clause
names are its partners.

Only a clause that names exactly two companies is read (a third leaves the pairing open), and only a
clause without a deal verb of its own ("A agreed to buy B, an agreement that ..." is a purchase: the verb's
frame states it).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..relations.models import _named_after_company
from ..rules import confidence as rule_confidence
from .frames import _Frame
from .parties import _lemma, _party_key, load_triggers

CLAUSE_PARTNERSHIP_RULE = "group.clause_partnership"

#: Determiners of a noun phrase that sums up what was just said: "..., a partnership that ...".
SUMMING_DETERMINERS = frozenset({"a", "an"})

#: Deal kinds a summing noun may have: "a partnership", "an agreement" (read "other" when nothing says what it covers).
SUMMING_KINDS = frozenset({"partnership", "other"})

#: Labels of what a company makes: a clause that deploys it names its maker ("will deploy Orrin-M2").
MADE_LABELS = frozenset({"MODEL", "PRODUCT"})

#: Dependencies a summing noun never has: it is neither a clause's subject nor a name's part.
NOT_SUMMING_DEPS = frozenset({"nsubj", "nsubjpass", "compound", "poss"})


def _summed_clause(noun: Token) -> tuple[int, int] | None:
    """The token range of the clause ``noun`` sums up, or ``None``: the sentence up to the comma
    before ", a partnership ..." or up to "under (a|the) agreement" hung on the clause's verb."""
    doc, sent = noun.doc, noun.sent
    left = noun.left_edge.i
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # "A will use B's chips under a multi-year agreement"; "under the agreement" points back at a deal
        # told before, with parties of its own (and a product typed a company is no party to it)
        return (sent.start, sent.end) if doc[left].lower_ in SUMMING_DETERMINERS else None
    if noun.dep_ in NOT_SUMMING_DEPS or left <= sent.start or doc[left - 1].text != ",":
        return None
    if noun.dep_ == "appos" and noun.head.ent_type_:
        return None  # "coordinated BigScience, a research collaboration": the noun describes the name before it
    if doc[left].lower_ not in SUMMING_DETERMINERS:
        return None
    return sent.start, left - 1


def _clause_companies(frame: _Frame, start: int, end: int) -> dict[str, Token]:
    """The companies named in ``doc[start:end]``, each by one token (its entity's root), with the
    subjects of its verbs resolved ("The company sells ...": the company meant), by party key."""
    doc, parties = frame.trigger.doc, frame.parties
    named: dict[str, Token] = {}
    tokens = [ent.root for ent in doc.ents if start <= ent.start and ent.end <= end] + [
        t for t in doc[start:end] if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PRON")]
    for token in tokens:
        found = parties.company(token)
        if found is not None:
            named.setdefault(_party_key(found[0]), token)
    for ent in doc.ents:
        maker = _maker_named_in(ent) if start <= ent.start and ent.end <= end and ent.label_ in MADE_LABELS else None
        if maker is not None:
            named.setdefault(_party_key(maker), maker.root)
    return named


def _maker_named_in(made: Span) -> Span | None:
    """The company of the Doc a model or product is named after: "Penwick Health will deploy Orrin-M2 under
    a multi-year agreement" in a release by Orrin Labs (see :func:`extract.relations.models._named_after_company`)."""
    makers = {_party_key(e): e for e in made.doc.ents if e.label_ == "COMPANY" and _named_after_company(made, e)}
    return next(iter(makers.values())) if len(makers) == 1 else None


def _states_another_deal(start: int, end: int, noun: Token) -> bool:
    """A deal verb in the clause whose object is a company or a company's ("agreed to buy B", "invested in B",
    "license B's technology"): its own frame says what the deal is. Verbs inside the noun's own phrase
    describe it ("a partnership in which B took a stake"), and a verb of something else ("sells access to
    its models") is no deal."""
    doc, verbs = noun.doc, load_triggers()["verbs"]
    inside = range(noun.left_edge.i, noun.right_edge.i + 1)
    for verb in doc[start:end]:
        if verb.pos_ != "VERB" or _lemma(verb) not in verbs or verb.i in inside:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"] + \
                  [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        # "would license Midjourney's technology, a technical collaboration": what a company owns is
        # had from that company, so the licence is the arrangement the noun sums up, not a second one
        # ("sells access through Microsoft's cloud" is had through the cloud, not from Microsoft: objects only)
        owners = [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "poss"]
        if any(o.ent_type_ == "COMPANY" for o in objects + owners):
            return True
    return False


def add_clause_partners(frame: _Frame) -> bool:
    """Give a partnership (or unspecified) ``frame`` whose noun sums up a clause the two companies that clause names.

    Returns whether the frame got them (its rule becomes :data:`CLAUSE_PARTNERSHIP_RULE`).
    """
    noun = frame.trigger
    if frame.kind not in SUMMING_KINDS or noun.pos_ != "NOUN" or len(frame.parties.roles) > 1:
        return False
    clause = _summed_clause(noun)
    if clause is None or _states_another_deal(*clause, noun):
        return False
    companies = _clause_companies(frame, *clause)
    known = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    if len(companies) != 2 or not known <= set(companies):
        return False
    for token in companies.values():
        frame.parties.add(token, "partner")
    frame.rule = f"{CLAUSE_PARTNERSHIP_RULE}:{_lemma(noun)}"
    frame.confidence = rule_confidence(CLAUSE_PARTNERSHIP_RULE)
    return True

