"""Names beside job titles, found and typed from the title: the companies and people of news copy.

News names most people next to a title and most small companies next to a person, in a few shapes
the statistical NER often misreads (it takes "Vantor CEO Lukas Brenner" for one work of art, or
"Corvane" of "Corvane's co-founder" for a person):

- "Vantor CEO Lukas Brenner", "Zentro co-founder Mia Lund": a name, a company title, a person's name.
  The first name is a company, the last a person (:func:`name_title_name_spans`).
- "Corvane's co-founder and chief scientist": a name that owns a founder's or officer's title is a
  company (:func:`title_owner_spans`).
- "Pellucid named Victor Hale, a veteran of Intel, its new president": whoever names someone *its*
  officer is a company (:func:`appointer_spans`).
- "Nadia Pereira joined Halvine from Microsoft": a person's name joins an employer, which is of the
  kind of the one left (:func:`joiner_spans`).
- "two former Stripe engineers, Jun Park and Ella Stone": a name listed with a person, both named as
  a plural people noun, is a person (:func:`listed_people_spans`).

Title words are the relation lexicon's titles (``relation_triggers.json``); which titles only a company
has are ``bare_titles`` there and ``company_titles`` in ``entities.json``. A name is a run of capitalised
words that are no title words, honorifics, months or days, nor a sentence's capitalised first function
word. Every cue returns candidates ``(span, label, "context", None)`` for
:class:`~extract.components.EntityTyper`, which weighs them against the others; none of them overrules a
gazetteer name, and a name the NER typed as a place or a person's full name stays as it was.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .entities import (
    ORGANIZATION_WORDS,
    PERSON_NOUNS,
    PLACE_WORDS,
    PUBLICATION_HEADS,
    looks_like_person_name,
)
from .tokens import first_conjunct, tokens_where
from .lexicon import load_triggers, title_words, word_list, words

#: Longest run of capitalised words read as one name.
MAX_NAME_WORDS = 4
#: NER labels of names that stay as the NER read them: places, nationalities, dates and numbers.
KEPT_NER_LABELS = frozenset("GPE LOC NORP FAC DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY LAW LANGUAGE".split())
#: NER labels of places that the NER gives unknown company names too; known places are in the gazetteer.
MISREAD_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
#: Parts of speech of words that are never part of a name, whatever their capital.
FUNCTION_POS = frozenset("DET ADP PRON CCONJ SCONJ AUX PART ADV NUM PUNCT SYM SPACE INTJ".split())
#: Verbs that join an employer ("joined Halvine from Microsoft").
JOIN_LEMMAS = frozenset(["join", "rejoin"])
#: Words between an appointer's name and its verb: "Pellucid has named", "Pellucid on Monday named".
APPOINTER_GAP = frozenset(["has", "have", "had", "on", "this", "last", "week", "also", "today", "recently"])


@lru_cache(maxsize=None)
def _titles() -> frozenset[str]:
    """Every job title of the relation lexicon, lower case ("ceo", "co-founder", "chief executive")."""
    return frozenset(t for names in load_triggers()["titles"].values() for t in names)


@lru_cache(maxsize=None)
def officer_titles() -> frozenset[str]:
    """Titles that only a company's founders and officers hold ("founder", "ceo", "chief scientist"):
    a name that owns one is a company's, never a person's."""
    return frozenset(load_triggers()["bare_titles"])


@lru_cache(maxsize=None)
def company_titles() -> frozenset[str]:
    """Titles that, written between a name and a person's, make the first name a company: the officer
    titles and the staff titles businesses give ("president", "engineer", "spokesperson"), not the
    titles of parties, armies or universities ("leader", "commander", "dean")."""
    return officer_titles() | word_list("entities", "company_titles")


@lru_cache(maxsize=None)
def _title_last_words() -> frozenset[str]:
    """The last token of every title and of its plural ("officer", "officers", "founder", "ceos"), as
    spaCy splits hyphenated words: a cheap test before the title is read."""
    last = {t.replace("-", " ").split()[-1] for t in _titles()}
    return frozenset(last | {w + "s" for w in last})


#: Months and days, which start with a capital and are no names.
CALENDAR_WORDS = word_list("entities", "calendar_words")
CALENDAR_LOWER = frozenset(w.lower() for w in CALENDAR_WORDS)
HONORIFICS = word_list("entities", "honorifics")
#: Words between an owner and its title: "Corvane's *former* CEO", "its *new* president".
TITLE_MODIFIERS = words("title_modifiers")
_TITLE_WORDS = title_words()


def is_name_word(tok: Token) -> bool:
    """A capitalised word that may stand in a name: no title word, honorific, month or day, and no
    function word capitalised only to open a sentence ("The", "But").

    >>> import spacy
    >>> doc = spacy.blank("en")("The Vantor CEO met Lukas in May")
    >>> [is_name_word(t) for t in doc]
    [False, True, False, False, True, False, False]
    """
    text = tok.text
    if not text[:1].isupper() or tok.is_punct or tok.pos_ in FUNCTION_POS:
        return False
    if tok.lower_ in _TITLE_WORDS or text in HONORIFICS or text in CALENDAR_WORDS:
        return False
    # a sentence's first word is capitalised whatever it is: a common word there opens no name
    return not (tok.is_sent_start and (tok.is_stop or tok.lower_ in ("former", "ex")))


def name_before(doc: Doc, end: int) -> Span | None:
    """The run of name words that ends right before token ``end`` (at most :data:`MAX_NAME_WORDS`)."""
    start = end
    while start > 0 and end - start < MAX_NAME_WORDS and is_name_word(doc[start - 1]) \
            and not (start < end and doc[start].is_sent_start):
        start -= 1
    return doc[start:end] if start < end else None


def name_after(doc: Doc, start: int) -> Span | None:
    """The run of name words that starts at token ``start`` (at most :data:`MAX_NAME_WORDS`)."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_WORDS and is_name_word(doc[end]) \
            and not (end > start and doc[end].is_sent_start):
        end += 1
    return doc[start:end] if end > start else None


def title_ending_at(doc: Doc, last: int) -> int | None:
    """The first token of the longest title (or plural title) whose last token is ``last``, if any.

    >>> import spacy
    >>> doc = spacy.blank("en")("Vantor chief executive officer and two Zentro co-founders")
    >>> title_ending_at(doc, 3), title_ending_at(doc, 9), title_ending_at(doc, 5)
    (1, 7, None)
    """
    if doc[last].lower_ not in _title_last_words():
        return None
    found = None
    for start in range(last, max(-1, last - 5), -1):
        text = doc[start : last + 1].text.lower()
        if text in _titles() or (text.endswith("s") and text[:-1] in _titles()):
            found = start
    return found


def _title_text(doc: Doc, start: int, last: int) -> str:
    """A title as written, singular and lower case: "Co-Founders" -> "co-founder"."""
    text = doc[start : last + 1].text.lower()
    return text if text in _titles() else text[:-1]


class _Typed:
    """What the other typing sources already say of each token: the candidates over it, by token."""

    def __init__(self, doc: Doc, candidates: list):
        self.candidates = candidates
        self.by_token: dict[int, list] = {}
        for c in candidates:
            for i in range(c[0].start, c[0].end):
                self.by_token.setdefault(i, []).append(c)
        # the words of people's full names ("Mark Zuckerberg"): "Zuckerberg's co-founder" is his
        people = [c[0] for c in candidates if c[1] == "PERSON"] + [e for e in doc.ents if e.label_ == "PERSON"]
        self.person_words = {t.text for p in people if len(p) > 1 and looks_like_person_name(p) for t in p}

    def over(self, span: Span) -> list:
        """The candidates over any token of ``span``."""
        return [c for i in range(span.start, span.end) for c in self.by_token.get(i, ())]

    def is_person(self, span: Span) -> bool:
        """Whether a candidate already reads exactly ``span`` as a person."""
        return any(c[1] == "PERSON" and (c[0].start, c[0].end) == (span.start, span.end) for c in self.over(span))

    def well_typed(self, span: Span) -> bool:
        """Whether a source better than the NER's guess types a name over ``span`` (a gazetteer, a cue)."""
        return any(c[2] not in ("ner", "ner_weak") for c in self.over(span))


def _ner_ent(tok: Token) -> Span | None:
    """The statistical NER's entity over ``tok`` (``doc.ents`` still holds the NER's when typing runs)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def retypable_as_company(span: Span, typed: _Typed, *, officer: bool) -> bool:
    """Whether a title may make ``span`` a company.

    Never over a gazetteer name or another cue's reading, a nationality or date of the NER, a person's
    full name, or a name with an organisation's, place's or publication's word. A name the NER runs on
    past ("Vantor CEO Lukas Brenner" as one work of art) or calls a one-word person ("Corvane") may be
    retyped, unless its words are a person's full name's in the document ("Zuckerberg's co-founder").
    An organisation or place the NER read as exactly this name is retyped only by a founder's or an
    officer's title (``officer``): a club or a university has a "president" too, while no city has a
    chief executive (known places are gazetteer names, which nothing here retypes).
    """
    if any(t.text in ORGANIZATION_WORDS or t.text in PLACE_WORDS or t.text in PUBLICATION_HEADS for t in span):
        return False
    if typed.well_typed(span) or all(t.text in typed.person_words for t in span):
        return False
    for ent in {e for e in map(_ner_ent, span) if e is not None}:
        inside = span.start <= ent.start and ent.end <= span.end
        if ent.label_ in KEPT_NER_LABELS and not (officer and inside and ent.label_ in MISREAD_PLACE_LABELS):
            return False  # (an unknown name the NER calls a place holds a CEO: "Tessellate", not "Kenya")
        if ent.label_ == "PERSON" and inside and len(ent) > 1:
            return False
        if ent.label_ not in ("PERSON", "WORK_OF_ART") and (ent.start, ent.end) == (span.start, span.end) and not officer:
            return False
    return True


def _sentence(tok: Token) -> Span:
    """The sentence of ``tok``, or the whole document where nothing has set sentences (a blank pipeline)."""
    return tok.sent if tok.doc.has_annotation("SENT_START") else tok.doc[:]


def _company(span: Span) -> tuple:
    return (span, "COMPANY", "context", None)


def _person(span: Span) -> tuple:
    return (span, "PERSON", "context", None)


def person_name(name: Span | None, typed: _Typed) -> Span | None:
    """``name`` if it is shaped like a person's full name (two to four name words) and no known name,
    place or date; where the NER reads a person inside it, the NER's name ("Lukas Brenner" of
    "Lukas Brenner Steps Down")."""
    if name is None:
        return None
    ner = _ner_ent(name[0])
    if ner is not None and ner.label_ == "PERSON" and ner.start == name.start and len(ner) > 1 and ner.end < name.end:
        name = ner
    if len(name) < 2 or not looks_like_person_name(name):
        return None
    if any(c[2] == "gazetteer" for c in typed.over(name)) or any(t.ent_type_ in KEPT_NER_LABELS for t in name):
        return None
    return name


def _after_modifiers(doc: Doc, i: int, end: int) -> int:
    """The first token from ``i`` that is no title modifier ("new", "former", "interim")."""
    while i < end and doc[i].lower_ in TITLE_MODIFIERS:
        i += 1
    return i


def _before_modifiers(doc: Doc, i: int) -> int:
    """The first token of the title modifiers that end right before token ``i`` ("Vantor *interim* CEO")."""
    while i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ in TITLE_MODIFIERS:
        i -= 1
    return i


def title_list_before(doc: Doc, start: int, last: int) -> tuple[int, list[str]]:
    """The titles of a list that ends with the title ``doc[start:last + 1]`` ("co-founder and chief
    executive", "former CFO and president"), singular, and the token where the list with its
    modifiers starts.

    >>> import spacy
    >>> doc = spacy.blank("en")("Corvane co-founder and interim CEOs Omar")
    >>> title_list_before(doc, 6, 6)
    (1, ['ceo', 'co-founder'])
    """
    titles = [_title_text(doc, start, last)]
    first = _before_modifiers(doc, start)
    while first >= 2 and doc[first - 1].lower_ in ("and", "&"):
        previous = title_ending_at(doc, first - 2)
        if previous is None:
            break
        titles.append(_title_text(doc, previous, first - 2))
        first = _before_modifiers(doc, previous)
    return first, titles


def name_title_name_spans(doc: Doc, typed: _Typed) -> list:
    """"Vantor CEO Lukas Brenner", "Zentro co-founders Mia Lund and ...", "Corvane co-founder and CEO Omar
    Haddad", "Quorum Labs' chief scientist Ada Ng": a name, company titles and a person's full name. The
    first name is a company and the last a person; without the person after it the title may belong to
    anything ("Senate President").

    >>> import spacy
    >>> doc = spacy.blank("en")("Vantor CEO Lukas Brenner said no .")
    >>> [(c[0].text, c[1]) for c in name_title_name_spans(doc, _Typed(doc, []))]
    [('Vantor', 'COMPANY'), ('Lukas Brenner', 'PERSON')]
    """
    out = []
    for tok in tokens_where(doc, "LOWER", tuple(_title_last_words())):  # (not every token: this runs on every Doc)
        start = title_ending_at(doc, tok.i)
        if start is None:
            continue
        owner_end, titles = title_list_before(doc, start, tok.i)
        if not set(titles) & company_titles():
            continue
        if owner_end > 0 and doc[owner_end - 1].text in ("'s", "’s", "'", "’"):
            owner_end -= 1
        company = name_before(doc, owner_end)
        person = person_name(name_after(doc, tok.i + 1), typed)
        if company is None or person is None:
            continue
        if retypable_as_company(company, typed, officer=bool(set(titles) & officer_titles())):
            out.append(_company(company))
        if not typed.is_person(person) and not typed.well_typed(person):
            out.append(_person(person))
    return out


def _title_end(doc: Doc, start: int) -> int | None:
    """The last token of the longest title that starts at token ``start`` and ends its noun phrase
    ("chief scientist", not the "chief" of "chief of staff" nor of "chief strategist")."""
    found = None
    for last in range(start, min(len(doc), start + 5)):
        if title_ending_at(doc, last) == start:
            found = last
    if found is None:
        return None
    after = doc[found + 1] if found + 1 < len(doc) else None
    if after is not None and (after.lower_ == "of" or (after.is_lower and after.pos_ in ("NOUN", "PROPN"))):
        return None
    return found


def title_owner_spans(doc: Doc, typed: _Typed) -> list:
    """"Corvane's co-founder and chief scientist", "Halvine's former chief financial officer", "Halvine,
    whose chief executive ...": a name that owns a founder's or an officer's title is a company, even
    where the NER read a one-word person (but not "Zuckerberg's co-founder" when the text names Mark
    Zuckerberg, nor "Obama's chief of staff").

    >>> import spacy
    >>> doc = spacy.blank("en")("Corvane 's co-founder left . Obama 's chief of staff . Halvine , whose CFO quit")
    >>> [(c[0].text, c[1]) for c in title_owner_spans(doc, _Typed(doc, []))]
    [('Corvane', 'COMPANY'), ('Halvine', 'COMPANY')]
    """
    out = []
    owners = tokens_where(doc, "ORTH", ("'s", "\u2019s")) + tokens_where(doc, "LOWER", ("whose",))
    for tok in sorted(owners, key=lambda t: t.i):
        # "Halvine, whose chief executive ...": the name a relative clause describes owns the title
        relative = tok.lower_ == "whose" and tok.i >= 2 and doc[tok.i - 1].text == ","
        if not (tok.text in ("'s", "’s") or relative) or tok.i + 1 >= len(doc):
            continue
        title_start = _after_modifiers(doc, tok.i + 1, len(doc))
        last = _title_end(doc, title_start) if title_start < len(doc) else None
        if last is None or _title_text(doc, title_start, last) not in officer_titles():
            continue
        owner = name_before(doc, tok.i - 1 if relative else tok.i)
        if owner is not None and retypable_as_company(owner, typed, officer=True):
            out.append(_company(owner))
    return out


def appositive_people_spans(doc: Doc, typed: _Typed) -> list:
    """"Kestrel's chief executive, Ana Ruiz, said", "its co-founder and chief scientist, Omar Haddad,": a
    full name set off by commas right after a job title is the holder's.

    >>> import spacy
    >>> doc = spacy.blank("en")("Kestrel 's chief executive , Ana Ruiz , said so . The chief executive , Acme Holdings , no .")
    >>> [(c[0].text, c[1]) for c in appositive_people_spans(doc, _Typed(doc, []))]
    [('Ana Ruiz', 'PERSON')]
    """
    out = []
    # the words before a comma (doc[:-3] of them), not every word
    for tok in (doc[c.i - 1] for c in tokens_where(doc, "ORTH", (",",)) if 1 <= c.i <= len(doc) - 3):
        if doc[tok.i + 1].text != "," or title_ending_at(doc, tok.i) is None:
            continue
        name = person_name(name_after(doc, tok.i + 2), typed)
        if name is None or name.end >= len(doc) or doc[name.end].text not in (",", ".", ";"):
            continue
        if not typed.over(name) and not any(t.text in PLACE_WORDS for t in name):
            out.append(_person(name))
    return out


#: Verbs of saying whose subject, after them, is often a name the NER misses: "said Lee Min-seo-Harwood, an analyst".
_SAYING = ("said", "says", "told", "added", "wrote")


def _hyphenated_name_after(doc: Doc, start: int) -> Span | None:
    """The capitalised words from ``start`` to the next comma, with the hyphenated pieces written without spaces
    that a romanised given name or a double surname is cut into ("Lee Min-seo-Harwood"), or ``None``."""
    end = start
    while end < len(doc) and doc[end].text != "," and end - start < 3 * MAX_NAME_WORDS:
        tok = doc[end]
        glued = end > start and not doc[end - 1].whitespace_
        if not (is_name_word(tok) or (glued and (tok.text == "-" or (tok.is_lower and tok.is_alpha and doc[end - 1].text == "-")))):
            return None
        end += 1
    return doc[start:end] if end > start and end < len(doc) else None


def _person_word(word: str) -> bool:
    """A word of a person's name, its hyphenated pieces letters only, the first capitalised ("Min-seo-Harwood")."""
    parts = word.split("-")
    return parts[0][:1].isupper() and all(p.isalpha() for p in parts) and word.lower() not in _TITLE_WORDS


def speaker_spans(doc: Doc, typed: _Typed) -> list:
    """"said Lee Min-seo-Harwood, a semiconductor analyst at Daehan Pacific Securities": the full name after a verb of
    saying, set off by a comma before "a/an/the ... <title>", is a person's, where the NER saw no name or a firm.

    >>> import spacy
    >>> doc = spacy.blank("en")("No , said Ana Okoro-Lund , a senior analyst at Brenmoor .")
    >>> [(c[0].text, c[1]) for c in speaker_spans(doc, _Typed(doc, []))]
    [('Ana Okoro-Lund', 'PERSON')]
    """
    out = []
    for verb in tokens_where(doc, "LOWER", _SAYING):
        name = _hyphenated_name_after(doc, verb.i + 1)
        if name is None or len(name) < 2 or name.end + 2 >= len(doc) or doc[name.end + 1].lower_ not in ("a", "an", "the"):
            continue
        # the title ends before "at", "of" or "with" (or at the next comma or stop)
        after = name.end + 2
        while after < len(doc) and doc[after].lower_ not in ("at", "of", "with", ",", ".", ";") and after - name.end < 8:
            after += 1
        if after >= len(doc) or title_ending_at(doc, after - 1) is None:
            continue
        words = name.text.split()
        if 2 <= len(words) <= 4 and all(_person_word(w) for w in words) and not any(c[2] == "gazetteer" for c in typed.over(name)) \
                and not any(t.ent_type_ in KEPT_NER_LABELS for t in name):
            out.append(_person(name))
    return out


def appointer_spans(doc: Doc, typed: _Typed) -> list:
    """"Pellucid named Victor Hale, a veteran of Intel, its new president", "Halvine has hired Ana Ruiz as
    chief technology officer", "Brindle promoted Sara Lind to chief operating officer": whoever appoints
    someone *its* officer, or to a founder's or an officer's title, is a company. The name is read right
    before the verb, since the parser often misses that it is the subject.

    >>> import spacy
    >>> doc = spacy.blank("en")("Pellucid named Victor Hale its new president . Lumen named Jo Tan as CFO .")
    >>> doc[1].lemma_ = doc[9].lemma_ = "name"
    >>> [(c[0].text, c[1]) for c in appointer_spans(doc, _Typed(doc, []))]
    [('Pellucid', 'COMPANY'), ('Lumen', 'COMPANY')]
    """
    appointing = frozenset(load_triggers()["appointing_verbs"])
    out = []
    for verb in tokens_where(doc, "LEMMA", tuple(sorted(appointing))):
        lemma = verb.lemma_.lower()
        if lemma not in appointing or not verb.is_lower or verb.lower_ == lemma:
            continue  # a past or present form ("named", "hires"), not the noun "name" or an infinitive
        sent = _sentence(verb)
        end = verb.i
        while end > sent.start and verb.i - end < 3 and doc[end - 1].lower_ in APPOINTER_GAP | CALENDAR_LOWER:
            end -= 1
        appointer = name_before(doc, end)
        title = _appointed_title(doc, verb.i + 1, sent.end) if appointer is not None else None
        if title is not None and retypable_as_company(appointer, typed, officer=title in officer_titles()):
            out.append(_company(appointer))
    return out


def _appointed_title(doc: Doc, start: int, end: int) -> str | None:
    """The title an appointment gives, in ``doc[start:end]``: a company title after "its" ("its new
    president"), or a founder's or an officer's title after "as" or "to" ("as chief executive"; not "as
    president", which a country gives too)."""
    for tok in doc[start:end]:
        if tok.lower_ not in ("its", "as", "to"):
            continue
        title_start = _after_modifiers(doc, tok.i + 1, end)
        last = _title_end(doc, title_start) if title_start < end else None
        title = _title_text(doc, title_start, last) if last is not None else None
        if title in (company_titles() if tok.lower_ == "its" else officer_titles()):
            return title
    return None


def joiner_spans(doc: Doc, typed: _Typed) -> list:
    """"Nadia Pereira joined Halvine from Microsoft", "Ana Ruiz joined Halvine as chief technology officer":
    the subject of "joined X from Y" or "joined X as TITLE" is a person where it is shaped like a full
    name, and X is a company where Y is one or the title is a company's.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="Nadia Pereira joined Halvine from Microsoft".split(),
    ...           heads=[1, 2, 2, 2, 2, 4], deps=["compound", "nsubj", "ROOT", "dobj", "prep", "pobj"],
    ...           lemmas=["Nadia", "Pereira", "join", "Halvine", "from", "Microsoft"],
    ...           pos=["PROPN", "PROPN", "VERB", "PROPN", "ADP", "PROPN"])
    >>> microsoft = (doc[5:6], "COMPANY", "gazetteer", "Microsoft")
    >>> [(c[0].text, c[1]) for c in joiner_spans(doc, _Typed(doc, [microsoft]))]
    [('Nadia Pereira', 'PERSON'), ('Halvine', 'COMPANY')]
    """
    out = []
    for verb in tokens_where(doc, "LEMMA", tuple(sorted(JOIN_LEMMAS))):
        if verb.lemma_.lower() not in JOIN_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
            continue
        joined = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if joined is None:
            continue
        preps = {p.lower_: p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("from", "as")}
        left_company = as_title = as_officer = False
        if "from" in preps:
            left = [o for o in preps["from"].children if o.dep_ == "pobj"]
            left_company = any(c[1] == "COMPANY" and c[2] not in ("ner", "ner_weak")
                               for o in left for c in typed.by_token.get(o.i, ()))
        if "as" in preps:
            role = next((o for o in preps["as"].children if o.dep_ == "pobj"), None)
            start = title_ending_at(doc, role.i) if role is not None else None
            title = _title_text(doc, start, role.i) if start is not None else None
            as_title, as_officer = title in company_titles(), title in officer_titles()
        if not (left_company or as_title):
            continue
        person = person_name(name_before(doc, subject.i + 1), typed) if subject is not None else None
        if person is not None and person.end == subject.i + 1 and not typed.is_person(person) and not typed.well_typed(person):
            out.append(_person(person))
        employer = name_before(doc, joined.i + 1)
        # "joined Ana Ruiz's team": a person's full name joined is no employer
        if employer is not None and (len(employer) == 1 or not looks_like_person_name(employer)) \
                and retypable_as_company(employer, typed, officer=left_company or as_officer):
            out.append(_company(employer))
    return out


def listed_people_spans(doc: Doc, typed: _Typed) -> list:
    """"two former Stripe engineers, Jun Park and Ella Stone", "its founders Sam Keel and Priya Nair": a
    full name listed with a person, the list set beside a plural noun of people (an occupation or a
    title), is a person's too.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="two engineers , Jun Park and Ella Stone".split(),
    ...           heads=[1, 1, 1, 4, 1, 4, 7, 4], deps=["nummod", "ROOT", "punct", "compound", "appos", "cc", "compound", "conj"],
    ...           pos=["NUM", "NOUN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN"], tags=["CD", "NNS", ",", "NNP", "NNP", "CC", "NNP", "NNP"])
    >>> jun = (doc[3:5], "PERSON", "ner", None)
    >>> [(c[0].text, c[1]) for c in listed_people_spans(doc, _Typed(doc, [jun]))]
    [('Ella Stone', 'PERSON')]
    """
    out, seen = [], set()
    for span, label, *_ in typed.candidates:
        if label != "PERSON" or len(span) < 2:
            continue
        first = span.root
        first = first_conjunct(first)
        if first.dep_ not in ("appos", "compound") or not _is_people_noun(first.head) or first.i in seen:
            continue
        seen.add(first.i)
        for tok in [first, *first.conjuncts]:
            if tok.pos_ != "PROPN" or tok.i in typed.by_token:
                continue
            name = person_name(name_before(doc, tok.i + 1), typed)
            if name is not None and name.end == tok.i + 1 and not typed.over(name):
                out.append(_person(name))
    return out


def _is_people_noun(tok: Token) -> bool:
    """A plural noun of people: "engineers", "co-founders", "singers" (occupations and titles)."""
    word = tok.lower_
    if tok.tag_ not in ("NNS", "NNPS") or not word.endswith("s"):
        return False
    return word[:-1] in PERSON_NOUNS or title_ending_at(tok.doc, tok.i) is not None


def title_name_spans(doc: Doc, candidates: list) -> list:
    """Every candidate of this module for ``doc``, given the candidates of the other typing sources."""
    typed = _Typed(doc, candidates)
    return (name_title_name_spans(doc, typed) + title_owner_spans(doc, typed) + appositive_people_spans(doc, typed)
            + appointer_spans(doc, typed) + joiner_spans(doc, typed) + listed_people_spans(doc, typed) + speaker_spans(doc, typed))


#: Title words that may open a job title on a name card ("Chief Strategy Officer", "Head of Public Sector",
#: "Interim Chief Executive"); the title lexicon's words of a trade or an article ("Data", "Sales", "the") open none.
_CARD_TITLE_OPENERS = frozenset(
    "acting chair chairman chairperson chairwoman chief ceo cfo co-founder cofounder coo cto deputy director editor "
    "executive founder founding general head interim managing partner president principal professor secretary senior vice vp".split())
#: A name card's line: a person's name, a comma, a capitalised job title and, after another comma, whom the
#: person is with ("Katrina Mulligan, Head of National Security Partnerships, OpenAI").
_NAME_CARD = re.compile(
    r"^(?:[-*•] )?(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}), "
    r"(?P<title>[A-Z][\w-]*(?: (?:[A-Z][\w&-]*|of|and|for|&))*)(?:, [^\n.]{1,60})?$", re.MULTILINE)


def name_card_parts(text: str) -> list:
    """The (name, title) character ranges of name-card lines: a line that opens with a person's name, a comma
    and a capitalised job title, then whom the person is with, and is no sentence ("Christian Brose, Chief
    Strategy Officer, Anduril Industries", a conference's or a press release's line-up). The name is a person's
    and no member of a list with the employer after it; the title's capitals make no name ("Head", "Artificial
    Intelligence").

    >>> text = "PANEL\\nDana Roe, Head of Public Sector, Orlith\\nOrlith, Vantor, Kessel\\nAnn Lee, Vantor\\nBy Ann Lee, Senior Editor, Tech Ledger"
    >>> [(text[a:b], text[c:d]) for (a, b), (c, d) in name_card_parts(text)]
    [('Dana Roe', 'Head of Public Sector')]
    """
    out = []
    for m in _NAME_CARD.finditer(text):
        first = m.group("name").split()[0]
        if first == "By":
            continue  # a byline's: its own reader takes the name (extract.name_cues.byline_spans)
        if m.group("title").split()[0].lower() in _CARD_TITLE_OPENERS and first.lower() not in _CARD_TITLE_OPENERS:
            out.append((m.span("name"), m.span("title")))
    return out


def name_card_spans(doc: Doc, text: str) -> list:
    """``(span, "PERSON", "context", None)`` candidates for the names of :func:`name_card_parts`."""
    out = []
    for (start, end), _ in name_card_parts(text):
        span = doc.char_span(start, end)
        if span is not None and looks_like_person_name(span):
            out.append((span, "PERSON", "context", None))
    return out
