"""The one thing pyproject.toml cannot say: discover every package *and* add ``data/`` as ``extract.data``.

setuptools takes either a discovery rule or a list of packages from pyproject.toml, not both, and
``data/`` (kept at the top of the repository) is found by no discovery rule under the name it has
when installed. Everything else, including the ``extract.data = data`` mapping and the package
data, is in pyproject.toml.
"""
from setuptools import find_packages, setup

# every subpackage of extract/ and graph/, so that a new one (extract/relations/) ships without an edit here
setup(packages=sorted(find_packages(include=["extract", "extract.*", "graph", "graph.*"]) + ["extract.data"]))
