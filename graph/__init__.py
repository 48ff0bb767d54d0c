"""newsgraph's graph side: entity resolution, the networkx graph, exports, the viewer and the CLI.

>>> from graph import build_graph
"""
from .build import BuildReport, assemble_graph, build_graph, graph_summary

__all__ = ["BuildReport", "assemble_graph", "build_graph", "graph_summary"]
