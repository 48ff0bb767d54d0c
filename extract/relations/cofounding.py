"""Founders told with an infinitive "to co-found", read off the surface.

spaCy splits "co-found" into "co", "-" and "found", and the small model's parse of "left to co-found X
with A and B" is rarely usable: it reads "co" as an adjective, "found" as the past of "find" or as an
adjective of X, and hangs X on "left" as its object. What the sentence says is plain on the surface:
the word is followed by the company founded, and a "with" list after it names the other founders. The
founder is the subject of the clause the infinitive completes ("she left AMD in 2021 to co-found X",
"he left to co-found X"), found through the parse of the governing verb, which the split leaves intact.

Only the infinitive is read here: a finite "co-founded X with A" is read by the verb rules
(``verb.hyphenated``), whose parse is good enough there.

The fallback :func:`founder_list_relations` (people8) reads every founding's list of founders off the
surface ("founded ... by three traders, A, B and C", "with A, an engineer who had worked at X, and B"), where
the parser loses the list at a description or a relative clause. Measured alone on every read corpus (seeds,
data, dev, heldout..heldout5, redocred-dev): 65 right of 67 (both wrong ones a place typed as the company).
people10 reads the list also where the parser loses the company it is said of: a sentence-opening participle
("Founded in 2021 by A, B and C, Kirin Labs began ...", its "by" parsed as a plain preposition) is said of the
main clause's subject, and a description the parser made the participle's subject ("OpenAI, the research lab
started by A, B ...") of the name it is written beside. Measured alone on seeds, data, dev, heldout..heldout6 and
redocred-dev: 85 right of 86 judged (the wrong one a company the typer missed, "the start-up" read as another).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..rules import code_rule
from ..tokens import lemma_word, tokens_where
from .core import EMPLOYERS, PERSON, Candidate, _conf, _conjuncts, _name_key, _tables, _unique, entities_of, is_negated, subjects_of, surface_list

#: The split word's last piece: "co - found", "co - founding".
FOUND_PIECES = frozenset({"found", "founded", "founding", "founds"})

#: Tokens that may stand between the founded company and a "with" list: "co-found X in 2015 with A".
BEFORE_WITH = frozenset({"in", "on", "later", "early", "late", "back", "together", ","})

RULE = "role.infinitive_cofounding"


#: The word kept whole by the pipeline (``extract.pipeline.CO_FOUND_FORMS``): "to co-found".
WHOLE_FORMS = frozenset({"co-found", "co-founding"})


def _infinitive_cofound_at(doc: Doc, co: Token) -> int | None:
    """Index of the token after "to co - found" (or "to co-found" kept whole) when ``co`` begins one, else None."""
    i = co.i
    if co.lower_ in WHOLE_FORMS:
        return i + 1 if i >= 1 and doc[i - 1].lower_ == "to" else None
    if i < 1 or i + 2 >= len(doc) or doc[i - 1].lower_ != "to" or doc[i + 1].text != "-":
        return None
    if doc[i + 2].lower_ not in FOUND_PIECES or doc[i + 2].idx != doc[i + 1].idx + 1 or doc[i + 1].idx != co.idx + 2:
        return None  # "co - found" written with spaces is no split word
    return i + 3


def _company_at(doc: Doc, i: int, refs: EntityRefs) -> Span | None:
    ent = refs.ent_containing(doc[i]) if i < len(doc) else None
    return ent if ent is not None and ent.start == i and ent.label_ in EMPLOYERS else None


def _with_list_after(company: Span, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people of a "with" list right after the founded company: "co-found OpenAI with A, B, C and
    others", "co-found X in 2015 with A" (a date may come between; nothing else may)."""
    doc, j = company.doc, company.end
    sent_end = company.sent.end
    while j < sent_end and (doc[j].lower_ in BEFORE_WITH or doc[j].like_num):
        j += 1
    if j >= sent_end or doc[j].lower_ != "with":
        return []
    people, j = [], j + 1
    while j < sent_end:
        ent = refs.ent_containing(doc[j])
        if ent is None or ent.start != j or ent.label_ != PERSON:
            break
        people.append((ent, False))
        j = ent.end
        if j < sent_end and doc[j].text == ",":
            j += 1
        if j < sent_end and doc[j].lower_ == "and":
            j += 1
    return people


def _founders_of(co: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The subject of the clause that "to co-found" completes: the subject of the verb it hangs on
    ("left", "leaving"), whichever piece the parser hung there."""
    doc = co.doc
    pieces = (doc[co.i - 1], co) if co.lower_ in WHOLE_FORMS else (doc[co.i - 1], co, doc[co.i + 1], doc[co.i + 2])
    for piece in pieces:
        verb = piece.head if piece.dep_ in ("aux", "xcomp", "advcl", "acomp", "dep") else None
        if piece.dep_ == "aux":  # "to" hangs on a piece; that piece hangs on the clause's verb
            verb = piece.head.head if piece.head.dep_ in ("xcomp", "advcl", "acomp", "dep") else None
        if verb is None or verb.i >= co.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        found = [e for e in subjects_of(verb, refs) if e[0].label_ == PERSON]
        if found:
            return found
    return []


@code_rule
def infinitive_cofounding_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """founded from "to co-found X (with A, B and C)": the clause's subject and every "with" person."""
    for co in tokens_where(doc, "LOWER", ("co", *WHOLE_FORMS)):
        after = _infinitive_cofound_at(doc, co)
        company = _company_at(doc, after, refs) if after is not None else None
        if company is None:
            continue
        trigger = co if co.lower_ in WHOLE_FORMS else doc[co.i + 2]
        for person, via in _unique(_founders_of(co, refs) + _with_list_after(company, refs)):
            yield Candidate(person, "founded", company, trigger, RULE, _conf(RULE, via))


#: Subjects that stand for a group of people named just before, by its size: "the three", "the pair".
GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5, "pair": 2, "duo": 2, "trio": 3}

#: The relations a group of people takes as a verb's subject.
PERSON_RELATIONS = ("founded", "leads", "works_for")

GROUP_RULE = "role.group_subject"


def _group_size(subject: Token) -> int | None:
    """The size a subject "the three", "the pair" gives its group (none for "three engineers", "the two
    companies": a group noun with a noun of its own says what it counts)."""
    size = GROUP_SIZES.get(subject.lower_)
    if size is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    if subject.pos_ == "NUM" and subject.dep_ == "nummod":
        return None
    if any(c.dep_ == "prep" for c in subject.children):
        return None  # "the two of them" is left to coreference; "the pair of companies" counts companies
    return size


def _people_listed(head: Token, refs: EntityRefs) -> list[tuple[Span, bool]] | None:
    """The people of the coordination ``head`` begins ("he, Hinton and Alex Krizhevsky"), each a person
    by name or by a pronoun coreference resolves; None when any member is no person."""
    out = []
    for member in _conjuncts(head):
        ent = refs.ent_containing(member)
        via = ent is None
        if ent is None and member.pos_ == "PRON":
            ent = refs.entity_for(member)
        if ent is None or ent.label_ != PERSON:
            return None
        out.append((ent, via))
    return out


def _group_named_before(subject: Token, size: int, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The last list of exactly ``size`` people written before the subject, in its sentence or the one
    before ("in 2012 he, Hinton and Alex Krizhevsky built AlexNet. The three formed ..."); nothing when
    that list is of another size or is not all people."""
    doc = subject.doc
    start = doc[subject.sent.start - 1].sent.start if subject.sent.start > 0 else subject.sent.start
    heads = [t for t in doc[start: subject.i] if t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children)]
    for head in reversed(heads):
        if head.pos_ not in ("PROPN", "PRON", "NOUN"):
            continue
        people = _people_listed(head, refs)
        if people is None:
            continue
        # the parser may break "A, B and C" into "A" and an apposition "B and C": the list written counts
        people += [(m, False) for e, _ in people for m in surface_list(e, refs) if m.label_ == PERSON]
        people = _unique(sorted(people, key=lambda p: p[0].start))
        return people if len({_name_key(e) for e, _ in people}) == size else []
    return []


def _objects(verb: Token, relation: str, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """What a group's verb takes: its object ("formed a tiny company, DNNresearch"), or for work the
    "at"/"for" phrase ("the two worked at Google")."""
    found = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
    if relation == "works_for":
        found += [e for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "for")
                  for g in p.children if g.dep_ == "pobj" for e in entities_of(g, refs)]
    return [(e, v) for e, v in _unique(found) if e.label_ in EMPLOYERS]


@code_rule
def group_subject_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """founded / leads / works_for said of "the three", "the pair": every person of the list it stands for."""
    verbs = _tables()["verbs"]
    for subject in tokens_where(doc, "DEP", ("nsubj",)):
        size = _group_size(subject)
        verb = subject.head
        if size is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = lemma_word(verb)
        relations = [r for r in verbs.get(lemma, ()) if r in PERSON_RELATIONS]
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        if lemma in _tables()["particle_required"] and not particles & _tables()["particles"].get(lemma, frozenset()):
            continue  # "the two set up X" needs its "up"
        if not relations or is_negated(verb):
            continue
        people = _group_named_before(subject, size, refs)
        for relation in relations:
            for org, o_via in _objects(verb, relation, refs) if people else ():
                for person, p_via in people:
                    yield Candidate(person, relation, org, verb, GROUP_RULE, _conf(GROUP_RULE, True))


LIST_RULE = "role.founders_past_apposition"


def _description_end(ent: Span) -> int:
    """Index after a name and its apposition ("Tomás Reyes, her former manager at Nvidia"): the end of the
    name's subtree when that subtree holds no verb (a description, not a clause), else the name's end."""
    edge = ent.root.right_edge.i + 1
    if edge <= ent.end or edge > ent.sent.end:
        return ent.end
    if any(t.pos_ in ("VERB", "AUX") for t in ent.doc[ent.end: edge]):
        return ent.end
    return edge


def _listed_after(ent: Span, refs: EntityRefs) -> list[Span]:
    """The people a list goes on with after a described name: ", and B" in "with A, her former manager at
    Nvidia, and B, a Qualcomm engineer" (the parser loses the list at the apposition)."""
    doc, out = ent.doc, []
    current, end = ent, ent.sent.end
    for _ in range(6):
        j = _description_end(current)
        if j == current.end or j + 1 >= end or doc[j].text != ",":
            break  # only a name set off by commas, with a description, leaves the list open
        j += 1
        last = doc[j].lower_ in ("and", "or")
        j += last
        nxt = refs.ent_containing(doc[j]) if j < end else None
        if nxt is None or nxt.start != j or nxt.label_ != PERSON:
            break
        out.append(nxt)
        if last:
            break  # the list's last name
        current = nxt
    return out


@code_rule
def founders_past_apposition_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """founded for the people listed after a described co-founder: "which she co-founded with Tomás Reyes,
    her former manager at Nvidia, and Ada Lindgren, a Qualcomm audio engineer" (Lindgren too)."""
    from .titles import _person_key, _sentence_foundings  # (the verb rules' foundings, memoised per Doc)

    foundings = _sentence_foundings(doc, refs)
    if not foundings:
        return
    for with_ in tokens_where(doc, "LOWER", ("with", "by")):
        for name in (c for c in with_.children if c.dep_ == "pobj"):
            first = refs.ent_containing(name)
            if first is None or first.label_ != PERSON:
                continue
            companies = [c for k, c in foundings if k == _person_key(first) and first.sent.start <= c.start < first.sent.end]
            for company in {(c.start, c.end): c for c in companies}.values():
                for person in _listed_after(first, refs):
                    yield Candidate(person, "founded", company, with_, LIST_RULE, _conf(LIST_RULE, False))


FRAME_RULE = "role.founder_list"

#: Written forms of a founding verb that takes its founders in a "by" phrase ("founded by", "set up by")
#: or, active, a founded company followed by a "with" list ("started X with A, B and C").
FOUNDING_FORMS = frozenset({"founded", "cofounded", "started", "established", "found", "start", "founding", "starting",
                            "co-founded", "co-found", "co-founding"})  # (the pipeline keeps "co-founded" one word)

#: Words after which a name begins a new member of the list ("A, B and C", "A together with B", "A as well as B").
MEMBER_OPENERS = frozenset({",", "and", "with", "as", "by"})

#: Words that open a relative clause inside a description ("Lee Chan, an engineer who had worked at Initech"):
#: the clause's names are no founders; the list goes on after its closing comma.
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})

#: Marks that end a list: a new clause or an aside.
LIST_ENDS = frozenset({";", ":", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d"})


def _founding_word(token: Token) -> bool:
    """ "founded", "co-founded" (the parser splits it: the piece "founded" after "co -"), "started", "set up"."""
    if token.lower_ in FOUNDING_FORMS:
        return True
    return token.lower_ == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)


def founder_list(marker: Token, refs: EntityRefs) -> list[Span]:
    """The people of the list a founding's "by" or "with" opens, read off the surface: "by three former traders,
    A, B and C", "by researchers A and B together with C, a former diplomat", "with A, an engineer who had worked
    at X, and B". A name counts when it opens a member (after the marker, a comma, "and", "with", "as well as",
    or the first member's description: "researchers A"); names inside a relative clause or after "of" do not.
    The list ends at a verb outside a relative clause ("..., and took its current name"), a semicolon, a
    dash or a bracket."""
    doc, end = marker.doc, marker.sent.end
    people: list[Span] = []
    relative, first_member, j = False, True, marker.i + 1
    while j < end:
        tok = doc[j]
        if tok.text in LIST_ENDS:
            break
        if relative:
            relative = tok.text != ","
            j += 1
            continue
        if tok.lower_ in RELATIVE_WORDS and tok.tag_ in ("WP", "WP$", "WDT", "WRB"):
            relative = True
            j += 1
            continue
        ent = refs.ent_containing(tok)
        if ent is not None and ent.start == j:
            before = doc[j - 1]
            if ent.label_ == PERSON and (before.lower_ in MEMBER_OPENERS or (first_member and before.pos_ in ("NOUN", "ADJ", "PROPN"))):
                people.append(ent)
            j = ent.end
            continue
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.text == ",":
            first_member = False
        j += 1
    return people


def _entity_of_noun(token: Token, refs: EntityRefs) -> Span | None:
    """The entity a noun stands for, through an apposition ("Kirin Labs, the start-up founded by ...")."""
    ent = refs.entity_for(token)
    if ent is None and token.dep_ == "appos":
        ent = refs.entity_for(token.head)
    return ent


def _passive_company(verb: Token, refs: EntityRefs) -> Span | None:
    """The company a passive founding verb is said of: its subject ("It was founded by", "AI21, which was
    co-founded by"), the noun its participle describes ("Etched, founded by", "the start-up founded by") or,
    for a participle opening the sentence, the main clause's subject ("Founded in 2021 by A and B, Kirin Labs
    began ...")."""
    for piece in (verb, verb.head) if verb.dep_ in ("amod", "compound") else (verb,):
        subject = next((c for c in piece.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is not None:
            ent = refs.entity_for(subject)
            if ent is None and subject.lower_ in RELATIVE_WORDS and piece.dep_ == "relcl":
                ent = _entity_of_noun(piece.head, refs)
            return ent if ent is not None else _apposed_before(subject, refs)
        if piece.dep_ in ("acl", "relcl"):
            return _entity_of_noun(piece.head, refs)
        if piece.dep_ == "advcl" and piece.tag_ == "VBN":
            return _fronted_participle_subject(piece, refs)
    return None


def _fronted_participle_subject(participle: Token, refs: EntityRefs) -> Span | None:
    """The main clause's subject a sentence-opening participle describes: "Founded in 2021 by A, B and C,
    Kirin Labs began by ..." (the parser hangs the participle on the main verb, its "by" often as a plain
    preposition). Only a participle that opens the sentence and precedes that subject."""
    if participle.left_edge.i != participle.sent.start:
        return None
    subject = next((c for c in participle.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < participle.i:
        return None
    ent = refs.entity_for(subject)
    # "Founded by A, a former scientist at IBM, the company ...": "the company" is not one the participle names
    inside = ent is not None and participle.left_edge.i <= ent.start <= participle.right_edge.i
    return None if inside else ent


def _apposed_before(noun: Token, refs: EntityRefs) -> Span | None:
    """The company a common noun is written in apposition to, when the parser made the noun the verb's subject:
    "OpenAI, the research lab started by A and B" (the noun phrase follows the name and a comma)."""
    if noun.pos_ != "NOUN" or noun.left_edge.i < 2 or noun.doc[noun.left_edge.i - 1].text != ",":
        return None
    ent = refs.ent_containing(noun.doc[noun.left_edge.i - 2])
    return ent if ent is not None and ent.end == noun.left_edge.i - 1 and ent.label_ in EMPLOYERS else None


def _first_by(verb: Token) -> Token | None:
    """The "by" of a passive founding verb: the first one after it, with no verb between ("founded in 2017 as X,
    an Ethereum miner, by three traders")."""
    for tok in verb.doc[verb.i + 1: verb.sent.end]:
        if tok.lower_ == "by":
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.text in LIST_ENDS:
            return None
    return None


def _foundings(doc: Doc, refs: EntityRefs) -> Iterator[tuple[Token, Span, Token]]:
    """(verb, company, list marker) of each founding a sentence states with a list of founders: a passive
    "founded by ..." and an active "started X with ..."."""
    for verb in tokens_where(doc, "LOWER", tuple(FOUNDING_FORMS | {"set"})):
        if not _founding_word(verb) or is_negated(verb):
            continue
        by = _first_by(verb)
        company = _passive_company(verb, refs) if by is not None else None
        if company is not None:
            yield verb, company, by
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        company = refs.ent_containing(obj) if obj is not None else None
        if company is None:
            continue
        j = company.end
        while j < verb.sent.end and (doc[j].lower_ in BEFORE_WITH or doc[j].like_num):
            j += 1
        if j < verb.sent.end and doc[j].lower_ == "with":
            yield verb, company, doc[j]


@code_rule
def founder_list_relations(doc: Doc, refs: EntityRefs, found: Iterable[Candidate] = ()) -> Iterator[Candidate]:
    """founded for every person of a founding's list whom no other rule related to the company in that sentence:
    "It was founded in 2017 as X, a miner, by three traders, A, B and C", "the start-up founded by researchers A and
    B together with C", "left to start X with A, an engineer at Y, and B"."""
    from .fallback_frames import related_pairs

    related = related_pairs(found)
    for verb, company, marker in _foundings(doc, refs):
        if company.label_ not in EMPLOYERS:
            continue
        for person in founder_list(marker, refs):
            if (verb.sent.start, frozenset((_name_key(person), _name_key(company)))) in related:
                continue
            yield Candidate(person, "founded", company, verb, FRAME_RULE, _conf(FRAME_RULE, False))


#: The present tense of "found": "X and Y found Z" in a timeline's dated entry ("2013 - X and Y found Z"), where
#: the tagger reads the past of "find".
PRESENT_FOUNDING = frozenset({"found", "founds", "co-found", "co-founds"})

#: Tokens that may follow the company of a present "found": what comes after an object, not a clause whose
#: subject the company is ("found Initech had lied", "found Initech's files", "found Initech to be at fault").
AFTER_FOUNDED = frozenset({",", ".", ";", ":", "in", "on", "with", "as", "and", "together", "\n"})

PRESENT_RULE = "role.present_founding"


def _subject_list_before(doc: Doc, end: int, refs: EntityRefs) -> list[Span]:
    """The persons listed right before token ``end`` ("A, B and C"), nothing unless every listed name is a person."""
    people: list[Span] = []
    i = end
    while i > 0:
        ent = refs.ent_containing(doc[i - 1])
        if ent is None or ent.label_ != PERSON or ent.end != i:
            return []
        people.append(ent)
        i = ent.start
        if i > 0 and doc[i - 1].lower_ in ("and", ","):
            i -= 1
            if i > 0 and doc[i - 1].text == "," and doc[i].lower_ == "and":
                i -= 1  # "A, B, and C"
            continue
        break
    return people


@code_rule
def present_founding_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """founded from the present tense of "found" with a company right after it and persons right before it:
    "2013 - Kyle Vogt and Dan Kan found Cruise Automation". Timelines and life stories tell dated events in
    the present; the tagger takes "found" for the past of "find", so no verb rule reads it."""
    for verb in tokens_where(doc, "LOWER", PRESENT_FOUNDING):
        company = _company_at(doc, verb.i + 1, refs)
        if company is None or company.label_ not in EMPLOYERS:
            continue
        after = doc[company.end] if company.end < len(doc) else None
        if after is not None and after.lower_ not in AFTER_FOUNDED and not after.is_space:
            continue
        for person in _subject_list_before(doc, verb.i, refs):
            yield Candidate(person, "founded", company, verb, PRESENT_RULE, _conf(PRESENT_RULE, False))
