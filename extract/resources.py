"""Where newsgraph's own data lives: the gazetteers, patterns and lexicon of ``data/``.

Every module reads its data files through :data:`DATA_DIR`, never through a path of its own, so that
an installed wheel and a checkout read the same files. ``data/`` stays at the top of the repository;
``pyproject.toml`` installs it as the package ``extract.data``, and :mod:`importlib.resources` finds
that package wherever it is: inside ``site-packages`` for a wheel, the checkout's ``data/`` for an
editable install (setuptools' finder maps the name there).

``NEWSGRAPH_DATA=DIR`` in the environment replaces the whole folder (a copy of ``data/`` with your own
gazetteers, patterns and merges); it is read when newsgraph is first imported, and worker processes
inherit it. To swap only the gazetteers, ``newsgraph build --gazetteers DIR`` is enough.

>>> (DATA_DIR / "gazetteers").is_dir() and (LEXICON_DIR / "relation_triggers.json").is_file()
True
>>> isinstance(DATA_DIR, Path)
True
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

#: The environment variable that points newsgraph at another data folder.
DATA_ENV = "NEWSGRAPH_DATA"


def _packaged_data_dir() -> Path:
    root = resources.files("extract.data")
    if isinstance(root, Path):  # a plain folder on disk: a wheel installed normally, or the checkout
        return root
    # a zipped install (zipapp, zipimport): modules do DATA_DIR / "x", .glob and .rglob, which need a
    # real folder, so copy the data out once for this process
    target = Path(tempfile.mkdtemp(prefix="newsgraph-data-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)

    def copy(node, dest: Path) -> None:
        for child in node.iterdir():
            if child.is_dir():
                (dest / child.name).mkdir()
                copy(child, dest / child.name)
            else:
                (dest / child.name).write_bytes(child.read_bytes())

    copy(root, target)
    return target


def _data_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override).expanduser().resolve()
        if not path.is_dir():
            raise FileNotFoundError(f"{DATA_ENV}={override}: no such folder")
        return path
    return _packaged_data_dir()


#: The folder that holds ``gazetteers/``, ``patterns/``, ``merges.json`` and the lexicon.
DATA_DIR: Path = _data_dir()
PATTERNS_DIR = DATA_DIR / "patterns"
GAZETTEER_DIR = DATA_DIR / "gazetteers"
LEXICON_DIR = DATA_DIR / "lexicon"
