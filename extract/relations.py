"""Typed relations between entities, from the dependency parse.

:func:`find_relations` runs small rule families over a parsed Doc whose ``doc.ents`` are our
typed entities, each a generator of candidate edges in the style of textacy's
``extract.triples``:

* :func:`title_relations` - job titles in appositions, compounds, possessives, copulas and
  "as" phrases: "Nvidia's CEO Jensen Huang", "Jensen Huang, Nvidia's chief executive",
  "Mustafa Suleyman, DeepMind co-founder and former CEO of Inflection AI";
* :func:`possessive_relations` - "OpenAI's GPT-4" (develops), "Google's DeepMind unit" (part_of);
* :func:`verb_relations` - verbs, active and passive, with their subjects found through
  coordination, control ("hired X to lead Y"), relative clauses and coreference;
* :func:`noun_relations` - nominalisations and role nouns: "its investment in OpenAI",
  "the collaboration between Microsoft and OpenAI", "under development by Microsoft",
  "OpenAI, the maker of ChatGPT", "a division of Alphabet".

Every candidate is then checked centrally: both ends typed entities of the types the relation
takes, no self-loop, no negated trigger ("not", "never", "cut ties"); hedges ("could",
"reportedly", "is expected to") lower the confidence but keep the edge. Trigger words live in
``data/patterns/relation_triggers.json``.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Span
>>> nlp = spacy.blank("en")
>>> doc = nlp("OpenAI 's GPT-4")
>>> doc[2].head, doc[2].dep_ = doc[2], "ROOT"
>>> doc[0].head, doc[0].dep_ = doc[2], "poss"
>>> doc[1].head, doc[1].dep_ = doc[0], "case"
>>> doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 2, 3, label="MODEL")]
>>> [(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "a1")]
[('OpenAI', 'develops', 'GPT-4')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .coref import (EntityRefs, description_word, entity_refs, hyphen_start, lemma_word, load_triggers, word_children,
                    word_of, word_parts)
from .entities import mention_from_span, sole_other_company
from .gazetteer import gazetteer_of
from .records import Evidence, Relation, SYMMETRIC_RELATIONS

COMPANY, PERSON, MODEL = "COMPANY", "PERSON", "MODEL"

#: relation -> (allowed source labels, allowed target labels); competes_with also needs equal labels.
RELATION_TYPES = {
    "works_for": ({PERSON}, {COMPANY}),
    "leads": ({PERSON}, {COMPANY}),
    "founded": ({PERSON}, {COMPANY}),
    "develops": ({COMPANY}, {MODEL}),
    "invests_in": ({COMPANY}, {COMPANY}),
    "acquires": ({COMPANY}, {COMPANY}),
    "licenses_from": ({COMPANY}, {COMPANY}),
    "part_of": ({COMPANY}, {COMPANY}),
    "partners_with": ({COMPANY}, {COMPANY}),
    "competes_with": ({COMPANY, MODEL}, {COMPANY, MODEL}),
}

#: Prepositions that introduce the second party of a verb or noun trigger, per relation.
OBJECT_PREPS = {
    "develops": ("of", "on"),
    "invests_in": ("in", "into"),
    "acquires": ("of",),
    "licenses_from": ("from", "with"),
    "partners_with": ("with", "to"),
    "competes_with": ("with", "against", "to", "of"),
    "founded": ("of",),
    "leads": ("of",),
    "works_for": ("at", "for", "with", "of", "in"),
    "part_of": ("of", "at", "within", "in"),
}

#: Prepositions for nominal triggers where they differ from the verbs' ("career with X", not "role in a film").
NOUN_PREPS = {"works_for": ("at", "with")}

#: Verbs that take the person first when the company is the grammatical subject ("Microsoft hired X").
TWO_WAY = frozenset({"works_for"})

#: Confidence by rule strength, before hedging and coreference penalties.
BASE_CONFIDENCE = {
    "title": 0.85, "possessive": 0.8, "compound": 0.6, "verb": 0.8, "verb_passive": 0.8,
    "noun": 0.7, "role_noun": 0.75, "between": 0.75, "hyphen_pair": 0.6, "round": 0.75, "bare_title": 0.6, "hired_founder": 0.6,
    "affiliation": 0.6, "salient_release": 0.55, "salient_role": 0.55, "named_after": 0.5, "named_part": 0.6,
    "announced": 0.55,
}
HEDGE_PENALTY = 0.2
COREF_PENALTY = 0.1
FALLBACK_PENALTY = 0.15

SUPPORT_VERBS = frozenset({
    "make", "announce", "sign", "have", "maintain", "form", "strike", "ink", "complete", "continue", "seal",
    "enter", "expand", "deepen", "forge", "extend", "finalize", "close", "agree", "reach", "boost", "increase",
    "bring", "lead", "hold", "take", "build", "plan", "confirm", "disclose", "unveil", "renew", "pursue",
})

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
ROLE_NOUNS = {
    "maker": "develops", "developer": "develops", "creator": "develops",
    "investor": "invests_in", "backer": "invests_in", "shareholder": "invests_in", "stakeholder": "invests_in",
    "acquirer": "acquires", "buyer": "acquires", "owner": "part_of_inverse", "parent": "part_of_inverse",
    "partner": "partners_with", "ally": "partners_with",
    "rival": "competes_with", "competitor": "competes_with", "challenger": "competes_with", "contender": "competes_with",
    "alternative": "competes_with",
}


@dataclass(frozen=True)
class Candidate:
    """An edge proposed by a rule, before the central checks."""

    source: Span
    relation: str
    target: Span
    trigger: Token
    rule: str
    confidence: float


# -- trigger tables ------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _tables() -> dict:
    t = load_triggers()
    verbs: dict[str, list[str]] = {}
    for rel, lemmas in t["verbs"].items():
        for lemma in lemmas:
            verbs.setdefault(lemma.lower(), []).append(rel)
    nouns: dict[str, list[str]] = {}
    for rel, words in t["nouns"].items():
        for word in words:
            nouns.setdefault(word.lower(), []).append(rel)
    titles: dict[str, str] = {}
    for rel, words in t["titles"].items():
        for word in words:
            titles.setdefault(word.lower(), rel)
    return {
        "verbs": verbs,
        "nouns": nouns,
        "titles": titles,
        "particles": {k: frozenset(v) for k, v in t["verb_particles"].items()},
        "particle_required": frozenset(t["particle_required"]),
        "between": frozenset(t["symmetric_between_nouns"]),
        "between_relations": t["between_relations"],
        "part_of_nouns": frozenset(t["part_of_nouns"]),
        "control_nouns": frozenset(t["control_nouns"]),
        "object_control": frozenset(t["object_control_verbs"]),
        "containers": frozenset(t["container_nouns"]),
        "hiring_away_verbs": frozenset(t["hiring_away_verbs"]),
        "container_preps": frozenset(t["container_preps"]),
        "site_nouns": frozenset(t["site_nouns"]),
        "funding": {k: frozenset(v) for k, v in t["funding"].items()},
        "owner_verbs": frozenset(t["owner_verbs"]),
        "release_verbs": frozenset(t["unattributed_release_verbs"]),
        "comparison": {k: frozenset(v) for k, v in t["comparison"].items()},
        "parent_compound_nouns": frozenset(t["coref"]["parent_compound_nouns"]),
        "model_nouns": frozenset(t["model_description_nouns"]),
        "bare_titles": frozenset(t["bare_titles"]),
        "reporting_verbs": frozenset(t["reporting_verbs"]),
        "naming_verbs": frozenset(t["coref"]["naming_verbs"]),
        "hedges": frozenset(t["hedges"]),
        "negations": frozenset(t["negations"]),
    }


# -- argument helpers ----------------------------------------------------------------------------
def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Google and OpenAI", "GPT-4 or Claude")."""
    out, stack = [], [token]
    while stack:
        tok = stack.pop()
        if tok in out:
            continue
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def entities_of(token: Token | None, refs: EntityRefs, depth: int = 0) -> list[tuple[Span, bool]]:
    """The entities a noun phrase denotes, as ``(entity, via_coref)``.

    Coordination gives several ("Google and Meta"); a container noun is looked through
    ("the likes of GPT-4 and Claude", "tech giants like Google", "models such as Gemini").
    """
    if token is None or depth > 3:
        return []
    out: list[tuple[Span, bool]] = []
    tables = _tables()
    head = refs.relative_head(token) if depth == 0 else None
    if head is not None:
        # "Dario and Daniela Amodei, who both worked at OpenAI": the relative clause's noun, all its conjuncts
        clause = token.head
        while clause.dep_ not in ("relcl", "acl") and clause.head != clause:
            clause = clause.head
        plural = _plural_clause(clause) or (head.tag_ in ("NNS", "NNPS") and refs.ent_containing(head) is None)
        if plural:
            while head.dep_ == "conj" and head.head != head:
                head = head.head
        found = entities_of(head, refs, depth + 1)
        if found and not plural:
            # "the competition between Meta and OpenAI, whose chief executive ...": the name the clause follows
            before = [f for f in found if f[0].end <= token.i]
            found = [max(before, key=lambda f: f[0].end)] if before else found[:1]
        if found:
            return found
    for tok in _list_members(token):
        group = _plural_pronoun_group(tok, refs) if depth == 0 else []
        if group:
            out += group
            continue
        ent = refs.entity_for(tok) or _name_completed_by(tok, refs)
        if ent is not None:
            out.append((ent, refs.ent_containing(tok) is None))
            continue
        plural = refs.group_for(tok)  # "the two companies are developing"
        if plural:
            out.extend((member, True) for member in plural)
            continue
        if tok.lemma_.lower() in tables["containers"] or tok.lower_ in tables["containers"]:
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in tables["container_preps"]:
                    continue
                pobjs = [g for g in prep.children if g.dep_ == "pobj"]
                # "such as": "as" hangs on "such"
                pobjs += [g2 for g in prep.children if g.dep_ == "prep" for g2 in g.children if g2.dep_ == "pobj"]
                for pobj in pobjs:
                    out.extend(entities_of(pobj, refs, depth + 1))
            if not out:
                out += _listed_deeper(tok, refs)
    if not out and depth == 0:
        out += _named_after(token, refs)
    out += [(member, via) for ent, via in out for member in surface_list(ent, refs)]
    return _unique(out)


#: Object pronouns and quantifiers that stand for several names ("fights *both of them*", "competes with *them*").
PLURAL_OBJECT_PRONOUNS = frozenset({"them"})
QUANTIFIER_PRONOUNS = frozenset({"both", "all"})


def _plural_pronoun_group(token: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The coordinated names an object "them", "both" or "both of them" stands for, earlier in its sentence.

    "Unlike OpenAI and Anthropic, Cohere does not sell a chatbot, but it fights both of them":
    a plural object pronoun takes the nearest list of two or more names of one type before it in
    its sentence, never one holding its own clause's subject (an object pronoun is not its
    subject: "it fights them"). Coreference resolves pronouns to single names, so lists are read here.
    """
    if token.dep_ not in ("dobj", "pobj", "dative"):
        return []
    word = token.lower_
    if word in QUANTIFIER_PRONOUNS and token.pos_ in ("PRON", "DET") and token.head.i != token.i:
        of_them = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lower_ in PLURAL_OBJECT_PRONOUNS]
        if not of_them and any(c.dep_ == "prep" for c in token.children):
            return []  # "both of the chips"
    elif word not in PLURAL_OBJECT_PRONOUNS or (token.head.dep_ == "prep" and token.head.head.lower_ in QUANTIFIER_PRONOUNS):
        return []  # the "them" of "both of them" is read through "both"
    verb = token.head.head if token.dep_ == "pobj" else token.head
    own_subjects = {_name_key(e) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    for e in [refs.entity_for(c)] if e is not None}
    best: list[Span] = []
    for ent in token.doc.ents:
        if ent.start < token.sent.start or ent.end > token.i or ent.label_ not in (COMPANY, MODEL, PERSON):
            continue
        group = [ent] + [m for m in surface_list(ent, refs) if m.end <= token.i]
        group += [refs.ent_containing(c) for c in _conjuncts(ent.root)[1:] if refs.ent_containing(c) is not None]
        group = [g for g in group if g.label_ == ent.label_]
        keys = {_name_key(g) for g in group}
        if len(keys) < 2 or keys & own_subjects:
            continue
        if not best or max(g.end for g in group) > max(g.end for g in best):
            best = group
    # "OpenAI and Google sell chips, and Nvidia buys them": a plural noun nearer the pronoun is what it means
    if best and any(t.tag_ in ("NNS", "NNPS") and refs.ent_containing(t) is None
                    for t in token.doc[max(g.end for g in best): token.i]):
        return []
    return _unique([(g, True) for g in sorted(best, key=lambda g: g.start)])


def _listed_deeper(container: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Names a container lists through a phrase the parser hung lower in its noun phrase:
    "open models for Nordic languages, including Poro" ("including" on "languages"). Only names
    of the container's own type count ("models" lists models)."""
    labels = refs.labels_for_noun(container)
    if not labels:
        return []
    out = []
    for prep in container.subtree:
        if prep.dep_ == "prep" and prep.lower_ in ("including", "like") and prep.head != container and prep.head.i > container.i:
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                out += [(e, v) for e, v in entities_of(pobj, refs, 4) or [(refs.entity_for(pobj), False)] if e is not None and e.label_ in labels]
    return out


def _named_after(token: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Names a phrase is followed by with ", among them": "dozens of AI startups, among them Mistral AI and Cohere"."""
    doc, end = token.doc, token.right_edge.i
    words = [t.lower_ for t in doc[end + 1: end + 4]]
    if len(words) < 3 or words[0] != "," or words[1] != "among" or words[2] not in ("them", "those", "which"):
        return []
    ent = refs.ent_containing(doc[end + 4]) if end + 4 < len(doc) else None
    return [(ent, False)] if ent is not None and ent.start == end + 4 else []


def _name_completed_by(token: Token, refs: EntityRefs) -> Span | None:
    """The name a suffix word completes when the entity stops short of it: "Quillstone *AI*", "Zorblax *Inc.*"."""
    if token.lower_ not in NAME_SUFFIXES or token.i == 0 or refs.ent_containing(token) is not None:
        return None
    ent = refs.ent_containing(token.doc[token.i - 1])
    return ent if ent is not None and ent.end == token.i and ent.label_ == COMPANY and token.doc[token.i - 1].head == token else None


#: Tokens that may separate the members of a list of names ("A, B and C", "A or B").
LIST_SEPARATORS = frozenset({",", "and", "or", "&"})
LIST_CONJUNCTIONS = frozenset({"and", "or", "&"})


def surface_list(ent: Span, refs: EntityRefs) -> list[Span]:
    """The other names listed with ``ent``, read off the surface: "OpenAI's GPT-4o and Anthropic's Claude 3.5 Sonnet".

    The parser often breaks lists of multi-word names into compounds and ``nmod``s, so the
    coordination is not in the parse. Here a list is a run of entities of one label separated only
    by commas and one closing "and"/"or" (each name may carry a possessor: "Meta's Llama 3 70B").
    A name whose head fills a role of another phrase ("bought *A* and *B* invested") is not
    a member: the members' heads must lie in one phrase of the parse.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> from extract.coref import entity_refs
    >>> doc = spacy.blank("en")("beats A1 , B2 and C3 today")
    >>> doc.ents = [Span(doc, i, i + 1, label="MODEL") for i in (1, 3, 5)]
    >>> [e.text for e in surface_list(doc.ents[0], entity_refs(doc))]
    ['B2', 'C3']
    """
    lists = refs.memo.get("surface_lists")
    if lists is None:
        lists = refs.memo["surface_lists"] = _surface_lists(ent.doc, refs)
    return [m for m in lists.get((ent.start, ent.end), ()) if _same_phrase(m.root, ent.root)]


def _surface_lists(doc: Doc, refs: EntityRefs) -> dict[tuple[int, int], list[Span]]:
    """For every entity in a surface list, the other members (see :func:`surface_list`), computed once per Doc."""
    out: dict[tuple[int, int], list[Span]] = {}
    by_label: dict[str, list[Span]] = {}
    for e in doc.ents:
        by_label.setdefault(e.label_, []).append(e)
    for ents in by_label.values():
        for k, ent in enumerate(ents):
            members = _list_around(ents, k, refs)
            if members:
                out[(ent.start, ent.end)] = members
    return out


def _list_around(ents: list[Span], k: int, refs: EntityRefs) -> list[Span]:
    ent = ents[k]
    gap = lambda n: _list_gap(ents[n], ents[n + 1], refs)  # noqa: E731
    lo = k
    while lo > 0 and gap(lo - 1) is not None:
        lo -= 1
    hi = k
    while hi < len(ents) - 1 and gap(hi) is not None:
        hi += 1
    run_gaps = [gap(n) for n in range(lo, hi)]
    if not run_gaps or not any(gap == "conj" for gap in run_gaps):
        return []
    # one list: commas first, one conjunction closing it ("A, B, and C" too); "A and B, C and D" is two
    last_conj = max(n for n, gap in enumerate(run_gaps) if gap == "conj")
    if any(gap == "conj" for gap in run_gaps[:last_conj]):
        return []
    members = ents[lo: lo + last_conj + 2] if lo + last_conj + 1 >= k else []
    return [m for m in members if (m.start, m.end) != (ent.start, ent.end)]


def _list_gap(a: Span, b: Span, refs: EntityRefs) -> str | None:
    """``"comma"`` or ``"conj"`` when only list separators (and a possessor of ``b``) lie between two names."""
    doc = a.doc
    if b.start - a.end > 6:
        return None
    gap = list(doc[a.end: b.start])
    if not gap or crosses_line_break(a, b):
        return None
    if len(gap) >= 2 and gap[-1].lower_ in ("'s", "\u2019s", "'"):
        owner = refs.ent_containing(gap[-2])
        if owner is None or owner.end != gap[-1].i:
            return None
        gap = list(doc[a.end: owner.start])
    if not gap or any(t.lower_ not in LIST_SEPARATORS for t in gap) or len(gap) > 2:
        return None
    return "conj" if any(t.lower_ in LIST_CONJUNCTIONS for t in gap) else "comma"


def _same_phrase(a: Token, b: Token) -> bool:
    """Whether one token lies under the other in the parse, or both hang on the same head (always, unparsed)."""
    return not a.doc.has_annotation("DEP") or a.head == b.head or a in b.subtree or b in a.subtree


def _list_members(token: Token) -> list[Token]:
    """The conjuncts of a noun, and a list the parser hung on it as an apposition.

    "Cisco Systems, Fujitsu, EDC and AMD Ventures" is often parsed as "Cisco Systems" with the
    apposition "Fujitsu", which heads the rest of the list; an apposition of the same entity type
    that has conjuncts of its own is part of the list, not a second name for the first item.
    """
    out = _conjuncts(token)
    # "released Grok-2 and a smaller sibling, Grok-2 mini": a described conjunct stands for the name in its apposition
    for tok in list(out[1:]):
        named = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_]
        if not tok.ent_type_ and tok.pos_ == "NOUN" and len(named) == 1:
            out[out.index(tok)] = named[0]
    if token.ent_type_:
        for tok in list(out):
            for child in tok.children:
                if child.dep_ == "appos" and child.ent_type_ == token.ent_type_ and any(c.dep_ == "conj" for c in child.children):
                    out.extend(t for t in _conjuncts(child) if t not in out)
    return sorted(out, key=lambda t: t.i)


def _plural_clause(verb: Token) -> bool:
    """A clause that speaks of several ("who *both* worked", "which *are* adding")."""
    return any(c.lower_ in ("both", "all", "each") or (c.dep_ in ("aux", "auxpass") and c.lower_ in ("are", "were", "have"))
               for c in verb.children) or verb.lower_ in ("are", "were")


def _unique(items: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    seen, out = set(), []
    for ent, via in items:
        key = (ent.start, ent.end)
        if key not in seen:
            seen.add(key)
            out.append((ent, via))
    return out


def _possessors(token: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Entities in the possessive of a noun ("Microsoft's new AI", "its investment")."""
    return _unique([e for c in word_children(token) if _is_possessive(c) for e in entities_of(c, refs)])


def _is_possessive(token: Token) -> bool:
    """``poss``, or a genitive the parser labelled ``nmod`` ("Google's Gemini" as nmod + case)."""
    if token.dep_ == "poss":
        return True
    return token.dep_ in ("nmod", "compound") and any(c.dep_ == "case" and c.lower_ in ("'s", "\u2019s", "'") for c in token.children)


def _prep_objects(token: Token, preps: Iterable[str], refs: EntityRefs) -> list[tuple[Span, bool]]:
    preps = set(preps)
    out = []
    kids = word_children(token)
    # "competes with Google in phones, and with Amazon": the second preposition may be a conjunct of the verb
    kids += [c for c in kids if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps]
    for child in kids:
        if child.dep_ in ("prep", "agent", "dative", "conj") and child.lower_ in preps:
            # "with Harvey ... and with Aleph Alpha": a coordinated preposition repeats the role
            for prep in _conjuncts(child):
                if prep.lower_ != child.lower_:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        out.extend(entities_of(pobj, refs) or _part_owner(pobj, refs))
    return _unique(out)


def _part_owner(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The company behind a place or part of it: "at Meta's Paris lab", "at Google Brain's Toronto office"."""
    if refs.entity_for(noun) is not None or lemma_word(noun) not in _tables()["site_nouns"]:
        return []
    return [(e, v) for e, v in _possessors(noun, refs) if e.label_ == COMPANY]


def _agents(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    return _prep_objects(verb, ("by",), refs)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    )


def subjects_of(token: Token, refs: EntityRefs, depth: int = 0) -> list[tuple[Span, bool]]:
    """The logical subjects of a verb (or adjective, or event noun), climbing the parse when it has none.

    A conjoined verb shares its head's subject; an ``xcomp`` takes the object of an
    object-control verb ("hired X to lead Y") and the subject otherwise; adverbial clauses,
    prepositional complements and adjectival complements climb to their clause ("After hiring X,
    Microsoft ...", "an AI that is capable of matching Y"); an infinitive on a noun takes the
    noun ("Microsoft's new AI to compete with"), the person of an event noun ("the hiring of X
    to lead Y"), or the subject of the noun's own verb.
    """
    if depth > 6:
        return []
    tables = _tables()
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    for child in subjects:
        found = entities_of(child, refs)
        if not found:
            found = [(e, True) for e, _ in _possessors(child, refs)]
        if not found and _verb_read_as_noun(child, refs) is not None:
            # "X matches Y and comes close to Z" parsed with the noun "matches" as the subject of "comes"
            found = [(_verb_read_as_noun(child, refs), False)]
        if len(subjects) > 1 and child is not subjects[-1] and all(e.label_ == "PLACE" for e, _ in found):
            continue  # a dateline parsed as a second subject: "PARIS, July 24 — Mistral AI released ..."
        if found and all(e.label_ == "PLACE" for e, _ in found):
            found = _dateline_actor(child, refs) or found
        return found
    for child in token.children:
        if child.dep_ == "nsubjpass":
            return _agents(token, refs)
    named = _name_before_verb(token, refs)
    if named is not None:
        return [(named, False)]
    dep, head = token.dep_, token.head
    if head == token:
        return []
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in tables["object_control"]:
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return entities_of(obj, refs)
        return subjects_of(head, refs, depth + 1)
    if dep in ("conj", "advcl", "pcomp", "prep", "acomp", "xcomp", "ccomp", "agent"):
        return subjects_of(head, refs, depth + 1)
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if lemma_word(head) in tables["control_nouns"]:
            return _prep_objects(head, ("of",), refs) or _possessors(head, refs)
        found = entities_of(head, refs) or _possessors(head, refs)
        if found:
            return found
        if head.dep_ in ("dobj", "pobj", "attr"):
            return subjects_of(head.head, refs, depth + 1)
    return []


#: Dashes that end a dateline ("PALO ALTO, Calif., Aug. 14 — xAI ...").
DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})


def _dateline_actor(place: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The actor a dateline subject stands for: "PALO ALTO, Calif., Aug. 14 — xAI, the startup founded by
    Elon Musk, released ...", parsed with the place as the subject and the name as its apposition after
    the dash."""
    doc = place.doc
    for appos in (c for c in place.children if c.dep_ == "appos" and c.i > place.i):
        if not any(t.text in DATELINE_DASHES for t in doc[place.i + 1: appos.left_edge.i]):
            continue
        found = [(e, v) for e, v in entities_of(appos, refs) if e.label_ != "PLACE"]
        if found:
            return found
    return []


def _name_before_verb(verb: Token, refs: EntityRefs) -> Span | None:
    """A name set off by commas right before a subjectless finite verb: "the largest, Claude 3 Opus, outperforms".

    The parser reads such a name as the object of a preceding "says" and leaves the verb without a subject.
    """
    doc = verb.doc
    if verb.tag_ in ("VBZ", "VBD", "VBP") and verb.i >= 1:
        # "Apple competes with ...": a sentence-initial name the tagger glued onto the verb as a compound
        glued = refs.ent_containing(doc[verb.i - 1])
        if glued is not None and glued.end == verb.i and glued.root.head == verb and glued.root.dep_ in ("compound", "amod", "nmod"):
            return glued
    if verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    ent = refs.ent_containing(doc[verb.i - 2])
    if ent is None or ent.end != verb.i - 1 or ent.start < 1 or doc[ent.start - 1].text != ",":
        return None
    return ent if ent.sent.start == verb.sent.start else None


def _verb_read_as_noun(token: Token, refs: EntityRefs) -> Span | None:
    """The subject name of a trigger verb the tagger read as a plural noun between two names ("GPT-4o *beats* Claude").

    Returns the name before the word when the word is a third-person form of a trigger verb
    ("matches", "rivals", "acquires") written right between two names; else ``None``.
    """
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in ("NNS", "NNPS") or not token.lower_.endswith("s"):
        return None
    stem = _verb_stem(token)
    if stem is None or refs.ent_containing(token) is not None or token.i == 0:
        return None
    before = refs.ent_containing(token.doc[token.i - 1])
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    after = refs.ent_containing(nxt) if nxt is not None else None
    # "Apple competes with ...": a preposition the verb takes may follow instead of the second name
    takes_prep = nxt is not None and any(nxt.lower_ in _noun_verb_preps(stem, rel) for rel in _tables()["verbs"][stem]) \
        and any(c.dep_ == "prep" and c.i == nxt.i for c in token.children)
    if before is None or before.end != token.i or not (takes_prep or (after is not None and after.start == token.i + 1)):
        return None
    return before


def _noun_verb_preps(stem: str, relation: str) -> tuple[str, ...]:
    """The prepositions that introduce the second party of a trigger verb: its relation's, and a comparison
    verb's own ("ranks *alongside* GPT-4o")."""
    return OBJECT_PREPS.get(relation, ()) + tuple(_tables()["comparison"].get(stem, ()))


def _verb_stem(token: Token) -> str | None:
    """The trigger lemma of a third-person verb form ("matches" -> "match", "rivals" -> "rival"), or ``None``."""
    verbs, word = _tables()["verbs"], token.lower_
    for stem in (word[:-2], word[:-1]):
        if word.endswith("s") and stem in verbs:
            return stem
    return None


def _verb_noun_relations(token: Token, refs: EntityRefs) -> Iterator[Candidate]:
    """Relations of a trigger verb the tagger read as a noun between two names (see :func:`_verb_read_as_noun`)."""
    subject = _verb_read_as_noun(token, refs)
    if subject is None:
        return
    stem = _verb_stem(token)
    target = refs.ent_containing(token.doc[token.i + 1])
    for relation in _tables()["verbs"][stem]:
        objects = [(target, False)] + [(m, False) for m in surface_list(target, refs)] if target is not None else []
        if not objects:
            objects = _prep_objects(token, _noun_verb_preps(stem, relation), refs)
            if relation == "competes_with":
                objects += _rival_owners(token, OBJECT_PREPS[relation], refs)
        for obj, ov in _unique(objects):
            yield _oriented(subject, relation, obj, token, "verb", _conf("verb", ov))


# -- rules -----------------------------------------------------------------------------------------
def _title_of(token: Token) -> tuple[str, str] | None:
    """``(relation, title)`` when ``token`` ends a job title ("CEO", "co-founder", "chief executive")."""
    titles = _tables()["titles"]
    word = word_of(token)
    doc, first = token.doc, hyphen_left(token)
    for start in range(max(0, first - 3), first - 1):
        # "chief data officer", "chief technology officer": titles of three and more words
        found = _title_at(doc, start, titles)
        if found is not None and found[1] == token.i + 1 and all(token in t.ancestors for t in doc[start:first]):
            return found[0], doc[start: token.i + 1].text.lower()
    for mod in (c for c in token.children if c.dep_ in ("amod", "compound") and c.i == hyphen_left(token) - 1):
        two = f"{mod.lower_} {word}"
        if two in titles:
            return titles[two], two
    lemma = lemma_word(token)
    for w in (word, lemma):
        if w in titles:
            return titles[w], w
    return None


def hyphen_left(token: Token) -> int:
    return word_parts(token)[0].i


def _title_holders(title: Token, refs: EntityRefs, depth: int = 0) -> list[tuple[Span, bool]]:
    """The persons who hold a title token."""
    if depth > 3:
        return []
    doc = title.doc
    parts = word_parts(title)
    # "CEO Jensen Huang": the title is a compound of the name
    if title.dep_ == "compound" and refs.ent_containing(title.head) is not None:
        if title.tag_ in ("NNS", "NNPS"):
            # "co-founders Larry Page and Sergey Brin": a plural title before a list holds for every name
            found = [refs.ent_containing(t) for t in _conjuncts(title.head)]
            return _unique([(e, False) for e in found if e is not None and e.label_ == PERSON])
        return [(refs.ent_containing(title.head), False)]
    # "Jensen Huang, Nvidia's chief executive" / "the CEO, Jensen Huang"
    for child in word_children(title):
        if child.dep_ == "appos" and refs.ent_containing(child) is not None:
            return [(refs.ent_containing(child), False)]
    if any(p.dep_ == "appos" for p in parts) and refs.ent_containing(title.head) is not None:
        return [(refs.ent_containing(title.head), False)]
    # "PERSON, TITLE ..." read off the surface when the parser attached the apposition elsewhere
    left = min([parts[0].left_edge.i] + [c.left_edge.i for c in word_children(title) if c.i < title.i])
    if left >= 2 and doc[left - 1].text == "," and title.dep_ in ("appos", "conj", "npadvmod", "dobj", "attr", "ROOT"):
        ent = refs.ent_containing(doc[left - 2])
        if ent is not None and ent.end == left - 1 and ent.label_ == PERSON:
            return [(ent, False)]
    # "co-founder and former CEO of X": a conjoined title shares its holder
    if title.dep_ == "conj":
        return _title_holders(title.head, refs, depth + 1)
    # "named X, the company's chief financial officer, interim chief executive": a title set beside
    # another title of the same person (the parser hangs the second on the first as an apposition)
    if title.dep_ == "appos" and title.head.pos_ in ("NOUN", "PROPN") and _title_of(title.head) is not None:
        return _title_holders(title.head, refs, depth + 1)
    # "X is the CEO of Y", "X was named CEO of Y", "X became chief executive"
    if title.dep_ in ("attr", "oprd", "acomp"):
        subj = subjects_of(title.head, refs)
        if not subj:
            obj = next((c for c in title.head.children if c.dep_ == "dobj"), None)
            subj = entities_of(obj, refs)
        return subj
    # "who joined as CEO of Inflection", "his experience as CEO"
    if title.dep_ == "pobj" and title.head.lower_ == "as":
        return subjects_of(title.head.head, refs) or _possessors(title.head.head, refs)
    # "The co-founder of DeepMind is in charge": the description itself through coreference
    ent = refs.entity_for(title)
    if ent is not None and ent.label_ == PERSON:
        return [(ent, refs.ent_containing(title) is None)]
    return []


def _title_orgs(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The organisations a title is held at: "of X", "at X", "X's CEO", "Nvidia CEO", "DeepMind co-founder"."""
    children = word_children(title)
    out = _possessors(title, refs)
    for child in children:
        if child.dep_ == "compound" and refs.ent_containing(child) is not None:
            out.append((refs.ent_containing(child), False))
        elif child.dep_ in ("amod", "nmod") and child.i < title.i and _company_at(child, refs) is not None:
            # "Baidu chief executive", "a former Anthropic researcher": the tagger reads the name as an adjective
            out.append((_company_at(child, refs), False))
    out += _prep_objects(title, ("of", "at", "for"), refs)
    # "Nvidia's CEO Jensen Huang": the possessive hangs on the name the title compounds
    if not out and title.dep_ == "compound":
        out += _possessors(title.head, refs)
        out += _prep_objects(title.head, ("of", "at"), refs)
    return _unique([(e, v) for e, v in out if not _is_title_word(e)])


@lru_cache(maxsize=None)
def _title_vocabulary() -> frozenset[str]:
    return frozenset(w for title in _tables()["titles"] for w in title.split())


def _is_title_word(ent: Span) -> bool:
    """An "organisation" that is a word of a title ("Vice" in "Vice President", "Managing" in "Managing Director")."""
    return all(t.lower_ in _title_vocabulary() or t.is_punct for t in ent)


def title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for / leads / founded from job titles next to a person."""
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or refs.ent_containing(token) is not None:
            continue
        found = _title_of(token)
        if found is None:
            continue
        relation, title = found
        orgs = _title_orgs(token, refs)
        rule = "title"
        if not orgs and token.dep_ == "conj" and _title_of(token.head) is not None:
            # "Meta's founder and chief executive": the second title shares the first one's company
            orgs = _title_orgs(token.head, refs)
        if not orgs and title in _tables()["bare_titles"] and _is_bare(token):
            # "Mensch, the chief executive, said", "Raman is chief executive": the company the holder is said
            # to have founded or to run elsewhere in the article, else the company the article is about
            ent = _holders_own_company(token, refs) or refs.salient_entity(token, ("COMPANY",))
            orgs = [(ent, True)] if ent is not None else []
            rule = "bare_title"
        if not orgs and relation == "founded":
            orgs = _founders_hired_away(token, refs)
            rule = "hired_founder" if orgs else rule
        if not orgs:
            continue
        parts = _part_owners(token, refs)
        for person, p_via in _title_holders(token, refs):
            for org, o_via in orgs:
                # "a former head of Google's advertising business" leads a part of Google: works for it
                rel = "works_for" if relation == "leads" and (org.start, org.end) in parts else relation
                yield Candidate(person, rel, org, token, rule, _conf(rule, p_via or o_via))


def _founders_hired_away(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "Microsoft hired co-founders A and B": founders a company hires founded another company, the one
    other company the sentence names ("... its arrangement with Inflection AI, when Microsoft hired
    co-founders ..."). Nothing when the sentence names several others."""
    holder = title.head if title.dep_ == "compound" else title
    verb = holder.head
    while holder.dep_ == "conj" and verb.dep_ in ("dobj", "conj") and verb.head != verb:
        holder, verb = verb, verb.head
    if holder.dep_ != "dobj" or lemma_word(verb) not in _tables()["hiring_away_verbs"]:
        return []
    sent = title.sent if title.doc.has_annotation("SENT_START") else title.doc[:]
    other = sole_other_company(sent, [e for e, _ in subjects_of(verb, refs)])
    return [(other, True)] if other is not None else []


def _is_bare(title: Token) -> bool:
    """A title with no company of its own: no possessive, compound or prepositional phrase."""
    kids = word_children(title)
    # only a title predicated of a person ("X, the chief executive," / "X is chief executive"), not a
    # title in a list or before a name ("chairperson A and chief executive B"), which names its company elsewhere
    return not any(c.dep_ in ("poss", "prep", "compound", "nmod") for c in kids) and title.dep_ in ("appos", "attr", "oprd")


def _part_owners(title: Token, refs: EntityRefs) -> set[tuple[int, int]]:
    """Companies a title reaches only through a part of them ("head of Google's advertising business")."""
    out = set()
    for child in word_children(title):
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and refs.entity_for(pobj) is None:
                    out |= {(e.start, e.end) for e, _ in _part_owner(pobj, refs)}
    return out


#: Words that may stand before a title without changing it ("former chief executive", "senior vice president").
TITLE_MODIFIERS = frozenset({"former", "then", "current", "new", "interim", "acting", "senior", "longtime", "long-time",
                             "executive", "deputy", "incoming", "outgoing", "newly", "appointed", "its", "their", "the"})


def _surface_titles(doc: Doc, start: int) -> tuple[list[tuple[str, Token]], int]:
    """The titles listed from ``start``: "co-founder and former chief executive" -> ``[(founded, founder), (leads, executive)]``
    and the index after the list. Read off the surface, since the parser splits "co-founder" and garbles such lists."""
    titles = _tables()["titles"]
    found, i = [], start
    while i < len(doc):
        while i < len(doc) and (doc[i].lower_ in TITLE_MODIFIERS or doc[i].like_num) \
                and not (doc[i].lower_ == "executive" and _title_at(doc, i, titles)):
            i += 1
        match = _title_at(doc, i, titles)
        if match is None:
            break
        relation, end = match
        found.append((relation, doc[end - 1]))
        i = end
        if i < len(doc) and doc[i].lower_ == "and" and i + 1 < len(doc) and _title_at_after_modifiers(doc, i + 1, titles):
            i += 1
            continue
        break
    return found, i


def _title_at(doc: Doc, i: int, titles: dict) -> tuple[str, int] | None:
    """``(relation, end)`` of the longest title written at token ``i`` (hyphenated pieces joined)."""
    best = None
    words, j = "", i
    while j < len(doc) and j < i + 6:
        tok = doc[j]
        if not (tok.is_alpha or tok.text == "-"):
            break
        words += tok.lower_
        j += 1
        key = words if words in titles else words[:-1] if words.endswith("s") and words[:-1] in titles else None
        if key is not None and not (j < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_):
            best = (titles[key], j)  # "founders" too: "its two founders, A and B"
        if tok.whitespace_:
            words += " "
    return best


def _title_at_after_modifiers(doc: Doc, i: int, titles: dict) -> bool:
    while i < len(doc) and doc[i].lower_ in TITLE_MODIFIERS and not _title_at(doc, i, titles):
        i += 1
    return _title_at(doc, i, titles) is not None


def _surface_possessor_at(doc: Doc, i: int, refs: EntityRefs) -> tuple[Span, int, int] | None:
    """A company possessor ending at token ``i``: "Nvidia's", "its", "the startup's" -> ``(company, first, after)``."""
    tok = doc[i]
    if tok.lower_ in ("its", "their"):
        ent = refs.entity_for(tok)
        return (ent, i, i + 1) if ent is not None and ent.label_ == COMPANY else None
    if tok.lower_ not in ("'s", "\u2019s", "'") or i == 0:
        return None
    owner = refs.ent_containing(doc[i - 1])
    if owner is not None:
        return (owner, owner.start, i + 1) if owner.label_ == COMPANY and owner.end == i else None
    ent = refs.entity_for(doc[i - 1])  # "the startup's"
    if ent is None or ent.label_ != COMPANY:
        return None
    first = doc[i - 1].left_edge.i if doc[i - 1].left_edge.i < i - 1 else i - 1
    return ent, first, i + 1


def surface_title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Titles in an apposition written around a person, read off the surface.

    "Naveen Rao, MosaicML's co-founder and former chief executive, now runs ...",
    "Its chief executive and co-founder, Peter Sarlin, will ...", "Alexander Wong, the startup's
    co-founder, joined ...": the possessor is the company, every listed title counts.
    """
    for i in range(len(doc)):
        found = _surface_possessor_at(doc, i, refs)
        if found is None:
            continue
        company, first, after = found
        titles, end = _surface_titles(doc, after)
        if not titles:
            continue
        persons = []
        # "PERSON, [the] X's TITLE" (the article may stand before a description possessor)
        before = first - 1 if first >= 1 and doc[first - 1].lower_ not in ("the", "a", "an") else first - 2
        if before >= 1 and doc[before].text == ",":
            person = refs.ent_containing(doc[before - 1])
            if person is not None and person.label_ == PERSON and person.end == before:
                persons.append(person)
        # "X's TITLE, PERSON" ("its two founders, A and B")
        if end + 1 < len(doc) and doc[end].text == ",":
            person = refs.ent_containing(doc[end + 1])
            if person is not None and person.label_ == PERSON and person.start == end + 1:
                persons.append(person)
                if doc[end - 1].lower_.endswith("s"):
                    persons += [m for m in surface_list(person, refs) if m.start > person.start]
        for person in persons:
            for relation, title in titles:
                yield Candidate(person, relation, company, title, "title", _conf("title", refs.ent_containing(doc[first]) is None))


def affiliation_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for from a person named with a company: "Hannah Ferris of Corbel Partners"."""
    for ent in doc.ents:
        if ent.label_ != PERSON:
            continue
        for child in ent.root.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == ent.end:
                for pobj in child.children:
                    org = refs.ent_containing(pobj) if pobj.dep_ == "pobj" else None
                    if org is not None and org.label_ == COMPANY:
                        yield Candidate(ent, "works_for", org, child, "affiliation", _conf("affiliation", False))


# -- people's roles read around titles, participles and tenures ----------------------------------------
#: Participles a tagger leaves unlemmatised when it reads them as nouns ("the firm *run* by X").
ROLE_PARTICIPLES = {"run": "run", "led": "lead", "headed": "head", "founded": "found", "started": "start",
                    "established": "establish", "co-founded": "co-found", "formed": "form"}
#: Words before a title that make it a former one ("ex-Stripe engineers", "former chief executive").
FORMER_WORDS = frozenset({"ex", "former", "then", "onetime", "one-time", "erstwhile", "outgoing"})
PERSON_ROLES = ("founded", "leads")
#: Words before a title that give it an owner of its own or make it indefinite ("whose chief executive X",
#: "a chief executive"): such a title is not held at the passage's company.
NOT_BARE_BEFORE = frozenset({"a", "an", "'s", "\u2019s", "whose", "his", "her", "its", "their", "our", "my", "your"})


def _company_at(token: Token, refs: EntityRefs) -> Span | None:
    """The company named at ``token``, unless the "company" is a word of a title ("Chief", "Vice")."""
    ent = refs.ent_containing(token)
    return ent if ent is not None and ent.label_ == COMPANY and not _is_title_word(ent) else None


def _person_key(person: Span) -> str:
    """A person's surname, to match "Nwosu" with "Amara Nwosu"."""
    return person.text.split()[-1].lower()


def _people_companies(doc: Doc, refs: EntityRefs) -> dict[str, list[Span]]:
    """Surname -> the companies the article says the person founded or runs (verbs, participles, titles
    with a company), computed once per Doc."""
    found = refs.memo.get("people_companies")
    if found is None:
        found = refs.memo["people_companies"] = {}
        for rule in (verb_relations, surface_title_relations, described_agent_role_relations, object_gap_role_relations):
            for c in rule(doc, refs):
                if c.relation in PERSON_ROLES and _types_fit(c) and not is_negated(c.trigger):
                    found.setdefault(_person_key(c.source), []).append(c.target)
    return found


def _holders_own_company(title: Token, refs: EntityRefs) -> Span | None:
    """The one company the holders of a bare title founded or run by the article's other statements:
    "The startup, founded by A and B, ... 'We read it,' Nwosu, who is CEO, told TechCrunch" (Nwosu
    founded the startup). ``None`` when they are tied to none, or to several."""
    holders = [p for p, _ in _title_holders(title, refs) if p.label_ == PERSON]
    if not holders:
        return None
    known = _people_companies(title.doc, refs)
    companies = {_name_key(c): c for p in holders for c in known.get(_person_key(p), ())}
    return next(iter(companies.values())) if len(companies) == 1 else None


def _title_start_before(doc: Doc, end: int) -> int | None:
    """The first token of a title list (with its modifiers) that ends right before token ``end``:
    "former Chief Executive" before "Tobias Lindqvist"."""
    for i in range(max(0, end - 8), end):
        titles, after = _surface_titles(doc, i)
        if titles and after == end:
            return i
    return None


def _company_before(doc: Doc, i: int, refs: EntityRefs) -> Span | None:
    """The company written right before token ``i``, with or without "'s": "SoftBank", "Nvidia's"."""
    if i < 0:
        return None
    if doc[i].lower_ in ("'s", "\u2019s", "'") and i >= 1:
        owner = _company_at(doc[i - 1], refs)
        return owner if owner is not None and owner.end == i else None
    owner = _company_at(doc[i], refs)
    return owner if owner is not None and owner.end == i + 1 else None


def _most_named_company(token: Token, refs: EntityRefs) -> Span | None:
    """The company the text before ``token`` names most often (names and resolved descriptions), if at
    least twice: the company a title written without one belongs to ("Chief Financial Officer Sunita
    Deshpande said"), rather than whichever company the sentence happens to name."""
    counts: dict[str, int] = {}
    first: dict[str, Span] = {}
    doc, seen = token.doc, set()
    for tok in doc[: token.i]:
        ent = refs.entity_for(tok)
        if ent is None or ent.label_ != COMPANY or _is_title_word(ent):
            continue
        named = refs.ent_containing(tok)
        if named is not None and (named.start, named.end) in seen:
            continue
        if named is not None:
            seen.add((named.start, named.end))
        key = _name_key(ent)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, ent)
    if not counts:
        return None
    key = max(counts, key=lambda k: counts[k])
    ties = [k for k in counts if counts[k] == counts[key]]
    return first[key] if counts[key] >= 2 and len(ties) == 1 else None


def _ends_bare_title(token: Token, bare: frozenset[str]) -> bool:
    """Whether ``token`` ends a title that names its company by context alone ("Chief Financial Officer")."""
    return any(token.doc[j: token.i + 1].text.lower() in bare for j in range(max(0, token.i - 3), token.i + 1))


def prenominal_title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Titles written before a name, read off the surface: "SoftBank Chief Executive Masayoshi Son",
    "ex-Stripe engineers Amara Nwosu and Daniel Whitcombe", "Chief Financial Officer Sunita Deshpande said".

    The parser hangs the company and every title word on the name as compounds, so no title token
    holds the company. A company right before the title is the one; a bare title with none (not a
    former one, not "a chief executive") is held at the company the passage is about. A plural title
    holds for every listed name.
    """
    bare = _tables()["bare_titles"]
    for person in doc.ents:
        if person.label_ != PERSON:
            continue
        start = _title_start_before(doc, person.start)
        if start is None or _company_at(doc[start], refs) is not None:
            continue
        titles, _ = _surface_titles(doc, start)
        company = _company_before(doc, start - 1, refs)
        first = company.start if company is not None else start
        former = any(t.lower_ in FORMER_WORDS for t in doc[max(0, first - 2): person.start])
        rule, via = "title", False
        if company is None:
            before = doc[start - 1] if start >= 1 else None
            if former or not all(_ends_bare_title(t, bare) for _, t in titles) or (
                    before is not None and (before.lower_ in NOT_BARE_BEFORE or before.ent_type_)):
                continue
            company, rule, via = _most_named_company(doc[start], refs), "bare_title", True
            if company is None:
                continue
        persons = [person]
        if doc[person.start - 1].lower_.endswith("s"):
            persons += [m for m in surface_list(person, refs) if m.start > person.start]
        for holder in persons:
            for relation, title in titles:
                yield Candidate(holder, relation, company, title, rule, _conf(rule, via))


def trailing_company_title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Press-release titles with the company after them: "said Rafael Ostrowski, co-founder and chief
    executive officer, Cinderwell AI.", "said Colleen Marsh, vice president, AI solutions, Dell Technologies."

    The title list after the name's comma may be followed by one short phrase without a verb or a
    name (the department); then a comma and the company, which closes the clause.
    """
    closers = frozenset({".", ",", ";", '"', "\u201d", "'", ")"})
    for person in doc.ents:
        i = person.end
        if person.label_ != PERSON or i + 1 >= len(doc) or doc[i].text != ",":
            continue
        titles, end = _surface_titles(doc, i + 1)
        if not titles or end >= len(doc) or doc[end].text != ",":
            continue
        comma = end
        nxt = next((j for j in range(end + 1, min(len(doc), end + 6)) if doc[j].text == ","), None)
        if nxt is not None and _company_at(doc[end + 1], refs) is None and not any(
                t.pos_ in ("VERB", "AUX") or t.ent_type_ or t.is_punct for t in doc[end + 1: nxt]):
            comma = nxt  # ", AI solutions,": the department
        company = _company_at(doc[comma + 1], refs) if comma + 1 < len(doc) else None
        if company is None or company.start != comma + 1:
            continue
        if company.end < len(doc) and doc[company.end].text not in closers and not doc[company.end].is_space:
            continue
        for relation, title in titles:
            yield Candidate(person, relation, company, title, "title", _conf("title", False))


def _company_before_description(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The company a description noun follows as an apposition: "Halcyon Peak Partners, *the firm* run by X"."""
    left = noun.left_edge.i
    if left < 2 or noun.doc[left - 1].text != ",":
        return []
    company = _company_at(noun.doc[left - 2], refs)
    return [(company, False)] if company is not None and company.end == left - 1 else []


def described_agent_role_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """founded/leads from a participle whose agent the verb rules miss: "The startup, founded by ex-Stripe
    engineers Amara Nwosu and Daniel Whitcombe" (the names stand in an apposition of the agent noun),
    "Halcyon Peak Partners, the firm run by Eleanor Voss" (the tagger reads "run" as a noun)."""
    verbs = _tables()["verbs"]
    for tok in doc:
        if tok.dep_ != "acl" or not any(c.dep_ == "agent" for c in tok.children):
            continue
        lemma = lemma_word(tok)
        relations = [r for w in (lemma, ROLE_PARTICIPLES.get(tok.lower_)) if w for r in verbs.get(w, ()) if r in PERSON_ROLES]
        if not relations:
            continue
        persons = []
        for pobj in (g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
            named = entities_of(pobj, refs)
            if not named:
                named = [e for a in pobj.children if a.dep_ == "appos" for e in entities_of(a, refs)]
            persons += [(e, v) for e, v in named if e.label_ == PERSON]
        if not persons:
            continue
        companies = [(e, v) for e, v in entities_of(tok.head, refs) if e.label_ == COMPANY] or \
            _company_before_description(tok.head, refs)
        for relation in dict.fromkeys(relations):
            for p, pv in _unique(persons):
                for c, cv in companies:
                    yield Candidate(p, relation, c, tok, "verb_passive", _conf("verb_passive", pv or cv))


def object_gap_role_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """ "01.AI, the startup Kai-Fu Lee founded in 2023": a relative clause without a pronoun, whose verb
    lacks its object, names what the person founded or runs: the company the description follows.

    Read off the surface (the parser takes the name for the subject of the whole sentence):
    COMPANY, the/a [words] NOUN PERSON VERB, the verb with no object of its own.
    """
    verbs = _tables()["verbs"]
    for person in doc.ents:
        if person.label_ != PERSON or person.end >= len(doc) or person.start < 4:
            continue
        verb = doc[person.end]
        relations = [r for r in verbs.get(lemma_word(verb), ()) if r in PERSON_ROLES]
        if not relations or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or \
                any(c.dep_ in ("dobj", "attr", "ccomp") for c in verb.children):
            continue
        j = person.start - 1
        while j > person.start - 4 and doc[j].pos_ in ("NOUN", "ADJ") and refs.ent_containing(doc[j]) is None:
            j -= 1
        if j == person.start - 1 or doc[j].lower_ not in ("the", "a", "an") or doc[j - 1].text != ",":
            continue
        company = _company_at(doc[j - 2], refs)
        if company is None or company.end != j - 1:
            continue
        for relation in relations:
            yield Candidate(person, relation, company, verb, "verb", _conf("verb", False))


def _former_employers(verb: Token, refs: EntityRefs) -> set[str]:
    """Name keys of the companies a founding verb's clause says the founder was at before: "spent six
    years at Booking.com *before starting* the company"."""
    head = verb
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        head = verb.head.head
    elif verb.dep_ == "advcl":
        head = verb.head
    if head is verb:
        return set()
    companies = _prep_objects(head, ("at", "with"), refs)
    companies += [e for c in head.children if c.dep_ == "dobj" for e in _prep_objects(c, ("at", "with"), refs)]
    return {_name_key(e) for e, _ in companies if e.label_ == COMPANY}


def tenure_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for from time spent at a company or on its team: "who spent six years at Booking.com",
    "served on the core management team of Bridgewater Associates"."""
    t = load_triggers()
    durations, tenure_verbs = frozenset(t["tenure_nouns"]), frozenset(t["tenure_verbs"])
    team_verbs, site_nouns = frozenset(t["team_verbs"]), _tables()["site_nouns"]
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        lemma, companies = lemma_word(verb), []
        if lemma in tenure_verbs:
            spans = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and lemma_word(c) in durations]
            if spans:
                companies = _prep_objects(verb, ("at", "with"), refs)
                companies += [e for c in spans for e in _prep_objects(c, ("at", "with"), refs)]
        elif lemma in team_verbs:
            for team in (g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "in")
                         for g in p.children if g.dep_ == "pobj" and lemma_word(g) in site_nouns):
                companies += _possessors(team, refs) + _prep_objects(team, ("of", "at"), refs)
                companies += [(e, False) for c in team.children if c.dep_ == "compound" for e in [_company_at(c, refs)] if e]
        companies = [(e, v) for e, v in companies if e.label_ == COMPANY]
        if not companies:
            continue
        for person, pv in subjects_of(verb, refs):
            if person.label_ == PERSON:
                for company, cv in _unique(companies):
                    yield Candidate(person, "works_for", company, verb, "verb", _conf("verb", pv or cv))


def possessive_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from "OpenAI's GPT-4" / "Meta Llama 3"; part_of from "Google's DeepMind unit"."""
    part_nouns = _tables()["part_of_nouns"]
    for ent in doc.ents:
        root = ent.root
        if ent.label_ == MODEL:
            for owner, via in _possessors(root, refs):
                yield Candidate(owner, "develops", ent, root, "possessive", _conf("possessive", via))
            owner = _surface_possessor(ent, refs)
            if owner is not None:
                yield Candidate(owner, "develops", ent, root, "possessive", _conf("possessive", False))
            for child in root.children:
                if child.dep_ == "compound" and not (ent.start <= child.i < ent.end):
                    owner = refs.ent_containing(child)
                    if owner is not None:
                        yield Candidate(owner, "develops", ent, root, "compound", _conf("compound", False))
        if ent.label_ == COMPANY:
            # "Google's DeepMind unit", "Alphabet's Google"
            if _names_a_fund(ent):
                # "SoftBank Group Corp's Vision Fund 2": a fund is part of the company that owns it
                owner = _surface_possessor(ent, refs)
                if owner is not None:
                    yield Candidate(ent, "part_of", owner, root, "possessive", _conf("possessive", False))
                continue
            if not (root.dep_ == "compound" and lemma_word(root.head) in part_nouns):
                continue  # "Microsoft's Azure", "their Whims of Chambers": ownership of many kinds
            noun = root.head
            for owner, via in _possessors(noun, refs):
                if owner.label_ == COMPANY:
                    yield Candidate(ent, "part_of", owner, noun, "possessive", _conf("possessive", via))


#: Name words of a company's investment vehicle: "Vision Fund 2", "Salesforce Ventures".
FUND_NAME_WORDS = frozenset({"fund", "ventures"})


def _names_a_fund(ent: Span) -> bool:
    """Whether a company's name calls it a fund ("Vision Fund 2", "Qualcomm Ventures")."""
    return any(t.lower_ in FUND_NAME_WORDS for t in ent[1:])


def _surface_possessor(ent: Span, refs: EntityRefs) -> Span | None:
    """The company written as the possessor right before a name ("Anthropic's Claude", "Meta's new Llama 3"),
    whatever the parser made of the pair (it often reads a listed "X's" as a conjunct of the previous name)."""
    doc, j = ent.doc, ent.start - 1
    while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].lower_ not in ("'s", "\u2019s") and ent.start - j <= 2:
        j -= 1
    if j < 1 or doc[j].lower_ not in ("'s", "\u2019s", "'"):
        return None
    owner = refs.ent_containing(doc[j - 1])
    return owner if owner is not None and owner.label_ == COMPANY and owner.end == j else None


def verb_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Relations stated by a trigger verb, active or passive, with coordination and control."""
    tables = _tables()
    for verb in doc:
        if verb.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("NNS", "NNPS"):
            yield from _verb_noun_relations(verb, refs)
        if verb.pos_ not in ("VERB", "AUX") and not (verb.pos_ == "NOUN" and verb.dep_ in ("xcomp", "relcl", "acl")):
            continue
        lemma = lemma_word(verb)
        if lemma in tables["owner_verbs"] or _hyphenated_owner_verb(verb):
            yield from _ownership(verb, refs)
            continue
        if lemma in tables["comparison"] and any(
                c.lower_ in tables["comparison"][lemma] for c in verb.children
                if c.dep_ in ("advmod", "acomp", "prt", "prep", "dobj", "npadvmod")):
            # "comes close to GPT-4o", "ranks alongside Claude", "stacks up against Gemini"
            yield from _verb_frame(verb, "competes_with", False, refs, extra_heads=True)
            continue
        relations = tables["verbs"].get(lemma)
        if not relations:
            continue
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        if lemma in tables["particle_required"] and not particles & tables["particles"].get(lemma, frozenset()):
            continue
        if not (lemma in tables["particle_required"]) and particles - {"up", "out", "in"}:
            # "take over", "set up" are triggers only with their particle; "buy back", "pay off" are not triggers
            continue
        passive = _is_passive(verb)
        for relation in relations:
            yield from _verb_frame(verb, relation, passive, refs)
            if hyphen_start(verb) < verb.i:
                yield from _hyphenated_verb_frame(verb, relation, refs)


def _hyphenated_verb_frame(verb: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    """A trigger verb written with a hyphen ("co-founded", "co-led"), which the tokenizer splits into pieces.

    The parser hangs the verb's arguments on any piece and often reads the last piece as an
    adjective of the object ("Lee co-founded Zorblax" as "co" + "-" + "founded Zorblax"), so the
    arguments are gathered from all pieces: the subject is a name written right before the word
    (or a subject of a piece), the objects are objects of a piece or the name the last piece
    modifies; a person named with "with" shares the subject's role ("co-founded X with Y").
    """
    doc, parts = verb.doc, word_parts(verb)
    kids = word_children(verb)
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in kids):
        return  # passives keep their "by" phrase on the last piece, which the ordinary frame reads
    subjects = [e for c in kids if c.dep_ == "nsubj" for e in entities_of(c, refs)]
    first = parts[0].i
    if not subjects and first > 0 and refs.ent_containing(doc[first - 1]) is not None \
            and refs.ent_containing(doc[first - 1]).end == first:
        subjects = [(refs.ent_containing(doc[first - 1]), False)]
    objects = [e for c in kids if c.dep_ in ("dobj", "attr", "oprd") for e in entities_of(c, refs)]
    if verb.dep_ == "amod":
        objects += entities_of(verb.head, refs)
    objects = _unique(objects)
    partners = [e for e in _prep_objects_of(kids, ("with",), refs) if e[0].label_ == PERSON] if relation == "founded" else []
    for s, sv in _unique(subjects) + partners:
        for o, ov in objects:
            yield _oriented(s, relation, o, verb, "verb", _conf("verb", sv or ov))


def _names_right_after(verb: Token, refs: EntityRefs, max_tokens: int = 14) -> list[tuple[Span, bool]]:
    """The names a verb is followed by on the surface, when the parse lost its object.

    Number-heavy model names garble the small model's parse: in "a model that it says *outperforms*
    Meta's Llama 2 70B and xAI's Grok-1 on benchmarks" the parser hangs "70B" on the main verb, and
    "outperforms" keeps no object. The names written right after the verb, in a list ("X's A and
    Y's B", "A, B or C"), are its objects; the list ends at anything else (a preposition, a verb).
    A possessor's name ("Meta's") is not an object.
    """
    doc, out, j = verb.doc, [], verb.i + 1
    end = min(len(doc), verb.i + 1 + max_tokens)
    while j < end:
        ent = refs.ent_containing(doc[j])
        if ent is not None:
            if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
                j = ent.end + 1  # "Meta's": the owner of the next name
                continue
            if ent.label_ in (MODEL, COMPANY):
                out.append((ent, False))
            j = ent.end
            continue
        if doc[j].lower_ in (",", "and", "or", "both", "either"):
            j += 1
            continue
        break
    return out


def _object_gap(verb: Token) -> bool:
    """A relative clause whose subject is a name or noun, not the relative pronoun, and which has no object:
    its noun is the object ("a model *the two companies are developing*", "the chip *that Nvidia designed*")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ in ("that", "which", "who"):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.children)


def _prep_objects_of(kids: list[Token], preps: tuple[str, ...], refs: EntityRefs) -> list[tuple[Span, bool]]:
    return _unique([e for c in kids if c.dep_ == "prep" and c.lower_ in preps
                    for g in c.children if g.dep_ == "pobj" for e in entities_of(g, refs)])


def _ownership(verb: Token, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from "owned by X" ("Next47, the firm owned by Siemens"), "X owns Y", "X has owned Y" and "X-owned Y";
    invests_in from a share of a company: "X, which owns about 6% of Y's shares"."""
    # "Square Enix has owned Taito": a past participle with its own subject is a perfect tense, not a passive
    if _is_passive(verb) or (verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)):
        owners = _agents(verb, refs)
        owned = [e for c in verb.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
        if verb.dep_ in ("acl", "amod", "relcl") and not owned:
            owned = entities_of(verb.head, refs)
        if verb.dep_ == "amod" and not owners:
            owners = [(refs.ent_containing(c), False) for c in verb.children
                      if c.dep_ in ("npadvmod", "compound", "nmod") and refs.ent_containing(c) is not None]
            hyphen = verb.i - 2
            if not owners and hyphen >= 0 and verb.doc[verb.i - 1].text == "-" and refs.ent_containing(verb.doc[hyphen]):
                owners = [(refs.ent_containing(verb.doc[hyphen]), False)]  # "Siemens-owned Next47"
    else:
        owners = subjects_of(verb, refs)
        owned = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
        for investee, iv in (e for c in verb.children if c.dep_ == "dobj" for e in _stake_holding(c, refs)):
            for owner, ov in owners:
                yield Candidate(owner, "invests_in", investee, verb, "verb", _conf("verb", iv or ov))
    for child, cv in owned:
        for owner, ov in owners:
            yield Candidate(child, "part_of", owner, verb, "verb", _conf("verb", cv or ov))


def _hyphenated_owner_verb(verb: Token) -> bool:
    """ "Microsoft-owned GitHub": an owner verb joined to its owner's name by a hyphen (the word's lemma is "microsoft-own")."""
    return verb.tag_ == "VBN" and hyphen_start(verb) < verb.i and verb.lemma_.lower() in _tables()["owner_verbs"]


#: Nouns that measure a holding of shares: "owns about 6% of X", "owns 30 percent of X's shares".
SHARE_NOUNS = frozenset({"%", "percent", "share", "shares", "stake", "minority"})


def _stake_holding(amount: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The companies a share of which an owner verb's object measures: "6% of Marigold's shares", "a stake in X"."""
    if lemma_word(amount) not in SHARE_NOUNS and amount.lower_ not in SHARE_NOUNS or _majority_share(amount):
        return []
    out = []
    for ent, via in _prep_objects(amount, ("of", "in"), refs):
        out.append((ent, via))
    for prep in (c for c in amount.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and lemma_word(g) in SHARE_NOUNS):
            out += _possessors(pobj, refs) + _prep_objects(pobj, ("of", "in"), refs)
    return [(e, v) for e, v in _unique(out) if e.label_ == COMPANY]


def _majority_share(amount: Token) -> bool:
    """A share of 50% or more ("owns 51% of X"): control, not an investment."""
    for num in (c for c in amount.children if c.dep_ == "nummod"):
        try:
            if float(num.text.replace(",", "")) >= 50:
                return True
        except ValueError:
            continue
    return False


def _verb_frame(verb: Token, relation: str, passive: bool, refs: EntityRefs, extra_heads: bool = False) -> Iterator[Candidate]:
    preps = OBJECT_PREPS.get(relation, ())
    if lemma_word(verb) == "work" and relation == "partners_with":
        preps = ("with",)
    if passive:
        subjects = _agents(verb, refs)
        objects = []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                objects += entities_of(child, refs)
        if verb.dep_ in ("acl", "relcl") and not objects:
            objects = entities_of(verb.head, refs)
        if verb.dep_ == "advcl" and not objects:
            objects = subjects_of(verb.head, refs)  # "Founded in 2023 by X, Mistral has ..."
            if not objects and relation == "founded":
                # "Founded in 2021 by X and Y, the company is headquartered in ...": a passive main clause
                objects = [e for c in verb.head.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
                if any(v and verb.left_edge.i <= e.start <= verb.right_edge.i for e, v in objects):
                    # "by X, a former scientist at IBM, the company": "the company" is not a name of the phrase,
                    # but the company the passage is about
                    found = refs.salient_entity(verb.left_edge, (COMPANY,))
                    objects = [(found, True)] if found is not None else []
        rule = "verb_passive"
    else:
        subjects = subjects_of(verb, refs)
        objects = []
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos"):
                objects += entities_of(child, refs)
        if relation == "competes_with":
            subjects = _rival_pronoun_subjects(verb, subjects, objects + _prep_objects(verb, preps, refs), refs)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and relation not in SYMMETRIC_RELATIONS and not objects \
                and not _prep_objects(verb, preps, refs):
            # "a model developed ..." without an agent (but "Next47, ..., invested in Kestrel" is a past tense
            # the parser took for a reduced relative: it has its object)
            objects = entities_of(verb.head, refs)
            subjects = []
        if verb.dep_ == "relcl" and not objects and _object_gap(verb):
            # "Takane, a model the two companies are developing": the clause's missing object is its noun
            objects = entities_of(verb.head, refs)
        prep_objects = _prep_objects(verb, preps, refs)
        if relation == "invests_in":
            # "invest up to $2 billion in X": the parser hangs the "in" phrase on the amount
            prep_objects += [e for c in verb.children if c.dep_ == "dobj" and _states_money(c) for e in _prep_objects(c, preps, refs)]
        if relation == "competes_with":
            prep_objects += _rival_owners(verb, preps, refs) + _rivals_further_on(verb, refs)
        if relation == "competes_with" and not objects and not prep_objects:
            objects = _names_right_after(verb, refs)
        if extra_heads:
            # "comes close to X", "scored higher than X", "holds its own against X": the preposition hangs on the word
            prep_objects += [e for c in verb.children if c.dep_ in ("advmod", "acomp", "dobj")
                             for e in _prep_objects(c, preps + ("to", "than", "against"), refs)]
            prep_objects += _prep_objects(verb, ("alongside", "against", "to", "than", "behind"), refs)
            if lemma_word(verb) == "be":
                # "Tessera-70B is behind X", "ahead of X": a ranking only between models ("Microsoft is behind OpenAI"
                # backs it), and only of a model named there (a pronoun in a review may mean any model it mentions)
                subjects = [e for e in subjects if e[0].label_ == MODEL and not e[1]]
                objects = [e for e in objects if not e[1]]  # "it was the best model we tested": a description
        rule = "verb"
        if relation == "competes_with" and objects and prep_objects:
            # "OpenAI benchmarked GPT-4o against A", "pits X against Y": the object is the contender
            for o, ov in _unique(objects):
                for p, pv in prep_objects:
                    yield Candidate(o, relation, p, verb, rule, _conf(rule, ov or pv))
        objects += prep_objects
        if relation == "licenses_from":
            yield from _licensing(verb, subjects, objects, refs)
            return
        if relation in SYMMETRIC_RELATIONS and len(subjects) >= 2 and not objects:
            # "Microsoft and OpenAI partnered": conjoined subjects pair up
            for k, (a, av) in enumerate(subjects):
                for b, bv in subjects[k + 1:]:
                    yield Candidate(a, relation, b, verb, rule, _conf(rule, av or bv))
            return
    if relation == "founded" and not passive:
        # "A co-founded the lab with B, C and D": the partners founded it too
        for person, pv in _prep_objects(verb, ("with",), refs):
            if person.label_ == PERSON:
                for o, o_via in _unique(objects):
                    yield Candidate(person, relation, o, verb, rule, _conf(rule, pv or o_via))
    if relation == "works_for" and not passive:
        # "joined Apple's machine-learning group": a person who joins a part of a company works for it
        objects += [e for c in verb.children if c.dep_ == "dobj" for e in _part_owner(c, refs)]
    if relation == "founded" and not passive:
        # "who spent six years at Booking.com before starting the company": "the company" is not Booking.com
        former = _former_employers(verb, refs)
        objects = [(o, ov) for o, ov in objects if not (ov and _name_key(o) in former)]
    for s, s_via in subjects:
        for o, o_via in _unique(objects):
            yield _oriented(s, relation, o, verb, rule, _conf(rule, s_via or o_via))
        if relation == "leads" and not passive:
            # "X heads the digital business at Siemens", "X now runs Marigold's software division": X leads
            # a part of the company, so works for it
            for o, o_via in _prep_objects(verb, ("at",), refs) + [
                    e for c in verb.children if c.dep_ == "dobj" for e in _prep_objects(c, ("at",), refs) + _part_owner(c, refs)]:
                yield Candidate(s, "works_for", o, verb, rule, _conf(rule, s_via or o_via))


def _rival_owners(verb: Token, preps: tuple[str, ...], refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Companies whose products are the rivals: "competes ... with Google's own Pixel line", "with Nvidia's H100"."""
    out = []
    kids = list(verb.children)
    kids += [c for c in kids if c.dep_ == "conj" and c.pos_ == "ADP"]
    for prep in kids:
        if prep.dep_ not in ("prep", "conj") or prep.lower_ not in preps:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            named = entities_of(pobj, refs)
            if named and any(e.label_ in (COMPANY, MODEL) for e, _ in named):
                continue
            out += [(e, v) for e, v in _possessors(pobj, refs) if e.label_ == COMPANY]
    return _unique(out)


def _rivals_further_on(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Rivals in a "with" phrase the parser hung away from the verb.

    "competes for AI workloads with A and B": on the object or on the noun of a preposition
    between the verb and "with"; "competes with A, which added agents, and with B": a second
    "with" phrase coordinated inside the relative clause on the first rival.
    """
    out = []
    kids = [c for c in verb.children if c.dep_ == "dobj" and refs.entity_for(c) is None]
    kids += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "on", "over")
             for g in c.children if g.dep_ == "pobj" and refs.entity_for(g) is None]
    for noun in kids:
        out += _prep_objects(noun, ("with",), refs)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in pobj.children if c.dep_ == "relcl"):
                if any(c.dep_ == "cc" for c in clause.children):
                    out += _prep_objects_of([c for c in clause.children if c.i > clause.i], ("with",), refs)
    return _unique(out)


def _rival_pronoun_subjects(verb: Token, subjects, rivals, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "the company says *it* rivals GPT-4": a pronoun that rivals a model is the model under discussion.

    Rivalry holds between two things of one type, so when a neuter pronoun subject resolved to
    a company but every rival named is a model, the pronoun is re-read as the nearest model.
    """
    model_nouns = _tables()["model_nouns"]
    # "it rivals X", and "its open model beats X" (the owner's model, not the owner)
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and (
        c.lower_ in ("it", "they") or (lemma_word(c) in model_nouns and refs.entity_for(c) is None))), None)
    if pronoun is None or not rivals:
        return subjects
    labels = {e.label_ for e, _ in rivals}
    if len(labels) != 1 or all(e.label_ in labels for e, _ in subjects):
        return subjects
    found = refs.antecedent_of_type(pronoun, tuple(labels))
    return [(found, True)] if found is not None else subjects


def _licensing(verb: Token, subjects, objects, refs: EntityRefs) -> Iterator[Candidate]:
    """licenses_from: "X licensed Y's technology", "X licensed it from Y", "X paid Y to license its software",
    "Y licensed its models to X"."""
    licensors = _prep_objects(verb, ("from",), refs)
    licensees = []
    for child in verb.children:
        if child.dep_ == "dobj":
            licensors += _possessors(child, refs)
            if refs.entity_for(child) is None:
                licensors += _prep_objects(child, ("of",), refs)  # "license the technology of X"
    recipients = _prep_objects(verb, ("to",), refs)
    if recipients:  # "Y licensed its models to X": the subject is the licensor
        licensees, licensors = recipients, list(subjects)
    else:
        licensees = list(subjects)
        # "agreed to pay $650 million to Inflection to license its software": the payee licenses out
        if verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in ("pay", "give", "agree"):
            licensors = _prep_objects(verb.head, ("to",), refs) + licensors
    licensee_keys = {(e.start, e.end) for e, _ in licensees}
    licensors = [(e, v) for e, v in _unique(licensors) if (e.start, e.end) not in licensee_keys]
    for licensee, a in licensees:
        for licensor, b in licensors[:1]:
            yield Candidate(licensee, "licenses_from", licensor, verb, "verb", _conf("verb", a or b))


def _oriented(s: Span, relation: str, o: Span, trigger: Token, rule: str, conf: float) -> Candidate:
    """A candidate with the person first for person-company relations stated company-first ("Microsoft hired X")."""
    if relation in TWO_WAY and s.label_ == COMPANY and o.label_ == PERSON:
        s, o = o, s
    return Candidate(s, relation, o, trigger, rule, conf)


def noun_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Nominalisations ("its investment in OpenAI"), role nouns ("the maker of ChatGPT") and
    symmetric nouns between two parties ("the collaboration between Microsoft and OpenAI",
    "the Microsoft-OpenAI relationship")."""
    tables = _tables()
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or refs.ent_containing(noun) is not None:
            continue
        word = lemma_word(noun)
        if word in tables["between"]:
            yield from _between(noun, tables["between_relations"].get(word, "partners_with"), refs)
        if word in ROLE_NOUNS or word in tables["part_of_nouns"]:
            yield from _role_noun(noun, ROLE_NOUNS.get(word, "part_of"), refs)
            if word in ROLE_NOUNS:
                continue
        for relation in tables["nouns"].get(word, ()):
            yield from _nominal(noun, relation, refs)


def _between(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    parties = _prep_objects(noun, ("between", "among"), refs)
    rule = "between"
    if len(parties) < 2:
        # "the Microsoft-OpenAI relationship": two entities compounded on the noun
        parties = _unique([(refs.ent_containing(c), False) for c in noun.subtree
                           if c.i < noun.i and c.dep_ in ("compound", "nmod", "amod") and refs.ent_containing(c) is not None])
        rule = "hyphen_pair"
    for k, (a, av) in enumerate(parties):
        for b, bv in parties[k + 1:]:
            yield Candidate(a, relation, b, noun, rule, _conf(rule, av or bv))


def _noun_agents(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Who does what an event noun names: "its investment", "investment by X", "X announced a partnership"."""
    agents = _possessors(noun, refs) + _agents(noun, refs)
    for child in word_children(noun):
        if child.dep_ == "compound" and refs.ent_containing(child) is not None:
            agents.append((refs.ent_containing(child), False))
    if not agents and noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in SUPPORT_VERBS:
        agents = subjects_of(noun.head, refs)
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into") else noun
    for _ in range(2):
        # the "in" phrase may hang on the verb's object ("brings ChatGPT to Siri in partnership with X")
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb or verb.dep_ not in ("pobj", "prep", "dobj", "dative"):
            break
        verb = verb.head
    if not agents and verb is not noun and verb.pos_ in ("VERB", "AUX"):
        # "puts Siemens in closer competition with X", "Apple brings ChatGPT to Siri in partnership with OpenAI"
        agents = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs) if e[0].label_ == COMPANY]
        agents = agents or subjects_of(verb, refs)
    if not agents and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # "MAI-1 is a model under development by Microsoft": "by" may hang on the modified noun
        agents = _agents(noun.head.head, refs)
    return _unique(agents)


def _nominal(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    agents = _noun_agents(noun, refs)
    themes = _prep_objects(noun, NOUN_PREPS.get(relation, OBJECT_PREPS.get(relation, ())), refs)
    if not themes and relation == "invests_in" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        # "holds stakes in dozens of startups", "in which it holds a stake": the phrase may hang on the verb
        themes = _prep_objects(noun.head, OBJECT_PREPS["invests_in"], refs)
    if relation == "leads" and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # "under the leadership of X, Microsoft ..." : X works for the company whose action it is
        leaders = _prep_objects(noun, ("of",), refs) + _possessors(noun, refs)
        clause = noun.head.head
        for person, pv in leaders:
            for org, ov in subjects_of(clause, refs):
                yield Candidate(person, "works_for", org, noun, "noun", _conf("noun", pv or ov))
        return
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and not themes:
        # "X is under development": the theme is what the "under" phrase modifies
        themes = entities_of(noun.head.head, refs)
    if relation == "works_for" and not agents:
        # "who brings his experience at Google": the prepositions may hang on the verb
        themes = themes or _prep_objects(noun.head, ("at", "with"), refs)
        if noun.dep_ == "dobj":
            agents = subjects_of(noun.head, refs)
    if relation == "works_for" and not themes and noun.dep_ == "dobj":
        themes = _prep_objects(noun.head, ("at", "with"), refs)
    if relation == "licenses_from":
        themes = _prep_objects(noun, ("from", "with"), refs)
        # "took a licence to the startup's technology"
        preps = [c for c in word_children(noun) if c.dep_ == "prep" and c.lower_ in ("to", "for", "on")]
        if noun.dep_ == "dobj":
            preps += [c for c in noun.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
        themes += [e for c in preps for g in c.children if g.dep_ == "pobj" for e in _possessors(g, refs)]
    if relation in SYMMETRIC_RELATIONS and not themes and len(agents) >= 2:
        # "Cohere and Fujitsu announced a partnership"
        for k, (a, av) in enumerate(agents):
            for b, bv in agents[k + 1:]:
                yield Candidate(a, relation, b, noun, "noun", _conf("noun", av or bv))
        return
    for a, av in agents:
        for t, tv in themes:
            yield _oriented(a, relation, t, noun, "noun", _conf("noun", av or tv))


def _unowned_role_list(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    """ "a clause aimed at rivals such as Google and ByteDance", "available through partners including A and B".

    A plural role noun with no owner of its own ("its rivals", "rivals of X") that lists its
    members names the roles they hold towards the company the sentence is about: the subject
    of the sentence when it is a company, else the company the article is about.
    """
    if relation not in ("competes_with", "partners_with", "invests_in") or noun.tag_ not in ("NNS", "NNPS"):
        return
    kids = word_children(noun)
    if any(_is_possessive(c) or c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ in ("of", "to", "with", "for", "in"))
           for c in kids):
        return
    if not any(c.dep_ == "prep" and c.lower_ in ("including", "like", "such", "as") for c in kids):
        return
    members = [e for e in entities_of(noun, refs) if e[0].label_ == COMPANY]
    if not members:
        return
    root = noun.sent.root
    topic = [e for e in subjects_of(root, refs) if e[0].label_ == COMPANY] if root != noun else []
    if not topic:
        ent = refs.salient_entity(noun, (COMPANY,))
        topic = [(ent, True)] if ent is not None else []
    member_keys = {(e.start, e.end) for e, _ in members}
    for t, tv in topic:
        if (t.start, t.end) in member_keys:
            continue
        for m, mv in members:
            yield Candidate(m, relation, t, noun, "role_noun", _conf("role_noun", True))


def _role_noun(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    """ "OpenAI, the maker of ChatGPT", "Google's rival Microsoft", "DeepMind, a unit of Alphabet"."""
    yield from _unowned_role_list(noun, relation, refs)
    holders = []
    holder = refs.entity_for(noun)
    if holder is not None:
        holders = [(holder, refs.ent_containing(noun) is None)]
    elif noun.dep_ in ("attr",):
        holders = subjects_of(noun.head, refs)
    for child in noun.children:
        if child.dep_ == "appos" and refs.ent_containing(child) is not None:
            holders.append((refs.ent_containing(child), False))
            if noun.tag_ in ("NNS", "NNPS"):
                # "its subsidiaries PSA Airlines, Inc. and Piedmont Airlines, Inc.": each listed name
                holders += [(m, False) for m in surface_list(refs.ent_containing(child), refs)]
    if noun.tag_ in ("NNS", "NNPS"):
        # "Salesforce's largest competitors in CRM software, among them Microsoft, Oracle and SAP"
        holders += [(m, v) for e, v in _named_after(noun, refs) for m in [e] + surface_list(e, refs)]
    head_ent = refs.ent_containing(noun.head) if noun.dep_ == "appos" else None
    if head_ent is not None and head_ent.end + 1 == noun.left_edge.i and noun.doc[head_ent.end].text == ",":
        holders.append((head_ent, False))  # "Microsoft, OpenAI's largest investor"
    if noun.dep_ == "compound" and refs.ent_containing(noun.head) is not None:
        holders.append((refs.ent_containing(noun.head), False))  # "rival Microsoft"
    others = _possessors(noun, refs) + _prep_objects(noun, OBJECT_PREPS.get(relation, ("of",)) + ("of",), refs)
    if lemma_word(noun) in _tables()["parent_compound_nouns"]:
        # "the Amazon unit": the compounded company is the parent
        others += [(refs.ent_containing(c), False) for c in word_children(noun)
                   if c.dep_ == "compound" and refs.ent_containing(c) is not None]
    inverse = relation == "part_of_inverse"
    rel = "part_of" if inverse else relation
    if rel == "invests_in" and noun.dep_ == "attr" and holders and not others:
        yield from _unnamed_stake(noun, holders, refs)
    for h, hv in _unique(holders):
        for o, ov in _unique(others):
            if inverse:
                yield Candidate(o, rel, h, noun, "role_noun", _conf("role_noun", hv or ov))
            else:
                yield Candidate(h, rel, o, noun, "role_noun", _conf("role_noun", hv or ov))


def _investees(sent: Span, refs: EntityRefs, *, skip: Token | None = None) -> list[tuple[Span, bool]]:
    """Companies a sentence says money goes into: "invest up to $2bn in the company", "its investment
    in X", "X's only backer", "a shareholder in X" (whether or not the sentence denies the holder)."""
    tables, out = _tables(), []
    preps = OBJECT_PREPS["invests_in"]
    for tok in sent:
        if tok is skip or refs.ent_containing(tok) is not None:
            continue
        word = lemma_word(tok)
        if tok.pos_ in ("VERB", "AUX") and "invests_in" in tables["verbs"].get(word, ()):
            out += _prep_objects(tok, preps, refs)
            # "invest up to $2 billion in X": the parser hangs the "in" phrase on the amount
            out += [e for c in tok.children if c.dep_ == "dobj" and _states_money(c) for e in _prep_objects(c, preps, refs)]
        elif tok.pos_ == "NOUN" and ROLE_NOUNS.get(word) == "invests_in":
            out += _possessors(tok, refs) + _prep_objects(tok, preps + ("of",), refs)
        elif tok.pos_ == "NOUN" and "invests_in" in tables["nouns"].get(word, ()):
            out += _prep_objects(tok, preps, refs)
    return [(e, v) for e, v in _unique(out) if e.label_ == COMPANY]


def _unnamed_stake(noun: Token, holders, refs: EntityRefs) -> Iterator[Candidate]:
    """ "Google agreed to invest $2bn in the company, and X is also a shareholder": a predicate investor
    noun without "in Y" holds a stake in what the sentence (else the sentence before) puts money into,
    else in the company the passage is about (the salient company, named in this sentence or the one
    before; a lower confidence)."""
    holder_keys = {_name_key(h) for h, _ in holders}
    doc, sent = noun.doc, noun.sent
    targets, rule = [], "role_noun"
    for where in (sent, doc[sent.start - 1].sent if sent.start > 0 else None):
        if where is not None and not targets:
            targets = [(e, v or where is not sent) for e, v in _investees(where, refs, skip=noun)
                       if _name_key(e) not in holder_keys]
    if not targets:
        # (asked at the start of the clause: at the noun, the clause's own subject would be the answer)
        company = refs.salient_entity(noun.head.left_edge, (COMPANY,))
        if company is None or _name_key(company) in holder_keys or not _named_near(company, noun, refs):
            return
        targets, rule = [(company, True)], "salient_role"
    if len({_name_key(t) for t, _ in targets}) != 1:
        return  # money into several companies: which one the stake is in is not said
    for h, hv in _unique(holders):
        yield Candidate(h, "invests_in", targets[0][0], noun, rule, _conf(rule, hv or targets[0][1]))


def _named_near(company: Span, token: Token, refs: EntityRefs) -> bool:
    """Whether ``company`` is named, or referred to, in ``token``'s sentence or the sentence before it."""
    doc, sent = token.doc, token.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    key = _name_key(company)
    return any((e := refs.entity_for(t)) is not None and e.label_ == COMPANY and _name_key(e) == key
               for t in doc[start: sent.end] if t.i != token.i)


# -- funding rounds ------------------------------------------------------------------------------
def _is_round_noun(token: Token) -> bool:
    """ "round", "funding", "financing" heading their phrase ("a Series C round", not "funding" in
    "funding round"), or a lettered round's name ("raised a $48 million Series B led by Greylock")."""
    from .deals import is_series_name  # deals reads the same rounds; imported here to keep the module graph flat

    rounds = _tables()["funding"]["round_nouns"]
    if token.pos_ in ("NOUN", "PROPN") and is_series_name(token) and not any(
            lemma_word(c) in rounds for c in token.children if c.dep_ == "compound"):
        return True
    return token.pos_ in ("NOUN", "PROPN") and lemma_word(token) in rounds and not (
        token.dep_ == "compound" and lemma_word(token.head) in rounds)


def _states_money(token: Token) -> bool:
    """A money or share phrase: "$500 million", "US$5bn", "€600 million in equity", "fresh capital"."""
    sub = list(token.subtree)
    return any(t.tag_ == "$" or t.text in ("$", "€", "£", "¥") or t.lower_ in ("capital", "money", "cash", "funds")
               for t in sub) or (token.like_num and any(t.lower_ in ("million", "billion", "m", "bn") for t in sub))


def _round_frame(round_: Token, refs: EntityRefs) -> tuple[list, list, Token]:
    """``(raisers, investors, verb)`` of a funding-round noun.

    Raisers: the round's owner ("Cohere's Series C"), the subject of a raising verb the round
    hangs on ("raised $500m in a round", "closed a round"), the company a round is "in"
    ("led the $100m round in Acme"). Investors: "led by X", "that included X", "with
    participation from X", "from investors including X", and the subject of a verb that leads or
    joins the round ("X led the round", "X participated in the round").
    """
    funding = _tables()["funding"]
    raisers = [e for e in _possessors(round_, refs) if e[0].label_ == COMPANY]
    raisers += _prep_objects(round_, ("in", "into", "for"), refs)
    investors: list[tuple[Span, bool]] = []
    verb = round_.head
    if round_.dep_ == "pobj" and round_.head.dep_ == "prep":
        verb = round_.head.head
    if verb.pos_ in ("VERB", "AUX") and verb is not round_:
        lemma = lemma_word(verb)
        if lemma in funding["raise_verbs"] and not _is_passive(verb):
            raisers = raisers or subjects_of(verb, refs)
        elif lemma in funding["investor_verbs"] or (lemma == "take" and round_.head.lower_ == "in"):
            investors += subjects_of(verb, refs)
        investors += _participants(verb, refs)
    investors += _participants(round_, refs)
    return _unique(raisers), _unique(investors), verb


def _participants(head: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Investors hung on a round or a raising verb: "led by X", "that included X", "with participation from X"."""
    funding = _tables()["funding"]
    out: list[tuple[Span, bool]] = []
    for child in word_children(head):
        lemma = lemma_word(child)
        if child.dep_ in ("acl", "relcl") and lemma in funding["round_investor_verbs"]:
            if _is_passive(child) or child.tag_ == "VBN":
                leaders = _agents(child, refs)
                out += leaders
                # "led by Inovia Capital that included Nvidia": the relative clause may hang on the leader
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for pobj in agent.children:
                        for rel in pobj.subtree:
                            if rel.dep_ in ("relcl", "acl") and lemma_word(rel) in funding["round_investor_verbs"]:
                                out += [e for c in rel.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
            else:
                out += [e for c in child.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
        elif child.dep_ == "prep" and child.lower_ in ("including", "from"):
            out += [e for c in child.children if c.dep_ == "pobj" for e in entities_of(c, refs)]
        elif child.dep_ == "prep" and child.lower_ == "with":
            # "with participation from A, B and C"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if lemma_word(pobj) in funding["participation_nouns"]:
                    out += _prep_objects(pobj, ("from", "by", "of"), refs)
    return out


def _raise_events(doc: Doc, refs: EntityRefs) -> list[tuple[int, Span, Token]]:
    """``(sentence start, raiser, trigger)`` of every stated fundraise, in text order."""
    funding = _tables()["funding"]
    events = []
    for token in doc:
        if _is_round_noun(token):
            raisers, _, _ = _round_frame(token, refs)
            events += [(token.sent.start, e, token) for e, _ in raisers]
        elif token.pos_ == "VERB" and lemma_word(token) == "raise" and not _is_passive(token) and any(
                c.dep_ == "dobj" and _states_money(c) for c in token.children):
            events += [(token.sent.start, e, token) for e, _ in subjects_of(token, refs) if e.label_ == COMPANY]
    return events


def _recent_raiser(token: Token, events) -> tuple[Span, bool] | None:
    """The company that raised money in this sentence (before ``token``) or the one before it."""
    sent = token.sent
    prev_start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = [(start, e, trig) for start, e, trig in events
             if (start == sent.start and trig.i < token.i) or start == prev_start != sent.start]
    if not found:
        return None
    start, ent, _ = found[-1]
    return ent, start != sent.start


def funding_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """invests_in from funding rounds and their participants.

    "Cohere raised $500m in a round led by PSP Investments, with participation from Cisco and
    Fujitsu", "a Series B from investors including A and B", "X led the $100m round in Acme",
    and participants stated after the raise: "Cisco and Fujitsu also took part", "Existing
    backers A and B also invested".
    """
    funding = _tables()["funding"]
    events = _raise_events(doc, refs)
    for token in doc:
        if _is_round_noun(token):
            raisers, investors, verb = _round_frame(token, refs)
            if not raisers and investors:
                recent = _recent_raiser(token, events)
                raisers = [recent] if recent else []
            for inv, iv in investors:
                for raiser, rv in raisers:
                    yield Candidate(inv, "invests_in", raiser, token, "round", _conf("round", iv or rv))
        elif token.pos_ == "VERB" and lemma_word(token) == "raise" and not _is_passive(token) and any(
                c.dep_ == "dobj" and _states_money(c) for c in token.children):
            # "raised $6bn from A and B" without a round noun
            investors = _participants(token, refs)
            for raiser, rv in subjects_of(token, refs):
                for inv, iv in investors:
                    yield Candidate(inv, "invests_in", raiser, token, "round", _conf("round", iv or rv))
        elif token.pos_ == "VERB" and _joins_unnamed_round(token, funding):
            recent = _recent_raiser(token, events)
            if recent is None:
                continue
            raiser, rv = recent
            for inv, iv in _unique(subjects_of(token, refs) + _participant_subjects(token, refs)):
                yield Candidate(inv, "invests_in", raiser, token, "round", _conf("round", True))


def _participant_subjects(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Companies named as the subject of a participation verb through an apposition or an
    elliptical clause: "Existing investors *A and B* participated, as did new backer *C*"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for clause in verb.children:
        if clause.dep_ == "advcl" and lemma_word(clause) == "do" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            subjects += [c for c in clause.children if c.dep_ == "nsubj"]
    out: list[tuple[Span, bool]] = []
    for subject in subjects:
        for member in [subject] + [c for c in subject.children if c.dep_ == "appos"]:
            out += [e for e in entities_of(member, refs) if e[0].label_ == COMPANY]
    return out


def _joins_unnamed_round(verb: Token, funding) -> bool:
    """ "also took part", "participated", "also invested" with nothing named to invest in."""
    lemma = lemma_word(verb)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prep", "agent")]
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" and not any(g.dep_ == "prep" for g in c.children)
                   for c in verb.children) and not any(c.dep_ == "prep" for c in verb.children)
    if lemma not in funding["participation_verbs"] or lemma == "join":
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("in", "into") for c in objects) and not any(
        c.dep_ == "dobj" for c in objects)


# -- memberships and descriptions ------------------------------------------------------------------
def membership_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Role nouns that a verb assigns to its object or subject.

    "Databricks counts Nvidia among its investors", "Musk positioned xAI as a rival to OpenAI",
    "Anthropic's backers include Google and Salesforce Ventures".
    """
    funding = _tables()["funding"]
    for noun in doc:
        word = lemma_word(noun)
        relation = ROLE_NOUNS.get(word) or ROLE_NOUNS.get(word.rstrip("s"))
        if relation is None or noun.pos_ not in ("NOUN", "PROPN") or refs.ent_containing(noun) is not None:
            continue
        verb, holders = noun.head, []
        if noun.dep_ == "pobj" and noun.head.lower_ in funding["membership_preps"]:
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                holders = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
        elif noun.dep_ == "nsubj" and lemma_word(verb) in ("include", "comprise", "be"):
            holders = [e for c in verb.children if c.dep_ in ("dobj", "attr") for e in entities_of(c, refs)]
        if not holders:
            continue
        others = _possessors(noun, refs) + _prep_objects(noun, OBJECT_PREPS.get(relation, ("of",)) + ("of",), refs)
        rel = "part_of" if relation == "part_of_inverse" else relation
        for h, hv in _unique(holders):
            for o, ov in _unique(others):
                a, b = (o, h) if relation == "part_of_inverse" else (h, o)
                yield Candidate(a, rel, b, noun, "role_noun", _conf("role_noun", hv or ov))


def _models_described(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Model entities a description noun names: "its flagship, Command R+", "its models include A and B",
    "its main product is X", "Gemini 1.5 Pro, its long-context model", "its models such as A"."""
    out = list(entities_of(noun, refs)) if refs.ent_containing(noun) is None and not refs.entity_for(noun) else []
    ent = refs.entity_for_noun(noun)
    if ent is not None:
        out.append((ent, False))
    for child in word_children(noun):
        if child.dep_ == "appos":
            out += entities_of(child, refs)
    head = noun.head
    if noun.dep_ == "nsubj" and lemma_word(head) in ("be", "include", "comprise", "feature"):
        out += [e for c in head.children if c.dep_ in ("attr", "dobj") for e in entities_of(c, refs)]
        # "its newest models include Gemini 1.5 Pro and Gemma 2", whatever the parser made of the list
        first = refs.ent_containing(noun.doc[head.i + 1]) if head.i + 1 < len(noun.doc) else None
        if first is not None and first.start == head.i + 1:
            out += [(first, False)] + [(m, False) for m in surface_list(first, refs)]
    return [(e, v) for e, v in _unique(out) if e.label_ == MODEL]


def model_description_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from an owned description of a model, and from "a model from X"."""
    model_nouns = _tables()["model_nouns"]
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or refs.ent_containing(noun) is not None:
            continue
        if description_word(noun, model_nouns) is None and lemma_word(noun) not in model_nouns:
            continue
        owners = [e for e in _possessors(noun, refs) if e[0].label_ == COMPANY]
        owners += [e for e in _prep_objects(noun, ("from", "by"), refs) if e[0].label_ == COMPANY]
        if not owners:
            continue
        for model, mv in _models_described(noun, refs):
            for owner, ov in owners:
                yield Candidate(owner, "develops", model, noun, "possessive", _conf("possessive", mv or ov))
    for ent in doc.ents:
        if ent.label_ != MODEL:
            continue
        # "FLUX.1 from Black Forest Labs", "Llama, from Meta"
        for owner, ov in _prep_objects(ent.root, ("from",), refs):
            if owner.label_ == COMPANY:
                yield Candidate(owner, "develops", ent, ent.root, "noun", _conf("noun", ov))


# -- fallbacks: one end left to the topic of the passage ---------------------------------------------
def _name_key(ent: Span) -> str:
    """A company's or model's name for comparing mentions: canonical form, lower case, without "AI", "Inc."."""
    words = (ent._.canonical or ent.text).lower().split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def _agentless_release_verb(model: Span) -> Token | None:
    """The release verb of a model introduced as its clause's subject with no "by" phrase.

    "X, released in June, has 13 billion parameters", "X was released on Tuesday", "X has
    13 billion parameters and was trained on court filings". A model in any other role ("beats
    Llama 3, released in April") is not the passage's own subject and is left alone.
    """
    root = model.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verbs = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if root.dep_ == "nsubjpass":
        verbs.append(root.head)
    # "X has 13B parameters and was trained on ...": a passive conjunct shares the subject
    verbs += [c for c in root.head.children if c.dep_ == "conj" and c.pos_ == "VERB" and _is_passive(c)
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    release_verbs = _tables()["release_verbs"]
    for verb in verbs:
        if lemma_word(verb) not in release_verbs:
            continue
        if any(c.dep_ in ("agent", "prep") and c.lower_ == "by" for c in word_children(verb)):
            return None  # "released by X": the agent is stated, and the verb rules read it
        return verb
    return None


def _passage_company(model: Span, refs: EntityRefs) -> Span | None:
    """The company a passage introducing ``model`` is about: the salient company, named (or referred to
    by a pronoun) earlier in the model's sentence or in the sentence before it."""
    company = refs.salient_entity(model.root, (COMPANY,))
    if company is None:
        return None
    doc, sent = model.doc, model.root.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    key = _name_key(company)
    window = (refs.entity_for(t) for t in doc[start: model.start])
    return company if any(e is not None and e.label_ == COMPANY and _name_key(e) == key for e in window) else None


def _known_developer_differs(company: Span, model: Span) -> bool:
    """Whether the gazetteer knows another developer for the model ("Llama 2" is Meta's), so that an
    inferred developer never contradicts what is known."""
    gazetteer = gazetteer_of(model.doc)
    known = gazetteer.developer_of(model._.canonical or model.text) if gazetteer is not None else None
    return known is not None and known.lower() != (company._.canonical or company.text).lower()


def _names_another_company(model: Span, company: Span) -> bool:
    """Whether the model's name contains the name of a company of the Doc other than ``company`` ("Meta Llama 3")."""
    words = set(model.text.lower().split())
    own = _name_key(company)
    return any(e.label_ == COMPANY and _name_key(e) != own and e.text.lower().split()[0] in words for e in model.doc.ents)


def unattributed_release_relations(doc: Doc, refs: EntityRefs, developed: frozenset[str]) -> Iterator[Candidate]:
    """develops from a model introduced with an agentless release verb in a passage about a company.

    "Nvidia ... also publishes its own models. Nemotron-4 340B, released in June, has 340 billion
    parameters": the company the passage is about (see :func:`_passage_company`) released the
    model. This is an inference, not a statement, so the confidence is lower than a verb's, and
    it is never drawn for a model whose developer the Doc states (``developed``: name keys), whose
    name contains another company's name, or that has a possessor of its own.
    """
    for model in doc.ents:
        if model.label_ != MODEL or _name_key(model) in developed:
            continue
        verb = _agentless_release_verb(model)
        if verb is None or _possessors(model.root, refs) or _surface_possessor(model, refs) is not None:
            continue
        company = _passage_company(model, refs)
        if company is None or _names_another_company(model, company) or _known_developer_differs(company, model):
            continue
        yield Candidate(company, "develops", model, verb, "salient_release", _conf("salient_release", True))


def _named_after_company(model: Span, company: Span) -> bool:
    """Whether a model's name starts with a company's name, or its short form without "AI", "Inc.":
    "Mistral Large" after "Mistral AI", "Inflection-2" after "Inflection AI".

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Mistral AI Mistral Large Mixtral")
    >>> company = Span(doc, 0, 2, label="COMPANY")
    >>> _named_after_company(Span(doc, 2, 4, label="MODEL"), company), _named_after_company(Span(doc, 4, 5, label="MODEL"), company)
    (True, False)
    """
    short = _name_key(company).split()
    words = model.text.lower().split()
    if len(words) > len(short) and words[: len(short)] == short:
        return True
    # "Inflection-2": the name and a version number joined by a hyphen
    first, _, rest = words[0].partition("-")
    return len(short) == 1 and len(words) >= 1 and first == short[0] and rest[:1].isdigit()


def _first_plain_mention(mentions: list[Span]) -> Span:
    """The first mention not under a negation or hedge, else the first."""
    return next((m for m in mentions if not is_negated(m.root) and not is_hedged(m.root)), mentions[0])


def company_named_model_relations(doc: Doc, refs: EntityRefs, developed: frozenset[str]) -> Iterator[Candidate]:
    """develops from a model named after a company of the same Doc: "Mistral AI ... Mistral Large 2".

    A name is not a statement, so the confidence is low, the evidence is the sentence of the
    model's first mention, and it is never drawn for a model whose developer the Doc states
    (``developed``: name keys) or whose name starts with the names of two companies.
    """
    companies: dict[str, list[Span]] = {}
    models: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ == COMPANY:
            companies.setdefault(_name_key(ent), []).append(ent)
        elif ent.label_ == MODEL:
            models.setdefault(_name_key(ent), []).append(ent)
    for key, mentions in models.items():
        if key in developed:
            continue
        owners = [spans for spans in companies.values() if _named_after_company(mentions[0], spans[0])]
        if len(owners) != 1:
            continue
        model = _first_plain_mention(mentions)
        if _known_developer_differs(owners[0][0], model):
            continue
        yield Candidate(owners[0][0], "develops", model, model.root, "named_after", BASE_CONFIDENCE["named_after"])


def announced_model_relations(doc: Doc, refs: EntityRefs, developed: frozenset[str]) -> Iterator[Candidate]:
    """develops from a model that a company's own statement introduces.

    "the company says Codestral, a 22B model for programming, has been downloaded ...", "Craig
    Federighi, Apple's senior vice president, said an on-device model known as AFM-on-device would
    handle ...": a company (or one of its people) presenting a model no one has been named for, with an
    indefinite description, is presenting its own. An inference, so never drawn for a model whose
    developer the Doc states (``developed``) or the gazetteer knows to be another company, or whose
    name contains another company's name.
    """
    for model in doc.ents:
        if model.label_ != MODEL or _name_key(model) in developed:
            continue
        anchor = _introducing_description(model)
        verb = _reporting_verb(anchor) if anchor is not None else None
        if verb is None:
            continue
        for company, via in _speaker_companies(verb, refs):
            if not (_names_another_company(model, company) or _known_developer_differs(company, model)):
                yield Candidate(company, "develops", model, verb, "announced", _conf("announced", via))


def _introducing_description(model: Span) -> Token | None:
    """The token that places a model introduced by an indefinite description in its clause:
    the name in "Codestral, a 22B model", the noun in "a model known as X" / "a model called X"."""
    root, tables = model.root, _tables()

    def indefinite_model_noun(token: Token) -> bool:
        return lemma_word(token) in tables["model_nouns"] and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)

    if any(c.dep_ == "appos" and indefinite_model_noun(c) for c in root.children):
        return root
    naming = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if (naming is not root and lemma_word(naming) in tables["naming_verbs"] and naming.dep_ == "acl"
            and indefinite_model_noun(naming.head)):
        return naming.head
    return None


def _reporting_verb(token: Token, steps: int = 6) -> Token | None:
    """The reporting verb ("say", "announce") whose complement clause holds ``token``."""
    for _ in range(steps):
        if token.dep_ == "ccomp" and lemma_word(token.head) in _tables()["reporting_verbs"]:
            return token.head
        if token.head == token or token.dep_ in ("relcl", "advcl"):
            return None
        token = token.head
    return None


def _speaker_companies(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The companies speaking through a reporting verb: its subject ("the company says"), or the company a
    speaking person is titled for ("Craig Federighi, Apple's senior vice president, said")."""
    out = []
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        for ent, via in entities_of(subj, refs):
            if ent.label_ == COMPANY:
                out.append((ent, via))
            elif ent.label_ == PERSON:
                for title in (c for c in ent.root.children if c.dep_ == "appos"):
                    out += [e for e in _possessors(title, refs) + _prep_objects(title, ("of", "at"), refs)
                            if e[0].label_ == COMPANY]
    return _unique(out)


def named_part_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of between a company and the company its name starts with: "Google Brain" is part of Google,
    "Amazon Web Services" of Amazon, "Microsoft AI" of Microsoft.

    The parent is a company of the Doc's gazetteer (see :func:`~extract.gazetteer.gazetteer_of`),
    written as the gazetteer writes it, and the sentence must speak of units
    ("Google Brain, the search company's research unit", "its cloud division"): only then does a reader
    take the name as a statement. The rule yields a span inside the unit's name, which becomes a
    mention of the parent. Words that only complete a
    name ("Inflection AI" is Inflection) make no unit, unless the gazetteer knows both names as two
    companies ("Microsoft AI").

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Gomez interned at Google Brain and at Inflection AI , each a research unit .")
    >>> for token in doc:
    ...     token.is_sent_start = token.i == 0
    >>> doc.ents = [Span(doc, 3, 5, "COMPANY"), Span(doc, 7, 9, "COMPANY")]
    >>> from extract.gazetteer import Gazetteer, GazetteerEntry
    >>> known = Gazetteer((GazetteerEntry("Google", "company", "Google"), GazetteerEntry("Inflection", "company", "Inflection AI")),
    ...                   fingerprint="doctest")
    >>> doc.user_data["newsgraph_gazetteer"] = known.fingerprint
    >>> [(c.source.text, c.relation, c.target.text) for c in named_part_relations(doc, None)]
    [('Google Brain', 'part_of', 'Google')]
    """
    gazetteer = gazetteer_of(doc)
    known = gazetteer.company_names if gazetteer is not None else {}
    part_nouns = _tables()["part_of_nouns"]
    for ent in doc.ents:
        if ent.label_ != COMPANY or len(ent) < 2:
            continue
        # a reader takes the name as a statement only where the article names the parent as well, or the
        # sentence speaks of units ("Google Brain, the search company's research unit")
        unit_words = any(lemma_word(t) in part_nouns for t in ent.sent if not ent.start <= t.i < ent.end)
        own = ent._.canonical or known.get(ent.text) or ent.text
        for size in range(len(ent) - 1, 0, -1):
            head = ent[:size]
            parent = known.get(head.text)
            if parent is None or parent == own or head[-1].is_punct or not unit_words:
                continue
            if not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in ent[size:]):
                break  # the name runs on into other words ("Inflection AI and")
            rest = {t.lower_ for t in ent[size:]}
            if rest <= NAME_SUFFIXES and ent.text not in known:
                break  # "Quillstone Labs" is Quillstone itself
            span = Span(doc, head.start, head.end, label=COMPANY)
            span._.canonical = parent
            span._.entity_source = "named_part"
            yield Candidate(ent, "part_of", span, ent.root, "named_part", _conf("named_part", False))
            break


def part_phrase_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from "X became part of Y", "X is now part of Y": "part" as the attribute of a copula, with "of"."""
    for noun in doc:
        if noun.lower_ != "part" or noun.dep_ != "attr" or lemma_word(noun.head) not in ("be", "become", "remain"):
            continue
        parents = [e for e in _prep_objects(noun, ("of",), refs) if e[0].label_ == COMPANY]
        for child, cv in subjects_of(noun.head, refs):
            for parent, pv in parents:
                yield Candidate(child, "part_of", parent, noun, "role_noun", _conf("role_noun", cv or pv))


#: Words that set two names against each other in a title: "Tessera-70B vs Llama 3.1 70B vs Qwen2-72B-Instruct".
VERSUS_WORDS = frozenset({"vs", "vs.", "versus", "v."})


def versus_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """competes_with between names of one type written with "vs" between them, read off the surface
    (the parser makes little of a headline): "A vs B vs C" (see :func:`_versus_pairs`)."""
    ents = list(doc.ents)
    run: list[Span] = []
    for k, ent in enumerate(ents):
        prev = ents[k - 1] if k else None
        gap = doc[prev.end: ent.start] if prev is not None else None
        if prev is not None and len(gap) == 1 and gap[0].lower_ in VERSUS_WORDS and prev.label_ == ent.label_ \
                and ent.label_ in (COMPANY, MODEL):
            run = (run or [prev]) + [ent]
            continue
        yield from _versus_pairs(run)
        run = []
    yield from _versus_pairs(run)


def _versus_pairs(run: list[Span]) -> Iterator[Candidate]:
    """The first name against each of the others: "A vs B vs C" sets A, the title's subject, against B and C."""
    for b in run[1:]:
        yield Candidate(run[0], "competes_with", b, run[0].root, "between", _conf("between", False))


RULES = (title_relations, possessive_relations, verb_relations, noun_relations, funding_relations,
         membership_relations, model_description_relations, affiliation_relations, surface_title_relations,
         named_part_relations, prenominal_title_relations, trailing_company_title_relations,
         described_agent_role_relations, object_gap_role_relations, tenure_relations,
         part_phrase_relations, versus_relations)
#: Rules that infer an edge only when no other rule states one; they get the name keys of the models with a stated developer.
FALLBACK_RULES = (unattributed_release_relations, company_named_model_relations, announced_model_relations)


# -- central checks ------------------------------------------------------------------------------
def _conf(rule: str, via_coref: bool) -> float:
    return BASE_CONFIDENCE[rule] - (COREF_PENALTY if via_coref else 0.0)


def _clause_chain(token: Token, steps: int = 4) -> list[Token]:
    """The trigger and the heads above it within its clause ("is not about to cut ties")."""
    chain = [token]
    while len(chain) <= steps and chain[-1].head != chain[-1] and chain[-1].dep_ not in ("relcl", "advcl", "ccomp", "ROOT", "conj"):
        chain.append(chain[-1].head)
    if chain[-1].dep_ in ("ROOT",) or chain[-1].head == chain[-1]:
        return chain
    return chain


def is_negated(trigger: Token) -> bool:
    """A trigger under a negation ("did not invest", "never partnered") or a cancelling verb ("cut ties")."""
    negations = _tables()["negations"]
    for tok in _clause_chain(trigger):
        if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in ("never", "no", "neither"))
               for c in tok.children):
            return True
        if tok is not trigger and tok.lemma_.lower() in negations:
            return True
    return False


def is_hedged(trigger: Token) -> bool:
    """A trigger under a modal or report verb ("could rival", "reportedly working", "is expected to")."""
    hedges = _tables()["hedges"]
    for tok in _clause_chain(trigger):
        if tok is not trigger and tok.lemma_.lower() in hedges:
            return True
        if any(c.dep_ in ("aux", "advmod", "auxpass") and (c.lower_ in hedges or c.lemma_.lower() in hedges)
               for c in tok.children):
            return True
    return False


def crosses_line_break(a: Token | Span, b: Token | Span) -> bool:
    """Whether a blank line, or a line break before a capitalised line, lies between two parts of a Doc.

    Headings and bullet lines often run into the next line without punctuation; a parse arc
    across such a break joins unrelated statements ("... compete with OpenAI\\n\\nMAI-1: ...").
    """
    doc = a.doc
    lo = min(a.start if isinstance(a, Span) else a.i, b.start if isinstance(b, Span) else b.i)
    hi = max(a.end if isinstance(a, Span) else a.i + 1, b.end if isinstance(b, Span) else b.i + 1)
    for tok in doc[lo:hi]:
        if "\n" not in tok.text_with_ws:
            continue
        if "\n\n" in tok.text_with_ws or (tok.is_space and tok.text.count("\n") > 1):
            return True
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        while nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]
        prev = tok if not tok.is_space else (doc[tok.i - 1] if tok.i > 0 else tok)
        if nxt is not None and nxt.i < hi and (nxt.text[:1].isupper() or not nxt.text[:1].isalnum()) \
                and prev.text not in (",", "(", "-", "\u2013", "and", "or", "of", "the"):
            return True
    return False


def _same_entity(a: Span, b: Span) -> bool:
    if (a.start, a.end) == (b.start, b.end) or a.text.lower() == b.text.lower():
        return True
    if a.label_ != b.label_:
        return False  # "Mistral" and "Mistral 7B": a company and its model
    short, long_ = sorted((a.text.lower().split(), b.text.lower().split()), key=len)
    if long_[: len(short)] == short:  # "Inflection" and "Inflection AI"
        return True
    ca, cb = a._.canonical, b._.canonical
    return bool(ca and cb and ca == cb) or (ca or a.text).lower() == (cb or b.text).lower()


#: Words that only complete a company's name: "Inflection AI" is "Inflection", "Salesforce Ventures" is not "Salesforce".
NAME_SUFFIXES = frozenset({"ai", "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "co", "co.", "plc", "llc",
                           "group", "platforms", "technologies", "holdings", "company", "labs", "systems", "se", "ag", "sa"})


def _is_named_part(c: Candidate) -> bool:
    """part_of between a company and the parent its name starts with ("Google DeepMind", "Amazon Web Services")."""
    if c.relation != "part_of":
        return False
    child, parent = c.source.text.lower().split(), c.target.text.lower().split()
    return len(child) > len(parent) and child[: len(parent)] == parent and not set(child[len(parent):]) <= NAME_SUFFIXES


def _types_fit(c: Candidate) -> bool:
    sources, targets = RELATION_TYPES[c.relation]
    if c.source.label_ not in sources or c.target.label_ not in targets:
        return False
    return c.relation != "competes_with" or c.source.label_ == c.target.label_


def find_relations(doc: Doc, article_id: str, refs: EntityRefs | None = None) -> Iterator[Relation]:
    """Typed relations between the entities of a parsed Doc, one per (source, relation, target, sentence).

    Parameters
    ----------
    doc : Doc
        Parsed (tagger, parser, lemmatizer); ``doc.ents`` are our typed entities.
    article_id : str
        Id of the article, stored in the mentions and the evidence.
    refs : EntityRefs, optional
        The Doc's coreference table, when the caller has built it already.

    Yields
    ------
    Relation
        With the trigger's sentence as evidence, a confidence in 0..1 and the rule's name.
    """
    refs = refs if refs is not None else entity_refs(doc)
    best: dict[tuple, Candidate] = {}
    order: list[tuple] = []

    def admit(c: Candidate, rule_name: str) -> None:
        # named_part_relations has told a unit from its parent already ("Microsoft AI", "Microsoft")
        same = c.rule != "named_part" and _same_entity(c.source, c.target) and not _is_named_part(c)
        if not _types_fit(c) or same or is_negated(c.trigger):
            return
        if any(crosses_line_break(c.trigger, end) for end in (c.source, c.target)
               if end.sent.start == c.trigger.sent.start):
            return
        conf = c.confidence - (HEDGE_PENALTY if is_hedged(c.trigger) else 0.0)
        c = Candidate(c.source, c.relation, c.target, c.trigger, f"{rule_name}:{c.rule}", round(max(conf, 0.05), 2))
        sent = c.trigger.sent
        ends = (c.source.start, c.source.end, c.target.start, c.target.end)
        if c.relation in SYMMETRIC_RELATIONS:
            ends = tuple(sorted([ends[:2], ends[2:]])[0] + sorted([ends[:2], ends[2:]])[1])
        key = (ends, c.relation, sent.start)
        if key not in best:
            order.append(key)
            best[key] = c
        elif c.confidence > best[key].confidence:
            best[key] = c

    for rule in RULES:
        for c in rule(doc, refs):
            admit(c, rule.__name__)
    developed = frozenset(_name_key(c.target) for c in best.values() if c.relation == "develops")
    for rule in FALLBACK_RULES:
        for c in rule(doc, refs, developed):
            admit(c, rule.__name__)
    for key in order:
        c = best[key]
        sent = c.trigger.sent
        yield Relation(
            source=mention_from_span(c.source, article_id),
            relation=c.relation,
            target=mention_from_span(c.target, article_id),
            evidence=Evidence(article_id, sent.text, sent.start_char, sent.end_char),
            confidence=c.confidence,
            rule=c.rule,
        )
