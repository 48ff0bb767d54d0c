"""Typed entity spans: the labels our components put on ``doc.ents`` and their records.

After :func:`extract.pipeline.load_nlp`'s components have run, ``doc.ents`` holds only our
typed entities, labelled with the upper-case type names of :data:`LABEL_TYPES`, and each
entity span carries ``span._.canonical`` (the gazetteer's canonical name, or ``None``) and
``span._.entity_source`` (the rule that typed it).
"""
from __future__ import annotations

from spacy.tokens import Span

from .lexicon import word_list
from .quantities import iter_parameters
from .records import Mention
from .tokens import doc_text, first_conjunct

#: doc.ents label -> record type
LABEL_TYPES = {
    "COMPANY": "company",
    "PERSON": "person",
    "MODEL": "model",
    "PRODUCT": "product",
    "ORGANIZATION": "organization",
    "PUBLICATION": "publication",
    "PLACE": "place",
}
TYPE_LABELS = {v: k for k, v in LABEL_TYPES.items()}

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)
if not Span.has_extension("entity_source"):
    Span.set_extension("entity_source", default="ner")


def sentence_of(span: Span) -> Span:
    """The sentence of a span, or the whole document when nothing set sentence boundaries."""
    return span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]


def mention_key(mention: Mention) -> str:
    """A mention's name for comparing records of one article: its canonical name or text, lower case."""
    return (mention.canonical or mention.text).lower()


def sole_other_company(sent: Span, taken: list[Span]) -> Span | None:
    """The one company ``sent`` names besides ``taken``, or ``None`` when it names none or several.

    A name and its longer form are one company ("Inflection" and "Inflection AI"). Used where
    a sentence leaves a company implicit: "Microsoft's arrangement with Inflection AI, when
    Microsoft hired co-founders A and B" (their company is the other one).

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Nimbus met Zorblax AI and Zorblax .")
    >>> doc.ents = [Span(doc, 0, 1, "COMPANY"), Span(doc, 2, 4, "COMPANY"), Span(doc, 5, 6, "COMPANY")]
    >>> sole_other_company(doc[:], [doc.ents[0]]).text
    'Zorblax AI'
    """
    def key(span: Span) -> str:
        return " ".join((span._.canonical or span.text).lower().split())

    def same(a: str, b: str) -> bool:
        return a == b or a.startswith(b + " ") or b.startswith(a + " ")

    if not taken:
        return None
    seen = [key(t) for t in taken]
    others = []
    for ent in sent.ents:
        k = key(ent)
        if ent.label_ == "COMPANY" and not any(same(k, other) for other in seen):
            seen.append(k)
            others.append(ent)
    return others[0] if len(others) == 1 else None


def mention_from_span(span: Span, article_id: str) -> Mention:
    """The :class:`~extract.records.Mention` record of a typed entity span.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Nvidia's CEO Jensen Huang spoke.")
    >>> doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 3, 5, label="PERSON")]
    >>> m = mention_from_span(doc.ents[1], "a1")
    >>> (m.text, m.type, m.start, m.end)
    ('Jensen Huang', 'person', 13, 25)
    """
    sent = sentence_of(span)
    return Mention(
        article=article_id,
        text=span.text,
        type=LABEL_TYPES.get(span.label_, span.label_.lower()),
        start=span.start_char,
        end=span.end_char,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        source=span._.entity_source,
        canonical=span._.canonical,
    )


# ---------------------------------------------------------------------------
# Typing rules. Each takes spans or tokens of a parsed Doc and says what they are;
# the component in extract/components.py strings them together.
# ---------------------------------------------------------------------------
import re  # noqa: E402

#: Nouns that make a neighbouring name a company: "Zorblax, the startup", "the Redmond company".
COMPANY_NOUNS = word_list("entities", "company_nouns")
#: Role nouns: "Nvidia's CEO", "CEO of Nvidia", "DeepMind co-founder" make the other end a company.
ROLE_NOUNS = word_list("entities", "role_nouns")
#: Nouns that say company only with a trade before them: "the visual-effects house X" (not "the White House").
MODIFIED_COMPANY_NOUNS = word_list("entities", "modified_company_nouns")
#: Nouns of a funding round: whoever leads one is an investor ("a round led by Atomico").
FUNDING_NOUNS = word_list("entities", "funding_nouns")
#: Verbs that give someone a post: "made Parker executive chairman", "named Lee CEO".
APPOINTING_VERBS = word_list("entities", "appointing_verbs")
#: Nouns that make a neighbouring name an AI model: "a model called MAI-1", "the Gemini LLM".
MODEL_NOUNS = word_list("entities", "model_nouns")
#: Names of languages: before a model noun they describe the model ("a Hindi model"), they do not name it.
LANGUAGE_NAMES = word_list("entities", "language_names")
#: Plural and collective nouns of a business's people and stock: "Berenberg analysts", "Acme shares".
COMPANY_MEMBER_NOUNS = word_list("entities", "company_member_nouns")
#: Verbs of working somewhere: "covers software at Berenberg", "spent two years at Qualcomm".
WORK_VERBS = word_list("entities", "work_verbs")
#: Roles only a business has: "CEO of X" makes X a company even when the NER calls it a place
#: ("President of Bolivia" does not).
BUSINESS_ROLES = word_list("entities", "business_roles")
#: Last words of names of places: "Rohn Glacier", "Lake Geneva" (first word), "Park Avenue".
PLACE_WORDS = word_list("entities", "place_words")
#: Words in an ORG name that make it a non-company organisation.
ORGANIZATION_WORDS = word_list("entities", "organization_words")
#: Head words of organisations' names that are no surnames (unlike "Court", "Church", "Union"):
#: "University of Oxford", "National Executive Committee", "Dignity Battalions", whatever the NER says.
ORGANIZATION_HEADS = word_list("entities", "organization_heads")
#: Legal forms that end a company's name: "Acme Inc.", "Alpha Toolex AB", "Bloomberg L.P.".
LEGAL_FORMS = word_list("entities", "legal_forms")
#: Last words of company names that also end the name of a field ("Renewable Energy", "Digital Health",
#: "Asset Management"): a company's when a name, not an adjective, stands before them ("Dominion Energy").
FIELD_NAME_ENDS = frozenset("Energy Health Management".split())


def is_part_of_a_longer_name(span) -> bool:
    """A capitalised run that is only a piece of a longer name or of a term: the name goes on after it
    ("Crane Clean Energy Center", "Fidelity Management & Research", "International Energy Affairs"), starts
    before it with "of" or "for" ("Bureau of Land Management", "Center for Community Health"), or modifies a
    product noun ("Bluetooth Low Energy devices"). Said of runs ending in :data:`FIELD_NAME_ENDS`, which
    end names of fields and institutions as often as of companies.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "the Bureau of Land Management and Dominion Energy and Crane Energy Center".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["DET", "PROPN", "ADP", "PROPN", "PROPN", "CCONJ",
    ...           "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN"])
    >>> is_part_of_a_longer_name(doc[3:5]), is_part_of_a_longer_name(doc[6:8]), is_part_of_a_longer_name(doc[9:11])
    (True, False, True)
    """
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.text == "&" or (after.text[:1].isupper() and after.is_alpha and not after.is_sent_start)):
        return True
    before = doc[span.start - 2] if span.start >= 2 else None  # (a name's word, not "Shares of Talen Energy")
    if before is not None and doc[span.start - 1].lower_ in ("of", "for") and before.pos_ == "PROPN" and not before.is_sent_start:
        return True
    return after is not None and span[-1].head.i == after.i and _class_of(after) == "PRODUCT"


#: Last words of a name that make it a company: "Acme Robotics Inc.", "Inflection AI".
COMPANY_SUFFIXES = LEGAL_FORMS | frozenset(
    "AI Labs Technologies "
    "Technology Systems Robotics Software Networks Semiconductor Semiconductors Computing Capital Ventures "
    "Partners Holdings Group Analytics Dynamics Devices Electronics Motors Therapeutics Biosciences Games "
    "Studios Interactive Cloud Security Data Microsystems Electric Automation Energy Industries Pharmaceuticals "
    "Airlines Bank Insurance Telecom Communications Media Entertainment Foods Instruments Materials Health "
    "Engineering Management Investments Associates Advisors Advisers Enterprises Financial".split()
)
# a mixture of experts' active share glued to its total size ("30B-A3B": 30B in all, 3B active) belongs to the name
_ACTIVE_SHARE = r"(?:-A\d+(?:\.\d+)?[BM])?"
#: Tier and size words that continue a model name: "Phi-3 Mini", "Claude 3 Opus", "Llama 3.1 405B".
MODEL_TIERS = (
    r"[Mm]ini|[Ss]mall|[Mm]edium|[Ll]arge|[Pp]ro|[Uu]ltra|[Ff]lash|[Nn]ano|Opus|Sonnet|Haiku|[Tt]urbo|[Ii]nstruct|"
    rf"Vision|Max|Plus|Lite|Preview|Chat|Coder|Base|\d+(?:\.\d+)?[BMT]{_ACTIVE_SHARE}|\d+x\d+B"
)
#: Release stages that do not make a different model: "MAI-1-preview" is MAI-1.
MODEL_STAGES = ("preview", "beta", "alpha", "exp", "experimental")

# "The 70B model", "Our 7B": a determiner before a size is no name
_DETERMINERS = r"(?:The|A|An|Its|Our|Their|His|Her|My|Your|This|That|These|Those|Each|Every|Any|Some|Both|Only|New)"
#: The letters of a model's name, accented Latin ones too: "Sabiá-3", "Ipê-8B" (not the signs × and ÷ among them).
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
#: A parameter count after a hyphen ("Sable-7B", "Qwen2.5-32B"): a name with one is a model, known family or not.
HYPHEN_SIZE = re.compile(rf"^[{_LETTER}][{_LETTER}0-9.]+-.*\b\d+(?:\.\d+)?[BT]\b")
_TIER_TAIL = rf"(?:[ \u00a0](?:{MODEL_TIERS})\b)*"
# "GPT-4o", "MAI-Voice-1", "Phi-3", "Qwen2-72B", "MAI-1-preview", "DeepSeek-V2", then tiers: "Phi-3 Mini";
# a version may start with one capital ("DeepSeek-R1", "Kimi-K2"); a versioned name may take hyphenated
# tiers alone ("Qwen2.5-Max", "GLM4-Plus")
HYPHEN_MODEL = re.compile(
    rf"\b[A-Z][{_LETTER}0-9]*(?:\.\d+)?(?:-[A-Z][{_LETTER}]+)*-[A-Z]?\d+(?:\.\d+)*[a-zA-Z]?(?:-(?:A\d+(?:\.\d+)?[BM]|[{_LETTER}]+|\d+(?:\.\d+)?[BM]))*\b{_TIER_TAIL}"
    rf"|\b[A-Z][{_LETTER}]+\d+(?:\.\d+)*(?:-(?:{MODEL_TIERS}))+\b{_TIER_TAIL}"
)
# "Qwen2.5-Max", "Qwen1.5-Chat": a family glued to a dotted version, then a hyphenated tier word
GLUED_VERSION_MODEL = re.compile(rf"\b[A-Z][{_LETTER}]+\d+(?:\.\d+)+(?:-[A-Z][{_LETTER}]+)+\b")
# "Falcon 180B", "Yi 34B", "Falcon 2 11B": a name (and a version) and a size in billions or trillions of
# parameters, a shape of its own
SIZED_MODEL = re.compile(
    rf"\b(?!{_DETERMINERS}\b)([A-Z][{_LETTER}]+(?:-[A-Z][{_LETTER}]+)*){_TIER_TAIL}(?:[ \u00a0](?!(?:19|20)\d\d\b)\d+(?:\.\d+)?(?!\d))?[ \u00a0]\d+(?:\.\d+)?[BT]{_ACTIVE_SHARE}\b{_TIER_TAIL}")
# "Llama 3.1 405B", "Claude 3 Opus", "Mistral Large 2": a word, tiers, a version number (never a year), tiers
SPACED_MODEL = re.compile(
    rf"\b([A-Z][{_LETTER}]+){_TIER_TAIL}[ \u00a0](?!(?:19|20)\d\d\b)\d+(?:\.\d+)?(?!\d)\b{_TIER_TAIL}"
)
# "Gemini Pro", "Mistral Large": a known family and a tier
TIERED_MODEL = re.compile(rf"\b([A-Z][{_LETTER}]+)(?:[ \u00a0](?:{MODEL_TIERS})\b)+")

# Names some labs write in lower case. A glued size after a hyphen says model on its own ("gpt-oss-120b",
# "llama-3-8b"); a letter-and-digit version with a hyphenated tier ("o4-mini", "phi3-medium") needs the context
# an unknown family needs. (Neither may sit inside a path, an address or a longer hyphenated word.)
LOWER_SIZED_MODEL = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d+(?:\.\d+)?b(?![\w/-]|\.\w)")
LOWER_TIERED_MODEL = re.compile(
    r"(?<![\w./-])[a-z]{1,8}\d+(?:\.\d+)?(?:-(?:mini|small|medium|large|pro|nano|turbo|max|lite|flash|high|low))+(?![\w/-]|\.\w)")
# A capitalised name of hyphenated words, some lower-case or with digits inside, ending in a glued size:
# "Foundation-sec-8b", "Llama3-Med42-70B" (a size glued after a hyphen says model, as in "Sable-7B"; the family
# word has three letters at least: "F-35B" is a jet)
MIXED_SIZED_MODEL = re.compile(
    rf"(?<![\w./-])[A-Z][{_LETTER}]{{2,}}\d*(?:\.\d+)?(?:-[{_LETTER}0-9.]+)*-\d+(?:\.\d+)?[bB](?![\w/-]|\.\w)")
# A capitalised family and a lower-case checkpoint with a version: "Whisper large-v3", "Parakeet tdt-v2"
CHECKPOINT_MODEL = re.compile(r"\b[A-Z][A-Za-z]+[ \u00a0](?:tiny|base|small|medium|large|turbo)-v\d+(?![\w/-]|\.\w)")

# A versioned name, perhaps with a variant word, and its size in parentheses: "Tallow-3 Edge (1.5B)", "Orbit-2 Nano
# (0.9B parameters)": the size says model, and the variant word belongs to the name
PAREN_SIZED_MODEL = re.compile(
    rf"\b[A-Z][{_LETTER}0-9]*(?:-[{_LETTER}0-9]+)*-[A-Z]?\d+(?:\.\d+)*[a-z]?(?:[ \u00a0][A-Z][{_LETTER}]+)?"
    r"(?=[ \u00a0]\((?:about |some |~)?\d+(?:\.\d+)?[BMT](?: parameters)?\))")

_NO_MODEL_WORDS = COMPANY_SUFFIXES | frozenset("Fund Funds Trust Round Series Bond Bonds Notes Deal Plan".split())

# Boilerplate lines: share links, "Follow us", "Exit mobile version"...
BOILERPLATE_LINE = re.compile(
    r"^\W*(follow us|share (this|on|via)|subscribe|sign up|read more|related( articles| stories)?:|click here|"
    r"exit mobile version|all rights reserved|copyright|©|advertisement|cookie|download (the|our) app|"
    # a press release's contact heading ("Media contacts", "Investor relations:") names no one
    r"(media|press|investor)\s+(contacts?|relations|enquiries|inquiries)\W*$)",
    re.IGNORECASE,
)
# three or more capitalised items separated by runs of spaces, pipes or bullets, with no sentence in between
LINK_LIST_LINE = re.compile(r"^\s*(?:[A-Z][\w.&]*(?: [A-Z][\w.&]*)?(?:\s{2,}|\s*[|•·]\s*)){2,}[A-Z][\w.&]*(?: [A-Z][\w.&]*)?\s*$")


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture, not news: share links, "Follow us"...

    Examples
    --------
    >>> text = "Acme bought Zorb.\\nFollow us on social media\\nTwitter   Linkedin   Facebook\\nMedia contacts\\n"
    >>> [text[s:e] for s, e in boilerplate_ranges(text)]
    ['Follow us on social media', 'Twitter   Linkedin   Facebook', 'Media contacts']
    """
    ranges, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and (BOILERPLATE_LINE.match(body) or LINK_LIST_LINE.match(body.replace("\u00a0", " "))):
            ranges.append((offset, offset + len(body)))
        offset += len(line)
    return ranges


def heading_ranges(text: str) -> list[tuple[int, int]]:
    r"""Character ranges of title-case heading lines, where capitals say little about names.

    >>> text = "The Future of AI at Microsoft\nAcme said the Future of AI is bright."
    >>> [text[s:e] for s, e in heading_ranges(text)]
    ['The Future of AI at Microsoft']
    """
    ranges, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", body) if len(w) > 3]
        # (a press release's headline runs to 20 words and more, with no list in it: "Analyst: Keiko
        # Mori, CFA, Halvard & Lowe | July 31" is a line of fields)
        n_words = len(body.split())
        if (words and (n_words <= 14 or (n_words <= 24 and not any(c in body for c in ",|;")))
                and not body.rstrip().endswith((".", "?", "!", ":"))
                and sum(w[0].isupper() for w in words) >= 0.6 * len(words)):
            ranges.append((offset, offset + len(body)))
        offset += len(line)
    return ranges


#: A hyphenated tail that makes a name a modifier of something else: "a GPT-style transformer", "GPT-4-class
#: performance", "Arm-based chips" describe by likeness or make, and name no model.
_MODIFIER_TAIL = re.compile(r"-(?:style|like|based|powered|class|sized|level|grade|inspired|compatible|type|esque)$", re.IGNORECASE)


def is_modifier_word(text: str) -> bool:
    """Whether a hyphenated name is a modifier made of a name ("GPT-style", "GPT-4-class"), not a name.

    >>> is_modifier_word("GPT-style"), is_modifier_word("GPT-4-class"), is_modifier_word("Kestrel-VLA")
    (True, True, False)
    """
    return _MODIFIER_TAIL.search(text) is not None


_MODIFIER_WORD = re.compile(r"\b[A-Z][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*-[a-z]+\b")


def model_modifier_ranges(text: str, families: frozenset) -> list[tuple[int, int]]:
    """Character ranges of modifiers made of a known model family ("a GPT-style transformer", "GPT-4-class
    results"): neither the word nor its family part is a name there (the family is no company either).

    >>> text = "a GPT-style design, GPT-4-class results, Arm-based chips and GPT-4"
    >>> [text[s:e] for s, e in model_modifier_ranges(text, frozenset({"GPT"}))]
    ['GPT-style', 'GPT-4-class']
    """
    return [(m.start(), m.end()) for m in _MODIFIER_WORD.finditer(text)
            if is_modifier_word(m.group()) and re.match(r"[A-Za-z]+", m.group()).group() in families]


def model_shape_spans(doc, families: frozenset) -> list[tuple[int, int, bool]]:
    """Character spans of names shaped like AI models, with whether the family is known.

    ``HYPHEN_MODEL`` shapes are candidates on their own, and so are ``SIZED_MODEL`` ones ("Falcon 180B":
    a size in billions says model); ``SPACED_MODEL`` and ``TIERED_MODEL`` shapes ("Windows 11",
    "Series 5") only when their first word is a known model family.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("Phi-3 Mini rivals GPT-4o, DeepSeek-V2, Llama 3.1 405B, Falcon 180B and Windows 11 in May 2024.")
    >>> [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset({"GPT", "Llama", "Phi"}))]
    [('Phi-3 Mini', True), ('GPT-4o', True), ('DeepSeek-V2', False), ('Llama 3.1 405B', True), ('Falcon 180B', True)]

    A parameter count makes an unknown family a model, and a determiner before a size is no name:

    >>> doc = spacy.blank("en")("Sable-7B beats Qwen2.5-32B and F-35B. The 70B model is good.")
    >>> [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset())]
    [('Sable-7B', True), ('Qwen2.5-32B', True), ('F-35B', False)]

    A spaced name of an unknown family after an owner is a model where its sentence states a count in parameters:

    >>> doc = spacy.blank("en")("Acme's Orbit 2 Mini packs 3.8 billion parameters.")
    >>> [doc.text[s:e] for s, e, _ in model_shape_spans(doc, frozenset())]
    ['Orbit 2 Mini']
    >>> model_shape_spans(spacy.blank("en")("Acme's Orbit 2 Mini packs 3.8 billion pixels."), frozenset())
    []

    A versioned name before its size in parentheses is a model, with its variant word:

    >>> doc = spacy.blank("en")("- Tallow-3 Edge (1.5B): small enough for a laptop; Orbit-2 (about 7B parameters).")
    >>> [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset())]
    [('Tallow-3 Edge', True), ('Orbit-2', True)]
    >>> doc = spacy.blank("en")("the Orbit-2 Fund (1.5B)")
    >>> [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset())]
    [('Orbit-2', False)]

    Names written in lower case: a glued size or a checkpoint's version says model, a tier on a letter-and-digit
    version asks for context (``False``); paths and longer words are no names:

    >>> doc = spacy.blank("en")("Acme put out sable-oss-20b, k4-mini and Wren large-v3, not see /v1/k4-mini or 6-20b.")
    >>> [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset())]
    [('sable-oss-20b', True), ('k4-mini', False), ('Wren large-v3', True)]

    A capitalised hyphenated name with a glued size is one model, words in lower case or with digits inside:

    >>> doc = spacy.blank("en")("Acme put out Sentry-sec-8b and Orca3-Med42-70B, not the F-35B.")
    >>> [(doc.text[s:e], known) for s, e, known in model_shape_spans(doc, frozenset())]
    [('Sentry-sec-8b', True), ('Orca3-Med42-70B', True), ('F-35B', False)]
    """
    text = doc_text(doc)
    found = []
    for m in HYPHEN_MODEL.finditer(text):
        family = re.match(rf"[{_LETTER}]+", m.group()).group()
        found.append((m.start(), m.end(), family in families or bool(HYPHEN_SIZE.match(m.group()))))
    for m in GLUED_VERSION_MODEL.finditer(text):
        found.append((m.start(), m.end(), re.match(rf"[{_LETTER}]+", m.group()).group() in families))
    for pattern in (SPACED_MODEL, TIERED_MODEL):
        for m in pattern.finditer(text):
            if m.group(1) in families or _owned_name_stating_parameters(doc, m.start(), m.end()):
                found.append((m.start(), m.end(), True))
            elif pattern is TIERED_MODEL and (maker := maker_word_before(text, m.start(), families)) is not None:
                found.append((maker, m.end(), False))  # "Acme Voice Mini": a model where the context says one
    for m in SIZED_MODEL.finditer(text):
        maker = maker_word_before(text, m.start(), families) if m.group(1) not in families else None
        found.append((m.start() if maker is None else maker, m.end(), True))
    for pattern, sure in ((LOWER_SIZED_MODEL, True), (CHECKPOINT_MODEL, True), (LOWER_TIERED_MODEL, False),
                          (PAREN_SIZED_MODEL, True), (MIXED_SIZED_MODEL, True)):
        # (a company's or a fund's word ends no model's name: "the Orbit-2 Fund (1.5B)" is money)
        found += [(m.start(), m.end(), sure) for m in pattern.finditer(text) if m.group().split()[-1] not in _NO_MODEL_WORDS]
    found = [f for f in found if not is_modifier_word(text[f[0]:f[1]])]  # "a GPT-4-class model" names none
    # keep the longest of overlapping shapes
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), not f[2]))  # (of two equal shapes, the surer)
    kept, last_end = [], -1
    for start, end, known in found:
        if start >= last_end:
            kept.append((start, end, known))
            last_end = end
    return kept


_MAKER_WORD = re.compile(rf"(?<![\w'’.-])([A-Z][{_LETTER}]+)[ \u00a0]$")
_COMPANY_WORD = "|".join(re.escape(w) for w in sorted(COMPANY_SUFFIXES, key=len, reverse=True))


def maker_word_before(text: str, start: int, families: frozenset) -> int | None:
    """Where a model name begins when its maker's name stands in front of a family word that is no known family:
    "Vellichor Voice 3B" by Vellichor Labs is not "Voice 3B". The maker word is a known family or the first word
    of a company name the text writes with a company word ("Vellichor Labs", "Vellichor AI"). (A known family
    after it, "Meta Llama 3 8B", is the name without its maker: the caller asks only for unknown ones.)

    >>> text = "Vellichor Labs said Vellichor Voice 3B beats Acme Voice 2B."
    >>> start = text.index("Voice 3B")
    >>> text[maker_word_before(text, start, frozenset()):start]
    'Vellichor '
    >>> maker_word_before(text, text.index("Voice 2B"), frozenset()) is None
    True
    """
    m = _MAKER_WORD.search(text, max(0, start - 40), start)
    if m is None or m.end() != start or re.fullmatch(_DETERMINERS, m.group(1)):
        return None
    word = m.group(1)
    if word in families or re.search(rf"\b{word}[ \u00a0](?:{_COMPANY_WORD})(?!\w)", text) \
            or maker_named_alone(text, word, m.start()):
        return m.start()
    return None


def maker_named_alone(text: str, word: str, at: int) -> bool:
    """Whether the text elsewhere names ``word`` on its own, as a name: a maker whose name leads its product
    line ("Halcyra Counsel 12B" by Halcyra, "Larkspur Tutor Mini" by Larkspur Learning), where the text says
    "Halcyra's head of sales" or "Larkspur Learning raised". Written capitalised inside a sentence, never in
    lower case, and once at least neither after a capitalised word nor before the product-line word
    (a first word only at sentence starts, "Meanwhile Orbit 7B", or a surname's first name says nothing).

    >>> text = "Halcyra Counsel 12B is ours. We at Halcyra built it, and Halcyra's team ships Halcyra Counsel Lite."
    >>> maker_named_alone(text, "Halcyra", text.index("Halcyra Counsel 12B"))
    True
    >>> text = "Meanwhile Orbit 7B shipped. Orbit 7B is fast, meanwhile."
    >>> maker_named_alone(text, "Meanwhile", 0)
    False
    >>> maker_named_alone("Acme Voice 3B ships. Acme Voice Mini too.", "Acme", 0)
    False
    """
    if re.search(rf"(?<![\w'’.-]){word.lower()}(?![\w'’-])", text):
        return False
    for m in re.finditer(rf"(?<![\w'’.-]){word}(?![\w-])", text):
        if m.start() == at or re.match(r"[ \u00a0]+[A-Z]", text[m.end():m.end() + 3]):
            continue  # this mention, or a word of a longer name ("Halcyra Counsel")
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(r"[A-Z][\w'’-]*[ \u00a0]+$", before) or not re.search(r"[a-z,;:][ \u00a0]+$|[a-z,;:]\)?[ \u00a0]*$", before):
            continue  # after another name's word, or at a sentence's or a line's start
        return True
    return False


#: The family of a model-shaped name: its leading letters, three or more ("Sarn" of "Sarn-4", "KLM" of "KLM-4.5";
#: "k3-mini" and "F-35" have none: too short to say which family).
_NAME_FAMILY = re.compile(rf"[{_LETTER}]{{3,}}(?=[\d \u00a0.-])")
#: A family the text calls one of models: "the Sarn family of models", "the Tarn models", "Orra model family".
_FAMILY_OF_MODELS = re.compile(
    rf"\b([A-Z][{_LETTER}]{{2,}})[ \u00a0](?:family[ \u00a0]of[ \u00a0](?:[\w-]+[ \u00a0]){{0,2}}models\b|(?:AI[ \u00a0])?models?(?:[ \u00a0]family)?\b)")
#: Nouns of things a model-shaped name may be instead: a chip, a phone, a fund, a version of software...
_OTHER_THING_WORDS = frozenset(
    "accelerator accelerators chips gpus processors phones fund funds bill law act version versions release update "
    "street road route highway aircraft jets planes cars servers system systems".split())


def name_family(name: str) -> str | None:
    """The family word of a model-shaped name, or ``None`` when it has none of three letters or more.

    >>> name_family("Sarn-4"), name_family("KLM-4.5"), name_family("Orra 2 Pro"), name_family("k3-mini"), name_family("F-35")
    ('Sarn', 'KLM', 'Orra', None, None)
    """
    m = _NAME_FAMILY.match(name)
    return m.group() if m else None


def article_model_families(text: str, models) -> frozenset:
    """Families an article shows to be model families: those of the names it types as models on their own
    sentence's evidence (a model noun, a parameter count, a known family), and those it calls a family of
    models ("the Sarn family of models", "the Tarn models").

    >>> sorted(article_model_families("The Tarn models talk. The Orra family of open models grew.", ["Sarn-3"]))
    ['Orra', 'Sarn', 'Tarn']
    >>> sorted(article_model_families("The Walton family sold Acme.", []))
    []
    """
    found = {name_family(name) for name in models} | {m.group(1) for m in _FAMILY_OF_MODELS.finditer(text)}
    return frozenset(found - {None})


def names_another_thing(span) -> bool:
    """Whether the sentence says a model-shaped name is something else: a chip, a phone, a fund, a version of
    software ("4,000 Nimbus H-200 chips", "its Vega-16 phone", "the Lumen-3 fund", "Ledger OS-5, the latest
    version of the software"): the noun right after it, or a class noun the sentence puts beside it."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and _is_other_thing_noun(after):
        return True
    return any(_is_other_thing_noun(t) for t in class_nouns(span)) or class_noun_type(span) is not None


def _is_other_thing_noun(token) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    return bool(words & _OTHER_THING_WORDS or words & PRODUCT_NOUNS)


def family_models(spans, families: frozenset) -> list:
    """Of model-shaped names that have no model evidence in their own sentence, those whose family the article
    shows to be a family of models (:func:`article_model_families`): a reader who has met "Sarn-3, its previous
    model" reads "Sarn-4 matches KLM-4.5" as a model, unless its sentence says it is another thing."""
    return [span for span in spans if name_family(span.text) in families and not names_another_thing(span)]


#: A word of training said of a model, written before it ("trained Kestrel-V3", "open-sourced its Sarn-4") or after it
#: in the passive ("Orra-3 was fine-tuned"): only models are trained, fine-tuned, distilled or open-sourced; a chip
#: or a phone never is. (The parse splits "open-sourced" into three words; the text reads it whole.)
_TRAINING = r"(?:open-sourc(?:e|es|ed)|fine-tun(?:e|es|ed)|(?:pre-?|re)?train(?:s|ed)?|distill?(?:s|ed)?)"
_TRAINED_BEFORE = re.compile(rf"\b{_TRAINING}[ \u00a0]+(?:(?:its|their|the|a|an|our)[ \u00a0]+)?$", re.IGNORECASE)
_TRAINED_AFTER = re.compile(rf"[ \u00a0]+(?:was|were|is|are|has been|have been|had been|being)[ \u00a0]+(?:\w+[ \u00a0]+)?{_TRAINING}\b",
                            re.IGNORECASE)


def is_trained(span) -> bool:
    """Whether its sentence says someone trains, fine-tunes, distils or open-sources a model-shaped name: only models
    are ("Kestrel AI trained Kestrel-V3 for a fraction of ...", "Orra-3 was fine-tuned on ..."). What something is
    trained *on* is data or hardware, not the model ("trained on Nimbus-5 servers" is no evidence).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Acme trained Kestrel-V3 on Nimbus-5 chips. Orra-3 was fine-tuned by Acme.")
    >>> [is_trained(doc.char_span(*m)) for m in ((13, 23), (27, 35), (43, 49))]
    [True, False, True]
    """
    text = doc_text(span.doc)
    sent = sentence_of(span) if span.doc.has_annotation("SENT_START") else span.doc[:]
    return bool(_TRAINED_BEFORE.search(text, sent.start_char, span.start_char)
                or _TRAINED_AFTER.match(text[:sent.end_char], span.end_char))


def strip_model_stage(name: str) -> str:
    """``MAI-1-preview`` -> ``MAI-1``: a release stage names the same model.

    >>> strip_model_stage("MAI-1-preview"), strip_model_stage("GPT-4o")
    ('MAI-1', 'GPT-4o')
    """
    for stage in MODEL_STAGES:
        for sep in ("-", " "):
            if name.lower().endswith(sep + stage):
                return name[: -len(stage) - 1]
    return name


def has_model_context(span, window: int = 6) -> bool:
    """Whether a model noun stands next to ``span`` in its sentence or governs it.

    "its own large language model (LLM) called MAI-1", "MAI-1, a massive new AI model",
    "the Gemini model", "X has 7 billion parameters".
    """
    sent = sentence_of(span)
    lo, hi = max(sent.start, span.start - window), min(sent.end, span.end + window)
    doc = span.doc
    if any(doc[i].lower_ in MODEL_NOUNS for i in range(lo, hi) if not (span.start <= i < span.end)):
        return True
    head = span.root.head
    for _ in range(3):  # "model called X", "model known as X"
        if head.lower_ in MODEL_NOUNS:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def hyphenated_word(token) -> str:
    """The lower-case word a token ends, with the hyphenated parts the tokenizer split off before it.

    The tokenizer splits "start-up" into "start", "-", "up": the noun a rule must read is
    "start-up", not "up" ("Fathom Reasoning, a Zurich start-up").

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("a Zurich start-up and its co-founder")
    >>> hyphenated_word(doc[4]), hyphenated_word(doc[9]), hyphenated_word(doc[1])
    ('start-up', 'co-founder', 'zurich')
    """
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha:
        i -= 2
    # (a word of one token is its own text: no Span to make, the typer asks this of every name's neighbours)
    return token.text.lower() if i == token.i else doc[i : token.i + 1].text.lower()


def _near_tokens(span):
    """Tokens syntactically next to a span: its head, its children, and appositions."""
    root = span.root
    near = [root.head] if root.head.i != root.i else []
    near += [c for c in root.children if not (span.start <= c.i < span.end)]
    near += [c for t in span for c in t.children if c.dep_ == "appos" and not (span.start <= c.i < span.end)]
    return near


def described_by_who(noun) -> bool:
    """A noun whose relative clause opens with "who" names a person, whatever the noun says elsewhere: "the
    indie developer who built a game", "an investor who backed Acme" ("which" and "that" are a firm's).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "developer", "who", "built", "it"],
    ...           heads=[1, 1, 3, 1, 3], deps=["det", "ROOT", "nsubj", "relcl", "dobj"])
    >>> described_by_who(doc[1]), described_by_who(doc[4])
    (True, False)
    """
    return any(c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") and g.dep_ in ("nsubj", "nsubjpass", "dobj")
                                         for g in c.children) for c in noun.children)


#: Company nouns that people are too: "the investor Reid Hoffman", "the developer Ana Ruiz".
PERSON_OR_COMPANY_NOUNS = frozenset("investor investors developer developers operator owner".split())


def has_company_context(span, *, modifier: bool = True) -> bool:
    """Syntax that says a name is a company, whatever the NER label.

    "Zorblax, the startup founded by...", "the Redmond company", "Nvidia's CEO",
    "CEO of Nvidia", "DeepMind co-founder", "Acme Robotics Inc.".
    """
    last = span[-1].text
    if last in COMPANY_SUFFIXES and len(span) > 1 and all(t.is_title or t.is_upper or not t.is_alpha for t in span):
        return True
    root = span.root
    # "its automotive unit, Ashgrove Drive", "the Hangzhou hedge fund High-Flyer", "the visual-effects house Weta"
    # (an investor, developer or owner may be a person: "the investor Reid Hoffman")
    if root.dep_ == "appos" and is_company_noun(root.head) and _lower_word(root.head) and not (
            hyphenated_word(root.head) in PERSON_OR_COMPANY_NOUNS and len(span) > 1 and looks_like_person_name(span)):
        return True
    # "bought the chip startup Nuvia": a company noun with its article just before the name, however parsed
    # (not "the startup Kai-Fu Lee founded": there the name is the clause's subject)
    if root.dep_ not in ("nsubj", "nsubjpass") and follows_company_noun(span):
        return True
    # "a round led by Atomico": who leads a round invests; one word is a firm's name, not a person's
    # (a person's full name stays a person: "a group of investors led by Sean Parker")
    # (a name the NER calls an organisation is a firm's even in a person's shape: "Andreessen Horowitz")
    if (leads_a_round(span) or joins_a_round(span)) and not (
            len(span) > 1 and looks_like_person_name(span) and span.root.ent_type_ != "ORG"):
        return True
    for tok in _near_tokens(span):
        word = hyphenated_word(tok)
        # "Zorblax, the startup", "the Redmond company"
        # (a place name modifying "company" is where the company is: modifier=False for places)
        # (not a noun "who" describes: "Pieter Levels, the indie developer who built a game" is a person)
        if (word in COMPANY_NOUNS or tok.lower_ in MODIFIED_COMPANY_NOUNS and is_company_noun(tok)) and _lower_word(tok) and (tok.dep_ == "appos" or (modifier and tok.i == root.head.i and root.dep_ in ("compound", "nmod"))) \
                and not described_by_who(tok) and not owns_or_joins(span, tok):
            return True
        # "Nvidia's CEO" / "DeepMind co-founder": the span possesses or compounds a role noun
        # (but "made Parker executive chairman": the role is what the name was made)
        if (tok.i == root.head.i and root.dep_ in ("poss", "compound", "nmod") and word in (ROLE_NOUNS if modifier else BUSINESS_ROLES)
                and not is_appointed(span) and not is_gapped_subject(span, tok)):
            return True
        # "Berenberg analysts", "Ashgrove shares"
        if modifier and tok.i == root.head.i and root.dep_ == "compound" and word in COMPANY_MEMBER_NOUNS:
            return True
    if is_its_rival(span):
        return True
    # "CEO of Nvidia", "engineer at Acme" (for places only business roles count)
    roles = ROLE_NOUNS if modifier else BUSINESS_ROLES
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and (
            root.head.head.lower_ in roles or is_chief_officer(root.head.head)):
        return True
    # "an analyst with Morningstar", "a partner with Sequoia": staff of a firm are "with" it
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lower_ in FIRM_STAFF_NOUNS \
            and not (set(t.text for t in span) & ORGANIZATION_WORDS):
        return True
    # "covers software at Berenberg", "the compiler team at Arm": one works at a company, not at a person
    if modifier and root.dep_ == "pobj" and root.head.lower_ == "at" and _is_workplace_head(root.head.head):
        return True
    # "Zorblax is the startup founded by ...", "Acme became a public company"
    if root.dep_ == "nsubj" and root.head.lemma_ in ("be", "become", "remain") and any(
            c.dep_ == "attr" and hyphenated_word(c) in COMPANY_NOUNS for c in root.head.children):
        return True
    # "Neeva was founded by...", "Acme was acquired by..."
    if root.dep_ == "nsubjpass" and root.head.lemma_ in ("found", "acquire", "buy", "fund", "back", "value", "incorporate"):
        return True
    return False


def is_chief_officer(token) -> bool:
    """"chief executive", "chief operating officer": a business's officer; a town or country has a mayor or a
    president, so "chief executive of Paychex" makes a company of a name the NER took for a place.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="chief executive of Zorbex".split(), heads=[1, 1, 1, 2],
    ...           deps=["amod", "ROOT", "prep", "pobj"])
    >>> is_chief_officer(doc[1]), is_chief_officer(doc[3])
    (True, False)
    """
    return token.lower_ in ("executive", "officer") and any(c.lower_ == "chief" for c in token.lefts)


#: Words that open a noun phrase set after a name and a comma to say what the name is: "Zenefits, the
#: benefits start-up", "Krafton, a South Korean publisher".
_APPOSITION_OPENERS = frozenset("the a an".split())
#: Heads of such a phrase that make the name a company beyond the company nouns: a business's part ("the
#: fintech arm of") or a trade's house ("the horror studio"); "publisher" only of a one-word name ("Jane Roe,
#: the publisher of the Post" is a person).
_APPOSED_COMPANY_HEADS = frozenset("arm studio studios".split())
#: Parts of speech that end such a phrase: "the publisher [behind] PUBG", "the start-up [he] co-founded".
_PHRASE_ENDS = frozenset("ADP PRON AUX PUNCT CCONJ SCONJ DET PART NUM".split())


def apposed_head(span) -> str | None:
    """The head noun, as written and hyphen-joined, of the noun phrase that follows a name after a comma and
    opens with an article ("Zenefits, the benefits start-up he co-founded" -> "start-up"; "Krafton, the South
    Korean publisher behind PUBG" -> "publisher"; "Itaú, Latin America's biggest bank" -> "bank"), read off the words, since the parser often hangs such a phrase
    elsewhere; ``None`` where no such phrase follows, or its noun possesses ("Sam Altman, the company's chief").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Velt", ",", "the", "benefits", "start", "-", "up", "he", "ran", ",", "the", "company", "'s", "chief"]
    >>> pos = ["PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "NOUN", "PRON", "VERB", "PUNCT", "DET", "NOUN", "PART", "NOUN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, spaces=[False, True, True, True, False, False, True, True, False, True, True, False, True, False])
    >>> apposed_head(doc[0:1]), apposed_head(doc[8:9])
    ('start-up', None)
    """
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return None
    j = _after_possessor(doc, i + 1) if doc[i + 1].lower_ not in _APPOSITION_OPENERS else i + 2
    if j is None:
        return None
    words = []
    while j < len(doc) and len(words) < 6:
        tok = doc[j]
        if tok.text in ("-", "–") and words and not tok.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < len(doc):
            words[-1] += "-" + doc[j + 1].lower_  # "start-up": the tokenizer's three tokens, one word
            j += 2
            continue
        if tok.pos_ in _PHRASE_ENDS or not tok.is_alpha:
            break
        words.append(tok.lower_)
        j += 1
    # (a capitalised head is a name's, no description: "in Bremerhaven, a Naval Service Unit (MDG)")
    if not words or (j < len(doc) and doc[j].lower_ in ("'s", "’s")) or not doc[j - 1].is_lower:
        return None
    return words[-1]


def _after_possessor(doc, i) -> int | None:
    """Where the words after a capitalised possessor start ("Latin America's biggest private bank": after
    "'s"), or ``None`` where no possessor of at most four name words stands at ``i``."""
    j = i
    while j < len(doc) and j - i < 4 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha:
        j += 1
    return j + 1 if i < j < len(doc) and doc[j].lower_ in ("'s", "’s") else None


def apposed_as_company(span) -> bool:
    """A name that an article-led noun phrase after it calls a company ("Zenefits, the benefits start-up",
    "Blumhouse, the horror studio", "Mercado Pago, the fintech arm of ...", "Krafton, the South Korean publisher
    behind PUBG"): the apposition says what the name is, whatever the name's shape or the tagger's label.
    (Not a noun a person is too: "investor", "developer", "owner".)"""
    head = apposed_head(span)
    if head is None:
        return False
    if head == "publisher":
        return len(span) == 1
    return head in COMPANY_CLASS_NOUNS or head in _APPOSED_COMPANY_HEADS


def owns_or_joins(span, noun) -> bool:
    """A name that possesses the company noun it hangs on owns that company ("Berkshire Hathaway, Warren
    Buffett's conglomerate": Buffett is its owner, not a company), and one coordinated with it is another
    thing listed beside it ("the fund set up by two co-founders, Hernán Kazah and ..." parsed as the fund's conjunct).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Acme", ",", "Ann", "Lee", "'s", "conglomerate"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 3, 5, 3, 0], deps=["ROOT", "punct", "compound", "poss", "case", "appos"])
    >>> owns_or_joins(doc[2:4], doc[5]), owns_or_joins(doc[0:1], doc[5])
    (True, False)
    """
    root = span.root
    return root.head.i == noun.i and root.dep_ in ("poss", "conj")


def is_gapped_subject(span, role) -> bool:
    """"Lample is chief scientist and Lacroix chief technology officer": a name the tagger calls a
    person, before a role that continues a copula's complement, is that second clause's subject with
    its verb left out, not the company of the role.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Lample", "is", "chief", "and", "Lacroix", "CTO"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 5, 2],
    ...           deps=["nsubj", "ROOT", "attr", "cc", "nmod", "conj"], ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O"])
    >>> is_gapped_subject(doc[4:5], doc[5])
    True
    """
    return (role.dep_ == "conj" and role.head.dep_ == "attr" and span.root.ent_type_ == "PERSON"
            and any(c.dep_ == "nsubj" for c in role.head.head.children))


def _lower_word(token) -> bool:
    """A word written in lower case (or capitalised only to start a sentence): not part of a name
    such as "Joy Division" or "Lotus Development"."""
    return token.is_lower or (token.is_sent_start and not token.is_upper) or not token.is_alpha


def _is_workplace_head(token) -> bool:
    """Whether "at X" under ``token`` names where someone works: "team at X", "years at X", "covers software at X"
    (but not "looked at X" or "at 5pm")."""
    if token.pos_ == "NOUN":
        return True
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in WORK_VERBS


def has_person_context(span) -> bool:
    """Syntax that says a name is a person's, whatever the NER label.

    "Snowflake's chief executive, Sridhar Ramaswamy", "CEO Jane Doe", "Jane Doe, a senior vice
    president at AMD", "Wielgosz is chief technology officer", "founded by Omri Geller".
    """
    root = span.root
    head = root.head
    if root.dep_ == "appos" and _is_role(head):
        return True
    if any(c.dep_ in ("compound", "appos", "amod") and _is_role(c) for c in root.children if not (span.start <= c.i < span.end)):
        return True
    if root.dep_ == "nsubj" and head.lemma_ in ("be", "become", "remain") and any(c.dep_ == "attr" and _is_role(c) for c in head.children):
        return True
    if (root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ in ("found", "co-found", "cofound", "start", "establish", "lead", "head", "run")
            and not leads_a_round(span)):
        return True
    # "the startup Kai-Fu Lee founded in 2023": a person's name founds
    if root.dep_ == "nsubj" and head.lemma_.lower() in ("found", "co-found", "cofound") and len(span) > 1 and looks_like_person_name(span):
        return True
    # "Colen was born in Ghent", "married to Alexandra Colen", "McLellan died on election day": only people
    if lives_a_life(span):
        return True
    # "made Parker executive chairman", "named Lee CEO"
    if is_appointed(span):
        return True
    # "with Tomasz Welland, who is our chief technology officer": "who" is said of people ("which" of firms)
    # (right after a comma; no people's plural, "African Americans, who", and no work, law or event the
    # parser hung the clause on: "the Christian Bible, who was estimated to have lived ...")
    # (not a role's employer the parser hung the clause on: "Dana Roe, an analyst at Osterley Research, who covers ...")
    if (len(span) > 1 and looks_like_person_name(span) and span.end + 1 < len(span.doc) and span.doc[span.end].text == ","
            and not (root.dep_ == "pobj" and head.lower_ in ("at", "with", "of") and (_is_role(head.head) or head.head.lower_ in FIRM_STAFF_NOUNS))
            and span.doc[span.end + 1].lower_ == "who" and root.ent_type_ in ("PERSON", "ORG", "GPE", "")
            and span[-1].tag_ != "NNPS" and not any(t.text in ORGANIZATION_WORDS for t in span)
            and any(c.dep_ == "relcl" and any(s.i == span.end + 1 and s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                    for c in root.children)):
        return True
    # "to replace Thabo Mbeki as president": whoever is replaced or succeeded in a role held it
    if len(span) > 1 and root.dep_ == "dobj" and head.lemma_ in ("replace", "succeed") and any(
            p.dep_ == "prep" and p.lower_ == "as" and any(o.dep_ == "pobj" and _is_role(o) for o in p.children)
            for p in head.children):
        return True
    return False


def lives_a_life(span) -> bool:
    """Whether the sentence has a name be born, marry or die, as only people do: "She was born in Tulsa"
    is read by the pronoun; "Lorena Whitcombe was born in Tulsa", "married to Alexandra Colen",
    "Caldor Ashby married Mina Ferrow", "Peter McLellan died on election day".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Ashby", "was", "born", "and", "Colen", "married", "Acme", "'s", "founder"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 5, 2, 8, 6, 5],
    ...           deps=["nsubjpass", "auxpass", "ROOT", "cc", "nsubj", "conj", "poss", "case", "dobj"],
    ...           lemmas=["Ashby", "be", "bear", "and", "Colen", "marry", "Acme", "'s", "founder"],
    ...           pos=["PROPN", "AUX", "VERB", "CCONJ", "PROPN", "VERB", "PROPN", "PART", "NOUN"])
    >>> lives_a_life(doc[0:1]), lives_a_life(doc[4:5]), lives_a_life(doc[6:7])
    (True, True, False)
    """
    root = span.root
    if root.dep_ == "appos":  # "The incumbent, Peter McLellan, died": what the apposition's head does
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "married":
        return True
    if root.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "married" and c.dep_ in ("acomp", "ROOT") for c in (head, *head.children)):
        return True  # "Vantrell is married to ...", "they were married in 1962"
    lemma = head.lemma_.lower()
    return ((root.dep_ == "nsubjpass" and lemma == "bear" and head.lower_ == "born")
            or (root.dep_ in ("nsubj", "dobj") and lemma in ("marry", "die") and head.pos_ == "VERB"))


def is_company_noun(token) -> bool:
    """A noun that says company: "startup", "firm" and the like, or "house" with a trade before it
    ("the visual-effects house", "a publishing house"; "the White House" is a name).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "effects", "house", "and", "a", "house"],
    ...           heads=[2, 2, 2, 2, 5, 2], deps=["det", "compound", "ROOT", "cc", "det", "conj"])
    >>> is_company_noun(doc[2]), is_company_noun(doc[5])
    (True, False)
    """
    word = hyphenated_word(token)
    if word in COMPANY_NOUNS:
        return True
    return token.lower_ in MODIFIED_COMPANY_NOUNS and any(
        c.dep_ in ("compound", "amod") and c.i < token.i and _lower_word(c) for c in token.children)


def follows_company_noun(span) -> bool:
    """"the chip startup Nuvia", "a Paris-based firm Acme": an article, lower-case modifiers and a company
    class noun ("startup", "firm"; not "investor" or "developer", which people are too) right before the name.

    >>> import spacy
    >>> doc = spacy.blank("en")("Qualcomm bought the chip startup Nuvia and the Nuvia team")
    >>> follows_company_noun(doc[5:6]), follows_company_noun(doc[8:9])
    (True, False)
    """
    doc = span.doc
    if span.start < 2:
        return False
    noun = doc[span.start - 1]
    if not (noun.is_lower and hyphenated_word(noun) in COMPANY_CLASS_NOUNS):
        return False
    i = noun.i - 1
    # (over trade words and a people's adjective, "the Portuguese company X", to an article or a possessor's
    # "'s", "G42's subsidiary X")
    while (i >= 0 and (doc[i].is_lower or doc[i].text == "-" or doc[i].pos_ == "ADJ") and doc[i].lower_ not in DETERMINER_WORDS
           and doc[i].tag_ != "POS"):
        i -= 1
    return i >= 0 and (doc[i].lower_ in DETERMINER_WORDS or doc[i].tag_ == "POS") and noun.i - i <= 5


def names_after_a_company_noun(span) -> bool:
    """"the Portuguese company Tekever", "G42's subsidiary Inception", "the chipmaker Harrowgate": a name the NER
    missed, right after a company noun of a determined phrase (:func:`follows_company_noun`), and not the
    subject of a clause on that noun ("the startup Altman founded": the founder, not the startup).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["the", "startup", "Orlo", "raised", "and", "the", "startup", "Ames", "founded"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 3, 1, 3, 3, 6, 3, 8, 6],
    ...           deps=["det", "nsubj", "appos", "ROOT", "cc", "det", "conj", "nsubj", "relcl"])
    >>> names_after_a_company_noun(doc[2:3]), names_after_a_company_noun(doc[7:8])
    (True, False)
    """
    root = span.root
    noun = span.doc[span.start - 1] if span.start > 0 else None
    if noun is None or not follows_company_noun(span):
        return False
    return not (root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("relcl", "acl") and root.head.head.i == noun.i)


#: Words that open the noun phrase of "the chip startup Nuvia".
DETERMINER_WORDS = frozenset("the a an its their his her our".split())


#: Company nouns whose modifier is the company's owner or its own name, not its place: "the Alphabet unit",
#: "a G42 subsidiary", "the Mellanox business", "the SoftBank fund", "the Adani conglomerate".
OWNED_COMPANY_NOUNS = frozenset("unit division subsidiary business lab labs laboratory fund conglomerate giant".split())


def says_where_a_company_is(span) -> bool:
    """"the Freiburg image-model start-up", "a Kyoto startup", "the Emirati company": a name between an article
    and a company noun (with only lower-case trade words between) says where the company is, not which one
    it is; the company is the phrase, named beside it if at all. Not a noun of a part or a holding ("the
    Alphabet unit", "the SoftBank fund"), whose modifier is the owner.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["the", "Freiburg", "image", "start-up", "and", "the", "Alphabet", "unit"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 3, 3, 3, 7, 7, 3],
    ...           deps=["det", "compound", "compound", "ROOT", "cc", "det", "compound", "conj"])
    >>> says_where_a_company_is(doc[1:2]), says_where_a_company_is(doc[6:7])
    (True, False)
    """
    doc = span.doc
    root = span.root
    noun = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or noun.i < span.end or not noun.is_lower:
        return False
    word = hyphenated_word(noun)
    if word not in COMPANY_NOUNS or word in OWNED_COMPANY_NOUNS or noun.lower_ in OWNED_COMPANY_NOUNS:
        return False
    # (only trade words between the name and the noun: "the Freiburg image-model start-up")
    if not all(doc[i].is_lower or doc[i].text == "-" for i in range(span.end, noun.i)):
        return False
    return span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an")


def is_founded(span) -> bool:
    """"she co-founded Corvid Silicon": what someone founds is a company or an organisation, never a person
    (which of the two, the name's words and the text say).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["she", "co-founded", "Corvid", "Silicon"],
    ...           heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "compound", "dobj"], lemmas=["she", "co-found", "Corvid", "Silicon"])
    >>> is_founded(doc[2:4])
    True
    """
    root = span.root
    return root.dep_ == "dobj" and root.head.lemma_.lower() in ("found", "co-found", "cofound")


def leads_a_round(span) -> bool:
    """"a $120 million round led by Atomico", "the financing was led by X": the name leads a funding round.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["a", "round", "led", "by", "Atomico"],
    ...           heads=[1, 1, 1, 2, 3], deps=["det", "ROOT", "acl", "agent", "pobj"], lemmas=["a", "round", "lead", "by", "Atomico"])
    >>> leads_a_round(doc[4:5])
    True
    """
    root = span.root
    root = first_conjunct(root)  # "led by Atomico and Balderton"
    by = root.head
    # "Trevelyn led the round", "Brattholm Kapital led it": the active verb's subject leads what it leads
    if root.dep_ == "nsubj" and by.lemma_.lower() in LEAD_LEMMAS:
        return _leads_funding_object(by)
    if root.dep_ != "pobj" or by.lower_ != "by" or by.head.lemma_.lower() not in LEAD_LEMMAS:
        return False
    return is_round_lead_verb(by.head)


#: Lemmas of leading a round ("co-led" is "led").
LEAD_LEMMAS = frozenset(("lead", "co-lead", "colead"))


def is_round_lead_verb(verb) -> bool:
    """A passive "led" that leads a funding round: "a round led by X", "the round was led by X"."""
    if verb.dep_ == "acl":  # "a round led by X"
        return (hyphenated_word(verb.head) in FUNDING_NOUNS or verb.head.lemma_.lower() in FUNDING_NOUNS
                or is_round_letter(verb.head) or _names_investors(verb.head))
    # "the round was led by X"
    return any(c.dep_ == "nsubjpass" and (c.lemma_.lower() in FUNDING_NOUNS or is_round_letter(c)) for c in verb.children)


def _leads_funding_object(verb) -> bool:
    """An active "led" whose object is a funding round: "led the round", "led the Series B", or "led it"
    where the sentence or the one before names the round ("raised $18 million. Trevelyn led it")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(hyphenated_word(o) in FUNDING_NOUNS or o.lemma_.lower() in FUNDING_NOUNS or is_round_letter(o) for o in objects):
        return True
    if not any(o.lower_ == "it" for o in objects) or not verb.doc.has_annotation("SENT_START"):
        return False
    sent = verb.sent
    before = verb.doc[sent.start - 1].sent if sent.start > 0 else sent
    return any(hyphenated_word(t) in FUNDING_NOUNS or t.lemma_.lower() in FUNDING_NOUNS
               for t in verb.doc[before.start:sent.end])


def is_round_letter(token) -> bool:
    """"a Series A", "the Series B": a round named by its letter, which the parser makes the phrase's head (with
    "Series" a compound of it), is a funding round as "round" is.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["a", "Series", "A", "led", "by", "Partech"],
    ...           heads=[2, 2, 2, 2, 3, 4], deps=["det", "compound", "ROOT", "acl", "agent", "pobj"])
    >>> is_round_letter(doc[2]), is_round_letter(doc[5])
    (True, False)
    """
    return (len(token.text) <= 2 and token.text[:1] in "ABCDEFGHIJK" and token.text[:1].isupper()
            and any(c.dep_ == "compound" and c.lower_ in ("series", "round") for c in token.children))



#: Nouns of those who put money into a company: "investors led by X" lead its round.
INVESTOR_NOUNS = frozenset("investor backer shareholder".split())


def _names_investors(noun) -> bool:
    """"investors", "a group of investors", "a syndicate of backers": a noun of investors, whose leader leads
    what they invest (one word is a firm's name: "investors led by Greycroft"; a person's full name stays a
    person's, :func:`has_company_context` sees to that: "a group of investors led by Sean Parker").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["a", "group", "of", "investors", "and", "a", "group", "of", "friends"],
    ...           heads=[1, 1, 1, 2, 1, 6, 1, 6, 7], deps=["det", "ROOT", "prep", "pobj", "cc", "det", "conj", "prep", "pobj"],
    ...           lemmas=["a", "group", "of", "investor", "and", "a", "group", "of", "friend"])
    >>> _names_investors(doc[3]), _names_investors(doc[1]), _names_investors(doc[6])
    (True, True, False)
    """
    if noun.tag_ not in ("NN", "NNS", "") or noun.lemma_.lower() not in INVESTOR_NOUNS | {"group", "consortium", "syndicate"}:
        return False
    if noun.lemma_.lower() in INVESTOR_NOUNS:
        return True
    return any(p.lower_ == "of" and any(o.lemma_.lower() in INVESTOR_NOUNS for o in p.children) for p in noun.children)


def joins_a_round(span) -> bool:
    """"a Series A led by Ostwind Capital with Harrowgate and Pinecrest Angels participating": a name that
    takes part in a sentence's funding round invests in it.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["a", "round", "with", "Pinecrest", "Angels", "participating"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 5, 2],
    ...           deps=["det", "ROOT", "prep", "compound", "nsubj", "pcomp"], lemmas=["a", "round", "with", "Pinecrest", "Angels", "participate"])
    >>> joins_a_round(doc[3:5])
    True
    """
    root = span.root
    root = first_conjunct(root)  # "with Harrowgate and Pinecrest Angels participating"
    last = root
    while any(c.dep_ == "conj" for c in last.children):
        last = [c for c in last.children if c.dep_ == "conj"][-1]
    after = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
    # "a round led by Index Ventures with IVP, Atomico and WiL": the names "with" the round's leader join it
    if (root.dep_ == "pobj" and root.head.lower_ in ("with", "alongside") and root.head.head.lemma_.lower() in LEAD_LEMMAS
            and is_round_lead_verb(root.head.head)):
        return True
    # (the subject of "participating", or the list right before it however parsed)
    if not ((root.dep_ == "nsubj" and root.head.lemma_.lower() == "participate")
            or (after is not None and after.lemma_.lower() == "participate")):
        return False
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return any(hyphenated_word(t) in FUNDING_NOUNS or t.lemma_.lower() in FUNDING_NOUNS for t in sent)


def is_appointed(span) -> bool:
    """"made Parker executive chairman", "named Lee CEO": the name modifies a role noun that is what an
    appointing verb makes of it (the parser reads the name as a compound of the role).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["made", "Parker", "executive", "chairman"],
    ...           heads=[0, 3, 3, 0], deps=["ROOT", "compound", "amod", "dobj"], lemmas=["make", "Parker", "executive", "chairman"])
    >>> is_appointed(doc[1:2])
    True
    """
    root = span.root
    role = root.head
    if root.dep_ not in ("compound", "nmod") or role.i == root.i or hyphenated_word(role) not in ROLE_NOUNS:
        return False
    if any(c.dep_ in ("det", "poss") for c in role.children):
        return False  # "made the Acme chairman a partner", "named its Acme CEO": a company's role
    return role.dep_ in ("dobj", "oprd", "ccomp", "xcomp") and role.head.lemma_.lower() in APPOINTING_VERBS


def _is_role(token) -> bool:
    """A role noun, or a noun whose modifiers make one: "chief technology officer", "senior vice president",
    "managing partner" (a firm is a "partner" alone, never a managing or founding one)."""
    word = hyphenated_word(token)
    if word in ROLE_NOUNS and word not in ("partner", "investor", "owner"):
        return True
    # ("its chief rival, Rippling": a rival is no post, however it is modified)
    return token.pos_ == "NOUN" and word not in _RIVALS and any(c.lower_ in ("chief", "vice", "senior", "managing", "founding") for c in token.children)


#: Nouns of a competitor: "its chief rival, Rippling" names a thing of the kind "its" refers to.
_RIVALS = word_list("entities", "rival_nouns")


def is_its_rival(span) -> bool:
    """A name set beside a rival noun that "its" possesses ("its chief rival, Rippling", "its Swedish rival
    Ericsson") is a company's rival, a company: "its" is said of things, a person's rival is "his" or "her"."""
    root = span.root
    noun = root.head if root.dep_ == "appos" else (span.doc[span.start - 1] if span.start > 0 else None)
    if noun is None or noun.lower_ not in _RIVALS or (root.dep_ != "appos" and noun.head.i != root.i):
        return False
    return any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children)


#: Nouns of a group of models that an apposition gives a name: "OpenELM, a set of small models".
MODEL_COLLECTION_NOUNS = frozenset("set family series suite collection line range pair".split())


_OWNER_WORDS = frozenset({"'s", "’s", "its", "their"})


def _owned_name_stating_parameters(doc, start: int, end: int) -> bool:
    """A name after an owner ("Acme's Orbit 2 Mini", "its Orbit 2 Mini") in a sentence that states a count in
    parameters. (Without the owner, a date or an opening phrase has the shape: "March 6", "At 24 billion".)"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in _OWNER_WORDS \
        and states_parameter_count(span)


def states_parameter_count(span) -> bool:
    """Whether the sentence of ``span`` states a count in parameters: only models have parameters, so a
    model-shaped name there ("Alder-1, which weighs in at 12 billion parameters") is a model.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
    <...>
    >>> [states_parameter_count(nlp(t)[:3]) for t in ("Alder-1 weighs in at 12 billion parameters.",
    ...                                               "Alder-1 has a 14-billion-parameter design.",
    ...                                               "Alder-1 was trained on 12 billion tokens.",
    ...                                               "Alder-1 has 355 billion total parameters.")]
    [True, True, False, True]
    """
    text = sentence_of(span).text
    # (one word may stand between the count and its noun: "355 billion total parameters")
    return any("param" in text[start:end].lower() or _PARAMETERS_AFTER.match(text, end)
               for start, end, _ in iter_parameters(text))


_PARAMETERS_AFTER = re.compile(r"[ \u00a0-](?:[a-z]+[ \u00a0])?param", re.IGNORECASE)


def has_strong_model_context(span) -> bool:
    """A model noun in apposition, compound or naming construction: "Poro, a 34B model",
    "the Takane model", "a model called Takane"."""
    root = span.root
    # (a plural describes no one name: "The Week in AI: open weights from ...")
    if any(c.dep_ == "appos" and c.lower_ in MODEL_NOUNS and c.tag_ != "NNS" for c in root.children):
        return True
    # "OpenELM, a set of small models", "Gemma, a family of open models"
    if any(c.dep_ == "appos" and c.lower_ in MODEL_COLLECTION_NOUNS and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in MODEL_NOUNS for o in p.children)
            for p in c.children) for c in root.children):
        return True
    head = root.head
    # (a language's name before the noun says what the model speaks: "the 7B Hindi model" names none)
    if root.dep_ in ("compound", "appos", "nmod") and head.lower_ in MODEL_NOUNS and root.text not in LANGUAGE_NAMES:
        return True
    if root.dep_ in ("oprd", "attr", "dobj") and head.lemma_ in ("call", "name", "dub", "brand") and head.head.lower_ in MODEL_NOUNS:
        return True
    return False


def is_publication_context(span) -> bool:
    """"according to X", "X reported", "told X": X is a publication or news agency."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if root.dep_ == "nsubj" and head.lemma_ in ("report", "reveal") and span.label_ != "PERSON":
        return True
    return False


NAME_PARTICLES = word_list("entities", "name_particles")


def _is_name_word(word: str) -> bool:
    """"Huang", "Fei-Fei", "O'Brien", "J.", "Timothée"; particles like "van" and "bin" too; a romanised
    Korean given name of two syllables ("Jae-yong", "Tae-won"), whose second is written in lower case
    (a short capitalised compound, "Well-known", has that shape too: callers read names that the tagger
    or a context proposed, not every word).

    >>> [_is_name_word(w) for w in ("Fei-Fei", "Jae-yong", "Tae-won", "Co-founder", "Self-driving")]
    [True, True, True, False, False]
    """
    if word in NAME_PARTICLES:
        return True
    parts = word.split("-")
    if len(parts) == 2 and 2 <= len(parts[0]) <= 4 and parts[0].istitle() and parts[1].isalpha() \
            and parts[1].islower() and 2 <= len(parts[1]) <= 5 and parts[0].isalpha():
        return True
    return all(p[:1].isupper() and p[:1].isalpha() and all(c.isalpha() or c in ".'’" for c in p) and
               (len(p) == 1 or p[1:].replace(".", "").replace("'", "").replace("’", "").islower() or p[:2] == "Mc")
               for p in parts) and not word.endswith("'s")


def looks_like_person_name(span) -> bool:
    """One to five capitalised name words ("Jensen Huang", "Fei-Fei Li"), no digits, company suffixes or place words,
    and not a person's surname with a plural after it ("Bezos Expeditions": a firm named after its owner)."""
    words = span.text.split()
    return 1 <= len(words) <= 5 and all(_is_name_word(w) for w in words) and words[-1] not in COMPANY_SUFFIXES \
        and words[0] not in NAME_PARTICLES and not (set(words) & PLACE_WORDS) and not _plural_last(span) \
        and not (len(words) > 1 and is_no_surname(words[-1]))


#: Last words that no surname is: money words of investment firms, in English and in the Germanic spelling
#: ("Walden Catalyst", "Valor Equity", "Brattholm Kapital").
_FIRM_LAST_WORDS = frozenset("Catalyst Equity Kapital Capitale Kapitaal Invest".split())
#: Endings of abstract nouns ("Autonomy", "Analytics", "Unity", "Biology"): a name that ends in one is a
#: firm's, a body's or a work's ("Skarvik Autonomy", "Boston Dynamics"), for surnames are no abstract nouns.
_ABSTRACT_ENDINGS = ("omy", "ity", "ics", "ogy")


def is_no_surname(word: str) -> bool:
    """Whether a capitalised last word can be no person's surname: a firm's money word or an abstract noun.

    >>> [is_no_surname(w) for w in ("Catalyst", "Kapital", "Autonomy", "Dynamics", "Huang", "Mendez", "Kellogg")]
    [True, True, True, True, False, False, False]
    """
    return word in _FIRM_LAST_WORDS or (len(word) > 5 and word[0].isupper() and word.endswith(_ABSTRACT_ENDINGS))


def _plural_last(span) -> bool:
    """A name of two or more words that ends in a plural after the surname of a person the text named in full
    before: "Jeff Bezos ... his family office, Bezos Expeditions" (a firm named after its owner; not "Kirsten Spears" or "Pieter Aalders", whose first word is no surname of the text's; the tagger
    reads both kinds of last word as plurals and proper nouns alike)."""
    last = span[-1].text
    if len(span) < 2 or len(last) < 4 or not last.endswith("s") or last.endswith("ss"):
        return False
    return any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span[0].text and e.end <= span.start for e in span.doc.ents)


# ---------------------------------------------------------------------------
# What a name is, said by a common noun the sentence puts beside it: "Chrome, a browser",
# "the band Metallica", "Load is an album", "missiles such as Cirit and UMTAS".
# ---------------------------------------------------------------------------

#: Staff nouns of firms, whose "with X" names where they work: "an analyst with Morningstar".
FIRM_STAFF_NOUNS = word_list("entities", "firm_staff_nouns")
#: Nouns of things made and sold (software, devices, games, vehicles, weapons): the name is a product.
PRODUCT_NOUNS = word_list("entities", "product_nouns")
#: Nouns of works (films, songs, books, shows): the name is no person, company or place of ours.
WORK_NOUNS = word_list("entities", "work_nouns")
#: Nouns of organisations that are not companies: universities, agencies, parties, charities, bands, teams, forces.
ORGANIZATION_NOUNS = word_list("entities", "organization_nouns")
#: Nouns of publications and broadcasters: the name is a publication.
PUBLICATION_NOUNS = word_list("entities", "publication_nouns")
#: Occupations: "Martina McBride, an American singer" is a person.
PERSON_NOUNS = word_list("entities", "person_nouns")
#: Nouns of places: "Ripton, a town in Vermont", "the town of Ripton".
PLACE_NOUNS = word_list("entities", "place_nouns")
#: Place nouns of "the town of X" (X is the town).
NAMED_PLACE_NOUNS = word_list("entities", "named_place_nouns")
#: Company nouns that say "company" of a name beside them (not "investor" or "developer", which people are too).
COMPANY_CLASS_NOUNS = COMPANY_NOUNS - frozenset("investor developer operator owner lab labs laboratory".split())
CLASS_NOUNS = {"COMPANY": COMPANY_CLASS_NOUNS, "PRODUCT": PRODUCT_NOUNS, "WORK": WORK_NOUNS, "ORGANIZATION": ORGANIZATION_NOUNS,
               "PUBLICATION": PUBLICATION_NOUNS, "PERSON": PERSON_NOUNS, "PLACE": PLACE_NOUNS}
#: Two-word nouns of products whose head alone says little: "an operating system", "a search engine".
PRODUCT_PHRASES = word_list("entities", "product_phrases")
#: Participles whose agent makes a name a product ("Chrome, developed by Google") or a work ("Jaws,
#: directed by Steven Spielberg"); "built" and "designed" make buildings too, "published" newspapers.
PRODUCT_PARTICIPLES = word_list("entities", "product_participles")
WORK_PARTICIPLES = word_list("entities", "work_participles")
#: Last words of names of events, awards and wars, which are no organisations, companies or people:
#: "Walter Naumburg Competition", "Distinguished Service Medal", "American Civil War".
EVENT_HEADS = word_list("entities", "event_heads")
#: Last words of newspapers' and magazines' names: "The Sacramento Bee" no, "Yorkshire Post" yes.
PUBLICATION_HEADS = word_list("entities", "publication_heads")
#: Prefixes of ships' names: "HMS Ardent", "USS Enterprise" (a warship is a product).
SHIP_PREFIXES = word_list("entities", "ship_prefixes")
#: Verbs that name a thing: "a browser called Chrome", "a band named Dolores".
NAMING_VERBS = word_list("entities", "naming_verbs")


def _common_noun(token) -> bool:
    """A lower-case common noun, not a word of a name ("Division" of "Joy Division" is none). A lower-case word
    the tagger took for a name's is a noun too: "hedge fund High-Flyer" ("fund" tagged PROPN before a name)."""
    return (token.pos_ == "NOUN" and _lower_word(token)) or (token.pos_ == "PROPN" and token.is_lower and token.is_alpha)


#: Nouns of a collection whose "of" says of what: "a series of phones", "a line of devices".
COLLECTION_NOUNS = word_list("entities", "collection_nouns")


def _class_of(token) -> str | None:
    if not _common_noun(token):
        return None
    words = {hyphenated_word(token), token.lemma_.lower(), token.lower_}
    # (the modifier as written too: "media" is lemmatised "medium")
    if any(f"{w} {token.lemma_.lower()}" in PRODUCT_PHRASES for c in token.children
           if c.dep_ in ("compound", "amod") for w in (c.lemma_.lower(), c.lower_)):
        return "PRODUCT"
    if words & COLLECTION_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found = {_class_of(obj) for obj in prep.children if obj.dep_ == "pobj"} - {None}
                if found:
                    return found.pop() if len(found) == 1 else None
        # "moped lines including the City-Bike": a collection of products named by a noun before it
        # (the tagger calls "moped" there a verb; a "television series" is a show)
        if token.lemma_.lower() not in WORK_NOUNS and any(c.dep_ in ("compound", "amod") and c.is_lower and (c.lower_ in PRODUCT_NOUNS or _class_of(c) == "PRODUCT")
               for c in token.children):
            return "PRODUCT"
    for label, nouns in CLASS_NOUNS.items():
        if words & nouns:
            return label
    # occupations past any list: "internist", "bacteriologist", "physician", "technician"
    lemma = token.lemma_.lower()
    if len(lemma) > 6 and (lemma.endswith(("ologist", "ician")) or (lemma.endswith("ist") and not lemma.endswith(("list", "wrist", "twist")))):
        return "PERSON"
    return None


def class_of_noun(token) -> str | None:
    """What a common noun says a name beside it is (``COMPANY`` for "firm", "fund"), or ``None``."""
    return _class_of(token)


def class_nouns(span) -> list:
    """Common nouns the sentence puts beside a name as what it is.

    "Chrome, a browser" and "the band Metallica" (apposition), "Load is an album" (a copula's
    complement), "the album Load" (a noun just before the name), "missiles such as Cirit and
    UMTAS" and "games including Pong" (a list's noun; every conjunct shares it), "a band called
    Dolores" (naming verbs), "its Buick and Cadillac brands" (a brand or a collection of products
    the name modifies).
    """
    root = name_root(span)
    first = root
    # up through coordination and through an apposition with another name ("Khooni Khanjar (Fighting
    # Blade) is a film"): coordinated and apposed names are of one kind
    while (first.dep_ == "conj" or (first.dep_ == "appos" and first.head.pos_ == "PROPN")) and first.head.i != first.i:
        first = first.head
    out = []
    if first.dep_ == "appos" and first.head.i != first.i:
        out.append(first.head)
    # (not a noun of a relative clause the parser took for an apposition: "Jan Leike, who co-led its safety team, ...")
    doc = span.doc
    relative = span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in ("who", "whom", "whose")
    out += [c for c in first.children if c.dep_ == "appos" and not (span.start <= c.i < span.end)
            and not (relative and c.i > span.end)]
    head = first.head
    if first.dep_ == "nsubj" and head.lemma_ in ("be", "become", "remain"):
        out += [c for c in head.children if c.dep_ == "attr"]
    doc = span.doc
    # "its Buick, Chevrolet and Cadillac brands", "the Monkey Island series of adventure games": a name
    # modifying a brand, or a collection whose nouns say products (not "the Toyota cars": a maker's)
    if (first.dep_ in ("compound", "nmod") and head.i >= span.end and _common_noun(head) and head.lemma_.lower() in COLLECTION_NOUNS
            and (head.lemma_.lower() == "brand" or _class_of(head) == "PRODUCT")):
        out.append(head)
    # "the band Metallica" (a compound: in "the startup Kai-Fu Lee founded" the parser makes the noun an amod)
    if span.start > 0 and doc[span.start - 1].head.i == root.i and doc[span.start - 1].dep_ in ("compound", "nmod"):
        out.append(doc[span.start - 1])
    if first.dep_ == "pobj" and head.head.i != head.i:
        before = doc[head.i - 1] if head.i > 0 else None
        listed = head.lower_ in ("including", "like") or (head.lower_ == "as" and before is not None and before.lower_ == "such")
        # a plural noun of a list ("a company like Nvidia" compares; "companies like Nvidia" lists)
        if listed:
            # the noun and those coordinated with it ("laser and guided missiles such as Cirit"), if plural
            nouns = [head.head, *(c for c in head.head.children if c.dep_ == "conj")]
            out += [n for n in nouns if n.tag_ in ("NNS", "NNPS")]
    # "support for the terrorist organization, Sendero Luminoso and its leader": an apposition the parser
    # hung on another noun is of the noun just before its comma
    if (root.dep_ == "appos" and span.start >= 2 and doc[span.start - 1].text == ","
            and doc[span.start - 2].i != root.head.i and _common_noun(doc[span.start - 2])):
        out.append(doc[span.start - 2])
    # "Notable film scores include Edge of Sanity and Robot Jox", "its products include X": the plural subject
    if first.dep_ == "dobj" and head.lemma_ == "include":
        out += [c for c in head.children if c.dep_ == "nsubj" and c.tag_ == "NNS"]
    if first.dep_ in ("oprd", "attr", "dobj") and head.lemma_ in NAMING_VERBS and head.dep_ in ("acl", "relcl"):
        out.append(head.head)
    # "the town of Ripton", "the city of Kiel": a place noun and "of"
    # (not "the capital of X" or "an electoral district of X": those are parts of X)
    if (first.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in NAMED_PLACE_NOUNS
            and any(c.lower_ == "the" for c in head.head.children)):
        out.append(head.head)
    # "a device known as Chromecast", "a band called as ..."
    if (first.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_ in ("know", *NAMING_VERBS)
            and head.head.dep_ in ("acl", "relcl")):
        out.append(head.head.head)
    # "one of the leading video game companies": the noun after "one of"
    for n, tok in enumerate(out):
        if tok.lower_ == "one":
            objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if objs:
                out[n] = objs[0]
    return out


def name_root(span):
    """The token of a name that the sentence hangs on: its root, or, where the parser split the name
    ("X-Men Legends II: Rise of Apocalypse is a game": "II" and "Rise" both hang outside it), the
    one that is a subject, object or apposition.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Legends", "II", ":", "Rise", "is", "a", "game"],
    ...           heads=[1, 4, 4, 4, 4, 6, 4], deps=["compound", "dep", "punct", "nsubj", "ROOT", "det", "attr"])
    >>> name_root(doc[0:4]).text
    'Rise'
    """
    root = span.root
    if root.dep_ in ("dep", "punct", "compound", "npadvmod", "ROOT"):
        for tok in span:
            if tok.i != root.i and not (span.start <= tok.head.i < span.end) and tok.dep_ in (
                    "nsubj", "nsubjpass", "appos", "dobj", "pobj", "attr", "conj"):
                return tok
    return root


def participle_type(span) -> str | None:
    """``PRODUCT`` for "Chrome, developed by Google" and "Chrome was developed by Google", ``WORK`` for
    "Jaws, directed by Steven Spielberg": a participle with an agent ("by") said of the name."""
    root = span.root
    # a participle after a comma ("Chrome, developed by Google"): one right after the name is as often the
    # parser's guess for an earlier noun's ("a volume on the teachings of the Church written by Hardon")
    doc = span.doc
    verbs = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > 0 and doc[c.i - 1].text == ","]
    if root.dep_ == "nsubjpass":
        verbs.append(root.head)
    kinds = set()
    for verb in verbs:
        if not any(c.dep_ == "agent" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        if lemma in PRODUCT_PARTICIPLES:
            kinds.add("PRODUCT")
        elif lemma in WORK_PARTICIPLES:
            kinds.add("WORK")
    return kinds.pop() if len(kinds) == 1 else None


#: Verbs whose object, where a named maker is the subject, is a product: "Samsung released the Galaxy S".
PRODUCT_VERBS = word_list("entities", "product_verbs")


def made_by_named_maker(span) -> bool:
    """"Samsung released the Galaxy S", "Taito developed Arkanoid": the object of a making verb whose
    subject is a name."""
    root = span.root
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_.lower() not in PRODUCT_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)


def is_event_name(span) -> bool:
    """A name of an event, award or war ("American Civil War", "USSR State Prize"), by its last word.

    >>> import spacy
    >>> doc = spacy.blank("en")("the USSR State Prize and Acme Games")  # (a company: "Games" is no event word)
    >>> is_event_name(doc[1:4]), is_event_name(doc[5:7])
    (True, False)
    """
    return len(span) > 1 and span[-1].text in EVENT_HEADS


def class_noun_type(span) -> str | None:
    """What a name is by the common nouns of :func:`class_nouns`: ``COMPANY``, ``PRODUCT``, ``WORK``,
    ``ORGANIZATION``, ``PUBLICATION``, ``PERSON`` or ``PLACE``, or ``None`` when no such noun says (or two say different things).

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Chrome", ",", "a", "browser", ",", "ships", "."],
    ...           heads=[5, 0, 3, 0, 0, 5, 5], deps=["nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
    ...           pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"])
    >>> class_noun_type(doc[0:1])
    'PRODUCT'
    """
    found = {_class_of(tok) for tok in class_nouns(span)} - {None}
    return found.pop() if len(found) == 1 else None


#: Verbs after which "as X" names a post, not a person: "served as Teachta Dála", "elected as Lord Mayor".
POST_VERBS = word_list("entities", "post_verbs")


def is_post_title(span) -> bool:
    """A person-labelled span that is the title of a post, not a person: "a Teachta Dála" (an indefinite
    article never stands before a person's name), "served as Lord Mayor".

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("She has been a Teachta Dála since 2011 .")
    >>> is_post_title(doc[4:6]), is_post_title(doc[0:1])
    (True, False)
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("a", "an"):
        return True
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lemma_.lower() in POST_VERBS
            and before is not None and before.lower_ in ("as", "the"))
