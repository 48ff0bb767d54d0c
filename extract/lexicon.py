"""The lexicon: the word lists every rule family reads, written once in ``data/lexicon/``.

``relation_triggers.json`` holds the relation rules' trigger verbs, nouns, titles and the lists of
coreference; ``deal_triggers.json`` the deal frames; ``words.json`` the lists that relations, deals
and entity typing share (legal forms, name suffixes, "former" words, negation and hedging).
"""
from __future__ import annotations

import json
from functools import lru_cache

from .resources import LEXICON_DIR

#: The relation rules' trigger tables.
TRIGGERS_PATH = LEXICON_DIR / "relation_triggers.json"


@lru_cache(maxsize=None)
def load_triggers(path: str | None = None) -> dict:
    """The trigger-word tables (parsed JSON), read once per process.

    Examples
    --------
    >>> "develops" in load_triggers()["verbs"]
    True
    """
    with open(path or TRIGGERS_PATH, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """One shared word list of ``data/lexicon/words.json``, lower case.

    >>> "inc." in words("name_completers"), "former" in words("former_words")
    (True, True)
    """
    with open(LEXICON_DIR / "words.json", encoding="utf-8") as fh:
        lists = json.load(fh)
    return frozenset(w.lower() for w in lists[name])


@lru_cache(maxsize=None)
def title_words() -> frozenset[str]:
    """Every word of a job title (of the relation lexicon's titles) and of the words that modify one
    ("former", "acting", "deputy"): a name made only of these is a title, not a company ("Chief
    Financial Officer", "Vice President").

    >>> {"chief", "financial", "officer", "vice", "acting"} <= title_words()
    True
    """
    titles = load_triggers()["titles"]
    return frozenset(w for names in titles.values() for title in names for w in title.lower().split()) \
        | words("title_modifiers")


@lru_cache(maxsize=None)
def word_list(file: str, name: str) -> frozenset[str]:
    """One word list of ``data/lexicon/<file>.json`` as written (case kept: "University" is a name word).

    >>> "University" in word_list("entities", "organization_words")
    True
    """
    with open(LEXICON_DIR / f"{file}.json", encoding="utf-8") as fh:
        return frozenset(json.load(fh)[name])
