"""People's roles: job titles beside a name (appositions, compounds, possessives, copulas, titles written
before or after a name, bare titles held at the passage's company), described agents and object gaps of
role verbs ("the firm run by X", "the startup X founded"), and tenures ("spent six years at X").
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs, paragraph_start
from ..entities import sole_other_company
from ..lexicon import load_triggers, title_words, words
from ..rules import code_rule
from ..tokens import (
    doc_text,
    hyphen_start,
    lemma_word,
    tokens_where,
    word_children,
    word_of,
    word_parts,
)
from .core import (
    COMPANY,
    EMPLOYERS,
    PERSON,
    Candidate,
    _conf,
    _conjuncts,
    _name_key,
    _part_owner,
    _possessors,
    _prep_objects,
    _tables,
    _types_fit,
    _unique,
    entities_of,
    is_negated,
    people_included,
    subjects_of,
    surface_list,
    rule_candidates,
)
from .verbs import verb_relations


# -- rules -----------------------------------------------------------------------------------------
def _title_of(token: Token) -> tuple[str, str] | None:
    """``(relation, title)`` when ``token`` ends a job title ("CEO", "co-founder", "chief executive");
    a deputy of a leading title works for the organisation, it does not lead it ("deputy leader")."""
    found = _plain_title_of(token)
    if found is not None and found[0] == "leads":
        before = token.doc[max(0, hyphen_left(token) - 2): hyphen_left(token)]
        if any(t.lower_ in words("deputy_words") for t in before):
            return "works_for", found[1]
        if (_one_of_many(token) or _one_of(token) is not None) and not found[1].endswith("leader"):
            return "works_for", found[1]  # ("a leader of X" is one of those who lead it)
        if _heads_a_field(token) or _field_before(token, found[1]):
            return "works_for", found[1]
    return found


def _field_before(title: Token, title_text: str) -> bool:
    """ "Initech's engineering director", "its creative director", "the bank's research head": a field
    written before a leading title, as "director of engineering" is written after it (see
    :func:`_heads_a_field`), makes one job among the company's. Not a title's own words ("managing
    director"), a board ("board director") or the organisation itself ("company head"), and only the
    adjectives of a field (words.json field_adjectives): an "acting" or "new" director still leads. Only
    the titles a business gives to the head of a function (words.json field_head_titles): a "field
    commander" commands.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["its", "engineering", "director", "and", "its", "company", "head"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 6, 6, 2],
    ...           deps=["poss", "compound", "ROOT", "cc", "poss", "compound", "conj"],
    ...           pos=["PRON", "NOUN", "NOUN", "CCONJ", "PRON", "NOUN", "NOUN"])
    >>> _field_before(doc[2], "director"), _field_before(doc[6], "head")
    (True, False)
    """
    if title_text not in words("field_head_titles"):
        return False  # ("field commander of X Corps", "commander leader of the regiment" lead it)
    first = hyphen_left(title)
    for mod in title.children:
        if mod.i != first - 1 or mod.dep_ not in ("compound", "amod", "nmod") or mod.ent_type_:
            continue
        word = mod.lower_
        if word in title_text.split():
            return False
        if mod.pos_ in ("NOUN", "PROPN"):
            lemma = lemma_word(mod)
            return not (lemma in _tables()["board_nouns"] or lemma in words("organisation_head_nouns"))
        return word in words("field_adjectives")
    return False


def _heads_a_field(title: Token) -> bool:
    """ "Initech's head of AI", "director of research at Initech", "president of global affairs": a leading
    title over a field, not over an organisation, is one job among the company's; its holder works there.
    ("chairman of the board" still leads: the board's chair chairs the company.)"""
    for prep in title.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for field in (c for c in prep.children if c.dep_ == "pobj"):
                if field.ent_type_ or lemma_word(field) in _tables()["board_nouns"]:
                    return False
                if not any(c.dep_ in ("det", "poss") for c in field.children) and field.pos_ in ("NOUN", "PROPN"):
                    return True
    return False


def _one_of_many(title: Token) -> bool:
    """ "a senior Union Army commander", "a director of X": a leading title with "a" is one holder among
    several, who works for the organisation and does not run it. "a former president of X" ran it once."""
    det = [c for c in title.children if c.dep_ == "det"]
    if not det or det[0].lower_ not in ("a", "an"):
        return False
    return not any(t.lower_ in words("former_words") for t in title.doc[det[0].i + 1: title.i])


def _plain_title_of(token: Token) -> tuple[str, str] | None:
    titles = _tables()["titles"]
    word = word_of(token)
    doc, first = token.doc, hyphen_left(token)
    if token.lower_ == "chief" and _officer_after_chief(doc, token.i) is not None:
        return None  # "chief global affairs officer": the officer's title, read at "officer"
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
    return hyphen_start(token)


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
    # "Jensen Huang, Nvidia's chief executive" / "the CEO, Jensen Huang" (but in "A, who is now its chief
    # technology officer, B, an engineer" the name after a relative clause's title is the list's next member)
    predicated = title.dep_ in ("attr", "oprd") and _in_relative_clause(doc, title.left_edge.i)
    for child in word_children(title):
        if child.dep_ == "appos" and refs.ent_containing(child) is not None and not predicated:
            if _is_plural_title(title):
                # "two former Stripe engineers, Jun Park and Ella Stone": a plural title holds for every name
                return _people_of_list(child, refs)
            return [(refs.ent_containing(child), False)]
    if any(p.dep_ == "appos" for p in parts) and refs.ent_containing(title.head) is not None:
        if _is_plural_title(title):
            return _people_of_list(title.head, refs)  # "A and B, both former engineers at X"
        return [(_last_listed_before(title, refs), False)]
    # "PERSON, TITLE ..." read off the surface when the parser attached the apposition elsewhere
    left = min([parts[0].left_edge.i] + [c.left_edge.i for c in word_children(title) if c.i < title.i])
    if left >= 2 and doc[left - 1].text == "," and title.dep_ in ("appos", "conj", "npadvmod", "dobj", "attr", "ROOT"):
        ent = refs.ent_containing(doc[left - 2])
        if ent is not None and ent.end == left - 1 and ent.label_ == PERSON:
            if _is_plural_title(title):
                # "A and B, both former researchers at X": the plural title is said of the whole list
                return _people_of_list(ent.root, refs)
            return [(ent, False)]
    # "founded by former OpenAI executives including A and B": a plural title holds for the people it includes
    if _is_plural_title(title) and people_included(title, refs):
        return people_included(title, refs)
    gapped = _gapped_holders(title, refs)
    if gapped:
        return gapped
    # "co-founder and former CEO of X": a conjoined title shares its holder
    if title.dep_ == "conj":
        return _title_holders(title.head, refs, depth + 1)
    # "named X, the company's chief financial officer, interim chief executive": a title set beside
    # another title of the same person (the parser hangs the second on the first as an apposition)
    if title.dep_ == "appos" and title.head.pos_ in ("NOUN", "PROPN") and _title_of(title.head) is not None:
        return _title_holders(title.head, refs, depth + 1)
    # "X was an American sociologist and administrator, the first president of Y": a title in apposition
    # to a copula's attribute is the subject's too
    if title.dep_ == "appos" and title.head.dep_ in ("attr", "oprd") and refs.ent_containing(title.head) is None:
        return _title_holders(title.head, refs, depth + 1)
    # "Acme named Jane Roe chief executive": the parser folds the person named into the title's phrase
    if title.dep_ in ("oprd", "dobj") and lemma_word(title.head) in _tables()["appointing_verbs"]:
        named = [refs.ent_containing(c) for c in title.children if c.dep_ in ("nmod", "compound") and c.i < title.i]
        named = [(e, False) for e in named if e is not None and e.label_ == PERSON]
        if named:
            return _unique(named)
    # "Acme promoted Jane Roe to chief executive": the appointed, as with "as"
    if title.dep_ == "pobj" and title.head.lower_ == "to" and lemma_word(title.head.head) in _tables()["appointing_verbs"]:
        return [e for c in title.head.head.children if c.dep_ == "dobj" for e in entities_of(c, refs) if e[0].label_ == PERSON]
    # "X is the CEO of Y", "X was named CEO of Y", "X became chief executive" (and "X was a long time CNN
    # analyst", where the parser leaves the title as an unlabelled dependent of the copula)
    if title.dep_ in ("attr", "oprd", "acomp") or (title.dep_ == "dep" and lemma_word(title.head) == "be"):
        # "X, who was named chief executive": the title is the passive subject's, not the namer's
        passive = [e for c in title.head.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
        if passive:
            return passive
        subj = subjects_of(title.head, refs)
        if not any(e.label_ == PERSON for e, _ in subj):
            subj = _who_clause_person(title.head, refs) or subj
        if not subj:
            obj = next((c for c in title.head.children if c.dep_ == "dobj"), None)
            subj = entities_of(obj, refs)
        return subj
    # "who joined as CEO of Inflection", "his experience as CEO"; but "Acme appointed X as CEO": the appointed,
    # and "to replace Y as president": the one replaced held it too
    if title.dep_ == "pobj" and title.head.lower_ == "as":
        with_held = _held_with_as(title, refs)
        if with_held:
            return with_held
        verb = title.head.head
        if lemma_word(verb) in load_triggers()["tenure_nouns"] and verb.dep_ in ("dobj", "npadvmod", "pobj"):
            # "she spent a year as a research scientist at X", "after six years as chief executive": the
            # parser hangs "as" on the span of time; the title is held by the subject of the clause it measures
            verb = verb.head.head if verb.dep_ == "pobj" else verb.head
        lemma = lemma_word(verb)
        objects = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs) if e[0].label_ == PERSON]
        regarded = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in REFLEXIVES]
        if lemma in REGARDING_VERBS and regarded:
            return objects  # "X described HashiCorp as the natural partner of Y": the title is the object's, not X's
        if (lemma in _tables()["appointing_verbs"] or lemma in REMOVING_VERBS) and objects:
            return objects  # "named X as CEO"; "voted to remove X as chief executive": X held it
        if lemma in _tables()["succession_verbs"]:
            return _unique([e for e in subjects_of(verb, refs) if e[0].label_ == PERSON] + objects)
        passive = [e for c in verb.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
        if passive:
            return passive  # "X was appointed as chief executive", "who was ousted as CEO": the passive's subject
        return _unique((subjects_of(verb, refs) or _possessors(verb, refs)) + _successors(verb, refs))
    # "Jane Roe, one of the co-founders of X", "she is one of X's founders": the holder of "one"
    quantifier = _one_of(title)
    if quantifier is not None:
        return _title_holders(quantifier, refs, depth + 1)
    # "Jane Roe was among the founders of X", "Jane Roe, among the founders of X"
    if title.dep_ == "pobj" and title.head.lower_ == "among":
        host = title.head.head
        if host.pos_ in ("VERB", "AUX"):
            return [e for e in subjects_of(host, refs) if e[0].label_ == PERSON]
        return [(e, v) for e, v in entities_of(host, refs) if e.label_ == PERSON]
    # "X's founders include A and B", "Acme, whose founders include A and B": the objects of "include"
    # (not "its directors included A and B": a leading title over a list held in turn, or on a board)
    if title.dep_ == "nsubj" and lemma_word(title.head) == "include" and _is_plural_title(title) and \
            (_plain_title_of(title) or ("", ""))[0] != "leads":
        found = [e for c in title.head.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
        return _unique([(e, v) for e, v in found if e.label_ == PERSON])
    # "The current president of the trust is Jane Roe": the title is the subject, the holder the attribute
    if title.dep_ == "nsubj" and title.head.lemma_ == "be":
        holders = [e for c in title.head.children if c.dep_ == "attr" for e in entities_of(c, refs)]
        holders = [(e, v) for e, v in holders if e.label_ == PERSON]
        if holders:
            return holders
    # "X held the post of director of Y", "took up the role of editor" (the lexicon's post_nouns): the post's holder
    if title.dep_ == "pobj" and title.head.lower_ == "of" and lemma_word(title.head.head) in _tables()["post_nouns"]:
        post = title.head.head
        verb = post.head.head if post.dep_ == "pobj" else post.head
        named_post = any(t.text in ('"', "\u201c", "\u201d") for t in title.doc[title.head.i: title.i])
        if post.dep_ in ("dobj", "pobj", "attr") and verb.pos_ in ("VERB", "AUX") and not named_post:
            # (not the post of "X Endowed Chair in Violoncello": a named chair is a professorship)
            return [e for e in subjects_of(verb, refs) if e[0].label_ == PERSON]
    # "The co-founder of DeepMind is in charge": the description itself through coreference (but "an act of
    # war by the supreme leader of X" names a new person by the office: no earlier one holds it)
    if title.dep_ == "pobj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in title.children):
        return []
    ent = refs.entity_for(title)
    if ent is not None and ent.label_ == PERSON:
        return [(ent, refs.ent_containing(title) is None)]
    return []


def _who_clause_person(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The person a "who" clause is said of when the parser hangs it on a name inside that person's apposition:
    in "Jane Roe, a co-founder of Globex, who is its chief executive" the clause is Jane Roe's ("who" is said of
    people, not of Globex). Empty unless the clause's host is the object of a preposition of a description
    set in apposition to a person's name."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return []
    host = verb.head
    if refs.ent_containing(host) is None or refs.ent_containing(host).label_ == PERSON:
        return []
    noun = host
    for _ in range(3):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return []
        noun = noun.head.head
        if noun.dep_ == "appos":
            person = refs.ent_containing(noun.head)
            return [(person, False)] if person is not None and person.label_ == PERSON else []
    return []


def _not_the_apposition_company(title: Token, orgs: list[tuple[Span, bool]], refs: EntityRefs) -> list[tuple[Span, bool]]:
    """``orgs`` without the company of the holder's own description: in "Jane Roe, a former lawyer at Globex,
    who is its chief executive", "its" is not Globex (the clause is said of Jane Roe, past her description)."""
    clause = title
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    clause = clause.head
    if not _who_clause_person(clause, refs):
        return orgs
    host = refs.ent_containing(clause.head)
    return [(o, v) for o, v in orgs if not (v and _name_key(o) == _name_key(host))]


def _with_as(title: Token) -> list[Token]:
    """The names of "with NAME as TITLE" ("took over as chief executive, with Levy as president"): the
    "with" phrase's name written right before the title's "as" (a comma may come between; the parser
    hangs "as" on the verb or on the name). Of "with A as X and B, ..., as Y" each title has its own name;
    a plural title ("with A and B as co-chairs") has all of them."""
    if not (title.dep_ == "pobj" and title.head.lower_ == "as"):
        return []
    as_ = title.head
    host = as_.head
    if host.dep_ == "pobj" and host.head.lower_ == "with":
        # "with A as president and B as chief scientist", parsed with the second "as" on A: the name
        # written right before the "as" holds its title
        before = title.doc[as_.i - 1]
        if before.i != host.i and before.ent_type_ == PERSON and not (before.dep_ == "compound" and before.head == host):
            return [before]
        return [host]
    for with_ in (c for c in host.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < as_.i):
        for name in (g for g in with_.children if g.dep_ == "pobj"):
            members = _conjuncts(name)
            last = members[-1]
            gap = title.doc[last.right_edge.i + 1: as_.i]
            if not all(t.text == "," for t in gap):
                continue
            return members if _is_plural_title(title) or len(members) == 1 else [last]
    return []


def _held_with_as(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people of "with NAME as TITLE": "..., with Levy as president" (never the clause's subject; each
    name on its own, as "with A as X and B as Y" gives the list's names different titles)."""
    found = [(refs.entity_for(t), refs.ent_containing(t) is None) for t in _with_as(title)]
    return _unique([(e, v) for e, v in found if e is not None and e.label_ == PERSON])


def _with_as_employer(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The company of a title in "with NAME as TITLE" that names none: the company of the clause's other
    "as" title ("took over as SSI's chief executive, with Levy as president"), else the clause's company
    subject or object ("Acme will be run by Jane Roe, with John Doe as chairman" is Acme's)."""
    names = _with_as(title)
    if not names:
        return []
    as_ = title.head
    with_ = as_.head.head if as_.head.dep_ == "pobj" and as_.head.head.lower_ == "with" else None
    verb = with_.head if with_ is not None else as_.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    for as_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c != title.head):
        for other in (g for g in as_.children if g.dep_ == "pobj" and _title_of(g) is not None):
            found = _title_orgs(other, refs)
            if found:
                return found
    return [e for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            for e in entities_of(c, refs) if e[0].label_ in EMPLOYERS]


def _last_listed_before(title: Token, refs: EntityRefs) -> Span:
    """The name a singular title in apposition describes: the one written just before it. "co-founded by
    A, B and C, the Mobileye founder" says it of C, though the parser hangs it on B, whose list C ends.

    The title's head is a name of a list; when a later name of that list ends right before the title's
    comma, that name holds the title."""
    head = refs.ent_containing(title.head)
    left = title.left_edge.i
    later = [t for t in _conjuncts(title.head) if head.end <= t.i < left]
    if not later:
        return head
    last = refs.ent_containing(later[-1])
    doc = title.doc
    if last is None or last.label_ != PERSON or last.end != left - 1 or doc[last.end].text != ",":
        return head
    return last


def _gapped_holders(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "Lample is chief scientist and Lacroix chief technology officer": a title coordinated with a copula's
    attribute, with the copula left out, is held by the person written before it."""
    if title.dep_ != "conj" or title.head.dep_ != "attr":
        return []
    found = [refs.ent_containing(c) for c in title.children if c.dep_ in ("nmod", "compound", "nsubj") and c.i < title.i]
    return [(e, False) for e in found if e is not None and e.label_ == PERSON and e.end <= title.left_edge.i + 1]


def _successors(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "X is stepping down as CEO and will be replaced by Y": the agent of a passive succession verb
    coordinated with the verb of the title takes the title over."""
    out = []
    for conj in (c for c in verb.children if c.dep_ == "conj" and lemma_word(c) in _tables()["succession_verbs"]):
        if any(c.dep_ == "auxpass" for c in conj.children):
            out += [e for a in conj.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                    for e in entities_of(g, refs) if e[0].label_ == PERSON]
    return out


def _active_successors(holders: list[tuple[Span, bool]], sent: Span, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "Nokia says Lundmark, its chief executive, will step down and that Hotard will replace him": the subject
    of an active "replace"/"succeed" whose object is a holder takes the holder's title over. Not when the verb
    names the office ("succeeded him as chief executive"): that one office passes, not every title of the
    predecessor's sentence (read by :func:`_is_bare`)."""
    keys = {_person_key(p) for p, _ in holders if p.label_ == PERSON}
    out = []
    for verb in (t for t in sent if lemma_word(t) in _tables()["succession_verbs"] and t.pos_ == "VERB") if keys else ():
        if any(c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
            continue
        objects = [refs.entity_for(c) for c in verb.children if c.dep_ == "dobj"]
        if not any(o is not None and o.label_ == PERSON and _person_key(o) in keys for o in objects) or is_negated(verb):
            continue
        out += [(e, True) for e, _ in subjects_of(verb, refs) if e.label_ == PERSON and _person_key(e) not in keys]
    return out


#: Verbs whose object is put out of the office named with "as": "the board removed X as chief executive".
REMOVING_VERBS = frozenset({"remove", "oust", "depose", "fire", "sack", "dismiss"})


#: Words that pick some of a group: "one of the founders", "two of its co-founders".
SOME_OF = frozenset({"one", "two", "three", "four", "some", "several", "many", "each", "both", "all"})


def _one_of(title: Token) -> Token | None:
    """The word picking the holder out of a plural title's group: "one" in "one of the founders of X"."""
    if title.dep_ == "pobj" and title.head.lower_ == "of" and _is_plural_title(title) and \
            title.head.head.lower_ in SOME_OF and title.head.head.dep_ != "nummod":
        return title.head.head
    return None


def _is_plural_title(title: Token) -> bool:
    """A title in the plural ("engineers", "co-founders"), said of several people at once."""
    return title.tag_ in ("NNS", "NNPS")


def _people_of_list(name: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people of the list a name stands in ("A, B and C"), from any of its names: the list's
    first name and every name coordinated with it."""
    first = name
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    found = [refs.ent_containing(t) for t in _conjuncts(first)]
    return _unique([(e, False) for e in found if e is not None and e.label_ == PERSON])


def _own_unit(title: Token, refs: EntityRefs) -> Span | None:
    """The organisation named right after a title by "of" ("head of Reality Labs"), if any."""
    doc = title.doc
    if title.i + 2 >= len(doc) or doc[title.i + 1].lower_ != "of":
        return None
    ent = refs.ent_containing(doc[title.i + 2])
    if ent is None or ent.start != title.i + 2 or ent.label_ not in EMPLOYERS or _is_title_word(ent):
        return None
    return ent


#: Titles whose "for" names a client rather than an employer ("a lawyer for Initech said it would appeal").
COUNSEL_TITLES = frozenset({"lawyer", "lawyers"})


def _title_orgs(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The organisations a title is held at: "of X", "at X", "X's CEO", "Nvidia CEO", "DeepMind co-founder"."""
    children = word_children(title)
    out = _possessors(title, refs)
    # "CNN Vatican analyst": of two names before a title the first employs, the one next to it is the field
    compounds = [refs.ent_containing(c) for c in children if c.dep_ == "compound" and refs.ent_containing(c) is not None]
    compounds = [e for e in compounds if not _is_title_word(e)]
    out += [(e, False) for e in compounds[:1]]
    for child in children:
        if child.dep_ == "compound":
            continue
        if child.dep_ in ("amod", "nmod") and child.i < title.i and _company_at(child, refs) is not None:
            # "Baidu chief executive", "a former Anthropic researcher": the tagger reads the name as an adjective
            out.append((_company_at(child, refs), False))
    # "a lawyer for Initech" represents Initech; "a lawyer at Brenwick & Vale" works there
    out += _prep_objects(title, ("of", "at") if title.lower_ in COUNSEL_TITLES else ("of", "at", "for"), refs)
    out += _verb_attached_employer(title, refs)
    out += _field_then_employer(title, refs)
    # "Nvidia's CEO Jensen Huang": the possessive hangs on the name the title compounds
    if not out and title.dep_ == "compound":
        out += _possessors(title.head, refs)
        out += _prep_objects(title.head, ("of", "at"), refs)
    return _unique([(e, v) for e, v in out if not _is_title_word(e)])


#: Words that may close a relative clause's host before "whose": "X, a lab that builds models *and* whose ...".
_RELATIVE_LINKS = frozenset({"and", ",", "but"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def _whose_host(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The employer a title owned by "whose" belongs to when the parse gives it none: the noun phrase the
    relative clause follows. "Mistral AI, the Paris start-up whose chief executive, Arthur Mensch, ..." (the
    name the description before "whose" is in apposition to), "Silo AI, a lab that builds models and whose
    chief executive ..." (a relative clause coordinated with an earlier one shares that one's host)."""
    whose = next((c for c in title.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is None:
        return []
    doc, sent_start = title.doc, title.sent.start
    before = whose.i - 1
    if before >= sent_start and doc[before].lower_ in _RELATIVE_LINKS:
        # "... that builds X and whose CEO": the host of the nearest earlier relative pronoun
        for i in range(before - 1, sent_start - 1, -1):
            if doc[i].lower_ in _RELATIVE_PRONOUNS and doc[i].tag_ in ("WDT", "WP"):
                host = refs.entity_for(doc[i])
                return [(host, True)] if host is not None and host.label_ in EMPLOYERS else []
        return []
    host = _company_at(doc[before], refs) if before >= sent_start else None
    if host is not None:
        return [(host, False)]  # "Anthropic whose chief executive"
    # "X, the Paris start-up whose": back over the description to the comma after the name it describes
    for i in range(before, max(sent_start, whose.i - 8) - 1, -1):
        tok = doc[i]
        if tok.text == "," and i > sent_start:
            host = refs.ent_containing(doc[i - 1])
            return [(host, False)] if host is not None and host.end == i and host.label_ in EMPLOYERS else []
        glued = i + 1 < whose.i and not tok.whitespace_ and doc[i + 1].text == "-"  # "start" of "start-up"
        if (tok.pos_ in ("VERB", "AUX") and not glued) or tok.lower_ in _RELATIVE_PRONOUNS or _company_at(tok, refs) is not None:
            return []  # a clause, or a nearer company: the host is no longer plain ("the Paris start-up" is fine)
    return []


def _verb_attached_employer(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The employer of a copula's title when the parser hangs its "at" on the verb: "X later became a
    partner at Sequoia", "was named chief scientist at Google". Only a phrase written right after the
    title ("became chief executive in 2019 at the age of 40" names no employer)."""
    if title.dep_ not in ("attr", "oprd") or title.head.pos_ not in ("VERB", "AUX"):
        return []
    after = title.right_edge.i + 1
    preps = [c for c in title.head.children if c.dep_ == "prep" and c.i == after and c.lower_ in ("at", "of")]
    return [(e, v) for p in preps for g in p.children if g.dep_ == "pobj"
            for e, v in entities_of(g, refs) if e.label_ in EMPLOYERS]


def _field_then_employer(title: Token, refs: EntityRefs, depth: int = 2) -> list[tuple[Span, bool]]:
    """The employer after the field of a title: "Professor of Commercial Law in the Faculty of Law at the
    University of Oxford", "editor of the business desk at the Tribune" (at most two such steps)."""
    out = []
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
        for field in (c for c in prep.children if c.dep_ == "pobj" and refs.ent_containing(c) is None):
            found = _prep_objects(field, ("at",), refs)
            if lemma_word(field) in _tables()["site_nouns"]:
                # "head of the therapy department of X Institute": a unit's "of" names its organisation
                found += _prep_objects(field, ("of",), refs)
            if not found and depth > 1:
                found = _field_then_employer(field, refs, depth - 1)
            out += [(e, v) for e, v in found if e.label_ in EMPLOYERS]
    return out


def _title_vocabulary() -> frozenset[str]:
    return title_words()


def _is_title_word(ent: Span) -> bool:
    """An "organisation" that is a word of a title ("Vice" in "Vice President", "Managing" in "Managing Director")."""
    return all(t.lower_ in _title_vocabulary() or t.is_punct for t in ent)


@code_rule
def title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for / leads / founded from job titles next to a person."""
    interviewee = _headline_interviewee(doc, refs)
    for token in tokens_where(doc, "POS", ("NOUN", "PROPN")):
        if refs.ent_containing(token) is not None:
            continue
        found = _title_of(token)
        if found is None:
            continue
        relation, title = found
        if interviewee is not None and _names_the_interviewee(token, relation, refs):
            # "Q&A: Vellichor Labs' Ana Ruiz on voice models / Its chief executive explains why ..."
            person, company = interviewee
            yield Candidate(person, relation, company, token, "title.interview_subject", _conf("title.interview_subject", True))
            continue
        orgs = _title_orgs(token, refs)
        if not any(o.label_ in EMPLOYERS for o, _ in orgs):
            orgs = _whose_host(token, refs) or orgs
        rule = "title.attached"
        named_to = _named_to(token, refs) if _pronoun_possessed(token) else None
        if named_to is not None:
            # "Pellucid named Victor Hale, a veteran of Intel, its new president": "its" is the appointer's,
            # not the nearest company's, and the title the named person's
            orgs = named_to[1]
        described = _participle_host_of_pronoun(token, refs)
        if described is not None:
            # "Intersect Power, a developer led by its founder Sheldon Kimber": "its" is the developer's
            orgs = [(described, True)]
        founded_here = _founded_in_clause_host(token, orgs, refs)
        if founded_here:
            # "Mistral was founded by Arthur Mensch, a former researcher at DeepMind who is now its chief executive"
            orgs = founded_here
        if not orgs and token.dep_ == "conj" and _title_of(token.head) is not None:
            # "Meta's founder and chief executive": the second title shares the first one's company
            orgs = _founded_in_clause_host(token.head, _title_orgs(token.head, refs), refs) or _title_orgs(token.head, refs)
        orgs = _not_the_apposition_company(token, orgs, refs)
        if not orgs:
            orgs = _with_as_employer(token, refs)  # "..., with Levy as president"
        if not orgs and _names_company_by_context(title) and _is_bare(token, refs, title):
            # "Mensch, the chief executive, said", "Raman is chief executive": the company the holder is said
            # to have founded or to run elsewhere in the article, else the company the article is about
            ent = _holders_own_company(token, refs) or refs.salient_entity(token, ("COMPANY",))
            orgs = [(ent, True)] if ent is not None else []
            rule = "title.bare"
        if not orgs:
            # "ANC chose X to replace Y as president", "Acme appointed X as chief executive": the appointer
            orgs = _appointer(token, refs)
        if relation == "founded" and _first_person_possessed(token) and all(o.label_ == PERSON for o, _ in orgs):
            # "Marcus Ellery, my co-founder, ...": the company the speaking founder founded or runs ("my" may
            # already have been read as the speaker, a person, who is no company to found)
            orgs = _speakers_company(token, refs)
            rule = "title.first_person" if orgs else rule
        if relation == "founded" and _hired_by_owner(token, orgs, refs):
            orgs = []  # "Amazon ... hiring its founders": "its" is the company hired from, not the hirer
        pronoun = _possessive_pronoun_before(token) if relation == "founded" else None
        if pronoun is not None:
            orgs = [(o, v) for o, v in orgs if not (v and _hirer_read_as_founded(pronoun, o, refs))]
        if not orgs and relation == "founded":
            orgs = _founders_hired_away(token, refs)
            rule = "title.founder_hired_away" if orgs else rule
        if not orgs:
            continue
        yield from _leader_above_deputy(token, relation, orgs, refs)
        above = _units_above(token, orgs, refs)
        orgs = _unique(orgs + above)
        parts = _part_owners(token, refs) | {(e.start, e.end) for e, _ in above}
        unit = _own_unit(token, refs) if relation == "leads" else None
        if unit is not None:
            # "Meta's chief technology officer and head of Reality Labs": the head leads the unit its "of"
            # names and works for the company the shared possessive names; "chief executive of Alphabet and
            # Google" leads both (the parser may hang "of" on the first title, hence the surface unit too)
            own = {(e.start, e.end) for e, _ in _prep_objects(token, ("of",), refs)} | {(unit.start, unit.end)}
            parts |= {(e.start, e.end) for e, _ in orgs if (e.start, e.end) not in own}
        holders = [named_to[0]] if named_to is not None else _title_holders(token, refs)
        if relation != "founded":
            holders = _unique(holders + _active_successors(holders, token.sent, refs))
        for person, p_via in holders:
            for org, o_via in orgs:
                # "a former head of Google's advertising business" leads a part of Google: works for it
                rel = "works_for" if relation == "leads" and (org.start, org.end) in parts else relation
                if rel == "founded" and (org.start, org.end) in parts:
                    continue  # "co-founder of the Madeiran branch of the party PSD" founded the branch, not PSD
                yield Candidate(person, rel, org, token, rule, _conf(rule, p_via or o_via))
    yield from counted_title_list_relations(doc, refs)


def _participle_host_of_pronoun(title: Token, refs: EntityRefs) -> Span | None:
    """The company whose "its" a title in a participle's agent has: "X, a developer led by its founder Y",
    "the lab, run by its chief executive Y". The possessive points back to the noun the participle describes,
    which the pronoun's nearest antecedent elsewhere in the passage need not be."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in title.children):
        return None
    agent = title.head
    if title.dep_ != "pobj" or agent.dep_ != "agent" or agent.head.dep_ not in ("acl", "relcl"):
        return None
    noun = agent.head.head
    found = _company_of_noun(noun, refs) or next(iter(e for e, _ in _company_before_description(noun, refs)), None)
    return found


def _headline_interviewee(doc: Doc, refs: EntityRefs) -> tuple[Span, Span] | None:
    """The person and company an interview's headline names as "Company's Person" ("Q&A: Vellichor Labs'
    Ana Ruiz on voice models", "a conversation with Quorum Forge's Nadia Bhandari-Stone"), if the text
    goes on to ask questions (a paragraph ending in "?")."""
    if "?" not in doc_text(doc):  # (no question asked: no token of the Doc need be read)
        return None
    first_line = next((t.i for t in doc if "\n" in t.text_with_ws), len(doc) - 1)
    if not any(t.text == "?" and (t.i + 1 >= len(doc) or "\n" in t.text_with_ws or "\n" in doc[t.i + 1].text)
               for t in doc[first_line + 1:]):
        return None
    for ent in refs.ents:
        if ent.start > first_line:
            return None
        after = ent.end + 1
        if ent.label_ == COMPANY and after < len(doc) and doc[ent.end].lower_ in ("'s", "\u2019s", "'", "\u2019"):
            person = refs.ent_containing(doc[after])
            if person is not None and person.start == after and person.label_ == PERSON:
                return person, ent
    return None


def _names_the_interviewee(title: Token, relation: str, refs: EntityRefs) -> bool:
    """Whether a title in an interview's introduction stands for the interviewee, whom it does not name: "We
    spoke to its chief executive", "Its chief executive explains why ...", "the chief executive of one of the
    companies" (a leader's or founder's title, singular, held by no one named, in a paragraph before the first
    question, none of whose sentence names a person)."""
    if relation not in ("leads", "founded") or title.tag_ in ("NNS", "NNPS") or _title_holders(title, refs):
        return False
    doc, sent = title.doc, title.sent
    if any(e.label_ == PERSON for e in refs.ents if sent.start <= e.start < sent.end):
        return False
    first_line = next((t.i for t in doc if "\n" in t.text_with_ws), len(doc) - 1)
    asked = next((t.i for t in doc[first_line + 1:] if t.text == "?"), len(doc))
    if not first_line < title.i < asked:
        return False
    owner = [c for c in title.children if c.dep_ == "poss"]
    return not owner or owner[0].lower_ in ("its", "company", "firm", "startup")  # not "her", "Globex's"


def _founded_in_clause_host(title: Token, orgs: list[tuple[Span, bool]], refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The company a founder's relative clause or apposition means by "its": "Mistral was founded by Arthur
    Mensch, a former researcher at DeepMind who is now its chief executive", "Fathom was founded by three ETH
    researchers: Rahel Zimmermann, its chief executive; ..." (the company the sentence says the holder founded,
    not the former employer or school named nearer). Nothing unless the title is owned by a pronoun, in a
    relative clause on the founder's name or description or in apposition to the name, and the sentence names
    one company the holder founded."""
    if not orgs or not all(v for _, v in orgs) or not _pronoun_possessed(title):
        return []
    clause = title.head
    named = refs.ent_containing(clause)
    beside_name = title.dep_ == "appos" and named is not None and named.label_ == PERSON  # people10
    if not beside_name and (clause.dep_ != "relcl" or
                            not any(c.lower_ in ("who", "that") and c.dep_ == "nsubj" for c in clause.children)):
        return []
    holders = {_person_key(p) for p, _ in _title_holders(title, refs) if p.label_ == PERSON}
    sent = title.sent
    founded = {_name_key(c): c for key, c in _sentence_foundings(title.doc, refs)
               if key in holders and sent.start <= c.start < sent.end}
    if len(founded) != 1 or set(founded) & {_name_key(o) for o, _ in orgs}:
        return []
    return [(next(iter(founded.values())), False)]


def _founded_in_sentence(person: Span, sent: Span, refs: EntityRefs) -> Span | None:
    """The one company the sentence says ``person`` founded, else ``None``."""
    founded = {_name_key(c): c for key, c in _sentence_foundings(sent.doc, refs)
               if key == _person_key(person) and sent.start <= c.start < sent.end}
    return next(iter(founded.values())) if len(founded) == 1 else None


def _sentence_foundings(doc: Doc, refs: EntityRefs) -> list[tuple[str, Span]]:
    """(founder's surname, company) of every founding the verbs and described agents state, once per Doc."""
    found = refs.memo.get("foundings")
    if found is None:
        found = refs.memo["foundings"] = [
            (_person_key(c.source), c.target) for rule in (verb_relations, described_agent_role_relations)
            for c in rule_candidates(rule, doc, refs) if c.relation == "founded" and _types_fit(c) and not is_negated(c.trigger)]
    return found


def _names_company_by_context(title: str) -> bool:
    """A title that needs no company to be understood as the passage's company's: the lexicon's bare titles
    and every "chief ... officer" ("the chief research officer", "chief revenue officer")."""
    return title in _tables()["bare_titles"] or (title.startswith("chief ") and title.endswith(" officer"))


def _appointer(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The organisation that appoints to a title named with "as": "Acme appointed X as chief executive",
    "ANC chose X to replace Y as president" (the subject of the appointing verb)."""
    if title.dep_ in ("oprd", "dobj") or (title.dep_ == "pobj" and title.head.lower_ == "to"):
        # "Acme named Jane Roe chief executive", "Acme promoted Jane Roe to chief executive"
        verb = title.head if title.dep_ != "pobj" else title.head.head
        if lemma_word(verb) not in _tables()["appointing_verbs"] or not _title_holders(title, refs):
            return []
        return [e for c in verb.children if c.dep_ == "nsubj" for e in entities_of(c, refs) if e[0].label_ in EMPLOYERS]
    if not (title.dep_ == "pobj" and title.head.lower_ == "as"):
        return []
    verb = title.head.head
    if lemma_word(verb) in _tables()["succession_verbs"] and verb.dep_ == "xcomp":
        verb = verb.head
    if lemma_word(verb) in ("join", "rejoin"):  # "X joined Acme as chief executive": whom X joined
        if any(c.dep_ == "dobj" and c.lower_ == "us" for c in verb.children):
            return _speakers_company(title, refs)  # "X joins us as head of research": the writers' company
        return [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs) if e[0].label_ in EMPLOYERS]
    if lemma_word(verb) not in _tables()["appointing_verbs"]:
        return []
    return [e for c in verb.children if c.dep_ == "nsubj" for e in entities_of(c, refs) if e[0].label_ in EMPLOYERS]


def _first_person_possessed(title: Token) -> bool:
    """A title owned by the speaker: "my co-founder", "our founder"."""
    return any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in word_children(title))


def _speakers_company(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The one company the article says its people (other than the title's holders) founded or run:
    the company of whoever says "my co-founder". Nothing when the article ties people to several."""
    holders = {_person_key(p) for p, _ in _title_holders(title, refs)}
    known = _people_companies(title.doc, refs)
    companies = {_name_key(c): c for person, found in known.items() if person not in holders for c in found}
    return [(next(iter(companies.values())), True)] if len(companies) == 1 else []


def _pronoun_possessed(title: Token) -> bool:
    """A title owned by a possessive pronoun: "its new president", "their chief executive"."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in word_children(title))


def _named_to(title: Token, refs: EntityRefs) -> tuple[tuple[Span, bool], list[tuple[Span, bool]]] | None:
    """``(person, appointers)`` for a title set after the person an organisation names to it: "Acme named
    Jane Roe, a veteran of Globex and Initech, its new president" (the parser hangs the title on the
    nearest noun of the person's apposition; it may also hang the verb on its subject as a clause)."""
    holder = title
    for _ in range(5):
        if holder.dep_ not in ("appos", "conj", "pobj", "prep") or holder.head == holder:
            return None
        holder = holder.head
        if refs.ent_containing(holder) is not None and refs.ent_containing(holder).label_ == PERSON:
            break
    else:
        return None
    person = refs.ent_containing(holder)
    if person is None or person.label_ != PERSON or holder.dep_ not in ("dobj", "oprd"):
        return None
    verb = holder.head
    if lemma_word(verb) not in _tables()["appointing_verbs"]:
        return None
    named_by = [e for c in verb.children if c.dep_ == "nsubj" for e in entities_of(c, refs)]
    if not named_by and verb.dep_ == "acl" and refs.ent_containing(verb.head) is not None:
        named_by = [(refs.ent_containing(verb.head), False)]  # "Pellucid named ...", parsed as a noun's clause
    named_by = [(e, v) for e, v in named_by if e.label_ in EMPLOYERS]
    return ((person, False), named_by) if named_by else None


def _leader_above_deputy(title: Token, relation: str, orgs: list[tuple[Span, bool]], refs: EntityRefs) -> Iterator[Candidate]:
    """ "She was deputy leader of the Labour Party under Eamon Gilmore": the person a deputy serves under
    holds the leading title (leads the organisation)."""
    plain = _plain_title_of(title)
    if relation != "works_for" or plain is None or plain[0] != "leads":
        return
    rule = "title.attached"
    for leader, lv in _prep_objects(title, ("under",), refs):
        if leader.label_ == PERSON:
            for org, ov in orgs:
                yield Candidate(leader, "leads", org, title, rule, _conf(rule, lv or ov))


def _units_above(title: Token, orgs: list[tuple[Span, bool]], refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The organisations a title names above the unit it is held at: "head of the department of
    infections at X" (X, after an unnamed unit), "Dean of the College of Fine Arts of Tehran University"
    (the university, after a named unit, whether the parser hangs it on the title or on the unit).
    The holder leads the unit and works for these."""
    above = list(_field_then_employer(title, refs))
    # one "of" phrase after another on the title (not "of X and Y"): the later ones are the larger bodies
    of_phrases = [[e for pobj in prep.children if pobj.dep_ == "pobj" for e in entities_of(pobj, refs)]
                  for prep in title.children if prep.dep_ == "prep" and prep.lower_ == "of"]
    of_phrases = [p for p in of_phrases if p]
    above += [e for phrase in of_phrases[1:] for e in phrase]
    # "of the College of Arts of Carrow University": the unit's own "of" phrase
    for unit, _ in orgs:
        above += [e for t in unit for e in _prep_objects(t, ("of",), refs) if not (unit.start <= e[0].start < unit.end)]
    return _unique(above)


def _hiring_verb(title: Token) -> Token | None:
    """The hiring verb whose object a title (or the name it is written before) is: "hired co-founders A and B"."""
    holder = title.head if title.dep_ == "compound" else title
    verb = holder.head
    while holder.dep_ == "conj" and verb.dep_ in ("dobj", "conj") and verb.head != verb:
        holder, verb = verb, verb.head
    if holder.dep_ != "dobj" or lemma_word(verb) not in _tables()["hiring_away_verbs"]:
        return None
    return verb


def _hired_by_owner(title: Token, orgs: list[tuple[Span, bool]], refs: EntityRefs) -> bool:
    """ "Amazon ... hiring its founders A, B and C": a founder title whose pronoun was read as the hirer, who
    hires founders of another company, not its own."""
    verb = _hiring_verb(title)
    if verb is None or not orgs or not all(v for _, v in orgs):
        return False
    hirers = {_name_key(e) for e, _ in subjects_of(verb, refs)}
    return any(_name_key(o) in hirers for o, _ in orgs)


def _possessive_pronoun_before(title: Token) -> Token | None:
    """ "its co-founder": the possessive pronoun of a title, read on the surface (the parser splits "co-founder"
    and hangs "its" on "co")."""
    for t in reversed(title.doc[max(0, title.i - 4): title.i]):
        if t.tag_ == "PRP$":
            return t
        if t.is_punct and t.text != "-":
            return None
    return None


def _hirer_read_as_founded(pronoun: Token, company: Span, refs: EntityRefs) -> bool:
    """ "Google said it was hiring Windsurf's chief executive, Varun Mohan, its co-founder Douglas Chen": a
    pronoun read as the hirer, before a founder title in the hired list, is the hired one's company, not
    the hirer (which hires founders of another company, not its own)."""
    if pronoun.lower_ not in ("its", "their"):
        return False
    verb = pronoun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if lemma_word(verb) not in _tables()["hiring_away_verbs"]:
        return False
    return _name_key(company) in {_name_key(e) for e, _ in subjects_of(verb, refs)}


def _founders_hired_away(title: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "Microsoft hired co-founders A and B": founders a company hires founded another company, the one
    other company the sentence names ("... its arrangement with Inflection AI, when Microsoft hired
    co-founders ..."). Nothing when the sentence names several others."""
    verb = _hiring_verb(title)
    if verb is None:
        return []
    sent = title.sent if title.doc.has_annotation("SENT_START") else title.doc[:]
    other = sole_other_company(sent, [e for e, _ in subjects_of(verb, refs)])
    return [(other, True)] if other is not None else []


def _is_bare(title: Token, refs: EntityRefs | None = None, words_of_title: str = "") -> bool:
    """A title with no company of its own: no possessive, compound or prepositional phrase (a compound that
    is a word of the title itself, "research" in "chief research officer", is no company)."""
    first_word = title.i - len(words_of_title.split()) + 1 if words_of_title else title.i
    kids = [c for c in word_children(title) if not (c.dep_ == "compound" and first_word <= c.i < title.i and not c.ent_type_)]
    if refs is not None and _gapped_holders(title, refs):
        return True  # "... and Lacroix chief technology officer": the gapped copula's attribute
    # only a title predicated of a person ("X, the chief executive," / "X is chief executive"), not a
    # title in a list or before a name ("chairperson A and chief executive B"), which names its company elsewhere
    if any(c.dep_ in ("poss", "prep", "compound", "nmod") for c in kids):
        return False
    # "Mostaque resigned as chief executive", "who served as CEO until 2019": an office held "as" it
    # "Oren succeeded him as chief executive": a successor takes over the office held, at the same company
    held_as = title.dep_ == "pobj" and title.head.lower_ == "as" and (
        lemma_word(title.head.head) in _tables()["office_verbs"] or lemma_word(title.head.head) in REMOVING_VERBS
        or lemma_word(title.head.head) in _tables()["succession_verbs"])
    return held_as or title.dep_ in ("appos", "attr", "oprd")


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
TITLE_MODIFIERS = words("title_modifiers")


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


_PREFIXES: dict[int, tuple[dict, frozenset[str]]] = {}


def _title_prefixes(titles: dict) -> frozenset[str]:
    """Every beginning of a title or of its plural ("chief", "chief e", ..., "founders"): a walk whose
    words are none of these can find no longer title."""
    found = _PREFIXES.get(id(titles))
    if found is None or found[0] is not titles:
        prefixes = frozenset(w[:k] for t in titles for w in (t, t + "s") for k in range(1, len(w) + 1))
        found = _PREFIXES[id(titles)] = (titles, prefixes)
    return found[1]


def _title_at(doc: Doc, i: int, titles: dict) -> tuple[str, int] | None:
    """``(relation, end)`` of the longest title written at token ``i`` (hyphenated pieces joined)."""
    best = None
    words, j = "", i
    prefixes = _title_prefixes(titles)
    while j < len(doc) and j < i + 6:
        tok = doc[j]
        if not (tok.is_alpha or tok.text == "-"):
            break
        words += tok.lower_
        if words not in prefixes:
            break  # no title begins so: neither this nor any longer walk is one
        j += 1
        key = words if words in titles else words[:-1] if words.endswith("s") and words[:-1] in titles else None
        if key is not None and not (j < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_):
            best = (titles[key], j)  # "founders" too: "its two founders, A and B"
        if tok.whitespace_:
            words += " "
    if best is not None and best[1] == i + 1 and doc[i].lower_ == "chief":
        officer = _officer_after_chief(doc, i)
        if officer is not None:
            return "works_for", officer + 1
    return best


#: How many words may stand between "chief" and "officer" in a title the lexicon does not list.
CHIEF_OFFICER_GAP = 3


def _officer_after_chief(doc: Doc, i: int) -> int | None:
    """The index of "officer" when the "chief" at ``i`` opens a "chief ... officer" title the lexicon does not
    list ("chief global affairs officer", "chief science officer"): the words between are lower-case words of
    the function. Such a title is one of the company's officers; only the chief executive officer (listed)
    runs it, so "chief" there is no leading title of its own."""
    for j in range(i + 1, min(len(doc), i + 2 + CHIEF_OFFICER_GAP)):
        word = doc[j]
        if word.lower_ in ("officer", "officers") and j > i + 1:
            return j
        if not (word.is_alpha and word.is_lower or word.text in ("&", "-")):
            return None
    return None


def _title_at_after_modifiers(doc: Doc, i: int, titles: dict) -> bool:
    while i < len(doc) and doc[i].lower_ in TITLE_MODIFIERS and not _title_at(doc, i, titles):
        i += 1
    return _title_at(doc, i, titles) is not None


def _surface_possessor_at(doc: Doc, i: int, refs: EntityRefs) -> tuple[Span, int, int] | None:
    """A company possessor ending at token ``i``: "Nvidia's", "its", "the startup's" -> ``(company, first, after)``."""
    tok = doc[i]
    if tok.lower_ in ("its", "their"):
        ent = refs.entity_for(tok)
        return (ent, i, i + 1) if ent is not None and ent.label_ in EMPLOYERS else None
    if tok.lower_ not in ("'s", "\u2019s", "'") or i == 0:
        return None
    owner = refs.ent_containing(doc[i - 1])
    if owner is not None:
        return (owner, owner.start, i + 1) if owner.label_ in EMPLOYERS and owner.end == i else None
    ent = refs.entity_for(doc[i - 1])  # "the startup's"
    if ent is None or ent.label_ not in EMPLOYERS:
        return None
    first = doc[i - 1].left_edge.i if doc[i - 1].left_edge.i < i - 1 else i - 1
    return ent, first, i + 1


#: Verbs that say what their object is taken for: "described X as", "sees X as", "billed X as". A title after
#: their "as" is the object's ("described HashiCorp as the natural partner of Red Hat"), not the subject's.
REGARDING_VERBS = frozenset({"describe", "regard", "see", "view", "consider", "portray", "characterize", "characterise",
                             "bill", "tout", "pitch", "label", "brand", "dub", "cast", "style", "hail"})

#: Objects that are the subject again ("she described herself as a co-founder"): the subject holds the title.
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})


def _in_relative_clause(doc: Doc, i: int) -> bool:
    """Whether a relative pronoun ("who is now its chief executive", "which made him its president") stands
    between token ``i`` and the comma or sentence start before it."""
    for tok in reversed(doc[doc[i].sent.start: i]):
        if tok.text in (",", ";", ":"):
            return False
        if tok.tag_ in ("WP", "WDT", "WP$"):
            return True
    return False


@code_rule
def surface_title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Titles in an apposition written around a person, read off the surface.

    "Naveen Rao, MosaicML's co-founder and former chief executive, now runs ...",
    "Its chief executive and co-founder, Peter Sarlin, will ...", "Alexander Wong, the startup's
    co-founder, joined ...": the possessor is the company, every listed title counts.
    """
    for possessive in tokens_where(doc, "LOWER", ("its", "their", "'s", "\u2019s", "'")):
        i = possessive.i  # _surface_possessor_at finds nothing at any other word
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
        # "X's TITLE, PERSON" ("its two founders, A and B"), but not "A, a researcher who is now its chief
        # technology officer, B, an engineer": a title a relative clause says of A is no apposition of B
        if end + 1 < len(doc) and doc[end].text == "," and not _in_relative_clause(doc, first):
            person = refs.ent_containing(doc[end + 1])
            if person is not None and person.label_ == PERSON and person.start == end + 1:
                persons.append(person)
                if doc[end - 1].lower_.endswith("s"):
                    persons += [m for m in surface_list(person, refs) if m.start > person.start]
        for person in persons:
            # "founded by three ETH researchers: A, its chief executive; B ...": "its" is the company A founded (people10)
            own = _founded_in_sentence(person, possessive.sent, refs) if possessive.lower_ in ("its", "their") else None
            company = own if own is not None else found[0]
            for relation, title in titles:
                if relation == "founded" and _hirer_read_as_founded(possessive, company, refs):
                    continue
                relation = "works_for" if relation == "leads" and _heads_a_field(title) else relation
                if relation == "leads" and _own_unit(title, refs) not in (None, company):
                    relation = "works_for"  # "Meta's CTO and head of Reality Labs" leads the unit, works for Meta
                yield Candidate(person, relation, company, title, "title.surface", _conf("title.surface", refs.ent_containing(doc[first]) is None))


    yield from _company_title_appositions(doc, refs)


def _company_title_appositions(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """ "Jonathan Frankle, a MosaicML co-founder, is ...": an apposition "a/the [former] COMPANY TITLE" after a
    person's name, read off the surface (the parser garbles a hyphenated title after a name); with "a", a
    leading title is one among several, whose holder works for the company."""
    for person in refs.ents:
        i = person.end
        if person.label_ != PERSON or i + 3 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            continue
        j = i + 2
        while j < len(doc) and doc[j].lower_ in FORMER_WORDS:
            j += 1
        company = _company_at(doc[j], refs) if j < len(doc) else None
        if company is None or company.start != j:
            continue
        titles, end = _surface_titles(doc, company.end)
        if not titles or end >= len(doc) or doc[end].text not in (",", ".", ";") or refs.ent_containing(doc[end - 1]) is not None:
            continue
        for relation, title in titles:
            if relation == "leads" and (doc[i + 1].lower_ != "the" or _heads_a_field(title)):
                relation = "works_for"
            yield Candidate(person, relation, company, title, "title.company_apposition", _conf("title.company_apposition", False))


# -- people's roles read around titles, participles and tenures ----------------------------------------
#: Participles a tagger leaves unlemmatised when it reads them as nouns ("the firm *run* by X").
ROLE_PARTICIPLES = {"run": "run", "led": "lead", "headed": "head", "founded": "found", "started": "start",
                    "established": "establish", "co-founded": "co-found", "formed": "form"}


#: Words before a title that make it a former one ("ex-Stripe engineers", "former chief executive").
FORMER_WORDS = words("former_words")


PERSON_ROLES = ("founded", "leads")


#: Words before a title that give it an owner of its own or make it indefinite ("whose chief executive X",
#: "a chief executive"): such a title is not held at the passage's company.
NOT_BARE_BEFORE = frozenset({"a", "an", "'s", "\u2019s", "whose", "his", "her", "its", "their", "our", "my", "your"})


def _company_at(token: Token, refs: EntityRefs) -> Span | None:
    """The company named at ``token``, unless the "company" is a word of a title ("Chief", "Vice")."""
    ent = refs.ent_containing(token)
    return ent if ent is not None and ent.label_ in EMPLOYERS and not _is_title_word(ent) else None


def _person_key(person: Span) -> str:
    """A person's surname, to match "Nwosu" with "Amara Nwosu"."""
    return person.text.split()[-1].lower()


def _people_companies(doc: Doc, refs: EntityRefs) -> dict[str, list[Span]]:
    """Surname -> the companies the article says the person founded or runs (verbs, participles, titles
    with a company), computed once per Doc."""
    found = refs.memo.get("people_companies")
    if found is None:
        found = refs.memo["people_companies"] = {}
        # a founding's list of founders too ("Founded by A and B, Kirin Labs ..."; people10): a later bare
        # title of A ("A, the chief executive, said") is then held at the company A founded
        # and every other founding reading of cofounding.py ("left AMD to co-found Tidewell": the speaker's
        # "my co-founder" is then at Tidewell)
        from .cofounding import (founder_list_relations, founders_past_apposition_relations, group_subject_relations,
                                 infinitive_cofounding_relations, present_founding_relations)
        for rule in (verb_relations, surface_title_relations, described_agent_role_relations, object_gap_role_relations,
                     founder_list_relations, infinitive_cofounding_relations, group_subject_relations,
                     founders_past_apposition_relations, present_founding_relations):
            for c in rule_candidates(rule, doc, refs):
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
    named_with = {_name_key(c): c for p in holders for c in [_company_named_with(p, refs)] if c is not None}
    if len(named_with) == 1:
        # "Zentro co-founder Mia Lund is stepping down as CEO": the company her name is written with
        return next(iter(named_with.values()))
    known = _people_companies(title.doc, refs)
    companies = {_name_key(c): c for p in holders for c in known.get(_person_key(p), ())}
    if len(companies) > 1:
        # "She left Nvidia to found Petrichor ... she co-founded Kittering Labs ... Farrokh was chief executive":
        # of a founder's several companies, a later bare title is held at the latest one named before it
        before = [c for p in holders for c in known.get(_person_key(p), ()) if c.end <= title.i]
        return max(before, key=lambda c: c.start) if before else None
    return next(iter(companies.values())) if companies else None


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


def _company_named_with(person: Span, refs: EntityRefs) -> Span | None:
    """The company of a current title written before a person's name: "Zentro co-founder Mia Lund"
    (not "former Google executive X", whose company is no longer hers)."""
    doc = person.doc
    start = _title_start_before(doc, person.start)
    if start is None:
        return None
    company = _company_before(doc, start - 1, refs)
    if company is None or any(t.lower_ in FORMER_WORDS for t in doc[max(0, company.start - 2): person.start]):
        return None
    return company


def _most_named_company(token: Token, refs: EntityRefs) -> Span | None:
    """The company the text before ``token`` names most often (names and resolved descriptions), if at
    least twice: the company a title written without one belongs to ("Chief Financial Officer Sunita
    Deshpande said"), rather than whichever company the sentence happens to name."""
    counts: dict[str, int] = {}
    first: dict[str, Span] = {}
    doc, seen = token.doc, set()
    for tok in doc[: token.i]:
        ent = refs.entity_for(tok)
        if ent is None or ent.label_ not in EMPLOYERS or _is_title_word(ent):
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


def _company_of_noun(noun: Token, refs: EntityRefs) -> Span | None:
    """The company a noun stands for: its name, the description coreference resolved ("the group"), or its
    possessor ("Core Scientific's board")."""
    for tok in [noun, *(c for c in noun.children if c.dep_ == "poss")]:
        ent = refs.entity_for(tok)
        if ent is None and tok.pos_ == "NOUN" and COMPANY in (refs.labels_for_noun(tok) or ()):
            ent = refs.antecedent_of_type(tok, (COMPANY,))  # "the Japanese investment group": the group named before
        if ent is not None and ent.label_ == COMPANY and not _is_title_word(ent):
            return ent
    return None


def _described_by_participle(person: Span, refs: EntityRefs) -> Span | None:
    """ "The Japanese group, led by founder Masayoshi Son, bought ...": the company of the noun whose
    participle has the titled person as agent."""
    by = person.root
    while by.dep_ in ("conj", "appos", "compound") and by.head.i != by.i:
        by = by.head  # "led by founder and chief executive Masayoshi Son": the name is a conjunct of the title
    by = by.head if by.dep_ == "pobj" else by
    if by.lower_ != "by" or by.head.tag_ != "VBN" or by.head.dep_ not in ("acl", "relcl"):
        return _surface_participle_company(person, refs)
    return _company_of_noun(by.head.head, refs)


def _agent_of_role_participle(title: Token, person: Span) -> bool:
    """Whether the title before ``person`` follows "<role participle> by" said of a name: "Gantry, the start-up run
    by chief executive X". (Said of a common noun, "the board, led by chief executive X", the passage tells whose.)"""
    doc = person.doc
    start = _title_start_before(doc, person.start)
    if start is None or start < 2 or doc[start - 1].lower_ != "by" or doc[start - 2].lower_ not in ROLE_PARTICIPLES:
        return False
    noun = doc[start - 2].head
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    return noun.pos_ == "PROPN" or bool(noun.ent_type_)


def _surface_participle_company(person: Span, refs: EntityRefs) -> Span | None:
    """ "Magic, the start-up run by co-founder and chief executive Eric Steinberger": read on the surface
    when the parser loses the name after a coordinated title (it tags "run" a noun and hangs the name on
    "Magic"): the title right after "<role participle> by" is held at what the participle describes."""
    doc = person.doc
    start = _title_start_before(doc, person.start)
    if start is None or start < 2 or doc[start - 1].lower_ != "by" or doc[start - 2].lower_ not in ROLE_PARTICIPLES:
        return None
    participle = doc[start - 2]
    if participle.dep_ not in ("acl", "relcl", "appos"):
        return None
    return _company_of_noun(participle.head, refs)


def _previous_subject_company(sent: Span, refs: EntityRefs) -> Span | None:
    """The company that is the subject of the sentence before ``sent`` in the same paragraph: "Walt Disney
    rose 11% ... Chief executive Bob Iger also announced a buyback" (Iger's is Disney, not the article's topic)."""
    doc = sent.doc
    if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
        return None
    previous = doc[sent.start - 1].sent
    if any(t.is_space and "\n" in t.text for t in previous):
        return None
    subject = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    return _company_of_noun(subject, refs) if subject is not None else None


def _paragraph_opening_company(title: Token, refs: EntityRefs) -> Span | None:
    """The company a paragraph opens with, as its subject or as a run-in heading ("IBM: The stock jumped ...
    Chief executive Arvind Krishna said"): the company the paragraph is about. Bullet marks before it are
    skipped; ``None`` when the paragraph opens with anything else."""
    doc = title.doc
    i = paragraph_start(doc, title.sent.start)
    while i < title.i and (doc[i].is_punct or doc[i].is_space):
        i += 1  # "* Pellstone Foods fell", "- IBM:"
    company = _company_at(doc[i], refs) if i < title.i else None
    return company if company is not None and company.start == i else None


#: The most tokens a heading line holds ("9. Brave", "Anton Osika, Lovable"): longer lines are prose.
HEADING_MAX_TOKENS = 8


def _heading_company(title: Token, refs: EntityRefs) -> Span | None:
    """The company the line right above the paragraph names when that line is a heading made of names alone
    ("9. Brave", "6. Kagi", "Anton Osika, Lovable"): in a listicle or a who's who, the entry the paragraph
    describes. ``None`` when the line says anything besides names, numbers and punctuation, or names no company."""
    doc = title.doc
    end = paragraph_start(doc, title.sent.start) - 1  # the line break token before the paragraph
    if end <= 0:
        return None
    start = paragraph_start(doc, end)  # the heading line's first token
    line = [t for t in doc[start:end] if not (t.is_space or t.is_punct or t.like_num)]
    if not line or end - start > HEADING_MAX_TOKENS:
        return None
    company = _company_at(line[-1], refs)
    if company is not None and company.end == line[-1].i + 1 and all(t.ent_type_ for t in line):
        return company
    # the tagger seldom names a lone heading word ("Kagi"); the article naming it as a company elsewhere does
    # (its last name only: "Anton Osika, Lovable")
    last = " ".join(t.text for t in line[next((k for k in range(len(line) - 1, -1, -1)
                                                if doc[line[k].i - 1].text == ","), 0):])
    if len(line) > 1 and not all(t.ent_type_ for t in line[:-len(last.split())]):
        return None
    return next((e for e in refs.ents if e.label_ in EMPLOYERS and e.text == last and not _is_title_word(e)), None)


def _bare_title_company(title: Token, person: Span, refs: EntityRefs) -> Span | None:
    """The company a title written without one ("Chief executive Bob Iger") is held at: the company the
    participle it stands in describes, else the company the previous sentence of the paragraph is about,
    else the company the paragraph opens with, else the company the text before names most often. The
    nearest is what the passage is about; the article's most named company is often the topic beside which
    this one is a buyer, owner or rival."""
    described = _described_by_participle(person, refs)
    if described is None and _agent_of_role_participle(title, person):
        return None  # "Gantry, the start-up run by chief executive X": what X runs is named, if not as a company
    # a heading line naming the entry ("9. Brave") outranks a description's guessed antecedent and the article's
    # most named company: "Co-founder and chief executive Brendan Eich" under "9. Brave" runs Brave
    return (described or _heading_company(title, refs) or _previous_subject_company(title.sent, refs)
            or _paragraph_opening_company(title, refs) or _most_named_company(title, refs))


def _ends_bare_title(token: Token, bare: frozenset[str]) -> bool:
    """Whether ``token`` ends a title that names its company by context alone ("Chief Financial Officer")."""
    return any(token.doc[j: token.i + 1].text.lower() in bare for j in range(max(0, token.i - 3), token.i + 1))


def _possessed_person(doc: Doc, person: Span, refs: EntityRefs) -> Iterator[Candidate]:
    """ "Initech's Jane Roe said", "according to the Tribune's Jane Roe": a person an organisation's possessive
    names as the one who speaks is one of its people (works_for), unless the article says the person leads
    or founded it (then that is the relation, and an employee edge beside it would be one too many).

    Only speakers: in other prose the possessive names a franchise's character or a band's member as often
    ("Nintendo's Pokémon", "Mastodon's Brent Hinds").
    """
    i = person.start
    if i < 2 or doc[i - 1].lower_ not in ("'s", "\u2019s") or not _speaks(person):
        return
    company = _company_at(doc[i - 2], refs)
    if company is None or company.end != i - 1:
        return
    if (_person_key(person), _name_key(company)) in _people_roles(doc, refs):
        return
    yield Candidate(person, "works_for", company, doc[i - 1], "title.possessed_person", _conf("title.possessed_person", False))


def _speaks(person: Span) -> bool:
    """Whether a name is the one who speaks: the subject of a reporting verb ("X said", "said X") or the
    object of "according to"."""
    root = person.root
    if root.dep_ == "nsubj" and lemma_word(root.head) in _tables()["reporting_verbs"]:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _people_roles(doc: Doc, refs: EntityRefs) -> set[tuple[str, str]]:
    """(surname, company key) of every person the article says leads or founded a company, once per Doc."""
    found = refs.memo.get("people_roles")
    if found is None:
        found = {(k, _name_key(c)) for k, companies in _people_companies(doc, refs).items() for c in companies}
        found |= {(_person_key(c.source), _name_key(c.target)) for c in rule_candidates(title_relations, doc, refs)
                  if c.relation in PERSON_ROLES and not is_negated(c.trigger)}
        refs.memo["people_roles"] = found
    return found


@code_rule
def prenominal_title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Titles written before a name, read off the surface: "SoftBank Chief Executive Masayoshi Son",
    "ex-Stripe engineers Amara Nwosu and Daniel Whitcombe", "Chief Financial Officer Sunita Deshpande said".

    The parser hangs the company and every title word on the name as compounds, so no title token
    holds the company. A company right before the title is the one; a bare title with none (not a
    former one, not "a chief executive") is held at the company the passage is about. A plural title
    holds for every listed name.
    """
    bare = _tables()["bare_titles"]
    for person in refs.ents:
        if person.label_ != PERSON:
            continue
        yield from _possessed_person(doc, person, refs)
        start = _title_start_before(doc, person.start)
        if start is None or _company_at(doc[start], refs) is not None or doc[start].tag_ == "PRP$":
            continue  # (not "its co-founder Jane Roe": whose the title is, the possessive says)
        titles, _ = _surface_titles(doc, start)
        company = _company_before(doc, start - 1, refs)
        first = company.start if company is not None else start
        former = any(t.lower_ in FORMER_WORDS for t in doc[max(0, first - 2): person.start])
        rule, via = "title.prenominal", False
        if company is None and start >= 1 and doc[start - 1].lower_ == "under" and not former:
            # "Under chief executive Ella Stone, Marrow AI has tripled its revenue": the company the clause is about
            company = _company_under(doc[start - 1], refs)
        if company is None:
            before = doc[start - 1] if start >= 1 else None
            if former or not all(_ends_bare_title(t, bare) for _, t in titles) or (
                    before is not None and (before.lower_ in NOT_BARE_BEFORE or before.ent_type_)):
                continue
            company, rule, via = _bare_title_company(doc[start], person, refs), "title.prenominal_bare", True
            if company is None:
                continue
        persons = [person]
        if doc[person.start - 1].lower_.endswith("s"):
            persons += [m for m in surface_list(person, refs) if m.start > person.start]
        for holder in persons:
            for relation, title in titles:
                yield Candidate(holder, relation, company, title, rule, _conf(rule, via))


#: Tokens after a former employer's name that its title may take: "former Google machine-learning engineer".
FORMER_TITLE_SPAN = 5


def past_employer_read_as_role(c: Candidate) -> bool:
    """Whether a founded/leads edge's company is named in its sentence only as a former employer: "The Palo Alto
    company, founded by former Google engineer Arvind Jain" (the company founded is the one described; Google is
    where he worked, which the title reading keeps as works_for). A title that is itself the role ("former
    Google chief executive X" leads Google) is not filtered: its trigger stands inside the former phrase."""
    if c.relation not in PERSON_ROLES:
        return False
    doc, sent = c.trigger.doc, c.trigger.sent
    key = _name_key(c.target)
    mentions = [e for e in doc.ents if sent.start <= e.start < sent.end and e.label_ in EMPLOYERS and _name_key(e) == key]
    if not mentions:
        return False
    for m in mentions:
        former = next((t.i for t in doc[max(sent.start, m.start - 2): m.start] if t.lower_ in FORMER_WORDS), None)
        if former is None or former <= c.trigger.i < m.end + FORMER_TITLE_SPAN:
            return False
    return True


def _company_under(under: Token, refs: EntityRefs) -> Span | None:
    """The company subject of the clause an "under" phrase opens: "Under chief executive X, Acme has grown"."""
    verb = under.head
    if under.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    found = [e for e, v in subjects_of(verb, refs) if e.label_ == "COMPANY" and not v]
    return found[0] if len(found) == 1 else None


@code_rule
def trailing_company_title_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Press-release titles with the company after them: "said Rafael Ostrowski, co-founder and chief
    executive officer, Cinderwell AI.", "said Colleen Marsh, vice president, AI solutions, Dell Technologies."

    The title list after the name's comma may be followed by one short phrase without a verb or a
    name (the department); then a comma and the company, which closes the clause.
    """
    closers = frozenset({".", ",", ";", '"', "\u201d", "'", ")"})
    for person in refs.ents:
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
            yield Candidate(person, relation, company, title, "title.trailing_company", _conf("title.trailing_company", False))


def _company_before_description(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The company a description noun follows as an apposition: "Halcyon Peak Partners, *the firm* run by X"."""
    left = noun.left_edge.i
    if left < 2 or noun.doc[left - 1].text != ",":
        return []
    company = _company_at(noun.doc[left - 2], refs)
    return [(company, False)] if company is not None and company.end == left - 1 else []


@code_rule
def described_agent_role_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """founded/leads from a participle whose agent the verb rules miss: "The startup, founded by ex-Stripe
    engineers Amara Nwosu and Daniel Whitcombe" (the names stand in an apposition of the agent noun),
    "Halcyon Peak Partners, the firm run by Eleanor Voss" (the tagger reads "run" as a noun)."""
    for tok in tokens_where(doc, "DEP", ("acl", "relcl", "appos")):
        agent_verb = _agent_bearer(tok)
        if agent_verb is None:
            continue
        if tok.dep_ == "relcl" and not _passive_relative(tok):
            continue
        if tok.dep_ == "appos" and tok.lower_ not in ROLE_PARTICIPLES:
            continue  # "X, the start-up run by Y": after a hyphenated noun the tagger takes "run" for the apposition's noun
        relations = [r for v in _shared_agent_verbs(tok, agent_verb) for r in _role_relations(v)]
        if not relations:
            continue
        persons, titled = [], []
        for pobj in (g for a in agent_verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
            named = entities_of(pobj, refs)
            if not named:
                named = [e for a in pobj.children if a.dep_ == "appos" for e in entities_of(a, refs)]
            named = [(e, v) for e, v in named if e.label_ == PERSON]
            persons += named
            title = _agent_title(pobj, refs)
            if title is not None:
                titled += [(title, e, v) for e, v in named]
        if not persons:
            continue
        companies = [(e, v) for e, v in entities_of(tok.head, refs) if e.label_ in EMPLOYERS] or \
            _company_before_description(tok.head, refs)
        for relation in dict.fromkeys(relations):
            for p, pv in _unique(persons):
                for c, cv in companies:
                    yield Candidate(p, relation, c, tok, "role.described_agent", _conf("role.described_agent", pv or cv))
        for relation, p, pv in titled:
            for c, cv in companies:
                yield Candidate(p, relation, c, tok, "role.described_agent", _conf("role.described_agent", pv or cv))


def _role_relations(verb: Token) -> list[str]:
    """founded/leads a participle gives its agent ("founded", "run", "co-founded")."""
    verbs = _tables()["verbs"]
    return [r for w in (lemma_word(verb), ROLE_PARTICIPLES.get(verb.lower_)) if w for r in verbs.get(w, ()) if r in PERSON_ROLES]


def _agent_bearer(verb: Token) -> Token | None:
    """The participle whose by-phrase names the agent of ``verb``: its own, or, when it has none, that of the
    participle it is coordinated with ("co-founded and run by X": X founded it too)."""
    if any(c.dep_ == "agent" for c in verb.children):
        return verb
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"):
        if any(c.dep_ == "agent" for c in conj.children):
            return conj
    return None


def _shared_agent_verbs(verb: Token, agent_verb: Token) -> list[Token]:
    """The participles the one agent is read with: ``verb`` alone, or both of "co-founded and run by X"."""
    return [verb] if agent_verb is verb else [verb, agent_verb]


def _agent_title(pobj: Token, refs: EntityRefs) -> str | None:
    """The relation a title in the by-phrase gives its holder at the company the participle describes:
    "founded by its chief executive X", "co-founded by chief executive X" (X leads it). A title with an owner
    or a time of its own ("former Globex chief executive X") is held elsewhere."""
    title = pobj if _title_of(pobj) is not None else next(
        (c for c in pobj.children if c.dep_ == "compound" and _title_of(c) is not None), None)
    if title is None:
        return None
    found = _title_of(title)
    before = pobj.doc[pobj.left_edge.i: hyphen_left(title)]
    if any(t.lower_ in FORMER_WORDS or refs.ent_containing(t) is not None for t in before):
        return None
    if any(t.dep_ == "poss" and t.lower_ not in ("its", "their") for t in before):
        return None
    if any(c.dep_ == "prep" for c in title.children):
        return None  # "founded by the chief executive of Globex"
    return found[0]


def _passive_relative(verb: Token) -> bool:
    """ "Marrow AI, which was started by ...": a passive relative clause whose subject is the relative
    pronoun, so the noun the clause follows is what the agent founded or runs."""
    return any(c.dep_ == "nsubjpass" and c.lower_ in ("which", "that") for c in verb.children)


@code_rule
def object_gap_role_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """ "01.AI, the startup Kai-Fu Lee founded in 2023": a relative clause without a pronoun, whose verb
    lacks its object, names what the person founded or runs: the company the description follows.

    Read off the surface (the parser takes the name for the subject of the whole sentence):
    COMPANY, the/a [words] NOUN PERSON VERB, the verb with no object of its own.
    """
    verbs = _tables()["verbs"]
    for person, via in _people_and_pronouns(doc, refs):
        if person.end >= len(doc) or person.start < 4:
            continue
        verb = doc[person.end]
        relations = [r for r in verbs.get(lemma_word(verb), ()) if r in PERSON_ROLES]
        if not relations or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or \
                any(c.dep_ in ("dobj", "attr", "ccomp") for c in verb.children):
            continue
        if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "and" and doc[verb.i + 2].tag_ in ("VBD", "VBZ", "VBP"):
            # "the company she founded and runs": a second role verb shares the gapped object
            relations += [r for r in verbs.get(lemma_word(doc[verb.i + 2]), ()) if r in PERSON_ROLES and r not in relations]
        j = person.start - 1
        while j > person.start - 4 and doc[j].pos_ in ("NOUN", "ADJ") and refs.ent_containing(doc[j]) is None:
            j -= 1
        if j == person.start - 1 or doc[j].lower_ not in ("the", "a", "an") or doc[j - 1].text != ",":
            continue
        company = _company_at(doc[j - 2], refs)
        if company is None or company.end != j - 1:
            continue
        source = refs.entity_for(person[0]) if via else person
        if source is None or source.label_ != PERSON:
            continue
        for relation in relations:
            yield Candidate(source, relation, company, verb, "role.object_gap", _conf("role.object_gap", via))
    yield from _relative_pronoun_gap_roles(doc, refs)


#: Words the surface reading of an object relative clause skips between its subject and its verb.
_CLAUSE_FILLERS = frozenset({"had", "has", "have", "later", "then", "also", "still", "now", "first", "once", "jointly"})


def _relative_host(pronoun: Token, refs: EntityRefs) -> Span | None:
    """The company a "which"/"that" follows: "Poolside, which ...", "Isomorphic Labs, the company that ..."."""
    doc = pronoun.doc
    i = pronoun.i - 1
    if i >= 1 and doc[i].text == ",":
        company = _company_at(doc[i - 1], refs)
        return company if company is not None and company.end == i else None
    j = i
    # (hyphenated modifiers take three tokens each: "the Alphabet-owned drug-discovery company that")
    while j > pronoun.i - 12 and j > 0 and (doc[j].pos_ in ("NOUN", "ADJ", "PROPN", "VERB") or doc[j].text == "-"):
        j -= 1
    if j == i or doc[j].lower_ not in ("the", "a", "an") or j < 2 or doc[j - 1].text != ",":
        return None
    company = _company_at(doc[j - 2], refs)
    return company if company is not None and company.end == j - 1 else None


def _relative_pronoun_gap_roles(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """ "Poolside, which Jason Warner, GitHub's former chief technology officer, co-founded with Eiso Kant",
    "Isomorphic Labs, the company that Demis Hassabis spun out of DeepMind and still runs": an object relative
    clause whose named subject the parser cuts off from its verb (at an apposition, or a first verb that is no
    role verb). Read on the surface: the person after the pronoun, an apposition between commas skipped, then
    the clause's role verbs without an object of their own; a "with" name right after a founding verb co-founded."""
    verbs = _tables()["verbs"]
    for pronoun in tokens_where(doc, "LOWER", ("which", "that")):
        person = refs.ent_containing(doc[pronoun.i + 1]) if pronoun.i + 1 < len(doc) else None
        if person is None or person.label_ != PERSON or person.start != pronoun.i + 1:
            continue
        company = _relative_host(pronoun, refs)
        if company is None:
            continue
        i = person.end
        if i < len(doc) and doc[i].text == ",":
            close = next((t.i for t in doc[i + 1: i + 14] if t.text == ","), None)
            if close is None:
                continue
            i = close + 1
        while i < len(doc) and doc[i].lower_ in _CLAUSE_FILLERS:
            i += 1
        if i >= len(doc) or doc[i].tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            continue
        # the clause's first verb and the verbs coordinated with it share the gapped object ("spun out of
        # DeepMind and still runs"); a verb further in ("which Jane Roe said runs at a loss") is another clause's
        for verb in _conjuncts(doc[i]):
            relations = [r for r in verbs.get(lemma_word(verb), ()) if r in PERSON_ROLES]
            if not relations or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or \
                    any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in verb.children):
                continue
            people = [person]
            if "founded" in relations and verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "with":
                partner = refs.ent_containing(doc[verb.i + 2])
                if partner is not None and partner.label_ == PERSON and partner.start == verb.i + 2:
                    people.append(partner)
            for p in people:
                for relation in relations:
                    yield Candidate(p, relation, company, verb, "role.object_gap", _conf("role.object_gap", False))


def _people_and_pronouns(doc: Doc, refs: EntityRefs) -> Iterator[tuple[Span, bool]]:
    """Every person's name, and every personal pronoun the article resolves (as a one-word span, ``True``)."""
    for ent in refs.ents:
        if ent.label_ == PERSON:
            yield ent, False
    for pronoun in tokens_where(doc, "LOWER", ("she", "he")):
        yield doc[pronoun.i: pronoun.i + 1], True


@code_rule
def tenure_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for from time spent at a company or on its team: "who spent six years at Booking.com",
    "served on the core management team of Bridgewater Associates"."""
    t = load_triggers()
    durations, tenure_verbs = frozenset(t["tenure_nouns"]), frozenset(t["tenure_verbs"])
    team_verbs, site_nouns = frozenset(t["team_verbs"]), _tables()["site_nouns"]
    for verb in tokens_where(doc, "POS", ("VERB",)):
        lemma, companies = lemma_word(verb), []
        if lemma in tenure_verbs:
            spans = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and lemma_word(c) in durations]
            if spans:
                companies = _prep_objects(verb, ("at", "with"), refs)
                companies += [e for c in spans for e in _prep_objects(c, ("at", "with"), refs)]
                companies += _doing_at(verb, refs)
        elif lemma in team_verbs:
            for team in (g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "in")
                         for g in p.children if g.dep_ == "pobj" and lemma_word(g) in site_nouns):
                companies += _possessors(team, refs) + _prep_objects(team, ("of", "at"), refs)
                companies += [(e, False) for c in team.children if c.dep_ == "compound" for e in [_company_at(c, refs)] if e]
        companies = [(e, v) for e, v in companies if e.label_ in EMPLOYERS]
        if companies:
            for person, pv in _unique(subjects_of(verb, refs) + _described_group(verb, refs)):
                if person.label_ == PERSON:
                    for company, cv in _unique(companies):
                        yield Candidate(person, "works_for", company, verb, "tenure.spent_at", _conf("tenure.spent_at", pv or cv))
        yield from _came_from(verb, lemma, refs)
        yield from _moved_to(verb, lemma, refs)
        yield from _where_worked(verb, lemma, refs)
        yield from _covers_at(verb, lemma, refs)
        yield from _built_at(verb, lemma, refs)
    for at in tokens_where(doc, "LOWER", ("at",)):
        yield from _previously_at(at, refs)
    for stint in tokens_where(doc, "LOWER", STINT_NOUNS):
        yield from _stint_at(stint, refs)
    for span in tokens_where(doc, "LOWER", DURATION_NOUNS):
        if span.dep_ == "pobj" and span.head.lower_ in ("after", "following"):
            # "after four years at Meta, she ...": time spent at a company (a company: "two years at Harvard" may be study)
            yield from (c for c in _stint_at(span, refs) if c.target.label_ == "COMPANY")


#: Nouns for a group of people in the singular: "A and B, a married couple who ...".
GROUP_NOUNS = frozenset({"couple", "pair", "duo", "trio", "team", "group"})


def _described_group(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people of a list that a plural description with this relative clause stands beside: "Imran Chaudhri and
    Bethany Bongiorno, a married couple who spent years at Apple", "A, B and C, three chip architects who had
    worked at Apple". The description is said of every listed name (the parser hangs it on the last one)."""
    host = verb.head
    if verb.dep_ != "relcl" or host.dep_ != "appos" or not (host.tag_ == "NNS" or host.lower_ in GROUP_NOUNS):
        return []
    name = refs.ent_containing(host.head)
    if name is None or name.label_ != PERSON:
        return []
    return [(m, False) for m in [name, *surface_list(name, refs)] if m.label_ == PERSON]


def _doing_at(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The companies of the work a time was spent doing: "spent twelve years designing processors at Arm and
    three at Graphcore" (the "at" phrase of the gerund, and of the durations coordinated with it)."""
    out = []
    for doing in (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VBG"):
        for part in _conjuncts(doing):
            out += _prep_objects(part, ("at",), refs)
    return out


#: Nouns of a spell of work, whose "at" phrase names the employer: "a stint leading product at Dropbox".
STINT_NOUNS = ("stint", "stints", "spell", "tenure")
#: Durations that name a spell of work after "after": "after four years at Meta".
DURATION_NOUNS = ("years", "months", "decade", "decades", "year")


def _stint_at(stint: Token, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for the company of a stint, read off the surface (the parser garbles "a stint leading product
    at X"): the first "at" within the next words of the phrase, held by the stint's possessor ("her stint
    at X") or else by the subject of the clause the phrase stands in ("After a stint at X, Jane Roe joined Y")."""
    doc = stint.doc
    end = min(len(doc), stint.i + 8)
    at = next((t for t in doc[stint.i + 1: end] if t.lower_ == "at" or t.text in (",", ";", ".") or
               t.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
    if at is None or at.lower_ != "at" or at.i + 1 >= len(doc):
        return
    firm = _company_at(doc[at.i + 1], refs)
    if firm is None or firm.start != at.i + 1:
        return
    people = [(e, v) for e, v in _possessors(stint, refs) if e.label_ == PERSON]
    if not people:
        clause = stint
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        if clause.pos_ in ("VERB", "AUX"):
            people = [(e, v) for e, v in subjects_of(clause, refs) if e.label_ == PERSON]
    rule = "tenure.stint_at"
    for person, pv in people:
        yield Candidate(person, "works_for", firm, stint, rule, _conf(rule, pv))


#: Adverbs that make "at X" a past job: "Jane Roe, previously at Globex", "she was most recently at Globex".
PAST_JOB_ADVERBS = frozenset({"previously", "formerly", "recently"})


def _previously_at(at: Token, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for a company a person was "previously at": an "at" phrase with a past adverb, hung on the
    person's name (an apposition) or on a copula whose subject is the person."""
    host = at.head
    adverbs = [c for t in (at, host) for c in t.children if c.dep_ == "advmod"]
    if not any(a.lower_ in PAST_JOB_ADVERBS and a.i < at.i for a in adverbs):  # (not "at X ... recently")
        return
    firms = [(e, v) for e, v in _prep_objects(host, ("at",), refs) if e.label_ in EMPLOYERS]
    firms += [e for c in at.children if c.dep_ == "pobj" for e in entities_of(c, refs) if e[0].label_ in EMPLOYERS]
    if host.lemma_ == "be":
        people = subjects_of(host, refs)
    elif host.dep_ == "relcl" and host.pos_ == "ADP":
        people = entities_of(host.head, refs)  # "Jane Roe, formerly at Globex": the parser makes "at" a clause
        firms += [e for c in host.children if c.dep_ == "pobj" for e in entities_of(c, refs) if e[0].label_ in EMPLOYERS]
    elif host.dep_ == "appos" and refs.ent_containing(host) is None and refs.ent_containing(host.head) is not None:
        people = [(refs.ent_containing(host.head), False)]  # "Jane Roe, formerly an engineering lead at Globex"
    else:
        people = [(refs.ent_containing(host), False)] if refs.ent_containing(host) is not None else []
    rule = "tenure.previously_at"
    for person, pv in people:
        if person.label_ == PERSON:
            for firm, fv in _unique(firms):
                yield Candidate(person, "works_for", firm, at, rule, _conf(rule, pv or fv))


#: Verbs of a person changing employer, whose "from" names the one left: "joined Halvine from Microsoft".
JOINING_VERBS = frozenset({"join", "rejoin", "move", "arrive", "switch"})  # (not "defect": a party, not a job)
#: Verbs of losing a job, whose passive "from" names the employer: "was fired from Globex".
DISMISSING_VERBS = frozenset({"fire", "sack", "dismiss"})
#: Verbs of a job done at a place ("where she ran the AI team", "where he worked on search").
JOB_VERBS = frozenset({"run", "lead", "head", "manage", "oversee", "work", "build", "serve"})


def _came_from(verb: Token, lemma: str, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for the employer a person left: "X joined Halvine from Microsoft", "Acme hired X from Globex"
    (the "from" phrase of a joining verb's subject, of a hiring verb's object, or of the subject of a passive
    hiring or firing verb: "X was poached from Globex", "X was fired from Globex")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if lemma in JOINING_VERBS and not passive:
        people = subjects_of(verb, refs)
    elif lemma in _tables()["hiring_away_verbs"] and not passive:
        people = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
    elif passive and (lemma in _tables()["hiring_away_verbs"] or lemma in DISMISSING_VERBS):
        # "X was hired away from Globex", "who was poached from Globex", "X was fired from Globex"
        people = [e for c in verb.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
    else:
        return
    left = [(e, v) for e, v in _prep_objects(verb, ("from",), refs) if e.label_ in EMPLOYERS]
    # "hired away from Globex": the "from" hangs on "away"
    left += [e for a in verb.children if a.dep_ == "advmod" and a.lower_ == "away"
             for e in _prep_objects(a, ("from",), refs) if e[0].label_ in EMPLOYERS]
    rule = "tenure.joined_from"
    for person, pv in people:
        if person.label_ == PERSON:
            for company, cv in _unique(left):
                yield Candidate(person, "works_for", company, verb, rule, _conf(rule, pv or cv))


#: Verbs of a person changing sides, whose "to" names the new employer: "defected to Anthropic", "returned to Google".
MOVING_TO_VERBS = frozenset({"defect", "return", "move", "switch", "jump", "decamp"})
#: Verbs of a person's origin, whose "from" names a former employer: "its three founders all came from Stripe".
COMING_FROM_VERBS = frozenset({"come", "hail"})


def _goes_to_do_a_job(verb: Token) -> bool:
    """ "went to Meta to lead its superintelligence effort": "go to X" with an infinitive of a job."""
    return any(c.dep_ in ("advcl", "xcomp") and lemma_word(c) in JOB_VERBS and any(a.lower_ == "to" for a in c.children)
               for c in verb.children)


def _moved_to(verb: Token, lemma: str, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for the employer a person moves to: "John Schulman, who defected to Anthropic", "Shazeer and De
    Freitas returned to Google DeepMind" (the "to" phrase of a moving verb with a person for subject; not a
    passive, and not "moved the team to X")."""
    if lemma == "go" and not _goes_to_do_a_job(verb):
        return  # "went to Apple's event" is a visit; "went to Meta to lead its lab" a move
    if lemma not in MOVING_TO_VERBS | COMING_FROM_VERBS | {"go"} or any(c.dep_ in ("auxpass", "dobj") for c in verb.children):
        return
    prep = "from" if lemma in COMING_FROM_VERBS else "to"
    # (companies only: "moved to Danbury", "returning to the DEL" name a town or a league as often as a job)
    firms = [(e, v) for e, v in _prep_objects(verb, (prep,), refs) if e.label_ == "COMPANY"]
    rule = "tenure.moved_to"
    for person, pv in subjects_of(verb, refs):
        if person.label_ == PERSON:
            for firm, fv in _unique(firms):
                yield Candidate(person, "works_for", firm, verb, rule, _conf(rule, pv or fv))


#: Verbs of an analyst's or a teacher's beat, whose "at" names the employer: "who covers software at Berenberg".
BEAT_VERBS = frozenset({"cover", "track", "teach", "lecture"})


def _covers_at(verb: Token, lemma: str, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for from a beat held at a firm: "Lukas Brandt, who covers software at Berenberg", "she teaches
    law at Carrow University" (the "at" phrase of the beat verb, with a person for subject)."""
    if lemma not in BEAT_VERBS:
        return
    firms = [(e, v) for e, v in _prep_objects(verb, ("at",), refs) if e.label_ in EMPLOYERS]
    rule = "tenure.beat_at"
    for person, pv in subjects_of(verb, refs):
        if person.label_ == PERSON:
            for firm, fv in _unique(firms):
                yield Candidate(person, "works_for", firm, verb, rule, _conf(rule, pv or fv))


#: Verbs of making that a person does as a job: "had built language models at Meta", "designed chips at Arm".
MAKING_VERBS = frozenset({"build", "design", "develop", "engineer", "research"})


def _built_at(verb: Token, lemma: str, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for the company a person made something at, or worked on something at: "A and B had built language
    models at Meta", "previously worked on speech recognition at Nuance" (the "at" phrase on the verb, or on
    its object or "on" phrase, where the parser hangs it). Only a company named there ("at Acme's request"
    names a request; "at Stanford" may be study)."""
    if lemma not in MAKING_VERBS and not (lemma == "work" and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)):
        return
    hosts = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    hosts += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"]
    companies = [(e, v) for h in hosts for a in h.children if a.dep_ == "prep" and a.lower_ == "at"
                 for o in a.children if o.dep_ == "pobj" for e in [_company_at(o, refs)] if e is not None and e.label_ == COMPANY
                 for v in [False]]
    if not companies:
        return
    rule = "tenure.built_at"
    # "its chief technology officer, Jonah Roe, previously worked on ...": the name stands in the subject's apposition
    named = [e for s in verb.children if s.dep_ == "nsubj" for a in s.children if a.dep_ == "appos"
             for e in entities_of(a, refs)]
    for person, pv in _unique(subjects_of(verb, refs) + named):
        if person.label_ == PERSON:
            for company, cv in _unique(companies):
                yield Candidate(person, "works_for", company, verb, rule, _conf(rule, pv or cv))


def _where_worked(verb: Token, lemma: str, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for the company a "where" clause describes: "from Microsoft, where she ran the Azure AI team"
    (a job verb whose subject is a person, in a relative clause on the company)."""
    if lemma not in JOB_VERBS or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return
    company = _company_at(verb.head, refs)
    if company is None:
        return
    rule = "tenure.where_worked"
    for person, pv in subjects_of(verb, refs):
        if person.label_ == PERSON:
            yield Candidate(person, "works_for", company, verb, rule, _conf(rule, pv))



def _named_people(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people a noun and its conjuncts name themselves ("Alan Stout", "X and Y"), not through a
    container noun: "under the name John Smith" names no teacher."""
    own = {t.i for t in _conjuncts(noun)}
    return [(e, v) for e, v in entities_of(noun, refs) if e.root.i in own and e.label_ == PERSON]


def _supervisors(under: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The people named by an "under" (or "with") phrase: "under Andrey Kolmogorov", "under the
    supervision of Klaus Wagner and Karl Dörge"; "under Google's ownership" names no superior."""
    supervision = frozenset(load_triggers()["supervision_nouns"])
    out = []
    for pobj in (c for c in under.children if c.dep_ == "pobj"):
        if lemma_word(pobj) in supervision:
            out += [(e, v) for e, v in _prep_objects(pobj, ("of",), refs) if e.label_ == PERSON]
        else:
            out += _named_people(pobj, refs)
    return _unique(out)


def _institutions_of_clause(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Where the clause of ``verb`` takes place: "at X" on the verb or its object, the institution a
    "where" clause hangs on ("Northwestern University, where he studied with ..."); "from X" only for a
    degree ("earned his doctorate from X"), since "moved from X under Y" leaves X behind."""
    degrees = frozenset(load_triggers()["degree_nouns"])
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    got_degree = any(lemma_word(o) in degrees for o in objects) or lemma_word(verb) == "graduate"
    preps = ("at", "from") if got_degree else ("at",)
    found = _prep_objects(verb, preps, refs)
    for obj in objects:
        found += _prep_objects(obj, preps, refs)
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        found += entities_of(verb.head, refs)
    return [(e, v) for e, v in _unique(found) if e.label_ in EMPLOYERS]


def _teachers_and_places(doc: Doc, refs: EntityRefs) -> Iterator[tuple[Token, list, list]]:
    """``(trigger, teachers, institutions)`` of every statement of whom someone studied or worked under.

    - "received his degree under X at Y", "his doctorate from Y, under the supervision of X";
    - "studied with X" (a study verb), where the clause names Y;
    - "where his teachers included X" (Y the place the clause hangs on);
    - "a student of X at Y".
    """
    t = load_triggers()
    study_verbs, teacher_nouns = frozenset(t["study_verbs"]), frozenset(t["teacher_nouns"])
    pupil_nouns = frozenset(t["pupil_nouns"])
    # only the tokens a branch below can start at (a new branch adds its own), not every word of the text
    cues = {tok.i for tok in tokens_where(doc, "LOWER", ("under", "with"))}
    cues.update(tok.i for tok in tokens_where(doc, "LEMMA", ("include",)))
    cues.update(tok.i for tok in tokens_where(doc, "POS", ("NOUN",)))
    for tok in (doc[i] for i in sorted(cues)):
        word = tok.lower_
        if word in ("under", "with") and tok.dep_ == "prep":
            head = tok.head
            verb = head.head if head.dep_ == "dobj" else head  # "his degree under X": the object's verb
            if verb.pos_ not in ("VERB", "AUX") or (word == "with" and lemma_word(verb) not in study_verbs):
                continue
            teachers = _supervisors(tok, refs)
            if teachers:
                # "under X at Y" may hang "at Y" on the name itself
                places = _institutions_of_clause(verb, refs) + [
                    (e, v) for p in tok.children if p.dep_ == "pobj" for e, v in _prep_objects(p, ("at",), refs)]
                yield tok, teachers, places
        elif tok.lemma_ == "include" and tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ == "nsubj" and lemma_word(c) in teacher_nouns]
            if subjects:
                teachers = [p for o in tok.children if o.dep_ == "dobj" for p in _named_people(o, refs)]
                places = _institutions_of_clause(tok, refs) + [
                    p for s in subjects for p in _prep_objects(s, ("at",), refs)]
                yield tok, teachers, places
        elif lemma_word(tok) in pupil_nouns and tok.pos_ == "NOUN":
            # "a student of two Polish painters, A and B": the names may hang on the class noun
            teachers = _unique([p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                for pobj in prep.children if pobj.dep_ == "pobj"
                                for noun in _conjuncts(pobj) + [a for a in pobj.children if a.dep_ == "appos"]
                                for p in _named_people(noun, refs)])
            if teachers:
                # "a student of A and B at Y": the parser may hang "at Y" on the teachers
                heads = [tok] + [g for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                 for g in prep.children if g.dep_ == "pobj"]
                yield tok, teachers, [p for h in heads for p in _prep_objects(h, ("at",), refs)]


@code_rule
def supervisor_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """works_for of the person one studied or worked under, at the institution the same clause names:
    "received his degree in 1959 under Andrey Kolmogorov at Moscow State University", "earned his
    doctorate from the University of Cologne, under the supervision of Klaus Wagner", "the Paris
    Conservatoire, where his teachers included X", "a student of X at the Academy of Fine Arts". A
    teacher is found where the teaching was done; biographies state it this way far more often than "X
    is a professor at Y"."""
    for trigger, teachers, places in _teachers_and_places(doc, refs):
        if is_negated(trigger.head if trigger.pos_ == "ADP" else trigger):
            continue
        places = [(e, v) for e, v in _unique(places) if e.label_ in EMPLOYERS]
        for person, pv in teachers:
            for place, cv in places:
                yield Candidate(person, "works_for", place, trigger, "tenure.supervisor", _conf("tenure.supervisor", pv or cv))


#: Rule name of a leading verb whose object is a part of a company ("led the Xbox business").
LED_UNIT_RULE = "role.led_unit"

#: Site nouns that, bare, often stand for the whole company ("he runs the group", "she built the
#: business"): a unit only with a modifier of its own ("the Xbox business", "its cloud group").
WHOLE_COMPANY_NOUNS = frozenset({"group", "business", "operation", "operations", "subsidiary"})


def _led_unit(verb: Token, target: Span) -> Token | None:
    """The object of a leading verb that names a part of a company outside ``target`` ("led the team that
    built ChatGPT", "ran OpenAI's superalignment team", "where he ran the advertising business"), if any.

    Its parts ("the Xbox business") are read through the parse and coreference as the company itself;
    the person heads a unit of the company, not the company."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and not target.start <= c.i < target.end):
        if obj.pos_ != "NOUN" or lemma_word(obj) not in _tables()["site_nouns"]:
            continue
        if _names_unit(obj, target):
            continue
        own = [c for c in obj.children if c.dep_ in ("amod", "compound", "poss", "nmod", "relcl", "acl")]
        if lemma_word(obj) not in WHOLE_COMPANY_NOUNS or own:
            return obj
    return None


def _names_unit(unit: Token, company: Span) -> bool:
    """Whether ``company`` is the unit itself: named in the unit's phrase ("a new division called Microsoft
    AI") or by the unit's own modifier ("chairs the cloud unit": Alibaba Cloud)."""
    if unit.left_edge.i <= company.start and company.end - 1 <= unit.right_edge.i:
        return True
    names = {t.lower_ for t in company}
    return any(c.lower_ in names for c in unit.children if c.dep_ in ("amod", "compound"))


@code_rule
def led_unit_relations(candidate: Candidate) -> Candidate:
    """works_for, not leads, for a person whose leading verb's object is a part of the company: "Jo Marsh,
    who led Initech's search team" heads a team and works for Initech. Applied to every candidate at
    admission (:mod:`extract.relations.admission`); others pass unchanged."""
    c = candidate
    if c.relation != "leads" or c.source.label_ != PERSON or c.trigger.pos_ not in ("VERB", "AUX"):
        return c
    if _led_unit(c.trigger, c.target) is None:
        return c
    return Candidate(c.source, "works_for", c.target, c.trigger, LED_UNIT_RULE, _conf(LED_UNIT_RULE, False))


#: Number words that count the people a plural title names: "two former Globex engineers, A and B".
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

COUNTED_RULE = "title.counted_list"


def _title_count(title: Token) -> int | None:
    """How many holders a plural title counts ("two former Globex engineers": 2), else None."""
    if title.tag_ != "NNS":
        return None
    counts = [COUNT_WORDS.get(c.lower_) for c in title.children if c.dep_ == "nummod"]
    return counts[0] if len(counts) == 1 else None


def _counted_people_after(title: Token, n: int, refs: EntityRefs) -> list[Span]:
    """The ``n`` people a comma after a counted plural title goes on to name (", A and B"), read on the surface
    (the parser hangs the list on the title, on a name before it or on the verb); [] unless exactly ``n``
    people are named there and nothing but the list follows before the next comma, full stop or clause."""
    doc, end, j = title.doc, title.sent.end, title.i + 1
    if j >= end or doc[j].text not in (",", ":"):
        return []
    people, j = [], j + 1
    while j < end:
        ent = refs.ent_containing(doc[j])
        if ent is None or ent.start != j or ent.label_ != PERSON:
            break
        people.append(ent)
        j = ent.end
        if len(people) == n:
            break
        if j < end and doc[j].text == "," and j + 1 < end and doc[j + 1].lower_ == "and":
            j += 2
        elif j < end and doc[j].text == "," and len(people) < n - 1:
            j += 1
        elif j < end and doc[j].lower_ == "and":
            j += 1
        else:
            break
    if len(people) != n or (j < end and not (doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"))):
        return []
    if j + 1 < end and doc[j].text == "," and (doc[j + 1].lower_ == "and" or refs.ent_containing(doc[j + 1]) is not None
                                               and refs.ent_containing(doc[j + 1]).label_ == PERSON):
        return []  # "two engineers, A, B, and C": the list runs on past the count
    return people


def counted_title_list_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Each of the people a counted plural title names holds that title at its company: "founded by two former
    Globex engineers, A and B" (A and B worked for Globex), "with three Initech co-founders, A, B and C". The
    company is the title's compound name or its "at"/"of" object. Several holders of a leading title are
    each one of many, as "a director of X" is: they work for the company, they do not run it. Run by
    :func:`title_relations`."""
    for title in tokens_where(doc, "TAG", ("NNS",)):
        n = _title_count(title)
        found = _title_of(title) if n else None
        if found is None:
            continue
        relation = "works_for" if found[0] == "leads" else found[0]
        companies = [e for c in title.children if c.dep_ in ("compound", "amod", "nmod") and c.i < title.i
                     for e in [_company_at(c, refs)] if e is not None]
        companies += [e for e, _ in _prep_objects(title, ("at", "of"), refs) if e.label_ in EMPLOYERS]
        if not companies:
            continue
        for person in _counted_people_after(title, n, refs):
            for company in _unique([(e, False) for e in companies]):
                yield Candidate(person, relation, company[0], title, COUNTED_RULE, _conf(COUNTED_RULE, False))
