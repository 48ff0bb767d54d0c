"""The deal lexicon and the parties of a frame: which companies fill a trigger's slots, with their roles,
read through coreference and lists, and the constants deals share (keep threshold, rule names).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..entities import sole_other_company
from ..lexicon import words
from ..quantities import iter_money
from ..records import Evidence
from ..resources import LEXICON_DIR

if TYPE_CHECKING:  # annotations only: frames builds on this module
    from .frames import _Frame


#: Where the trigger words live (repository ``data/`` beside the ``extract`` package).
TRIGGERS_PATH = LEXICON_DIR / "deal_triggers.json"


#: The graph keeps deals at or above this confidence; below it are deals not stated as happening.
KEEP_CONFIDENCE = 0.5


#: The registered rules (data/patterns/deals.json): a trigger verb's or noun's frame, and the relations a
#: deal states between its parties. A stated deal starts at its rule's confidence.
VERB_RULE, NOUN_RULE, DEAL_RELATION_RULE = "deal.verb", "deal.noun", "deal.relation"


#: A payment verb whose "for"/"on" phrase names what it buys: a licence ("pay Beta $100 million for the
#: right to use its models") or goods from a supplier ("spend $600 million on capacity from Oracle").
PAYMENT_RULE = "deal.payment"


CONFIDENCE_AMOUNT_BONUS = 0.1


CONFIDENCE_STATE_NOUN = 0.45


#: Rule suffixes of deals that state how things stand ("is backed by", "holds a stake in"): no
#: transaction for the graph, but a standing relation between the parties (:func:`deal_relations`).
STANDING_MARK = "+standing"


_STANDING_MARKS = (STANDING_MARK, "+present")


#: Rule suffix of a deal noun whose party is a name in front of it ("Salesforce's $1.9 billion Ostrava
#: Analytics deal"): a deal with that company, of a kind the noun does not tell.
NAME_COMPOUND_MARK = "+name_compound"


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


#: Modifiers of a job title that say the person had left ("former CEO of X").
_FORMER_WORDS = words("former_words")


#: Words that only complete a company's name ("Quillstone *AI*", "Acme *Inc*").
_NAME_SUFFIXES = words("name_completers")


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
        from ..coref import entity_refs
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


def _listed(token: Token) -> list[Token]:
    """``token``'s conjuncts, and a list the parser made an apposition: in "backed by A, B and C" it
    often hangs "B and C" on A as an apposition; an apposition with its own conjunct is a list, not
    another name for A ("Qualcomm's venture arm, Qualcomm Ventures" has none)."""
    out = _conjuncts(token)
    for tok in list(out):
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and any(g.dep_ == "conj" for g in c.children):
                out.extend(_conjuncts(c))
            elif c.dep_ == "appos" and c.pos_ == "NOUN" and any(g.dep_ == "conj" for g in c.children) \
                    and any(g.dep_ == "poss" for g in c.children):
                # (acq5) "bought A, B's security business and C": a unit in the list made an apposition
                out.extend(_conjuncts(c))
            elif c.dep_ == "appos" and c.pos_ == "PROPN":
                # "from A, B and C Ventures": "B and C" hung on the last name as a name modifier (rounds4)
                listed = [n for g in c.children if g.dep_ == "nmod" and any(h.dep_ == "conj" for h in g.children)
                          for n in _conjuncts(g)]
                out.extend([c, *listed] if listed else [])
    return out


def _pobjs(prep: Token) -> list[Token]:
    out = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            out.extend(_conjuncts(c))
    return out


def in_own_phrase(token: Token, head: Token, clause_deps: frozenset[str]) -> bool:
    """Whether ``token`` belongs to ``head``'s own phrase: below it, through no arc in ``clause_deps`` (the
    arcs that open another clause, which each caller names: an award's amount may not sit in an apposition).
    """
    while token != head:
        if token.dep_ in clause_deps or token.head == token:
            return False
        token = token.head
    return True


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


#: Roles a possessive pronoun's company cannot share with the frame's other side: the owner of what
#: is licensed is the licensor, never the licensee ("Acme paid $5M to license *its* models": not Acme's).
_NEVER_OWN_ROLES = frozenset({"licensor"})


#: Dependencies a name may hang by inside a phrase that describes a person ("a former scientist *at IBM*").
_DESCRIPTION_DEPS = frozenset({"pobj", "prep", "compound", "poss", "nmod", "amod", "appos"})


def _describes_person(span: Span, *, former_only: bool = True) -> bool:
    """Whether a company is named only as a person's former employer in an apposition: "Chloe Marchetti,
    a former research scientist at *IBM*", "Sean Parker, the former *Facebook* president". Such a company
    is background to the sentence; "the company" there means the one the passage is about (a current
    one may be it: "hired David Luan, chief executive of Adept, and took a licence to the startup's technology")."""
    node = span.root
    for _ in range(6):
        if node.dep_ == "appos" and node.head.ent_type_ == "PERSON":
            return not former_only or any(c.lower_ in _FORMER_WORDS for c in node.children)
        if node.dep_ not in _DESCRIPTION_DEPS or node.head is node:
            return False
        node = node.head
    return False


def _described_person_company(ref: Token, span: Span) -> bool:
    """Whether a description ("the company") was resolved to a company an earlier sentence named only to
    describe a person ("Andy Konwinski, a co-founder of Databricks") while the article so far names another
    company more often. A pronoun ("We have a partnership with them") keeps its resolver's reading."""
    if ref.pos_ not in ("NOUN", "PROPN") or not _describes_person(span, former_only=False):
        return False
    counts: dict[str, int] = {}
    for e in ref.doc.ents:
        if e.label_ == "COMPANY" and e.end <= ref.i:
            counts[_party_key(e)] = counts.get(_party_key(e), 0) + 1
    own = counts.get(_party_key(span), 0)
    return any(n > own for key, n in counts.items() if key != _party_key(span))


def _other_antecedent(ref: Token, exclude: list[Span], same_sentence: bool = False) -> Span | None:
    """The company a reference means when it cannot mean any of ``exclude``: the nearest other
    company earlier in its sentence (not one named only to describe a person), else (unless
    ``same_sentence``) the most mentioned other company of the previous sentences."""
    doc = ref.doc
    companies = [e for e in doc.ents if e.label_ == "COMPANY" and e.end <= ref.i
                 and not any(_same_company(e, x) for x in exclude)]
    sent = ref.sent
    same = [e for e in companies if e.start >= sent.start and not _describes_person(e)]
    if same and ref.pos_ in ("NOUN", "PROPN"):
        # a description ("put $80m into *the company*") means what its sentence is about: the company it
        # names most often (a long sentence names others in passing), the nearest of those
        told = {}
        for e in same:
            told[_party_key(e)] = told.get(_party_key(e), 0) + 1
        return max(reversed(same), key=lambda e: told[_party_key(e)])
    if same:
        return same[-1]
    if same_sentence:
        return None
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
        # companies read from a loose parse ("with B joining" as a noun phrase): kept only when the
        # frame's other parties are named outright (see :func:`extract.deals.frames._frames`)
        self.loose: set[tuple[int, int]] = set()

    def company(self, token: Token) -> tuple[Span, bool, Token] | None:
        """The company ``token`` names or refers to, whether coreference was needed, and the referring token."""
        if token.pos_ == "PRON" and token.dep_ == "nsubj" and token.head.dep_ == "conj":
            # "The company licenses ..., and in August it agreed to ...": a pronoun subject of a
            # coordinated clause is the subject of the first clause
            first = [c for c in token.head.head.children if c.dep_ == "nsubj"]
            if first and first[0].pos_ != "PRON":
                return self.company(first[0])
        if token.pos_ == "PRON" and token.dep_ == "nsubj" and token.head.dep_ == "advcl" and token.head.head.dep_ == "relcl":
            # "The company, which was valued at $43B when *it* raised $500M": the relative clause's noun (rounds4)
            relative = token.head.head
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in relative.children):
                return self.company(relative.head)
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

    def _add_group(self, token: Token, role: str) -> bool:
        """Give ``role`` to each company a plural description names ("*the two companies*", see
        :meth:`extract.coref.EntityRefs.group_for`); whether it named any."""
        members = [m for m in self.refs.group_for(token) if m.label_ == "COMPANY"]
        for member in members:
            key = (member.start, member.end)
            if key not in self.roles and not any(_same_company(member, other) for other, _, _ in self.roles.values()):
                self.roles[key] = (member, role, True)
                self.refs_of[key] = token
        return bool(members)

    def add(self, token: Token, role: str | None, *, owner: bool = False) -> bool:
        """Give ``role`` to the company ``token`` (and its conjuncts) names; ``owner`` also tries its owner."""
        if role is None:
            return False
        added = False
        before = set(self.roles)
        for tok in _listed(token):
            found = self.company(tok)
            if found is not None and found[1] and owner and any(c.dep_ == "poss" for c in tok.children) \
                    and any(_same_company(found[0], other) for other, _, _ in self.roles.values()):
                # (acq5) "bought A, Quillon's payments business and C": the unit is its owner's, not the A
                # that "business" may refer back to ("its unit, now known as Black Duck" keeps its name)
                found = None
            if found is None and role == "partner" and self._add_group(tok, role):
                added = True  # "the two companies signed an agreement": both are its partners
                continue
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
                            # "from [Sequoia Capital and Index] Ventures": a list the parser made a name modifier
                            for g in o.children:
                                if g.dep_ == "nmod" and self.company(g) is not None:
                                    added |= self.add(g, role)
                for c in tok.children if role == "investor" else ():  # (rounds4: "in a round led by B" names no investee)
                    if c.dep_ == "acl" and _lemma(c) in load_triggers()["nouns"]["round"]["acl"]:
                        # "raised $500 million from investors *led by* A": the leaders are the investors named
                        # (who led "the round" that is the subject of "signs a licence" signs nothing)
                        for a in (o for g in c.children if g.dep_ == "agent" for o in _pobjs(g)):
                            added |= self.add(a, role)
                if _participle_of(tok, load_triggers()["participation_verbs"]):
                    # "a round led by A, with B joining" (the parser reads "B joining" as a noun phrase)
                    for c in tok.children:
                        if c.dep_ in ("compound", "nsubj", "poss", "amod") and c.i < tok.i:
                            before_loose = set(self.roles)
                            added |= self.add(c, role)
                            self.loose.update(k for k in self.roles if k not in before_loose)
                continue
            span, via_coref, ref = found
            if via_coref and _rebindable(ref) and span.start >= ref.sent.start and _describes_person(span):
                # "Founded by X, a former scientist at IBM, the company is backed by ...": not IBM
                span = _other_antecedent(ref, [span])
                if span is None:
                    continue
            elif via_coref and span.start < ref.sent.start and _described_person_company(ref, span):
                # (deals7) "... and Andy Konwinski, a co-founder of Databricks. [...] In January 2024 the company
                # raised $73.6 million": the profile's company, not one named to describe a person
                span = _other_antecedent(ref, [span])
                if span is None:
                    continue
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
                if via_coref and (_rebindable(ref) or ref.dep_ == "poss" and role in _NEVER_OWN_ROLES):
                    # ("paid $650 million to license *its* models": a company does not license its own)
                    span = _other_antecedent(ref, others + [span], same_sentence=not _rebindable(ref))
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
            elif self.roles[key][2] and not via_coref and self.roles[key][1] == role:
                self.roles[key] = (span, role, False)  # named outright after a reference to it
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
        if other is not None and other.root.dep_ == "pobj" and other.root.head.lower_ == "into":
            # (deals7) "hiring its co-founder A and some of its team into Google DeepMind": where they go, not whence
            return None
        return (other, True, other.root) if other is not None else None

    def has_role(self, role: str) -> bool:
        return any(r == role for _, r, _ in self.roles.values())


def _participle_of(token: Token, verbs) -> bool:
    """Whether ``token`` is the -ing form of one of ``verbs`` ("joining", "participating")."""
    word = token.lower_
    if not word.endswith("ing") or token.dep_ not in ("pobj", "pcomp", "conj"):
        return False
    stem = word[:-3]
    return _lemma(token) in verbs or stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def _states_money(token: Token) -> bool:
    """Whether the phrase ``token`` heads states an amount of money ("about $13 billion")."""
    phrase = token.doc[token.left_edge.i: token.right_edge.i + 1].text
    return next(iter_money(phrase), None) is not None


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
    return not _side_by_side(frame)


#: Kinds whose verb has two sides (who buys and what is bought, who licenses from whom, who hires from whom).
_TWO_SIDED_KINDS = frozenset({"acquisition", "licensing", "hiring"})


def _side_by_side(frame: _Frame) -> bool:
    """Every company is one of the coordinated subjects of the trigger verb: "A and B have both acquired
    start-ups", "A and B are both hiring researchers". Companies that share a subject do the same thing
    side by side; neither is the other's counterparty, so no deal between them is told. A verb that makes
    its subjects each other's counterparts ("A and B merged": ``shared_role``) is one deal of both."""
    trigger = frame.trigger
    if frame.kind not in _TWO_SIDED_KINDS or trigger.pos_ != "VERB" or frame.spec.get("shared_role"):
        return False
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    side = {t.i for s in subjects for t in (s, *s.conjuncts)}
    named = [frame.parties.refs_of.get(key) for key in frame.parties.roles]
    return bool(side) and all(t is not None and t.i in side for t in named)
