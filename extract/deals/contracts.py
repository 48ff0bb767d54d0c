"""The other party of a contract the noun's own phrase does not name: "CoreWeave signed a contract worth
$11.9 billion *to supply computing capacity to OpenAI*", "an agreement to provide GPUs to B", "a deal to buy
capacity from B", and partners after a second "with" ("similar deals with Nintendo *and with Nvidia*").

A contract noun's frame reads its partners from "with"/"between" (data/lexicon/deal_triggers.json); a supply
contract often names the customer only in the infinitive that says what the contract is for: the company the
goods go *to* (or come *from*) is the other party. Only a frame with one party gets one this way, and only
from an infinitive of supplying or buying hung on the noun (or on "worth" beside it).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..rules import confidence as rule_confidence
from ..tokens import tokens_where
from ..relations.core import subjects_of
from .frames import _Frame
from .parties import CONFIDENCE_STATE_NOUN, _lemma

CONTRACT_RULE = "deal.contract_counterparty"

#: Nouns of a contract whose purpose an infinitive may state.
CONTRACT_NOUNS = frozenset({"contract", "agreement", "deal", "pact", "order"})

#: Verbs of supplying: the customer follows "to" ("to supply capacity to B", "to provide GPUs to B").
SUPPLY_VERBS = frozenset({"supply", "provide", "deliver", "sell", "rent", "lease", "offer"})

#: Verbs of buying: the supplier follows "from" ("to buy capacity from B", "to rent GPUs from B").
BUYING_VERBS = frozenset({"buy", "rent", "lease", "purchase", "source", "procure"})

#: Deal kinds a contract noun may have.
CONTRACT_KINDS = frozenset({"other", "partnership"})


def _purpose_verbs(noun: Token) -> list[Token]:
    """Infinitives that state what a contract is for: on the noun ("a contract to supply ..."), or on an
    adjective of it ("a contract worth $11.9 billion to supply ...")."""
    heads = [noun] + [c for c in noun.children if c.dep_ == "amod"]
    return [v for h in heads for v in h.children
            if v.dep_ in ("acl", "relcl", "xcomp") and v.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)]


def _objects_after(verb: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of a ``words`` phrase on the verb, or on its direct object (the parser hangs "from B" in
    "to rent capacity from B" on "capacity")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return [o for h in heads for p in h.children if p.dep_ in ("prep", "dative") and p.lower_ in words
            for o in p.children if o.dep_ == "pobj"]


def add_contract_counterparty(frame: _Frame) -> bool:
    """Give a one-party contract ``frame`` the customer or supplier its purpose infinitive names.

    Returns whether it got one (its rule becomes :data:`CONTRACT_RULE`).
    """
    noun = frame.trigger
    if frame.kind not in CONTRACT_KINDS or noun.pos_ != "NOUN" or _lemma(noun) not in CONTRACT_NOUNS \
            or len(frame.parties.roles) != 1:
        return False
    for verb in _purpose_verbs(noun):
        lemma = _lemma(verb)
        # "rent", "lease" go both ways: "to rent GPUs to B" (B the customer), "to rent capacity from B" (B the supplier)
        targets = (_objects_after(verb, ("to",)) if lemma in SUPPLY_VERBS else []) + \
            (_objects_after(verb, ("from",)) if lemma in BUYING_VERBS else [])
        for target in targets:
            if frame.parties.add(target, "partner") and len(frame.parties.roles) == 2:
                frame.rule = f"{CONTRACT_RULE}:{_lemma(noun)}"
                frame.confidence = min(frame.confidence, rule_confidence(CONTRACT_RULE))
                return True
    return False


def add_second_with_partners(frame: _Frame) -> bool:
    """ "Similar deals with Nintendo and with Nvidia": the partners after a second, conjoined "with" are the
    plural noun's partners too (the parse hangs that "with" on the first one), listed with the first so that
    each is a deal of its own. Returns whether any were added."""
    noun = frame.trigger
    # plural only: "deals with A and with B" are a deal with each; "a partnership with them and with B" would
    # make one deal of three, and pair A with B
    if frame.kind not in CONTRACT_KINDS | {"licensing"} or noun.tag_ != "NNS" or not frame.parties.roles:
        return False
    parties = frame.parties
    added = False
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            before = set(parties.roles)
            for second in prep.children:
                if second.dep_ == "conj" and second.lower_ == "with":
                    for obj in second.children:
                        if obj.dep_ == "pobj":
                            added = parties.add(obj, "partner") or added
            first = [k for k, ref in parties.refs_of.items() if k in before and ref.head.i == prep.i]
            new = [k for k in parties.roles if k not in before]
            if first and new:
                parties.listed.append(tuple(first + new))  # one slot's list: a deal with each (plural noun)
    if added:
        frame.rule = f"{CONTRACT_RULE}:{_lemma(noun)}+second_with"
        frame.confidence = min(frame.confidence, rule_confidence(CONTRACT_RULE))
    return added


#: Adjectives that say a contract stood before the news: "its existing agreement with B", "a long-standing deal".
STANDING_ADJECTIVES = frozenset({"existing", "current", "ongoing", "standing", "longstanding", "previous", "prior"})

#: Dependencies of a contract noun that is talked about rather than struck: "under its existing agreement",
#: "its current contract runs to 2027"; as an object ("renewed its existing contract") it is news again.
TOLD_ABOUT_DEPS = frozenset({"nsubj", "nsubjpass", "pobj", "appos"})


def mark_standing_contract(frame: _Frame) -> bool:
    """A contract noun described as already in force ("under its existing agreement with B", "its current
    contract with B runs to 2027") is how things stand, not news of a deal: like a partnership noun with no
    event verb it gets the state confidence (:data:`CONFIDENCE_STATE_NOUN`). Returns whether it was marked."""
    noun = frame.trigger
    if frame.kind not in CONTRACT_KINDS or noun.pos_ != "NOUN" or _lemma(noun) not in CONTRACT_NOUNS \
            or noun.dep_ not in TOLD_ABOUT_DEPS or frame.confidence <= CONFIDENCE_STATE_NOUN:
        return False
    if not any(c.dep_ == "amod" and c.lower_ in STANDING_ADJECTIVES for c in noun.children):
        return False
    frame.confidence = CONFIDENCE_STATE_NOUN
    frame.rule += "+state"
    return True


def add_contract_parties(frame: _Frame) -> bool:
    """Both completions of a contract frame, and its standing mark; returns whether a party was added."""
    mark_standing_contract(frame)
    return add_second_with_partners(frame) | add_contract_counterparty(frame)


RIGHTS_RULE = "deal.rights_licence"

#: Verbs that hand rights to another company: "sells the streaming rights to B", "hands ... rights ... to B".
GRANTING_VERBS = frozenset({"sell", "hand", "grant", "give", "transfer", "award", "license", "licence"})


def _to_objects(verb: Token, rights: Token) -> list[Token]:
    """The tokens after "to" on the verb or inside the rights' phrase, and after a "to" chained on one of
    those ("rights to A's games to B": the parser hangs the second "to" on the first one's object)."""
    heads = [verb] + [t for t in rights.subtree if t.i != rights.i]
    found: list[Token] = []
    while heads:
        objects = [o for h in heads for p in h.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                   for o in p.children if o.dep_ == "pobj" and o not in found]
        found += objects
        heads = objects
    return found


def add_rights_frames(frames: list, sent, refs) -> list:
    """``frames`` and a licensing frame for every "sells/hands/grants ... rights to B" in ``sent``."""
    out = list(frames)
    for rights in tokens_where(sent.doc, "LOWER", ("rights",)):
        verb = rights.head
        if not sent.start <= rights.i < sent.end or rights.dep_ != "dobj" or _lemma(verb) not in GRANTING_VERBS:
            continue
        frame = _Frame(rights, "licensing", {}, refs, RIGHTS_RULE)
        frame.rule = f"{RIGHTS_RULE}:{_lemma(verb)}"
        # the verb's subject, climbing "after agreeing to sell ..." to the clause it hangs on
        for subject, via_coref in subjects_of(verb, refs):
            if subject.label_ == "COMPANY":
                frame.parties.add(subject.root, "licensor")
                break
        for target in _to_objects(verb, rights):
            if frame.parties.add(target, "licensee"):
                break
        frame.anchors.add(verb.i)
        out.append(frame)
    return out
