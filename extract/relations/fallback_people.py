"""A recall fallback for people's employers: a person named with a job title works for the company of the
sentence ("Jane Roe, a senior engineer, said Initech would appeal") when no other rule gave that person an employer.

Unseen news states employment in more constructions than the specific title rules read; the title beside a
name is the common part of them, and the sentence's only company is where the person most often works. The
rule runs after every other rule (:data:`extract.relations.admission.FALLBACK_RULES` come first) and only for
people the article has given no works_for / leads / founded edge at all, so it adds recall without
contradicting a stated employer.

When the sentence names no company ("Senior engineer Jo Marsh wrote that ..."), the passage may make the
employer plain (``title.fallback_passage``): the company of the noun whose participle the title stands in, the
company the paragraph's previous sentence is about, the one company the paragraph names, or the article's topic
company when the paragraph names none. Measured alone (before the guard) on every read corpus and the 1,000 wiki
intros: 15 right of 16 judged.

A new post ("became executive chairman", "was named chief financial officer", "joins as vice president";
``title.fallback_new_post``, people9) is held at the sentence's one company that is not a past employer named
beside the person ("X, the former president of Globex, ...", "Former Globex director X ...") nor the owner of
another person's title, else at the company the passage makes plain; people columns and press-release hire lists
write moves this way. Measured alone on every read corpus and the 1,000 wiki intros: 7 edges, 6 right (a
unit's president works for the company rather than leading it; another person's "Initech's chief executive"
names no new post's company); too few to call its precision settled.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..lexicon import title_words
from ..rules import code_rule
from ..tokens import lemma_word, tokens_where
from .core import COMPANY, EMPLOYERS, PERSON, Candidate, _conf, _name_key, _tables
from .fallback_frames import topic_company
from .titles import FORMER_WORDS, _agent_of_role_participle, _described_by_participle, _person_key, _previous_subject_company, _title_holders, _title_of

#: The relations that give a person an employer; a person with any of them needs no fallback.
EMPLOYMENT = ("works_for", "leads", "founded")

#: Where a titled person works when the sentence names one company: a company (an organisation beside a
#: title is as often a party or a state the person serves in, a publication the one told: "a lawyer told Reuters").
WORKPLACES = ("COMPANY",)

#: Titles of people news quotes about a company rather than from inside it (an analyst, a professor, a
#: reporter) or whose tie is not employment (a fund's partner, a veteran of the industry): with them the
#: sentence's one company is more often the subject of their comment than their employer.
OUTSIDE_VOICES = frozenset({
    "analyst", "economist", "strategist", "banker", "lawyer",
    "professor", "lecturer", "dean", "rector", "fellow", "faculty member", "principal investigator",
    "journalist", "reporter", "columnist", "correspondent", "commentator", "contributor", "writer", "staff writer",
    "editor", "host", "anchor", "presenter", "producer", "curator", "veteran", "partner", "associate",
    "governor", "commander", "officer", "party leader", "secretary general", "secretary-general", "superintendent",
})

#: Relations that cast a company as a counterpart ("it invested in Initech", "rivals Initech"): a person
#: beside such a company is as likely the other side's.
COUNTERPART_RELATIONS = frozenset({"invests_in", "acquires", "competes_with", "partners_with", "licenses_from"})

RULE = "title.fallback_sentence"
PASSAGE_RULE = "title.fallback_passage"
NEW_POST_RULE = "title.fallback_new_post"

#: Verbs that give a person a new post told by the title as their complement: "became executive chairman",
#: "was named chief executive", "joins as vice president", "took over as chief executive".
NEW_POST_VERBS = frozenset({"become", "name", "appoint", "elect", "promote", "make", "tap", "install", "hire",
                            "join", "rejoin", "take", "step", "return", "come", "elevate"})


@lru_cache(maxsize=None)
def _title_last_words() -> tuple[str, ...]:
    """The lower-cased last word of every title ("officer" of "chief executive officer", "founder" of
    "co-founder"): the tokens a title can end on, found with one table lookup."""
    last = set()
    for title in _tables()["titles"]:
        word = title.split()[-1]
        last.add(word)
        last.add(word.split("-")[-1])
    return tuple(sorted(last))


def _counterparts(found: Iterable[Candidate]) -> frozenset[tuple[int, int]]:
    """Spans (start, end) of the companies other rules read as an investor, buyer, target, rival or partner."""
    return frozenset((end.start, end.end) for c in found if c.relation in COUNTERPART_RELATIONS for end in (c.source, c.target))


def _employed_people(found: Iterable[Candidate]) -> frozenset[str]:
    """Surnames of the people some other rule already gave an employer ("Roe" is "Jane Roe" again)."""
    return frozenset(_person_key(c.source) for c in found if c.relation in EMPLOYMENT and c.source.label_ == PERSON)


def _sentence_workplaces(sent: Span) -> list[Span] | None:
    """The companies a sentence names, one per company (a name and its longer form are one); ``None`` when
    it also names another kind of employer (a publication, an organisation), which may be the person's."""
    seen: dict[str, Span] = {}
    for ent in sent.ents:
        if ent.label_ not in EMPLOYERS:
            continue
        if ent.label_ not in WORKPLACES:
            return None  # "a lawyer told Reuters": a publication is more often told than the employer
        key = _name_key(ent)
        if not any(key == k or key.startswith(k + " ") or k.startswith(key + " ") for k in seen):
            seen[key] = ent
    return list(seen.values())


def _paragraph_start(sent: Span) -> int:
    """The first token of the paragraph ``sent`` is in: after the last line break before it."""
    doc = sent.doc
    for i in range(sent.start - 1, -1, -1):
        if "\n" in doc[i].text_with_ws:
            return i + 1
    return 0


def _paragraph_companies(token: Token, refs: EntityRefs) -> dict[str, Span]:
    """The companies the paragraph names up to ``token`` (through coreference too), by name key, each with
    its first mention."""
    found: dict[str, Span] = {}
    for tok in token.doc[_paragraph_start(token.sent): token.i]:
        ent = refs.entity_for(tok)
        if ent is not None and ent.label_ == COMPANY:
            found.setdefault(_name_key(ent), ent)
    return found


def _only_told(sent: Span) -> bool:
    """Whether every non-company employer of the sentence is the one a speaker told something or was
    interviewed by ("told TechCrunch", "in an interview with Bloomberg", "according to Reuters")."""
    others = [e for e in sent.ents if e.label_ in EMPLOYERS and e.label_ not in WORKPLACES]
    companies = [e for e in sent.ents if e.label_ in WORKPLACES]
    return bool(others) and not companies and all(_is_told(e.root) for e in others)


def _is_told(root: Token) -> bool:
    """Whether a name's root is the one told ("told TechCrunch"), the interviewer ("in an interview with
    Bloomberg") or the source ("according to Reuters")."""
    if root.dep_ == "dobj" and root.head.lemma_ == "tell":
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_ == "interview":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _passage_company(title: Token, person: Span, refs: EntityRefs) -> Span | None:
    """The company a titled person of a sentence that names none works for, where the passage makes it
    plain: the company the participle the title stands in describes ("the group, led by chief executive
    X"), the company the paragraph's previous sentence is about, the one company the paragraph names ("...
    voted to remove Altman as chief executive"), or the article's topic company when the paragraph names none."""
    company = _described_by_participle(person, refs) or _previous_subject_company(title.sent, refs)
    if company is not None:
        return company
    named = _paragraph_companies(title, refs)
    if len(named) == 1:
        return next(iter(named.values()))
    return topic_company(title.doc) if not named else None


def _possessed(title: Token) -> bool:
    """Whether a possessive stands in the title's phrase ("my co-founder", "its chief executive"), read back
    on the surface to the phrase's start (the parser splits "co-founder" and hangs "my" on "co")."""
    for t in reversed(title.doc[max(0, title.i - 5): title.i]):
        if t.is_punct and t.text not in ("-", "\u2013") or t.ent_type_ == PERSON:
            return False
        if t.dep_ == "poss" or t.tag_ == "PRP$":
            return True
    return False


def _names_its_own_employer(title: Token, refs: EntityRefs) -> bool:
    """Whether the title says whose it is: a possessor ("its chief executive", "Apple's") or an
    organisation after it ("a former executive at Mozilla", "head of the ANC"). Then the title rules
    read the employer there; when they gave none (an unresolved "its"), the sentence's company is not it."""
    # "its chief executive and co-founder": the possessor of the first title is the whole list's
    joined = [title.head] if title.dep_ in ("conj", "appos") and _title_of(title.head) is not None else []
    if any(c.dep_ == "poss" for t in [title, *joined] for c in t.children):
        return True
    for prep in (c for c in title.children if c.dep_ == "prep"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.pos_ == "PROPN" or refs.ent_containing(obj) is not None:
                return True
    return False


def _head_of_state_style(title: Token, relation: str) -> bool:
    """ "President Trump", "United States President Abraham Lincoln": a leading title written as a prefix
    of the name, with no modifier or only a place, is a politician's form of address, not a company post
    ("Marketing Director Jane Roe" is one)."""
    if relation != "leads" or title.dep_ != "compound" or not title.text[:1].isupper():
        return False
    return all(c.ent_type_ == "PLACE" or _is_nationality(c) for c in title.children if c.dep_ in ("amod", "compound"))


def _is_nationality(word: Token) -> bool:
    """ "Ukrainian" in "Ukrainian President X": a capitalised adjective that is no word of a title ("Executive
    Chairman", "Senior Vice President" are company posts)."""
    return word.tag_ == "JJ" and word.text[:1].isupper() and word.lower_ not in title_words()


def _is_former(title: Token) -> bool:
    """ "former chief executive Jane Roe": a past title without its company was often held elsewhere than at
    the company the sentence is about."""
    return any(t.lower_ in FORMER_WORDS for t in title.doc[max(0, title.left_edge.i): title.i])


def _introduced_by(title: Token, person: Span) -> bool:
    """ "which the engineer Carver Mead named Moore's Law", "the inventor Sherman Fairchild": a title written
    with "the" right before a name is the description the text introduces a person by (what they are), not a
    post at the company the passage is about."""
    doc = title.doc
    if title.i + 1 != person.start:
        return False
    start = title.i
    while start > 0 and doc[start - 1].pos_ in ("NOUN", "ADJ") and doc[start - 1].ent_type_ == "":
        start -= 1
    return start > 0 and doc[start - 1].lower_ == "the"


def _titled_people(token: Token, refs: EntityRefs) -> list[Span]:
    """The persons named in the text (not through a pronoun) who hold the title ending at ``token``."""
    return [p for p, via_coref in _title_holders(token, refs) if p.label_ == PERSON and not via_coref]


def _new_post_verb(title: Token) -> Token | None:
    """The verb that gives the title's holder the title as a new post ("X became chairman", "X was named
    chief executive", "X joins as vice president"), or ``None``."""
    if title.dep_ in ("attr", "oprd"):
        verb = title.head
    elif title.dep_ == "pobj" and title.head.lower_ in ("as", "to"):
        verb = title.head.head
    else:
        return None
    return verb if verb.pos_ in ("VERB", "AUX") and lemma_word(verb) in NEW_POST_VERBS else None


def _own_phrase_companies(person: Span, title: Token, refs: EntityRefs) -> dict[str, Span]:
    """The companies the person's own phrase names outside the new title ("Sean Parker, the former president
    of Facebook, became chairman", "Former Globex director Jo Marsh joins as vice president"): a past
    employer described beside the name, which is not where the new post is held."""
    inside = range(title.left_edge.i, title.right_edge.i + 1)
    found: dict[str, Span] = {}
    for tok in person.root.subtree:
        if tok.i in inside or person.start <= tok.i < person.end:
            continue
        ent = refs.ent_containing(tok)
        if ent is not None and ent.label_ == COMPANY:
            found.setdefault(_name_key(ent), ent)
    # the parser may fold "Former Globex director" into the name's span: read the words before the name too
    for ent in title.sent.ents:
        if ent.label_ == COMPANY and ent.end <= person.start and person.start - ent.end <= 3 and \
                all(not t.is_punct for t in title.doc[ent.end: person.start]):
            found.setdefault(_name_key(ent), ent)
    return found


def _owns_another_title(company: Span, title: Token) -> bool:
    """Whether the company is the possessor of another person's title in the sentence ("X became interim chief
    executive, and Y, Initech's chief executive, is now his boss"): that title is Initech's, the new post need not
    be. A title the same verb gives ("took over as Initech's chief executive, with X as president") is the same
    company's."""
    other = company.root.head
    if company.root.dep_ != "poss" or other.i == title.i or _title_of(other) is None:
        return False
    verb, other_verb = _new_post_verb(title), _new_post_verb(other)
    return verb is None or other_verb is None or other_verb.i != verb.i


def _of_a_unit(title: Token) -> bool:
    """Whether a head title is of a part named by a common noun ("president of the Splunk business", "head of
    its cloud unit"): the holder leads the part and works for the company."""
    return any(obj.pos_ == "NOUN" for prep in title.children if prep.dep_ == "prep" and prep.lower_ in ("of", "at")
               for obj in prep.children if obj.dep_ == "pobj")


def _sole_previous_subject(sent: Span, refs: EntityRefs) -> Span | None:
    """The previous sentence's subject company when it is the only subject: "A, B and C joined them" lists
    backers or rivals, not the company a passage is about."""
    company = _previous_subject_company(sent, refs)
    if company is None or company.root.dep_ == "conj" or any(c.dep_ == "conj" for c in company.root.children):
        return None
    return company


def _new_post_relations(token: Token, title: tuple[str, str], refs: EntityRefs,
                        related: frozenset[tuple[str, str]], investors: frozenset[str]) -> Iterator[Candidate]:
    """The company of a new post whose sentence names only the holder's past employers ("Jo Marsh, the
    former president of Globex, became executive chairman"): the company the passage makes plain, leaving
    out those past employers and the investors other rules found (in a funding passage the previous sentence
    is often about a backer, not the company whose board the person joins)."""
    for person in _titled_people(token, refs):
        own = _own_phrase_companies(person, token, refs)
        places = _sentence_workplaces(token.sent)
        if places is None:
            continue  # a publication or organisation the post may be at
        others = [p for p in places if _name_key(p) not in own and not _owns_another_title(p, token)]
        if len(others) > 1:
            continue  # which of several companies gave the post is what the specific rules read
        company = others[0] if others else _described_by_participle(person, refs) or _sole_previous_subject(token.sent, refs)
        if company is None:
            named = {k: e for k, e in _paragraph_companies(token, refs).items() if k not in own}
            company = next(iter(named.values())) if len(named) == 1 else topic_company(token.doc) if not named else None
        if company is None or _name_key(company) in own or _name_key(company) in investors:
            continue
        if (_person_key(person), _name_key(company)) in related:
            continue
        relation = "works_for" if title[0] == "leads" and _of_a_unit(token) else title[0]
        yield Candidate(person, relation, company, token, NEW_POST_RULE, _conf(NEW_POST_RULE, False))


@code_rule
def title_fallback_relations(doc: Doc, refs: EntityRefs, found: Iterable[Candidate]) -> Iterator[Candidate]:
    """works_for (leads for a head title, founded for a founder's; a field before a head title, "marketing
    director", is one job: :func:`extract.relations.titles._title_of`) the sentence's one company, for a person
    written with a job title whom no other rule (``found``) gave an employer: "Jane Roe, an engineer, said
    Initech would appeal", "Senior engineer John Doe showed Initech's new chip"."""
    found = list(found)
    employed, counterparts = _employed_people(found), _counterparts(found)
    related = frozenset((_person_key(c.source), _name_key(c.target)) for c in found if c.source.label_ == PERSON)
    investors = frozenset(_name_key(c.source) for c in found if c.relation == "invests_in")
    for token in tokens_where(doc, "LOWER", _title_last_words()):
        if token.pos_ not in ("NOUN", "PROPN") or refs.ent_containing(token) is not None:
            continue
        title = _title_of(token)
        if title is None or title[1] in OUTSIDE_VOICES or _names_its_own_employer(token, refs):
            continue
        if _head_of_state_style(token, title[0]) or _is_former(token):
            continue
        if _new_post_verb(token) is not None:
            yield from _new_post_relations(token, title, refs, related, investors)  # people9: a post beside past employers
        # (a title after "run by" is held at what is run, which the participle rules read: not at another company)
        people = [p for p in _titled_people(token, refs) if _person_key(p) not in employed
                  and not _introduced_by(token, p) and not _agent_of_role_participle(token, p)]
        if not people:
            continue
        places = _sentence_workplaces(token.sent)
        if places is None and _only_told(token.sent):
            places = []  # "Nwosu, who is CEO, told TechCrunch": the publication is the one told
        if places == []:
            if _possessed(token):
                continue  # "my co-founder", "their chief executive": whose the title is, the title rules read
            for person in people:
                company = _passage_company(token, person, refs)
                if company is not None:
                    yield Candidate(person, title[0], company, token, PASSAGE_RULE, _conf(PASSAGE_RULE, False))
            continue
        if places is None or len(places) != 1:
            # several companies: which one employs the person is what the specific rules read
            continue
        company = places[0]
        if (company.start, company.end) in counterparts:
            continue  # "Jane Roe, a senior engineer, said it had bought Initech": Initech is the bought one
        if token.left_edge.i <= company.start <= token.right_edge.i:
            continue  # "a designer trained by X", "a lawyer who represents X": the title's own phrase
            # names the company in another role than employer
        for person in people:
            yield Candidate(person, title[0], company, token, RULE, _conf(RULE, False))
