"""Broad fallbacks read off a sentence's frame: investors of a funding sentence, rivals of a rivalry sentence.

Specific rules read one construction each ("a round led by A", "A competes with B"); unseen news brings
constructions none of them knows. These fallbacks read only the frame: a sentence that states a round
names its investors somewhere near a round or investor word, and a sentence with a rivalry word names the
rivals beside that word. They run after every other rule and add only a pair no other rule related in
the sentence (:func:`frame_relations`), so they fill gaps without overruling a specific reading.

A funding sentence that names no raiser ("it raised", "the startup closed", "A led a round in which B took
part", "A, B and C put money in", "with A and B among the buyers of its shares") is about the company it
values, the one that raised just before, in an interview the interviewee's company (:func:`speaker_company`,
for "we", "our", "you"), else the article's dominant company (:func:`funding_topic`); one that still has none
is about the company the sentence just before it in its paragraph says raised money or is about
(:func:`_paragraph_raiser`). An edge whose target the sentence names beside an investor noun is dropped
(:func:`co_investor`): co-investors do not invest in each other.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..components import _is_dateline
from ..coref import EntityRefs
from ..deals.parties import load_triggers as load_deal_triggers
from ..lexicon import load_triggers
from ..rules import code_rule
from ..tokens import first_conjunct, lemma_word, tokens_where
from .core import COMPANY, MODEL, Candidate, _conf, _name_key, speaker_company, subjects_of  # noqa: F401

INVESTORS_RULE = "funding.frame_investors"
PARAGRAPH_RULE = "funding.paragraph_raiser"
RIVALS_RULE = "competition.frame_rivals"

#: Words that make a sentence a rivalry statement; the rivals are named in the word's phrase.
RIVALRY_LEMMAS = ("rival", "compete", "competitor", "challenger", "contender", "versus", "vs", "vs.",
                  "alternative", "competition")

#: Verbs of a benchmark comparison: the subject model and the models it is compared with are rivals.
BENCHMARK_LEMMAS = ("beat", "outperform", "surpass", "outscore", "trail", "match", "rival")

#: Verbs of raising money: their subject is the round's investee ("Kittering raised $40 million").
RAISING_LEMMAS = frozenset({"raise", "secure", "close", "land", "announce", "complete", "receive", "get", "bring"})

#: Relations that make a company the other party of a deal rather than its rival or investor.
OTHER_PARTY_RELATIONS = frozenset({"invests_in", "partners_with", "acquires", "licenses_from", "part_of"})


@lru_cache(maxsize=None)
def _round_words() -> tuple[str, ...]:
    """Lemmas of the nouns that make a sentence a funding statement: round nouns and investor nouns."""
    rounds = load_deal_triggers()["rounds"]
    # the verbs "raise", "fundraise" also raise objections and prices: a funding sentence needs a noun
    nouns = set(rounds["round_nouns"]) | set(rounds["member_nouns"]) | {"seed"}
    return tuple(sorted(nouns - {"raise", "fundraise"}))


def _companies_in(tokens: Iterable[Token], label: str = COMPANY) -> list[Span]:
    """The entities of ``label`` whose head token lies among ``tokens``, in text order, one per span."""
    tokens = list(tokens)
    wanted = {t.i for t in tokens}
    return [e for e in tokens[0].doc.ents if e.label_ == label and e.root.i in wanted] if wanted else []


def topic_company(doc: Doc) -> Span | None:
    """The article's topic company: the company named most often (at least twice, and in the first sentence),
    the first named on a tie.

    Its first mention stands for it, so the edge carries a real name."""
    companies = [e for e in doc.ents if e.label_ == COMPANY]
    counts = Counter(_name_key(e) for e in companies)
    if not counts:
        return None
    first_seen = {}
    for i, e in enumerate(companies):
        first_seen.setdefault(_name_key(e), i)
    key, n = max(counts.items(), key=lambda kv: (kv[1], -first_seen[kv[0]]))
    first = next(iter(doc.sents))
    # a company named often but not in the lede is a side actor ("OpenAI" in a profile of an alumnus's start-up)
    if n < 2 or not any(_name_key(e) == key for e in first.ents if e.label_ == COMPANY):
        return None
    return next(e for e in companies if _name_key(e) == key)


def _clause_subject(token: Token, refs: EntityRefs, label: str) -> Span | None:
    """The entity of ``label`` that is the subject of the clause ``token`` stands in."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    found = [e for e, _ in subjects_of(verb, refs) if e.label_ == label]
    if not found:  # a name the tagger read as a common noun ("AWS competes with ...") is still the subject
        found = [e for c in verb.children if c.dep_ == "nsubj" for e in [refs.ent_containing(c)] if e is not None and e.label_ == label]
    return found[0] if found else None


def _subject_tokens(word: Token) -> set[int]:
    """The token indices of the subject of the clause ``word`` stands in (the subject is no rival of itself)."""
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == word.i and word.dep_ in ("nsubj", "nsubjpass"):
        return set()
    # "Hollin, a challenger to A and B, opened ...": the rivals are the word's own
    own = {t.i for t in word.subtree} if verb.i != word.i else set()
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != word.i for t in c.subtree} - own


def _owner_of(word: Token, refs: EntityRefs) -> Span | None:
    """The company whose rivals a rivalry noun names: its possessor ("Cohere's rivals"), the name a
    relative "whose rivals" hangs on, the name it is in apposition to ("Hollin, a challenger to ...")."""
    for child in word.children:
        # "Splunk competes with ..." parsed as one noun phrase, the name a compound or an adjective of the verb
        if child.dep_ == "compound" or child.dep_ in ("amod", "nmod") and child.i == word.i - 1 and lemma_word(word) == "compete":
            ent = refs.ent_containing(child)
            if ent is not None and ent.label_ == COMPANY:
                return ent
    if word.dep_ == "appos":
        ent = refs.ent_containing(word.head)
        if ent is not None and ent.label_ == COMPANY:
            return ent
    for child in word.children:
        if child.dep_ == "poss":
            if child.lower_ == "whose" and word.head.head.i != word.head.i:
                clause = word.head
                while clause.dep_ != "relcl" and clause.head.i != clause.i:
                    clause = clause.head
                ent = refs.ent_containing(clause.head) if clause.dep_ == "relcl" else None
                if ent is not None and ent.label_ == COMPANY:
                    return ent
            ent = refs.ent_containing(child)
            if ent is not None and ent.label_ == COMPANY:
                return ent
    return None


def _rival_region(word: Token) -> list[Token]:
    """The tokens that may name the rivals of a rivalry word: its phrase, and for a noun that is a subject
    or predicate ("Its rivals include A and B", "A and B are rivals") the whole clause."""
    top = word
    if word.pos_ in ("NOUN", "PROPN") and word.dep_ in ("nsubj", "nsubjpass", "attr") \
            and lemma_word(word.head) in LISTING_VERBS:
        top = word.head
    return [t for t in top.subtree if t.i == top.i or t.i == word.i or not _verb_between(t, top)]


#: Verbs that list the rivals a rivalry noun names: "its rivals include A and B", "A and B are rivals".
LISTING_VERBS = frozenset({"include", "be", "count"})


def _verb_between(token: Token, top: Token) -> bool:
    """Whether a verb (or a relative clause) lies on the way up from ``token`` to ``top``: "centres run by
    A" names no rival of the word above it."""
    while token.i != top.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "ROOT":
            return True
        token = token.head
    return False


#: Nouns that name rivals (of the topic, when they own no possessor): "rivals such as A and B".
RIVAL_NOUNS = frozenset({"rival", "competitor", "challenger", "contender"})

#: Subjects that stand for the article's topic company: "it", "we", "the company", "the startup".
TOPIC_STAND_INS = frozenset({"it", "we", "they", "company", "startup", "start-up", "firm", "group", "business"})


def _subject_may_be_topic(word: Token) -> bool:
    """Whether a rivalry word's clause has no subject, or one that stands for a company ("it", "the startup");
    a clause about another thing ("the accelerators compete with ...") names that thing's rivals."""
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Splunk competes with ..." parsed as one noun phrase: the name before the word is its subject
    subjects += [c for c in word.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if word.dep_ in ("nsubj", "nsubjpass"):  # "Rivals such as A and B have spent years ..."
        return word.pos_ == "NOUN" and lemma_word(word) in RIVAL_NOUNS
    if not subjects:
        return True
    return all(lemma_word(c) in TOPIC_STAND_INS or c.lower_ in TOPIC_STAND_INS for c in subjects)


#: Words a rivalry noun's clause may go on for before the colon or full stop after which its rivals are named
#: ("European competitors are fewer:", "Rivals are not hard to find.").
MAX_TAIL_WORDS = 4


def _rivals_named_next(word: Token) -> list[Span]:
    """The rivals a rivalry noun that names none leaves to what follows: the companies that open the clause
    after its own, as that clause's subject, past a colon ("European competitors are fewer: Germany's A, which
    ..., sells ...") or a full stop ("... beside far larger rivals. A, B and C sell ..."). The noun's clause
    must end within a few words: "rivals in Europe, where A ..." or "rivals, and A said ..." name no rival."""
    if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in word.children):
        return []  # "the challengers will fail": rivals named before, not after
    doc, sent = word.doc, word.sent
    colon = next((t.i for t in doc[word.i + 1: sent.end] if t.text == ":"), None)
    tail = doc[word.i + 1: colon if colon is not None else sent.end]
    words = [t for t in tail if not (t.is_punct or t.is_space)]
    if len(words) > MAX_TAIL_WORDS or any(t.ent_type_ for t in tail):
        return []  # the clause goes on past the noun ("rivals in Europe, where A ..."): it names no rival
    if colon is not None:
        start = colon + 1
    elif any(t.text in (".", "!") for t in tail):
        start = sent.end
    else:
        return []
    while start < len(doc) and (doc[start].is_space or doc[start].ent_type_ == "PLACE" or doc[start].lower_ in ("'s", "\u2019s")):
        start += 1  # "Germany's A": a place that owns the name is no rival
    if start >= len(doc) or doc[start].ent_type_ != COMPANY:
        return []
    first = next((e for e in doc.ents if e.start <= start < e.end), None)
    if first is None or not _opens_subject(first):
        return []
    root = first.root
    root = first_conjunct(root)
    return [e for e in doc.ents if e.label_ == COMPANY and e.start >= first.start
            and (e.root.i == root.i or _conj_of(e.root, root))]


def _opens_subject(ent: Span) -> bool:
    """Whether a name is (the first of a list that is) its clause's subject."""
    root = ent.root
    root = first_conjunct(root)
    return root.dep_ in ("nsubj", "nsubjpass")


def _conj_of(token: Token, head: Token) -> bool:
    """Whether ``token`` is joined to ``head`` by a chain of conjuncts ("A, B and C")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i == head.i:
            return True
    return False


#: A subject that stands for the few just named, by a number: "*the two* now compete", "Mistral says *both* beat A".
GROUP_WORDS = {"both": 2, "two": 2, "three": 3}

#: Plural nouns that, after "both" or "the two", stand for models just named ("both models beat A").
MODEL_GROUP_NOUNS = frozenset({"model", "system", "version", "variant", "release"})


def _group_size(subject: Token) -> int | None:
    """How many just-named things a plural subject with no name of its own stands for: "both", "the two"
    ("the two of them" too), "both models", "the two models"; ``None`` for any other subject."""
    word = subject.lower_
    if word == "both" or (word in GROUP_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)):
        return GROUP_WORDS[word]
    if subject.tag_ == "NNS" and lemma_word(subject) in MODEL_GROUP_NOUNS:
        if any(c.lower_ == "both" for c in subject.children):
            return 2
        number = [c for c in subject.children if c.dep_ == "nummod" and c.lower_ in GROUP_WORDS]
        if number and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return GROUP_WORDS[number[0].lower_]
    return None


def _in_relative_clause(token: Token, top: Token) -> bool:
    """Whether ``token`` lies in a relative clause or a participle on a noun below ``top``: "GitHub, the site
    that *Microsoft* bought" names Microsoft only in passing."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            return True
        token = token.head
    return False


def _named_before(span: Span, refs: EntityRefs, label: str) -> list[Span]:
    """The distinct entities of ``label`` that ``span`` names outside relative clauses, by name or by a
    description coreference resolves ("the company"), in text order."""
    found: dict[str, Span] = {}
    for t in span:
        ent = refs.ent_containing(t)
        if ent is not None and ent.root.i != t.i:
            continue
        if ent is None and t.pos_ in ("NOUN", "PRON"):
            ent = refs.entity_for(t)
        if ent is not None and ent.label_ == label and not _in_relative_clause(t, t.sent.root):
            found.setdefault(_name_key(ent), ent)
    return list(found.values())


def group_subject(verb: Token, refs: EntityRefs, label: str) -> list[Span]:
    """The entities a subject like "both" or "the two" stands for: the ones named earlier in its sentence, or
    if it names none there, in the sentence before, when their number is the subject's ("Mistral put out A and
    B; it claims *both* beat C", "Analysts compare the company with GitHub and say *the two* compete").
    A plural word with no name of its own refers to the few just named; another count leaves it open."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        size = _group_size(subject)
        if size is None:
            continue
        doc, sent = verb.doc, subject.sent
        for span in (doc[sent.start: subject.i], doc[sent.start - 1].sent if sent.start > 0 else None):
            named = _named_before(span, refs, label) if span is not None else []
            if named:
                return named if len(named) == size else []
    return []


def _names_a_title(ent: Span) -> bool:
    """Whether a name modifies a person's title: "Ola founder Bhavish Aggarwal", "Google chief executive Sundar
    Pichai" say where the person works, not that the company is a rival."""
    head = ent.root.head
    return ent.root.dep_ in ("compound", "nmod", "amod") and head.i != ent.root.i and ent.end <= head.i \
        and lemma_word(head) in _person_nouns()


@lru_cache(maxsize=None)
def _person_nouns() -> frozenset[str]:
    """Nouns of a person's role ("founder", "executive", "chief"), from the coreference tables."""
    return frozenset(load_triggers()["coref"]["person_nouns"])


def _titled_rival(word: Token, refs: EntityRefs) -> tuple[Span, Span | None] | None:
    """A rivalry noun used as a title before a name, and the company whose rival it names: "its larger crosstown
    *rival* Samsung Electronics", "Telekom's Swiss *rival* Swisscom" (the name's possessor, a pronoun read by
    coreference); ``None`` when the word modifies no company name."""
    name = refs.ent_containing(word.head)
    if word.dep_ not in ("amod", "compound", "nmod") or name is None or name.label_ != COMPANY \
            or word.head.i != name.root.i or word.i >= name.start:
        return None
    owner = next((refs.entity_for(c) for c in name.root.children if c.dep_ == "poss"), None)
    # "the SK Group affiliate beat ... its rival": a name that only modifies the antecedent description is not it
    if owner is None or owner.label_ != COMPANY or owner.root.dep_ == "compound":
        return name, None
    return name, owner


def _rival_candidates(doc: Doc, refs: EntityRefs, topic: Span | None) -> Iterator[Candidate]:
    conf = _conf(RIVALS_RULE, False)
    for word in tokens_where(doc, "LEMMA", RIVALRY_LEMMAS):
        if word.ent_type_:
            continue
        titled = _titled_rival(word, refs) if lemma_word(word) in RIVAL_NOUNS else None
        if titled is not None:  # "its crosstown rival A": A is the rival of what "its" stands for
            rival, owner = titled
            owner = owner or topic or _clause_subject(word, refs, COMPANY)
            if owner is not None and _name_key(owner) != _name_key(rival):
                yield Candidate(owner, "competes_with", rival, word, RIVALS_RULE, conf)
            continue
        subject = _subject_tokens(word)
        region = [t for t in _rival_region(word) if t.i not in subject]
        # "Microsoft's Azure": the possessor's product is the rival named, not the possessor
        rivals = [r for r in _companies_in(region) if r.root.dep_ != "poss" and not _names_a_title(r)]
        if not rivals and not _companies_in(region) and lemma_word(word) in RIVAL_NOUNS:
            rivals = _rivals_named_next(word)  # "... beside far larger rivals. A, B and C sell ..."
        owner = _owner_of(word, refs)
        if owner is not None:  # the word's own possessor or compound is no rival of itself
            rivals = [r for r in rivals if r.root.i != owner.root.i]
        group = group_subject(word, refs, COMPANY) if word.pos_ == "VERB" else []
        if group:  # "the two now compete (with A)": each of those just named is a rival of the others and of A
            for i, one in enumerate(group):
                for rival in group[i + 1:] + rivals:
                    if _name_key(rival) != _name_key(one):
                        yield Candidate(one, "competes_with", rival, word, RIVALS_RULE, conf)
            continue
        owner = owner or _clause_subject(word, refs, COMPANY)
        if owner is None and not _subject_may_be_topic(word):
            continue
        if owner is not None and any(owner.root.i == r.root.i for r in rivals) and word.dep_ not in ("attr",):
            # "Rivals such as A and B raised ...": the subject is among the rivals; the topic is their rival
            owner = None
        if owner is None:
            owner = topic
        if owner is None:
            continue
        for rival in rivals:
            if _name_key(rival) != _name_key(owner):
                yield Candidate(owner, "competes_with", rival, word, RIVALS_RULE, conf)
    for verb in tokens_where(doc, "LEMMA", BENCHMARK_LEMMAS):
        subject = _clause_subject(verb, refs, MODEL)
        # "Mistral claims both beat A": each model "both" stands for is compared with A
        subjects = [subject] if subject is not None else group_subject(verb, refs, MODEL)
        # the tagger often reads "outperforms" as a noun; a subject makes it the clause's verb
        if not subjects or (verb.pos_ != "VERB" and not any(c.dep_ == "nsubj" for c in verb.children)):
            continue
        region = [t for t in verb.subtree if not any(s.start <= t.i < s.end for s in subjects) and not _verb_between(t, verb)]
        for subject in subjects:
            for rival in _companies_in(region, MODEL):
                if _name_key(rival) != _name_key(subject):
                    yield Candidate(subject, "competes_with", rival, verb, RIVALS_RULE, conf)


def _investee(word: Token, refs: EntityRefs, topic: Span | None, investors: list[Span],
              speaker: Span | None = None) -> Span | None:
    """The company a funding sentence is about: the subject of its raising verb, the company an investor noun
    or round is of ("backers of Lumora", "Kittering's round"), the subject of the sentence's main verb
    ("..., Sorrel AI said"), in an interview the speaker's company when the sentence or the question before it
    speaks of "we", "our" or "you", else the article's topic company."""
    sent = word.sent
    listed = {_name_key(e) for e in investors}
    if speaker is not None and _name_key(speaker) not in listed and _first_person(sent):
        topic = speaker  # "A $22 million Series A in April, led by B" answering "You raised money this spring."
    topic_key = _name_key(topic) if topic is not None else None

    def fits(ent: Span, via_coref: bool) -> bool:
        # a description resolved by coreference ("the company") is trusted only when it is the topic
        # a dateline ("BOSTON, Sept. 16 -- Varrow ... announced") is read as a subject but names a place
        return ent.label_ == COMPANY and _name_key(ent) not in listed and (not via_coref or _name_key(ent) == topic_key) \
            and not _is_dateline(ent)

    # the topic stands in only for a raiser the sentence does not name: named in it, the topic company is
    # something else there ("Quillmark put $5 million into Tessaly as part of a round led by A")
    topic_named = topic_key is not None and any(_name_key(e) == topic_key for e in sent.ents)
    unnamed_topic = topic if topic is not None and topic_key not in listed and not topic_named else None
    for t in sent:
        if t.pos_ == "VERB" and lemma_word(t) in RAISING_LEMMAS:
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            resolved = subjects_of(t, refs)
            found = [e for e, via in resolved if fits(e, via)]
            if found:
                return found[0]
            if any(via and e.label_ == COMPANY for e, via in resolved):
                # "In September it raised $200 million from A and B": a pronoun coreference gives another company
                # than the topic is that company (money8: 15 of 16 such edges right on the read corpora); a
                # description ("the startup raised") is trusted only when it is the topic
                told = [e for e, via in resolved if via and e.label_ == COMPANY and _name_key(e) not in listed]
                if told and all(c.pos_ == "PRON" and c.lower_ in ("it", "they") for c in subjects):
                    return told[0]
                return None
            if subjects and all(_stands_for_topic(c) for c in subjects):
                # "it raised", "the startup closed": the article's dominant company, when it has one
                return unnamed_topic
            if subjects:
                return None  # "which raised", "the trio raised": the raiser is not named here
    valued = _valued_in(sent, refs)
    if valued is not None and _name_key(valued) not in listed:  # "a round led by A that valued X at $19 billion"
        return valued
    earlier = _recent_raiser(sent, refs)
    if earlier is not None and fits(earlier, False):
        return earlier
    for t in sent:
        if lemma_word(t) in _round_words():
            owner = _owner_of(t, refs)
            if owner is None:
                of = [e for e in _companies_in([g for p in t.children if p.lower_ in ("of", "in") for g in p.children])]
                owner = of[0] if of else None
            if owner is not None and _name_key(owner) not in listed:
                return owner
    if lemma_word(sent.root) in REPORTING_LEMMAS:  # "..., Sorrel AI said"
        found = [e for e, via in subjects_of(sent.root, refs) if fits(e, via)]
        if found:
            return found[0]
    return unnamed_topic


REPORTING_LEMMAS = frozenset({"say", "announce", "tell", "confirm", "state"})

#: Words by which an interviewee speaks of the company (or is asked about it): "we raised", "our seed round",
#: "you raised money".
FIRST_PERSON = ("we", "our", "us", "you", "your", "We", "Our", "You", "Your")

def _first_person(sent: Span) -> bool:
    """Whether a sentence, or the two before it (a question and a speaker's tag), speak of "we", "our" or "you"."""
    doc = sent.doc
    before = sent
    for _ in range(2):
        before = doc[before.start - 1].sent if before.start > 0 else before
    return any(t.text in FIRST_PERSON for t in doc[before.start: sent.end])


#: Pronouns that, as the subject of a raise, stand for the company the article is about.
STAND_IN_PRONOUNS = frozenset({"it", "we", "they"})


def _stands_for_topic(subject: Token) -> bool:
    """Whether a raising verb's subject is a pronoun or a company noun ("the startup") rather than a name or
    a relative pronoun ("which raised" is about the noun it hangs on)."""
    if subject.pos_ == "PRON":
        return subject.lower_ in STAND_IN_PRONOUNS
    return subject.pos_ == "NOUN" and lemma_word(subject) in TOPIC_STAND_INS and not subject.ent_type_


def _valued_in(sent: Span, refs: EntityRefs) -> Span | None:
    """The company a funding sentence values: "a round led by A that valued X at $19 billion", "valuing X at"."""
    for t in sent:
        if t.pos_ == "VERB" and lemma_word(t) == "value" and any(c.lower_ == "at" for c in t.children):
            for obj in (c for c in t.children if c.dep_ == "dobj"):
                ent = refs.ent_containing(obj)
                if ent is not None and ent.label_ == COMPANY:
                    return ent
    return None


def funding_topic(doc: Doc) -> Span | None:
    """The company a funding sentence without a named raiser is about: the topic company, or else a
    dominant one, named at least four times and twice as often as any other, and in the first three
    sentences (a headline or a byline often comes before the lede)."""
    topic = topic_company(doc)
    if topic is not None:
        return topic
    companies = [e for e in doc.ents if e.label_ == COMPANY]
    ranked = Counter(_name_key(e) for e in companies).most_common(2)
    if not ranked or ranked[0][1] < 4 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    key = ranked[0][0]
    opening = [s for s, _ in zip(doc.sents, range(3))]
    if not any(_name_key(e) == key for s in opening for e in s.ents if e.label_ == COMPANY):
        return None
    return next(e for e in companies if _name_key(e) == key)


def _recent_raiser(sent: Span, refs: EntityRefs, back: int = 2) -> Span | None:
    """The company that raised money in one of the ``back`` sentences before ``sent`` ("Quenby closed its
    seed round. The financing drew A and B."), the nearest first."""
    doc = sent.doc
    for _ in range(back):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        for t in reversed(sent):
            if t.pos_ == "VERB" and lemma_word(t) in RAISING_LEMMAS and any(lemma_word(c) in _round_words() for c in t.subtree):
                found = [e for e, via in subjects_of(t, refs) if e.label_ == COMPANY and not via]
                if found:
                    return found[0]
    return None


#: Verbs whose objects or subjects, in a funding sentence, are its investors.
INVESTOR_VERBS = frozenset({"include", "draw", "come", "lead", "co-lead", "join", "participate", "back", "invest",
                            "fund", "anchor", "contribute", "return", "put", "pour", "buy"}) | RAISING_LEMMAS

#: Verbs whose lone subject, in a funding sentence, is an investor ("IVP came back to lead a round",
#: "Vision Fund 2 bought shares"); a raising verb's subject is the investee instead.
INVESTING_VERBS = INVESTOR_VERBS - RAISING_LEMMAS - {"include", "draw"}

#: Objects that make a verb of buying or putting a funding statement: "put money in", "bought shares".
STAKE_OBJECTS = frozenset({"money", "share", "stake", "capital", "cash"})

#: Words of a share sale: "the largest software IPO ever, with A and B among the buyers of its shares".
SHARE_SALE_WORDS = ("ipo", "IPO")


def _in_investor_position(ent: Span) -> bool:
    """Whether a listed company stands where a funding sentence names investors: under a round or investor
    word, or as the subject or object of a verb of raising or joining ("drew A and B", "A and B joined",
    "money from A and B"); a verb of another kind ("sells to A and B") or "to" ends the climb."""
    token = ent.root
    token = first_conjunct(token)
    if _among_buyers(token):
        return True
    for _ in range(5):
        head = token.head
        if head.i == token.i or head.lower_ in ("to", "in", "into"):
            return False
        if lemma_word(head) in _round_words():
            return True
        if lemma_word(head) == "value" and head.dep_ in ("relcl", "acl"):
            # "a round led by A that valued X at $19 billion, alongside B and C": the parser hangs the list on
            # the valuation; it belongs to the round the valuation is said of
            token = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            # "A and B were among the investors"
            return (lemma_word(head) in INVESTOR_VERBS or _investing_verb(head) or _among_investors(head)) and _near_round(head)
        token = head
    return False


def _investing_verb(verb: Token) -> bool:
    """A verb whose subject invests: "IVP came back to lead", "Nvidia also took part" (not "took a loss")."""
    if verb.pos_ != "VERB":
        return False
    if lemma_word(verb) == "take":
        return any(c.dep_ == "dobj" and c.lower_ in ("part", "stake", "stakes") for c in verb.children)
    return lemma_word(verb) in INVESTING_VERBS


def _among_investors(verb: Token) -> bool:
    """ "A and B were among the investors": a form of "be" with "among"."""
    return lemma_word(verb) == "be" and any(c.lower_ in ("among", "amongst") for c in verb.children)


def _among_buyers(token: Token) -> bool:
    """ "with A and B among the buyers of its shares": a list set "among" the buyers of shares (the parser
    hangs "among" on the name or on the verb the "with" phrase is on)."""
    holders = [token] + ([token.head.head] if token.dep_ == "pobj" and token.head.lower_ == "with" else [])
    return any(p.lower_ in ("among", "amongst") and any(
        lemma_word(b) == "buyer" and any(lemma_word(t) in STAKE_OBJECTS for t in b.subtree) for b in p.children)
        for h in holders for p in h.children)


def _stake_object(token: Token) -> bool:
    """Whether ``token`` is what an investor puts in or buys: "put money in", "bought shares" (not "bought
    back shares", a company buying its own)."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "of" and lemma_word(verb.head) == "buyer":  # "the buyers of its shares"
        return lemma_word(token) in STAKE_OBJECTS
    return token.dep_ == "dobj" and lemma_word(token) in STAKE_OBJECTS and lemma_word(verb) in ("put", "pour", "buy") \
        and not any(c.dep_ == "prt" and c.lower_ == "back" for c in verb.children)


def _near_round(verb: Token) -> bool:
    """Whether a verb speaks of the round: a round word in its phrase or above it ("a round led by A" but
    not "rivals led by A")."""
    if any(_stake_object(c) for c in verb.children):
        return True
    words = set(_round_words()) | {"ipo"}
    if any(lemma_word(t) in words for t in verb.subtree):
        return True
    # "A $22 million Series A in April, led by B": the round's name is a compound of the word the verb is on
    if any(c.dep_ == "compound" and lemma_word(c) in words for t in verb.ancestors for c in t.children):
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":  # "closed a round led by A, with B joining"
        return any(lemma_word(t) in words for t in verb.head.head.subtree)
    return any(lemma_word(t) in words for t in verb.ancestors)


def _names_a_round(word: Token) -> bool:
    """Whether a round word names a round: "series" only as "Series A" (a TV or game series raises nothing)."""
    if lemma_word(word) != "series":
        return True
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return after is not None and len(after.text) == 1 and after.text.isupper()


def _investor_candidates(doc: Doc, refs: EntityRefs, topic: Span | None) -> Iterator[Candidate]:
    conf, paragraph_conf = _conf(INVESTORS_RULE, False), _conf(PARAGRAPH_RULE, False)
    seen_sents = set()
    speaker = speaker_company(doc) if tokens_where(doc, "LOWER", ("we", "our", "you", "your")) else None
    words = [t for t in tokens_where(doc, "LEMMA", _round_words() + ("money", "share", "stake", "capital", "cash"))
             if lemma_word(t) in _round_words() or _stake_object(t)]
    words += tokens_where(doc, "LOWER", SHARE_SALE_WORDS + ("series",))  # (a proper noun's lemma keeps its capital)
    for word in sorted(words, key=lambda t: t.i):
        sent = word.sent
        if sent.start in seen_sents or word.ent_type_ or word.pos_ not in ("NOUN", "PROPN") or not _names_a_round(word):
            continue
        seen_sents.add(sent.start)
        investors = [e for e in _listed_companies(sent) if _in_investor_position(e)]
        if not investors:
            continue
        investee, rule, confidence = _investee(word, refs, topic, investors, speaker), INVESTORS_RULE, conf
        if investee is None:
            investee, rule, confidence = _paragraph_raiser(sent, refs, investors), PARAGRAPH_RULE, paragraph_conf
        if investee is None:
            continue
        for investor in investors:
            if _name_key(investor) != _name_key(investee):
                yield Candidate(investor, "invests_in", investee, word, rule, confidence)


def _raises_money(verb: Token) -> bool:
    """A verb of raising whose object is money or a round: "raised $400 million", "closed its Series A"."""
    return verb.pos_ == "VERB" and lemma_word(verb) in RAISING_LEMMAS and (
        any(c.dep_ in ("dobj", "obj") and (c.pos_ in ("NUM", "SYM") or c.ent_type_ == "MONEY") for c in verb.children)
        or any(lemma_word(t) in _round_words() for t in verb.subtree))


def _opens_paragraph(sent: Span) -> bool:
    """Whether a sentence is the first of its paragraph (or of the text): a line break stands before it."""
    doc = sent.doc
    if sent.start == 0:
        return True
    before = doc[sent.start - 1]
    return before.is_space or "\n" in before.whitespace_ or "\n\n" in doc[before.sent.start: before.i + 1].text_with_ws[-3:]


def _acts_as_investor(sent: Span, refs: EntityRefs, company: Span) -> bool:
    """Whether ``sent`` makes ``company`` (by name or by "it") the subject of a verb of investing: "It led the
    Series B of a robotics start-up, with B joining" is about the investor's portfolio, not its own round."""
    key = _name_key(company)
    return any(_name_key(e) == key for t in sent if _investing_verb(t) for e, _ in subjects_of(t, refs))


def _paragraph_raiser(sent: Span, refs: EntityRefs, investors: list[Span]) -> Span | None:
    """The company a funding sentence with no raiser the fallback trusts is about, read off the sentence just
    before it in its paragraph: the company that raised money there ("X raised $400 million at a $2.4 billion
    valuation. A, B and C were among the investors."), else the subject of that sentence's main verb
    ("Tokyo-based X is the best-funded of them. In September it raised $200 million from A, the three megabanks
    B, C and D, ..."), unless that verb is one of investing ("A led the round. B also took part.") or the
    sentence makes the company an investor itself. Paragraph-bound: a roundup's next paragraph is another
    company's (money8)."""
    if _opens_paragraph(sent):
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent
    listed = {_name_key(e) for e in investors}
    found = [e for t in before if _raises_money(t) for e, _ in subjects_of(t, refs) if e.label_ == COMPANY]
    if not found and not _investing_verb(before.root):
        found = [e for e, via in subjects_of(before.root, refs) if e.label_ == COMPANY and not via]
    found = [e for e in found if _name_key(e) not in listed and not _is_dateline(e)]
    if not found or _acts_as_investor(sent, refs, found[0]):
        return None
    return found[0]


def _rounds_told(sent: Span) -> int:
    """How many rounds a sentence names: its round nouns that head their phrase ("a Series A *round*" is one)."""
    nouns = set(load_deal_triggers()["rounds"]["round_nouns"])
    return sum(1 for t in sent if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and lemma_word(t).lower() in nouns)


def _takes_part_in_other(ent: Span) -> bool:
    """ "B and C also took part *in a trade fair*": the verb ``ent`` is the subject of joins something that is no
    round (a round word, or "which"/"it" standing for one, is)."""
    token = ent.root
    token = first_conjunct(token)
    if token.dep_ != "nsubj":
        return False
    targets = [o for p in token.head.children if p.dep_ == "prep" and p.lower_ in ("in", "into") for o in p.children
               if o.dep_ == "pobj"]
    return any(lemma_word(o).lower() not in _round_words() and o.tag_ not in ("WDT", "WP", "PRP") for o in targets)


def round_sentence_investors(word: Token, refs: EntityRefs, investee: Span) -> list[Span]:
    """The companies this fallback reads as investors of the funding sentence of ``word`` (a round's trigger), when
    it reads that sentence as about ``investee`` (the round's raiser) or about no company at all: the investors a
    round's deal may still lack ("from A, the three megabanks B, C and D, and venture firms E and F"; "a round led by
    A, in which B, C and D also took part")."""
    sent = word.sent
    if _is_dateline(investee) or _rounds_told(sent) != 1:
        return []  # "a seed round led by A, then a round led by B": whose round each name is, only the slots say
    investors = [e for e in _listed_companies(sent) if _in_investor_position(e) and not _takes_part_in_other(e)]
    key = _name_key(investee)
    investors = [e for e in investors if _name_key(e) != key]
    if not investors:
        return []
    doc = word.doc
    speaker = speaker_company(doc) if tokens_where(doc, "LOWER", ("we", "our", "you", "your")) else None
    read = _investee(word, refs, funding_topic(doc), investors, speaker) or _paragraph_raiser(sent, refs, investors)
    return investors if read is None or _name_key(read) == key else []


def frame_investee(word: Token, refs: EntityRefs, investors: list[Span]) -> Span | None:
    """The company the fallback reads a funding sentence as about (:func:`_investee`), for a round the deal
    rules read with investors and no raiser."""
    doc = word.doc
    speaker = speaker_company(doc) if tokens_where(doc, "LOWER", ("we", "our", "you", "your")) else None
    return _investee(word, refs, funding_topic(doc), investors, speaker)


def _listed_companies(sent: Span) -> list[Span]:
    """The companies of a sentence that stand in a coordinated list of two or more names, or after
    "by"/"from"/"include"/"such as" (the investors of a round)."""
    out = []
    for ent in sent.ents:
        if ent.label_ != COMPANY:
            continue
        root = ent.root
        coordinated = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
        introduced = root.dep_ == "pobj" and root.head.lower_ in ("by", "from", "as", "including", "among", "alongside") or \
            root.dep_ == "dobj" and lemma_word(root.head) in ("include", "lead", "join")
        # "with B joining" read as a noun phrase: B is a modifier of "joining"
        introduced = introduced or root.dep_ == "compound" and root.head.lower_ in ("joining", "participating") \
            and root.head.head.lower_ == "with"
        # "IVP came back to lead a round", "with Investinor joining": the lone subject of a verb of investing
        acting = root.dep_ == "nsubj" and (_investing_verb(root.head) or _among_investors(root.head))
        if coordinated or introduced or acting or _among_buyers(root):
            out.append(ent)
    return out


def related_pairs(existing: Iterable[Candidate]) -> set[tuple[int, frozenset[str]]]:
    """(sentence start, pair of name keys) of every edge the other rules gave: the pairs a fallback leaves alone."""
    return {(c.trigger.sent.start, frozenset((_name_key(c.source), _name_key(c.target)))) for c in existing}


def _other_parties(existing: Iterable[Candidate]) -> set[tuple[int, str]]:
    """(sentence start, name key) of every company another rule made a deal's other party in a sentence."""
    return {(c.trigger.sent.start, _name_key(end)) for c in existing if c.relation in OTHER_PARTY_RELATIONS
            for end in (c.source, c.target)}


def _group_pair(c: Candidate, refs: EntityRefs) -> bool:
    """Whether both ends of a rival edge are what the rivalry verb's subject "the two" stands for: a deal
    told of one of them in passing ("GitHub, which Microsoft bought") leaves them rivals."""
    keys = {_name_key(e) for e in group_subject(c.trigger, refs, c.source.label_)}
    return _name_key(c.source) in keys and _name_key(c.target) in keys


@code_rule
def frame_relations(doc: Doc, refs: EntityRefs, existing: Iterable[Candidate] = ()) -> Iterator[Candidate]:
    """invests_in and competes_with read off a sentence's frame, for pairs no other rule related there."""
    existing = list(existing)
    related, parties = related_pairs(existing), _other_parties(existing)
    topic = topic_company(doc)
    for c in _investor_candidates(doc, refs, funding_topic(doc)):
        if (c.trigger.sent.start, frozenset((_name_key(c.source), _name_key(c.target)))) not in related:
            yield c
    for c in _rival_candidates(doc, refs, topic):
        sent = c.trigger.sent.start
        if (sent, frozenset((_name_key(c.source), _name_key(c.target)))) in related:
            continue
        if (sent, _name_key(c.target)) in parties and not _group_pair(c, refs):
            continue  # never an investor, customer or partner of the same sentence
        yield c


def _named_as_investor(ent: Span) -> bool:
    """Whether a sentence names ``ent`` as an investor by an investor noun it stands beside: "existing investors
    *Pellmar Ventures* and Harwick Seed", "new investor *Harwick Seed*" (apposition or compound, not "investors
    in X")."""
    root = ent.root
    root = first_conjunct(root)
    members = set(load_deal_triggers()["rounds"]["member_nouns"])
    if root.dep_ == "appos" and lemma_word(root.head) in members:
        return True
    return any(c.dep_ in ("compound", "amod", "nmod") and lemma_word(c) in members for c in ent.root.children) or \
        any(lemma_word(t) in members for t in ent if t.i != ent.root.i)


def co_investor(c: Candidate) -> bool:
    """An invests_in edge whose target the same sentence names as an investor ("New investors A and B also
    participated, as did existing investors C and D, which co-led the company's seed round"): co-investors read
    as investing in each other."""
    return c.relation == "invests_in" and c.target.sent.start == c.trigger.sent.start and _named_as_investor(c.target)
