"""Every investor a funding round names, however the news lists them (issue 12).

A round's frame (:mod:`extract.deals.frames`) reads the lead investor from the slots of its trigger
("a round *led by* A", "A *led* the round"). News names the other investors in a handful of shapes
that recur across wire copy, press releases and trade blogs; each is a registered rule of
``data/patterns/rounds.json`` and reads its words from the ``rounds`` table of
``data/lexicon/deal_triggers.json``:

- ``round.members``: a verb whose subject is the round lists investors, in the round's own clause
  or a relative clause on it: "The round was led by A *and included* B, C and D", "A led the round,
  *which also drew* B and C", "the financing *brought in* B", "*Investors in the round include* A, B".
- ``round.among``: "A and B were *among the investors in* X's $300 million round".
- ``round.with``: a "with" phrase on the round's verb or noun: "led a $1 billion investment in X,
  *with B and C joining*", "was led by A, *with participation from* B and C".
- ``round.later``: the sentences after a round speak of it as "the round", "the financing" or
  "the investment" ("*The round* was led by A and included B"), or name its other investors
  ("*Other investors include* B", "Existing backers B and C *also participated*"), until a
  sentence names another round.
- ``round.standing``: an investor noun of a company that lists them, with no round: "*X's investors
  include* A, B and C", "A and B are *among X's backers*". That is how things stand, not a dated
  deal: the deal stays out of the graph, its ``invests_in`` edges go in (see
  :func:`extract.deals.find.deal_relations`).
- ``round.hyphen_backed``: "*Microsoft-backed* OpenAI", "Quillon, a *Torvane-funded* startup" (standing too).
- ``round.earlier_raiser``: a round told with its investors only, in a sentence that names no other
  company, after a company's raise: "The round values X at $410 million. That includes *a $9 million
  seed round led by B* last year." The one company that raised a round in the sentences before raised it.
- ``round.also_after``: a participation clause after the round in its own sentence, saying "also":
  "X raised $6.6 billion in a round led by A; *B, C and D also took part*", "..., and B and C also participated".
- ``round.founders``: a round its founders raised ("*The trio* raised a seed round led by B", "*She* raised
  $20 million from B"), with no company for raiser: the one company the sentence or the few before say
  was founded ("X was founded in 2023 by A, B and C").
- ``round.closing_noun``: a press release tells the round through the noun of its closing: "X today
  announced *the close of* a $120 million Series B round led by A" (X raised it).
- ``round.group``: the money came from a group that lists its investors: "raised $675 million *from a group
  that included* B, C and D", "from a consortium of investors including B".
- ``round.joined_by``: "a round led by A *and joined by* B and C" (the parser coordinates the participle
  with the round's verb).
- ``round.relative_list``: "Earlier backers include A, B and C, *which took part in* a $270 million round":
  the relative clause on the list's last name is said of the whole list (a round of its own: a sentence
  that introduces another round gives nothing to the round before it).
- ``round.owner_of_round``: "an investment by A *in X's Series A*": X is the investee.
- ``round.reported_by_raiser``: "The $25 million Series A was co-led by A and B, *X said*": the company that
  reports a round naming no raiser, and none of its investors, raised it.
- ``round.valued_investee``: "A returned a year later for a round led by B *that valued X* at $19 billion,
  alongside C": the round's own valuation names its investee, whatever its clause hangs on (money6).
- ``round.investor_not_investee``: "existing investors *C and D*, which co-led *the company's* seed round": an
  investee read through a description that its sentence names as an investor is the dominant company.
- ``round.frame_investee``: a round with investors and no raiser after every reading above gets the investee
  the investor fallback reads its sentence as about (:func:`extract.relations.fallback_frames.frame_investee`):
  "A $22 million Series A in April, led by B, with C joining" answering "You raised money this spring."
- ``round.sentence_investors``: a round's deal with an investee also takes the companies the investor fallback
  reads as investors of its sentence (:func:`extract.relations.fallback_frames.round_sentence_investors`), when the
  fallback reads the sentence as about that investee or about no company and the sentence tells one round: lists
  no reading above knows ("raised $200 million from A, *the three megabanks B, C and D, and venture firms E and F*",
  "a round led by A, *in which B, C and D also took part*") (money8).

Later sentences also count investors who "returned" ("Existing investors A and B returned"), lists whose
subjects "all took part" after a clause of their own, and whom new investors "joined in the round" ("New
investors B and C joined existing investors D and E in the round"); a round's own sentence counts those who
"joined it" after it ("A second round ..., led by A, valued X at $32 billion; B and C joined it"). A lead
"joined by" others ("A led the investment, joined by B and C") and a lead coordinated with the round's
relative clause ("a round that also included B and was led by A") name investors too. A description that coreference resolves to a company
the text names as an investor ("led by A. The financing values *the company* at $6bn") is never the
round's raiser. A title line that tells some of a round's companies ("X raises €600m") is the round the body
tells in full (:func:`retold_in_body`), and an amount in another currency glossed in dollars ("€600 million
(about $640m)") is recorded in dollars (:mod:`extract.deals.amounts`).

Every company so named becomes an investor of the round's deal; people, products and anything
else not typed a company are never parties. A round's clause also names its investee when a
relative clause values it ("the financing, which values X at $4 billion").

The single entry point, :func:`round_investors`, is called by ``extract.deals.frames._frames`` on
every frame before it is yielded; it leaves frames other than investments alone.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from . import frames as _frames  # (frames calls round_investors; its helpers are read at call time)
from ..entities import mention_key
from ..modality import deal_modality
from ..rules import code_rule
from ..rules import confidence as rule_confidence
from .parties import (
    CONFIDENCE_STATE_NOUN,
    STANDING_MARK,
    _conjuncts,
    _lemma,
    _party_key,
    _pobjs,
    _word,
    load_triggers,
)

MEMBERS_RULE, AMONG_RULE, WITH_RULE = "round.members", "round.among", "round.with"
LATER_RULE, STANDING_RULE, BACKED_RULE = "round.later", "round.standing", "round.hyphen_backed"
EARLIER_RULE = "round.earlier_raiser"
CLOSING_RULE, AFTER_RULE, FOUNDERS_RULE = "round.closing_noun", "round.also_after", "round.founders"
GROUP_RULE, JOINED_BY_RULE, RELATIVE_RULE = "round.group", "round.joined_by", "round.relative_list"
ROUND_OWNER_RULE, REPORTED_RULE = "round.owner_of_round", "round.reported_by_raiser"
VALUED_RULE, TOPIC_RULE = "round.valued_investee", "round.investor_not_investee"
FALLBACK_RULE = "round.frame_investee"
LEAD_RULE = "round.lead_not_raiser"
COLON_RULE = "round.colon_list"
SENTENCE_RULE = "round.sentence_investors"
IN_WHICH_RULE = "round.in_which"

#: How many sentences after a round may still speak of it as "the round".
LATER_WINDOW = 3

#: Determiners that make a round noun mean a round already named ("the round", "this financing").
_DEFINITE = frozenset({"the", "this", "that"})

#: Determiners of a round being introduced: a sentence with one names another round.
_INDEFINITE = frozenset({"a", "an", "another"})


@lru_cache(maxsize=None)
def _table() -> dict:
    return load_triggers()["rounds"]


@lru_cache(maxsize=None)
def _set(key: str) -> frozenset[str]:
    return frozenset(_table()[key])


def _is_member_verb(verb: Token) -> bool:
    """A verb that lists a round's investors as its objects ("included", "drew", "brought in")."""
    particle = _table()["member_verbs"].get(_lemma(verb))
    if particle is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    return not particle or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def _is_round_noun(token: Token) -> bool:
    """A noun that names one round: "round", "financing", "tranche", or a lettered round ("Series B")."""
    return token.pos_ in ("NOUN", "PROPN") and _word(token) in _set("round_nouns") or _frames.is_series_name(token)


def _is_member_noun(token: Token) -> bool:
    """An investor noun: "investors", "backers", "participants" (not inside a name)."""
    return token.pos_ == "NOUN" and _lemma(token) in _set("member_nouns")


def _stated(verb: Token) -> bool:
    """Whether a verb that lists investors states it ("did not include B", "could draw B" do not)."""
    return deal_modality(verb) is None


def _subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``, or of the verb it is coordinated with when it has none of its own."""
    for token in (verb, verb.head if verb.dep_ == "conj" else None):
        if token is None:
            break
        found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return found
    return []


def _objects(verb: Token) -> list[Token]:
    """What a member verb lists: its objects, the companies of a participation noun among them
    ("saw participation from B and C") and the examples of an investor noun ("drew investors such as B")."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj", "attr", "oprd"):
            out.append(c)
            if _lemma(c) in _set("participation_nouns"):
                out += [o for p in c.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of") for o in _pobjs(p)]
            if _is_member_noun(c):
                out += _examples_of(c)
    return out


def _examples_of(noun: Token) -> list[Token]:
    """The names an investor noun gives as examples: "investors *including* B", "backers *such as* B",
    "investors *like* B"."""
    return [o for p in noun.children if p.dep_ == "prep" and (
        p.lower_ in ("including", "like") or p.lower_ == "as" and any(g.lower_ == "such" for g in p.children)
        or p.lower_ == "as" and p.i > 0 and p.doc[p.i - 1].lower_ == "such") for o in _pobjs(p)]


# -- same-sentence readers: each returns the tokens that name investors ----------------------------

def _group_members(noun: Token) -> list[Token]:
    """The investors a group a round's money came from lists: "from backers *like* B and C", "from a group
    *that included* B and C", "from a consortium of investors *including* B", "from a syndicate *that was
    led by* B" (money5). Empty for a noun that is no investor noun or group of investors."""
    nouns = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in _pobjs(p)]
    if not any(_is_member_noun(n) or n.pos_ == "NOUN" and _lemma(n) in _set("group_nouns") for n in nouns):
        return []
    out: list[Token] = []
    for n in nouns:
        out += _examples_of(n)
        for clause in (c for c in n.children if c.dep_ == "relcl"):
            relative = any(s.tag_ in ("WDT", "WP") for s in _subjects(clause))
            if relative and _is_member_verb(clause) and _stated(clause):
                out += _objects(clause)  # "a group that included B"
            if _lemma(clause) in ("lead", "co-lead") and _stated(clause):
                out += _agents_of(clause)  # "a group that was led by B"
        out += [a for c in n.children if c.dep_ == "acl" and _lemma(c) in ("lead", "co-lead") for a in _agents_of(c)]
    return out


def _colon_list(trigger: Token) -> list[Token]:
    """ "raised $675 million *from a list* that reads like a directory of the industry*: A, B, C* and D": the
    names after a colon spell out the group or list of investors the money came from, in front of the colon
    (the parser hangs them anywhere) (rounds12). The list ends at a semicolon or the sentence's end."""
    sent = trigger.sent
    colon = next((t for t in sent if t.text == ":" and t.i > trigger.i), None)
    if colon is None:
        return []
    sources = [t for t in sent if t.i < colon.i and t.dep_ == "pobj" and t.head.lower_ == "from" and t.pos_ == "NOUN"
               and (_is_member_noun(t) or _lemma(t) in _set("group_nouns") | _set("list_nouns"))]
    # (the source is the round's own: "raised ... from", or the members' noun "joined by a roster of backers")
    if not sources or any(t.pos_ == "VERB" and t.i > colon.i for t in sent):
        return []
    out: list[Token] = []
    for token in sent[colon.i + 1 - sent.start:]:
        if token.text == ";":
            break
        if token.ent_type_ and token.ent_iob_ == "B":
            out.append(token)
    return out


def _members_of(round_: Token) -> list[Token]:
    """ "The round ... included B", "the round, which also drew B", "a round that was led by A and
    also included B", "the financing brought in B": objects of member verbs whose subject is the round
    (itself, through coordination or through a relative pronoun)."""
    clauses = [c for c in round_.children if c.dep_ in ("relcl", "acl")]
    # "the round in X, which also drew B": the parser hangs the relative clause on the company
    clauses += [r for p in round_.children if p.dep_ == "prep" for o in _pobjs(p) for r in o.children
                if r.dep_ == "relcl" and r.i > round_.i]
    if round_.dep_ in ("nsubj", "nsubjpass"):
        clauses.append(_governor(round_))
    verbs = []
    for clause in clauses:
        verbs += [v for v in (clause, *[c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")])
                  if _is_member_verb(v) and (v is clause or not _subjects_own(v))]
    return [o for verb in verbs if _stated(verb) for o in _objects(verb)]


def _coordinated_leads(round_: Token) -> list[Token]:
    """ "a round that also included B and C *and was led by A*": the agents of a lead verb coordinated with the
    round's relative clause (the clause's own lead is the frame's slot) (money5)."""
    clauses = [c for c in round_.children if c.dep_ in ("relcl", "acl")]
    return [a for clause in clauses for v in clause.children
            if v.dep_ == "conj" and _lemma(v) in ("lead", "co-lead") and _stated(v) for a in _agents_of(v)]


def _governor(token: Token) -> Token:
    """The verb over ``token``, past auxiliaries the parser made its head ("The round was co-led by":
    "round" may hang on "was", which hangs on "co", which hangs on "led")."""
    head = token.head
    for _ in range(3):
        if head.dep_ in ("aux", "auxpass") and head.head is not head:
            head = head.head
    return head


def _subjects_own(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _investor_nouns_of(round_: Token) -> list[Token]:
    """Investor nouns that speak of the round: "investors *in* the round", "participants in X's round"."""
    head = round_.head
    if round_.dep_ == "pobj" and head.lower_ in ("in", "of", "behind") and _is_member_noun(head.head):
        return [head.head]
    return []


def _listed_by_investor_noun(noun: Token) -> tuple[list[Token], str | None]:
    """The investors an investor noun lists, and the rule that reads them:
    "*investors* in the round include A, B" (members), "A and B were *among* the investors" (among),
    "X counts A *among* its investors" (among: the verb's object), "the investors, *including* A"."""
    out: list[Token] = []
    rule = None
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and _is_member_verb(verb) or \
            noun.dep_ == "nsubj" and _lemma(verb) == "be" and verb.pos_ == "AUX":
        # "Investors in the round include A and B", "Investors in the round were A and B"
        if _stated(verb):
            out += _objects(verb)
            rule = MEMBERS_RULE
    elif noun.dep_ == "pobj" and verb.lower_ in _set("among_preps"):
        holder = verb.head
        if holder.pos_ in ("VERB", "AUX") and _stated(holder):
            objects = [c for c in holder.children if c.dep_ in ("dobj", "obj")]
            # "X counts A among its investors": the object; "A and B were among the investors": the subject
            out += objects or _subjects(holder)
            rule = AMONG_RULE
        elif holder.dep_ == "appos" or holder.pos_ in ("NOUN", "PROPN"):
            out.append(holder)  # "Microsoft, among the investors in the round, ..."
            rule = AMONG_RULE
    elif noun.dep_ == "attr" and verb.pos_ == "AUX" and _lemma(verb) == "be" and _stated(verb):
        out += _subjects(verb)  # "A and B were the lead investors in the round"
        rule = AMONG_RULE
    examples = _examples_of(noun)
    if examples:
        out += examples  # "Quillon's backers, such as B and C, ..."
        rule = rule or MEMBERS_RULE
    leaders = [a for c in noun.children if c.dep_ == "acl" and _lemma(c) in ("lead", "co-lead") for a in _agents_of(c)]
    if leaders:
        out += leaders  # "X's investors, *led by* A, were bought out": A is one of them
        rule = rule or MEMBERS_RULE
    return out, rule


def _with_phrase(holder: Token) -> tuple[list[Token], bool]:
    """Companies of a "with" phrase that says they take part: "with participation from B and C",
    "with backing from B" (stated), "with B and C joining" (a participle: a loose reading).
    Returns the tokens and whether the reading is loose."""
    participles = load_triggers()["participation_verbs"]
    out: list[Token] = []
    loose = False
    # (not on "raised": "X raised $5M alongside rival Y" may be two raises)
    beside = holder.pos_ in ("NOUN", "PROPN") or _lemma(holder) in _set("lead_verbs")
    for prep in (c for c in holder.children if beside and c.dep_ == "prep" and c.lower_ in ("alongside", "along")):
        # "led the round alongside B and C", "along with B": who else put money in
        inner = [g for g in prep.children if g.dep_ == "prep" and g.lower_ == "with"] if prep.lower_ == "along" else [prep]
        out += [o for p in inner for o in _pobjs(p)]
    withs = [c for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"]
    # "with participation from A and returning investor B": the parser may hang "returning" on the verb
    out += [n for c in holder.children if c.dep_ in ("advcl", "conj") and any(w.i < c.i for w in withs)
            for n in _returning_investors(c, participles)]
    if any(_is_member_noun(o) for w in withs for o in _pobjs(w)):
        # "with existing investors [B and C also participating]": the parser made the names the subject of a
        # participle coordinated with the verb (a loose reading)
        joined = [s for c in holder.children if c.dep_ in ("advcl", "conj") and any(w.i < c.i for w in withs)
                  and _is_participle(c, participles) for s in c.children if s.dep_ == "nsubj"]
        loose = loose or bool(joined)
        out += joined
    for prep in withs:
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        for obj in objects:
            out += _returning_investors(obj, participles)
            if _lemma(obj) in _set("participation_nouns") and obj.pos_ == "NOUN":
                out += [o for p in obj.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of") for o in _pobjs(p)]
                continue
            listed = _conjuncts(obj)
            joining = [t for t in listed if _is_participle(t, participles)]
            joining += [c for t in listed for c in t.children if c.dep_ in ("acl", "relcl") and _is_participle(c, participles)]
            if not joining:
                continue  # "a round with Sequoia" says not who took part
            loose = True
            out += [t for t in listed if t not in joining]
            out += [c for t in joining for c in t.children
                    if c.dep_ in ("compound", "nsubj", "poss", "amod", "npadvmod") and c.i < t.i]
    return out, loose


def _led_with(participle: Token) -> list[Token]:
    """ "a round led by A *with B and C*": a bare "with" on the lead, said of a round, names those who
    put money in beside the lead (n=3 over 3 documents, 3 corpora, every one a co-investor). The parser
    hangs it on the participle or on the lead's name; "with participation from B", "with B joining" are
    :func:`_with_phrase`'s."""
    if participle.pos_ != "VERB" or participle.tag_ != "VBN" or _lemma(participle) not in ("lead", "co-lead", "colead"):
        return []
    holders = [participle] + _agents_of(participle)
    return [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in _pobjs(p) if o.pos_ == "PROPN"]


def _takes_other_object(participle: Token) -> bool:
    """Whether a participle of joining has an object or a prepositional phrase that is no round ("joining *the
    board*", "investing *in its rival*"), not "joining (the round)"."""
    for c in participle.children:
        if c.dep_ in ("dobj", "obj", "attr") and not _is_round_noun(c):
            return True
        if c.dep_ == "prep" and not any(_is_round_noun(o) for o in _pobjs(c)):
            return True
    return False


def _joined_by(holders: list[Token], dep: str = "conj") -> list[Token]:
    """ "raised $120 million in a round led by A *and joined by* B and C", "A led the investment, *joined by*
    B and C": a passive participle of joining or backing with no subject of its own, coordinated with or
    hung on the round's verb or lead participle (the parser does either), has the round's other investors
    for agents (money5)."""
    heads = set(holders)
    heads |= {h.head.head for h in holders if h.dep_ == "pobj" and h.head.dep_ == "prep"}  # "raised $5M in a round"
    return [a for head in heads for c in head.children
            if c.dep_ == dep and c.tag_ == "VBN" and _invests(c) and _lemma(c) not in ("lead", "co-lead")
            and not _subjects_own(c) and _stated(c) for a in _agents_of(c)]


def _reporting_raiser(round_: Token) -> Token | None:
    """ "The $25 million Series A was co-led by A and B, *X said*": the company that reports a round its clause
    names no raiser of is the one that raised it (wire copy, money5). The subject of the reporting verb the
    round's clause is the complement of."""
    clause = round_.head
    for _ in range(4):
        if clause.dep_ in ("ccomp", "parataxis") and _lemma(clause.head) in _set("reporting_verbs"):
            return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if clause.head is clause:
            return None
        clause = clause.head
    return None


def _absolute_participant(token: Token) -> bool:
    """Whether ``token`` names who takes part in an absolute "with" phrase of joining: "with *B* (also) joining",
    "with *B* and *C* also investing" (the participle a verb or, as the parser often has it, a noun), whose
    participle speaks of nothing else ("with B joining *the board*" may)."""
    participles = load_triggers()["participation_verbs"]
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    participle = head.head
    if not _is_participle(participle, participles) or _takes_other_object(participle):
        return False
    return participle.dep_ in ("pobj", "pcomp") and participle.head.lower_ == "with"


def _firm_absolutes(frame) -> None:
    """An absolute "with B (also) joining / investing / participating" on a round is the round's own list of
    investors, a firm reading (n=10 over 8 corpora, every one a round's investors), not the loose parse
    :func:`extract.deals.frames._drop_loose` drops beside a description resolved by coreference (rounds12)."""
    loose = frame.parties.loose
    firm = {k for k in loose if k in frame.parties.refs_of and _absolute_participant(frame.parties.refs_of[k])}
    if not firm:
        return
    # (the reading is this rule's only where it keeps what the drop would lose: beside a resolved description)
    dropped = any(via for k, (_, _, via) in frame.parties.roles.items() if k not in loose)
    loose.difference_update(firm)
    if dropped:
        _mark(frame, WITH_RULE)


def _relative_list(round_: Token) -> list[Token]:
    """ "Earlier backers include A, B and C, *which took part in* a $270 million round": a relative clause of
    taking part in (or leading, joining) a round, on the last name of a list, is said of the whole list: the
    first name of the list, whose conjuncts :meth:`Parties.add` reads (money5)."""
    verb = round_.head.head if round_.dep_ == "pobj" and round_.head.dep_ == "prep" else round_.head
    if round_.dep_ not in ("pobj", "dobj") or verb.dep_ != "relcl" or not _invests(verb) or not _stated(verb) \
            or not any(s.tag_ in ("WDT", "WP") for s in _subjects(verb)):
        return []
    first = verb.head
    while first.dep_ in ("conj", "nmod") and first.head.pos_ == "PROPN" and first.head is not first:
        first = first.head  # (the parser may hang a middle name on the last as a name modifier)
    return [first] if first is not verb.head else []


def _in_which_participants(round_: Token) -> list[Token]:
    """ "Cruise raised $2 billion in a round *in which* Microsoft, Walmart and Honda all took part", "a $221
    million round in which Nvidia also took part": the subjects of a relative clause of taking part in (joining,
    investing in) the round, which the clause names with "in which", are its investors (deals14)."""
    participles = load_triggers()["participation_verbs"]
    out = []
    for clause in round_.children:
        if clause.dep_ != "relcl" or _lemma(clause) not in participles or not _stated(clause):
            continue
        particle = participles[_lemma(clause)]
        if particle and not any(c.lower_ == particle for c in clause.children):
            continue  # "take" only in "take part"
        if not any(p.dep_ == "prep" and p.lower_ in ("in", "into") and any(o.tag_ in ("WDT", "WP") for o in p.children)
                   for p in clause.children):
            continue  # "the round, which Nvidia joined" is read by the member verbs; "in which" names the round
        out += [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass") and s.tag_ not in ("WDT", "WP", "PRP")]
    return out


def _returning_investors(token: Token, participles) -> list[Token]:
    """ "with participation from A *and returning investors B and C*", "with *existing investors B and C also
    participating*": the parser reads "returning"/"existing" as a verb whose object (or whose participle's
    subject) is the names an investor noun gives (money5)."""
    if token.tag_ != "VBG" or _lemma(token) not in _set("return_verbs") and _lemma(token) != "exist":
        return []
    if not any(_is_member_noun(t) for t in token.subtree):
        return []  # ("returning to the market", "existing customers")
    named = [o for o in token.children if o.dep_ in ("dobj", "obj", "nsubj") and o.pos_ == "PROPN"]
    named += [subject for clause in token.children if clause.dep_ in ("ccomp", "xcomp", "advcl") and _is_participle(clause, participles)
              for subject in clause.children if subject.dep_ == "nsubj"]
    return named


def _is_participle(token: Token, verbs) -> bool:
    """ "joining", "participating", "investing" (the parser may tag them nouns)."""
    word = token.lower_
    if not word.endswith("ing"):
        return False
    stem = word[:-3]
    return _lemma(token) in verbs or stem in verbs or stem + "e" in verbs or \
        (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def _lead_participles(round_: Token) -> list[Token]:
    """The participles under a round that name its lead ("led by A", "co-led by A and B"), and
    those the parser hung on the round's verb ("closed a round, led by A")."""
    acl = load_triggers()["nouns"]["round"]["acl"]
    out = [c for c in round_.children if c.dep_ in ("acl", "relcl") and _lemma(c) in acl]
    verb = round_.head if round_.dep_ in ("dobj", "pobj", "nsubjpass", "attr") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is not None:
        out += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and _lemma(c) in acl]
    return out


def _agents_of(verb: Token) -> list[Token]:
    return [o for c in verb.children if c.dep_ == "agent" for o in _pobjs(c)]


def _verb_investors(round_: Token) -> list[Token]:
    """Who leads or joins a round named as a verb's object or passive subject, in a later sentence:
    "A *led* the round", "*The round was led by* A", "B *participated in* the round"."""
    head = _governor(round_)
    if round_.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "into"):
        head = head.head
    elif round_.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return []
    if head.pos_ not in ("VERB", "AUX") or _lemma(head) not in _set("lead_verbs") or not _stated(head):
        return []
    if round_.dep_ in ("nsubjpass", "nsubj"):
        return _agents_of(head)  # "The round was (co-)led by A" (the parser may call "round" nsubj)
    # "Also participating in the round were A and B": the parser hangs the names on "were"
    leads = _subjects(head) or [c for aux in head.children if aux.dep_ in ("aux", "auxpass")
                                for c in aux.children if c.dep_ in ("attr", "nsubj")]
    return leads + _joined_by([head], "advcl")  # "A led the investment, joined by B and C"


# -- the round's investee from a valuation ----------------------------------------------------------

def _acts_as_investor(span: Span) -> bool:
    """Whether the text names a company as one who puts money in: the subject or by-agent of a lead or
    participation verb, or a conjunct of one ("led by A", "B, C and D all took part")."""
    token = span.root
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return _invests(token.head.head)
    # (a subject, or the list a quantifier subject sums up: "B and C, ..., all took part")
    return any(_invests(verb) and token in [_quantified(s) for s in _subjects(verb)]
               for verb in token.sent if verb.pos_ == "VERB")


def _acts_as_investor_token(frame, token: Token) -> bool:
    found = frame.parties.company(token)
    return found is None or any(_party_key(found[0]) == _party_key(span) for span, role, _ in frame.parties.roles.values())


def _invests(verb: Token) -> bool:
    return _lemma(verb) in _set("lead_verbs") or _lemma(verb) in load_triggers()["participation_verbs"]


def _description_of_investor(frame, token: Token) -> bool:
    """ "General Catalyst led the round. The financing values *the year-old company* at €6bn": a
    description ("the company") that coreference resolves to a company the text names as an investor
    is not the round's raiser; the raiser is told elsewhere."""
    if token.pos_ == "PROPN":
        return False
    found = frame.parties.company(token)
    return found is not None and found[1] and _acts_as_investor(found[0])


def _valued_company(round_: Token) -> list[Token]:
    """ "The financing, which values X at $4 billion": X raised the round; so did the company "valued at
    $300 billion *after* (or *in*, *following*) a round led by B" ("X, valued at ...", "X was valued at ...")."""
    verbs = [c for c in round_.children if c.dep_ in ("relcl", "acl")]
    if round_.dep_ == "nsubj":
        verbs.append(round_.head)
    out = [o for v in verbs if _lemma(v) in _set("value_verbs") for o in v.children if o.dep_ in ("dobj", "obj")]
    prep = round_.head
    if round_.dep_ == "pobj" and prep.lower_ in ("after", "in", "following", "through") and \
            _lemma(prep.head) in _set("value_verbs") and prep.head.tag_ == "VBN":
        valued = prep.head
        out += [valued.head] if valued.dep_ == "acl" else [c for c in valued.children if c.dep_ == "nsubjpass"]
    return out


def _valued_instead(frame, round_: Token) -> bool:
    """ "A returned a year later for a round led by B that valued X at $19 billion": the round's own valuation
    names its investee, whatever the frame took from the clause it hangs on (A, the subject of "returned",
    invests again; another subject is dropped). Returns whether the investee changed."""
    valued = [found for t in _valued_company(round_) for found in [frame.parties.company(t)] if found is not None]
    roles = frame.parties.roles
    investees = [k for k, (_, role, _) in roles.items() if role == "investee"]
    if not valued or not investees or any(_party_key(roles[k][0]) == _party_key(valued[0][0]) for k in investees):
        return False
    verb = _governor(round_.head if round_.dep_ == "pobj" else round_)  # "returned ... for a round"
    for key in investees:
        span, _, via = roles.pop(key)
        token = frame.parties.refs_of.pop(key, None)
        if token is not None and token.dep_ == "nsubj" and token.head.i == verb.i and \
                _lemma(verb) in _set("return_verbs") | _set("lead_verbs"):
            roles[key] = (span, "investor", via)
            frame.parties.refs_of[key] = token
    return frame.parties.add(valued[0][2], "investee")


def _alongside_valuation(round_: Token) -> list[Token]:
    """ "a round led by B that valued X at $19 billion, alongside C and D": the parser hangs the list on the
    valuation; it names who else put money in the round."""
    verbs = [c for c in round_.children if c.dep_ in ("relcl", "acl") and _lemma(c) in _set("value_verbs")]
    return [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "alongside" for o in _pobjs(p)]


def _drop_investor_investees(frame) -> None:
    """An investee read through a description ("the company's seed round") that its sentence names as an
    investor ("existing investors *C and D*, which co-led the company's seed round") is a misreading: co-investors
    do not invest in each other."""
    from ..relations.fallback_frames import _named_as_investor  # (relations imports deals; read at call time)

    roles = frame.parties.roles
    dropped = False
    for key in [k for k, (span, role, via) in roles.items() if role == "investee" and via]:
        span = roles[key][0]
        if span.sent.start == frame.trigger.sent.start and _named_as_investor(span):
            del roles[key]
            frame.parties.refs_of.pop(key, None)
            dropped = True
    topic = _dominant_company(frame.trigger.doc) if dropped else None
    if topic is not None and frame.parties.add(topic.root, "investee"):  # the description was of the topic
        _mark(frame, TOPIC_RULE)


def _told_round(noun: Token) -> bool:
    """A round noun that speaks of a round already in view: "*the* round", "*that* round", "*the company's* first
    round" (not "a round", which introduces another)."""
    return _is_round_noun(noun) and any(
        c.dep_ == "det" and c.lower_ in _DEFINITE or c.dep_ == "poss" for c in noun.children)


def _leads_of_told_round(sent: Span) -> list[Token]:
    """Who a sentence says led a round in view: "*A* led the company's round", "That round was led by *A*"."""
    out: list[Token] = []
    for verb in sent:
        if verb.pos_ != "VERB" or _lemma(verb) not in ("lead", "co-lead") or not _stated(verb):
            continue
        if any(c.dep_ in ("dobj", "obj") and _told_round(c) for c in verb.children):
            out += [s for subject in _subjects(verb) for s in _conjuncts(subject)]
        if any(c.dep_ == "nsubjpass" and _told_round(c) for c in verb.children):
            out += [a for agent in _agents_of(verb) for a in _conjuncts(agent)]
    return out


def _drop_lead_investees(frame) -> bool:
    """A round's lead does not raise it: an investee read through a description or a pronoun ("*the company*
    raised its Series C. That round was led by A"; "A's firm also led *the company's* first round") that
    coreference gives to the company its own sentence or the next one names as the round's lead is a misreading;
    the description was of the article's topic, and the lead is an investor (rounds12). Returns whether it
    changed the investee."""
    roles = frame.parties.roles
    described = [k for k, (span, role, via) in roles.items() if role == "investee" and via]
    if not described:
        return False
    doc, sent = frame.trigger.doc, frame.trigger.sent
    sents = [sent] + ([doc[sent.end].sent] if sent.end < len(doc) else [])
    leads = [(t, found) for s in sents for t in _leads_of_told_round(s) for found in [frame.parties.company(t)]
             if found is not None]
    dropped = [k for k in described if any(_party_key(found[0]) == _party_key(roles[k][0]) for _, found in leads)]
    if not dropped:
        return False
    topic = _dominant_company(doc)
    if topic is None or any(_party_key(topic) == _party_key(roles[k][0]) for k in dropped):
        return False
    for key in dropped:
        del roles[key]
        frame.parties.refs_of.pop(key, None)
    frame.parties.add(topic.root, "investee")
    _add(frame, [t for t, _ in leads])
    return True


def _fallback_investee(frame):
    """The company the investor fallback reads a round's sentence as about, when the sentence names no raiser
    (:func:`extract.relations.fallback_frames.frame_investee`: a stand-in subject, an interviewee's "we", the
    article's dominant company)."""
    from ..relations.fallback_frames import frame_investee  # (relations imports deals; read at call time)
    investors = [span for span, role, _ in frame.parties.roles.values() if role == "investor"]
    return frame_investee(frame.trigger, frame.parties.refs, investors)


def _sentence_investors(frame) -> list[Token]:
    """The investors the investor fallback reads in a round's sentence, when it reads the sentence as about the
    round's investee or about no company (:func:`extract.relations.fallback_frames.round_sentence_investors`):
    a list no reading above knows ("from A, the three megabanks B, C and D", "in which B and C also took part")."""
    from ..relations.fallback_frames import round_sentence_investors  # (relations imports deals; read at call time)
    investees = [span for span, role, _ in frame.parties.roles.values() if role == "investee"]
    if len(investees) != 1:
        return []
    taken = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    return [e.root for e in round_sentence_investors(frame.trigger, frame.parties.refs, investees[0])
            if _party_key(e) not in taken and not _raiser_or_rival(e.root)]


#: Words that, in front of a company, make it the raiser's rival, not its backer ("alongside rival X").
_RIVAL_MODIFIERS = frozenset({"rival", "rivals", "competitor", "competitors", "challenger"})


def _raiser_or_rival(token: Token) -> bool:
    """A company the sentence calls a rival ("alongside rival X") or says raised money itself ("X, which
    raised $20 million"): no investor in another company's round."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _RIVAL_MODIFIERS
               or c.dep_ == "relcl" and c.lemma_.lower() == "raise" for c in token.children)


def _dominant_company(doc):
    """The article's topic or dominant company (:func:`extract.relations.fallback_frames.funding_topic`)."""
    from ..relations.fallback_frames import funding_topic  # (relations imports deals; read at call time)
    return funding_topic(doc)


def _owners_of_round_in(investment: Token) -> list[Token]:
    """ "an investment by A *in X's Series A*", "A's participation in X's round": the company whose round
    an investment is made in is its investee (money5)."""
    # (the parser may hang the "in" phrase on the investor: "by [A in X's Series A]")
    holders = [investment] + [o for p in investment.children if p.dep_ == "prep" and p.lower_ in ("by", "from") for o in _pobjs(p)]
    return [c for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "into")
            for o in _pobjs(p) if o is not investment and _is_round_noun(o) for c in o.children if c.dep_ == "poss"]


# -- adding what was read -------------------------------------------------------------------------

def _add(frame, tokens: list[Token], loose: bool = False) -> bool:
    """Make every company ``tokens`` name an investor of ``frame``; a list the parser made a name
    modifier counts too ("co-led by [Greylock and Kleiner] Perkins"). Returns whether one was new."""
    parties = frame.parties
    before = set(parties.roles)
    for token in tokens:
        parties.add(token, "investor")
        for conj in _conjuncts(token):
            for c in conj.children:
                if c.dep_ == "nmod" and any(g.dep_ == "conj" for g in c.children) and parties.company(c) is not None:
                    parties.add(c, "investor")
    new = [k for k in parties.roles if k not in before]
    if loose:
        parties.loose.update(new)
    return bool(new)


def _mark(frame, rule: str) -> None:
    """Name the rule that added investors in front of the frame's own ("round.members:deal.noun:round"),
    and cap the frame's confidence at it."""
    if not frame.rule.startswith("round."):
        frame.rule = f"{rule}:{frame.rule}"
        frame.confidence = min(frame.confidence, rule_confidence(rule))


# -- later sentences --------------------------------------------------------------------------------

def _owner_keys(noun: Token, frame) -> set[str] | None:
    """Companies a noun belongs to ("X's round", "investors in X"): their keys, or ``None`` if none."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "behind", "for") for o in _pobjs(c)]
    keys = set()
    for owner in owners:
        found = frame.parties.company(owner)
        if found is not None:
            keys.add(_party_key(found[0]))
    return keys or None


def _investees(frame) -> set[str]:
    return {_party_key(span) for span, role, _ in frame.parties.roles.values() if role == "investee"}


def names_new_round(sent: Span, frame) -> bool:
    """Whether a sentence introduces another round ("a $9 million seed round led by A", "In 2021 it
    raised $20 million"): the sentences after it no longer speak of ``frame``'s round."""
    for token in sent:
        if _is_round_noun(token) and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children):
            return True
        if _is_round_noun(token) and (_owner_keys(token, frame) or set()) - _investees(frame) \
                and not any(c.dep_ == "amod" and c.lower_ in _set("total_modifiers") for c in token.children):
            return True  # "Rival Y's round was led by B" (not "the company's total funding": money to date)
        if token.pos_ == "VERB" and _lemma(token) == "raise" and any(
                c.dep_ in ("dobj", "obj") and c.pos_ in ("NUM", "SYM") for c in token.children):
            return True
    return False


def _later_investors(frame, sent: Span) -> list[Token]:
    """Investors of ``frame``'s round named in a later sentence: through "the round" (every reader
    above), an investor noun with no other company's ("Other investors include B"), or a
    participation verb that says "also" or takes the round ("B and C also participated")."""
    out: list[Token] = []
    investees = _investees(frame)
    for token in sent:
        owners = None
        if _is_round_noun(token) and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
            owners = _owner_keys(token, frame)
            if owners and owners - investees:
                continue
            out += _members_of(token) + _verb_investors(token)
            for noun in _investor_nouns_of(token):
                out += _listed_by_investor_noun(noun)[0]
            for holder in [token, *(_lead_participles(token))]:
                out += _with_phrase(holder)[0]
        elif _is_member_noun(token) and not _investor_nouns_of_round(token):
            owners = _owner_keys(token, frame)
            if owners is not None and owners - investees:
                continue  # "Investors in Gamma include B": another company's
            modified = any(c.dep_ in ("amod", "compound") and c.lower_ in _set("later_modifiers") for c in token.children)
            if owners is not None and not modified:
                continue  # "X's investors include B": how things stand (round.standing), not this round
            if any(c.dep_ == "prep" and c.lower_ in ("in", "of", "behind", "into") for c in token.children) and owners is None:
                continue  # "Other investors in the sector include B": not this round's
            if not modified and not (token.dep_ == "pobj" and _also(token.head.head) and
                                     not any(c.dep_ in ("poss", "amod") for c in token.children)):
                continue  # "Investors include B", "A is among the world's largest investors": any investors
            out += _listed_by_investor_noun(token)[0]
        elif token.pos_ == "VERB" and _joins(token, frame, investees):
            subjects = [_quantified(s) for s in _subjects(token)]  # "Existing backers B and C also participated": B and C hang on "backers"
            out += subjects + [a for subject in subjects for a in subject.children if a.dep_ == "appos"]
            out += _joined_in_round(token) + _alongside(token)
    return out


def _alongside(verb: Token) -> list[Token]:
    """ "AMD Ventures took part *alongside Nvidia, Salesforce Ventures and PSP*", "participated along with B":
    those a participant takes part alongside took part too (n=6 over 6 documents, 5 corpora, every one
    a co-investor of the round)."""
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("alongside", "along")):
        inner = [g for g in prep.children if g.dep_ == "prep" and g.lower_ == "with"] if prep.lower_ == "along" else [prep]
        out += [o for p in inner for o in _pobjs(p)]
    return out


def _joins_in_round(verb: Token) -> bool:
    """ "B joined C *in the round*" (the parser may hang the "in" phrase on the object)."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return _lemma(verb) == "join" and any(c.dep_ == "prep" and c.lower_ in ("in", "on") and any(_is_round_noun(o) for o in _pobjs(c))
                                          for h in holders for c in h.children)


def _joined_in_round(verb: Token) -> list[Token]:
    """ "New investors B and C *joined existing investors D and E in the round*": whom the joiners joined in a
    round put money in too (press releases, money5). The object of "join" with the round in an "in" phrase:
    a name, or the names an investor noun gives ("existing investors D and E")."""
    if not _joins_in_round(verb):
        return []
    out = []
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        out += [a for a in obj.children if a.dep_ == "appos"] if _is_member_noun(obj) else [obj]
    return out


def _quantified(subject: Token) -> Token:
    """ "B, C and D *all* took part": the list a quantifier subject sums up (the parser may make "all" the
    subject and the list an apposition of an earlier noun); any other subject itself."""
    if subject.lower_ not in ("all", "both") or subject.i == 0:
        return subject
    before = subject.doc[subject.i - 1]
    while before.is_punct and before.i > 0:
        before = before.doc[before.i - 1]
    while (before.dep_ == "conj" or before.dep_ == "appos" and before.pos_ != "PROPN") and before.head.i < before.i:
        before = before.head  # ("B and C, the software company's investment arm, all took part")
    return before if before.pos_ == "PROPN" else subject


def _also(verb: Token) -> bool:
    """ "B and C were *also* among the investors": the sentence adds to something told before."""
    return any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children)


def _continues_raise(token: Token) -> bool:
    """A definite round that a verb of its own frame has as object ("A led the round, which ..."):
    :func:`extract.deals.frames._raise_before` gives it the raise of the sentence before. ("The round
    was led by A" is read by the raise's own next-sentence rule instead.)"""
    spec = load_triggers()["nouns"].get(_word(token))
    if spec is None or not spec.get("subject_verbs") or not any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
        return False
    return token.dep_ == "dobj" and token.head.pos_ == "VERB" and _lemma(token.head) in spec["subject_verbs"]


def _sole_round(frame) -> bool:
    """Whether ``frame``'s trigger is the only round or raise of its sentence (the one a definite round
    in the next sentence continues: :func:`extract.deals.frames._raise_before` needs a single one)."""
    sent = frame.trigger.sent
    return sum(1 for t in sent if _is_round_noun(t) or t.pos_ == "VERB" and _lemma(t) == "raise") == 1


def _investor_nouns_of_round(noun: Token) -> bool:
    """ "investors in the round": read through the round."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "of") and any(_is_round_noun(o) for o in _pobjs(c))
               for c in noun.children)


def _joins(verb: Token, frame, investees: set[str]) -> bool:
    """ "B and C also took part", "Existing backers B and C participated", "B also invested": a
    participation verb about the round (it says also/too, has nothing else to join, or joins the round).
    "Existing investors A and B *returned*" joins it too, said bare."""
    particles = load_triggers()["participation_verbs"]
    lemma = _lemma(verb)
    if lemma in _set("return_verbs") and verb.pos_ == "VERB" and _stated(verb):
        return not any(c.dep_ in ("dobj", "obj", "prep", "xcomp", "ccomp", "advcl", "prt", "attr", "acomp")
                       and c.i > verb.i for c in verb.children)
    if lemma not in particles or not _stated(verb):
        return False
    particle = particles[lemma]
    if particle and not any(c.dep_ in ("dobj", "prt", "prep") and c.lower_ == particle for c in verb.children):
        return False
    if _joins_in_round(verb):
        return True  # "B joined existing investors C and D in the round": C and D are no other deal's
    targets = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "into") for o in _pobjs(c)]
    targets += [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ != particle
                and not (c.lower_ == "it" and _joins_it(verb))]  # (the round; coreference may make "it" a company)
    for target in targets:
        found = frame.parties.company(target)
        if found is not None and _party_key(found[0]) not in investees:
            return False  # "B also invested in Y": another deal
    if _joins_it(verb) or any(_is_round_noun(t) for t in targets):
        return True
    if targets:
        return False  # "joined the board"
    # (a clause before the verb is no complement: "A and B returned, and ...: C and D all took part")
    # ("B took part alongside C" is said bare: whom B joined in is no complement)
    bare = not any(c.dep_ in ("xcomp", "ccomp", "prep") and not (c.dep_ == "ccomp" and c.i < verb.i)
                   and c.lower_ not in ("alongside", "along") for c in verb.children)
    return bare or any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children)


def _joins_it(verb: Token) -> bool:
    """ "A second round ..., led by A, valued X at $32 billion; B and C *joined it*": "join" with "it" for
    object after the round in its sentence joins the round (money5)."""
    return _lemma(verb) == "join" and any(c.dep_ in ("dobj", "obj") and c.lower_ == "it" for c in verb.children)


def _joiners_after(frame) -> list[Token]:
    """ "X raised $6.6 billion in a round led by A; B, C and D *also took part*", "..., and B and C also
    participated": a participation clause after the round in its own sentence, which says "also" (the
    round is what it adds to), names its investors."""
    trigger, investees = frame.trigger, _investees(frame)
    out: list[Token] = []
    for verb in trigger.sent[trigger.i - trigger.sent.start + 1:]:
        if verb.tag_ == "VBG" or verb.head.lower_ == "with":
            continue  # "with B also investing": the with-phrase reader's (a loose reading)
        if verb.pos_ == "VERB" and verb.i not in frame.anchors and (_also(verb) or _joins_it(verb)) \
                and _joins(verb, frame, investees):
            subjects = _subjects(verb)
            if not subjects and verb.dep_ == "xcomp":
                subjects = _subjects(verb.head)  # "B and C were reported to have joined it"
            out += subjects + [a for subject in subjects for a in subject.children if a.dep_ == "appos"]
            out += _alongside(verb)
    return out


# -- a round told without its raiser ----------------------------------------------------------------

def _raisers_in(sent: Span, frame) -> list[Span]:
    """Companies that raise a round in ``sent``: the subject of "raised $N", the owner of "X's round",
    the company a round is "in" or "for", the one a round "values"."""
    found = []
    for token in sent:
        tokens = []
        if token.pos_ == "VERB" and _lemma(token) == "raise" and any(
                c.dep_ in ("dobj", "obj") and c.pos_ in ("NUM", "SYM") for c in token.children):
            tokens = [c for c in token.children if c.dep_ == "nsubj"]
        elif _is_round_noun(token):
            tokens = [c for c in token.children if c.dep_ == "poss"]
            if token.dep_ == "dobj" and _lemma(token.head) in load_triggers()["inverse_subject_verbs"]:
                tokens += [c for c in token.head.children if c.dep_ == "nsubj"]  # "X has raised a Series B"
            tokens += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "for") for o in _pobjs(c)]
            tokens += _valued_company(token)
        for t in tokens:
            company = frame.parties.company(t)
            if company is not None and not _description_of_investor(frame, t):
                found.append(company[0])
    return found


def _earlier_raiser(frame) -> Span | None:
    """ "The round values X at $410 million ... That includes *a $9 million seed round led by B* last
    year": a round with investors and no raiser, in a sentence that names no other company, was raised
    by the one company that raised a round in the sentences just before (its earlier round)."""
    trigger = frame.trigger
    sent, doc = trigger.sent, trigger.doc
    keys = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    # investors of other rounds of the sentence are no raisers ("led by B ... and a $4M extension from C")
    slots = [o for t in sent if _is_round_noun(t) for c in t.children
             for o in (_agents_of(c) if c.dep_ == "acl" else _pobjs(c) if c.dep_ == "prep" and c.lower_ in ("from", "by") else [])]
    keys |= {_party_key(f[0]) for o in slots for f in [frame.parties.company(o)] if f is not None}
    if any(e.label_ == "COMPANY" and e.start >= sent.start and e.end <= sent.end and _party_key(e) not in keys
           for e in doc.ents):
        return None
    start = sent.start
    for _ in range(LATER_WINDOW):
        if start == 0:
            break
        before = doc[start - 1].sent
        raisers = {_party_key(span): span for span in _raisers_in(before, frame)}
        raisers = {k: span for k, span in raisers.items() if k not in keys}
        if len(raisers) == 1:
            return next(iter(raisers.values()))
        if raisers:
            return None
        start = before.start
    return None


# -- a round its founders raised ---------------------------------------------------------------------

def _raised_by_people(trigger: Token) -> bool:
    """Whether the verb that tells a round has people for subject: "*The trio* raised a seed round led by
    B", "*She* raised $20 million from B", "*The founders* closed a round"."""
    support = _frames._support_verb(trigger) if trigger.pos_ != "VERB" else trigger
    if support is None:
        return False
    return any(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she") or _lemma(s) in _set("founder_subjects")
               for s in _subjects(support))


def _founded_company(frame) -> Span | None:
    """The one company the round's sentence or the sentences just before say was founded ("X was founded
    by A and B", "A founded X", "X, which she co-founded"): the company its founders raised money for."""
    sent, doc = frame.trigger.sent, frame.trigger.doc
    keys = {_party_key(span) for span, _, _ in frame.parties.roles.values()}
    found: dict[str, Span] = {}
    start = sent.end
    for _ in range(LATER_WINDOW + 1):
        if start == 0:
            break
        span = doc[start - 1].sent
        for verb in span:
            if verb.pos_ != "VERB" or _lemma(verb) not in ("found", "co-found", "cofound"):
                continue
            named = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in _conjuncts(c)]
            named += [verb.head] if verb.dep_ in ("acl", "relcl") else []
            for token in named:
                company = frame.parties.company(token)
                if company is not None and not company[1] and _party_key(company[0]) not in keys:
                    found[_party_key(company[0])] = company[0]
        start = span.start
    return next(iter(found.values())) if len(found) == 1 else None


# -- "Microsoft-backed OpenAI" ----------------------------------------------------------------------

def _hyphen_backed(trigger: Token) -> tuple[list[Token], list[Token]]:
    """ "Microsoft-backed OpenAI", "a Torvane-backed startup", "the SoftBank-funded startup Quillon":
    the investors named in front of a backing participle, and the company it describes (the noun it
    modifies, the name that noun is an apposition to or a title of). Empty lists when it is not one."""
    doc = trigger.doc
    if trigger.dep_ != "amod" or _lemma(trigger) not in _set("backing_participles") or trigger.i < 2 \
            or doc[trigger.i - 1].text != "-" or doc[trigger.i - 1].whitespace_ or doc[trigger.i - 2].whitespace_:
        return [], []
    investors = [c for c in trigger.children if c.dep_ in ("npadvmod", "compound", "nmod", "advmod") and c.i < trigger.i]
    noun = trigger.head
    described = [noun]
    if noun.dep_ == "appos":
        described.append(noun.head)  # "Quillon, a Torvane-backed startup"
    elif noun.dep_ == "compound":
        described.append(noun.head)  # "the Torvane-backed startup Quillon"
    if noun.pos_ == "NOUN" and noun.i + 1 < len(doc):
        described.append(doc[noun.i + 1])  # (the parser may make "startup" and "Quillon" two subjects)
    return investors, described


# -- "announced the close of a round" ---------------------------------------------------------------

def _closing_noun(round_: Token) -> Token | None:
    """The noun of closing a round is the object of: "the *close* of a $120 million Series B"."""
    head = round_.head
    if round_.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in _set("closing_nouns"):
        return head.head
    return None


def closing_support(round_: Token) -> Token | None:
    """The verb that tells a round through the noun of its closing: "X today *announced* the close of a $120
    million round led by A" (press releases), also when the parser hung that noun on a list before it
    ("announced the availability of Y, its new model, and the close of ..."). ``None`` for any other noun."""
    event = _closing_noun(round_)
    if event is None:
        return None
    while event.dep_ in ("conj", "appos") and event.head is not event:
        event = event.head
    return _frames._support_verb(event) if event.dep_ in ("dobj", "nsubjpass") else None


# -- a round a headline tells in part ---------------------------------------------------------------

def retold_in_body(headline, body) -> bool:
    """Whether investment ``headline`` is a title line's telling of the round ``body`` tells in full:
    "Mistral AI raises €600m" over "Mistral AI has raised €600 million in a round led by A ... B and C
    took part". The title names some of the round's companies in their roles; the body all of them.
    (The caller checks the amounts agree.)

    Examples
    --------
    >>> from extract.records import Deal, DealParty, Evidence, Mention
    >>> def deal(sentence, *names):
    ...     parties = tuple(DealParty(Mention("a", n, "COMPANY", 0, 1, 0, 1), r) for n, r in names)
    ...     return Deal("a", "investment", parties, Evidence("a", sentence, 0, len(sentence)))
    >>> title = deal("Quillon raises $40m", ("Quillon", "investee"))
    >>> body = deal("Quillon raised $40 million from A and B.", ("Quillon", "investee"), ("A", "investor"), ("B", "investor"))
    >>> retold_in_body(title, body), retold_in_body(body, title)
    (True, False)
    """
    if headline.kind != "investment" or body.kind != "investment":
        return False
    if not _is_title(headline.evidence.sentence) or _is_title(body.evidence.sentence):
        return False
    told = {(mention_key(p.mention), p.role) for p in headline.parties}
    return told < {(mention_key(p.mention), p.role) for p in body.parties}


def _is_title(sentence: str) -> bool:
    """A title or deck line: no closing punctuation ("Mistral AI raises €600m as Paris lab takes on ...")."""
    line = sentence.strip()
    return bool(line) and "\n" not in line and line[-1] not in '.!?"\'\u201d\u2019)'


# -- the entry point --------------------------------------------------------------------------------

@code_rule
def round_investors(frame) -> None:
    """Add to an investment ``frame`` every investor its round names (see the module's rules).

    A round noun (or "raise" verb) reads its own clause, then the sentences after it; an investor
    noun that lists a company's investors with no round becomes a standing investment.
    """
    if frame.kind != "investment":
        return
    trigger = frame.trigger
    _drop_investor_investees(frame)
    if trigger.pos_ == "VERB":
        backers, described = _hyphen_backed(trigger)
        if backers:
            # a name outright before a description ("the Torvane-backed *startup* Quillon": "startup" may
            # resolve to Torvane itself)
            found = [(t, frame.parties.company(t)) for t in described]
            backer_keys = {_party_key(f[0]) for b in backers for f in [frame.parties.company(b)] if f is not None}
            named = sorted((f[1], t.i) for t, f in found if f is not None and _party_key(f[0]) not in backer_keys)
            if named:
                frame.parties.add(frame.trigger.doc[named[0][1]], "investee")
            if _add(frame, backers):
                _mark(frame, BACKED_RULE)
                frame.rule += STANDING_MARK  # who stands behind a company, not news of a round
                frame.confidence = min(frame.confidence, CONFIDENCE_STATE_NOUN)
            return
    if _is_member_noun(trigger) and frame.parties.has_role("investee") and not _investor_nouns_of_round(trigger):
        listed, rule = _listed_by_investor_noun(trigger)
        if rule is not None and _add(frame, listed):
            _mark(frame, STANDING_RULE)
            if STANDING_MARK not in frame.rule:
                frame.rule += STANDING_MARK
            frame.confidence = min(frame.confidence, CONFIDENCE_STATE_NOUN)
        return
    if not (_is_round_noun(trigger) or frame.is_round):
        return
    if _is_round_noun(trigger):
        if closing_support(trigger) is not None:
            _mark(frame, CLOSING_RULE)
        if _valued_instead(frame, trigger):
            _mark(frame, VALUED_RULE)
        if _add(frame, _alongside_valuation(trigger)):
            _mark(frame, WITH_RULE)
        if not frame.parties.has_role("investee"):
            for company in _valued_company(trigger):
                if not _description_of_investor(frame, company):
                    frame.parties.add(company, "investee")
            if any(frame.parties.add(company, "investee") for company in _owners_of_round_in(trigger)):
                _mark(frame, ROUND_OWNER_RULE)
        if _add(frame, _members_of(trigger) + _coordinated_leads(trigger)):
            _mark(frame, MEMBERS_RULE)
        for noun in _investor_nouns_of(trigger):
            listed, rule = _listed_by_investor_noun(noun)
            if rule is not None and _add(frame, listed):
                _mark(frame, rule)
    if _is_round_noun(trigger) and _add(frame, _relative_list(trigger)):
        _mark(frame, RELATIVE_RULE)
    # the round a raise names ("raised $2 billion in a round in which ..."), or the round noun itself
    rounds = [trigger] if _is_round_noun(trigger) else [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in"
                                                         for o in _pobjs(p) if _is_round_noun(o)]
    if _add(frame, [s for r in rounds for s in _in_which_participants(r)]):
        _mark(frame, IN_WHICH_RULE)
    named = [frame.parties.refs_of[k] for k, (_, role, _) in frame.parties.roles.items() if role == "investor"]
    if _add(frame, named):
        _mark(frame, MEMBERS_RULE)  # "co-led by [Greylock and Kleiner] Perkins": the rest of a broken list
    holders = [trigger, *(_lead_participles(trigger) if _is_round_noun(trigger) else [])]
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") and trigger.dep_ in ("dobj", "nsubjpass", "attr"):
        holders.append(trigger.head)  # "led a $1 billion investment in X, with B joining"
    if _is_round_noun(trigger) and trigger.dep_ == "pobj" and trigger.head.lower_ == "in":
        # "raised $25 million in a round led by A, with returning investors B and C also participating"
        raised = trigger.head.head if trigger.head.head.pos_ == "VERB" else trigger.head.head.head
        if raised.pos_ == "VERB" and _lemma(raised) == "raise":
            holders.append(raised)
    if _add(frame, _colon_list(trigger)):
        _mark(frame, COLON_RULE)
    for holder in holders:
        listed, loose = _with_phrase(holder)
        if _add(frame, listed, loose) | _add(frame, _led_with(holder)):
            _mark(frame, WITH_RULE)
        # "raised $40 million from backers like B and C", "from a group that included B and C"
        sources = [o for p in holder.children if p.dep_ == "prep" and p.lower_ == "from" for o in _pobjs(p)]
        if _add(frame, [e for source in sources for e in _group_members(source)]):
            _mark(frame, GROUP_RULE if any(_lemma(o) in _set("group_nouns") for o in sources) else MEMBERS_RULE)
    if _add(frame, _joiners_after(frame)):
        _mark(frame, AFTER_RULE)
    if _add(frame, _joined_by(holders)) | _add(frame, _joined_by(holders, "advcl"), loose=True):
        _mark(frame, JOINED_BY_RULE)  # (a participle hung on the verb is a loose reading: "..., joined by B")
    doc, end = trigger.doc, trigger.sent.end
    for n in range(LATER_WINDOW):
        if end >= len(doc):
            break
        sent = doc[end].sent
        if names_new_round(sent, frame):
            break
        if n == 0 and not frame.parties.has_role("investor") and _sole_round(frame) and any(_continues_raise(t) for t in sent):
            break  # "X raised $45M. A led the round, which ...": that round's own frame continues the raise
        if n == 0 and frame.is_round and frame.parties.has_role("investee"):
            # what the frame's own next-sentence reading finds stays that rule's ("The round was led by A")
            _frames._add_round_participants(frame, sent)
        if _add(frame, _later_investors(frame, sent)):
            _mark(frame, LATER_RULE)
        end = sent.end
    if _drop_lead_investees(frame):
        # (named first whatever read the investors: the investee is this rule's reading)
        frame.rule = f"{LEAD_RULE}:{frame.rule}"
        frame.confidence = min(frame.confidence, rule_confidence(LEAD_RULE))
    if _is_round_noun(trigger) and frame.parties.has_role("investor") and not frame.parties.has_role("investee") \
            and not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in trigger.children):
        # (a definite round continues the raise before it: :func:`extract.deals.frames._raise_before`)
        raiser = _earlier_raiser(frame)
        if raiser is not None and frame.parties.add(raiser.root, "investee"):
            first = trigger
            while first.dep_ == "conj" and first.head is not first:
                first = first.head  # "a seed round led by B and a $4M extension from C"
            if frame.rule.endswith("+present") and _lemma(first.head) in _set("history_verbs"):
                # "That includes a $9 million seed round led by B last year", "The funding follows a Series
                # A led by B": a past round; the present tense is not a standing arrangement
                frame.rule = frame.rule[: -len("+present")]
                frame.confidence = rule_confidence(EARLIER_RULE)
            _mark(frame, EARLIER_RULE)
    if _is_round_noun(trigger) and frame.parties.has_role("investor") and not frame.parties.has_role("investee"):
        reporter = _reporting_raiser(trigger)
        if reporter is not None and reporter.pos_ == "PROPN" and not _acts_as_investor_token(frame, reporter) \
                and frame.parties.add(reporter, "investee"):
            _mark(frame, REPORTED_RULE)
    if frame.parties.has_role("investor") and not frame.parties.has_role("investee") and _raised_by_people(trigger):
        company = _founded_company(frame)
        if company is not None and frame.parties.add(company.root, "investee"):
            _mark(frame, FOUNDERS_RULE)
    if _is_round_noun(trigger) and frame.parties.has_role("investor") and not frame.parties.has_role("investee") \
            and STANDING_MARK not in frame.rule and not _is_title(trigger.sent.text) \
            and not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in trigger.children):
        # (a deck line "Round led by A, with participation from B; company also ..." retells the body's round, and
        # "the round" the raise before it)
        company = _fallback_investee(frame)
        if company is not None and frame.parties.add(company.root, "investee"):
            _mark(frame, FALLBACK_RULE)
    add_sentence_investors(frame)
    _firm_absolutes(frame)


def _in_relative_clause(token) -> bool:
    """Whether ``token`` is told in a relative clause: "A and B also participated, as did C and D, *which co-led
    the company's seed round in 2024*" tells an earlier round, whose investors are the clause's own (C and D),
    not the sentence's."""
    return any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def add_sentence_investors(frame) -> bool:
    """Give a round's deal, once it has an investee and an investor, the investors the investor fallback reads in its
    sentence (:func:`_sentence_investors`); called again by :func:`extract.deals.find.find_deals` after a round
    joins the deal its sentence hosts ("SoftBank put $500 million into X as part of a round led by A, in which B and
    C also took part"). Returns whether one was new."""
    trigger = frame.trigger
    if frame.kind != "investment" or not (_is_round_noun(trigger) or frame.is_round) or STANDING_MARK in frame.rule \
            or not frame.parties.has_role("investor") or not frame.parties.has_role("investee") \
            or _in_relative_clause(trigger):
        return False
    if not _add(frame, _sentence_investors(frame)):
        return False
    _mark(frame, SENTENCE_RULE)
    return True
