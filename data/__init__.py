"""newsgraph's data folder, installed as the package ``extract.data``.

This file makes ``data/`` a regular package so that ``importlib.resources`` finds it both in a
wheel (where ``pyproject.toml`` maps it to ``extract/data/``) and in an editable install (where
setuptools' finder maps ``extract.data`` to this folder). Read it through
:mod:`extract.resources`, never by a path of your own.
"""
