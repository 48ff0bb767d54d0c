"""Negation and hedging, for relations and deals alike: is a statement denied, or not stated as fact?

A relation under a negation ("did not invest", "never partnered", "cut ties") gives no edge, and a
hedged one ("could rival", "reportedly working", "is expected to") a lower confidence. A deal under a
negation or a hypothesis ("may acquire", "is in talks to buy", "if it buys") keeps a capped confidence
below :data:`KEEP_CONFIDENCE <extract.deals.KEEP_CONFIDENCE>`, so it stays out of the graph but is
reported. The words live in the lexicon (``data/lexicon/``).

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Apple", "did", "not", "acquire", "Mistral"],
...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"])
>>> is_negated(doc[3]), deal_modality(doc[3]) == CONFIDENCE_NEGATED
(True, True)
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import words

#: Confidence caps of a deal that is not stated as happening, or is denied.
CONFIDENCE_HYPOTHETICAL = 0.3
CONFIDENCE_NEGATED = 0.2



def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def clause_chain(token: Token, steps: int = 4) -> list[Token]:
    """The trigger and the heads above it within its clause ("is not about to cut ties"). An apposition is
    a clause of its own: "Waymo, a unit of Alphabet, did not comment" denies the comment, not the unit."""
    chain = [token]
    while len(chain) <= steps and chain[-1].head != chain[-1] and chain[-1].dep_ not in ("relcl", "advcl", "ccomp", "ROOT", "conj", "appos"):
        if chain[-1].dep_ == "pcomp" and chain[-1].head.lower_ in FACT_PREPS:
            break  # "would cut 1,800 jobs after losing ground to Nvidia": what came before is a fact
        if _describes_name(chain[-1]):
            break  # "Jane Roe, Initech's chief executive, declined to comment": the description is not what is declined
        if chain[-1].dep_ == "acl" and chain[-1].pos_ == "VERB":
            break  # "Inflection, which X had co-founded with Y, did not disappear": a clause on a noun is its own statement
        chain.append(chain[-1].head)
    return chain


#: Prepositions whose clause states what has happened, whatever the main verb says: "after losing ground to X"
FACT_PREPS = frozenset({"after", "since", "despite", "following", "amid"})


def _describes_name(token: Token) -> bool:
    """A noun in apposition, or written before a name ("CEO Jane Roe"): its own statement about the name,
    outside the clause of the verb the name is an argument of."""
    return token.pos_ in ("NOUN", "PROPN") and (
        token.dep_ == "appos" or (token.dep_ == "compound" and token.head.pos_ == "PROPN" and bool(token.head.ent_type_))
        or _set_off_after_name(token))


def _set_off_after_name(token: Token) -> bool:
    """A noun whose phrase stands between commas right after a name, an apposition the parser hung elsewhere:
    "would stop funding the business of Cruise, its self-driving *unit*, and ..." (stopping is not said of the unit)."""
    doc, left, right = token.doc, token.left_edge.i, token.right_edge.i
    return token.pos_ == "NOUN" and left >= 2 and doc[left - 1].text == "," and bool(doc[left - 2].ent_type_) \
        and right + 1 < len(doc) and doc[right + 1].text in (",", ";")


def _double_negative(token: Token) -> bool:
    """A negation of a word that itself denies, which affirms: "has *not* gone *unnoticed* by rivals" (they
    noticed), "is *not unlike*", "*not without* rivals" (words.json negated_complements). The denying word
    is the negated verb's complement or the negated word itself."""
    denying = words("negated_complements")
    if token.lower_ in denying:
        return True
    return any(c.lower_ in denying and c.dep_ in ("acomp", "oprd", "attr", "xcomp", "advmod", "prep", "dobj", "ccomp")
               for c in token.children)


#: Auxiliaries that open a yes/no question when a sentence starts with them ("*Is* X an investor in Y?").
_QUESTION_OPENERS = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "will",
                               "would", "can", "could", "should", "may", "might", "must"})


def is_asked(trigger: Token) -> bool:
    """A trigger in what a yes/no question asks: "Is Harwick an investor in Corvalis too?", "Will it take on
    Copilot head-on?" (an FAQ's or an interviewer's question) states nothing; the answer does. What the
    question's subject names is taken as given ("Is *Nvidia's partnership with Arm* in trouble?"), and a
    wh-question ("How will X affect its partnership with Y?") asks about a stated fact."""
    sent = trigger.sent
    words_ = [t for t in sent if not t.is_space and not t.is_punct]
    if not words_ or words_[0].lower_ not in _QUESTION_OPENERS or words_[0].pos_ not in ("AUX", "VERB"):
        return False
    if not sent.text.rstrip().rstrip('"\'”’)').endswith("?"):
        return False
    token = trigger
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return False
        token = token.head
    return True


def is_negated(trigger: Token) -> bool:
    """A relation trigger under a negation ("did not invest", "never partnered") or a cancelling verb ("cut ties");
    a negation of a denying word affirms ("has not gone unnoticed by rivals")."""
    if is_asked(trigger):
        return True
    negations = words("negation_words") | words("negation_heads")
    for tok in clause_chain(trigger):
        if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in ("never", "no", "neither"))
               for c in tok.children) and not _double_negative(tok):
            return True
        if tok is not trigger and tok.lemma_.lower() in negations:
            return True
    return False


def is_hedged(trigger: Token) -> bool:
    """A relation trigger under a modal or report verb ("could rival", "reportedly working", "is expected to")."""
    hedges = words("modal_verbs") | words("hypothetical_verbs") | words("hedge_words")
    for tok in clause_chain(trigger):
        if tok is not trigger and tok.lemma_.lower() in hedges:
            return True
        if any(c.dep_ in ("aux", "advmod", "auxpass") and (c.lower_ in hedges or c.lemma_.lower() in hedges)
               for c in tok.children):
            return True
    return False


def has_negation(token: Token) -> bool:
    """A negation word among ``token``'s own dependents ("not", "never", "no"), unless it negates a denying word
    ("the deal has not gone unnoticed")."""
    return any(c.dep_ == "neg" or (c.lower_ in words("negation_words") and c.dep_ in ("neg", "det", "advmod"))
               for c in token.children) and not _double_negative(token)


def _cancels(verb: Token) -> bool:
    """A verb that calls a deal off: "abandoned", "blocked", "collapsed", "called off", "walked away from"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = _lemma(verb)
    if lemma != "without" and lemma in words("negation_heads"):
        return True
    phrasal = words("cancelling_phrasal_verbs")
    return any(c.dep_ in ("prt", "advmod", "prep") and f"{lemma} {c.lower_}" in phrasal for c in verb.children)


def _modifier_cap(noun: Token) -> float | None:
    """A deal noun described as not done: "its *planned* acquisition", "the *failed* takeover", "Adobe's
    attempt to buy Figma, *called off* in December" (a participle after the noun)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.i < noun.i:
            if c.lower_ in words("negated_modifiers"):
                return CONFIDENCE_NEGATED
            if c.lower_ in words("hypothetical_modifiers"):
                return CONFIDENCE_HYPOTHETICAL
        if c.dep_ == "acl" and c.i > noun.i and c.tag_ == "VBN" and _cancels(c):
            return CONFIDENCE_NEGATED
    return None


def deal_modality(trigger: Token) -> float | None:
    """Confidence cap of a deal when its trigger is negated or not stated as happening, else ``None``."""
    hypothetical_verbs = words("hypothetical_verbs")
    hypothetical_nouns = words("hypothetical_nouns")
    modals = words("modal_verbs")
    negation_verbs = words("negation_heads")
    if is_asked(trigger):
        return CONFIDENCE_HYPOTHETICAL  # "Will Corvalis buy Brightmere?": a question, not news of a deal
    token, reported = trigger, False
    for _ in range(6):
        # above a clausal complement the negation and modals belong to another statement:
        # "Amazon hired X ...; terms were *not* disclosed" (a ccomp of "disclosed" in the parse)
        if not reported and has_negation(token):
            return CONFIDENCE_NEGATED
        for c in token.children:
            if reported:
                break
            if c.dep_ == "aux" and c.lower_ in modals:
                return CONFIDENCE_HYPOTHETICAL
            if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return CONFIDENCE_HYPOTHETICAL
        modifier_cap = _modifier_cap(token)
        if modifier_cap is not None:
            return modifier_cap
        if token.dep_ in ("nsubj", "nsubjpass") and _cancels(token.head) and not (
                token.dep_ == "nsubj" and _lemma(token.head) in words("refusing_verbs")):
            # "the proposed merger collapsed", "the takeover was blocked"; but the active subject of a
            # refusing verb refuses something else: "X's backers *declined* to comment" keeps the backing
            return CONFIDENCE_NEGATED
        if token.dep_ == "prep" and token.lower_ == "against" and _lemma(token.head) in words("contesting_nouns"):
            # "the Justice Department's lawsuit against HPE's planned purchase of Juniper": a deal under
            # challenge (words.json contesting_nouns) is not told as done
            return CONFIDENCE_HYPOTHETICAL
        if token.dep_ in ("advmod", "prt") and _cancels(token.head):
            return CONFIDENCE_NEGATED  # "walked away from its acquisition": the parser hangs "from" on "away"
        if token.pos_ == "VERB" and _lemma(token) in words("bid_verbs"):
            # "offered $5 billion for Beta", "had offered to buy Beta": a bid, not a purchase (kept out of
            # the hedges of relations: "will offer its models to customers" is a sale)
            return CONFIDENCE_HYPOTHETICAL
        if token is not trigger:
            if token.pos_ in ("VERB", "AUX") and _cancels(token):
                return CONFIDENCE_NEGATED
            if token.pos_ in ("VERB", "AUX", "ADJ") and _lemma(token) in hypothetical_verbs:
                return CONFIDENCE_HYPOTHETICAL
            if token.pos_ == "NOUN" and _lemma(token) in hypothetical_nouns:
                return CONFIDENCE_HYPOTHETICAL
        if _reported_content(token):
            return CONFIDENCE_HYPOTHETICAL
        infinitive = token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if (token.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "advcl", "conj") or infinitive) \
                and token.head is not token:  # ("in talks *to invest*": the parser may call the infinitive a relcl)
            reported = reported or token.dep_ == "ccomp"
            token = token.head
        else:
            break
    if _called_off_later(token):  # (deals7) also when reported: "it was reported that A agreed to buy B. That deal lapsed."
        return CONFIDENCE_NEGATED
    return None


def _reported_content(verb: Token) -> bool:
    """A clause that is what a report or rumour says: "a day after *reports that* Nvidia had agreed to buy
    Gretel", "amid speculation that A would invest in B". The writer passes the deal on without stating it
    (a rumoured deal is no deal); "the report said X bought Y" and "X bought Y, the report said" put the
    report in the subject or an aside, not over the clause, and stay facts as the reporting verbs decide."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and _lemma(verb.head) in words("report_nouns") \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _called_off_later(top: Token) -> bool:
    """A deal told as agreed and then, in the next clause or the next sentence, called off: "agreed to buy
    Beta in 2019, *but the deal was called off*", "... *The two called the deal off* in 2021." News tells a
    deal's end after its start, so the trigger's own clause reads as a fact; the cancelling clause names
    the deal only by a definite noun ("the deal", "the merger") or "it"."""
    later = [c for c in top.children if c.dep_ == "conj" and c.i > top.i]
    later += [c for verb in later for c in verb.children if c.dep_ == "conj"]  # "the period expired and the deal fell apart"
    doc, end = top.doc, top.sent.end
    if end < len(doc):
        later.append(doc[end].sent.root)
    return any(_cancels(verb) and any(_names_the_deal(arg) for arg in verb.children) for verb in later)


def _names_the_deal(arg: Token) -> bool:
    """A cancelling verb's subject or object that can only mean the deal just told: "the deal", "that
    merger", "it" (as object or passive subject: an active "it" is usually a company). "The deal to buy
    Gamma" or "a second deal" is another deal."""
    if arg.dep_ in ("dobj", "nsubjpass") and arg.lower_ == "it":
        return True
    if arg.dep_ not in ("nsubj", "nsubjpass", "dobj") or _lemma(arg) not in words("cancelled_deal_nouns"):
        return False
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "that", "this", "its", "their") for c in arg.children)
    return definite and not any(c.dep_ in ("acl", "relcl", "prep", "amod") and c.lower_ not in ("proposed", "planned")
                                for c in arg.children if c.i > arg.i or c.dep_ == "amod")
