"""Reading and writing graphs, one module per format (like ``networkx.readwrite``).

=================  ===============================  ======================================
module             write / read                      for
=================  ===============================  ======================================
``node_link``      write_json / read_json            ``graph.json``, the SCHEMA.md contract
``graphml``        write_graphml / read_graphml      yEd, Gephi, Cytoscape
``gexf``           write_gexf / read_gexf            Gephi
``tables``         write_csv / read_csv              spreadsheets, pandas, bulk loaders
``neo4j``          write_neo4j / parse_neo4j_script  ``cypher-shell -f graph.cypher``
=================  ===============================  ======================================

``read_json`` checks the file against the graph contract (:mod:`graph.io.validate`) and raises
:class:`GraphFileError`, a ``ValueError`` with a one-line message naming the first bad field.

Every reader gives back a graph equal to the one written (the XML formats and Neo4j
drop ``None``-valued attributes, which they cannot store). Every writer replaces its
file atomically (:mod:`graph.io.atomic`): an interrupted export leaves the previous
file, never a truncated one.
"""
from graph.io.atomic import atomic_open, atomic_write_bytes, atomic_write_text
from graph.io.gexf import read_gexf, write_gexf
from graph.io.graphml import read_graphml, write_graphml
from graph.io.neo4j import parse_neo4j_script, write_neo4j
from graph.io.node_link import graph_to_json_data, read_json, write_json
from graph.io.tables import read_csv, write_csv
from graph.io.validate import GraphFileError

__all__ = [
    "GraphFileError",
    "atomic_open",
    "atomic_write_bytes",
    "atomic_write_text",
    "graph_to_json_data",
    "parse_neo4j_script",
    "read_csv",
    "read_gexf",
    "read_graphml",
    "read_json",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
    "write_neo4j",
]
