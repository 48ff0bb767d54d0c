"""Where newsgraph's own data lives: the gazetteers, patterns and lexicon of ``data/``.

Every module reads its data files through :data:`DATA_DIR`, never through a path of its own, so that
an installed wheel (where ``data/`` is package data) and a checkout read the same files.

>>> (DATA_DIR / "gazetteers").is_dir()
True
"""
from __future__ import annotations

from pathlib import Path

#: The folder that holds ``gazetteers/``, ``patterns/`` and the lexicon.
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
PATTERNS_DIR = DATA_DIR / "patterns"
GAZETTEER_DIR = DATA_DIR / "gazetteers"
LEXICON_DIR = DATA_DIR / "lexicon"
