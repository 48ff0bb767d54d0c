"""spaCy components of newsgraph, registered when this module is imported.

``newsgraph_entities`` runs after the statistical NER (or without it) and replaces
``doc.ents`` with our typed entities: gazetteer names first, then AI-model name shapes,
then the NER's spans retyped by context and cleaned of boilerplate. See
:mod:`extract.entities` for the rules and :mod:`extract.gazetteer` for the data.
"""
from __future__ import annotations

import functools
import re

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .entities import (
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    FIELD_NAME_ENDS,
    LANGUAGE_NAMES,
    LEGAL_FORMS,
    MODEL_STAGES,
    MODEL_TIERS,
    NAME_PARTICLES,
    ORGANIZATION_HEADS,
    ORGANIZATION_WORDS,
    PERSON_NOUNS,
    PERSON_NOUNS,
    PLACE_WORDS,
    PUBLICATION_HEADS,
    ROLE_NOUNS,
    SHIP_PREFIXES,
    TYPE_LABELS,
    apposed_as_company,
    boilerplate_ranges,
    class_noun_type,
    class_of_noun,
    has_company_context,
    has_model_context,
    states_parameter_count,
    has_person_context,
    has_strong_model_context,
    heading_ranges,
    is_event_name,
    is_founded,
    names_after_a_company_noun,
    is_part_of_a_longer_name,
    is_post_title,
    is_publication_context,
    is_no_surname,
    looks_like_person_name,
    _is_name_word,
    _plural_last,
    made_by_named_maker,
    model_shape_spans,
    article_model_families,
    family_models,
    is_trained,
    is_modifier_word,
    model_modifier_ranges,
    names_another_thing,
    participle_type,
    says_where_a_company_is,
    _TIER_TAIL,
    sentence_of,
    strip_model_stage,
)
from .gazetteer import load_gazetteer
from .title_names import name_card_parts, name_card_spans, title_name_spans
from .tokens import doc_text, first_conjunct, tokens_where
from .lexicon import title_words, word_list
from .product_names import family_led_model_spans, licence_name_ranges, product_name_spans, tier_family_spans
from .quantities import iter_money
from .name_cues import (
    UNIT_NOUNS,
    acts_as_company,
    heads_a_money_item,
    business_unit_name,
    acquires_a_company,
    buys_a_business,
    byline_spans,
    corrected_name,
    company_role,
    described_name_spans,
    employs_the_speaker,
    ends_in_product_noun,
    is_maker_agent,
    is_no_name,
    is_field_label,
    is_capitalised_plural,
    is_round_name,
    coordinated_names,
    is_surname_over_cue,
    english_words,
    with_first_of_three_names,
    is_version_code,
    model_short_forms,
    numbered_company_spans,
    owns_a_unit,
    names_a_business_role,
    names_over_places,
    person_before_apposition,
    shared_surname_spans,
    single_name_organisation,
    listed_company_spans,
    lower_case_acronyms,
    former_name_spans,
    founded_as,
    founded_by_someone,
    is_bought_or_owned,
    is_bought_whole,
    renamed_company,
    round_investor_spans,
    variant_model_spans,
    without_headline_verb,
    tier_model_spans,
    with_given_name,
)

# How much a typing source is trusted when two spans overlap or one name gets two types.
RANK = {"gazetteer": 5, "metonym": 5, "name_extension": 5, "name_head": 5, "model_shape": 5, "context": 3, "class_noun": 3, "propagated": 3, "short_form": 3,
        "name_shape": 3, "role": 2.5, "ner": 2, "ner_weak": 1}
#: Last words that make a capitalised name a company even when the NER saw nothing ("Acme Robotics").
#: Fewer than :data:`~extract.entities.COMPANY_SUFFIXES`: "Cloud", "Data", "Media" or "Security" end
#: names of products and fields as often.
#: Legal forms end company names too, but for short ones that are also other words ("SA", "SE", "Co", "LP").
COMPANY_NAME_ENDS = (LEGAL_FORMS - {"SA", "SE", "Co", "LP"}) | frozenset(
    "AI Labs Technologies Robotics Software "
    "Networks Semiconductor Semiconductors Ventures Holdings Therapeutics Biosciences Microsystems Systems Capital "
    "Partners Studios Motors Airlines Pharmaceuticals Industries Devices Electronics Dynamics Instruments "
    "Seed".split()  # "Gannet Rock Seed": a seed-stage investor named as its stage, as "Ventures" and "Capital" are
) | FIELD_NAME_ENDS  # "Ares Management", "Dominion Energy", "Dunmore Health" (not "Renewable Energy")
#: Words that end an investment firm's name, which news drops after naming the firm in full ("Peak XV Partners ...
#: Peak XV", "Lux Capital ... Lux").
FIRM_NAME_WORDS = frozenset("Partners Capital Ventures Management Investments Advisors Advisers".split())
#: Name ends that stand inside longer names as often as they end one: "Crane Clean Energy Center", "Ridgeback Seed
#: Fund" (the whole name is the firm's).
OPEN_NAME_ENDS = FIELD_NAME_ENDS | {"Seed"}
#: Words after a company's name that only say its corporate form: "Toyota Motor" is Toyota, not a unit of it
#: ("Microsoft Research" is one).
CORPORATE_FORM_WORDS = LEGAL_FORMS | frozenset("Group Holdings Holding Motor Motors Company Corporation International".split())
#: Kinds that a common noun beside a name says and that no company name inside it overrules.
CLASS_LABELS = ("PRODUCT", "ORGANIZATION", "PUBLICATION")
#: NER labels of names whose kind a common noun beside them can say ("Chrome, a browser").
NAME_LABELS = word_list("entities", "name_labels")
#: Words before "AI" that name a field, not a company: "Generative AI", "Responsible AI".
_FIELD_WORDS = word_list("entities", "field_words")


def _name_start(token) -> bool:
    """A capitalised word of letters that may be (part of) an unknown company's name: "Orlith", "Quillfire"."""
    return token.is_title and token.is_alpha and token.pos_ in ("PROPN", "NOUN") and len(token) > 2


def _after_honorific(span) -> bool:
    """"Mr. Vance", "Dr Oren": a person, named with an honorific."""
    return span.start > 0 and span.doc[span.start - 1].text in HONORIFICS


#: Endings that make a place's adjective of its name: "Europe" -> "European", "China" -> "Chinese".
_PLACE_ADJECTIVE_ENDINGS = ("ean", "ian", "an", "ese", "ish", "ic", "i")


def place_stems(places) -> frozenset:
    """Each place's name and its name less a last letter, the stems its adjective is made on ("Korea" -> "Kore")."""
    return frozenset(s for p in places if " " not in p for s in (p, p[:-1]) if len(s) >= 4)


def _hyphen_joined_start(span):
    """The span with the word a hyphen joins to its first word ("Asia-" of "Asia-Pacific AI"), which the
    tokenizer split off."""
    doc, start = span.doc, span.start
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        return doc[start - 2 : span.end]
    return span


def names_a_place(words, places, stems) -> bool:
    """Whether the words before "AI" say where, not who: a place ("Abu Dhabi AI group"), a region of places joined by
    a hyphen ("Asia-Pacific AI deals") or a place's adjective ("runs on European AI"). A company's name says who.

    >>> places = {"Europe", "Asia", "Abu Dhabi", "China"}
    >>> stems = place_stems(places)
    >>> [names_a_place(w, places, stems) for w in (["Abu", "Dhabi"], ["Asia-Pacific"], ["European"], ["Chinese"], ["Mistral"], ["Euro"])]
    [True, True, True, True, False, False]
    """
    if " ".join(words) in places:
        return True
    if len(words) != 1:
        return False
    word = words[0]
    if "-" in word:
        return any(part in places for part in word.split("-"))
    return any(word.endswith(end) and word[: -len(end)] in stems for end in _PLACE_ADJECTIVE_ENDINGS)


def _named_by_noun_before(span) -> bool:
    """Whether the common noun just before a name is the name's own class, joined to it ("the venture firm Tallis
    Rook led", "hedge fund High-Flyer": its compound, or the noun the name is in apposition to), so the name is
    the firm's whatever its words look like; in "the startup Mei-Lin Zhao founded" the name is a clause's subject."""
    if span.start == 0:
        return False
    noun, root = span.doc[span.start - 1], span.root
    if not (noun.is_lower and noun.is_alpha and class_of_noun(noun) == "COMPANY"):
        return False  # ("chief executive Andrew Feldman": a person's noun)
    verb = root.head
    if (root.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i >= span.end
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children if c.i > verb.i)):
        return False  # "the startup Mei-Lin Zhao founded last year": the noun is the object its verb lacks
    return (noun.head.i == root.i and noun.dep_ in ("compound", "nmod")) or (root.dep_ == "appos" and root.head.i == noun.i)


def _is_common_adjective(word: str) -> bool:
    """Whether a word before "AI" reads as an adjective ("generative", "conversational") rather than a name."""
    return word in _FIELD_WORDS or word.endswith(("ive", "ical", "able", "ible", "ful", "less", "ous"))
_LEADING_JUNK = {"the", "a", "an", "•", "-", "–", "—", "*", "“", "\"", "'", "‘", "(", "["}
_TRAILING_JUNK = {"and", "or", "&", "'s", "’s", "'", "’", "”", "\"", ")", "]", ",", ".", ":", ";", "!", "?"}


_DASH = r"(?:--|[\u2014\u2013-])"
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
_SOURCE = r"(?:\([A-Za-z .]+\)\s*)"
#: A news dateline at the start of a line: "TORONTO, Ontario — April 8, 2025 — ", "SAN JOSE, Calif.--(BUSINESS
#: WIRE)--", "LONDON (Reuters) - ", "PARIS, July 24 — ": a place in capitals, then a region, a date and a
#: source, each optional, and the dash that ends it.
DATELINE = re.compile(
    rf"^[A-Z][A-Z.'\u2019 -]{{0,30}}[A-Z.](?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}})?"
    rf"(?:(?:,\s+|\s*{_DASH}\s*){_DATE})?\s*{_SOURCE}?{_DASH}\s*(?:{_SOURCE}{_DASH}\s*)?(?:{_DATE}\s*{_DASH}\s*)?",
    re.MULTILINE,
)


def dateline_ends(text: str) -> list[int]:
    r"""Where the statement after each dateline starts, as character offsets.

    >>> text = "Brindle ships Quill-2\n\nTORONTO, Ontario \u2014 April 8, 2025 \u2014 Brindle AI Inc. announced Quill-2."
    >>> [text[i:i + 7] for i in dateline_ends(text)]
    ['Brindle']
    >>> text = "SAN JOSE, Calif.--(BUSINESS WIRE)--Oct. 8, 2024--Helio Robotics said.\nLONDON (Reuters) - Arm fell."
    >>> [text[i:i + 5] for i in dateline_ends(text)]
    ['Helio', 'Arm f']
    >>> dateline_ends("Nvidia - the chip maker - rose."), dateline_ends("AI - a primer"), dateline_ends("CKNL - FM is a station")
    ([], [], [])
    """
    return [m.end() for m in DATELINE.finditer(text) if _is_dateline_match(m)]


def _is_dateline_match(m: re.Match) -> bool:
    # a place alone before a dash is no dateline ("CKNL - FM", "NASA - the agency"): it needs its region,
    # date or source
    return ("," in m.group() or "(" in m.group()) and sum(c.isupper() for c in m.group().split(",")[0].split("(")[0]) >= 3


def _after_datelines(doc: Doc, line_starts: list[int]) -> list[int]:
    """The tokens that start a story's statement after a dateline opening one of ``line_starts``; each
    line is read from a short window of text (``Doc.text`` joins every token each time it is read)."""
    out = []
    for start in line_starts:
        if not (doc[start].is_upper and doc[start].is_alpha):
            continue
        window = doc[start: start + 40]
        m = DATELINE.match(window.text)
        if m is None or not _is_dateline_match(m):
            continue
        end = window.start_char + m.end()
        out += [t.i for t in window if t.idx == end and t.i > 0]
    return out


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines, list items and source lines
    are separate statements, but the parser would glue them onto the next line. A dateline is one too:
    parsed with its story's first sentence, its place became that sentence's subject."""
    # (the words are read from an array, each distinct one once: a Token per word cost more than the rest)
    orth = doc.to_array("ORTH") if len(doc) else numpy.zeros(0, dtype="uint64")
    breaks = [h for h in numpy.unique(orth).tolist() if "\n" in doc.vocab.strings[h]]
    starts = (numpy.flatnonzero(numpy.isin(orth[:-1], numpy.array(breaks, dtype="uint64"))) + 1).tolist() if breaks else []
    starts += _after_datelines(doc, [0, *starts]) if len(doc) else []
    # "Character.AI", "Node.js": a full stop inside a word never ends a sentence (the tokenizer
    # splits it off, and the parser would start a sentence at "AI")
    after_stops = (numpy.flatnonzero(orth[1:-1] == numpy.uint64(doc.vocab.strings["."])) + 2).tolist()
    inside = [tok.i for tok in (doc[i] for i in after_stops) if doc[tok.i - 1].text == "." and not doc[tok.i - 1].whitespace_
              and not doc[tok.i - 2].whitespace_ and tok.text[:1].isalnum() and tok.i not in starts]
    # a line's second word does not start a sentence: after a one-word line ("Obituaries", "Deals"), the parser
    # split the next line's first name after its first word ("Harold | Brenner, the co-founder of ...")
    line_starts = set(starts)
    inside += [i + 1 for i in starts if i + 1 < len(doc) and i + 1 not in line_starts and doc[i].is_alpha
               and doc[i].is_title and doc[i + 1].is_alpha and doc[i + 1].is_title and doc[i].whitespace_ != ""]
    if starts or inside:
        # One array write: setting ``tok.is_sent_start`` checks the whole doc for a parse
        # each time, which made a long text with many lines quadratic.
        sent_starts = doc.to_array("SENT_START").astype("int64")
        sent_starts[starts] = 1
        sent_starts[inside] = -1
        doc.from_array(["SENT_START"], sent_starts.astype("uint64").reshape(-1, 1))
    return doc


@Language.factory(
    "newsgraph_entities",
    default_config={"gazetteer_dir": None, "model_window": 6},
)
def make_entity_typer(nlp: Language, name: str, *, gazetteer_dir: str | None, model_window: int):
    return EntityTyper(nlp, name, gazetteer_dir=gazetteer_dir, model_window=model_window)


class EntityTyper:
    """Set ``doc.ents`` to company, person, model, product, organization, publication and place spans."""

    def __init__(self, nlp: Language, name: str = "newsgraph_entities", *, gazetteer_dir=None, model_window: int = 6):
        self.name = name
        self.gazetteer = load_gazetteer(gazetteer_dir)
        self.model_window = model_window
        self.families = self.gazetteer.model_families
        self.english = english_words(nlp)  # (a given name is no English word: "Vipul Ved Prakash", not "Drummer Lars Ulrich")
        self.known = {}  # surface -> (label, canonical)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in self.gazetteer.entries:
            self.known.setdefault(entry.surface, (TYPE_LABELS[entry.type], entry.canonical))
        for surface in self.known:
            self.matcher.add(surface, [nlp.make_doc(surface)])
        self.places = frozenset(e.surface for e in self.gazetteer.entries if e.type == "place")
        self.place_stems = place_stems(self.places)
        self.metonym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for place in self.gazetteer.metonyms:
            self.metonym_matcher.add(place, [nlp.make_doc(place)])

    def __call__(self, doc: Doc) -> Doc:
        # one odd document must not stop a corpus: on a bug, leave it without entities and say so
        try:
            return self._type(doc)
        except Exception as exc:  # noqa: BLE001
            doc.ents = []
            doc.user_data.setdefault("newsgraph_errors", []).append(f"{self.name}: {type(exc).__name__}: {exc}")
            return doc

    def _type(self, doc: Doc) -> Doc:
        candidates = []  # (span, label, source, canonical)
        self._works = set()
        self._text = doc_text(doc)  # (Doc.text joins every token each time it is read)
        candidates += self._gazetteer_spans(doc)
        self._companies = {i for c in candidates if c[1] == "COMPANY" for i in range(c[0].start, c[0].end)}
        self._business = _is_business_text(doc, candidates)
        candidates += self._metonym_spans(doc, [(c[0].start, c[3]) for c in candidates if c[1] == "COMPANY"])
        known_models = [c[0] for c in candidates if c[1] == "MODEL"]
        candidates += self._model_shape_spans(doc, known_models)
        # (before the NER's: a byline's or credit's name is a person's where the NER's tie says firm)
        candidates += [(span, "PERSON", "context", None) for span in byline_spans(doc, self._text)]
        cards = name_card_parts(self._text)  # "Dana Roe, Head of Public Sector, Orlith": a person, a title, an employer
        candidates += name_card_spans(doc, self._text) if cards else []
        candidates += numbered_company_spans(doc, self._text)  # "10 start-ups to watch ... 3. Exa": a company
        candidates += self._ner_spans(doc)
        candidates += self._described_spans(doc)
        candidates += product_name_spans(doc, candidates)
        candidates += self._role_context_spans(doc)
        candidates += self._name_shape_spans(doc)
        candidates += self._company_role_spans(doc)
        candidates += [c for c in listed_company_spans(doc, candidates) + round_investor_spans(doc) + former_name_spans(doc)  # "Datadog, Elastic and Microsoft"
                       if c[0].text not in self.gazetteer.not_entities]
        candidates += title_name_spans(doc, candidates)  # "Vantor CEO Lukas Brenner": see extract.title_names
        candidates += self._model_version_spans(doc, candidates)
        candidates += tier_model_spans(doc, [c[0] for c in candidates if c[1] == "MODEL"])  # "Corvid Mini"
        candidates += tier_family_spans(doc, candidates)  # "Voxtral" beside "Voxtral Small" (extract/product_names.py)
        candidates += variant_model_spans(doc, candidates)  # "Llama 4 Maverick", then "Maverick"
        candidates += family_led_model_spans(doc, candidates, self.families)  # "Llama Nemotron Nano"
        candidates += shared_surname_spans(doc, candidates, self.known)  # "Dario and Daniela Amodei"
        candidates = [c for c in candidates if not is_round_name(c[0])]  # "Series B": a round, whatever cue typed it
        acronyms = lower_case_acronyms(self._text)  # "electronic design automation (EDA)": a trade's term, no name
        kept = _select([c for c in candidates if c[0].text not in acronyms] if acronyms else candidates)
        kept = _joined_adjacent_companies(kept)  # "GE Vernova" read as "GE" and "Vernova": one name
        kept = _with_capitalised_the(kept)  # "a new company, The Bot Company"
        kept = _coordination_types(kept)
        kept = self._make_consistent(doc, kept)
        kept = _with_former_names(kept)  # "Founded as Swanson Analysis Systems, Ansys went public"
        kept = _with_corrected_names(kept)  # "He is Eyal Waldman, not Eyal Waldmann"
        if self._works:  # and not brought back as a short form of a "full name" that is a work
            kept = [c for c in kept if not _is_work(c[0].text, self._works, short_form=c[2] in ("propagated", "short_form"))]
        furniture = boilerplate_ranges(self._text) + model_modifier_ranges(self._text, self.families)  # (+ "GPT-style": no name)
        furniture += licence_name_ranges(self._text)  # "under the Apache 2.0 licence": a licence, no model or company
        furniture += [(start, end) for start, end, _ in iter_money(self._text)]  # "NIS 900 million", "QAR 300 million": money
        furniture += [title for _, title in cards]  # a name card's title: "Head of ...", "... Artificial Intelligence Officer"
        kept = [c for c in kept if not any(s <= c[0].start_char < e for s, e in furniture)]
        spans = []
        for span, label, source, canonical in sorted(kept, key=lambda c: c[0].start):
            ent = Span(doc, span.start, span.end, label=label)
            ent._.canonical = canonical
            ent._.entity_source = source
            spans.append(ent)
        doc.ents = spans
        # coreference reads which trade words describe which company ("the software company"), relations
        # which companies and model developers are known: the Doc keeps the gazetteer's fingerprint
        doc.user_data["newsgraph_gazetteer"] = self.gazetteer.fingerprint
        return doc

    # -- candidate sources -------------------------------------------------
    def _gazetteer_spans(self, doc):
        out = []
        for match_id, start, end in self.matcher(doc):
            surface = doc.vocab.strings[match_id]
            label, canonical = self.known[surface]
            out.append((doc[start:end], label, "gazetteer", canonical))
        return out

    def _metonym_spans(self, doc, mentions=()):
        """A known company's town for the company ("the Redmond company", "Redmond said"), where the article
        names that company: a metonym refers back to a company already named. Without it, or set beside a
        name ("Khosla Ventures, the Menlo Park firm"), "the Menlo Park company" describes the article's own
        company in that town, and the town stays a place.

        ``mentions`` are the (start, canonical name) of the known companies the gazetteer found in the document."""
        named = {company for _, company in mentions}
        out = []
        for match_id, start, end in self.metonym_matcher(doc):
            span = doc[start:end]
            company = self.gazetteer.metonyms[doc.vocab.strings[match_id]]
            if company in named and _used_as_company(span) and not _describes_apposed_name(span) \
                    and not _describes_another(span, company, mentions):
                out.append((span, "COMPANY", "metonym", company))
            else:
                out.append((span, "PLACE", "gazetteer", span.text))
        return out

    def _model_shape_spans(self, doc, known_models):
        out, unproven = [], []
        for start, end, known_family in model_shape_spans(doc, self.families):
            span = doc.char_span(start, end, alignment_mode="expand")
            # an unknown family is a model when a model noun, or a known model, is in its sentence
            if span is None or not (
                known_family
                or not names_another_thing(span) and has_model_context(span, self.model_window)
                or states_parameter_count(span)
                or is_trained(span)  # "Kestrel AI trained Kestrel-V3"
                or any(sentence_of(span).start <= m.start < sentence_of(span).end for m in known_models) and not names_another_thing(span)
            ):  # (a model beside it says nothing where its sentence calls it a chip: "the Sarn-4 model on Nimbus H-200 chips")
                if span is not None:
                    unproven.append(span)
                continue
            base = strip_model_stage(span.text)
            canonical = self.known.get(base, (None, base))[1] if base != span.text else None
            out.append((span, "MODEL", "model_shape", canonical))
        # and where the article elsewhere shows the name's family to be one of models ("Sarn-3, its previous model")
        families = article_model_families(self._text, [c[0].text for c in out] + [m.text for m in known_models])
        out += [(span, "MODEL", "model_shape", None) for span in family_models(unproven, families)]
        # a known model and a hyphenated tier is a model of its own: "o1-mini" is not "o1"
        for model in known_models:
            tier = KNOWN_MODEL_TIER.match(self._text, model.end_char)
            span = doc.char_span(model.start_char, tier.end(), alignment_mode="expand") if tier else None
            if span is not None:
                base = strip_model_stage(span.text)
                out.append((span, "MODEL", "model_shape", base if base != span.text else None))
        # names without a version ("Kestrel-VLA", "AFM-on-device") only where a model noun names them
        for m in ACRONYM_COMPOUND.finditer(self._text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not is_modifier_word(m.group()) and (has_strong_model_context(span) or has_model_context(span, 1)):
                out.append((span, "MODEL", "context", None))  # (not "a GPT-style transformer")
        return out

    def _ner_spans(self, doc):
        out = []
        headings = heading_ranges(self._text)
        body_text = _outside(self._text, headings)
        works = set()  # names of films, songs, books...: no entities of ours, wherever they stand
        # (a word of a person's full name labels a speaker where it stands before a colon: "Rose:" after "Tom Rose")
        name_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        for ent in [part for ent in doc.ents for part in coordinated_names(ent)]:  # ("Vistra and Talen": two names)
            span = clean_span(_with_name_particles(ent) if ent.label_ == "PERSON" else ent)
            span = without_headline_verb(span) if span is not None else None  # "... and Launches Orrin-M2"
            if span is not None and ent.label_ == "PERSON":
                span = person_before_apposition(without_leading_occupation(span))  # "Drummer Lars Ulrich" is Lars Ulrich
                span = with_given_name(span, self.known)  # "Renata Solberg spent ..." read as "Solberg"
                span = with_first_of_three_names(span, self.english, self.known)  # "Vipul Ved Prakash" read as "Ved Prakash"
            if (span is None or span.text in self.gazetteer.not_entities or not span.text[0].isalpha()
                    or crosses_comma(span) or is_name_fragment(span) or is_no_name(span)
                    or (span.text not in name_words and is_field_label(span, self.english))  # "Guest: Dana Roe"
                    or (ent.label_ != "PERSON" and is_capitalised_plural(span, self.english))):  # "Utilities in Ohio say"
                continue
            in_heading = any(s <= span.start_char < e for s, e in headings)
            # title case says little in headings: trust a heading's name only if the body has it too
            # (a line that is only a person's full name is a byline or a press contact, no heading)
            name_line = in_heading and _is_name_line(span, ent.label_, self._text)
            if in_heading and span.text not in body_text and not name_line:
                continue
            typed = self._type_ner_span(span, ent.label_)
            if typed and typed[0] == "WORK":
                works.add(span.text)
            elif typed:
                if typed[0] == "PERSON" and ent.label_ != "PERSON":  # "Caldor Ashby married ..." read as an ORG "Ashby"
                    span = with_given_name(span, self.known)
                # and its type less than the body's ("The second act of Leila Farrokh" read as an ORG)
                source = "ner_weak" if in_heading and not name_line and RANK[typed[1]] <= RANK["ner"] else typed[1]
                out.append((span, typed[0], source, None))
        self._works = works
        return [c for c in out if not _is_work(c[0].text, works)]

    def _model_version_spans(self, doc, candidates):
        """"Ernie 4.0", "Ernie Bot", "Stable Diffusion 3 Medium": a name the document (or the gazetteer) says
        is a model, and a version number with tiers, or "Bot", after it, is a model of its own, whatever
        the NER reads (an ORG, often)."""
        names = {c[0].text for c in candidates if c[1] == "MODEL" and RANK[c[2]] >= RANK["context"] and c[0].text[-1:].isalpha()}
        if not names:
            return []
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for name in names:
            words = name.split()
            matcher.add(name, [Doc(doc.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])])
        out = []
        for _, start, end in matcher(doc):
            tail = MODEL_VERSION_TAIL.match(self._text, doc[end - 1].idx + len(doc[end - 1]))
            span = doc.char_span(doc[start].idx, tail.end(), alignment_mode="expand") if tail else None
            if span is not None and not any(t.is_sent_start for t in span[1:]):
                out.append((span, "MODEL", "model_shape", None))
        return out

    def _described_spans(self, doc):
        """Names the NER missed that a copula describes: "Breakout is an arcade game", "Hélé Béji is a writer"."""
        return [(span, label, "class_noun", None) for span, label in described_name_spans(doc)
                if span.text not in self.gazetteer.not_entities and not any(t.is_sent_start for t in span[1:])]

    def _type_ner_span(self, span, label):
        if len(span) == 2 and span[-1].text == "AI" and _is_common_adjective(span[0].lower_):
            return None  # "Generative AI" is a field, not a company
        if len(span) >= 2 and span[-1].text == "AI" and names_a_place(span[:-1].text.split(), self.places, self.place_stems):
            return None  # "the Abu Dhabi AI group", "European AI": where the AI is, not whose
        if len(span) == 1 and span.text in LANGUAGE_NAMES:
            return None  # "Hindi", "Swahili": a language, whatever the NER guessed (a person, often)
        if has_strong_model_context(span):
            return "MODEL", "context"
        if label != "NORP" and says_where_a_company_is(span):  # (a people's adjective stays no name: "the Portuguese company")
            return "PLACE", "context"  # "the Freiburg image-model start-up": where the company is, not which
        if label in NAME_LABELS and apposed_as_company(span):
            return "COMPANY", "class_noun"  # "Zenefits, the benefits start-up": the apposition says what the name is
        if label in NAME_LABELS:
            # "Chrome, a browser", "the band Metallica", "Load is an album", "missiles such as Cirit"
            kind = class_noun_type(span)
            if kind == "PERSON" and looks_like_person_name(span):
                return "PERSON", "class_noun"
            if (kind == "COMPANY" and (label == "PERSON" or has_person_context(span)) and len(span) > 1 and looks_like_person_name(span)
                    and not _named_by_noun_before(span)):
                kind = None  # a person's full name is not taken for a company on a noun nearby ("the startup Mei-Lin Zhao founded")
            if kind in ("COMPANY", "PRODUCT", "ORGANIZATION", "PUBLICATION", "WORK", "PLACE"):
                return kind, "class_noun"
            if len(span) > 1 and span[-1].text in PUBLICATION_HEADS:
                return "PUBLICATION", "class_noun"  # "Yorkshire Post", "The New York Times"
            if span[0].text in SHIP_PREFIXES and len(span) > 1:
                return "PRODUCT", "class_noun"  # "HMS Ardent": a warship
            if is_event_name(span):
                return None  # "USSR State Prize", "American Civil War": no organisation, company or person
            if ends_in_product_noun(span) and not (label == "PERSON" and looks_like_person_name(span)):
                return "PRODUCT", "class_noun"  # "Excite Truck", ".NET Framework"
            kind = participle_type(span) or ("PRODUCT" if label != "PERSON" and made_by_named_maker(span) else None)
            if kind is not None and not (kind == "PRODUCT" and has_model_context(span, self.model_window)):
                return kind, "class_noun"
            # "University of Oxford", "National Executive Committee": the name's head word says organisation,
            # and the whole name outranks a known place inside it ("Oxford")
            if len(span) > 1 and span.root.text in ORGANIZATION_HEADS:
                return "ORGANIZATION", "name_head"
        if label == "PERSON" and is_post_title(span):
            return None  # "a Teachta Dála", "served as Lord Mayor": a post, not a person
        # "- Tessaly — $40M Series B led by ...": a roundup's or deal box's line of money opens with a company
        if label != "ORG" and heads_a_money_item(span, self.english) and not (len(span) > 1 and looks_like_person_name(span)):
            return "COMPANY", "role"
        person = has_person_context(span) and looks_like_person_name(span)
        # "Scaleway, the cloud arm of the Iliad group", "the Schwarz Group, the owner of Lidl": tied to a company
        # as its part or its holding, a name is a business, whatever the tagger's label
        # (asked only where a branch reads it, and once: places, peoples' names and works never do)
        company = functools.cache(lambda: not person and bool(has_company_context(span) or business_unit_name(span, self._companies)))
        if person and label != "PERSON":
            return "PERSON", "context"
        if any(t.text in PLACE_WORDS for t in span) and not company():
            return "PLACE", "ner_weak"
        if label == "ORG":
            if any(t.text in ORGANIZATION_WORDS for t in span):
                return "ORGANIZATION", "ner"
            if is_maker_agent(span):
                return "COMPANY", "context"  # "a fabric softener produced by Procter & Gamble"
            if acquires_a_company(span, self._companies) or employs_the_speaker(span):
                return "COMPANY", "role"  # "Harrowgate Bank, which acquired Quillon, reported", "Dravecko's Marta Lund said"
            if is_publication_context(span):
                return "PUBLICATION", "context"
            if company() or buys_a_business(span) or is_bought_or_owned(span, self._companies):  # "sold its studio to Korrin": a buyer of a business
                return "COMPANY", "context"
            # an organisation named in business news is most likely a company; elsewhere, say less
            return ("COMPANY", "ner") if self._business else ("ORGANIZATION", "ner_weak")
        if label == "PERSON":
            if company() or (owns_a_unit(span) and not person):  # "the fintech arm of Mercado Libre": no person has an arm
                return "COMPANY", "context"
            # "Corvane's new chip", "Tessaly raised $6.6 billion": an unknown one-word name in a company's place
            if not person and len(span) == 1 and not _after_honorific(span) and company_role(span, self._companies):
                return "COMPANY", "role"
            if not person and not _after_honorific(span) and is_bought_whole(span):  # "it bought Red Hat": no person is bought
                return "COMPANY", "role"
            # "she co-founded Corvid Silicon", "later co-founded Bildwerk": founded, so no person, of one word or more;
            # a company unless its words say organisation
            if is_founded(span) and not person and not _after_honorific(span):
                return ("ORGANIZATION" if any(t.text in ORGANIZATION_WORDS for t in span) else "COMPANY"), "context"
            if founded_by_someone(span) and not _after_honorific(span):  # "Etched, founded by three dropouts"
                return ("COMPANY", "context") if self._business else ("ORGANIZATION", "context")
            institution = single_name_organisation(span)  # "professor at Harvard", "a game produced by Sega"
            if institution is not None and not person:
                return institution, "context"
            if looks_like_person_name(span):
                return "PERSON", "context" if person else "ner"
            if _plural_last(span) and all(_is_name_word(t.text) for t in span):  # "Bezos Expeditions": a firm named after its owner
                return ("COMPANY", "ner") if self._business else ("ORGANIZATION", "ner_weak")
            # "Walden Catalyst", "Skarvik Autonomy": a name word and then one no surname is, a firm's name
            if len(span) > 1 and is_no_surname(span[-1].text) and all(_is_name_word(t.text) for t in span):
                return ("COMPANY", "ner") if self._business else ("ORGANIZATION", "ner_weak")
            return None
        if label in ("GPE", "LOC", "FAC"):
            if _is_dateline(span):
                return "PLACE", "context"  # "TORONTO, Ontario — ... Brindle AI Inc. ("the Company") ...": where, not who
            if (has_company_context(span, modifier=False) or business_unit_name(span, self._companies) or owns_a_unit(span)) and not person:
                return "COMPANY", "context"  # ("the payments arm of Mercado Austral": no place has an arm)
            if label in ("GPE", "LOC") and not person and company_role(span, self._companies):
                return "COMPANY", "role"  # (known places are the gazetteer's and outrank this)
            return "PLACE", "ner_weak"
        if label == "NORP":
            # "the former Twitch boss": an unknown name the tagger took for a people's, before a business role
            if names_a_business_role(span):
                return "COMPANY", "context"
            # "Symantec's enterprise-security business", "buy Moveworks, a maker of AI assistants": an unknown
            # one-word name the tagger took for a people's, in a company's place (no people's plural: "Democrats")
            if len(span) == 1 and span.root.tag_ == "NNP" and (class_noun_type(span) == "COMPANY" or company_role(span, self._companies)):
                return "COMPANY", "role"
            return None
        if label == "PRODUCT":
            if has_model_context(span, self.model_window):
                return "MODEL", "context"
            return ("COMPANY", "context") if company() else ("PRODUCT", "ner_weak")
        if label in ("WORK_OF_ART", "EVENT"):
            if has_model_context(span, self.model_window):
                return "MODEL", "context"
        return None

    def _name_shape_spans(self, doc):
        """Capitalised names that end in a company word, which the NER missed: "Acme Robotics",
        "Halcyon Labs", "Quillstone AI" (but not "Generative AI": see :data:`COMPANY_NAME_ENDS`)."""
        out = []
        headings = heading_ranges(self._text)
        body_text = _outside(self._text, headings) if headings else ""
        for end_token in doc:
            if end_token.text not in COMPANY_NAME_ENDS or end_token.i == 0:
                continue
            start = end_token.i
            while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start].is_sent_start
                   and doc[start - 1].ent_type_ not in ("DATE", "TIME")):  # "In July Dunmore Health completed": no "July"
                start -= 1
            if start == end_token.i:
                continue
            span = doc[start : end_token.i + 1]
            words = [t.text for t in span]
            if (span.text in self.gazetteer.not_entities or any(w in PLACE_WORDS or w in ORGANIZATION_WORDS for w in words)
                    or (end_token.text in ("AI", *FIELD_NAME_ENDS) and _is_common_adjective(span[-2].lower_))
                    or (end_token.text == "AI" and names_a_place(_hyphen_joined_start(span)[:-1].text.split(), self.places, self.place_stems))
                    or (end_token.text in OPEN_NAME_ENDS and is_part_of_a_longer_name(span))):
                continue
            if any(s <= span.start_char < e for s, e in headings) and span.text not in body_text:
                continue  # a title-case heading's capitals say little: "... Models to Regulated Industries"
            out.append((span, "COMPANY", "name_shape", None))
        return out

    def _company_role_spans(self, doc):
        """Unknown names the NER missed in a company's place: "Orlith closed a $50 million seed round",
        "Pellucid is taking on Google and Microsoft" (a capitalised subject the tagger took for a noun),
        "Quillfire AI competes with Cohere"."""
        out = []
        # only unlabelled subjects, possessors and objects: array compares, not a Python loop over every token
        deps = doc.to_array("DEP")
        roles = numpy.isin(deps, [doc.vocab.strings[d] for d in ("nsubj", "poss", "dobj", "npadvmod", "appos")])
        for i in (roles & (doc.to_array("ENT_TYPE") == 0)).nonzero()[0]:
            tok = doc[int(i)]
            if not (_name_start(tok) or (tok.text in COMPANY_NAME_ENDS and tok.i > 0 and doc[tok.i - 1].head.i == tok.i
                                         and _name_start(doc[tok.i - 1]) and not _is_common_adjective(doc[tok.i - 1].lower_))):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ == "compound" and _name_start(doc[start - 1]):
                start -= 1
            span = doc[start : tok.i + 1]
            if span.end < len(doc) and doc[span.end].like_num:
                continue  # "Ember 2 extends its context window": a name with a version is a product's
            if tok.pos_ != "PROPN" and not (tok.tag_ == "NN" and (tok.is_sent_start or span[0].is_sent_start)):
                continue  # a capitalised common noun is a name only where the capital says nothing else ("Analysts")
            if (span.text in self.gazetteer.not_entities or any(t.ent_type for t in span) or _after_honorific(span)
                    or (len(span) > 1 and looks_like_person_name(span) and span[-1].text not in COMPANY_NAME_ENDS)):
                continue
            if company_role(span, self._companies) or names_after_a_company_noun(span):
                out.append((span, "COMPANY", "role", None))
        return out

    def _place_short_forms(self, doc, out, best) -> dict:
        """Place names of the document that are a company's name without its company ending ("Palo Alto" of
        "Palo Alto Networks", named in full before them), used as the company's at least once
        (:func:`acts_as_company`): each maps to the full name."""
        fulls = {}
        for span, label, source, canonical in out:
            if label == "COMPANY" and len(span) >= 3 and span[-1].text in COMPANY_NAME_ENDS:
                fulls.setdefault(span[:-1].text, (span.start, canonical or span.text))
        found = {}
        companies = {i for span, label, *_ in out if label == "COMPANY" for i in range(span.start, span.end)}
        for span, label, source, canonical in out:
            full = fulls.get(span.text)
            if label == "PLACE" and full is not None and full[0] < span.start and acts_as_company(span, companies):
                found[span.text] = full[1]
        return found

    def _role_context_spans(self, doc):
        """Proper nouns the NER missed that possess or compound a role noun: "Zorblax's CEO"."""
        out = []
        for tok in tokens_where(doc, "LOWER", _ROLE_OR_COMPANY_NOUNS):  # (not a loop over every token)
            for child in tok.children:
                # (the parser makes "Eskom" of "Eskom chairperson Ben Ngubane" an amod)
                if child.dep_ in ("poss", "compound", "amod") and child.pos_ == "PROPN" and child.ent_type_ == "" \
                        and child.lower_ not in TITLE_WORDS:  # "Chief Financial Officer": a title, no company
                    left = child.left_edge.i if all(t.pos_ == "PROPN" for t in doc[child.left_edge.i : child.i + 1]) else child.i
                    span = clean_span(doc[left : child.i + 1])
                    if span is not None and span.text not in self.gazetteer.not_entities and span[0].is_title:
                        out.append((span, "COMPANY", "context", None))
        return out

    # -- one type per name in a document -------------------------------------
    def _make_consistent(self, doc, kept):
        best = {}
        for span, label, source, canonical in kept:
            if span.text not in best or RANK[source] > RANK[best[span.text][1]]:
                best[span.text] = (label, source, canonical)
        # a product named with its maker's name first ("the Toyota Avalon is a car") is the product without
        # it too ("the Avalon"), where only the NER typed that
        for span, label, source, canonical in kept:
            if label == "PRODUCT" and source in ("class_noun", "name_head") and len(span) > 1 and span[0].is_title:
                rest = span[1:].text
                if rest in best and RANK[best[rest][1]] <= RANK["ner"]:
                    best[rest] = ("PRODUCT", "context", None)
        # a statistically typed lone surname takes the type of the full name in the document, and so does one
        # a context cue called a company ("Tan, a veteran chip investor", "the start-up Li runs" after "Lip-Bu
        # Tan", "Fei-Fei Li"): a cue beside the word is weaker than the person the article named in full
        surnames = set()
        for span, label, source, canonical in kept:
            if label == "PERSON" and len(span) > 1 and RANK[source] >= RANK["ner"]:
                last = span[-1].text
                if last in best and RANK[best[last][1]] < RANK["context"]:  # (a role cue is weaker than a full name)
                    best[last] = ("PERSON", "context", None)
                elif last in best and is_surname_over_cue(span, best[last][0], best[last][1]):
                    best[last] = ("PERSON", "context", None)
                    surnames.add(last)
        # and so does a lone first name ("Marcus ran the compiler team" after "Marcus Ellery, my co-founder"),
        # or the middle word of three, a first surname ("Pacheco" of "Gregorio Pacheco Leyes"), unless a company
        # name starts with it too (the short forms below)
        for span, label, source, canonical in kept:
            if label == "PERSON" and len(span) > 1 and RANK[source] >= RANK["ner"] and looks_like_person_name(span):
                for first in dict.fromkeys(t.text for t in span[:-1]):
                    if first in best and best[first][0] != "PERSON" and RANK[best[first][1]] <= RANK["ner"]:
                        best[first] = ("PERSON", "context", None)
        out = []
        for span, label, source, canonical in kept:
            top_label, top_source, top_canonical = best[span.text]
            if top_label != label and (RANK[top_source] > RANK[source] or span.text in surnames):
                label, source, canonical = top_label, "propagated", top_canonical
            out.append((span, label, source, canonical))
        # names typed with confidence also count where the NER missed them
        confident = {
            text: v for text, v in best.items()
            if RANK[v[1]] >= 3 and v[1] != "gazetteer" and v[0] in ("COMPANY", "PERSON", "MODEL")
        }
        # the short form of a company name with a suffix: "Acme Robotics Inc." -> "Acme"
        # (and of an unknown company's longer name: "Kestrel Vision" -> "Kestrel")
        short_forms = {}
        # (not of a unit its article ties to its first word: "Nokia Technologies, the unit that licenses Nokia's
        # patents" names a unit and its parent, and "Nokia" alone is the parent)
        units = {span.text for span, label, *_ in out if label == "COMPANY" and is_unit_of_its_first_word(span)}
        for span, label, source, canonical in out:
            if label == "COMPANY" and len(span) >= 2 and (span[-1].text in COMPANY_SUFFIXES or source != "gazetteer"):
                first = span[0]
                if first.is_title and first.text not in COMPANY_SUFFIXES and RANK[best.get(first.text, ("", "ner_weak"))[1]] < RANK["gazetteer"] \
                        and span.text not in units and first.text != "The":  # ("The Bot Company" is no "The")
                    short_forms.setdefault(first.text, canonical or span.text)
                # and the name without its legal form: "Alpha Toolex AB" -> "Alpha Toolex"
                bare = span[:-1].text
                if len(span) >= 3 and span[-1].text in LEGAL_FORMS and RANK[best.get(bare, ("", "ner_weak"))[1]] < RANK["gazetteer"]:
                    short_forms.setdefault(bare, canonical or span.text)
                # and an unknown firm's name without its firm word: "Peak XV Partners" -> "Peak XV" (not a known
                # company's: "Intel Capital" invests for Intel)
                if (len(span) >= 3 and span[-1].text in FIRM_NAME_WORDS and source != "gazetteer"
                        and RANK[best.get(bare, ("", "ner_weak"))[1]] < RANK["gazetteer"]):
                    short_forms.setdefault(bare, canonical or span.text)
        # and a company's name without its company ending, where the rest is a place's name ("Palo Alto" of "Palo
        # Alto Networks"): the company where the article named it in full first and uses the short form as a
        # company's somewhere ("Palo Alto's shares fell"), since a place's own use says nothing of the company
        for bare, full in self._place_short_forms(doc, out, best).items():
            short_forms.setdefault(bare, full)
            best[bare] = ("COMPANY", "short_form", full)
        # (and a unit's first word names its parent, a company of that name: "Marbeck Cloud, the cloud arm of Marbeck")
        for span, label, *_ in out:
            if span.text in units and RANK[best.get(span[0].text, ("", "ner_weak"))[1]] < RANK["gazetteer"]:
                short_forms.setdefault(span[0].text, span[0].text)
        for n, (span, label, source, canonical) in enumerate(out):
            if span.text in short_forms and label in ("COMPANY", "ORGANIZATION", "PERSON", "PLACE") and (
                    RANK[source] < RANK["gazetteer"] or best[span.text][1] == "short_form"):
                out[n] = (span, "COMPANY", "short_form", short_forms[span.text])
        for text, full in short_forms.items():
            confident[text] = ("COMPANY", "short_form", full)
        # and a model's code alone: "R1" after "DeepSeek-R1"
        model_codes = model_short_forms(sorted({span.text for span, label, *_ in out if label == "MODEL"}))
        for n, (span, label, source, canonical) in enumerate(out):
            if span.text in model_codes and label != "MODEL" and RANK[source] < RANK["gazetteer"]:
                out[n] = (span, "MODEL", "short_form", model_codes[span.text])
        confident.update((code, ("MODEL", "short_form", full)) for code, full in model_codes.items() if code not in confident)
        # a person's surname alone, where the tagger missed it: "Altman co-founded ..." after "Sam Altman"
        for span, label, source, canonical in out:
            if label == "PERSON" and len(span) >= 2 and span[-1].is_title and len(span[-1]) > 2 and span[-1].text not in best:
                confident.setdefault(span[-1].text, ("PERSON", "propagated", None))
        if confident:
            matcher = PhraseMatcher(doc.vocab, attr="ORTH")
            names = {span.text: [t.text for t in span] for span, *_ in out if span.text in confident}
            names.update((text, text.split()) for text in confident if text not in names)
            for text, words in names.items():
                # not span.as_doc(): it copies the whole document's arrays, once per name
                matcher.add(text, [Doc(doc.vocab, words=words, spaces=[False] * len(words))])
            taken = {i for span, *_ in out for i in range(span.start, span.end)}
            for match_id, start, end in matcher(doc):
                if confident[doc.vocab.strings[match_id]][1] == "name_extension":
                    out, taken = _extended_known_name(out, taken, start, end)  # "the Oracle Health unit" after "Oracle Health"
                if not any(i in taken for i in range(start, end)) and not any(t.is_sent_start for t in doc[start + 1 : end]):
                    if _inside_hyphenated_word(doc, start, end):
                        continue  # "Vantage" of "High-Vantage": a part of a longer name, not the name
                    label, source, canonical = confident[doc.vocab.strings[match_id]]
                    if label == "PERSON" and end - start == 1 and doc[start].pos_ != "PROPN":
                        continue  # "Cook the books": a surname shape, not the person
                    if label == "PERSON" and end - start == 1 and start - 1 not in taken:
                        start = with_given_name(doc[start:end], self.known).start  # "Marguerite Olander" read as "Olander"
                    out.append((doc[start:end], label, "short_form" if source == "short_form" else "propagated", canonical))
                    taken.update(range(start, end))
        return out


#: Words of the description between a unit's name and its unit noun: "the [cloud computing] unit".
_UNIT_DESCRIPTION_WORDS = 5


def is_unit_of_its_first_word(span: Span) -> bool:
    """Whether a longer name is described, beside it, as the unit, arm, division or subsidiary of the company
    its first word names: "Nokia Technologies, the unit that licenses Nokia's patents", "Toyota Ventures, the
    venture capital arm of Toyota Motor", "Boeing Australia, a subsidiary of Boeing". News names a company by
    its first word for short ("Kestrel Vision ... Kestrel"); a unit so described is another entity, and its
    first word alone is the parent. The first word must be named again in the description's sentence (a
    unit of another company says nothing of it: "Shockley Semiconductor Laboratory, a division of Beckman").

    >>> import spacy
    >>> doc = spacy.blank("en")("Nokia Technologies, the unit that licenses Nokia's patents, grew. "
    ...                         "Shockley Labs, a division of Beckman, grew.")
    >>> is_unit_of_its_first_word(doc[0:2]), is_unit_of_its_first_word(doc[13:15])
    (True, False)
    """
    doc, i = span.doc, span.end
    if len(span) < 2 or i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an", "its"):
        return False
    for j in range(i + 2, min(i + 2 + _UNIT_DESCRIPTION_WORDS, len(doc))):
        word = doc[j]
        if word.is_punct or word.is_title or word.is_upper or word.is_sent_start:
            return False
        if word.lower_ in UNIT_NOUNS:
            end = j + 1
            while end < len(doc) and not doc[end].is_sent_start:
                end += 1
            return any(t.text == span[0].text for t in doc[j + 1 : end])
    return False


def _joined_adjacent_companies(kept):
    """Two company names side by side, a space and nothing else between them, are one name the tagger cut in
    two ("GE Vernova", "Aramco Digital", "Tallis Speech", "Shed Media"): English puts a comma, "and" or a verb
    between two companies, and a company before another name without one names its unit or product. The
    second must be no known company (a known one is a name of its own) and both capitalised words.

    >>> import spacy
    >>> doc = spacy.blank("en")("GE Vernova and Chevron , Exxon signed")
    >>> kept = [(doc[0:1], "COMPANY", "ner", None), (doc[1:2], "COMPANY", "role", None), (doc[3:4], "COMPANY", "ner", None),
    ...         (doc[5:6], "COMPANY", "ner", None)]
    >>> [(c[0].text, c[2]) for c in _joined_adjacent_companies(kept)]
    [('GE Vernova', 'name_extension'), ('Chevron', 'ner'), ('Exxon', 'ner')]
    """
    ordered = sorted(kept, key=lambda c: c[0].start)
    joined = {}  # id of the first candidate -> the joined one; id of the second -> None
    for first, second in zip(ordered, ordered[1:]):
        if (id(first) not in joined and first[1] == second[1] == "COMPANY" and first[0].end == second[0].start
                and first[0][-1].whitespace_ == " " and not second[0][0].is_sent_start and second[2] != "gazetteer"
                and all(t.is_alpha and (t.is_title or t.is_upper) for t in (*first[0], *second[0]))):
            # ("name_extension": a known name's extension, which finds the name again where only its start was read)
            joined[id(first)] = (first[0].doc[first[0].start : second[0].end], "COMPANY", "name_extension", None)
            joined[id(second)] = None
    if not joined:
        return kept
    return [joined.get(id(c), c) for c in kept if joined.get(id(c), c) is not None]


#: Tokens after which a capitalised "The" is inside a sentence, where only a name capitalises it.
_THE_INSIDE = frozenset({",", "and", "or"})


def _with_capitalised_the(kept):
    """A capitalised "The" inside a sentence opens the name after it: "a new company, The Bot Company",
    "$610 million in cash for The Browser Company", "owns The Wall Street Journal". Only after a word, a
    number or a comma ("May 2018 — The SoftBank Vision Fund agrees": a timeline's sentence opens there).

    >>> import spacy
    >>> doc = spacy.blank("en")("He paid for The Bot Company . The Arc rose")
    >>> kept = [(doc[4:6], "COMPANY", "ner", None), (doc[8:9], "COMPANY", "ner", None)]
    >>> [c[0].text for c in _with_capitalised_the(kept)]
    ['The Bot Company', 'Arc']
    """
    starts = {c[0].start for c in kept} | {i for c in kept for i in range(c[0].start, c[0].end)}
    out = []
    for c in kept:
        span, label, source, canonical = c
        doc, i = span.doc, span.start - 1
        if (label in ("COMPANY", "ORGANIZATION", "PUBLICATION") and source not in ("gazetteer", "metonym") and i >= 1
                and doc[i].text == "The" and not doc[i].is_sent_start and i not in starts
                and "\n" not in doc[i - 1].whitespace_
                and (doc[i - 1].is_alpha or doc[i - 1].is_digit or doc[i - 1].text in _THE_INSIDE)):
            c = (doc[i : span.end], label, source, canonical)
        out.append(c)
    return out


def _extended_known_name(out, taken, start, end):
    """Where a distinct company named by extending a known one ("Oracle Health", "Google Brain": see
    :func:`_select`) is found again, the known name that starts it ("Oracle" of "the Oracle Health unit")
    gives way, as :func:`_select` prefers the longer name where the NER saw it. Returns ``(out, taken)``."""
    inside = [c for c in out if c[0].start < end and start < c[0].end]
    if not (len(inside) == 1 and inside[0][2] in ("gazetteer", "ner", "ner_weak") and inside[0][1] == "COMPANY"
            and inside[0][0].start == start and inside[0][0].end < end):
        return out, taken
    known = inside[0][0]
    return [c for c in out if c is not inside[0]], taken - set(range(known.start, known.end))


def _with_former_names(kept):
    """A company's former name is that company: its mention takes the current name as canonical (see
    :func:`extract.name_cues.renamed_company`), and what was renamed is a company whatever the NER guessed
    ("Ansys" read as a person); names the gazetteer knows keep their own."""
    out = list(kept)
    renamed = {}
    for n, (span, label, source, canonical) in enumerate(kept):
        if source == "gazetteer" or canonical is not None or (label != "COMPANY" and RANK[source] > RANK["ner"]):
            continue
        current = renamed_company(span)
        founded = current is not None and founded_as(span)
        if current is None:
            continue  # (people, lakes and passes are "formerly known as" another name too: a renaming needs a firm, below)
        label, source = "COMPANY", source if label == "COMPANY" else "context"
        at = next((m for m, c in enumerate(out) if c[0].start <= current.i < c[0].end), None)
        if not founded and (at is None or out[at][1] != "COMPANY"):
            continue  # a renaming joins two names already typed companies
        if at is None:
            owner = current.doc[current.left_edge.i if all(t.pos_ == "PROPN" for t in current.doc[current.left_edge.i:current.i]) else current.i:current.i + 1]
            out.append((owner, "COMPANY", "context", None))
        elif out[at][1] in ("PERSON", "PLACE") and RANK[out[at][2]] <= RANK["ner"]:  # (an organisation keeps its own kind)
            out[at] = (out[at][0], "COMPANY", "context", out[at][3])
            owner = out[at][0]
        elif out[at][1] == "COMPANY":
            owner = out[at][0]
        else:
            continue
        name = next((c[3] for c in out if c[0].start == owner.start and c[0].end == owner.end), None) or owner.text
        if name != span.text:
            out[n] = (span, label, source, name)
            renamed[span.text] = name
    return [_as_renamed(c, renamed) for c in out] if renamed else out


def _with_corrected_names(kept):
    """A misspelling a correction names ("He is Eyal Waldman, not Eyal Waldmann") is the right name, wherever the
    document uses it (see :func:`extract.name_cues.corrected_name`)."""
    corrected = {}
    for span, label, source, canonical in kept:
        if label in ("PERSON", "COMPANY") and canonical is None and (right := corrected_name(span)) is not None:
            corrected[span.text] = right
    if not corrected:
        return kept
    return [(c[0], c[1], c[2], corrected[c[0].text]) if c[0].text in corrected and c[3] is None else c for c in kept]


def _as_renamed(candidate, renamed):
    """A candidate after the renamings of its document (``renamed``: former name -> current name): another
    mention of a former name is the renamed company too ("Musk, who bought Twitter" after "X, formerly known
    as Twitter", where the NER read a person), and the first word of a former name, taken for its short form, is
    a company of its own (the "Toshiba" of "Kioxia, formerly Toshiba Memory ... bought from Toshiba": the parent)."""
    span, label, source, canonical = candidate
    if span.text in renamed and canonical is None and RANK[source] < RANK["context"]:  # (a role cue too: "bought Twitter")
        return (span, "COMPANY", "context", renamed[span.text])
    if (source in ("short_form", "propagated") or RANK[source] <= RANK["ner"]) and label in ("COMPANY", "PERSON") \
            and span.text not in renamed and (canonical in renamed or any(former.startswith(span.text + " ") for former in renamed)):
        return (span, "COMPANY", "context", None)
    return candidate


def _inside_hyphenated_word(doc, start, end) -> bool:
    """Whether tokens ``start:end`` are joined by a hyphen, without spaces, to a word before or after them:
    "Vantage" in "High-Vantage", "Open" in "Open-Source".

    >>> import spacy
    >>> doc = spacy.blank("en")("High-Vantage and Vantage")
    >>> _inside_hyphenated_word(doc, 2, 3), _inside_hyphenated_word(doc, 4, 5)
    (True, False)
    """
    before = start >= 2 and doc[start - 1].text in _HYPHENS and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
    after = end + 1 < len(doc) and doc[end].text in _HYPHENS and not doc[end - 1].whitespace_ and not doc[end].whitespace_
    return before or after


_HYPHENS = ("-", "\u2010", "\u2011")


def _coordination_types(kept):
    """Names in one coordination ("Arthur Mensch, Guillaume Lample and Timothée Lacroix") are
    of one kind: a statistically typed person or company name takes the type of its better-typed
    or more numerous partners."""
    by_root = {c[0].root.i: n for n, c in enumerate(kept)}
    out = list(kept)
    for n, (span, label, source, canonical) in enumerate(kept):
        weak_place = label == "PLACE" and source == "ner_weak" and not any(  # "Judi Dench, John Cena and Awkwafina"
            t.text in ORGANIZATION_WORDS or t.text in PLACE_WORDS for t in span)  # (not "Kingdom")
        if RANK[source] > RANK["ner"] or label not in ("COMPANY", "PERSON", "ORGANIZATION") and not weak_place:
            continue
        partners = []
        for tok in _conjuncts(span.root):
            m = by_root.get(tok.i)
            if m is not None and m != n and kept[m][1] in ("COMPANY", "PERSON"):
                partners.append(kept[m])
        if not partners:
            continue
        # the name's own type votes too, and a tie keeps a one-word name's: two names the NER typed alike
        # ("Zscaler and Fortinet", one read as a person, one as a firm) do not trade their types
        votes = {label: RANK[source]} if label in ("COMPANY", "PERSON", "ORGANIZATION") else {}
        # a person's full name is retyped only by partners typed better than the NER's guess ("Analyst: Keiko
        # Mori, CFA, Halvard & Lowe Securities": a credential and an employer the NER calls ORGs), while the
        # people named beside it count for it ("led by Nat Friedman, Daniel Gross and Lux Capital": angel
        # investors and a fund in one list)
        full_name = label == "PERSON" and len(span) > 1 and looks_like_person_name(span)
        for _, p_label, p_source, _ in partners:
            if not (full_name and RANK[p_source] <= RANK["ner"] and p_label != label):
                votes[p_label] = votes.get(p_label, 0) + RANK[p_source]
        if not votes:
            continue
        # (on a tie, a person's full name is a person's: "founded by David Ha and Llion Jones", one read as a firm)
        preferred = "PERSON" if len(span) > 1 and looks_like_person_name(span) else label
        top = max(votes, key=lambda kind: (votes[kind], kind == preferred))
        if _among_companies(span, label, partners, weak_place):
            out[n] = (span, "COMPANY", "ner", canonical)
            continue
        if weak_place and (top != "PERSON" or len(partners) < 2 or any(
                p[1] != "PERSON" or len(p[0]) < 2 or not looks_like_person_name(p[0]) for p in partners)):
            continue  # (a place among firms stays a place; among two or more people named in full, it is one of them)
        if top != label and (top == "COMPANY" or looks_like_person_name(span)):
            out[n] = (span, top, "ner", canonical)
    return out


#: Nouns of a list of a business's counterparts: "counts AstraZeneca and Pfizer among its customers".
_COUNTERPART_NOUNS = frozenset("customer client investor backer buyer shareholder consortium round".split())


def _among_companies(span, label, partners, weak_place) -> bool:
    """Whether a name the NER guessed as a place or a one-word person is a company by the names it is
    listed with: every partner a company, in a sentence of a business's customers, investors, buyers or round
    ("counts AstraZeneca and Pfizer among its customers", "with Tiger Global, Avenir and Whale Rock in the
    round"). No town is an investor or a customer, and a person listed among firms is named in full ("led by
    Nat Friedman and Lux Capital"). Firms beside a town are no such cue ("recorded at Paisley Park Studios,
    Chanhassen, Minnesota"; "developed by Capcom and Flagship" is left alone too)."""
    if not (weak_place or label == "PERSON" and len(span) == 1) or span[0].is_upper:
        return False
    if not all(p[1] == "COMPANY" for p in partners):
        return False
    return any(t.lemma_.lower() in _COUNTERPART_NOUNS for t in span.sent)


def _is_work(text: str, works: set, *, short_form: bool = False) -> bool:
    """A name of a work: one of ``works``, one ending in one, or (for a name typed as the short form of a
    longer one) the last words of one ("Catechism" of "Catholic Catechism")."""
    return text in works or any(text.endswith(" " + w) or (short_form and w.endswith(" " + text)) for w in works)


def _conjuncts(token):
    """Every token coordinated with ``token`` (its conj head chain and conj children, transitively)."""
    first = token
    first = first_conjunct(first)
    found, todo = [], [first]
    while todo:
        tok = todo.pop()
        found.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj")
    return [t for t in found if t.i != token.i]


#: Lemmas that make a text business or technology news.
BUSINESS_LEMMAS = word_list("entities", "business_lemmas")


def _is_business_text(doc, gazetteer_candidates) -> bool:
    """Whether a document reads as business/technology news: known companies or models, or its vocabulary."""
    known = sum(1 for c in gazetteer_candidates if c[1] in ("COMPANY", "MODEL"))
    if known >= 2:
        return True
    words = sum(1 for t in doc if t.lemma_.lower() in BUSINESS_LEMMAS or t.lower_ in BUSINESS_LEMMAS)
    return words >= max(2, len(doc) / 150)


#: What continues a model's name into another model: a version number (never a year or an amount) and
#: tiers ("Ernie 4.0", "Stable Diffusion 3 Medium"), or "Bot" ("Ernie Bot")
MODEL_VERSION_TAIL = re.compile(
    rf"(?:[ \u00a0](?!(?:19|20)\d\d\b)\d+(?:\.\d+)*(?![\d.]*\d)\b(?![ \u00a0]*(?:%|percent|per\b|[mb]illion|trillion|times)){_TIER_TAIL}"
    r"|[ \u00a0]Bot\b)"
)
#: "-mini" after a known model name ("o1-mini", "o3-mini-high"): a tier, or a release stage
KNOWN_MODEL_TIER = re.compile(rf"(?:-(?:{MODEL_TIERS}|{'|'.join(MODEL_STAGES)}|high|low))+\b")
# a capitalised hyphenated name with an acronym part: "Kestrel-VLA", "AFM-on-device", "SD-XL"
ACRONYM_COMPOUND = re.compile(r"\b(?:[A-Z]{2,}[A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Z][a-z]+(?:-[A-Z]{2,}[A-Za-z0-9]*)+)\b")


HONORIFICS = word_list("entities", "honorifics")


def _with_name_particles(span):
    """"bin Talal" -> "Alwaleed bin Talal": a person span that starts with a particle takes the name
    words the tagger left before it (not honorifics such as "Prince")."""
    doc = span.doc
    if span[0].text not in NAME_PARTICLES:
        return span
    start = span.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text not in HONORIFICS:
        start -= 1
    return doc[start:span.end] if start < span.start else span


def _is_name_line(span, label, text=None) -> bool:
    r"""Whether a person's full name the NER found fills its line, or opens it before a comma: "Jordan Reyes"
    under "Media Contact:", "Marta Kowalczyk" under a headline, and a name card, the full name and then who
    the person is with or what they do ("Anton Osika, Lovable" heading a who's-who entry, "Dana Roe, editor"
    signing a column, "By Lea Brunner, student reporter"): a line that opens with a person's full name and a
    comma is about that person, however title-case the rest of it is.

    >>> import spacy
    >>> doc = spacy.blank("en")("Media Contact:\nJordan Reyes\npress@example.com\nThe Future of Jordan Reyes\nMina Holt, Zorblax")
    >>> _is_name_line(doc[4:6], "PERSON"), _is_name_line(doc[12:14], "PERSON"), _is_name_line(doc[4:6], "ORG")
    (True, False, False)
    >>> _is_name_line(doc[15:17], "PERSON")
    True
    """
    text = span.doc.text if text is None else text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if label != "PERSON" or len(span) < 2 or not looks_like_person_name(span):
        return False
    return line == span.text or _is_name_card(line, span.text)


def _is_name_card(line: str, name: str) -> bool:
    """A line that opens (after a byline's "By") with ``name`` and a comma, and is no sentence: "Anton Osika,
    Lovable", "Thomas Dohmke, formerly GitHub", "By Lea Brunner, student reporter"."""
    rest = line[3:] if line.startswith("By ") else line
    return rest.startswith(name + ",") and not rest.endswith((".", "?", "!", ":")) and len(rest.split()) <= 12


def _outside(text, ranges):
    """``text`` with the given character ranges blanked out."""
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


#: The words whose possessor or compound may be a company the NER missed ("Zorblax's CEO")
_ROLE_OR_COMPANY_NOUNS = tuple(sorted(ROLE_NOUNS | COMPANY_NOUNS))


def _is_dateline(span: Span) -> bool:
    """A place in capitals opening a line and followed by a comma, a parenthesis or a dash: a news
    dateline ("TORONTO, Ontario —", "SAN JOSE, Calif.--", "LONDON (Reuters) -"), which names where a story
    was filed, whatever company words its sentence holds.

    >>> import spacy
    >>> doc = spacy.blank("en")("TORONTO, Ontario — Brindle AI Inc. (the Company) said. TORONTO rose.")
    >>> _is_dateline(doc[0:1]), _is_dateline(doc[12:13])
    (True, False)
    """
    doc = span.doc
    if not all(t.is_upper for t in span if t.is_alpha) or span.end >= len(doc):
        return False
    opens_line = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    return opens_line and doc[span.end].text[:1] in (",", "(", "-", "\u2014", "\u2013")


def _select(candidates):
    """Keep non-overlapping candidates, most trusted first, then longest.

    A statistical ORG span that extends a gazetteer company by capitalised words
    ("Microsoft Research") is a distinct company and outranks the shorter name.
    """
    order = sorted(candidates, key=lambda c: (-RANK[c[2]], -(c[0].end - c[0].start), c[0].start))
    taken, kept = set(), []
    gazetteer_ends = {}  # token start -> token ends of known company and place names (an index: long texts have thousands)
    known_products = set()  # (start, end) of known products and models
    company_names, place_spans = {}, set()  # (start, end) of known companies -> canonical name; of known places
    for c in candidates:
        if c[2] == "gazetteer" and c[1] in ("COMPANY", "PLACE"):
            gazetteer_ends.setdefault(c[0].start, []).append(c[0].end)
            if c[1] == "COMPANY":
                company_names[(c[0].start, c[0].end)] = c[3] or c[0].text
            else:
                place_spans.add((c[0].start, c[0].end))
        elif c[2] == "gazetteer" and c[1] in ("PRODUCT", "MODEL"):
            known_products.add((c[0].start, c[0].end))
    # a name that a sentence calls something else ("The Toyota Avalon is a car") is no unit of the company,
    # and outranks the known company or place inside it ("Toyota", "Oxford") as a name of its own
    said_otherwise = {c[0].text for c in candidates if c[2] in ("class_noun", "name_head") and c[1] != "COMPANY"}
    # a known company's name that starts a longer one is a name word however it is written ("the OpenAI
    # Startup Fund"; not "Azure OpenAI Service", a product)
    leading_company_ends = {start: end for start, end in company_names}
    for span, label, source, canonical in [c for c in candidates if c[2] == "class_noun" and c[1] in CLASS_LABELS]:
        inside = [(start, end) for start in range(span.start, span.end) for end in gazetteer_ends.get(start, ())
                  if end <= span.end and end - start < len(span)]
        if inside:
            order.insert(0, (span, label, "name_head", canonical))
    # (whichever cue typed the longer name: "until Thomson Reuters bought that company" is read by what it does)
    for span, label, source, canonical in [c for c in candidates if c[2] in ("ner", "ner_weak", "context", "class_noun", "role")
                                           and c[1] in ("COMPANY", "ORGANIZATION")]:
        if span.text in said_otherwise:
            continue
        # "Samsung Galaxy S", "Apple II": a known company's name and a model code is its product
        # and "Microsoft Windows": a known company's name before its known product's is the product
        coded = len(span) > 1 and (is_version_code(span[-1]) or any((start, span.end) in known_products
                                                                     for start in range(span.start + 1, span.end)))
        if label != "COMPANY" and not coded or source == "ner_weak" and not coded:
            continue
        if any(t.text in ("'s", "’s") for t in span) or not all(
                t.is_alpha and (t.is_title or t.is_upper or t.i < leading_company_ends.get(span.start, span.start)) or t.lower_ in ("of", "&", "and") or (coded and t.i == span.end - 1)
                for t in span):
            continue
        # "the San Francisco AI startup": the place says where a company is; it is not part of a name
        if span.end < len(span.doc) and span.doc[span.end].lower_ in COMPANY_NOUNS:
            continue
        # "Microsoft Research", "Boston Dynamics", "Bank of America": one known name inside a longer company
        # name ("Alphabet and Google" holds two: a coordination, not a name)
        inside = [(start, end) for start in range(span.start, span.end) for end in gazetteer_ends.get(start, ())
                  if end <= span.end and end - start < len(span)]
        if span.end in gazetteer_ends.get(span.start, ()):
            continue
        if len(inside) == 1:
            # "Toyota Motor", "Acme Holdings plc": a known company and words of corporate form are that company
            start, end = inside[0]
            same = (start == span.start and not coded and all(t.text in CORPORATE_FORM_WORDS for t in span.doc[end:span.end])
                    and company_names.get((start, end)))
            order.insert(0, (span, "PRODUCT" if coded else "COMPANY", "name_extension", same or None))
        elif (label == "COMPANY" and not coded and inside and inside[0][0] == span.start and (span.start, inside[0][1]) in company_names
              and all(place in place_spans for place in inside[1:]) and inside[-1][1] == span.end):
            # "Arm China", "Microsoft Japan": a known company and the country of its unit, one name
            order.insert(0, (span, "COMPANY", "name_extension", None))
    # "United States Naval Forces Germany": an organisation's name that holds known places is one name
    place_ends = {}
    for c in candidates:
        if c[2] == "gazetteer" and c[1] == "PLACE":
            place_ends.setdefault(c[0].start, []).append(c[0].end)
    if place_ends:
        for span, label, source, canonical in [c for c in candidates if c[2] in ("ner", "ner_weak", "context")
                                               and c[1] in ("ORGANIZATION", "COMPANY", "PUBLICATION")]:
            inside = [(start, end) for start in range(span.start, span.end) for end in place_ends.get(start, ())
                      if end <= span.end and end - start < len(span)]
            if names_over_places(span, inside):
                order.insert(0, (span, label, "name_head", canonical))
    # "Bloomberg L.P.", "Michael Bloomberg": a publication's name inside a longer company or person name
    # is part of that name (a known company inside one is handled above, as a distinct company)
    named = [c[0] for c in candidates if c[2] in ("ner", "context", "class_noun") and c[1] in ("COMPANY", "PERSON")]
    order = [c for c in order if not (c[1] == "PUBLICATION" and c[2] == "gazetteer" and any(
        n.start <= c[0].start and c[0].end <= n.end and len(n) > len(c[0]) for n in named))]
    # "Michael Dell", "Henry Ford": a known company's name that ends a person's full name is his surname
    # and "Jordan Reyes", "Georgia Lind": a known place's name that starts one is her given name
    order = founder_names(candidates) + given_names_of_places(candidates) + order
    for span, label, source, canonical in order:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        # a name never runs across a sentence boundary (records carry one sentence per mention)
        if any(t.is_sent_start for t in span[1:]):
            continue
        taken.update(range(span.start, span.end))
        kept.append((span, label, source, canonical))
    return kept


def founder_names(candidates) -> list:
    """Person candidates whose last word(s) a company alias matched: the given names before it make it a surname.

    The NER (or a person cue) reads "Michael Dell" as a person and the gazetteer reads "Dell" as the company;
    the longer reading wins unless the sentence names the company outright right after the name
    ("Michael Dell Inc.", "the Walt Disney company"). The bare alias ("Dell's servers") is untouched. No list
    of founders: the span and its next word decide.

    Examples:
        >>> import spacy
        >>> doc = spacy.blank("en")("Michael Dell said Dell grew .")
        >>> person, company = (doc[0:2], "PERSON", "ner", None), (doc[1:2], "COMPANY", "gazetteer", "Dell")
        >>> [(c[0].text, c[1]) for c in founder_names([person, company, (doc[3:4], "COMPANY", "gazetteer", "Dell")])]
        [('Michael Dell', 'PERSON')]
        >>> founder_names([(doc[0:2], "PERSON", "ner", None), (doc[0:2], "COMPANY", "gazetteer", "Dell")])
        []
    """
    known = [c[0] for c in candidates if c[2] == "gazetteer"]
    company_starts = {}  # token end -> token starts of known company names ending there
    for c in candidates:
        if c[2] == "gazetteer" and c[1] == "COMPANY":
            company_starts.setdefault(c[0].end, []).append(c[0].start)
    out = []
    for span, label, source, canonical in candidates:
        if label != "PERSON" or source not in ("ner", "context", "class_noun"):
            continue
        span = _without_leading_titles(span)  # "Founder Walt Disney" is "Walt Disney"
        if len(span) < 2:
            continue
        starts = [s for s in company_starts.get(span.end, ()) if s > span.start]
        if not starts or not looks_like_person_name(span) or _names_company_after(span):
            continue
        surname_start = min(starts)
        # the given names must be no known name themselves ("Goldman Sachs"), nor may a known name run past the span
        if any(k.start < span.end and span.start < k.end and not (surname_start <= k.start and k.end <= span.end)
               for k in known):
            continue
        out.append((span, label, source, canonical))
    return out


def given_names_of_places(candidates) -> list:
    """Person candidates of the NER (or a person cue) whose first word a known place matched: "Jordan Reyes",
    "Georgia Lind". A place's name followed by a surname-shaped word in a name the NER calls a person is a
    given name; the full name wins over the place. The span must look like a person's name (no place
    words: "Jordan Valley") and hold no other known name.

    Examples:
        >>> import spacy
        >>> doc = spacy.blank("en")("Jordan Reyes flew to Jordan .")
        >>> person, place = (doc[0:2], "PERSON", "ner", None), (doc[0:1], "PLACE", "gazetteer", "Jordan")
        >>> [(c[0].text, c[1]) for c in given_names_of_places([person, place, (doc[4:5], "PLACE", "gazetteer", "Jordan")])]
        [('Jordan Reyes', 'PERSON')]
        >>> given_names_of_places([(doc[0:2], "PERSON", "ner", None), (doc[0:2], "PLACE", "gazetteer", "Jordan Reyes")])
        []
    """
    place_ends = {}  # token start -> token ends of known places starting there
    known = []
    for c in candidates:
        if c[2] == "gazetteer":
            known.append(c[0])
            if c[1] == "PLACE":
                place_ends.setdefault(c[0].start, []).append(c[0].end)
    out = []
    for span, label, source, canonical in candidates:
        if label != "PERSON" or source not in ("ner", "context", "class_noun") or len(span) < 2:
            continue
        ends = [e for e in place_ends.get(span.start, ()) if e < span.end]
        if not ends or not looks_like_person_name(span):
            continue
        place_end = max(ends)
        # any other known name inside or across the span ("Georgia Tech") leaves it to the gazetteer
        if any(k.start < span.end and span.start < k.end and not (k.start == span.start and k.end <= place_end) for k in known):
            continue
        out.append((span, label, source, canonical))
    return out


def without_leading_occupation(span):
    """"Drummer Lars Ulrich" -> "Lars Ulrich", "Chief Executive Jane Doe" -> "Jane Doe": occupation and job
    title words the NER took into a person's name, when a person's full name is left (honorifics stay: the
    resolver reads them).

    >>> import spacy
    >>> doc = spacy.blank("en")("Drummer Lars Ulrich met Guitarist Kirk and Sister Mary Ann")
    >>> [without_leading_occupation(doc[i:j]).text for i, j in [(0, 3), (4, 6), (7, 10)]]
    ['Lars Ulrich', 'Guitarist Kirk', 'Sister Mary Ann']
    """
    start = span.start
    while start < span.end - 2 and (span.doc[start].lower_ in TITLE_WORDS or span.doc[start].lower_ in PERSON_NOUNS):
        start += 1
    rest = span.doc[start:span.end]
    return rest if start > span.start and looks_like_person_name(rest) else span


def _without_leading_titles(span):
    """"Founder Walt Disney" -> "Walt Disney": job titles and honorifics the NER took into a name."""
    start = span.start
    while start < span.end and (span.doc[start].lower_ in TITLE_WORDS or span.doc[start].text in HONORIFICS):
        start += 1
    return span.doc[start:span.end]


def _names_company_after(span) -> bool:
    """"Michael Dell Inc.", "the Walt Disney company": the word after a name makes it a company's."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    # COMPANY_SUFFIXES holds the legal forms; "Inc." is compared as written and without its period
    return after is not None and (after.text in COMPANY_SUFFIXES or after.text.rstrip(".") in COMPANY_SUFFIXES
                                  or after.lower_ in COMPANY_NOUNS)


def _used_as_company(span) -> bool:
    """A metonym names the company in "the Redmond company", "Redmond's plans", "Redmond announced"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ in COMPANY_NOUNS or after.text in ("'s", "’s")):
        return True
    return span.root.dep_ == "nsubj" and span.root.head.pos_ == "VERB"


def _describes_another(span, company: str, mentions) -> bool:
    """"AMD ... the Santa Clara, California company", "Take Groq. The Mountain View company": after an
    article a town says where a company is based, and many are based there (AMD and Intel in Santa Clara,
    Groq in Mountain View); it stands for its famous company only when that is the company last named before
    it ("Microsoft said the Redmond company ..."). Otherwise coreference finds the company (the town stays
    one of the famous company's descriptors). ``mentions`` are the (start, canonical name) of known companies."""
    if span.start == 0 or span.doc[span.start - 1].lower_ not in ("the", "a", "an"):
        return False
    before = [m for m in mentions if m[0] < span.start]
    return not before or max(before)[1] != company


def _describes_apposed_name(span) -> bool:
    """"Khosla Ventures, the Menlo Park firm founded by ...": a town before a company noun set beside a name
    describes that name's company, whichever famous company the town also stands for."""
    noun = span.root.head
    if noun.i == span.root.i or noun.lower_ not in COMPANY_NOUNS:
        return False
    return noun.dep_ == "appos" and noun.head.pos_ == "PROPN"


#: Words of job titles, which the NER and the role rule take for names: "Chief Financial Officer",
#: "Executive Vice President", "Managing Director" (the relation lexicon's titles and title modifiers).
TITLE_WORDS = title_words()
#: Stock exchanges before a ticker: "(NASDAQ: MGLD)", "(NYSE: DELL)".
EXCHANGES = word_list("entities", "exchanges")


def crosses_comma(span) -> bool:
    """Whether a span runs across a comma, which no name does ("Haddad, Sablecrest's chief executive",
    "Industrial Technology and Science, Systems of Engagement") except before a legal form ("Atari, SA").

    The parts are left alone too: they are as often a list of fields as names, and a real name in
    them is found again as a short form or surname of its full name elsewhere.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("Haddad, Sablecrest and Atari, SA")
    >>> crosses_comma(doc[0:3]), crosses_comma(doc[4:7])
    (True, False)
    """
    doc = span.doc
    return any(tok.text == "," and not (tok.i + 2 == span.end and doc[tok.i + 1].text in COMPANY_SUFFIXES)
               for tok in span[:-1])


def is_name_fragment(span) -> bool:
    """A span that is no name of its own: a job-title word ("Chief", "Managing"), a stock ticker
    ("NASDAQ: MGLD"), the head of a capitalised hyphenated word ("AG" of "AG-X"), a list title
    ("List of Enix games") or a unit's letter written onto a number ("K" of "a 128K context", "4K video").

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("Acme (NASDAQ: MGLD) sells AG-X. Vice President Smith. List of Enix games in 4K")
    >>> [is_name_fragment(doc[i:j]) for i, j in [(0, 1), (4, 5), (7, 8), (10, 11), (14, 17), (20, 21)]]
    [False, True, True, True, True, True]
    """
    doc = span.doc
    if all(t.lower_ in TITLE_WORDS for t in span):
        return True
    if len(span.text) == 1 and span.start > 0 and doc[span.start - 1].like_num and not doc[span.start - 1].whitespace_:
        return True
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    if before is not None and before[-1].text == ":" and before[0].text in EXCHANGES:
        return True
    if span.end + 1 < len(doc) and not span[-1].whitespace_ and doc[span.end].text == "-" \
            and not doc[span.end].whitespace_ and _is_code(doc[span.end + 1].text):
        return True  # (but "Microsoft-OpenAI" holds two names)
    return span[0].text == "List" and len(span) > 2 and span[1].lower_ == "of"


def _is_code(word: str) -> bool:
    """A short letter or digit code that continues a product name: "X" of "AG-X", "7" of "AG-7"."""
    word = word.rstrip(".")  # "AG-X." at a sentence end
    return 0 < len(word) <= 2 and (word.isupper() or word.isdigit())


def _opens_sentence_as_preposition(token, end) -> bool:
    """"Alongside R1, DeepSeek published ...": a capitalised preposition that opens the sentence, in a
    phrase that a comma closes, is no part of the name after it ("Beyond Good & Evil is a game" keeps it)."""
    doc = token.doc
    return (token.is_sent_start and token.pos_ == "ADP" and token.dep_ == "prep" and token.i + 1 < end
            and end < len(doc) and doc[end].text == ",")


def clean_span(span):
    """Trim determiners, quotes, bullets and possessives from a span; ``None`` if nothing name-like is left.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("• The Nvidia’s")
    >>> clean_span(doc[:]).text
    'Nvidia'
    """
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _LEADING_JUNK or doc[start].is_space or doc[start].is_punct or doc[start].is_lower
                           or _opens_sentence_as_preposition(doc[start], end)):
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRAILING_JUNK or doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in ("+", "."))):
        end -= 1
    if start >= end:
        return None
    out = doc[start:end]
    if "\n" in out.text or any(t.is_space for t in out) or not any(c.isalpha() for c in out.text):
        return None
    return out
