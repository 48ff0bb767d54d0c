"""What every relation rule family shares: the trigger tables, the Candidate record, and the readings of
a parse that find a verb's subjects, a noun's possessors and objects, the entities of a noun phrase
(through coordination, appositions, containers such as "the likes of" and coreference), and the
confidence of a rule (its registered confidence, less a penalty for coreference).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs, speaker_company  # noqa: F401  (speaker_company re-exported for the fallbacks)
from ..lexicon import load_triggers, words
from ..modality import is_hedged, is_negated  # noqa: F401  (re-exported for the rule modules)
from ..rules import confidence as rule_confidence
from ..schema import fits
from ..tokens import lemma_word, word_children

COMPANY, PERSON, MODEL = "COMPANY", "PERSON", "MODEL"
#: Who a person can work for, lead or found (the schema's targets of works_for, leads, founded).
EMPLOYERS = (COMPANY, "ORGANIZATION", "PUBLICATION")



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
    "alternative": "competes_with", "answer": "competes_with",  # "Gemini, Google's answer to ChatGPT"
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


def rule_candidates(rule, doc: Doc, refs: EntityRefs) -> list[Candidate]:
    """Every candidate of ``rule`` on ``doc``, found once per Doc (kept in ``refs.memo``): rules that read what
    other rules state (the companies a person founded or runs, a sentence's foundings) run those rules again,
    and :func:`~extract.relations.admission.find_relations` runs them all; candidates are frozen, so one list
    serves every reader."""
    key = ("rule_candidates", rule.__module__, rule.__qualname__)
    found = refs.memo.get(key)
    if found is None:
        found = refs.memo[key] = list(rule(doc, refs))
    return found


# -- trigger tables ------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _tables() -> dict:
    t = load_triggers()
    verbs: dict[str, list[str]] = {}
    for rel, lemmas in t["verbs"].items():
        for lemma in lemmas:
            verbs.setdefault(lemma.lower(), []).append(rel)
    nouns: dict[str, list[str]] = {}
    for rel, nouns_of in t["nouns"].items():
        for word in nouns_of:
            nouns.setdefault(word.lower(), []).append(rel)
    titles: dict[str, str] = {}
    for rel, titles_of in t["titles"].items():
        for word in titles_of:
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
        "employer_verbs": frozenset(t["employer_verbs"]),
        "staff_nouns": frozenset(t["staff_nouns"]),
        "appointing_verbs": frozenset(t["appointing_verbs"]),
        "succession_verbs": frozenset(t["succession_verbs"]),
        "office_verbs": frozenset(t["office_verbs"]),
        "post_nouns": frozenset(t["post_nouns"]),
        "board_nouns": frozenset(t["board_nouns"]),
        "kind_nouns": frozenset(t["kind_nouns"]),
        "belonging_verbs": frozenset(t["belonging_verbs"]),
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
        "version_nouns": frozenset(t["version_nouns"]),
        "bare_titles": frozenset(t["bare_titles"]),
        "reporting_verbs": frozenset(t["reporting_verbs"]),
        "naming_verbs": frozenset(t["coref"]["naming_verbs"]),
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
        plural = _plural_clause(clause) or (head.tag_ in ("NNS", "NNPS") and refs.ent_containing(head) is None) \
            or _said_of_a_list_of_people(head, token, clause, refs)
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
        if ent is not None and refs.ent_containing(tok) is None and _names_a_product(tok, refs):
            continue  # "who led the Xbox platform": a platform named for a product is no description of a company
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
        elif tok.pos_ == "NOUN":
            # "laser and infrared guided missiles such as Cirit and UMTAS": whatever the parser hung
            # "such as" on, the names after it are examples of the noun phrase they follow
            for pobj in _such_as_examples(tok):
                out.extend(entities_of(pobj, refs, depth + 1))
            out += people_included(tok, refs)
    if not out and depth == 0:
        out += _named_after(token, refs)
    # (acq8) a singular pronoun or description stands for its antecedent, not the list that antecedent opens:
    # in "Amazon, Google and Meta design chips; ... the designer it bought" only Amazon bought
    out += [(member, via) for ent, via in out if not (via and stands_for_one(token))
            for member in surface_list(ent, refs)]
    return _unique(out)


def _names_a_product(noun: Token, refs: EntityRefs) -> bool:
    """Whether a common noun carries a product's or model's name as its compound ("the Xbox platform", "the
    Gemini app"): the phrase names that thing, so coreference may not read it as "the company"."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "compound" and (e := refs.ent_containing(c)) is not None and e.label_ in ("PRODUCT", "MODEL")
        for c in noun.children)


#: Pronouns that stand for one company or thing ("it bought", "its purchase of").
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})


def stands_for_one(token: Token) -> bool:
    """A singular pronoun or a singular description ("it", "the company"), which names one antecedent.

    >>> import spacy
    >>> doc = spacy.blank("en")("it")
    >>> stands_for_one(doc[0])
    True
    """
    return token.lower_ in SINGULAR_PRONOUNS or token.tag_ == "NN"


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


def _such_as_examples(noun: Token) -> list[Token]:
    """The heads of the names that "such as" lists on a common noun: "missiles *such as Cirit*".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["lasers", "such", "as", "Cirit"], heads=[0, 2, 0, 2],
    ...           deps=["ROOT", "amod", "prep", "pobj"], pos=["NOUN", "ADJ", "ADP", "PROPN"])
    >>> [t.text for t in _such_as_examples(doc[0])]
    ['Cirit']
    """
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > 0
             and noun.doc[c.i - 1].lower_ == "such"]
    # "the RISC-V IP vendors, notably SiFive and Andes Technology": a plural noun's appositive examples
    named = [c for c in noun.children if c.dep_ == "appos" and noun.tag_ in ("NNS", "NNPS")
             and any(a.dep_ == "advmod" and a.lower_ in EXAMPLE_ADVERBS for a in c.children)]
    return [pobj for prep in preps for pobj in prep.children if pobj.dep_ == "pobj"] + named


def people_included(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people a plural noun of people lists with "including" or in apposition: "former OpenAI executives
    including the siblings Dario and Daniela Amodei" (the names may stand in an apposition of the included
    noun), "its three founders, A, B and C"."""
    if noun.tag_ != "NNS" or "PERSON" not in (refs.labels_for_noun(noun) or ()):
        return []
    out = []
    for named in (a for a in noun.children if a.dep_ == "appos"):
        # "the startup's three founders, A, B and C, all came from Stripe": the names in apposition
        found = [refs.ent_containing(t) for t in _conjuncts(named)]
        out += [(e, False) for e in found if e is not None and e.label_ == PERSON]
    for pobj in (g for p in noun.children if p.dep_ == "prep" and p.lower_ == "including" for g in p.children if g.dep_ == "pobj"):
        named = entities_of(pobj, refs, 3) or [e for a in pobj.children if a.dep_ == "appos" for e in entities_of(a, refs, 3)]
        out += [(e, v) for e, v in named if e.label_ == PERSON and not v]
    return out


#: Adverbs that mark an apposition as examples of a plural noun ("vendors, notably A and B")
EXAMPLE_ADVERBS = frozenset({"notably", "particularly", "especially", "chiefly", "mainly", "namely", "principally"})


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
    if end + 2 < len(doc) and doc[end + 1].text == ":" and token.tag_ in ("NNS", "NNPS"):
        return _listed_after_colon(doc, end + 2, refs)
    words = [t.lower_ for t in doc[end + 1: end + 4]]
    if len(words) < 3 or words[0] != "," or words[1] != "among" or words[2] not in ("them", "those", "which"):
        return []
    ent = refs.ent_containing(doc[end + 4]) if end + 4 < len(doc) else None
    return [(ent, False)] if ent is not None and ent.start == end + 4 else []


def _listed_after_colon(doc: Doc, start: int, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "founded by three researchers: A, its chief executive; B; and C": the names a plural noun announces
    with a colon, each right after the colon or a separator, of the first name's type, up to the sentence's end
    (a name inside a member's description, "a former Google engineer", is not a member)."""
    first = refs.ent_containing(doc[start])
    if first is None or first.start != start:
        return []
    out, i = [(first, False)], first.end
    end = doc[start].sent.end if doc.has_annotation("SENT_START") else len(doc)
    while i < end:
        ent = refs.ent_containing(doc[i])
        if ent is not None and ent.start == i:
            # (one capitalised word the typer left out may open the name: "and Mehmet Aydın")
            before = i - 2 if doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title and i - 2 >= start else i - 1
            if doc[before].lower_ in (";", ",", "and") and ent.label_ == first.label_:
                out.append((ent, False))
            i = ent.end
            continue
        if doc[i].text in (".", ":", "!", "?"):
            break
        i += 1
    return out


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
    for e in refs.ents:
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
                elif child.dep_ == "appos" and not child.ent_type_ and child.pos_ in ("NOUN", "PROPN"):
                    # "Nigel Toon, its CEO, and Simon Knowles": the parser hangs the next name on the description
                    # of the first; a conjunct of the same type as the name continues the list
                    out.extend(t for t in _conjuncts(child)[1:] if t.ent_type_ == token.ent_type_ and t not in out)
    return sorted(out, key=lambda t: t.i)


def _said_of_a_list_of_people(head: Token, pronoun: Token, clause: Token, refs: EntityRefs) -> bool:
    """ "Noam Shazeer and Daniel De Freitas, who had left Google to found Character.AI": a clause set off by a
    comma after a list of people is said of each of them (unless its verb is singular: "A and B, who was ...")."""
    ent = refs.ent_containing(head)
    if ent is None or ent.label_ != PERSON or pronoun.i < 1 or pronoun.doc[pronoun.i - 1].text != ",":
        return False
    if clause.tag_ == "VBZ" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in clause.children) or \
            clause.lower_ == "was" or any(c.dep_ in ("aux", "auxpass") and c.lower_ == "was" for c in clause.children):
        return False
    first = head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    members = [refs.ent_containing(t) for t in _conjuncts(first)]
    if len(members) < 2 or not all(m is not None and m.label_ == PERSON for m in members):
        return False
    # a bare list ("A, B and C, who ..."), not "A, a former X engineer, and B, who ...": the clause describes B alone
    return all(refs.ent_containing(t) is not None or t.lower_ in (",", "and") for t in head.doc[members[0].start: members[-1].end])


def _plural_clause(verb: Token) -> bool:
    """A clause that speaks of several ("who *both* worked", "which *are* adding"), or whose present-tense verb
    agrees with a plural noun ("A and B, which *compete* with C": a singular antecedent would take "competes")."""
    return any(c.lower_ in ("both", "all", "each") or (c.dep_ in ("aux", "auxpass") and c.lower_ in ("are", "were", "have"))
               for c in verb.children) or verb.lower_ in ("are", "were") or _plural_present(verb)


def _plural_present(verb: Token) -> bool:
    """A present-tense verb in its plural form ("compete", "do"), not the base form the tagger may also call VBP
    after a modal or "to": the relative pronoun it agrees with stands for several."""
    return verb.tag_ == "VBP" and verb.pos_ in ("VERB", "AUX") and verb.lower_ not in ("am",) \
        and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "TO", "VBZ", "VBD") for c in verb.children)


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
        if child.dep_ == "advmod" and child.lower_ == "there" and "at" in preps and refs.entity_for(child) is not None:
            out.append((refs.entity_for(child), True))  # "led research there": the place coref.py found
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
    """A passive verb: with a passive auxiliary or subject, or a participle with a "by" agent ("a game
    developed by Atari", "developed and published by Atari": the tagger sometimes calls it a past tense)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    clause = verb.head if verb.dep_ == "conj" else verb
    return clause.dep_ in ("acl", "advcl") and verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "agent" for c in verb.children)


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
    if dep == "conj" and not _is_passive(token):
        # "she was born in Tunis, passed ... and went on to teach at X": an active verb coordinated with a
        # passive one shares its subject, not its agent
        for passive_subject in (c for c in head.children if c.dep_ == "nsubjpass"):
            found = entities_of(passive_subject, refs)
            if found:
                return found
    if dep == "pcomp" and head.lower_ == "as" and head.dep_ == "prep":
        # "we view Arm as competing with SiFive": the object the "as" phrase describes
        obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        found = entities_of(obj, refs) if obj is not None else []
        if found:
            return found
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
    # "Apple competes with ...", "Mistral competes most directly with ...": a preposition the verb takes may
    # follow instead of the second name, after adverbs
    k = token.i + 1
    while k < len(token.doc) - 1 and token.doc[k].pos_ == "ADV":
        k += 1
    prep = token.doc[k] if k < len(token.doc) else None
    takes_prep = prep is not None and any(prep.lower_ in _noun_verb_preps(stem, rel) for rel in _tables()["verbs"][stem]) \
        and any(c.dep_ == "prep" and c.i == prep.i for c in token.children)
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
            yield _oriented(subject, relation, obj, token, "verb.read_as_noun", _conf("verb.read_as_noun", ov))


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


def _oriented(s: Span, relation: str, o: Span, trigger: Token, rule: str, conf: float) -> Candidate:
    """A candidate with the person first for person-company relations stated company-first ("Microsoft hired X")."""
    if relation in TWO_WAY and s.label_ == COMPANY and o.label_ == PERSON:
        s, o = o, s
    return Candidate(s, relation, o, trigger, rule, conf)


def _states_money(token: Token) -> bool:
    """A money or share phrase: "$500 million", "US$5bn", "€600 million in equity", "fresh capital"."""
    sub = list(token.subtree)
    return any(t.tag_ == "$" or t.text in ("$", "€", "£", "¥") or t.lower_ in ("capital", "money", "cash", "funds")
               for t in sub) or (token.like_num and any(t.lower_ in ("million", "billion", "m", "bn") for t in sub))


# -- fallbacks: one end left to the topic of the passage ---------------------------------------------
def _name_key(ent: Span) -> str:
    """A company's or model's name for comparing mentions: canonical form, lower case, without "AI", "Inc."."""
    words = (ent._.canonical or ent.text).lower().split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


# -- central checks ------------------------------------------------------------------------------
def _conf(rule: str, via_coref: bool) -> float:
    """The registered confidence of ``rule`` (``data/patterns/``), less a penalty when an end was
    found through coreference ("its", "the company")."""
    return rule_confidence(rule) - (COREF_PENALTY if via_coref else 0.0)


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
NAME_SUFFIXES = words("name_completers")


def _types_fit(c: Candidate) -> bool:
    return fits(c.relation, c.source.label_.lower(), c.target.label_.lower())
