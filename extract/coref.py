"""Which typed entity a token refers to: the entity itself, a pronoun's or a description's antecedent.

A light, rule-based resolver built for relation and deal extraction, not a general coreference
system. :class:`EntityRefs` is built once per parsed ``Doc`` whose ``doc.ents`` hold our typed
entities (see :mod:`extract.entities`) and answers :meth:`EntityRefs.entity_for` for any token:

* a token inside an entity refers to that entity;
* structure first: a noun in apposition to an entity ("Inflection AI, *the company* founded by..."),
  a noun named by a naming verb ("its own model *called* MAI-1"), the predicate noun of a copula
  ("MAI-1 is a large language *model*"), a noun compounded with an entity of a fitting type
  ("the Redmond *company*"), a relative pronoun ("..., *who* brings") -> the entity they name;
* then antecedents: a pronoun (``it``/``its``/``they``/``their``/``he``/``his``/``she``/``her``...)
  or a definite description ("the company", "the tech giant", "the model", "the co-founder of X",
  "the executive") refers to the nearest earlier mention of a fitting type: in the same
  sentence the nearest one, in the previous sentences the subject first.

The words behind each rule live in ``data/patterns/relation_triggers.json`` (section ``coref``)
and are loaded once per process by :func:`load_triggers`.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Span
>>> nlp = spacy.blank("en")
>>> doc = nlp("Microsoft hired him . Its shares rose .")
>>> doc.ents = [Span(doc, 0, 1, label="COMPANY")]
>>> refs = entity_refs(doc)
>>> refs.entity_for(doc[4]).text
'Microsoft'
>>> refs.entity_for(doc[2]) is None  # no person mentioned before "him"
True
"""
from __future__ import annotations

from collections.abc import Iterator

import calendar
import re
from functools import lru_cache

from spacy.attrs import LOWER, POS, TAG
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.tokens import Doc, Span, Token

from .entities import LEGAL_FORMS
from .gazetteer import gazetteer_of
from .lexicon import TRIGGERS_PATH, load_triggers, words  # noqa: F401  (re-exported)
from .tokens import description_word, doc_table, doc_text, hyphen_start, lemma_word, tokens_where, word_children, word_of, word_parts  # noqa: F401


#: Entity labels a neuter pronoun ("it", "its") or a plural one ("they") may refer to.
NEUTER_LABELS = ("COMPANY", "MODEL", "ORGANIZATION", "PRODUCT")
PLURAL_LABELS = ("COMPANY", "ORGANIZATION")
PERSON_LABELS = ("PERSON",)
ORGANIZATION_LABELS = ("ORGANIZATION", "PUBLICATION", "COMPANY")

#: How many sentences back an antecedent may be.
PRONOUN_WINDOW = 2
DESCRIPTION_WINDOW = 3

DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})


@lru_cache(maxsize=None)
def _part_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_triggers()["part_of_nouns"])


@lru_cache(maxsize=None)
def _word_set(section: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_triggers()[section][key])



#: Words of an investor's name that "the fund" may stand for ("Harrowfield Capital Fund III", "Elliott Management").
_FUND_WORDS = frozenset(("fund", "capital", "ventures", "partners", "management", "investments", "investment"))

#: Descriptions that fit an organisation of any kind ("the institution" may be a college).
_GENERIC_ORGANISATION_WORDS = frozenset(("organization", "organisation", "institution", "body", "entity"))
#: Descriptions any company fits ("the company"), unlike a startup, a chipmaker or a bank.
_GENERIC_COMPANY_WORDS = frozenset(("company", "firm", "business", "group", "corporation"))

class EntityRefs:
    """The entity each token of a Doc refers to; built once per Doc.

    Parameters
    ----------
    doc : Doc
        A parsed Doc whose ``doc.ents`` are our typed entities.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Nvidia is big . The chipmaker grew .")
    >>> doc.ents = [Span(doc, 0, 1, label="COMPANY")]
    >>> EntityRefs(doc).entity_for(doc[5]).text
    'Nvidia'
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        #: per-Doc results that rule families compute once (keyed by the rule's own name)
        self.memo: dict = {}
        self._ent_of: dict[int, Span] = {}
        #: the Doc's entities (``doc.ents`` makes every Span anew at each call): rules iterate this
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
        coref = load_triggers()["coref"]
        self._company_nouns = frozenset(coref["company_nouns"])
        self._model_nouns = frozenset(coref["model_nouns"])
        self._person_nouns = frozenset(coref["person_nouns"])
        # "the station", "the band", "the newspaper"; "the game", "the car": organisations and products
        self._organization_nouns = frozenset(coref["organization_nouns"])
        self._product_nouns = frozenset(coref["product_nouns"])
        self._naming_verbs = frozenset(coref["naming_verbs"])
        self._neuter = frozenset(coref["neuter_pronouns"])
        self._plural = frozenset(coref["plural_pronouns"])
        self._personal = frozenset(coref["personal_pronouns"])
        self._relative = frozenset(coref["relative_pronouns"])
        self._we = frozenset(coref["first_person_company_pronouns"])
        self._i = frozenset(coref["first_person_speaker_pronouns"])
        self._quotes: list[tuple[int, int]] | None = None  # quoted stretches, computed when a "we" or "I" asks
        self._attributions: dict[tuple[int, int], Span | None] = {}
        self._inside: frozenset[int] | None = None
        self._has_parse = doc.has_annotation("DEP")
        self._sents = list(doc.sents) if (doc.has_annotation("SENT_START") or self._has_parse) else [doc[:]]
        self._sent_index = {}
        for k, sent in enumerate(self._sents):
            for i in range(sent.start, sent.end):
                self._sent_index[i] = k
        # a bullet list ("KEY FACTS", "* Round: $235 million, led by Lux Capital") is a box beside the story:
        # prose after it continues the prose before it, so the list's sentences hold no antecedents for it
        # and do not count toward its window; _flow numbers the sentences of prose only
        self._listed = frozenset(k for k, sent in enumerate(self._sents)
                                 if _in_bullet_line(doc, next((t.i for t in sent if not t.is_space), sent.start)))
        self._flow: list[int] = []  # sentence index -> its index with the list sentences before it left out
        listed_before = 0
        for k in range(len(self._sents)):
            self._flow.append(k - listed_before)
            listed_before += k in self._listed
        # Mentions in text order: (token index, entity, sentence index, is subject). Resolved
        # pronouns and descriptions join the list so that a later "its" can chain through "the company".
        self._mentions: list[tuple[int, Span, int, bool]] = []
        # the person a biography is about: the subject of its first sentence ("Hélé Béji is a Tunisian
        # writer. ... She later joined UNESCO"); "he" and "she" fall back on it
        self._text_topic: Span | None = None
        # description noun -> [(token index, entity)] for nouns an apposition or copula tied to an entity
        self._described: dict[str, list[tuple[int, Span]]] = {}
        self._resolved: dict[int, Span | None] = {}
        self._by_trade: set[int] = set()  # descriptions resolved by trade words, as sure as a name
        self._keys: dict[tuple, str] = {}  # _ent_key of each mention, read once
        self._text: str | None = None
        # which trade words describe which company ("software" -> Microsoft), from the entity typer
        gazetteer = gazetteer_of(doc)
        self._trades: dict = gazetteer.descriptors if gazetteer is not None else {}
        self._trade_words = frozenset().union(*self._trades.values())
        seen_ents = set()
        first_person = []
        may_refer = self._may_refer(doc) if self._has_parse else None
        for token in doc:
            ent = self._ent_of.get(token.i)
            if may_refer is not None and ent is None and not may_refer[token.i]:
                self._resolved[token.i] = None  # (what _resolve answers for a verb, a word of function, punctuation)
                continue
            if ent is not None:
                if (ent.start, ent.end) not in seen_ents:
                    seen_ents.add((ent.start, ent.end))
                    self._mentions.append((token.i, ent, self._sent_index[token.i], self._is_topic(ent.root)))
                    if self._text_topic is None and ent.label_ in PERSON_LABELS and self._sent_index[token.i] == 0 \
                            and self._has_parse and ent.root.dep_ in ("nsubj", "nsubjpass"):
                        self._text_topic = ent
                    self._describe_on_surface(ent)
                continue
            if self._has_parse and token.pos_ == "PRON" and token.lower_ in (self._we | self._i) and token.text != "US":
                first_person.append(token)  # read once every speaker is known: "said X" often follows the quote
                continue
            target = self._resolve(token)
            self._resolved[token.i] = target
            if target is not None:
                # a relative pronoun's subject is its clause's, not the sentence's topic ("over who supplies")
                topic = self._is_subject(token) and token.lower_ not in self._relative
                self._mentions.append((token.i, target, self._sent_index[token.i], topic))
        for token in first_person:
            self._resolved[token.i] = self._first_person_referent(token)

    def _may_refer(self, doc: Doc) -> list[bool]:
        """Per token of a parsed Doc, whether :meth:`_resolve` reads it further than its first tests: a
        relative or personal pronoun, "there", a noun. The rest (most words) refer to nothing; read off
        the Doc's arrays, without a Token for each."""
        table = doc_table(doc)
        pos, tag, lower = (table.array(attr).tolist() for attr in (POS, TAG, LOWER))
        strings = doc.vocab.strings
        word_ids = {strings[w] for w in self._relative | {"there"}}
        pos_ids = {_POS_IDS["PRON"], _POS_IDS["NOUN"], _POS_IDS["PROPN"]}
        tag_ids = {strings["PRP"], strings["PRP$"], strings["NN"]}
        return [p in pos_ids or t in tag_ids or w in word_ids for p, t, w in zip(pos, tag, lower)]

    # -- public -----------------------------------------------------------------------------
    def entity_for(self, token: Token) -> Span | None:
        """The typed entity ``token`` refers to, or ``None``."""
        ent = self._ent_of.get(token.i)
        if ent is not None:
            return ent
        return self._resolved.get(token.i)

    def group_for(self, token: Token) -> list[Span]:
        """The companies a plural description names: "*the two companies*", "*both companies*", "*the pair*".

        They are the latest coordination of fitting names ("Cohere and Fujitsu announced ...")
        in this or the previous sentence; a number in the description must match their count.
        Anything else, including a singular noun, gives ``[]``.

        Examples
        --------
        >>> import spacy
        >>> from spacy.tokens import Doc, Span
        >>> nlp = spacy.blank("en")
        >>> words = "Cohere and Fujitsu met . The two companies agreed .".split()
        >>> heads = [3, 0, 0, 3, 3, 7, 7, 8, 8, 8]
        >>> deps = ["nsubj", "cc", "conj", "ROOT", "punct", "det", "nummod", "nsubj", "ROOT", "punct"]
        >>> tags = ["NNP", "CC", "NNP", "VBD", ".", "DT", "CD", "NNS", "VBD", "."]
        >>> doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags,
        ...           sent_starts=[1, 0, 0, 0, 0, 1, 0, 0, 0, 0])
        >>> doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 2, 3, label="COMPANY")]
        >>> [e.text for e in entity_refs(doc).group_for(doc[7])]
        ['Cohere', 'Fujitsu']
        """
        if token.tag_ not in ("NNS", "NNPS") and token.lower_ not in ("pair", "duo"):
            return []
        singular = re.sub(r"ies$", "y", token.lower_) if token.lower_.endswith("ies") else token.lower_.rstrip("s")
        if token.lower_ not in ("pair", "duo") and description_word(token, self._company_nouns) is None \
                and singular not in self._company_nouns:
            return []
        children = word_children(token)
        if not any(c.lower_ in ("the", "both", "these", "those") for c in children):
            return []
        number = next((c.lower_ for c in children if c.dep_ == "nummod"), None)
        wanted = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}.get(number) if number else None
        if number is not None and wanted is None:
            return []
        if any(c.lower_ == "both" for c in children):
            wanted = 2
        k = self._sent_index.get(token.i, 0)
        best: list[Span] = []
        for ent in self.doc.ents:
            if ent.start >= token.i or ent.label_ not in PLURAL_LABELS or self._sent_index.get(ent.start, 0) < k - 1:
                continue
            root = ent.root
            if root.dep_ == "conj" or root.dep_ == "appos" and root.head.i in self._ent_of:
                continue  # counted from the first conjunct ("A, B and C" parsed with B in apposition to A)
            members = [ent] + [self._ent_of[c.i] for c in root.subtree
                               if c.dep_ in ("conj", "appos") and c.i in self._ent_of and c.i < token.i
                               and self._ent_of[c.i].label_ in PLURAL_LABELS]
            members = list({(m.start, m.end): m for m in members}.values())
            if len(members) >= 2 and (wanted is None or len(members) == wanted):
                best = members
        if not best and wanted == 2:
            best = self._two_told_before(token)  # "A held talks with B; the two groups announced ..."
        return best

    def _two_told_before(self, token: Token) -> list[Span]:
        """The two companies "the two companies" stands for when no coordination names them: the only two
        distinct companies its sentence names before it ("A has held talks with B; *the two groups* announced
        a partnership"), else, if it names none before it, the only two the previous sentence names. A third
        name, or one, leaves the pair open."""
        k = self._sent_index.get(token.i, 0)
        described = self._described_by_phrase_of(token)
        for back in (k, k - 1):
            # names only: a description's antecedent is a guess, and a wrong one would pair the wrong two
            # (and not the name the phrase holding the description describes: "SB Holdings, a venture owned by
            # the two companies" is neither of the two)
            told = [e for e in self.doc.ents if e.label_ == "COMPANY" and e.start < token.i
                    and self._sent_index.get(e.start, 0) == back and e != described]
            if told:
                by_name = {}
                for e in told:  # one company named twice, or short ("Talen Energy ... Talen's plant"), is one
                    by_name.setdefault(self._key(e), e)
                return list(by_name.values()) if len(by_name) == 2 else []
        return []

    def _described_by_phrase_of(self, token: Token) -> Span | None:
        """The name an apposition describes when ``token`` is the agent of its participle ("Zeltra, a venture
        *owned by the two companies*" -> Zeltra: what the two own is neither of them), or ``None``. (Only the
        agent of a participle: in "X, a tool the two companies developed" or "Y, a rival of both companies" the
        parser's apposition is less sure, and a product typed as a company would pair the wrong two.)"""
        participle = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else None
        if participle is None or participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.head.dep_ != "appos":
            return None
        # the name right before the apposition's comma (the parser may hang the apposition on an earlier noun)
        left = participle.head.left_edge.i
        ent = self._ent_of.get(left - 2) if left >= 2 and self.doc[left - 1].text == "," else None
        return ent if ent is not None and ent.end == left - 1 else None

    def ent_containing(self, token: Token) -> Span | None:
        """The entity span containing ``token`` (no coreference)."""
        return self._ent_of.get(token.i)

    # -- rules --------------------------------------------------------------------------------
    @staticmethod
    def _is_subject(token: Token) -> bool:
        return token.dep_ in ("nsubj", "nsubjpass")

    @staticmethod
    def _is_topic(token: Token) -> bool:
        """A name that is a subject or the possessor of one ("*Snowflake's* chief executive took over ... after the company bought").

        Used for the mentions a later pronoun or description may take as the topic; the pronoun being
        resolved counts as a subject only when it is one ("until *its* owner decided" is not).
        """
        return token.dep_ in ("nsubj", "nsubjpass") or (
            token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") and token.tag_ != "WP$") or (
            # "*Broadcom* Inc. took its current form": the parser's subject is a legal form left out of the name
            token.dep_ == "compound" and token.head.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in NAME_SUFFIXES)

    def _describe_on_surface(self, ent: Span) -> None:
        """Record the description noun of an apposition written after a name: "DarwinAI, a Waterloo, Ontario, startup that ...".

        The parser often garbles such appositions (here it read "startup" as a verb), so they are
        read off the surface: a description noun within a few words after "NAME, a/an/the".
        """
        doc = self.doc
        if ent.end + 2 >= len(doc) or doc[ent.end].text != "," or doc[ent.end + 1].lower_ not in ("a", "an", "the"):
            return
        for j in range(ent.end + 2, min(len(doc), ent.end + 9)):
            tok = doc[j]
            if tok.lower_ in self._relative or tok.lower_ in ("and", "or", "of", "for", "with") or (tok.is_punct and tok.text not in (",", "-")):
                return
            labels = self._labels_for_noun(tok)
            if labels is not None and tok.tag_ not in ("NNS", "NNPS"):
                if ent.label_ in labels and not (j + 1 < len(doc) and self._labels_for_noun(doc[j + 1]) and doc[j + 1].is_alpha):
                    self._described.setdefault(lemma_word(tok), []).append((j, ent))
                    return

    def labels_for_noun(self, token: Token) -> tuple[str, ...] | None:
        """The entity labels a description noun may name ("company" -> company labels, "models" -> MODEL), or ``None``."""
        return self._labels_for_noun(token) or self._labels_for_noun_lemma(token)

    def _labels_for_noun_lemma(self, token: Token) -> tuple[str, ...] | None:
        lemma = (token.lemma_ or token.text).lower()
        for nouns, labels in self._description_kinds():
            if lemma in nouns:
                return labels
        return None

    def _key(self, ent: Span) -> str:
        """:func:`_ent_key` of ``ent``, computed once per span."""
        k = (ent.start, ent.end, ent.label, ent.kb_id)
        found = self._keys.get(k)
        if found is None:
            found = self._keys[k] = _ent_key(ent)
        return found

    def _description_kinds(self) -> tuple:
        """(description nouns, the labels they may name), most specific first."""
        return ((self._company_nouns, ("COMPANY", "ORGANIZATION")), (self._model_nouns, ("MODEL",)),
                (self._person_nouns, PERSON_LABELS), (self._organization_nouns, ORGANIZATION_LABELS),
                (self._product_nouns, ("PRODUCT",)))

    def _labels_for_noun(self, token: Token) -> tuple[str, ...] | None:
        # description_word(token, nouns) for each kind in turn, with the word and its compound read once
        word = lemma_word(token)
        start = hyphen_start(token)
        prev = token.doc[start - 1] if start > 0 else None
        two = f"{prev.lower_} {word}" if prev is not None and prev.head == token and prev.dep_ == "compound" else None
        for nouns, labels in self._description_kinds():
            if (two is not None and two in nouns) or word in nouns:
                return labels
        return None

    def _resolve(self, token: Token) -> Span | None:
        lower = token.lower_
        if not self._has_parse:
            if lower in self._neuter:
                return self._antecedent(token, NEUTER_LABELS, PRONOUN_WINDOW)
            if lower in self._personal:
                return self._antecedent(token, PERSON_LABELS, PRONOUN_WINDOW)
            labels = self._labels_for_noun(token)
            if labels and token.i > 0 and token.doc[token.i - 1].lower_ in DEFINITE_DETERMINERS:
                return self._antecedent(token, labels, DESCRIPTION_WINDOW, salient=True)
            return None
        if lower in self._relative:
            # "X, which ...", "X, whose chief executive ...": the noun the relative clause hangs on
            head = self.relative_head(token)
            return self.entity_for_noun(head) if head is not None else None
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if lower in self._neuter:
                if self._is_expletive(token):
                    return None
                leader = self._round_leader(token)
                if leader is not None:
                    return self._antecedent(token, NEUTER_LABELS, PRONOUN_WINDOW, exclude=leader)
                return self._clause_subject(token, NEUTER_LABELS) or self._antecedent(
                    token, NEUTER_LABELS, PRONOUN_WINDOW, exclude=self._relative_host(token) or self._object_binder(token))
            if lower in self._plural:
                if self._bound_by_common_plural(token):
                    return None
                return self._clause_subject(token, PLURAL_LABELS) or self._antecedent(token, PLURAL_LABELS, PRONOUN_WINDOW)
            if lower in self._personal:
                return self._antecedent(token, PERSON_LABELS, PRONOUN_WINDOW, salient=True) or self._speaker_before_quotes(token)
            return None
        if lower == "there" and token.dep_ == "advmod":
            return self._place_antecedent(token)
        pos = token.pos_
        if pos not in ("NOUN", "PROPN") and token.tag_ != "NN":
            return None  # (what the tests below ask of a noun: verbs, words of function and punctuation stop here)
        if lemma_word(token) == "employer" and token.tag_ == "NN":
            return self._employer(token)
        if lemma_word(token) == "fund" and token.tag_ == "NN" and self._is_definite(token) and token.dep_ != "compound":
            # "High-Flyer, the quantitative hedge fund": an apposition first
            return self._structural(token, ORGANIZATION_LABELS) or self._named_fund(token)
        if pos not in ("NOUN", "PROPN") or token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            return None
        labels = self._labels_for_noun(token)
        if token.tag_ in ("NNS", "NNPS"):
            # a plural description names entities only through a copula: "A and B were the other systems ..."
            # (the relation rules widen the entity to its coordination); never through an antecedent
            if token.dep_ != "attr" or labels is None:
                return None
        structural = self._structural(token, labels)
        if structural is None and token.dep_ == "appos" and labels is not None and "COMPANY" in labels \
                and _owned_by_name_before(token, self._ent_of):
            # "Zoox, the Amazon-owned developer of ...": an apposition that names its owner is said of the noun it
            # follows, never of the owner or the story's topic; with no entity there, of no one
            return None
        if structural is not None:
            self._described.setdefault(lemma_word(token), []).append((token.i, structural))
            return structural
        if labels is not None and token.tag_ not in ("NNS", "NNPS") and self._is_definite(token):
            unit = self._unit_named_by_trade(token)
            if unit is not None:
                return unit
        if labels is None or token.tag_ in ("NNS", "NNPS") or not self._is_definite(token) or self._is_new_referent(token, labels):
            return None
        parent = next((self._ent_of[c.i] for c in word_children(token) if c.dep_ == "compound" and c.i in self._ent_of), None)
        if parent is not None and lemma_word(token) in _word_set("coref", "parent_compound_nouns"):
            return self._named_part(token, parent)
        trade = descriptor_phrases(token) if self._trades else frozenset()
        if labels == ("COMPANY", "ORGANIZATION") and (self._place_before_is_definite(token) or self._names_a_place(trade)):
            labels = ("COMPANY",)  # "the Santa Clara, California company" is a company based there, not its regulator
        by_trade = self._by_descriptor(token, labels, trade)
        if by_trade is not None:
            self._by_trade.add(token.i)
            return by_trade
        if self._appositive_owner(token) is not None:
            # "Google Brain, the search company's research unit": a parent introduced in passing,
            # named only by its trade; no trade match, no guess at the article's topic
            return None
        if any(c.dep_ == "compound" and c.is_upper and len(c) > 3 and c.is_alpha and c.i not in self._ent_of
               for c in word_children(token)):
            # "the MAPAR party": an acronym the typer did not know names something else than an earlier
            # entity (short acronyms are trades, "the AI company"; a capitalised word may be a place the
            # typer missed, "the Toronto company", whose company is an earlier one)
            return None
        found = self._described_as(token, labels) or self._antecedent(token, labels, DESCRIPTION_WINDOW, salient=True)
        if found is not None and self._kind_mismatch(found, token):
            return None
        if found is not None and self._trade_mismatch(found, trade) and self._names_a_place(trade):
            # "Take Groq. The Mountain View company ...": where a company is based rules out the salient
            # company based elsewhere (Nvidia, in Santa Clara), not the next fitting one the text names
            found = self._antecedent(token, labels, DESCRIPTION_WINDOW, salient=True, exclude=found)
        return None if found is not None and self._trade_mismatch(found, trade) else found

    def _names_a_place(self, phrases: frozenset[str]) -> bool:
        """Whether some of a description's modifiers are a place the gazetteer ties to a company ("mountain view")."""
        gazetteer = gazetteer_of(self.doc)
        return gazetteer is not None and any(place.lower() in phrases for place in gazetteer.metonyms)

    def _round_leader(self, token: Token) -> Span | None:
        """ "the fund led *its* $23.5 million round": one leads or joins another's round, so "its" is not the
        clause's subject; returns that subject (to pass over), else ``None``."""
        if token.dep_ != "poss" or lemma_word(token.head) != "round" or token.head.dep_ != "dobj":
            return None
        verb = token.head.head
        if lemma_word(verb) not in ("lead", "co-lead", "join", "back"):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return (self._ent_of.get(subj.i) or self._resolved.get(subj.i)) if subj is not None else None

    def _named_fund(self, token: Token) -> Span | None:
        """ "counts the OpenAI Startup Fund among its backers; *the fund* led its round", "An Elliott
        spokesperson said *the fund* welcomed the changes": the latest investor named before, in this sentence
        or the :data:`DESCRIPTION_WINDOW` before it, whose name says it invests ("Fund", "Capital", "Partners",
        "Management"...); a fund no such name stands for ("SoftBank ... the fund") stays open."""
        k = self._sent_index.get(token.i, 0)
        in_prose = k not in self._listed
        found = None
        for pos, ent, sent_k, _ in self._mentions:
            if pos >= token.i:
                break
            if not (ent.start <= pos < ent.end) or sent_k < k - DESCRIPTION_WINDOW or (in_prose and sent_k in self._listed):
                continue  # names only: a description's antecedent is a guess
            if ent.label_ in ("COMPANY", "ORGANIZATION") and _FUND_WORDS & set(ent.text.lower().split()):
                found = ent
        return found

    def _place_antecedent(self, token: Token) -> Span | None:
        """What "there" names: the nearest place a person went to or was at, in this sentence or the one
        before, when it is a company or organisation ("he sold Cue *to Apple* in 2013, led machine-learning
        efforts *there*", "She joined IBM in 2010 and stayed there"). A nearer destination that is no
        company ("born *in Paris*", "entered *the House*") means "there" is that, not an employer; times
        ("in 2013", "in January") and roles ("in a junior role") are passed over.
        """
        k = self._sent_index.get(token.i, 0)
        first = self._sents[k - 1].start if k > 0 else 0
        for j in range(token.i - 1, first - 1, -1):
            tok = self.doc[j]
            if not _is_destination(tok) or _is_time(tok):
                continue
            ent = self._ent_of.get(j)
            if ent is None and tok.head.lower_ == "in":
                continue  # "joined Google in a junior role": "in" before a common noun is seldom a place
            return ent if ent is not None and ent.label_ in ("COMPANY", "ORGANIZATION") else None
        return None

    def _speaker_before_quotes(self, token: Token) -> Span | None:
        """ "she said. "But a big company builds ... I wanted to build ..." Last spring *she* started
        again": a person pronoun after sentences of quoted speech is the person named before the quote.

        The sentences between must all be quotations (a quote mark, or "I"/"we" speaking), so a pronoun
        after narration that names no one stays unresolved; at most :data:`QUOTE_WINDOW` sentences back.
        """
        k = self._sent_index.get(token.i, 0)
        skipped = 0
        for back in range(k - 1, max(-1, k - 1 - QUOTE_WINDOW), -1):
            persons = [(pos, ent, is_subject) for pos, ent, sent_k, is_subject in self._mentions
                       if sent_k == back and ent.label_ in PERSON_LABELS and pos < token.i]
            if persons:
                if skipped == 0:
                    return None  # the ordinary window saw this sentence and chose nothing
                subjects = [p for p in persons if p[2]]
                return max(subjects or persons, key=lambda p: p[0])[1]
            if not _is_quotation(self._sents[back]):
                return None
            skipped += 1
        return None

    # -- first person: quoted speech, interview answers, the text's own voice -----------------------
    def _first_person_referent(self, token: Token) -> Span | None:
        """What "we"/"our"/"us" or "I"/"my" means: every first-person reading is made here.

        In quoted speech or an interview answer, the speaker's: "We license our cores from SiFive," said Ana
        Ruiz, Corvane's chief executive: "we" is the speaker's company (Corvane); "I founded Corvane," Ruiz
        said: "I" is the speaker. A company speaking ("the company said") is "we" itself. Where that finds no
        company, "we"/"us"/"our" outside quotes is the company the text speaks for (:meth:`_voice_of`); a
        journalist's "we" has none.
        """
        return self._speakers_referent(token) or self._voice_of(token)

    def _speakers_referent(self, token: Token) -> Span | None:
        """The first-person reading of quoted speech or an interview answer: the speaker, or their company."""
        speaker = self._speaker_of(token)
        if speaker is None:
            return None
        if token.lower_ in self._i:
            return speaker if speaker.label_ in PERSON_LABELS else None
        if speaker.label_ in ("COMPANY", "ORGANIZATION"):
            return speaker
        if speaker.label_ not in PERSON_LABELS:
            return None
        return self._speaker_company(speaker, token) or self._call_company(speaker, token)

    def _voice_of(self, token: Token) -> Span | None:
        """The company narration's "we"/"us"/"our" speaks for: in a transcript, a keynote or an interview told in
        the speaker's own words, the speaker's company (:func:`speaker_company`): "We compete with A, with B", "A
        signed an agreement with us", "our partner A". Not inside quote marks (someone else may be speaking
        there), not in a question ("who do we compete with?") and not under "whether"/"if" ("asked me whether we
        are competing with A": no claim)."""
        if token.lower_ not in VOICE_PRONOUNS:
            return None
        if "voice" not in self.memo:
            self.memo["voice"] = speaker_company(self.doc) or self._writer_company()
        speaker = self.memo["voice"]
        if speaker is None or not self._outside_quotes(token.i) or _asked(token):
            return None
        return speaker

    def _writer_company(self) -> Span | None:
        """The company a text is written by, in its own voice: a press release or a customer story ("About X"
        boilerplate, the company that "today announced" in the lede), a letter to its shareholders, partners
        or customers under its name (:meth:`_letter_company`). A text whose heading carries a byline ("By Ana
        Ruiz") or a publication's name is a journalist's: its "we" is the writer's or the paper's, no company."""
        doc = self.doc
        head_end = _head_end(doc)
        if head_end is None or _has_byline(doc, head_end) or any(
                e.label_ == "PUBLICATION" for e in self.ents if e.start < head_end):
            return None
        abouts = _about_companies(doc, self.ents)
        if abouts:
            return self._own_about(abouts, head_end)
        return self._letter_company(head_end)

    def _own_about(self, abouts: list[Span], head_end: int) -> Span | None:
        """Which of the "About X" companies wrote the text: the one the lede says "today announced" (a
        release's issuer: its boilerplate comes first, a partner's after), else one that opens a line of the
        heading below its title ("Halcyra | Customer stories": the vendor's page about its customer), else
        the only "About" paragraph's; with several and no such cue, no reading (a customer story describes
        its customer first)."""
        keys = {self._key(a): a for a in abouts}
        announcer = _announcing_company(doc=self.doc, ents=self.ents)
        if announcer is not None and self._key(announcer) in keys:
            return keys[self._key(announcer)]
        for ent in self.ents:
            if ent.start >= head_end:
                break
            if ent.start > 0 and ent.label_ == "COMPANY" and self._key(ent) in keys and \
                    "\n" in self.doc[ent.start - 1].text_with_ws:
                return keys[self._key(ent)]
        return abouts[0] if _about_lines(self.doc) == 1 else None

    def _letter_company(self, head_end: int) -> Span | None:
        """The company whose heading a letter to its shareholders, partners or customers carries: a letter word
        in the heading ("Letter to our shareholders", "letter to limited partners") or a salutation ("Dear
        ...") opening the text after it, and one company named in the heading. A heading name that stops short
        of a legal form ("Skarvik" of "Skarvik Autonomy ASA") is the company named by the words before the
        form, when the text names it so ("Skarvik Autonomy"); else no reading (a part of a name may be
        another company's)."""
        doc = self.doc
        head = doc[:head_end]
        after = doc[head_end: paragraph_end(doc, min(len(doc) - 1, head_end + 1))]
        salutation = any(t.lower_ == "dear" for t in after[:3])
        if not salutation and not any(t.lower_ in _LETTER_CUES for t in head):
            return None
        named = {self._key(e): e for e in self.ents if e.start < head_end and e.label_ == "COMPANY"}
        if len(named) != 1:
            return None
        ent = next(iter(named.values()))
        form = next((t.i for t in doc[ent.end: min(head_end, ent.end + 3)] if t.text in LEGAL_FORMS), None)
        if form is None:
            return ent
        full = doc[ent.start: form].text
        return next((e for e in self.ents if e.text == full and e.label_ == "COMPANY"), None)

    def _call_company(self, speaker: Span, token: Token) -> Span | None:
        """ "Oracle Corporation Q1 Earnings Call -- Transcript" ... "Larry Ellison: Today we announced ...": in
        the transcript of one company's call, a speaker ("NAME:") with no company of their own stated speaks
        for the company whose call it is. Not a speaker the text places with another firm ("Lena Hoyt with
        Marbury Securities", "Danica Hallam (Whitcombe Partners)"): an analyst asking."""
        if self._ent_of.get(paragraph_start(self.doc, token.i)) is None:
            return None
        end = next((t.i for t in self.doc if t.is_space and "\n" in t.text), len(self.doc))
        title = self.doc[:end]  # the first line
        if not any(t.lower_ in ("call", "transcript", "webcast") for t in title):
            return None
        hosts = {self._key(e): e for e in self.ents if e.label_ == "COMPANY" and e.start < end}
        if len(hosts) != 1:
            return None
        surname = _surname(speaker)
        for ent in self.ents:
            if ent.label_ in PERSON_LABELS and _surname(ent) == surname:
                near = self.doc[ent.end: min(len(self.doc), ent.end + 3)]
                if any(self._ent_of.get(t.i) is not None and self._ent_of[t.i].label_ in ("COMPANY", "ORGANIZATION")
                       for t in near):
                    return None
        return next(iter(hosts.values()))

    def _speaker_of(self, token: Token) -> Span | None:
        """The person (or company) whose words hold ``token``: a quote's attribution, or an answer's interviewee."""
        regions = self._quote_regions()
        k = next((n for n, (a, b) in enumerate(regions) if a <= token.i < b), None)
        if k is not None:
            for n in range(k, max(-1, k - 3), -1):
                if regions[n] not in self._attributions:  # one reading per quote, however many "we" it holds
                    self._attributions[regions[n]] = self._attribution(regions[n])
                found = self._attributions[regions[n]]
                if found is not None:
                    return found
                # an unattributed quote continues the previous one, if nothing but quotes lies between
                if n == 0 or self._sent_index.get(regions[n - 1][1], 0) < self._sent_index.get(regions[n][0], 0) - 1:
                    return None
            return None
        return self._answer_speaker(token)

    def _quote_regions(self) -> list[tuple[int, int]]:
        """The token ranges between quote marks; a paragraph break ends an open quote."""
        if self._quotes is None:
            self._quotes = quote_regions(self.doc)
        return self._quotes

    def _outside_quotes(self, i: int) -> bool:
        if self._inside is None:
            self._inside = frozenset(j for a, b in self._quote_regions() for j in range(a, b))
        return i not in self._inside

    def _attribution(self, region: tuple[int, int]) -> Span | None:
        """The subject of a reporting verb outside the quote, in the sentences that hold or end it
        ("...," said Ana Ruiz / "...," she added / "...," the company said), nearest first."""
        start, end = region
        first = self._sent_index.get(max(0, start - 1), 0)
        last = self._sent_index.get(min(len(self.doc) - 1, end), first)
        verbs = _reporting_verbs()
        found = []
        for k in range(first, last + 1):
            for tok in self._sents[k]:
                if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs or not self._outside_quotes(tok.i):
                    continue
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                ent = (self._ent_of.get(subj.i) or self._resolved.get(subj.i)) if subj is not None else None
                if ent is not None:
                    found.append((min(abs(tok.i - start), abs(tok.i - end)), ent))
        return min(found, key=lambda f: f[0])[1] if found else None

    def _answer_speaker(self, token: Token) -> Span | None:
        """In an interview, the person answering: a paragraph opening "A:", or one right after a
        paragraph that asks a question ("Who are you competing with?"), is the interviewee's (the
        person the article mentions most before it); one opening "NAME:" is that person's."""
        start = paragraph_start(self.doc, token.i)
        if start + 1 >= len(self.doc):
            return None
        ent = self._ent_of.get(start)
        if ent is not None and ent.start == start and ent.end < len(self.doc) and self.doc[ent.end].text == ":":
            return ent if ent.label_ in PERSON_LABELS else None
        labelled = self.doc[start].text in ("A", "Answer") and self.doc[start + 1].text == ":"
        if not labelled and not _follows_a_question(self.doc, start):
            return None
        counts: dict[str, tuple[int, int, Span]] = {}
        for ent in self.ents:
            if ent.start >= start:
                break
            if ent.label_ in PERSON_LABELS and not _in_byline(ent):
                key = _surname(ent)
                n, first, span = counts.get(key, (0, ent.start, ent))
                counts[key] = (n + 1, first, span)
        if not counts:
            return None
        return max(counts.values(), key=lambda c: (c[0], -c[1]))[2]

    def _speaker_company(self, speaker: Span, token: Token) -> Span | None:
        """The company the article states for a speaker: of the speaker's mentions nearest ``token``
        first, one whose title ("Corvane's chief executive", "chief executive of Corvane") or role verb
        ("who founded Lumero", "X runs Corvane") names a company. An observer's firm ("an analyst at
        Bernstein") is not the "we" of what they say."""
        surname = _surname(speaker)
        mentions = [ent for ent in self.ents if ent.label_ in PERSON_LABELS and _surname(ent) == surname]
        for ent in sorted(mentions, key=lambda e: abs(e.start - token.i)):
            company = self._role_company(ent)
            if company is not None:
                return company
        return None

    def _role_company(self, person: Span) -> Span | None:
        root = person.root
        scopes = [c for c in root.children if c.dep_ in ("appos", "relcl", "acl", "prep", "compound", "amod", "poss")
                  and not (person.start <= c.i < person.end)]
        verb = root.head
        if root.dep_ == "nsubj" and (verb.lemma_ == "be" or verb.lemma_.lower() in _role_verbs()):
            scopes += [c for c in verb.children if c.dep_ in ("attr", "dobj")]
        for scope in scopes:
            owner = self._ent_of.get(scope.i) if scope.dep_ == "poss" else None
            if owner is not None and owner.label_ in ("COMPANY", "ORGANIZATION") and owner.end <= person.start:
                return owner  # "Tidewell Silicon's Renata Solberg", "Oracle's Larry Ellison": the company's own person
            for tok in scope.subtree:
                if person.start <= tok.i < person.end:
                    continue
                ent = self._ent_of.get(tok.i) or self._resolved.get(tok.i)
                if ent is None or ent.label_ not in ("COMPANY", "ORGANIZATION") or (ent.start < tok.i and tok.i in self._ent_of):
                    continue
                if _role_on_path(tok, scope.head):
                    return ent
        return self._role_verb_after(person)

    def _role_verb_after(self, person: Span) -> Span | None:
        """ "Tomas Berg co-founded Halvine": a role verb right after the name and a company right after
        it, read off the surface (the parser often splits "co-founded" into pieces it hangs anywhere)."""
        doc = self.doc
        for j in range(person.end, min(len(doc) - 1, person.end + 4)):
            if lemma_word(doc[j]) in _role_verbs():
                ent = self._ent_of.get(j + 1)
                return ent if ent is not None and ent.start == j + 1 and ent.label_ in ("COMPANY", "ORGANIZATION") else None
            if doc[j].text not in ("-", "co") and doc[j].pos_ not in ("ADV", "AUX"):
                return None
        return None

    def _unit_named_by_trade(self, token: Token) -> Span | None:
        """ "Alibaba Cloud, the company's cloud division, ... also chairs *the cloud unit*": a part noun with a
        trade word names the latest earlier unit whose name holds that word after its first ("Alibaba
        Cloud", "Microsoft Research"); a part named by a trade no name holds stays unresolved."""
        if lemma_word(token) not in _part_nouns():
            return None
        trades = {c.lower_ for c in word_children(token)
                  if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self._ent_of}
        if not trades:
            return None
        k = self._sent_index.get(token.i, 0)
        for pos, ent, sent_k, _ in reversed(self._mentions):
            if pos >= token.i or sent_k < k - DESCRIPTION_WINDOW or ent.label_ not in ORGANIZATION_LABELS:
                continue
            words = ent.text.lower().split()
            if len(words) > 1 and trades & set(words[1:]):
                return ent
        return None

    def _kind_mismatch(self, ent: Span, token: Token) -> bool:
        """ "the group" is not "Carrow City College": a name headed by an institution noun ("College",
        "Museum", "Party") is named again by that noun, or by a word for any organisation, not by
        another kind's ("the group", "the band", "the company")."""
        head = ent[-1].lower_
        if head not in self._organization_nouns:
            return False
        word = lemma_word(token)
        return word != head and word not in _GENERIC_ORGANISATION_WORDS

    def _by_descriptor(self, token: Token, labels: tuple[str, ...], phrases: frozenset[str]) -> Span | None:
        """ "the *software* company", "the *iPhone* maker", "the *Redmond-based* firm": the latest earlier
        mention of a company the gazetteer describes with those words.

        Trade words beat recency: in "Microsoft's arrangement with Inflection AI, when the software
        company hired ..." the nearest company is Inflection AI, but "software" describes Microsoft.
        ``phrases`` are the description's :func:`descriptor_phrases`.
        """
        if not phrases:
            return None
        found = None
        for pos, ent, _, _ in self._mentions:
            if pos >= token.i:
                break
            if ent.label_ in labels and not (ent.start <= token.i < ent.end) and self._trades.get(_canonical(ent), frozenset()) & phrases:
                found = ent
        return found

    def _trade_mismatch(self, ent: Span, phrases: frozenset[str]) -> bool:
        """ "the *search* company" is not Microsoft: the words are a known trade and ``ent``'s known trades differ."""
        own = self._trades.get(_canonical(ent))
        return bool(own) and bool(phrases & self._trade_words) and not (own & phrases)

    def _appositive_owner(self, token: Token) -> Span | None:
        """ "Google Brain, *the search company's* research unit": the company an apposition names as a part of another.

        ("Alexander Wong, *the startup's* co-founder" is a person's role, not a part: not counted.)
        """
        if token.dep_ == "poss" and token.head.dep_ == "appos":
            owner = self._ent_of.get(token.head.head.i)
            if owner is not None and owner.label_ in ("COMPANY", "ORGANIZATION"):
                return owner
        return None

    def _named_part(self, token: Token, parent: Span) -> Span | None:
        """ "the Amazon unit": the latest earlier company whose name extends the parent's ("Amazon Web Services")."""
        k = self._sent_index.get(token.i, 0)
        prefix = parent.text.lower() + " "
        found = [(pos, ent) for pos, ent, sent_k, _ in self._mentions
                 if pos < token.i and k - DESCRIPTION_WINDOW <= sent_k and ent.text.lower().startswith(prefix)]
        return max(found, key=lambda m: m[0])[1] if found else None

    def _opens_paragraph(self, k: int) -> bool:
        """Whether sentence ``k`` starts a paragraph: there "the company" is the article's topic again,
        not the subject of the digression that closed the paragraph before."""
        if k == 0 or k >= len(self._sents):
            return False
        start = self._sents[k].start_char
        if self._text is None:
            self._text = doc_text(self.doc)  # Doc.text joins every token: read it once per Doc
        before = self._text[max(0, start - 8): start]
        return "\n" in before

    def _described_as(self, token: Token, labels: tuple[str, ...]) -> Span | None:
        """The latest entity an earlier apposition or copula described with the same noun.

        "Apple bought DarwinAI, a Waterloo startup. ... *the startup's* co-founder": DarwinAI,
        not the more salient Apple.
        """
        k = self._sent_index.get(token.i, 0)
        found = [(pos, ent) for pos, ent in self._described.get(lemma_word(token), ())
                 if pos < token.i and ent.label_ in labels and k - DESCRIPTION_WINDOW <= self._sent_index[pos]
                 and not (ent.start <= token.i < ent.end)]
        # "formed a company, DNNresearch, ... He left OpenAI the week that Leike, who had led *the company's*
        # team ...": a word any company fits, from earlier sentences, yields to another fitting name of this
        # sentence ("Kestrel Vision, a Munich startup ... the startup's chief scientist" keeps its specific word)
        named_here = {self._key(ent) for pos, ent, sent_k, _ in self._mentions
                      if sent_k == k and pos < token.i and ent.label_ in labels and ent.start <= pos < ent.end
                      } if lemma_word(token) in _GENERIC_COMPANY_WORDS else set()
        found = [(pos, ent) for pos, ent in found
                 if self._sent_index[pos] == k or not (named_here - {self._key(ent)})]
        return max(found, key=lambda m: m[0])[1] if found else None

    def salient_entity(self, token: Token, labels: tuple[str, ...]) -> Span | None:
        """The entity an implicit "the company" at ``token`` would mean: the latest subject, else the most mentioned.

        For titles stated without their company ("Mensch, the chief executive, said").
        """
        return self._antecedent(token, labels, DESCRIPTION_WINDOW, salient=True)

    def antecedent_of_type(self, token: Token, labels: tuple[str, ...]) -> Span | None:
        """The nearest earlier mention with one of ``labels`` for a pronoun at ``token``, whatever it resolved to.

        For rules that know the type a pronoun must have ("it rivals GPT-4": a model).
        """
        return self._antecedent(token, labels, PRONOUN_WINDOW)

    def relative_head(self, token: Token) -> Token | None:
        """The noun a relative pronoun's clause hangs on ("X, *which* ...", "the team *that* ..."), or ``None``."""
        if token.lower_ not in self._relative:
            return None
        clause = token.head
        for _ in range(3):
            if clause.dep_ in ("relcl", "acl") or clause.head == clause:
                break
            clause = clause.head
        if clause.dep_ not in ("relcl", "acl"):
            return self._relative_head_on_surface(token)
        head = clause.head
        if self.entity_for_noun(head) is None:
            # "a partnership with Mistral AI, in which it holds a stake": the name right before ", [prep] which"
            first = token.head if token.dep_ == "pobj" and token.head.i == token.i - 1 else token
            ent = self._ent_of.get(first.i - 2) if first.i >= 2 and self.doc[first.i - 1].text == "," else None
            if ent is not None and ent.end == first.i - 1:
                return ent.root
        for _ in range(2):
            # "a model with 405 billion parameters that ...": the parser often hangs the clause on the
            # object of a prepositional phrase; the clause is about the noun the phrase describes
            if self.entity_for_noun(head) is not None or head.dep_ != "pobj" or head.head.dep_ != "prep":
                break
            if head.head.head.pos_ not in ("NOUN", "PROPN") or self.entity_for_noun(head.head.head) is None:
                break
            head = head.head.head
        return head

    def _relative_head_on_surface(self, token: Token) -> Token | None:
        """The noun a relative pronoun follows when the parser did not attach its clause to it.

        "Llama 3.1, an open model with 405 billion parameters *that* the company says can match
        ...": the parser often hangs such a clause on a later verb. The pronoun then refers to the
        nearest noun on its left, within its own phrase (no verb between), that names an entity.
        """
        if token.tag_ not in ("WDT", "WP", "WP$") or token.dep_ in ("mark", "det"):
            return None
        sent_start = token.sent.start if self._has_parse else 0
        for j in range(token.i - 1, max(sent_start, token.i - 9) - 1, -1):
            left = self.doc[j]
            if left.pos_ in ("VERB", "AUX") or left.text in (";", ":", "\u2014"):
                return None
            if left.pos_ in ("NOUN", "PROPN") and (self._ent_of.get(j) is not None or self._resolved.get(j) is not None):
                return left
        return None

    def _clause_subject(self, token: Token, labels: tuple[str, ...]) -> Span | None:
        """A possessive pronoun in its own clause's object or prepositional phrase is bound by the clause subject.

        "Databricks counts Nvidia among *its* investors", "Meta updated *its* models": the
        subject, not the nearer object. A pronoun inside a coordination ("X bought Y and *its*
        staff") or inside the subject itself is left to :meth:`_antecedent`.
        """
        if token.dep_ != "poss":
            return None
        node = token.head
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX"):
                break
            if node.dep_ not in ("pobj", "prep", "dobj", "attr", "oprd", "npadvmod", "compound", "amod", "nmod", "poss", "appos",
                                 "agent"):  # "X was founded by A, *its* CEO": the passive's subject
                return None
            node = node.head
        else:
            return None
        if node.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and node.dep_ == "acl" and node.tag_ == "VBN" and node.head.i < token.i:
            # "Epic, the records company led by *its* founder": a participle phrase on a noun is said of that noun,
            # whose own the possessive is (not an earlier name: the noun is the participle's missing subject)
            # (a name, or a noun an apposition ties to one; a description's antecedent is a guess and would
            # carry its error on: "agreed to buy the e-mail security company, founded by its chief executive")
            host = self._ent_of.get(node.head.i) or self._structural(node.head, self._labels_for_noun(node.head))
            if self._fits(host, labels):
                return host
        for _ in range(3):
            # "Amazon invested ..., completing X and deepening *its* rivalry": a participle's subject is its clause's
            if subj is not None or node.dep_ not in ("conj", "advcl", "xcomp") or node.head == node:
                break
            node = node.head
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i > token.i:
            return None
        ent = self._ent_of.get(subj.i) or self._resolved.get(subj.i)
        return ent if self._fits(ent, labels) else None

    def _bound_by_common_plural(self, token: Token) -> bool:
        """ "cloud providers were building *their* own chips": a plural possessive whose own clause's subject
        is a plural common noun that names no entity is that noun's, not an earlier company's."""
        if token.dep_ != "poss":
            return False
        node = token.head
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX") or node.head == node:
                break
            node = node.head
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and subj.i < token.i and subj.tag_ == "NNS" and \
            self._ent_of.get(subj.i) is None and self._resolved.get(subj.i) is None and not self.group_for(subj)

    def entity_for_noun(self, token: Token) -> Span | None:
        """The entity a noun names: its own entity, or one it is tied to by apposition, naming or copula."""
        ent = self._ent_of.get(token.i)
        if ent is not None:
            return ent
        if token.i in self._resolved:
            return self._resolved[token.i]
        return self._structural(token, self._labels_for_noun(token))

    def _fits(self, ent: Span | None, labels: tuple[str, ...] | None) -> bool:
        return ent is not None and (labels is None or ent.label_ in labels)

    def _structural(self, token: Token, labels: tuple[str, ...] | None) -> Span | None:
        children = word_children(token)
        # "Inflection AI, the company founded by ...": an NP right after "ENTITY ," is its apposition,
        # whatever the parser attached it to (it often hangs long appositions on the subject).
        left = min([token.left_edge.i] + [c.left_edge.i for c in children if c.i < token.i])
        if left >= 2 and self.doc[left - 1].text == "," and (token.dep_ in ("appos", "conj", "npadvmod", "dobj", "attr")
                                                              or _closed_by_comma(token)):
            ent = self._ent_of.get(left - 2)
            if self._fits(ent, labels) and ent.end == left - 1:
                return ent
        # "Phi-3 Mini, an AI that ..."
        if token.dep_ == "appos":
            ent = self._ent_of.get(token.head.i)
            if self._fits(ent, labels):
                return ent
        for child in children:
            if child.dep_ == "appos":
                ent = self._ent_of.get(child.i)
                if self._fits(ent, labels) and not _names_noun_before(ent, token):
                    return ent
        # "its own model called MAI-1", "a model known as MAI-1"
        for child in children:
            if child.dep_ == "acl" and child.lemma_.lower() in self._naming_verbs:
                for arg in child.children:
                    cand = arg
                    if arg.dep_ == "prep" and arg.lower_ == "as":
                        cand = next((g for g in arg.children if g.dep_ == "pobj"), None)
                    elif arg.dep_ not in ("oprd", "attr", "dobj", "npadvmod", "appos"):
                        continue
                    ent = self._ent_of.get(cand.i) if cand is not None else None
                    if self._fits(ent, labels):
                        return ent
        # "MAI-1 is a large language model"
        if token.dep_ == "attr" and token.head.lemma_ == "be":
            subj = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            ent = self._ent_of.get(subj.i) if subj is not None else None
            if self._fits(ent, labels):
                return ent
        # "the Redmond company", "the Nvidia chief" (only for description nouns: "the Microsoft model" is not Microsoft)
        # ("the Amazon unit" is a part of Amazon, not Amazon)
        if labels is not None and lemma_word(token) not in _word_set("coref", "parent_compound_nouns"):
            for child in children:
                if child.dep_ == "compound":
                    ent = self._ent_of.get(child.i)
                    if self._fits(ent, labels):
                        return ent
        return None

    def _person_led(self, sent: Span) -> bool:
        """Whether a person is the subject of a sentence's main verb ("She left Nvidia to found Petrichor")."""
        for token in sent.root.children:
            if token.dep_ in ("nsubj", "nsubjpass"):
                ent = self._ent_of.get(token.i) or self._resolved.get(token.i)
                return (ent is not None and ent.label_ == "PERSON") or token.lower_ in self._personal
        return False

    def _is_definite(self, token: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in word_children(token)) or \
            self._place_before_is_definite(token)

    def _place_before_is_definite(self, token: Token) -> bool:
        """ "*the* Santa Clara, California company", "*the* Santa Clara, California-based company": a
        description headed by where its company is based is definite when the phrase opens with "the",
        wherever the parser hung the article (often on the place, the comma splitting the phrase)."""
        j = hyphen_start(token) - 1
        places, commas = 0, 0
        while j >= 0 and token.i - j <= 8:
            tok = self.doc[j]
            ent = self._ent_of.get(j)
            if ent is not None and ent.label_ == "PLACE":
                places, j = places + 1, ent.start - 1
                continue
            if tok.text in (",", "-") or tok.lower_ == "based":
                commas += tok.text == ","
                j -= 1
                continue
            # only a town and its state split by a comma: a single place keeps the parser's reading
            return places >= 2 and commas >= 1 and tok.lower_ in DEFINITE_DETERMINERS
        return False

    def _is_new_referent(self, token: Token, labels: tuple[str, ...] | None = None) -> bool:
        """ "the new company", "the combined company", "the other firm": a description that introduces someone new.

        A model is different: "the new model" is the one the article is announcing.
        """
        coref = load_triggers()["coref"]
        mods = frozenset(coref.get("non_anaphoric_modifiers", ()))
        if labels == ("MODEL",):
            mods = mods - frozenset(coref.get("release_modifiers", ()))
        if lemma_word(token) in _part_nouns() and any(
                c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i not in self._ent_of for c in word_children(token)):
            return True  # "the digital industries business", "the cloud unit": a part named by its trade, not the company
        return any(c.dep_ in ("amod", "compound") and c.lower_ in mods for c in word_children(token))

    @staticmethod
    def _is_release_description(token: Token) -> bool:
        """ "the *new* model", "the *latest* system": a description of the model an article announces."""
        mods = _word_set("coref", "release_modifiers")
        return any(c.dep_ in ("amod", "compound") and c.lower_ in mods for c in word_children(token))

    @staticmethod
    def _is_expletive(token: Token) -> bool:
        """ "It is no secret that ...", "it seems ..." : an ``it`` that refers to nothing."""
        head = token.head
        if token.dep_ in ("attr", "acomp") and head.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in head.children):
            return True  # "That's it for this week": the end of a list, no company
        if token.dep_ not in ("nsubj", "nsubjpass") or head.lemma_ not in ("be", "seem", "appear", "remain", "become"):
            return False
        return any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) or any(
            c.dep_ in ("attr", "acomp") and any(g.dep_ in ("ccomp", "acl", "relcl", "xcomp") for g in c.children)
            for c in head.children
        )

    def _own_clause_subject(self, token: Token) -> Span | None:
        """The entity that is the subject of the clause in whose object ``token`` stands, if any.

        "Google agreed to invest in *the company*": a description in the object of a clause does
        not name the clause's own subject (that would be "itself").
        """
        for verb in _verbs_above_object(token):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                # only a named subject (or one named by its trade): other descriptions may be resolved wrongly
                return self._ent_of.get(subj.i) or (self._resolved.get(subj.i) if subj.i in self._by_trade else None)
        return None

    @staticmethod
    def _own_clause_subject_phrase(token: Token) -> tuple[int, int] | None:
        """The token range of the subject phrase of the clause in whose object ``token`` stands.

        "a group of investors including Greycroft and Sound Ventures put $80m into *the company*": the
        company is none of the names inside the clause's own subject, whatever that subject's head is.
        """
        for verb in _verbs_above_object(token):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return (subj.left_edge.i, subj.right_edge.i) if subj is not None else None
        return None

    def _relative_host(self, token: Token) -> Span | None:
        """The entity a relative clause around ``token`` describes: "DBRX, a model that *it* says beats
        Llama 2" -- the pronoun in the clause is not the clause's own noun."""
        node = token
        for _ in range(4):
            if node.dep_ in ("relcl", "acl") and node.head != node:
                host = node.head
                if node.dep_ == "acl" and host.dep_ == "ROOT" and host.i in self._ent_of and self._ent_of[host.i].end == node.i:
                    return None  # "Pellucid named V ... its new president": a main verb the parser hung on an unknown name
                return self._ent_of.get(host.i) or self._resolved.get(host.i)
            if node.head == node:
                return None
            node = node.head
        return None

    def _adverbial_subject(self, pos: int, ent: Span) -> bool:
        """Whether the mention at ``pos`` is the subject of an adverbial or relative clause ("*when* Avago
        acquired Broadcom Corporation"), which is background to the sentence's main subject."""
        tok = ent.root if ent.start <= pos < ent.end else self.doc[pos]
        # so is the subject of an absolute clause after "with" ("raised $21 million, with Kilbride participating")
        return tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ in ("advcl", "relcl") or (
            tok.head.dep_ == "pcomp" and tok.head.head.lower_ in ("with", "without")))

    def _count_key(self, ent: Span) -> str:
        """The key under which a mention counts toward salience: a person's surname ("Ramaswamy" is
        "Sridhar Ramaswamy" again), any other entity's :meth:`_key`."""
        key = self._key(ent)  # (:func:`_surname` of a person, from the key read once)
        if ent.label_ in PERSON_LABELS:
            return key.split()[-1] if key else ""
        return key

    def _repeats_its_host(self, pos: int, ent: Span) -> bool:
        """Whether the mention at ``pos`` is a relative pronoun standing for the name it follows
        ("Frank Slootman, *who* had led ..."): one mention, not two, when counting salience."""
        return not (ent.start <= pos < ent.end) and (self.doc[pos].lower_ in self._relative or self._names_its_host(pos, ent))

    def _names_its_host(self, pos: int, ent: Span) -> bool:
        """Whether the mention at ``pos`` is a description in apposition to the name it follows
        ("Horizons Ventures, *the investment firm* of ..."): the name again, not a second mention."""
        tok = self.doc[pos]
        if tok.pos_ != "NOUN" or ent.end > pos:
            return False
        if tok.dep_ == "appos" and tok.head.i in self._ent_of and self._ent_of[tok.head.i] is ent:
            return True
        # "including KT, the telecoms group that has used ...": a description right after the name and its comma
        # is the apposition on the surface, wherever the parser hung it (here as the verb's object)
        edge = tok.left_edge.i
        return edge == ent.end + 1 < len(self.doc) and self.doc[ent.end].text == "," and self.doc[edge].lower_ in ("the", "a", "an")

    def _mention_token(self, pos: int, ent: Span) -> Token:
        """The token standing for a mention: the name's root, or the pronoun or description itself."""
        return ent.root if ent.start <= pos < ent.end else self.doc[pos]

    def _listed_mention(self, pos: int, ent: Span) -> bool:
        """Whether the mention at ``pos`` is one name of a coordinated list of names ("Felicis, Sequoia
        Capital, Menlo Ventures and General Catalyst"): a singular "it" or "the company" never stands
        for one member of a list."""
        if ent.label_ not in ("COMPANY", "ORGANIZATION"):
            return False  # a model's release lists its siblings ("Grok-2 and Grok-2 mini ... the new model")
        named = ent.start <= pos < ent.end
        # "OpenAI and Apple were working with it on chips of *their* own": a plural pronoun resolved to a
        # list's first name stands for the list
        tok = ent.root if named or self.doc[pos].lower_ in self._plural or self._names_its_host(pos, ent) else self.doc[pos]
        if tok.dep_ == "conj" and self._listed_partner(tok.head, ent):
            return True
        return any(c.dep_ == "conj" and self._listed_partner(c, ent) for c in tok.children)

    def _listed_partner(self, tok: Token, ent: Span) -> bool:
        """Whether ``tok`` is another name of the kind of ``ent`` (a company beside a company)."""
        other = self._ent_of.get(tok.i) or self._resolved.get(tok.i)
        return other is not None and other is not ent and (other.label_ in PERSON_LABELS) == (ent.label_ in PERSON_LABELS)

    def _founder_places(self, token: Token) -> frozenset[int]:
        """Mentions a description founded by someone cannot name: "Renn had worked at X before *starting
        the company*", "She left X in 2019. She started *the company* ...": the places its founder
        worked at, left or was in, read as the non-subject names of clauses whose subject is the founder.

        Empty unless ``token`` is the object of a founding verb with a known subject.
        """
        verb = token.head
        if token.dep_ != "dobj" or lemma_word(verb) not in _founding_verbs():
            return frozenset()
        founder = self._subject_entity(verb)
        if founder is None or founder.label_ not in PERSON_LABELS:
            return frozenset()
        k = self._sent_index.get(token.i, 0)
        founding = range(verb.left_edge.i, verb.right_edge.i + 1)
        return frozenset(pos for pos, _ in self._places_of(founder, token.i, k - DESCRIPTION_WINDOW) if pos not in founding)

    def _places_of(self, person: Span, before: int, first_sentence: int) -> list[tuple[int, Span]]:
        """The companies a person joined, left, ran or was at before token ``before`` (from sentence
        ``first_sentence`` on): the non-subject company names of clauses whose subject is that person,
        other than the companies the person founded."""
        places = []
        for pos, ent, sent_k, is_subject in self._mentions:
            if pos >= before:
                break
            if sent_k < first_sentence or is_subject or ent.label_ not in ("COMPANY", "ORGANIZATION"):
                continue
            clause = _governing_verb(ent.root if ent.start <= pos < ent.end else self.doc[pos])
            if clause is None or lemma_word(clause) in _founding_verbs():
                continue  # "Renn founded Marrow AI. She started the company ...": what one founds is no place left
            subject = self._subject_entity(clause)
            if subject is not None and subject.label_ in PERSON_LABELS and _surname(subject) == _surname(person):
                places.append((pos, ent))
        return places

    def _employer(self, token: Token) -> Span | None:
        """ "*Her former employer*, valued at $300 billion ...": the company the article shows the
        possessor joining, leaving, running or working at most often (the latest on a tie)."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        person = (self._ent_of.get(owner.i) or self._resolved.get(owner.i)) if owner is not None else None
        if person is None or person.label_ not in PERSON_LABELS:
            return None
        places = self._places_of(person, token.i, 0)
        counts: dict[str, int] = {}
        for _, ent in places:
            counts[self._key(ent)] = counts.get(self._key(ent), 0) + 1
        return max(places, key=lambda p: (counts[self._key(p[1])], p[0]))[1] if places else None

    def _subject_entity(self, verb: Token) -> Span | None:
        """The entity that is the subject of ``verb``'s clause, climbing from a participle or a
        subordinate clause to the clause it hangs on ("Renn had worked at X before *starting* ...")."""
        node = verb
        for _ in range(4):
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return self._ent_of.get(subj.i) or self._resolved.get(subj.i)
            if node.dep_ not in ("advcl", "xcomp", "pcomp", "conj", "prep") or node.head == node:
                return None
            node = node.head
        return None

    def _sent_of_flow(self, flow: int, in_prose: bool) -> int:
        """The sentence index of prose sentence number ``flow`` (the index itself when no list is skipped)."""
        if not in_prose or not self._listed:
            return flow
        return next(k for k in range(len(self._sents)) if k not in self._listed and self._flow[k] == flow)

    def _antecedent(self, token: Token, labels: tuple[str, ...], window: int, salient: bool = False,
                    exclude: Span | None = None) -> Span | None:
        """The nearest fitting earlier mention; for descriptions (``salient``) the most mentioned one.

        A pronoun takes the nearest mention in its own sentence, else the latest sentence's
        subject. A description such as "the company" names the article's main actor far more
        often than the last company mentioned, so among the mentions of the window it takes a
        subject of the latest sentence, else the entity mentioned most often so far.
        """
        k = self._sent_index.get(token.i, 0)
        in_prose = k not in self._listed
        flow_k = self._flow[k] if in_prose else k
        same, earlier = [], []
        counts: dict[str, int] = {}
        for pos, ent, sent_k, is_subject in self._mentions:
            if pos >= token.i:
                break
            if in_prose and sent_k in self._listed:
                continue
            if ent.label_ in labels and not self._repeats_its_host(pos, ent):
                key = self._count_key(ent)
                counts[key] = counts.get(key, 0) + 1
        founder_places = self._founder_places(token) if salient and self._has_parse else frozenset()
        singular = labels != PERSON_LABELS and token.lower_ not in self._plural and self._has_parse
        own_subject = self._own_clause_subject(token) if salient and self._has_parse else None
        subject_phrase = self._own_clause_subject_phrase(token) if salient and self._has_parse else None
        passing = []  # names that only modify a noun, the antecedent of last resort

        def reach_back(pos, ent, sent_k, is_subject):
            """Keep a mention of an earlier sentence within the window (in prose that lists, counted in prose
            sentences, leaving the listed ones out)."""
            if in_prose and self._listed:
                if sent_k not in self._listed and flow_k - window <= self._flow[sent_k] < flow_k:
                    earlier.append((self._flow[sent_k], is_subject, pos, ent))
            elif k - window <= sent_k < k:
                earlier.append((sent_k, is_subject, pos, ent))

        for pos, ent, sent_k, is_subject in self._mentions:
            if pos >= token.i or ent.label_ not in labels:
                continue
            if ent.start <= token.i < ent.end or (ent.root.head == token and ent.root.dep_ in ("compound", "nmod")):
                continue  # "the Amazon unit" is not Amazon
            if own_subject is not None and self._key(ent) == self._key(own_subject):
                continue
            if subject_phrase is not None and subject_phrase[0] <= pos <= subject_phrase[1]:
                continue
            if exclude is not None and self._key(ent) == self._key(exclude):
                continue
            if singular and self._listed_mention(pos, ent):
                continue  # "with Felicis, Sequoia and Menlo taking part. The company, ...": one of a list is no topic
            if pos in founder_places:
                continue  # "A had worked at X before starting the company": not X
            if singular and sent_k == k and "COMPANY" in labels and ent.label_ in ("COMPANY", "ORGANIZATION") \
                    and ent.start <= pos < ent.end \
                    and _modifies_a_thing(ent, self._person_nouns | self._company_nouns):
                passing.append((pos, ent, sent_k, is_subject))
                # "... was chosen for the IBM personal computer and the company abandoned ...", "PIF-owned company
                # says its model ...": within its sentence a name that describes a thing is said in passing (a
                # maker named so in an earlier sentence may still be the topic: "a Microsoft model. The company ...")
                continue
            if sent_k == k:
                # (read where the mention stands: a pronoun already resolved is its own position, not its
                # antecedent's name, which may sit in a relative clause sentences before: "KT, which uses
                # Rebellions' chips. ... it completed ..., creating what it called ...": both "it" are Rebellions)
                mention = self._mention_token(pos, ent) if self._has_parse else None
                if mention is not None and _inside_other_relative_clause(mention, token):
                    continue  # "X, which is backed by A and B, ..., putting it ...": A and B are background
                if mention is not None and token.tag_ == "PRP$" and _inside_other_apposition(mention, token):
                    continue  # "P named V, a veteran of A and B, its new president": A and B describe V in passing
                same.append((pos, ent))
            else:
                reach_back(pos, ent, sent_k, is_subject)
        if not same and not earlier:
            # nothing else in reach: a modifying name is still the best guess ("Nvidia-backed start-up. It ...")
            for pos, ent, sent_k, is_subject in passing:
                if sent_k == k:
                    same.append((pos, ent))
                else:
                    reach_back(pos, ent, sent_k, is_subject)
        topic = self._text_topic if salient and labels == PERSON_LABELS and k > 0 else None
        if same and (self._is_subject(token) or (token.dep_ == "poss" and self._is_subject(token.head)
                                                 and token.head.head.dep_ in ("conj", "ccomp") and labels == NEUTER_LABELS)):
            # a subject pronoun in a later clause continues the sentence's subject ("X licenses ..., and it agreed");
            # so does the owner of the subject of a coordinated or complement clause ("X competes with A and with B,
            # but its new rival, C, ..."; not of an adverbial one: "aired on A until its owner, B, decided" is A's owner)
            subject_at = {pos: is_subject for pos, _, _, is_subject in self._mentions}
            subjects = [(pos, ent) for pos, ent in same if subject_at.get(pos)]
            if subjects:
                return max(subjects, key=lambda m: m[0])[1]
            if topic is not None and all(self._key(ent) != self._key(topic) for _, ent in same):
                # "The daughter of politician X, she was born in Tunis": a name inside a phrase is not the subject
                return topic
        if same and labels == PERSON_LABELS and token.tag_ == "PRP$":
            nearest = max(same, key=lambda m: m[0])[1]
            subject_at = {pos: is_subject for pos, _, _, is_subject in self._mentions}
            subjects = [(pos, ent) for pos, ent in same if subject_at.get(pos)]
            if nearest.root.dep_ == "poss" and subjects:
                # "X was appointed as Y's assistant, alongside his roles at Z": a possessor named in passing
                # is not whose the later thing is; the sentence's subject is
                return max(subjects, key=lambda m: m[0])[1]
        if same and labels == ("MODEL",) and self._is_release_description(token):
            # "xAI released Grok-2 and a smaller sibling, Grok-2 mini, saying the new model ranks ...":
            # "the new model" is the release the sentence leads with, not the last model named
            return min(same, key=lambda m: m[0])[1]
        if same and salient and labels != ("MODEL",):
            subject_at = {pos: is_subject for pos, _, _, is_subject in self._mentions}
            nearest_pos, nearest = max(same, key=lambda m: m[0])
            leading = max(counts.items(), key=lambda kv: kv[1])[0] if counts else None
            topic_here = [(pos, ent) for pos, ent in same if subject_at.get(pos) and self._count_key(ent) == leading]
            if topic_here and not subject_at.get(nearest_pos) and counts.get(leading, 0) >= 2 \
                    and counts.get(self._count_key(nearest), 0) < counts[leading]:
                # "... Stability had raised $101 million ..., facing lawsuits from Getty Images, ... put $80m into
                # the company": in a long sentence whose subject is the story's main actor, a description
                # names that actor rather than a name mentioned in passing
                return max(topic_here, key=lambda m: m[0])[1]
        if same:
            return max(same, key=lambda m: m[0])[1]
        if salient and earlier:
            latest = max(m[0] for m in earlier)
            subjects = [m for m in earlier if m[0] == latest and m[1]]
            if latest == flow_k - 1 and own_subject is None and not self._opens_paragraph(k):
                # (an object description that cannot be its clause's subject names the article's main
                # actor other than that subject, not whoever the last sentence was about)
                if subjects:
                    return max(subjects, key=lambda m: (not self._adverbial_subject(m[2], m[3]), m[2]))[3]
                if _introduces_company(token) and self._person_led(self._sents[self._sent_of_flow(latest, in_prose)]):
                    # "She left Nvidia to found Petrichor. The company, backed by ...": with no company
                    # subject to continue, the last company the person of that sentence dealt with
                    # (not a company that only modifies a noun: "with Lars Vik, a former Nordic Semiconductor engineer")
                    dealt = [m for m in earlier if m[0] == latest]
                    dealt = [m for m in dealt if not _modifies_a_noun(m[3])] or dealt
                    return max(dealt, key=lambda m: m[2])[3]
            if topic is not None and not any(m[1] for m in earlier):
                return topic  # no one else was the subject of a sentence since: the person the text is about
            if labels == PERSON_LABELS:
                # "Menon took over from Dorsey, who had led X. Menon ran a start-up with Lee. Before that he
                # spent 12 years at Y": a person who was a subject, not one named in a relative clause or adjunct
                return max(earlier, key=lambda m: (m[1], counts.get(self._count_key(m[3]), 0), m[2]))[3]
            # a sentence without companies in between: the story's main actor, not the last subject
            return max(earlier, key=lambda m: (counts.get(self._count_key(m[3]), 0), m[2]))[3]
        if same:
            return max(same, key=lambda m: m[0])[1]
        if earlier and self._is_subject(token) and token.pos_ == "PRON":
            chained = self._pronoun_subject_before(earlier)
            if chained is not None:
                return chained
        if earlier:
            # latest sentence first; in it the subject first, then the nearest mention
            # ("X took its form in 2016, when Y acquired Z. Since then it has bought ...": the main clause's
            # subject before an adverbial clause's)
            # ("In 2010 he co-founded DeepMind with L, a researcher he had met at UCL. Its backers ...": a name
            # inside an apposition or relative clause describes someone in passing and is no antecedent)
            # (the subject of a relative or adverbial clause is no subject of the sentence: "among them Aleph
            # Alpha, the company that pivoted ... models they place on the market. Its chief executive" is Aleph's)
            return max(earlier, key=lambda m: (m[0], m[1] and not self._adverbial_subject(m[2], m[3]),
                                               not self._adverbial_subject(m[2], m[3]),
                                               not _said_in_passing(self._mention_token(m[2], m[3])), m[2]))[3]
        return topic


    def _object_binder(self, token: Token) -> Span | None:
        """The subject of the clause whose object ``token`` is: an object pronoun is never its own clause's subject
        (that would be "itself"): "Sogou has been part of Tencent since the Shenzhen giant bought *it*" is Sogou."""
        if token.dep_ != "dobj":
            return None
        subj = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
        if subj is None or any(t.lower_ in self._relative for t in self.doc[subj.i: token.i]):
            return None  # "The Sunnyvale company, whose chief executive co-founded it": the parser's subject is not the clause's
        return self._ent_of.get(subj.i) or self._resolved.get(subj.i)

    def _pronoun_subject_before(self, earlier: list) -> Span | None:
        """A subject pronoun continues the entity the latest sentence already spoke of by a subject pronoun: in
        "In 2023 it bought Serindit Data; Serindit's founder now leads the unit. In July it signed ...", the
        second "it" is the first one's company, not the owner of a later clause's subject. The writer who
        pronominalised an entity keeps it as the topic; only a pronoun of the sentence's main clause counts."""
        latest = max(m[0] for m in earlier)
        chain = [m for m in earlier if m[0] == latest and m[1] and self.doc[m[2]].pos_ == "PRON"
                 and self.doc[m[2]].i not in self._ent_of and self.doc[m[2]].lower_ not in self._relative
                 and _in_main_clause(self.doc[m[2]])]
        if not chain:
            return None
        first = min(chain, key=lambda m: m[2])
        return first[3] if all(self._key(m[3]) == self._key(first[3]) for m in chain) else None


def _in_main_clause(token: Token) -> bool:
    """Whether a subject stands in its sentence's main clause: its verb is the root, or a clause coordinated
    with it ("In 2023 *it* bought X; ..."), not a relative or complement clause ("which the company says makes
    *it* cheaper")."""
    verb = token.head
    # (a clause before a semicolon is often parsed as a complement of the one after it: "it bought X; Y leads Z")
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp") and verb.head.dep_ == "ROOT"
                                   and (verb.dep_ == "conj" or verb.i < verb.head.i))


def _is_destination(token: Token) -> bool:
    """A noun a person goes to or is at: the object of "at", "to" or "in", or of "join" or "enter"."""
    if token.dep_ == "pobj":
        return token.head.lower_ in ("at", "to", "in")
    return token.dep_ == "dobj" and token.head.lemma_.lower() in ("join", "enter")


_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
_TIME_NOUNS = frozenset(("year", "month", "week", "day", "decade", "time", "spring", "summer", "autumn", "fall",
                         "winter", "past", "future"))


def _is_time(token: Token) -> bool:
    """ "in 2013", "in January", "in the same year": a time, not a place."""
    return token.like_num or token.lower_ in _MONTHS or lemma_word(token) in _TIME_NOUNS


@lru_cache(maxsize=None)
def _founding_verbs() -> frozenset[str]:
    """The verbs that found a company ("found", "start", "set up"), from the relation triggers."""
    return frozenset(w.lower() for w in load_triggers()["verbs"]["founded"])


def _governing_verb(token: Token) -> Token | None:
    """The verb of the clause a name stands in, up through objects, prepositions, appositions and
    modifiers ("worked at Orrin Research, the unit of *Kessling*": worked)."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _verbs_above_object(token: Token) -> Iterator[Token]:
    """The verbs of the clauses in whose object ``token`` stands, nearest first (at most six steps up
    through objects, prepositions and complements)."""
    node = token
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "dobj", "dative", "xcomp", "advcl", "pcomp") or node.head == node:
            return
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            yield node


#: How many sentences of quoted speech a person pronoun may look back over for its speaker.
QUOTE_WINDOW = 6

_QUOTE_MARKS = frozenset('"\u201c\u201d')
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})


def _is_quotation(sent: Span) -> bool:
    """Whether a sentence is (part of) quoted speech: it holds a quote mark or speaks as "I" or "we"."""
    return any(t.text in _QUOTE_MARKS or t.lower_ in _FIRST_PERSON for t in sent)


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges inside quote marks, in text order; a paragraph break ends an open quote.

    >>> import spacy
    >>> doc = spacy.blank("en")('"We grew," she said. "We hired."')
    >>> [doc[a:b].text for a, b in quote_regions(doc)]
    ['We grew,', 'We hired.']
    """
    regions, start = [], None
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if start is not None:
                regions.append((start, tok.i))
            start = None
        elif tok.text in _QUOTE_MARKS or tok.text in ("``", "''"):
            opening = tok.text in ("\u201c", "``") or (start is None and tok.text != "\u201d")
            if opening:
                start = tok.i + 1
            elif start is not None:
                regions.append((start, tok.i))
                start = None
    if start is not None:
        regions.append((start, len(doc)))
    return regions


_BULLETS = frozenset(("*", "-", "\u2022", "\u2013", "\u25cf", "\u25aa"))


def _in_bullet_line(doc: Doc, i: int) -> bool:
    r"""Whether token ``i`` is on a line that opens with a bullet ("* Round: $235 million", "- Revenue: ...").

    >>> import spacy
    >>> doc = spacy.blank("en")("Key facts\n* Price: $4 billion\nIt grew.")
    >>> _in_bullet_line(doc, 4), _in_bullet_line(doc, 10)
    (True, False)
    """
    start = paragraph_start(doc, i)
    return doc[start].text in _BULLETS and start + 1 < len(doc) and not doc[start + 1].is_space


def paragraph_start(doc: Doc, i: int) -> int:
    """The first token of the paragraph holding token ``i``.

    >>> import spacy
    >>> doc = spacy.blank("en")("One two.\\n\\nThree four.")
    >>> [paragraph_start(doc, i) for i in range(len(doc))]
    [0, 0, 0, 0, 4, 4, 4]
    """
    # asked for most tokens of a Doc: walking back from each was quadratic in a one-paragraph article
    starts = doc.user_data.get(_PARAGRAPH_STARTS)
    if starts is None or len(starts) != len(doc):
        starts, start = [], 0
        for token in doc:
            if token.i and doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
                start = token.i
            starts.append(start)
        doc.user_data[_PARAGRAPH_STARTS] = starts
    return starts[i]


#: where :func:`paragraph_start` keeps a Doc's paragraph starts (computed once per Doc)
_PARAGRAPH_STARTS = "newsgraph.paragraph_starts"


def _in_byline(ent: Span) -> bool:
    """Whether a name is a byline's ("By Tom Ashworth | Legal Weekly", "Interview by Ana Ruiz"): the writer,
    who asks the questions, not the interviewee who answers them."""
    doc = ent.doc
    by = ent.start - 1
    if by < 0 or doc[by].lower_ != "by":
        return False
    before = doc[by - 1] if by >= 1 else None
    return before is None or "\n" in before.text_with_ws or before.lower_ in ("interview", "interviewed", "q&a")


def _follows_a_question(doc: Doc, start: int) -> bool:
    """Whether the paragraph before the one at ``start`` is a question of its own (an interviewer's:
    it ends with "?" and quotes no one)."""
    end = start - 1
    while end >= 0 and doc[end].is_space:
        end -= 1
    if end < 0 or doc[end].text != "?":
        return False
    first = paragraph_start(doc, end)
    return not any(t.text in _QUOTE_MARKS or t.text in ("``", "''") for t in doc[first:end + 1])


@lru_cache(maxsize=None)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in load_triggers()["reporting_verbs"])


@lru_cache(maxsize=None)
def _role_verbs() -> frozenset[str]:
    return _word_set("coref", "speaker_role_verbs")


@lru_cache(maxsize=None)
def _role_titles() -> tuple[frozenset[str], frozenset[str]]:
    """(words of the titles that tie a speaker to a company, observers' titles)."""
    titles = load_triggers()["titles"]
    observers = _word_set("coref", "observer_titles")
    held = frozenset(w for names in titles.values() for title in names for w in title.lower().split())
    return held - observers, observers


def _role_on_path(tok: Token, top: Token) -> bool:
    """Whether a company at ``tok`` is tied to the person at ``top`` by a held title or a role verb on
    the way up ("Corvane's chief *executive*", "who *founded* Lumero"); an observer's title or a former
    one ("an *analyst* at Bernstein", "a *former* Intel engineer") ties nothing."""
    held, observers = _role_titles()
    node, tied = tok.head, False
    for _ in range(6):
        word = lemma_word(node)
        if word in observers or any(c.lower_ in ("former", "ex") for c in node.children):
            return False
        if (node.pos_ in ("NOUN", "PROPN") and word in held) or (node.pos_ == "VERB" and node.lemma_.lower() in _role_verbs()):
            tied = True
        if node == top:
            return tied
        if node.head == node:
            return False
        node = node.head
    return False


#: Verbs by which a speaker says which company is theirs: "Before I co-founded Cobblestone ...".
FOUNDING_LEMMAS = frozenset({"found", "co-found", "cofound", "start", "launch"})

#: The pronouns by which a company speaks of itself ("we compete with A", "A signed an agreement with us").
VOICE_PRONOUNS = frozenset({"we", "us", "our"})


def speaker_company(doc: Doc) -> Span | None:
    """In an interview or a transcript, the company the interviewee speaks for: the company whose person the
    headline names ("Sablecrest's Yara Haddad on ..."), or the one a first-person sentence says was founded
    ("Before I co-founded Cobblestone ...", read off the words: the parser splits "co-founded" many ways)."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    for ent in first.ents:  # "X's Nadia Okafor", read off the words (the parser does not always see a possessive)
        after = doc[ent.end: ent.end + 2]
        if ent.label_ == "COMPANY" and len(after) == 2 and after[0].text in ("'s", "\u2019s") and \
                after[1].pos_ == "PROPN" and after[1].ent_type_ in ("PERSON", ""):
            return ent
    for verb in tokens_where(doc, "LEMMA", tuple(FOUNDING_LEMMAS)):
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if after is None or after.ent_iob_ != "B" or after.ent_type_ != "COMPANY":
            continue
        if any(t.text in ("I", "we", "We") for t in doc[max(verb.i - 4, verb.sent.start): verb.i]):
            return next(e for e in doc.ents if e.start == after.i)
    return None


#: Words of a letter's heading ("Letter to our shareholders", "letter to limited partners").
_LETTER_CUES = frozenset(("letter", "shareholders", "stockholders", "partners", "customers", "investors"))

#: How far the subject of a press release's "today announced" may stand before the verb, in tokens
#: ("Corvane Inc. (NASDAQ: CRVN), a maker of ..., today announced").
_RELEASE_GAP = 30


def _head_end(doc: Doc) -> int | None:
    """The first token after a text's heading: the heading is what stands before its first blank line."""
    return next((t.i for t in doc if t.is_space and t.text.count("\n") >= 2), None)


def _has_byline(doc: Doc, head_end: int) -> bool:
    """Whether a heading holds a byline: a line opening "By" and a person ("By Imelda Crane, Editor")."""
    return any(t.lower_ == "by" and (t.i == 0 or "\n" in doc[t.i - 1].text_with_ws)
               and t.i + 1 < head_end and doc[t.i + 1].ent_type_ == "PERSON" for t in doc[:head_end])


def paragraph_end(doc: Doc, i: int) -> int:
    """The token after the paragraph holding token ``i`` (the break that ends it, or the end of the text)."""
    return next((t.i for t in doc[i:] if t.is_space and "\n" in t.text), len(doc))


def _about_companies(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """The companies a text's boilerplate describes, in order: a line that is "About" and a company's name
    ("About Orlith Robotics"), as a press release or a vendor's customer story ends."""
    out = []
    for ent in ents:
        if ent.label_ != "COMPANY" or ent.start < 1 or doc[ent.start - 1].text != "About":
            continue
        opens = ent.start == 1 or "\n" in doc[ent.start - 2].text_with_ws
        closes = ent.end == len(doc) or "\n" in doc[ent.end - 1].text_with_ws or doc[ent.end].is_space
        if opens and closes:
            out.append(ent)
    return out


def _about_lines(doc: Doc) -> int:
    """How many lines of a text open "About" and a capitalised word, whatever the name after it was typed."""
    return sum(1 for t in doc if t.text == "About" and t.i + 1 < len(doc) and doc[t.i + 1].is_title
               and (t.i == 0 or "\n" in doc[t.i - 1].text_with_ws))


def _announcing_company(doc: Doc, ents: tuple[Span, ...]) -> Span | None:
    """A press release's issuer: the first company of a sentence in which it "today announced" / "announced
    today" (within the text's first five sentences)."""
    for sent in list(doc.sents)[:5]:
        for tok in sent:
            if tok.lemma_.lower() != "announce" or not any(t.lower_ == "today" for t in doc[max(sent.start, tok.i - 1): tok.i + 2]):
                continue
            before = [e for e in sent.ents if e.label_ == "COMPANY" and e.end <= tok.i and tok.i - e.end <= _RELEASE_GAP]
            if before:
                return before[0]
    return None


def _asked(token: Token) -> bool:
    """Whether a word stands in a question or an open clause: its sentence ends in "?", or a clause above it
    opens with "whether" or "if"."""
    last = next((t for t in reversed(token.sent) if not t.is_space), None)
    if last is not None and last.text == "?":
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for a in token.ancestors for c in a.children)


def _surname(person: Span) -> str:
    """The last word of a person's name: "Ruiz" names "Ana Ruiz" again."""
    return _ent_key(person).split()[-1] if _ent_key(person) else ""


def _modifies_a_noun(ent: Span) -> bool:
    """A name that modifies a common noun ("a former Nordic Semiconductor engineer"): said in passing."""
    return ent.root.dep_ in ("compound", "nmod") and ent.root.head.pos_ == "NOUN" and ent.root.head.i >= ent.end


#: Nouns a name may modify and still be what a later "it" or "the company" means: its people, parts,
#: shares and conduct ("a Google spokesperson said the company ...", "Nvidia shares rose as it ...").
_MEMBER_NOUNS = frozenset(("spokesperson", "spokesman", "spokeswoman", "representative", "official", "employee",
                           "staff", "worker", "team", "board", "shareholder", "share", "stock", "insider", "staffer",
                           # and its own conduct: "a broader Microsoft strategy to strengthen its position"
                           "strategy", "plan", "effort", "push", "move", "bid", "decision", "announcement", "statement"))
#: Participles a name is written onto to describe something else: "PIF-owned", "Nvidia-backed", "Google-funded".
_DESCRIBING_PARTICIPLES = frozenset(("owned", "backed", "funded", "financed", "controlled", "led", "run", "operated",
                                     "based", "made", "built", "designed", "powered", "supported", "sponsored"))


def _modifies_a_thing(ent: Span, person_nouns: frozenset[str]) -> bool:
    """Whether a name only describes a thing or another company ("the *IBM* personal computer", "the
    *PIF*-owned company", "a *Fairchild* sales executive" is a person's): a later "it" or "the company"
    means the thing's owner the passage is about, not the name used as an adjective. A name modifying
    its own people or parts ("a *Google* spokesperson said the company") stays an antecedent.

    >>> import spacy
    >>> from spacy.tokens import Doc, Span
    >>> words = ["the", "Korvo", "-", "owned", "lab", "and", "the", "Velt", "phone"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, spaces=[1, 0, 0, 1, 1, 1, 1, 1, 0],
    ...           heads=[4, 3, 3, 4, 4, 4, 8, 8, 4], deps=["det", "npadvmod", "punct", "amod", "ROOT", "cc", "det",
    ...           "compound", "conj"], pos=["DET", "PROPN", "PUNCT", "VERB", "NOUN", "CCONJ", "DET", "PROPN", "NOUN"])
    >>> _modifies_a_thing(Span(doc, 1, 2, label="COMPANY"), frozenset()), _modifies_a_thing(Span(doc, 7, 8), frozenset())
    (True, True)
    """
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and not doc[ent.end].whitespace_ \
            and doc[ent.end + 1].lower_ in _DESCRIBING_PARTICIPLES:
        return True
    root = ent.root
    head = root.head
    if root.dep_ not in ("compound", "nmod") or head.pos_ != "NOUN" or head.i < ent.end:
        return False
    # only inside a noun phrase an article or "whose" opens before the name ("the IBM personal computer"):
    # the parser also reads a subject and its verb as a compound ("AMD forecast in July that it ...")
    if not any(c.dep_ in ("det", "poss") and c.i < ent.start and c.lower_ in ("the", "a", "an", "whose")
               for c in head.children):
        return False
    # a company noun after a name is the name's own ("the King unit") or its parent's ("the Alphabet
    # company"): read elsewhere
    word = lemma_word(head)
    return not {word, word.rstrip("s")} & (person_nouns | _MEMBER_NOUNS) and not word.startswith("spokes")


def _owned_by_name_before(token: Token, ent_of: dict) -> bool:
    """Whether a description holds an "X-owned"/"X-backed" company name before its noun ("the *Amazon*-owned developer")."""
    doc = token.doc
    for j in range(max(0, token.i - 6), token.i):
        ent = ent_of.get(j)
        if ent is not None and ent.end == j + 1 and ent.label_ in ("COMPANY", "ORGANIZATION") and ent.end + 1 < token.i \
                and doc[ent.end + 1].lower_ != "based" and _modifies_a_thing(ent, frozenset()):
            return True  # ("the Santa Clara, California-based company" says where, not whose)
    return False


def _inside_other_relative_clause(mention: Token, token: Token) -> bool:
    """Whether ``mention`` sits in a relative clause that does not hold ``token`` ("Strathmore, which is
    backed by Nvidia, ... putting it in competition": Nvidia is background to the pronoun)."""
    node = mention
    while node.head != node:
        if node.dep_ == "relcl":
            return not (node.left_edge.i <= token.i <= node.right_edge.i)
        node = node.head
    return False


def _said_in_passing(token: Token) -> bool:
    """Whether ``token`` sits inside an apposition or a relative clause ("Shane Legg, a researcher he had
    met at *UCL*", "X, which is backed by *A*"): background to its sentence, not what it is about.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["He", "met", "Legg", ",", "a", "researcher", "at", "UCL"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 5, 2, 5, 6],
    ...           deps=["nsubj", "ROOT", "dobj", "punct", "det", "appos", "prep", "pobj"])
    >>> _said_in_passing(doc[7]), _said_in_passing(doc[2])
    (True, False)
    """
    node = token
    for _ in range(8):
        if node.head == node:
            return False
        if node.dep_ in ("appos", "relcl"):
            return True
        node = node.head
    return False


def _closed_by_comma(token: Token) -> bool:
    """ "to buy Figma, the design start-up led by Dylan Field, after ...": a subject the parser made of an
    apposition that a reduced relative clause describes and a comma closes (not "After Google bought
    Figma, the company raised prices", whose subject runs on into its verb)."""
    end = token.right_edge.i
    return token.dep_ == "nsubj" and end + 1 < len(token.doc) and token.doc[end + 1].text == "," and \
        any(c.dep_ in ("acl", "relcl") for c in token.children)


def _inside_other_apposition(mention: Token, token: Token) -> bool:
    """Whether ``mention`` sits inside an apposition that does not hold ``token`` ("Victor Hale, a veteran of
    Intel, its new president": Intel describes Hale's past; "its" is not Intel's)."""
    node = mention
    for _ in range(6):
        if node.head == node:
            return False
        if node.dep_ == "appos":
            return not (node.left_edge.i <= token.i <= node.right_edge.i)
        node = node.head
    return False


def _introduces_company(token: Token) -> bool:
    """Whether a description opens its sentence as subject: "The company, backed by X, shipped ..."."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


#: Words that only complete a company's name ("Mistral AI" and "Mistral" are one company when counting mentions).
NAME_SUFFIXES = words("name_completers")


#: Description nouns that end a compound word whose first part is the trade ("chipmaker" -> "chip").
_TRADE_HEADS = ("maker", "giant", "company", "firm")


def descriptor_phrases(token: Token) -> frozenset[str]:
    """The trade words in front of a description noun, in :func:`extract.gazetteer.descriptor_key` form.

    All runs of up to three words of the modifiers, with a trailing "based" dropped
    ("Redmond-based" -> "redmond"), and the first part of a compound noun ("chipmaker" -> "chip").

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("the big software company")
    >>> sorted(descriptor_phrases(doc[3]))
    ['big', 'big software', 'software']
    >>> sorted(descriptor_phrases(nlp("the chipmaker")[1]))
    ['chip']
    """
    doc = token.doc
    start = hyphen_start(token)
    left = start
    # without a parse (blank pipelines), the words between a determiner and the noun
    parsed = doc.has_annotation("DEP")
    subtree = {t.i for t in token.subtree} if parsed else None
    while left > 0:
        prev = doc[left - 1]
        if prev.lower_ in DEFINITE_DETERMINERS or prev.lower_ in ("a", "an") or prev.tag_ in ("POS", "PRP$", "CD"):
            break
        if prev.is_punct and prev.text != "-" or (subtree is not None and prev.i not in subtree):
            break
        if parsed and prev.dep_ in ("det", "poss", "case", "nummod"):
            break
        left -= 1
    words = doc[left:start].text.lower().replace("-", " ").split()
    if words and words[-1] == "based":
        words.pop()
    phrases = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)}
    noun = token.lower_
    for head in _TRADE_HEADS:
        if noun.endswith(head) and len(noun) > len(head) + 1 and start == token.i:
            phrases.add(noun[: -len(head)].rstrip("-"))
    return frozenset(phrases)


def _canonical(ent: Span) -> str:
    canonical = ent._.canonical if Span.has_extension("canonical") else None
    return canonical or ent.text


def _ent_key(ent: Span) -> str:
    words = _canonical(ent).lower().split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def entity_refs(doc: Doc) -> EntityRefs:
    """The :class:`EntityRefs` of a Doc (build it once and pass it to every extractor).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("nothing here")
    >>> entity_refs(doc).entity_for(doc[0]) is None
    True
    """
    return EntityRefs(doc)


def _names_noun_before(ent: Span, token: Token) -> bool:
    """Whether a name the parser hung on ``token`` as an apposition is written, with no comma, right
    after another noun of ``token``'s phrase, whose name it is: in "the daughter of politician Mondher
    Ben Ammar" the name is the politician's, not the daughter's.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["The", "daughter", "of", "politician", "Ben", "Ammar", ",", "she", "left"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 8, 1, 2, 5, 1, 8, 8, 8],
    ...           deps=["det", "nsubj", "prep", "pobj", "compound", "appos", "punct", "nsubj", "ROOT"],
    ...           pos=["DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "PUNCT", "PRON", "VERB"])
    >>> _names_noun_before(doc[4:6], doc[1])
    True
    """
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.i != token.i and before.pos_ == "NOUN" and token.i < before.i
