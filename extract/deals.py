"""Deals (investments, acquisitions, licences, partnerships, hirings) and model sizes from a parsed Doc.

Both extractors read the dependency parse around a trigger word; the words and the role of
each syntactic slot live in ``data/patterns/deal_triggers.json`` (loaded once).

How a deal is read
------------------
A *trigger* is a verb ("acquire", "invest", "license", "partner", "hire"...) or a noun
("acquisition", "investment", "funding round", "partnership", "licensing deal"...). Its
*frame* is the trigger plus the verbs that carry it: the verbs it is the infinitive of
("agreed to *acquire*", "pay $650 million to Inflection to *license*"), and for a noun the
verb it is the object of ("*announced* a partnership", "*led* a round"). Companies fill roles
from the slots of the frame: the subject (inherited through ``xcomp``/``conj``), the direct
object or its owner ("Inflection's staff", "its AI software"), the possessor of a noun
("*its* investment in OpenAI") and preposition objects ("in", "from", "with", "between",
"to" of a payment verb). Pronouns and descriptions ("its", "the company") are resolved with
:mod:`extract.coref`. A deal needs two different companies; an investment needs an investor
and an investee.

The amount is a money expression (:func:`extract.quantities.iter_money`) attached to the
frame: object of pay/invest/raise, "for $X", "worth $X", or a modifier of the trigger noun
("a $10 billion investment"); when the sentence has none, a next sentence that names the deal
again ("The deal is worth $X") may give it. The date is a date attached to the deal's clause,
else the article's date.

Beyond one sentence: a funding round takes participants from the next sentence ("B and C
also took part"); an amount may come a few sentences later about a party and a noun of the
deal's kind ("a licence payment ... put at $2.7B"); a deal "as part of a partnership" gives the
partnership its companies. A description or object pronoun never means the frame's other party
("Google agreed to invest in *the company*"). The same companies with different amounts are
different deals (:func:`same_amount`).

Confidence
----------
0.7 for a deal stated by a verb or by a noun with its parties, +0.1 with an amount; a verb in
the simple present outside a headline ("Quillstone licenses technology from Sonata") states a
standing arrangement, 0.45. Deals that are not stated as happening get a confidence below
0.5, which the graph drops but relation extractors may still read: hypothetical or planned-but-uncertain ones ("may need
to partner with", "in talks to acquire") 0.3, negated ones ("did not acquire") 0.2, and a
partnership noun that only describes an ongoing relationship ("the collaboration between
Microsoft and OpenAI") 0.45, unless an event verb reports it ("announced a partnership").
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from .entities import mention_from_span, mention_key, sole_other_company
from .resources import LEXICON_DIR
from .rules import code_rule, confidence as rule_confidence
from .quantities import Money, iter_dates, iter_money, iter_parameters, to_usd
from .records import Article, Attribute, Deal, DealParty, Evidence, Mention, Relation

#: Where the trigger words live (repository ``data/`` beside the ``extract`` package).
TRIGGERS_PATH = LEXICON_DIR / "deal_triggers.json"

#: The graph keeps deals at or above this confidence; below it are deals not stated as happening.
KEEP_CONFIDENCE = 0.5

#: The registered rules (data/patterns/deals.json): a trigger verb's or noun's frame, and the relations a
#: deal states between its parties. A stated deal starts at its rule's confidence.
VERB_RULE, NOUN_RULE, DEAL_RELATION_RULE = "deal.verb", "deal.noun", "deal.relation"
CONFIDENCE_AMOUNT_BONUS = 0.1
CONFIDENCE_STATE_NOUN = 0.45
CONFIDENCE_HYPOTHETICAL = 0.3
CONFIDENCE_NEGATED = 0.2
#: Rule suffixes of deals that state how things stand ("is backed by", "holds a stake in"): no
#: transaction for the graph, but a standing relation between the parties (:func:`deal_relations`).
STANDING_MARK = "+standing"
_STANDING_MARKS = (STANDING_MARK, "+present")

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Modifiers of a job title that say the person had left ("former CEO of X").
_FORMER_WORDS = frozenset({"former", "formerly", "ex", "ex-", "previously", "once", "erstwhile", "onetime", "one-time"})
#: Words that only complete a company's name ("Quillstone *AI*", "Acme *Inc*").
_NAME_SUFFIXES = frozenset({"ai", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "llc", "labs", "technologies",
                            "holdings", "se", "ag"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})


@lru_cache(maxsize=None)
def load_triggers(path: str | None = None) -> dict:
    """The deal trigger tables (parsed JSON), read once per process.

    Examples
    --------
    >>> load_triggers()["verbs"]["acquire"]["kind"]
    'acquisition'
    """
    with open(path or TRIGGERS_PATH, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_triggers()[key])


# --- entity references ----------------------------------------------------------------------

class _EntityOnlyRefs:
    """Fallback references when :mod:`extract.coref` is missing: a token refers only to the entity it is in."""

    def __init__(self, doc: Doc):
        self._ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}

    def entity_for(self, token: Token) -> Span | None:
        return self._ent_of.get(token.i)


def _refs_for(doc: Doc, refs):
    if refs is not None:
        return refs
    try:
        from .coref import entity_refs
    except ImportError:  # pragma: no cover - coref ships with the package; kept for partial installs
        return _EntityOnlyRefs(doc)
    return entity_refs(doc)


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _word(token: Token) -> str:
    """The lower-cased hyphenated word ending at ``token`` ("tie - up" -> "tie-up")."""
    doc, j = token.doc, token.i
    while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    if j == token.i:
        return _lemma(token)
    return doc[j: token.i].text.lower() + _lemma(token)


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Google and Amazon")."""
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _pobjs(prep: Token) -> list[Token]:
    out = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            out.extend(_conjuncts(c))
    return out


def _same_company(a: Span, b: Span) -> bool:
    """Whether two company spans name one company ("Inflection" and "Inflection AI")."""
    x, y = _party_key(a), _party_key(b)
    short, long_ = sorted((x, y), key=len)
    if short == long_:
        return True
    # a longer name is the same company only when the words it adds complete a name ("Inflection AI");
    # "Ashgrove Drive" is a unit of Ashgrove that Ashgrove can sell
    return long_.startswith(short + " ") and set(long_[len(short) + 1:].split()) <= _NAME_SUFFIXES


def _rebindable(ref: Token) -> bool:
    """Whether a reference may mean another company than its resolver chose: a description
    ("the company", "the startup's") or a non-possessive pronoun ("in it"; "its" may mean the subject)."""
    return ref.pos_ in ("NOUN", "PROPN") or ref.pos_ == "PRON" and ref.dep_ != "poss"


def _other_antecedent(ref: Token, exclude: list[Span]) -> Span | None:
    """The company a reference means when it cannot mean any of ``exclude``: the nearest other
    company earlier in its sentence, else the most mentioned other company of the previous sentences."""
    doc = ref.doc
    companies = [e for e in doc.ents if e.label_ == "COMPANY" and e.end <= ref.i
                 and not any(_same_company(e, x) for x in exclude)]
    sent = ref.sent
    same = [e for e in companies if e.start >= sent.start]
    if same:
        return same[-1]
    window_start = sent.start
    for _ in range(3):
        if window_start == 0:
            break
        window_start = doc[window_start - 1].sent.start
    recent = [e for e in companies if e.start >= window_start]
    if not recent:
        return None
    counts: dict[str, int] = {}
    for e in companies:
        counts[_party_key(e)] = counts.get(_party_key(e), 0) + 1
    return max(recent, key=lambda e: (counts[_party_key(e)], e.start))


class _Parties:
    """Companies found for one frame: entity span -> role, first role wins."""

    def __init__(self, refs):
        self.refs = refs
        self.roles: dict[tuple[int, int], tuple[Span, str, bool]] = {}
        self.refs_of: dict[tuple[int, int], Token] = {}  # the token that named or referred to each party
        # companies one slot listed together ("bought A, B and C"): each may be a deal of its own
        self.listed: list[tuple[tuple[int, int], ...]] = []

    def company(self, token: Token) -> tuple[Span, bool, Token] | None:
        """The company ``token`` names or refers to, whether coreference was needed, and the referring token."""
        if token.pos_ == "PRON" and token.dep_ == "nsubj" and token.head.dep_ == "conj":
            # "The company licenses ..., and in August it agreed to ...": a pronoun subject of a
            # coordinated clause is the subject of the first clause
            first = [c for c in token.head.head.children if c.dep_ == "nsubj"]
            if first and first[0].pos_ != "PRON":
                return self.company(first[0])
        span = self.refs.entity_for(token)
        if span is None and token.lower_ in _NAME_SUFFIXES:
            # "Quillstone AI" typed as "Quillstone": the suffix word heads the name the entity lost
            span = next((self.refs.entity_for(c) for c in token.children
                         if c.dep_ == "compound" and c.i == token.i - 1), None)
            if span is not None and span.end != token.i:
                span = None
        if span is None or span.label_ != "COMPANY":
            return None
        return span, not (span.start <= token.i < span.end), token

    def add(self, token: Token, role: str | None, *, owner: bool = False) -> bool:
        """Give ``role`` to the company ``token`` (and its conjuncts) names; ``owner`` also tries its owner."""
        if role is None:
            return False
        added = False
        before = set(self.roles)
        for tok in _conjuncts(token):
            found = self.company(tok)
            if found is None:
                for c in tok.children:
                    if c.dep_ == "appos":
                        found = self.company(c)
                        if found:
                            break
            if found is None and owner:
                found = self._owner(tok)
            if found is None:
                # "investors including Valor Equity Partners", "participation from Nvidia"
                for c in tok.children:
                    if c.dep_ == "prep" and (c.lower_ == "including" or
                                             c.lower_ == "from" and _lemma(tok) == "participation"):
                        for o in _pobjs(c):
                            added |= self.add(o, role)
                continue
            span, via_coref, ref = found
            key = (span.start, span.end)
            clash = next((k for k, (other, _, _) in self.roles.items()
                          if (k != key or via_coref) and _same_company(span, other)), None)
            if clash is not None:
                # One company cannot deal with itself ("Inflection AI" and "Inflection"). When a
                # description or pronoun made the clash, it names someone else: "Google agreed to
                # invest in *the company*" is not Google (a description never means its own clause's
                # subject), so it takes the nearest other company.
                others = [other for other, _, _ in self.roles.values()]
                old_span, old_role, old_coref = self.roles[clash]
                if old_role == role or self.refs_of[clash] is ref:
                    continue  # the same party named twice ("its investment ..., it said")
                if via_coref and _rebindable(ref):
                    span = _other_antecedent(ref, others + [span])
                    if span is None:
                        continue
                    key = (span.start, span.end)
                elif old_coref and not via_coref and _rebindable(self.refs_of[clash]):
                    moved = _other_antecedent(self.refs_of[clash], others + [span])
                    if moved is None:
                        continue
                    del self.roles[clash]
                    self.roles[(moved.start, moved.end)] = (moved, old_role, True)
                    self.refs_of[(moved.start, moved.end)] = self.refs_of.pop(clash)
                else:
                    continue
            if key not in self.roles:
                self.roles[key] = (span, role, via_coref)
                self.refs_of[key] = ref
                added = True
        new_keys = tuple(k for k in self.roles if k not in before)
        if len(new_keys) > 1:
            self.listed.append(new_keys)
        return added

    def _owner(self, token: Token) -> tuple[Span, bool] | None:
        """The company a thing belongs to: "Inflection's staff", "its software", "the assets of Y"."""
        for c in token.children:
            if c.dep_ == "poss":
                return self.company(c)
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "at"):
                for obj in _pobjs(c):
                    found = self.company(obj)
                    if found:
                        return found
        span = self.refs.entity_for(token)
        if span is not None and span.label_ == "PERSON":
            # "David Luan, chief executive of Adept": a person's job title names their company
            # ("Elena Vasquez, formerly chief data officer at Barclays": she had left; no deal with Barclays)
            for c in token.children:
                if c.dep_ == "appos" and not any(g.lower_ in _FORMER_WORDS for g in c.children):
                    found = self._owner(c)
                    if found:
                        return found
            if any(c.dep_ == "compound" and _lemma(c) in ("founder", "cofounder", "co-founder") for c in token.children):
                return self._founded_elsewhere(token)
        return None

    def _founded_elsewhere(self, person: Token) -> tuple[Span, bool, Token] | None:
        """ "Microsoft hired co-founders A and B": founders a company hires come from the one other
        company the sentence names (a company does not hire its own founders)."""
        sent = person.sent if person.doc.has_annotation("SENT_START") else person.doc[:]
        other = sole_other_company(sent, [span for span, _, _ in self.roles.values()])
        return (other, True, other.root) if other is not None else None

    def has_role(self, role: str) -> bool:
        return any(r == role for _, r, _ in self.roles.values())


# --- frames -----------------------------------------------------------------------------------

def _subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subjects of ``verb``, inherited up through infinitives, coordination and purpose clauses.

    Returns the subject tokens and whether the verb is passive.
    """
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    token = verb
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return [s for subj in subjects for s in _conjuncts(subj)], passive
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head is not token:
            token = token.head
            continue
        if token.dep_ in ("acl", "relcl") and token.head is not token:
            # "a deal to acquire Y": the deal's maker; "the company that acquired Y": the company
            head = token.head
            if token.dep_ == "relcl":
                return [head], passive
            if head.dep_ == "pobj" and head.head.dep_ == "prep":
                head = head.head  # "Apple is in talks to acquire Mistral"
            if head.dep_ in ("dobj", "pobj", "prep", "attr") and head.head.pos_ in ("VERB", "AUX"):
                token = head.head
                continue
        break
    return [], passive


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
    if noun.dep_ == "conj":
        return _support_verb(noun.head)
    return None


def _kind_modifier(noun: Token) -> str | None:
    modifiers = load_triggers()["kind_modifiers"]
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and _word(c) in modifiers:
            return modifiers[_word(c)]
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ in ("neg", "det", "advmod")) for c in token.children)


def _modality(trigger: Token) -> float | None:
    """Confidence cap when the trigger is negated or not stated as happening, else ``None``."""
    hypothetical_verbs = _words("hypothetical_verbs")
    hypothetical_nouns = _words("hypothetical_nouns")
    modals = _words("modal_verbs")
    negation_verbs = _words("negation_verbs")
    token, reported = trigger, False
    for _ in range(6):
        # above a clausal complement the negation and modals belong to another statement:
        # "Amazon hired X ...; terms were *not* disclosed" (a ccomp of "disclosed" in the parse)
        if not reported and _negated(token):
            return CONFIDENCE_NEGATED
        for c in token.children:
            if reported:
                break
            if c.dep_ == "aux" and c.lower_ in modals:
                return CONFIDENCE_HYPOTHETICAL
            if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return CONFIDENCE_HYPOTHETICAL
        if token is not trigger:
            if token.pos_ in ("VERB", "AUX") and _lemma(token) in negation_verbs:
                return CONFIDENCE_NEGATED
            if token.pos_ in ("VERB", "AUX", "ADJ") and _lemma(token) in hypothetical_verbs:
                return CONFIDENCE_HYPOTHETICAL
            if token.pos_ == "NOUN" and _lemma(token) in hypothetical_nouns:
                return CONFIDENCE_HYPOTHETICAL
        if token.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "advcl", "conj") \
                and token.head is not token:
            reported = reported or token.dep_ == "ccomp"
            token = token.head
        else:
            break
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


def _people_object(token: Token) -> Token:
    """The real object behind a partitive: "all of the staff" -> "staff"."""
    if _lemma(token) in _words("partitive_nouns"):
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = _pobjs(c)
                if objs:
                    return objs[0]
    return token


def _states_money(token: Token) -> bool:
    """Whether the phrase ``token`` heads states an amount of money ("about $13 billion")."""
    phrase = token.doc[token.left_edge.i: token.right_edge.i + 1].text
    return next(iter_money(phrase), None) is not None


def _in_headline(token: Token) -> bool:
    """Whether ``token`` is on a title or caption line: one without closing punctuation
    ("AMD to buy Silo AI for $665 million")."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start: end if end >= 0 else len(text)].strip()
    return not line or line[-1] not in '.!?"\'\u201d\u2019)'


def _habitual_present(verb: Token) -> bool:
    """A verb in the simple present outside a headline: "Quillstone *licenses* technology from Sonata",
    "Kestrel *partners* with BMW" describe how things stand. Headlines tell news in the present,
    and "is backed", "has bought", "will buy" carry their time in an auxiliary."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return not _in_headline(verb)


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
        finite = token.tag_ in ("VBD", "VBZ", "VBP", "MD")
        if finite or (token.pos_ not in _NOUN_PHRASE_POS and token.pos_ != "VERB") or token.dep_ == "prt":
            return None
    return None


def _verb_frame(trigger: Token, spec: dict, refs) -> _Frame | None:
    kind = spec["kind"]
    if spec.get("particle") and not any(c.dep_ == "prt" and c.lower_ == spec["particle"] for c in trigger.children):
        return None
    money_head = _relative_money_head(trigger)
    if spec.get("needs_money_object") and money_head is None and not any(
            c.dep_ in ("dobj", "obj") and _states_money(c) for c in trigger.children):
        return None  # "put" or "commit" alone is no investment; "poured $13 billion into" is
    frame = _Frame(trigger, kind, spec, refs, VERB_RULE)
    if money_head is not None:
        frame.anchors.add(money_head.i)  # "$1.25 billion that Amazon put into Anthropic": the amount
    frame.rule = f"{VERB_RULE}:{_lemma(trigger)}"
    people = _words("people_nouns")
    objects = [o for c in trigger.children if c.dep_ in ("dobj", "obj") for o in _conjuncts(c)]
    objects = [_people_object(o) for o in objects]
    # Buying people is hiring them ("acquired Inflection's staff"): an acqui-hire, not an acquisition.
    if kind == "acquisition" and objects and all(_lemma(o) in people for o in objects):
        kind = frame.kind = "hiring"
        spec = load_triggers()["verbs"]["hire"]
        frame.rule += "+people"
    subjects, passive = _subject_tokens(trigger)
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
        for s in subjects:
            frame.parties.add(s, subject_role)
    object_found = passive and frame.parties.has_role(spec.get("passive_subject") or spec.get("object"))
    for o in objects:
        object_found |= frame.parties.add(o, spec.get("object"), owner=True)
        # "sold its automotive unit, Ashgrove Drive, to Infineon": the unit named in apposition
        # is sold even when its owner ("its") is the seller already
        object_found |= any(frame.parties.company(c) is not None for c in o.children if c.dep_ == "appos")
    if spec.get("object_required") and not object_found:
        return None  # "sold chips to Apple" is a sale of goods, not of a company
    if spec.get("object") and not passive and not frame.parties.has_role(spec["object"]):
        named = _company_right_after(trigger, frame.parties)
        if named is not None:
            frame.parties.add(named, spec["object"])
    # "invested $13 billion in OpenAI": the parser often hangs the prepositions on the amount
    amounts = [o for c in trigger.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NUM", "SYM")
               for o in (c, *[g for g in c.children if g.dep_ in ("nummod", "quantmod", "compound")])]
    for holder in (trigger, *amounts):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for o in _pobjs(c):
                    frame.parties.add(o, preps[c.lower_], owner=kind == "hiring")
    for c in trigger.children:
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
    if _habitual_present(trigger):
        # "The company licenses speech technology from Sonata": a standing arrangement, not news of a deal
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
        priced = any(c.pos_ in ("NUM", "SYM") or c.text in "$€£" for c in trigger.subtree if c.i < trigger.i)
        if not (modifiers & set(spec["needs_modifier"]) or funded or priced):
            return None
    kind = spec["kind"]
    if spec.get("generic"):
        modifier_kind = _kind_modifier(trigger)
        if modifier_kind is None and any(c.dep_ == "compound" and c.pos_ == "NOUN" and refs.entity_for(c) is None
                                         for c in trigger.children):
            modifier_kind = "other"  # "a supply agreement", "a cloud contract": commercial, kind unknown
        kind = modifier_kind or kind
        if kind != spec["kind"]:
            roles = triggers["kind_roles"].get(kind, {})
            spec = dict(spec, subject=roles.get("subject", spec["subject"]),
                        owner=roles.get("subject", spec["owner"]),
                        preps={p: roles.get("other", r) for p, r in spec["preps"].items()})
    frame = _Frame(trigger, kind, spec, refs, NOUN_RULE)
    frame.rule = f"{NOUN_RULE}:{_word(trigger)}"
    parties = frame.parties
    for c in trigger.children:
        if c.dep_ == "poss":
            parties.add(c, spec.get("owner"))
        elif c.dep_ == "compound" and spec.get("compound"):
            parties.add(c, spec["compound"])
    preps = spec.get("preps", {})
    owner_preps = spec.get("owner_preps", {})
    for c in trigger.children:
        if c.dep_ == "prep" and (c.lower_ in preps or c.lower_ in owner_preps):
            for o in _pobjs(c):
                if not parties.add(o, preps.get(c.lower_), owner=kind == "hiring"):
                    parties.add(o, owner_preps.get(c.lower_), owner=True)
        elif c.dep_ in ("acl", "relcl") and _lemma(c) in spec.get("acl", {}):
            # "a round led by Amazon"
            frame.anchors.add(c.i)
            for a in _agents(c):
                parties.add(a, spec["acl"][_lemma(c)])
    # "a round led by Inovia Capital that included Nvidia, Oracle and Salesforce Ventures"; the
    # parser often hangs the relative clause on the lead investor, which includes no one itself
    holders = [trigger] + [a for c in trigger.children if c.dep_ in ("acl", "relcl") for a in _agents(c)]
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("acl", "relcl") and _lemma(c) in spec.get("acl_objects", {}):
                for o in c.children:
                    if o.dep_ in ("dobj", "obj"):
                        parties.add(o, spec["acl_objects"][_lemma(c)])
    if trigger.dep_ == "appos":
        # "Microsoft, OpenAI's biggest backer": the apposition's head is the noun's subject
        parties.add(trigger.head, spec.get("subject"))
    support = _support_verb(trigger)
    event = False
    if support is not None:
        frame.anchors.add(support.i)
        lemma = _lemma(support)
        event = lemma in _words("event_verbs") or lemma in spec.get("subject_verbs", {})
        # "Apple brings ChatGPT to Siri in partnership with OpenAI": a joint act, not a state
        event = event or (trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and
                          any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children))
        subject_role = spec.get("subject")
        if lemma in spec.get("subject_verbs", {}):
            subject_role = spec["subject_verbs"][lemma]
        elif lemma in _words("inverse_subject_verbs") and kind == "investment":
            subject_role = "investee" if subject_role == "investor" else subject_role
        subjects, passive = _subject_tokens(support)
        if passive:
            for a in _agents(support):
                parties.add(a, subject_role)
        else:
            for s in subjects:
                parties.add(s, subject_role)
        for c in support.children:
            if c.dep_ == "prep" and (c.lower_ in preps or c.lower_ in owner_preps) and c.i != trigger.head.i:
                # "took a licence to the startup's technology": the parser hangs the noun's
                # preposition on the verb
                for o in _pobjs(c):
                    if not parties.add(o, preps.get(c.lower_)):
                        parties.add(o, owner_preps.get(c.lower_), owner=True)
    if support is not None and _lemma(support) in spec.get("state_verbs", ()):
        # "ACE retained a 6.1% stake in US Airways": a holding, not a transaction
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += STANDING_MARK
    elif spec.get("state") and not event and not _is_new(trigger):
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+state"
    elif support is not None and _habitual_present(support) and not _is_new(trigger):
        # "Databricks holds a small stake in Mistral": how things stand, not news of a deal
        frame.confidence = CONFIDENCE_STATE_NOUN
        frame.rule += "+present"
    return frame


def _is_new(noun: Token) -> bool:
    """A "new" or "recent" partnership is news of one being formed."""
    return any(c.dep_ == "amod" and c.lower_ in ("new", "recent", "latest", "fresh") for c in noun.children)


#: Letters that name a lettered funding round ("Series B", "Series A-1").
_SERIES_LETTER = re.compile(r"^[A-Ka-k](?:-?\d)?\+?$")


def is_series_name(token: Token) -> bool:
    """Whether ``token`` heads the name of a lettered funding round: "a $48 million Series *B*"
    (the letter heads, "Series" its compound) or "*Series* C" (the letter hangs on "Series")."""
    if token.dep_ == "compound":
        return False
    if _SERIES_LETTER.match(token.text):
        return any(c.dep_ == "compound" and c.lower_ == "series" and c.i == token.i - 1 for c in token.children)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "series" and nxt is not None and _SERIES_LETTER.match(nxt.text) is not None \
        and nxt.head is token


def _frames(sent: Span, refs) -> Iterator[_Frame]:
    triggers = load_triggers()
    verbs, nouns = triggers["verbs"], triggers["nouns"]
    for token in sent:
        word = _word(token)
        if token.pos_ in ("VERB",) and _lemma(token) in verbs:
            frame = _verb_frame(token, verbs[_lemma(token)], refs)
        elif token.pos_ in ("NOUN", "PROPN") and word in nouns and token.dep_ != "compound":
            frame = _noun_frame(token, nouns[word], refs)
        elif is_series_name(token):
            frame = _noun_frame(token, nouns["round"], refs)
        else:
            continue
        if frame is not None:
            _share_role(frame)
            yield frame


def _share_role(frame: _Frame) -> None:
    """ "The merger of Square and Enix", "A and B merged": when every party got the same role the
    text does not say who bought whom, so all take the frame's ``shared_role`` ("partner")."""
    shared = frame.spec.get("shared_role")
    roles = frame.parties.roles
    if shared and len(roles) > 1 and len({role for _, role, _ in roles.values()}) == 1:
        for key, (span, _, via_coref) in list(roles.items()):
            roles[key] = (span, shared, via_coref)


# --- a deal that is part of another ------------------------------------------------------------

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


# --- round participants named in the next sentence ------------------------------------------

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
        if token.pos_ not in ("VERB", "AUX") or lemma not in verbs:
            continue
        particle = verbs[lemma]
        if particle and not any(c.dep_ in ("dobj", "prt", "prep") and c.lower_ == particle for c in token.children):
            continue  # "take" only in "take part"
        if _modality(token) is not None:
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


def _participant_subjects(verb: Token) -> list[Token]:
    """Subjects of a participation verb and of its elliptical comparisons: "A and B participated,
    *as did* new backer C" (C is the subject of "did", an adverbial clause marked "as")."""
    out = [c for c in verb.children if c.dep_ == "nsubj"]
    for clause in verb.children:
        if clause.dep_ == "advcl" and _lemma(clause) == "do" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            out += [c for c in clause.children if c.dep_ == "nsubj"]
    return out


# --- amounts and dates -----------------------------------------------------------------------

#: words an amount may hang from on its way up to the frame: "for", "worth", "valued at"...
_AMOUNT_LINKS = frozenset({"worth", "value", "total", "totaling", "amount", "estimate", "reportedly", "cost",
                           "sum", "price", "figure", "fee"})


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attached(token: Token, anchors: set[int], max_steps: int = 6) -> bool:
    """Whether ``token`` hangs from an anchor through function words only ("for", "worth", "at")."""
    for _ in range(max_steps):
        if token.i in anchors:
            return True
        head = token.head
        if head is token:
            return False
        if head.i in anchors:
            return True
        # "for a sum that people close to the deal put at about $400 million": a relative clause
        # that prices the noun leads on to it
        pricing = head.dep_ in ("relcl", "acl") and _lemma(head) in _PRICING_VERBS
        if not (head.pos_ in ("ADP", "ADV", "NUM", "SYM", "PART", "ADJ") or _lemma(head) in _AMOUNT_LINKS or pricing):
            return False
        token = head
    return False


def _money_in(sent: Span) -> list[tuple[Token, Money]]:
    doc, base = sent.doc, sent.start_char
    out = []
    for start, end, money in iter_money(sent.text):
        root = _span_root(doc, base + start, base + end)
        if root is not None:
            out.append((root, money))
    return out


def _amount(frame: _Frame, money: list[tuple[Token, Money]]) -> Money | None:
    for root, amount in money:
        if _attached(root, frame.anchors):
            return amount
    return None


_DEAL_ANAPHORS = frozenset({"deal", "acquisition", "investment", "transaction", "agreement", "purchase",
                            "round", "takeover", "stake", "license", "licensing", "merger", "buyout", "pact"})


def _amount_in_next(sent: Span, following: Span | None) -> Money | None:
    """ "Microsoft bought Y. The deal is worth $X.": the amount of a deal named again with a definite article."""
    if following is None:
        return None
    money = _money_in(following)
    if not money:
        return None
    for token in following:
        if _lemma(token) in _DEAL_ANAPHORS and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in token.children):
            anchors = {token.i}
            if token.dep_ in ("nsubj", "nsubjpass"):
                anchors.add(token.head.i)
            for root, amount in money:
                if _attached(root, anchors):
                    return amount
    return None


#: How many sentences after a deal a sentence about its payment may come.
LATER_AMOUNT_WINDOW = 4
#: Verbs of a relative clause that price a noun: "a payment that people familiar with the matter *put* at $2.7B".
_PRICING_VERBS = frozenset({"put", "value", "estimate", "peg", "price", "set", "place", "total", "reach"})


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
            definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                           for c in noun.children)
            if not (names_party or definite):
                continue
            anchors = {token.i, noun.i}
            if noun.dep_ in ("nsubj", "nsubjpass"):
                anchors.add(noun.head.i)
            anchors.update(c.i for c in noun.children if c.dep_ in ("relcl", "acl") and _lemma(c) in _PRICING_VERBS)
            for root, amount in money:
                if _attached(root, anchors):
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


# --- deals -----------------------------------------------------------------------------------

def _evidence(article_id: str, sent: Span) -> Evidence:
    return Evidence(article=article_id, sentence=sent.text, start=sent.start_char, end=sent.end_char)


def _party_key(span: Span) -> str:
    canonical = span._.canonical if Span.has_extension("canonical") else None
    return re.sub(r"\s+", " ", (canonical or span.text)).strip().lower()


def _complete(frame: _Frame) -> bool:
    keys = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    if len(keys) < 2:
        return False
    if frame.kind == "investment":
        return frame.parties.has_role("investor") and frame.parties.has_role("investee")
    return True


#: Kinds whose listed targets are separate transactions: "bought A, B and C" is three acquisitions.
_SPLIT_KINDS = {"acquisition": "seller"}


def _party_sets(frame: _Frame) -> list[dict]:
    """The parties of each deal a frame states: one set, or one per company a single slot lists
    as the thing acquired ("Iowa Telecom bought Lakedale, Sherbtel and SOMA": three deals, each
    with the buyer). Roles shared by the whole frame (the buyer) go into every set."""
    roles = frame.parties.roles
    target_role = _SPLIT_KINDS.get(frame.kind)
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
    for k, sent in enumerate(sents):
        money = _money_in(sent)
        frames = list(_frames(sent, refs))
        for frame in frames:
            if not _complete(frame) and _join_host(frame, frames):
                frame.rule += "+part_of_host"
            if frame.is_round and frame.parties.has_role("investee") and k + 1 < len(sents):
                if _add_round_participants(frame, sents[k + 1]):
                    frame.rule += "+next_sentence_participants"
            if not _complete(frame):
                continue
            confidence = frame.confidence
            cap = _modality(frame.trigger)
            if cap is not None:
                confidence = min(confidence, cap)
            rule = frame.rule
            amount = _amount(frame, money)
            if amount is None and confidence >= KEEP_CONFIDENCE:
                amount = _amount_in_next(sent, sents[k + 1] if k + 1 < len(sents) else None)
                if amount is not None:
                    rule += "+next_sentence_amount"
                else:
                    amount = _amount_in_later(frame, sents[k + 1: k + 1 + LATER_AMOUNT_WINDOW], refs)
                    if amount is not None:
                        rule += "+later_sentence_amount"
            if amount is None and frame.spec.get("standing_without_amount"):
                # "Ostrava is backed by CapitalG", "which had also backed Petrichor": who stands
                # behind a company, not news of a transaction; "backed Anthropic with $4 billion" is one
                confidence = min(confidence, CONFIDENCE_STATE_NOUN)
                rule += STANDING_MARK
            if amount is not None and confidence >= KEEP_CONFIDENCE:
                confidence = min(0.9, confidence + CONFIDENCE_AMOUNT_BONUS)
            if any(via_coref for _, _, via_coref in frame.parties.roles.values()):
                confidence = round(confidence - 0.05, 2)
            date = _date(frame, sent, article.date) or article.date
            party_sets = _party_sets(frame)
            if len(party_sets) > 1:
                rule += "+listed"
                amount = None  # one price for "A, B and C" is no one company's price
            usd = to_usd(amount) if amount is not None else None
            for roles in party_sets:
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
                    date=date,
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
                elif _information(deal) > _information(best[key]):
                    best[key] = deal
    kept = [best[key] for key in order]
    for n, deal in enumerate(kept):
        for m, other in enumerate(kept):
            if other is not deal and _told_within(other, deal) and other.amount_usd is not None \
                    and deal.amount_usd is None and deal.amount is None:
                # the smaller telling had the amount ("raised $5M" vs "a round led by A")
                kept[n] = deal = replace(deal, amount_usd=other.amount_usd)
    for deal in kept:
        if not any(_told_within(deal, other) for other in kept if other is not deal):
            yield deal


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


def _told_within(deal: Deal, other: Deal) -> bool:
    """Whether ``other`` is the same deal as ``deal`` told with more parties in the same sentence
    ("X raised $5M in a round led by A": the raise and the round)."""
    if deal.kind != other.kind or deal.evidence != other.evidence or len(deal.parties) >= len(other.parties):
        return False
    keys = {(p.mention.start, p.mention.end) for p in other.parties}
    return all((p.mention.start, p.mention.end) in keys for p in deal.parties)


# --- model parameter counts ---------------------------------------------------------------------

#: verbs whose subject is the model and object its parameter count: "MAI-1 will have 500B parameters"
_HAVE_VERBS = frozenset({"have", "handle", "feature", "boast", "contain", "use", "pack", "sport", "include",
                         "comprise", "count", "carry", "run", "be"})
_PARAMETER_NOUNS = frozenset({"parameter", "param", "weight"})


def _model(token: Token, refs) -> Span | None:
    """The model ``token`` names or refers to; a MODEL span that is only a size ("34B") names none."""
    span = refs.entity_for(token)
    if span is None or span.label_ != "MODEL" or not re.search(r"[A-Za-z]{2,}", span.text):
        return None
    return span


def _model_of_noun(noun: Token, refs) -> Span | None:
    """The model a noun names: itself, its apposition ("MAI-1-preview, a 500B giant"), its name
    ("a model called MAI-1", "a model ..., codenamed MAI-1"), its owner ("its parameters")."""
    found = _model(noun, refs)
    if found is not None:
        return found
    if noun.dep_ == "appos":
        found = _model(noun.head, refs)
        if found is not None:
            return found
    for c in noun.children:
        if c.dep_ == "appos":
            found = _model(c, refs)
            if found is not None:
                return found
    # "training a 500B parameter model in-house, codenamed MAI-1": the naming verb is a sibling
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        for sibling in noun.head.children:
            if sibling.dep_ in ("conj", "advcl") and _lemma(sibling) in ("codename", "call", "name", "dub", "know"):
                for arg in sibling.children:
                    if arg.dep_ in ("oprd", "dobj", "attr"):
                        found = _model(arg, refs)
                        if found is not None:
                            return found
    # "MAI-1 is a 500B model", "MAI-1 ... a tool with 500 billion parameters",
    # "DBRX uses a mixture-of-experts design with 132 billion parameters"
    if noun.dep_ in ("attr", "acomp") and noun.head.pos_ in ("AUX", "VERB") or \
            noun.dep_ == "dobj" and _lemma(noun.head) in _HAVE_VERBS:
        subjects, _ = _subject_tokens(noun.head)
        for s in subjects:
            found = _model(s, refs) or _model_of_subject(s, refs)
            if found is not None:
                return found
    return None


def _model_of_subject(subject: Token, refs) -> Span | None:
    found = _model(subject, refs)
    if found is not None:
        return found
    # "The model, known as MAI-1, will have ..."
    for c in subject.children:
        if c.dep_ in ("acl", "appos"):
            found = _model(c, refs)
            if found is not None:
                return found
            for g in c.subtree:
                found = _model(g, refs)
                if found is not None and g.dep_ in ("pobj", "oprd", "attr", "dobj", "appos"):
                    return found
    return None


def _model_for_count(count_root: Token, refs) -> Span | None:
    """The model a parameter count belongs to, read from the syntax around the count."""
    own = _model(count_root, refs)
    if own is not None:  # "Llama 3.1 405B": the size is part of the name
        return own
    if any(c.dep_ == "conj" for c in count_root.children) or count_root.dep_ == "conj":
        return None  # "released in 27B and 9B sizes": several sizes, no one count
    # climb from the number to the noun it counts, through modifier links only
    # ("released in 27B sizes" does not make 27B a count of the released model)
    token = count_root
    for _ in range(3):
        if token is not count_root and token.pos_ in ("NOUN", "PROPN") \
                and _lemma(token) not in ("billion", "million", "trillion"):
            break
        if token is count_root and token.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
            break  # the count stands alone ("has 314 billion"): it is its own noun
        if token.head is token or token.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
            return None
        token = token.head
    noun = token
    if _lemma(noun) in _PARAMETER_NOUNS and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "a 500-billion-parameter giant": the count describes the giant
    if _lemma(noun) in _PARAMETER_NOUNS:
        for c in noun.children:
            if c.dep_ == "poss":  # "its 500 billion parameters", "MAI-1's parameters"
                return _model(c, refs)
        head = noun.head
        if noun.dep_ in ("dobj", "attr") and _lemma(head) in _HAVE_VERBS:
            subjects, _ = _subject_tokens(head)
            for s in subjects:
                found = _model_of_subject(s, refs)
                if found is not None:
                    return found
            return None
        if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("NOUN", "PROPN"):
            return _model_of_noun(head.head, refs)  # "a model with 500B parameters"
        return None
    if noun.pos_ in ("NOUN", "PROPN"):
        return _model_of_noun(noun, refs)
    return None


#: The relation a kept deal states between two of its parties: (kind, source role, relation, target role).
DEAL_RELATIONS = (
    ("acquisition", "buyer", "acquires", "seller"),
    ("investment", "investor", "invests_in", "investee"),
    ("licensing", "licensee", "licenses_from", "licensor"),
    ("partnership", "partner", "partners_with", "partner"),
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
    stated = {(r.relation, mention_key(r.source), mention_key(r.target), r.evidence.start) for r in relations}
    for deal in deals:
        if deal.confidence < KEEP_CONFIDENCE and not _standing_investment(deal):
            continue
        for kind, source_role, relation, target_role in DEAL_RELATIONS:
            if deal.kind != kind:
                continue
            sources = [p.mention for p in deal.parties if p.role == source_role]
            targets = [p.mention for p in deal.parties if p.role == target_role]
            for i, source in enumerate(sources):
                # partners pair up once each ("A, B and C partnered": A-B, A-C, B-C)
                for target in (sources[i + 1:] if source_role == target_role else targets):
                    key = (relation, mention_key(source), mention_key(target), deal.evidence.start)
                    if mention_key(source) == mention_key(target) or key in stated or \
                            (source_role == target_role and (relation, key[2], key[1], key[3]) in stated):
                        continue
                    stated.add(key)
                    yield Relation(source, relation, target, deal.evidence,
                                   round(deal.confidence * rule_confidence(DEAL_RELATION_RULE), 3),
                                   f"{DEAL_RELATION_RULE}:{deal.rule}")



def _standing_investment(deal: Deal) -> bool:
    """An investment stated as how things stand ("is backed by A and B", "holds a stake in Y"):
    no deal, but the investors do invest in the company. Hypothetical or negated ones are not."""
    return deal.kind == "investment" and deal.confidence >= CONFIDENCE_STATE_NOUN - 0.05 \
        and any(mark in deal.rule for mark in _STANDING_MARKS)


def find_attributes(doc: Doc, article_id: str, refs=None) -> Iterator[Attribute]:
    """Model sizes stated in a parsed article as ``parameters`` attributes.

    A count is given to the model it syntactically belongs to (the subject of "have"/"handle",
    an apposition, the model named by a naming verb, the model name that contains the size),
    never to another model of the sentence ("half that of GPT-4" gives GPT-4 nothing).

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Llama", "3.1", "405B", "is", "open", "."])
    >>> doc.ents = [Span(doc, 0, 3, label="MODEL")]
    >>> [(a.mention.text, a.name, a.value) for a in find_attributes(doc, "a1")]
    [('Llama 3.1 405B', 'parameters', 405000000000)]
    """
    refs = _refs_for(doc, refs)
    ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    seen = set()
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
    for sent in sents:
        base = sent.start_char
        for start, end, count in iter_parameters(sent.text):
            span = doc.char_span(base + start, base + end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # a MODEL entity that is only the count ("a 34B model" typed "34B") names no model
            inside = [ent_of[t.i] for t in span if t.i in ent_of and ent_of[t.i].label_ == "MODEL"
                      and re.search(r"[A-Za-z]{2,}", ent_of[t.i].text)]
            model = inside[0] if inside else None  # "Llama 3.1 405B": the size is part of the name
            if model is None and span.start - 1 in ent_of and ent_of[span.start - 1].label_ == "MODEL" \
                    and ent_of[span.start - 1].end == span.start:
                continue  # "Llama 3.1 405B" typed as "Llama 3.1": the name lost its size; do not guess
            if model is None and doc.has_annotation("DEP"):
                model = _model_for_count(span.root, refs)
            if model is None:
                continue
            key = (model.start, model.end, count)
            if key in seen:
                continue
            seen.add(key)
            yield Attribute(
                mention=mention_from_span(model, article_id),
                name="parameters",
                value=count,
                evidence=_evidence(article_id, sent),
            )


__all__ = ["find_deals", "find_attributes", "same_amount", "load_triggers", "KEEP_CONFIDENCE", "TRIGGERS_PATH"]
