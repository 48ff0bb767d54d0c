"""newsgraph's version, defined here only: pyproject.toml, ``newsgraph --version`` and graph.json read it."""
__version__ = "0.1.0"
