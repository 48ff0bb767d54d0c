"""The domain data in ``data/gazetteers/``: known names, metonyms and non-entities.

Files (all optional, UTF-8):

``*.jsonl`` other than ``metonyms.jsonl``
    one known entity a line: ``{"name": "Microsoft", "type": "company", "aliases": ["Microsoft Corp."]}``;
    a company may list ``"descriptors"``, the trade words news uses for it in place of its name
    ("the *software* company", "the *iPhone* maker": ``["software", "iphone"]``); a model may name
    its ``"developer"`` (``{"name": "Llama 3", "type": "model", "developer": "Meta"}``)
``metonyms.jsonl``
    places that news uses for a company: ``{"name": "Redmond", "company": "Microsoft"}``
``not_entities.txt``
    spans the statistical NER labels as names but which name nothing (``AI``, ``LLM``), one a line

Users extend the project by adding lines; :func:`load_gazetteer` reads a folder once and the
result's :attr:`Gazetteer.fingerprint` changes whenever any file does (the cache keys on it).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .resources import DATA_DIR, GAZETTEER_DIR as DEFAULT_GAZETTEER_DIR  # noqa: E402,F401


class GazetteerError(ValueError):
    """A gazetteer file that cannot be read or has a malformed line."""


@dataclass(frozen=True)
class GazetteerEntry:
    surface: str  # the form to match, case-sensitively
    type: str
    canonical: str


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...] = ()
    metonyms: dict = field(default_factory=dict)  # place -> company
    not_entities: frozenset = frozenset()
    fingerprint: str = ""
    #: canonical name -> the words that describe it ("software", "search"; its metonym places too),
    #: lower case with hyphens as spaces (see :func:`descriptor_key`)
    descriptors: dict = field(default_factory=dict)
    #: canonical model name -> canonical name of the company that develops it ("Llama 3" -> "Meta")
    developers: dict = field(default_factory=dict)

    @property
    def model_families(self) -> frozenset:
        """First name part of every known model name: ``GPT`` of ``GPT-4o``, ``Llama`` of ``Llama 3``."""
        families = set()
        for e in self.entries:
            if e.type == "model":
                m = re.match(r"[A-Za-z]+", e.surface)
                if m and len(m.group()) > 1:
                    families.add(m.group())
        return frozenset(families)

    def __post_init__(self):
        _BY_FINGERPRINT[self.fingerprint] = self

    @cached_property
    def company_names(self) -> dict:
        """Every company name and alias -> its canonical name."""
        return {e.surface: e.canonical for e in self.entries if e.type == "company"}

    def developer_of(self, model: str) -> str | None:
        """The known developer of a model, or of the longest known model its name starts with
        ("Llama 3.1 405B" is a Llama 3.1, so Meta's).

        >>> g = load_gazetteer()
        >>> g.developer_of("Llama 3.1 405B"), g.developer_of("Claude 3 Opus"), g.developer_of("Zorb-1")
        ('Meta', 'Anthropic', None)
        """
        words = model.split()
        for size in range(len(words), 0, -1):
            found = self.developers.get(" ".join(words[:size]))
            if found is not None:
                return found
        return None

    def types_of(self, surface: str) -> set:
        return {e.type for e in self.entries if e.surface == surface}


#: Gazetteers by fingerprint: a Doc keeps only the fingerprint of the gazetteer it was typed with (a string
#: survives ``nlp.pipe(n_process=...)``, which serialises ``Doc.user_data``; sets and objects do not).
_BY_FINGERPRINT: dict = {}


def gazetteer_of(doc) -> Gazetteer | None:
    """The gazetteer ``newsgraph_entities`` typed ``doc`` with, or ``None`` for a Doc it did not type.

    >>> import spacy
    >>> doc = spacy.blank("en")("Meta released Llama 3.")
    >>> doc.user_data["newsgraph_gazetteer"] = load_gazetteer().fingerprint
    >>> gazetteer_of(doc).developer_of("Llama 3")
    'Meta'
    """
    key = doc.user_data.get("newsgraph_gazetteer")
    return _BY_FINGERPRINT.get(key) if isinstance(key, str) else None


def descriptor_key(words: str) -> str:
    """The form descriptors are compared in: lower case, hyphens and runs of spaces as one space.

    >>> descriptor_key("Social-Media"), descriptor_key("iPhone")
    ('social media', 'iphone')
    """
    return " ".join(words.lower().replace("-", " ").split())


def load_gazetteer(folder: str | Path | None = None) -> Gazetteer:
    """Read every gazetteer file of ``folder`` (default ``data/gazetteers``).

    Examples
    --------
    >>> g = load_gazetteer()
    >>> ("Microsoft", "company") in {(e.canonical, e.type) for e in g.entries}
    True
    >>> g.metonyms["Redmond"]
    'Microsoft'
    >>> sorted(w for w in g.descriptors["Microsoft"] if w in ("software", "redmond"))
    ['redmond', 'software']
    """
    return _load(str(Path(folder or DEFAULT_GAZETTEER_DIR).resolve()))


@lru_cache(maxsize=8)
def _load(folder: str) -> Gazetteer:
    root = Path(folder)
    if not root.is_dir():
        raise GazetteerError(f"gazetteer folder not found: {root}")
    digest = hashlib.sha256()
    entries, metonyms, not_entities, descriptors, developers = [], {}, set(), {}, {}
    for path in sorted(root.iterdir()):
        if path.suffix not in (".jsonl", ".txt"):
            continue
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        lines = raw.decode("utf-8").splitlines()
        if path.suffix == ".txt":
            if path.stem == "not_entities":
                not_entities.update(l.strip() for l in lines if l.strip() and not l.startswith("#"))
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                row = json.loads(line)
                if path.stem == "metonyms":
                    metonyms[row["name"]] = row["company"]
                    continue
                name, type_ = row["name"], row["type"]
                for surface in [name, *row.get("aliases", [])]:
                    entries.append(GazetteerEntry(surface, type_, name))
                words = row.get("descriptors", [])
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise TypeError("'descriptors' must be a list of strings")
                if words:
                    descriptors.setdefault(name, set()).update(descriptor_key(w) for w in words)
                if row.get("developer") is not None:
                    if not isinstance(row["developer"], str):
                        raise TypeError("'developer' must be a company name")
                    for surface in [name, *row.get("aliases", [])]:
                        developers[surface] = row["developer"]
            except (ValueError, KeyError, TypeError) as exc:
                raise GazetteerError(f"{path}:{number}: malformed gazetteer line ({exc})") from None
    for place, company in metonyms.items():
        descriptors.setdefault(company, set()).add(descriptor_key(place))  # "the Redmond company"
    return Gazetteer(tuple(entries), metonyms, frozenset(not_entities), digest.hexdigest()[:16],
                     {name: frozenset(words) for name, words in descriptors.items()}, developers)
